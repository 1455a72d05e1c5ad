// Closing a modal form that has unsaved changes (Escape, the × or its Close/Cancel button) asks
// first: keep editing, or discard the changes. Unchanged forms close at once.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * `requestClose` goes to the modal's `onClose` and its Close button; `dialog` must be rendered
 * next to the modal, not inside it, so Escape in the question closes only the question.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void): { requestClose: () => void; dialog: ReactNode } {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : onClose());
  const dialog = asking && (
    <DiscardChangesDialog
      onKeep={() => setAsking(false)}
      onDiscard={() => {
        setAsking(false);
        onClose();
      }}
    />
  );
  return { requestClose, dialog };
}

/** "Discard changes?" Keep editing is the safe default (focused, and what Escape does). */
export function DiscardChangesDialog({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  return (
    <Modal opened onClose={onKeep} title="Discard changes?" size="sm" zIndex={400} data-testid="discard-dialog">
      <Stack gap="md">
        <Text size="sm">What you changed here is not saved yet.</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" color="red" onClick={onDiscard} data-testid="discard-confirm">
            Discard changes
          </Button>
          <Button variant="default" onClick={onKeep} data-autofocus data-testid="discard-keep">
            Keep editing
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
