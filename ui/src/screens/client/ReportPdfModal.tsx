import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Client } from '../../bindings';
import { joinPath, slug } from '../../clientTraining/planDays';
import { useReportSave } from '../../clientTraining/queries';
import { useFileOpen } from '../../trainingQueries';
import { useDefaultExportDir } from '../../recordQueries';

export function ReportPdfModal({ client, opened, onClose }: { client: Client; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Print progress report" size="lg">
      <ReportPdf client={client} onClose={onClose} />
    </Modal>
  );
}

/** Writes the report to a PDF file, then offers to open it in the system's PDF viewer. */
function ReportPdf({ client, onClose }: { client: Client; onClose: () => void }) {
  const dir = useDefaultExportDir();
  // Null until the trainer edits it: follows the default folder once that has loaded.
  const [typed, setTyped] = useState<string | null>(null);
  const report = useReportSave(client.id);
  const open = useFileOpen();
  const path = typed ?? (dir.data ? joinPath(dir.data, `progress-${slug(client.name)}.pdf`) : '');

  if (report.data) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title="Report saved">
          <Code style={{ overflowWrap: 'anywhere' }} data-testid="pdf-saved">
            {report.data}
          </Code>
        </Alert>
        {open.error && (
          <Alert color="red" variant="light" title="Could not open it">
            {open.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
          <Button onClick={() => open.mutate(report.data)} loading={open.isPending} data-autofocus data-testid="pdf-open">
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
        if (path.trim()) report.mutate(path.trim());
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Measurements, strength, training volume, adherence and records of {client.name}, on the paper size and with the
          studio name set in Settings.
        </Text>
        <TextInput
          label="Save as"
          value={path}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            report.reset();
          }}
          error={report.error?.message ?? dir.error?.message}
          errorProps={{ 'data-testid': 'pdf-path-error' }}
          autoComplete="off"
          data-autofocus
          data-testid="pdf-path"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={report.isPending} disabled={!path.trim()} data-testid="pdf-save">
            Save PDF
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
