import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/**
 * A short confirmation with an Undo button (nothing changes the calendar without one). The
 * session writes refresh what they change themselves; `after` is for anything more.
 */
export function notifyWithUndo(message: string, undo: () => Promise<unknown>, after?: () => unknown) {
  const id = `undo-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  notifications.show({
    id,
    autoClose: 8000,
    message: (
      <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="undo-notice">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          data-testid="undo-action"
          onClick={() => {
            notifications.hide(id);
            void undo()
              .then(() => after?.())
              .catch((e: { message?: string }) =>
                notifications.show({ color: 'red', message: e.message ?? 'Undo failed' }),
              );
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}
