import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import type { AppError, SaveKind } from '../bindings';
import { useFileOpen } from '../trainingQueries';
import { useFileDialog } from './FileChoice';

/** A save that writes a PDF to a path chosen in the save dialog and answers with the path written. */
export interface PdfSave {
  run: (path: string) => void;
  saved: string | undefined;
  error: AppError | null;
  pending: boolean;
  reset: () => void;
}

/**
 * The body of every "print" dialog: Save PDF… opens the system's save dialog (in the last folder
 * saved to, at first Documents/Spotter), the PDF is written there, then the saved path with
 * Open, which shows it in the system's PDF viewer; the trainer prints from there.
 */
export function SavePdfForm({
  kind,
  fileName,
  save,
  savedTitle,
  intro,
  onClose,
}: {
  kind: SaveKind;
  /** The name the save dialog offers. */
  fileName: string;
  save: PdfSave;
  savedTitle: string;
  intro?: ReactNode;
  onClose: () => void;
}) {
  const dialog = useFileDialog();
  const open = useFileOpen();

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

  const error = dialog.error ?? save.error;
  return (
    <Stack gap="md">
      {intro}
      {error && (
        <Alert color="red" variant="light" data-testid="pdf-path-error">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          loading={save.pending || dialog.busy}
          onClick={async () => {
            save.reset();
            const path = await dialog.save(kind, fileName);
            if (path) save.run(path);
          }}
          data-autofocus
          data-testid="pdf-save"
        >
          Save PDF…
        </Button>
      </Group>
    </Stack>
  );
}
