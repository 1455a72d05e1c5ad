import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useCsvExport } from '../recordQueries';
import { useFileDialog } from './FileChoice';
import { IconCheck, IconCopy } from './icons';

export function CsvExportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Export clients to CSV" size="lg">
      <CsvExport onClose={onClose} />
    </Modal>
  );
}

function CsvExport({ onClose }: { onClose: () => void }) {
  const dialog = useFileDialog();
  const exporter = useCsvExport();

  if (exporter.data) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title="Clients exported" data-testid="csv-export-result">
          <Group gap={6} wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }} data-testid="csv-export-path-written">
              {exporter.data}
            </Code>
            <CopyButton value={exporter.data}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy path'}>
                  <ActionIcon variant="subtle" color="gray" size="sm" onClick={copy} aria-label="Copy path">
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const error = dialog.error ?? exporter.error;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Every client that is not deleted, one row each. The file can be opened in a spreadsheet and imported again.
      </Text>
      {error && (
        <Alert color="red" variant="light" data-testid="csv-export-error">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          loading={exporter.isPending || dialog.busy}
          onClick={async () => {
            exporter.reset();
            const path = await dialog.save('clients_csv', 'clients.csv');
            if (path) exporter.mutate({ path });
          }}
          data-autofocus
          data-testid="csv-export-save"
        >
          Export…
        </Button>
      </Group>
    </Stack>
  );
}
