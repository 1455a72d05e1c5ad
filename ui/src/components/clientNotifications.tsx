import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Client } from '../bindings';
import { useRestoreClient, useSetArchived } from '../queries';

const UNDO_MS = 8000;

/** Deleting never asks first; this notification is the way back. */
export function notifyDeleted(client: Client) {
  const id = `client-deleted-${client.id}-${Date.now()}`;
  notifications.show({
    id,
    autoClose: UNDO_MS,
    message: <UndoDelete client={client} notificationId={id} />,
  });
}

export function notifyArchived(client: Client, archived: boolean) {
  const id = `client-archived-${client.id}-${Date.now()}`;
  notifications.show({
    id,
    autoClose: UNDO_MS,
    message: <UndoArchive client={client} archived={archived} notificationId={id} />,
  });
}

function UndoRow({
  text,
  onUndo,
  loading,
  testId,
}: {
  text: string;
  onUndo: () => void;
  loading: boolean;
  testId: string;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" lineClamp={2}>
        {text}
      </Text>
      <Button size="compact-sm" variant="light" onClick={onUndo} loading={loading} data-testid={testId}>
        Undo
      </Button>
    </Group>
  );
}

function UndoDelete({ client, notificationId }: { client: Client; notificationId: string }) {
  const restore = useRestoreClient();
  const undo = () =>
    restore.mutate(client.id, {
      onSuccess: (restored) =>
        notifications.update({ id: notificationId, message: `Restored ${restored.name}`, autoClose: 3000 }),
      onError: (error) =>
        notifications.update({
          id: notificationId,
          color: 'red',
          message: `Could not restore ${client.name}: ${error.message}`,
          autoClose: false,
        }),
    });
  return <UndoRow text={`Deleted ${client.name}`} onUndo={undo} loading={restore.isPending} testId="undo-delete" />;
}

function UndoArchive({
  client,
  archived,
  notificationId,
}: {
  client: Client;
  archived: boolean;
  notificationId: string;
}) {
  const setArchived = useSetArchived();
  const undo = () =>
    setArchived.mutate(
      { id: client.id, archived: !archived },
      {
        onSuccess: () => notifications.hide(notificationId),
        onError: (error) =>
          notifications.update({ id: notificationId, color: 'red', message: error.message, autoClose: false }),
      },
    );
  return (
    <UndoRow
      text={archived ? `Archived ${client.name}` : `Unarchived ${client.name}`}
      onUndo={undo}
      loading={setArchived.isPending}
      testId="undo-archive"
    />
  );
}
