import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { AppError, Session } from '../bindings';
import { logPathFor } from './planDays';

/**
 * "Log workout" for a completed session: opens the logger on the client's plan day for that
 * date (prefilled), or a free log tied to the session. A group session asks whose workout.
 */
export function LogWorkoutButton({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const attended = session.participants.filter((p) => p.attendance !== 'no_show' && p.attendance !== 'cancelled');
  if (attended.length === 0) return null;

  const open = async (clientId: string) => {
    setBusy(true);
    try {
      const path = await logPathFor(queryClient, clientId, session.localStart.slice(0, 10), session.id);
      navigate(path, { state: { from: `${location.pathname}${location.search}` } });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
      setBusy(false);
    }
  };

  if (attended.length === 1) {
    return (
      <Button size="compact-sm" variant="light" loading={busy} onClick={() => void open(attended[0]!.clientId)} data-testid="today-log">
        Log workout
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-sm" variant="light" loading={busy} data-testid="today-log">
          Log workout
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {attended.map((p) => (
          <Menu.Item key={p.clientId} onClick={() => void open(p.clientId)} data-testid="today-log-client">
            {p.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
