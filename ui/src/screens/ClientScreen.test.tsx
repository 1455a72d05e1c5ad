import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient, makeEntry } from '../test/backend';
import { renderApp } from '../test/render';

const anna = makeClient({
  id: 'c1',
  name: 'Anna Berg',
  email: 'anna@example.com',
  phone: '+46 70 111',
  dateOfBirth: '1990-04-02',
  goals: 'Deadlift 100 kg',
  notes: 'Old shoulder injury',
  tags: ['strength'],
});

describe('client page', () => {
  it('shows the client details', async () => {
    installBackend([anna]);
    renderApp('/clients/c1');
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Anna Berg');
    expect(screen.getByText('anna@example.com')).toBeInTheDocument();
    expect(screen.getByText('+46 70 111')).toBeInTheDocument();
    expect(screen.getByText(/years/)).toBeInTheDocument();
    expect(screen.getByText('Deadlift 100 kg')).toBeInTheDocument();
    expect(screen.getByText('Old shoulder injury')).toBeInTheDocument();
    expect(screen.getByText('strength')).toBeInTheDocument();
    for (const tab of ['overview', 'sessions', 'plans', 'logs', 'progress', 'measurements', 'intake', 'notes']) {
      expect(screen.getByTestId(`client-tab-${tab}`)).toBeEnabled();
    }
    expect(screen.queryByTestId('clearance-badge')).not.toBeInTheDocument();
  });

  it('shows the profile, and the next three sessions in the zone they were planned in', async () => {
    const record = makeClient({
      id: 'c1',
      name: 'Anna Berg',
      emergencyContactName: 'Erik Berg',
      emergencyContactPhone: '+46 70 999',
      fitnessLevel: 'beginner',
      injuries: 'Sore left knee after running',
      bodyAreas: ['knee', 'lower_back'],
      preferredTimes: 'Tue/Thu after 18:00',
    });
    const at = (day: string, hour: string, status: 'scheduled' | 'cancelled' | 'completed' = 'scheduled') =>
      makeEntry({
        id: `s-${day}-${status}`,
        start: `${day}T${hour}:00:00Z`,
        end: `${day}T${String(Number(hour) + 1).padStart(2, '0')}:00:00Z`,
        timeZone: 'Europe/Berlin',
        status,
      });
    // Newest first, as the backend sends them: four upcoming (one cancelled) and one past.
    const sessions = [
      at('2099-03-05', '08'),
      at('2099-03-04', '08'),
      at('2099-03-03', '08', 'cancelled'),
      at('2099-03-02', '08'),
      at('2099-03-01', '08'),
      at('2020-01-01', '08', 'completed'),
    ];
    installBackend([record], { sessions: { c1: sessions } });
    const { user } = renderApp('/clients/c1');

    expect(await screen.findByText('Erik Berg')).toBeInTheDocument();
    expect(screen.getByText('+46 70 999')).toBeInTheDocument();
    expect(screen.getByText('Beginner')).toBeInTheDocument();
    expect(screen.getByText('Tue/Thu after 18:00')).toBeInTheDocument();
    expect(screen.getByText('Sore left knee after running')).toBeInTheDocument();
    expect(screen.getByTestId('client-body-areas-shown')).toHaveTextContent(/Knee.*Lower back/);

    await waitFor(() => expect(screen.getAllByTestId('client-session-row')).toHaveLength(3));
    expect(screen.getAllByTestId('client-session-row').map((r) => r.getAttribute('data-session-id'))).toEqual([
      's-2099-03-01-scheduled',
      's-2099-03-02-scheduled',
      's-2099-03-04-scheduled',
    ]);
    // 08:00 UTC is 09:00 in Berlin in March.
    expect(screen.getAllByTestId('client-session-row')[0]).toHaveTextContent(/09.00/);

    // "All sessions" opens the Sessions tab with every session, newest first.
    await user.click(screen.getByRole('button', { name: 'All sessions' }));
    await waitFor(() => expect(screen.getAllByTestId('client-session-row')).toHaveLength(6));
    expect(screen.getByTestId('client-tab-sessions')).toHaveAttribute('aria-selected', 'true');
    const rows = screen.getAllByTestId('client-session-row');
    expect(rows[0]).toHaveAttribute('data-session-id', 's-2099-03-05-scheduled');
    expect(within(rows[2]!).getByText('Cancelled')).toBeInTheDocument();
    expect(within(rows[5]!).getByText('Completed')).toBeInTheDocument();
  });

  it('opens the tab named in the URL', async () => {
    installBackend([anna]);
    renderApp('/clients/c1?tab=notes');
    expect(await screen.findByTestId('note-body')).toBeInTheDocument();
    expect(screen.getByTestId('client-tab-notes')).toHaveAttribute('aria-selected', 'true');
  });

  it('pauses and resumes a client', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1');

    await user.click(await screen.findByTestId('client-pause'));
    await waitFor(() => expect(screen.getByTestId('client-status')).toHaveTextContent('Paused'));
    expect(backend.callsTo('client_set_paused')[0]!.args).toEqual({ id: 'c1', paused: true });
    expect(screen.getByTestId('client-status-badge')).toHaveTextContent('Paused');
    expect(screen.getByTestId('client-pause')).toHaveTextContent('Resume');

    await user.click(screen.getByTestId('client-pause'));
    await waitFor(() => expect(screen.getByTestId('client-status')).toHaveTextContent('Active'));
    expect(backend.callsTo('client_set_paused')[1]!.args).toEqual({ id: 'c1', paused: false });
    expect(screen.queryByTestId('client-status-badge')).not.toBeInTheDocument();
  });

  it('says so when the client does not exist', async () => {
    installBackend([]);
    renderApp('/clients/nope');
    expect(await screen.findByText('Client not found')).toBeInTheDocument();
  });

  it('deletes at once, returns to the list, and Undo restores the client', async () => {
    const backend = installBackend([anna, makeClient({ id: 'c2', name: 'Ben Stone' })]);
    const { user } = renderApp('/clients/c1');

    await user.click(await screen.findByTestId('client-delete'));
    expect(backend.callsTo('client_delete')[0]!.args).toEqual({ id: 'c1' });

    const undo = await screen.findByTestId('undo-delete');
    expect(screen.getByText('Deleted Anna Berg')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByTestId('client-row').map((r) => r.getAttribute('data-client-id'))).toEqual(['c2']),
    );

    await user.click(undo);
    await waitFor(() => expect(backend.callsTo('client_restore')).toHaveLength(1));
    expect(backend.callsTo('client_restore')[0]!.args).toEqual({ id: 'c1' });
    expect(await screen.findByText('Restored Anna Berg')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByTestId('client-row').map((r) => r.getAttribute('data-client-id'))).toEqual([
        'c1',
        'c2',
      ]),
    );
  });

  it('archives and unarchives with a notification', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1');

    await user.click(await screen.findByTestId('client-archive'));
    expect(await screen.findByText('Archived Anna Berg')).toBeInTheDocument();
    expect(backend.callsTo('client_set_archived')[0]!.args).toEqual({ id: 'c1', archived: true });
    await waitFor(() => expect(screen.getByTestId('client-archive')).toHaveTextContent('Unarchive'));

    await user.click(screen.getByTestId('undo-archive'));
    await waitFor(() => expect(screen.getByTestId('client-archive')).toHaveTextContent('Archive'));
    expect(backend.callsTo('client_set_archived')[1]!.args).toEqual({ id: 'c1', archived: false });
  });
});
