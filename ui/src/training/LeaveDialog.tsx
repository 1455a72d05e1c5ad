import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** Asked when leaving the editor with unsaved changes. Stay is the safe default. */
export function LeaveDialog({
  opened,
  saving,
  onStay,
  onDiscard,
  onSave,
}: {
  opened: boolean;
  saving: boolean;
  onStay: () => void;
  onDiscard: () => void;
  onSave: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onStay} title="Unsaved changes" size="sm" data-testid="leave-dialog">
      <Stack gap="md">
        <Text size="sm">This plan has changes that are not saved yet. Save them as a new version before leaving?</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" color="red" onClick={onDiscard} data-testid="leave-discard">
            Discard changes
          </Button>
          <Button variant="default" onClick={onStay} data-autofocus data-testid="leave-stay">
            Stay
          </Button>
          <Button onClick={onSave} loading={saving} data-testid="leave-save">
            Save and leave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
