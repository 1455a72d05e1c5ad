import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient, makeSession } from '../test/backend';
import { renderApp } from '../test/render';

const greta = makeClient({ name: 'Greta Weiß', needsClearance: true });

function morning() {
  return makeSession({
    id: 's1',
    start: '2026-11-24T09:00:00Z',
    end: '2026-11-24T10:00:00Z',
    label: 'Greta Weiß',
    participants: [{ clientId: greta.id, name: greta.name, attendance: 'expected', needsClearance: true }],
  });
}

describe('dashboard', () => {
  it("completes today's session in one click, and Undo takes it back", async () => {
    const backend = installBackend([greta], {
      today: [morning()],
      attention: [{ clientId: greta.id, name: greta.name, reason: 'needs_clearance', detail: 'Medical clearance missing' }],
    });
    const { user } = renderApp('/dashboard');

    const row = await screen.findByTestId('today-session');
    expect(row).toHaveTextContent('Greta Weiß');
    expect(within(row).getByTestId('clearance-badge')).toBeInTheDocument();
    expect(await screen.findByTestId('attention-item')).toHaveTextContent('Medical clearance missing');

    await user.click(within(row).getByTestId('today-complete'));
    await waitFor(() => expect(screen.getByTestId('today-session')).toHaveAttribute('data-status', 'completed'));
    expect(backend.callsTo('session_set_status')[0]?.args).toEqual({ id: 's1', status: 'completed', late: false });

    await user.click(await screen.findByTestId('undo-action'));
    await waitFor(() => expect(backend.callsTo('session_set_status')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('today-session')).toHaveAttribute('data-status', 'scheduled'));
    expect(backend.callsTo('session_set_status')[1]?.args).toMatchObject({ id: 's1', status: 'scheduled' });
  });

  it('says so when there is nothing today', async () => {
    installBackend([]);
    renderApp('/dashboard');
    expect(await screen.findByTestId('dashboard-today-empty')).toBeInTheDocument();
  });

  it("cuts a long session name to one line, whole on hover, the clearance badge beside it", async () => {
    const label = 'Maximiliane Auguste von Hohenberg-Schwarzenfels';
    installBackend([greta], { today: [{ ...morning(), label }] });
    renderApp('/dashboard');
    const name = await screen.findByTestId('today-session-label');
    expect(name).toHaveTextContent(label);
    expect(name).toHaveAttribute('data-truncate', 'end');
    expect(name).toHaveAttribute('title', label);
    expect(within(screen.getByTestId('today-session')).getByTestId('clearance-badge')).toHaveStyle({ flexShrink: '0' });
  });
});
