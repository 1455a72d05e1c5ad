// Choosing files through the native dialogs, which Spotter opens from Rust (the window has
// no file-system access): a hook that asks for a save or open dialog and keeps its error, and
// the "Choose…" button of every import, showing the file chosen.
import { Button, Code, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import type { AppError, OpenKind, SaveKind } from '../bindings';

export function useFileDialog() {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  async function ask(show: () => Promise<string | null>): Promise<string | null> {
    setBusy(true);
    setError(null);
    try {
      return await show();
    } catch (e) {
      setError(e as AppError);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return {
    /** The chosen path, or null when the trainer cancelled (or the dialog failed: see `error`). */
    save: (kind: SaveKind, suggested: string) => ask(() => api.dialogSave(kind, suggested)),
    open: (kind: OpenKind) => ask(() => api.dialogOpen(kind)),
    error,
    busy,
    clear: () => setError(null),
  };
}

/** The file name at the end of a path (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** "Choose…" for an import: the open dialog, then the chosen file's name beside the button. */
export function ChooseFileButton({
  kind,
  label,
  chosen,
  onChosen,
  testId,
  disabled,
}: {
  kind: OpenKind;
  label: string;
  /** The path chosen so far, shown beside the button. */
  chosen: string | null;
  onChosen: (path: string) => void;
  testId: string;
  disabled?: boolean;
}) {
  const dialog = useFileDialog();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          loading={dialog.busy}
          disabled={disabled}
          onClick={async () => {
            const path = await dialog.open(kind);
            if (path) onChosen(path);
          }}
          data-testid={testId}
        >
          Choose…
        </Button>
        {chosen ? (
          <Code title={chosen} style={{ overflowWrap: 'anywhere' }} data-testid={`${testId}-chosen`}>
            {baseName(chosen)}
          </Code>
        ) : (
          <Text size="sm" c="dimmed">
            No file chosen
          </Text>
        )}
      </Group>
      {dialog.error && (
        <Text size="sm" c="red" mt={4} data-testid={`${testId}-error`}>
          {dialog.error.message}
        </Text>
      )}
    </div>
  );
}
