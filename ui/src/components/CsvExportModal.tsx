import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { joinPath } from '../files';
import { useCsvExport, useDefaultExportDir } from '../recordQueries';
import { IconCheck, IconCopy } from './icons';
import { fileExists, ReplaceFileAlert } from './ReplaceFileAlert';

export function CsvExportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Export clients to CSV" size="lg">
      <CsvExport onClose={onClose} />
    </Modal>
  );
}

function CsvExport({ onClose }: { onClose: () => void }) {
  const dir = useDefaultExportDir();
  // Null until the trainer edits it: follows the default folder once that has loaded.
  const [typed, setTyped] = useState<string | null>(null);
  const exporter = useCsvExport();
  const path = typed ?? (dir.data ? joinPath(dir.data, 'clients.csv') : '');

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

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) exporter.mutate({ path: path.trim() });
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Every client that is not deleted, one row each. The file can be opened in a spreadsheet and imported again.
        </Text>
        <TextInput
          label="Save as"
          value={path}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            exporter.reset();
          }}
          error={(fileExists(exporter.error) ? undefined : exporter.error?.message) ?? dir.error?.message}
          errorProps={{ 'data-testid': 'csv-export-error' }}
          autoComplete="off"
          data-autofocus
          data-testid="csv-export-path"
        />
        {exporter.error && fileExists(exporter.error) && (
          <ReplaceFileAlert
            error={exporter.error}
            busy={exporter.isPending}
            onReplace={() => exporter.mutate({ path: path.trim(), replace: path.trim() })}
            testId="csv-export-replace"
          />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={exporter.isPending} disabled={!path.trim()} data-testid="csv-export-save">
            Export
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
