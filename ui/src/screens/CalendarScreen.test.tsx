import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoot } from '../AppRoot';
import type { CalendarQuery } from '../bindings';
import { AppProviders } from '../providers';
import { createQueryClient } from '../queries';
import { installBackend, makeClient, makeEntry, makeSession } from '../test/backend';
import { renderApp } from '../test/render';

const ranges = (backend: ReturnType<typeof installBackend>) =>
  backend.callsTo('sessions_range').map((c) => {
    const q = c.args.query as CalendarQuery;
    return `${new Date(q.from).toDateString()} – ${new Date(q.to).toDateString()}`;
  });

const title = () => document.querySelector('.fc-toolbar-title')?.textContent ?? '';

describe('calendar screen', () => {
  it('fetches the weeks either side once the week shown is in', async () => {
    const backend = installBackend();
    renderApp('/calendar?date=2024-01-10');
    await screen.findByTestId('calendar');
    await waitFor(() => expect(ranges(backend)).toHaveLength(3));
    expect(ranges(backend)).toEqual([
      'Mon Jan 08 2024 – Mon Jan 15 2024',
      'Mon Jan 01 2024 – Mon Jan 08 2024',
      'Mon Jan 15 2024 – Mon Jan 22 2024',
    ]);
  });

  it('stays mounted while another screen shows, and comes back where it was left', async () => {
    installBackend();
    const { user } = renderApp('/calendar?date=2024-01-10');
    const calendar = await screen.findByTestId('calendar');
    await waitFor(() => expect(title()).toMatch(/Jan 8 – 14, 2024/));

    await user.click(screen.getByTestId('nav-dashboard'));
    await screen.findByTestId('dashboard-today');
    // Still there, the same element, but not shown.
    expect(screen.getByTestId('calendar')).toBe(calendar);
    expect(calendar).not.toBeVisible();

    // Back through the navigation: the week it was left at.
    await user.click(screen.getByTestId('nav-calendar'));
    await waitFor(() => expect(calendar).toBeVisible());
    expect(screen.getByTestId('calendar')).toBe(calendar);
    expect(title()).toMatch(/Jan 8 – 14, 2024/);
  });

  it('does not follow changes while hidden, and refetches its week when shown again', async () => {
    const greta = makeClient({ name: 'Greta Weiß' });
    const backend = installBackend([greta], {
      today: [
        makeSession({
          id: 's1',
          start: '2024-01-09T09:00:00Z',
          end: '2024-01-09T10:00:00Z',
          label: 'Greta Weiß',
          participants: [{ clientId: greta.id, name: greta.name, attendance: 'expected', needsClearance: false }],
        }),
      ],
    });
    const { user } = renderApp('/calendar?date=2024-01-10');
    await waitFor(() => expect(ranges(backend)).toHaveLength(3)); // the week and either side
    await user.click(screen.getByTestId('nav-dashboard'));
    const row = await screen.findByTestId('today-session');

    // Completing a session invalidates every sessions query; the hidden calendar's is not refetched.
    const dashboards = backend.callsTo('dashboard_get').length;
    await user.click(within(row).getByTestId('today-complete'));
    await waitFor(() => expect(backend.callsTo('dashboard_get').length).toBeGreaterThan(dashboards));
    expect(ranges(backend)).toHaveLength(3);

    await user.click(screen.getByTestId('nav-calendar'));
    await waitFor(() => expect(ranges(backend)).toHaveLength(4));
    expect(ranges(backend)[3]).toBe('Mon Jan 08 2024 – Mon Jan 15 2024');
  });

  it('goes to the date a link names, even when it was already mounted', async () => {
    installBackend();
    const user = userEvent.setup();
    render(
      <AppProviders queryClient={createQueryClient()}>
        <MemoryRouter initialEntries={['/calendar?date=2024-01-10']}>
          {/* What the dashboard's session links do. */}
          <Link to="/calendar?date=2024-03-06" data-testid="to-march">
            March
          </Link>
          <AppRoot />
        </MemoryRouter>
      </AppProviders>,
    );
    const calendar = await screen.findByTestId('calendar');
    await waitFor(() => expect(title()).toMatch(/Jan 8 – 14, 2024/));
    await user.click(screen.getByTestId('nav-dashboard'));
    await screen.findByTestId('dashboard-today');

    await user.click(screen.getByTestId('to-march'));
    await waitFor(() => expect(title()).toMatch(/Mar 4 – 10, 2024/));
    expect(screen.getByTestId('calendar')).toBe(calendar);
    expect(calendar).toBeVisible();
  });

  it('shows time and title as one text in the week, and flags a missing clearance', async () => {
    installBackend([], {
      calendar: [
        makeEntry({ id: 's1', label: 'Anna Schmidt', start: '2024-01-09T07:00:00Z', end: '2024-01-09T07:50:00Z' }),
        makeEntry({ id: 's2', label: 'Ben Ode', start: '2024-01-10T09:00:00Z', end: '2024-01-10T10:00:00Z', needsClearance: true }),
      ],
    });
    renderApp('/calendar?date=2024-01-10');
    const events = await screen.findAllByTestId('calendar-event');
    const text = (id: string) => events.find((e) => e.dataset.sessionId === id)?.querySelector('.fc-event-main')?.textContent;
    expect(events).toHaveLength(2);
    expect(text('s1')).toMatch(/^\d\d:\d\d - \d\d:\d\d\nAnna Schmidt$/);
    expect(text('s2')).toMatch(/\n⚑ Ben Ode$/);
    expect(events.find((e) => e.dataset.sessionId === 's2')).toHaveAttribute('data-clearance', 'needed');
  });

  it('closes its dialog when the trainer leaves', async () => {
    installBackend();
    const { user } = renderApp('/calendar?date=2024-01-10');
    await user.click(await screen.findByTestId('new-session'));
    expect(await screen.findByTestId('session-dialog')).toBeInTheDocument();
    await user.click(screen.getByTestId('nav-dashboard'));
    await waitFor(() => expect(screen.queryByTestId('session-dialog')).not.toBeInTheDocument());
  });
});
