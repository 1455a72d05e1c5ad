// "Export everything": every table as JSON where the trainer says, and the clients as CSV
// beside it. An existing file is replaced only after the trainer confirms that very path.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { appKeys } from '../cacheKeys';
import type { AppError, ExportFiles } from '../bindings';
import { todayIso } from '../format';
import { useExportEverything } from './dataQueries';

/** `dir` + `file` with the separator the folder already uses (Windows paths too). */
function inFolder(dir: string, file: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${file}`;
}

export function ExportEverything({ pickExportPath }: { pickExportPath?: (suggested: string) => Promise<string | null> }) {
  const exportDir = useQuery<string, AppError>({ queryKey: appKeys.defaultExportDir, queryFn: api.defaultExportDir });
  const suggested = `spotter-export-${todayIso()}.json`;
  // null until the trainer types: then the default folder fills it once.
  const [typed, setPath] = useState<string | null>(null);
  const path = typed ?? (exportDir.data ? inFolder(exportDir.data, suggested) : '');
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [written, setWritten] = useState<ExportFiles | null>(null);
  const run = useExportEverything();

  const start = (target: string, replace: string | null) => {
    setWritten(null);
    setConfirmReplace(null);
    run.mutate(
      { path: target, replace },
      {
        onSuccess: setWritten,
        onError: (e) => {
          if (e.code === 'file_exists') setConfirmReplace(target);
        },
      },
    );
  };
  const exportNow = async () => {
    if (!pickExportPath) return start(path, null);
    const chosen = await pickExportPath(suggested);
    // The save dialog asked about replacing that file already.
    if (chosen) start(chosen, chosen);
  };
  const fieldError = run.error && run.error.field === 'path' && run.error.code !== 'file_exists' ? run.error.message : null;

  return (
    <Stack gap="xs" data-testid="export-everything">
      <Text size="sm" fw={500}>
        Export everything
      </Text>
      <Text size="xs" c="dimmed">
        All your data as one JSON file (every client, session, plan and log) and your clients as a CSV beside it,
        readable by any program. The same as <code>spotter-cli export</code>.
      </Text>
      <Group align="flex-end" wrap="nowrap">
        {!pickExportPath && (
          <TextInput
            label="Save as"
            value={path}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setConfirmReplace(null);
            }}
            error={fieldError}
            style={{ flex: 1 }}
            data-testid="export-path"
          />
        )}
        <Button variant="default" onClick={() => void exportNow()} loading={run.isPending} data-testid="export-run">
          Export everything
        </Button>
      </Group>
      {pickExportPath && fieldError && (
        <Text size="sm" c="red">
          {fieldError}
        </Text>
      )}
      {confirmReplace && (
        <Alert color="yellow" variant="light" data-testid="export-replace">
          <Group justify="space-between">
            <Text size="sm">{run.error?.message}</Text>
            <Button size="xs" color="yellow" onClick={() => start(confirmReplace, confirmReplace)} data-testid="export-replace-confirm">
              Replace
            </Button>
          </Group>
        </Alert>
      )}
      {run.error && !fieldError && !confirmReplace && (
        <Text size="sm" c="red">
          {run.error.message}
        </Text>
      )}
      {written && (
        <Alert color="green" variant="light" data-testid="export-done">
          <Text size="sm">Saved {written.json}</Text>
          <Text size="sm">and {written.csv}</Text>
        </Alert>
      )}
    </Stack>
  );
}
