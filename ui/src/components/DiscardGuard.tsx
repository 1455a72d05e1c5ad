// Closing a modal form that has unsaved changes (Escape, the × or its Close/Cancel button) asks
// first: keep editing, or discard the changes. Unchanged forms close at once.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';

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

/**
 * For a modal whose form is a child component: the form tells `setDirty` whether it differs
 * from what it opened with (see `useReportDirty`); the modal's `onClose` and the form's Cancel
 * take `requestClose`, a successful save takes `close` (no question).
 */
export function useDirtyGuard(onClose: () => void): {
  setDirty: (dirty: boolean) => void;
  close: () => void;
  requestClose: () => void;
  dialog: ReactNode;
} {
  const [dirty, setDirty] = useState(false);
  const close = useCallback(() => {
    // The form is unmounted with the modal; the next one starts clean.
    setDirty(false);
    onClose();
  }, [onClose]);
  const { requestClose, dialog } = useDiscardGuard(dirty, close);
  return { setDirty, close, requestClose, dialog };
}

/** The form side of `useDirtyGuard`: reports each change of `dirty`. */
export function useReportDirty(dirty: boolean, onDirtyChange: ((dirty: boolean) => void) | undefined) {
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
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
