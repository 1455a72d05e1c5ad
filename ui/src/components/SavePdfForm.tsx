import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { AppError } from '../bindings';
import { joinPath } from '../files';
import { useDefaultExportDir } from '../recordQueries';
import { useFileOpen } from '../trainingQueries';
import { fileExists, ReplaceFileAlert } from './ReplaceFileAlert';

/**
 * A save that writes a PDF to a path and answers with the path written (a mutation's state).
 * `replace` is the path the trainer agreed to replace (an existing file is refused otherwise).
 */
export interface PdfSave {
  run: (path: string, replace?: string | null) => void;
  saved: string | undefined;
  error: AppError | null;
  pending: boolean;
  reset: () => void;
}

/**
 * The body of every "print" dialog: where to save the PDF (the export folder, editable), then the
 * saved path with Open, which shows it in the system's PDF viewer; the trainer prints from there.
 */
export function SavePdfForm({
  fileName,
  save,
  savedTitle,
  intro,
  onClose,
}: {
  /** Offered in the export folder until the trainer edits the path. */
  fileName: string;
  save: PdfSave;
  savedTitle: string;
  intro?: ReactNode;
  onClose: () => void;
}) {
  const dir = useDefaultExportDir();
  // Null until the trainer edits it: follows the default folder once that has loaded.
  const [typed, setTyped] = useState<string | null>(null);
  const open = useFileOpen();
  const path = typed ?? (dir.data ? joinPath(dir.data, fileName) : '');

  if (save.saved) {
    const saved = save.saved;
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title={savedTitle}>
          <Code style={{ overflowWrap: 'anywhere' }} data-testid="pdf-saved">
            {saved}
          </Code>
        </Alert>
        {open.error && (
          <Alert color="red" variant="light" title="Could not open it">
            {open.error.message}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Open shows it in your PDF viewer; print from there.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
          <Button onClick={() => open.mutate(saved)} loading={open.isPending} data-autofocus data-testid="pdf-open">
            Open
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) save.run(path.trim());
      }}
    >
      <Stack gap="md">
        {intro}
        <TextInput
          label="Save as"
          value={path}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            save.reset();
          }}
          error={(fileExists(save.error) ? undefined : save.error?.message) ?? dir.error?.message}
          errorProps={{ 'data-testid': 'pdf-path-error' }}
          autoComplete="off"
          data-autofocus
          data-testid="pdf-path"
        />
        {save.error && fileExists(save.error) && (
          <ReplaceFileAlert
            error={save.error}
            busy={save.pending}
            onReplace={() => save.run(path.trim(), path.trim())}
            testId="pdf-replace"
          />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.pending} disabled={!path.trim()} data-testid="pdf-save">
            Save PDF
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
