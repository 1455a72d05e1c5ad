// The start-up screen for a damaged database (found when Spotter opened it): what happened,
// that the file is kept, and "Restore the latest backup (date)" — which restores it through
// the core (the damaged file is moved aside, never deleted) and starts the window afresh.
import { Alert, Button, Center, Code, Loader, Stack, Text, Title } from '@mantine/core';
import type { AppError, RestoreReport } from '../bindings';
import { formatTimestamp } from '../format';
import { reloadApp, useBackups, useRestoreBackup } from '../settings/dataQueries';

export function DamagedDatabase({
  error,
  onRestored = () => reloadApp(),
}: {
  error: AppError;
  onRestored?: (report: RestoreReport) => void;
}) {
  const backups = useBackups();
  const restore = useRestoreBackup();
  const latest = backups.data?.[0];
  return (
    <Center h="100vh" p="xl">
      <Stack maw={600} gap="md" data-testid="damaged-database">
        <Title order={2}>Your data file is damaged</Title>
        <Text>
          Spotter found damage in its database when it opened it (a disk error or an interrupted copy can cause this).
          Nothing has been deleted: restoring a backup moves the damaged file into the data folder’s “damaged” folder.
        </Text>
        <Alert color="red" variant="light" title="What Spotter found">
          <Code block style={{ overflowWrap: 'anywhere' }}>
            {error.message}
          </Code>
        </Alert>
        {backups.isPending && <Loader size="sm" aria-label="Looking for backups" />}
        {backups.error && <Text c="red">{backups.error.message}</Text>}
        {backups.data && !latest && (
          <Text data-testid="damaged-no-backup">
            There is no backup in the data folder to restore. Keep the damaged file and ask for help before using Spotter
            on this data folder again.
          </Text>
        )}
        {latest && (
          <Stack gap={4}>
            <Button
              w="fit-content"
              loading={restore.isPending}
              onClick={() => restore.mutate(latest.path, { onSuccess: onRestored })}
              data-testid="damaged-restore-latest"
            >
              Restore the latest backup ({formatTimestamp(latest.takenAt)})
            </Button>
            <Text size="xs" c="dimmed">
              What you entered after that backup was taken is not in it.
            </Text>
          </Stack>
        )}
        {restore.error && (
          <Alert color="red" variant="light" title="Not restored" data-testid="damaged-restore-error">
            {restore.error.message}
          </Alert>
        )}
      </Stack>
    </Center>
  );
}
