import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient } from '../test/backend';
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
    expect(screen.getByRole('tab', { name: 'Sessions' })).toBeDisabled();
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
