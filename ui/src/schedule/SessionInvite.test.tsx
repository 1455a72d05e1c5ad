// A session's invitation (.ics) is saved where the trainer says in the save dialog, offering a
// name with the session's date; cancelling the dialog saves nothing. session_export is
// answered per test (the stand-in has no calendar writer); the dialog by dialogBackend.
import { Notifications } from '@mantine/notifications';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installBackend, makeSession } from '../test/backend';
import { answerDialog, dialogRequests } from '../test/dialogBackend';
import { renderWithProviders } from '../test/render';
import { SessionActions } from './SessionActions';

const session = makeSession({ id: 'session-0001-abcdef', start: '2026-03-05T17:00:00Z', end: '2026-03-05T18:00:00Z' });

describe('session invitation', () => {
  it('asks the save dialog where, and writes nothing when it is cancelled', async () => {
    const backend = installBackend([]);
    const { user } = renderWithProviders(
      <>
        <Notifications />
        <SessionActions session={session} onDone={vi.fn()} />
      </>,
    );

    answerDialog(null);
    await user.click(await screen.findByTestId('session-invite'));
    await waitFor(() => expect(dialogRequests).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('session-invite')).toBeEnabled());
    expect(backend.callsTo('session_export')).toHaveLength(0);

    backend.once('session_export', (args) => ({ path: args.path, events: 1, sessions: 1 }));
    answerDialog('/home/test/Invites/anna.ics');
    await user.click(screen.getByTestId('session-invite'));
    expect(await screen.findByText('Invitation saved: /home/test/Invites/anna.ics')).toBeInTheDocument();
    expect(dialogRequests[1]).toEqual({ cmd: 'dialog_save', kind: 'session_ics', suggested: 'session-2026-03-05-abcdef.ics' });
    expect(backend.callsTo('session_export')[0]!.args).toEqual({ id: session.id, path: '/home/test/Invites/anna.ics', replace: true });
  });
});
