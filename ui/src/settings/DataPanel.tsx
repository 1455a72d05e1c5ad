// Settings → Data: "Back up now", the backups with date and size, "Restore…" from one of them
// or from a file, how many backups to keep, "Export everything" and "Open data folder".
// Everything is done by the core (spotter_store::backups, spotter_core::full_export); after a restore the
// window starts afresh on the restored data.
import { Alert, Badge, Button, Divider, Group, NumberInput, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import type { BackupInfo, BackupReason, RestoreReport, Retention } from '../bindings';
import { formatTimestamp } from '../format';
import { reloadApp, useBackupNow, useBackups, useRetention, useSaveRetention } from './dataQueries';
import { ExportEverything } from './ExportEverything';
import { RestoreConfirm, type RestoreCandidate } from './RestoreConfirm';

export interface DataPanelProps {
  /**
   * Picks a backup file to restore (the native open dialog); resolves with its path, or null
   * when the trainer cancelled. Without it the panel offers a path field.
   */
  pickFile?: () => Promise<string | null>;
  /** Picks where "Export everything" writes its JSON (the native save dialog); else a path field. */
  pickExportPath?: (suggested: string) => Promise<string | null>;
  /** After a successful restore; by default the window reloads on the restored data. */
  onRestored?: (report: RestoreReport) => void;
}

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  before_migration: 'Before an upgrade',
  before_update: 'Before an update',
  before_restore: 'Before a restore',
};

export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

export function DataPanel({ pickFile, pickExportPath, onRestored = () => reloadApp() }: DataPanelProps) {
  const backups = useBackups();
  const backupNow = useBackupNow();
  const [candidate, setCandidate] = useState<RestoreCandidate | null>(null);
  const [filePath, setFilePath] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);

  const restoreFromFile = async () => {
    const path = pickFile ? await pickFile() : filePath.trim();
    if (path) setCandidate({ path, label: 'the file you chose' });
  };
  const openFolder = () => {
    setFolderError(null);
    api.dataFolderOpen().catch((e: { message: string }) => setFolderError(e.message));
  };

  return (
    <Paper withBorder p="md" data-testid="settings-data">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Backups and export</Title>
        <Group gap="xs">
          <Button variant="default" onClick={openFolder} data-testid="data-open-folder">
            Open data folder
          </Button>
          <Button onClick={() => backupNow.mutate()} loading={backupNow.isPending} data-testid="backup-now">
            Back up now
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Spotter backs up your data once a day while it is open, and before every upgrade, update and restore.
        Backups are kept in the data folder; copy them to another disk now and then.
      </Text>
      {backupNow.error && (
        <Alert color="red" variant="light" mb="sm" data-testid="backup-now-error">
          {backupNow.error.message}
        </Alert>
      )}
      {folderError && (
        <Alert color="red" variant="light" mb="sm">
          {folderError}
        </Alert>
      )}
      <BackupList
        backups={backups.data}
        error={backups.error?.message}
        onRestore={(b) => setCandidate({ path: b.path, label: `the backup of ${formatTimestamp(b.takenAt)}` })}
      />
      <Group align="flex-end" mt="sm" wrap="nowrap">
        {!pickFile && (
          <TextInput
            label="Restore from a file"
            placeholder="/path/to/spotter-backup.db"
            value={filePath}
            onChange={(e) => setFilePath(e.currentTarget.value)}
            style={{ flex: 1 }}
            data-testid="restore-file-path"
          />
        )}
        <Button
          variant="default"
          onClick={() => void restoreFromFile()}
          disabled={!pickFile && filePath.trim() === ''}
          data-testid="restore-file"
        >
          {pickFile ? 'Restore from a file…' : 'Restore…'}
        </Button>
      </Group>
      <Divider my="md" />
      <RetentionFields />
      <Divider my="md" />
      <ExportEverything pickExportPath={pickExportPath} />
      <RestoreConfirm
        candidate={candidate}
        onClose={() => setCandidate(null)}
        onRestored={(report) => {
          setCandidate(null);
          onRestored(report);
        }}
      />
    </Paper>
  );
}

function BackupList({
  backups,
  error,
  onRestore,
}: {
  backups: BackupInfo[] | undefined;
  error: string | undefined;
  onRestore: (b: BackupInfo) => void;
}) {
  if (error) return <Text c="red">{error}</Text>;
  if (!backups) return null;
  if (backups.length === 0) {
    return (
      <Text size="sm" data-testid="backups-empty">
        No backups yet. The first daily backup is made shortly after Spotter starts.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={280}>
      <Table data-testid="backups-list" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Taken</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.path} data-testid="backup-row">
              <Table.Td>{formatTimestamp(b.takenAt)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={b.reason === 'daily' || b.reason === 'manual' ? 'blue' : 'gray'}>
                  {REASON_LABELS[b.reason]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatSize(b.sizeBytes)}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" onClick={() => onRestore(b)} aria-label={`Restore the backup of ${formatTimestamp(b.takenAt)}`}>
                  Restore…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** How many daily and weekly backups to keep; saved when a field is left. */
function RetentionFields() {
  const retention = useRetention();
  const save = useSaveRetention();
  const [draft, setDraft] = useState<Retention | null>(null);
  const current = draft ?? retention.data;
  if (!current) return null;
  const commit = () => {
    if (draft && (draft.daily !== retention.data?.daily || draft.weekly !== retention.data?.weekly)) {
      save.mutate(draft, { onSuccess: () => setDraft(null) });
    }
  };
  const fieldError = (field: string) => (save.error?.field === field ? save.error.message : null);
  const set = (field: keyof Retention, value: number | string) =>
    setDraft({ ...current, [field]: typeof value === 'number' ? value : Number.parseInt(value, 10) || 0 });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Keep
      </Text>
      <Group align="flex-start">
        <NumberInput
          label="Daily backups"
          description="The newest of each day; as many of yours"
          min={1}
          max={366}
          value={current.daily}
          onChange={(v) => set('daily', v)}
          onBlur={commit}
          error={fieldError('daily')}
          w={170}
          data-testid="retention-daily"
        />
        <NumberInput
          label="Weekly backups"
          description="The newest of each week"
          min={0}
          max={520}
          value={current.weekly}
          onChange={(v) => set('weekly', v)}
          onBlur={commit}
          error={fieldError('weekly')}
          w={170}
          data-testid="retention-weekly"
        />
      </Group>
      <Text size="xs" c="dimmed">
        Backups made before an upgrade, an update or a restore are kept for 30 days, and the last three of each always.
      </Text>
    </Stack>
  );
}
