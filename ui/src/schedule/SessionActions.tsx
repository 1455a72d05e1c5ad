import { Button, Checkbox, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../api';
import type { AppError, EditScope, Session, SessionStatus } from '../bindings';
import {
  useCancelSession,
  useDeleteSession,
  useExportSession,
  useSessionWrites,
  useSetSessionStatus,
} from '../sessionQueries';
import { datePart } from './zoned';

/**
 * One-click status changes (each with undo), cancellation of one, following or all
 * sessions of a series (confirmed by the menu choice), the .ics invitation and delete.
 */
export function SessionActions({ session, onDone }: { session: Session; onDone: () => void }) {
  const setSessionStatus = useSetSessionStatus();
  const cancelSession = useCancelSession();
  const deleteSession = useDeleteSession();
  // Undo is offered after the dialog closed: plain writes, not this component's mutations.
  const writes = useSessionWrites();
  const exportSession = useExportSession();
  const [late, setLate] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run<T>(work: () => Promise<T>, message: (r: T) => string, undo?: () => Promise<unknown>) {
    setBusy(true);
    try {
      // Each write resolves once the calendar and dashboard have refreshed.
      const result = await work();
      const id = `session-${session.id}-${Date.now()}`;
      notifications.show({
        id,
        message: (
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm">{message(result)}</Text>
            {undo && (
              <Button
                size="compact-xs"
                variant="subtle"
                data-testid="session-undo"
                onClick={() => {
                  notifications.hide(id);
                  void undo();
                }}
              >
                Undo
              </Button>
            )}
          </Group>
        ),
        autoClose: 8000,
      });
      onDone();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    } finally {
      setBusy(false);
    }
  }

  const setStatus = (status: SessionStatus, label: string) =>
    run(
      () => setSessionStatus.mutateAsync({ id: session.id, status, late: status === 'cancelled' && late }),
      () => label,
      () => writes.setStatus(session.id, session.status, session.lateCancel),
    );

  const cancel = (scope: EditScope) =>
    run(
      () => cancelSession.mutateAsync({ id: session.id, scope, late }),
      (n) => (scope === 'one' ? 'Session cancelled' : `${n} sessions removed from the series`),
      scope === 'one' ? () => writes.setStatus(session.id, 'scheduled') : undefined,
    );

  async function invite() {
    setBusy(true);
    try {
      // The save dialog asks where (and about replacing a file already there).
      const path = await api.dialogSave('session_ics', `session-${datePart(session.localStart)}-${session.id.slice(-6)}.ics`);
      if (!path) return;
      const done = await exportSession.mutateAsync({ id: session.id, path });
      notifications.show({ message: `Invitation saved: ${done.path}`, autoClose: 10000 });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="xs" data-testid="session-actions">
      {session.status === 'scheduled' ? (
        <>
          <Button size="compact-sm" color="teal" loading={busy} onClick={() => void setStatus('completed', 'Marked completed')} data-testid="session-complete">
            Complete
          </Button>
          <Button size="compact-sm" color="red" variant="light" loading={busy} onClick={() => void setStatus('no_show', 'Marked no-show')} data-testid="session-no-show">
            No-show
          </Button>
          {session.seriesId ? (
            <Menu>
              <Menu.Target>
                <Button size="compact-sm" variant="default" loading={busy} data-testid="session-cancel">
                  Cancel…
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void cancel('one')} data-testid="session-cancel-one">
                  Cancel this session
                </Menu.Item>
                <Menu.Item onClick={() => void cancel('following')} data-testid="session-cancel-following">
                  Remove this and following
                </Menu.Item>
                <Menu.Item color="red" onClick={() => void cancel('all')} data-testid="session-cancel-all">
                  End the whole series now
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : (
            <Button size="compact-sm" variant="default" loading={busy} onClick={() => void cancel('one')} data-testid="session-cancel">
              Cancel
            </Button>
          )}
          <Checkbox size="xs" label="Late cancellation" checked={late} onChange={(e) => setLate(e.currentTarget.checked)} />
        </>
      ) : (
        <Button size="compact-sm" variant="default" loading={busy} onClick={() => void setStatus('scheduled', 'Back to scheduled')} data-testid="session-reopen">
          Back to scheduled
        </Button>
      )}
      <Button size="compact-sm" variant="subtle" loading={busy} onClick={() => void invite()} data-testid="session-invite">
        Invitation (.ics)
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        loading={busy}
        onClick={() => void run(() => deleteSession.mutateAsync(session.id), () => 'Session deleted', () => writes.restore(session.id))}
        data-testid="session-delete"
      >
        Delete
      </Button>
    </Group>
  );
}
