// The confirmation before a restore: what will be replaced, that the present is backed up
// first, and the core's reason when a file is refused (damaged, not Spotter's, too new).
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { RestoreReport } from '../bindings';
import { useRestoreBackup } from './dataQueries';

export interface RestoreCandidate {
  path: string;
  /** How the trainer knows it: "the backup of 4 Dec 2026, 09:00", or the file's path. */
  label: string;
}

export function RestoreConfirm({
  candidate,
  onClose,
  onRestored,
}: {
  candidate: RestoreCandidate | null;
  onClose: () => void;
  onRestored: (report: RestoreReport) => void;
}) {
  const restore = useRestoreBackup();
  const close = () => {
    if (restore.isPending) return;
    restore.reset();
    onClose();
  };
  return (
    <Modal opened={candidate !== null} onClose={close} title="Restore this backup?" centered>
      {candidate && (
        <Stack gap="sm" data-testid="restore-confirm-dialog">
          <Text size="sm">
            Your data will be replaced by {candidate.label}. Everything you entered after it was taken is
            replaced too. What you have now is backed up first (listed as “Before a restore”), so you can go back.
          </Text>
          <Code block style={{ overflowWrap: 'anywhere' }}>
            {candidate.path}
          </Code>
          {restore.error && (
            <Alert color="red" variant="light" title="Not restored" data-testid="restore-error">
              {restore.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={restore.isPending}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={restore.isPending}
              data-testid="restore-confirm"
              onClick={() => restore.mutate(candidate.path, { onSuccess: onRestored })}
            >
              Restore
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
