import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useDefaultExportDir } from '../recordQueries';
import { useFileOpen, usePlanPdfSave } from '../trainingQueries';

/** "Anna — Strength 1" → "anna-strength-1". */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'plan';
}

/** `dir` + `name.pdf`, with the separator the folder already uses (Windows paths too). */
export function pdfPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${slug(name)}.pdf`;
}

export function PlanPdfModal({
  opened,
  onClose,
  planId,
  name,
  version,
  dirty,
}: {
  opened: boolean;
  onClose: () => void;
  planId: string;
  name: string;
  version: number;
  dirty: boolean;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Print plan (PDF)" size="lg">
      <PdfForm planId={planId} name={name} version={version} dirty={dirty} onClose={onClose} />
    </Modal>
  );
}

/** Saves the PDF where the trainer says, then opens it in the system viewer, which is also how it prints. */
function PdfForm({
  planId,
  name,
  version,
  dirty,
  onClose,
}: {
  planId: string;
  name: string;
  version: number;
  dirty: boolean;
  onClose: () => void;
}) {
  const dir = useDefaultExportDir();
  // Null until the trainer edits it: follows the default folder once that has loaded.
  const [typed, setTyped] = useState<string | null>(null);
  const save = usePlanPdfSave();
  const open = useFileOpen();
  const path = typed ?? (dir.data ? pdfPath(dir.data, name) : '');

  if (save.data) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title="PDF saved">
          <Code style={{ overflowWrap: 'anywhere' }} data-testid="pdf-saved">
            {save.data}
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
          <Button onClick={() => open.mutate(save.data)} loading={open.isPending} data-testid="pdf-open" data-autofocus>
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
        if (path.trim()) save.mutate({ id: planId, path: path.trim() });
      }}
    >
      <Stack gap="md">
        {dirty && (
          <Alert color="yellow" variant="light" data-testid="pdf-unsaved">
            The PDF shows version {version}, the last one saved. Save first to print your changes.
          </Alert>
        )}
        <TextInput
          label="Save as"
          value={path}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            save.reset();
          }}
          error={save.error?.message ?? dir.error?.message}
          errorProps={{ 'data-testid': 'pdf-error' }}
          autoComplete="off"
          data-autofocus
          data-testid="pdf-path"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!path.trim()} data-testid="pdf-save">
            Save PDF
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
