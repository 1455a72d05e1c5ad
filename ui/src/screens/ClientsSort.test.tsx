// The client list's computed columns (last and next session, plan, adherence), sorting by
// clickable headers with aria-sort (kept in the URL), and "Load more" for long lists.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';
import { CLIENT_PAGE } from './clientsOverview';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });
const ben = makeClient({ id: 'c2', name: 'Ben Stone' });
const cara = makeClient({ id: 'c3', name: 'Cara Diaz' });
const overview = {
  c1: { lastSession: '2025-01-28T09:00:00Z', nextSession: '2025-02-06T09:00:00Z', currentPlanId: 'p1', currentPlanName: 'Strength block', adherence: 0.5 },
  c2: { nextSession: '2025-02-03T17:00:00Z', adherence: 0.9 },
};

const rowIds = () => screen.queryAllByTestId('client-row').map((row) => row.getAttribute('data-client-id'));
const header = (column: string) => screen.getByTestId(`clients-sort-${column}`);

describe('client list columns and sorting', () => {
  it('shows last and next session, plan and adherence, with a dash where there is none', async () => {
    installBackend([anna, ben, cara], { overview });
    renderApp('/clients');
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2', 'c3']));
    const [a, , c] = screen.getAllByTestId('client-row');
    expect(within(a!).getByTestId('client-plan')).toHaveTextContent('Strength block');
    expect(within(a!).getByTestId('client-adherence')).toHaveTextContent('50 %');
    expect(within(a!).getByTestId('client-last-session').textContent).not.toBe('—');
    expect(within(a!).getByTestId('client-next-session').textContent).not.toBe('—');
    for (const cell of ['client-plan', 'client-adherence', 'client-last-session', 'client-next-session']) {
      expect(within(c!).getByTestId(cell)).toHaveTextContent('—');
    }
  });

  it('sorts by a header click, says so with aria-sort, flips on a second click and keeps it in the URL', async () => {
    const backend = installBackend([anna, ben, cara], { overview });
    const { user } = renderApp('/clients');
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2', 'c3']));
    expect(header('name')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('next_session')).toHaveAttribute('aria-sort', 'none');

    await user.click(within(header('next_session')).getByRole('button'));
    await waitFor(() => expect(rowIds()).toEqual(['c2', 'c1', 'c3']));
    expect(header('next_session')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('name')).toHaveAttribute('aria-sort', 'none');
    expect(backend.callsTo('clients_overview').at(-1)!.args.query).toMatchObject({ sort: 'next_session', direction: 'asc', offset: 0 });

    await user.click(within(header('next_session')).getByRole('button'));
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2', 'c3']));
    expect(header('next_session')).toHaveAttribute('aria-sort', 'descending');

    // Adherence starts lowest first: who needs attention.
    await user.click(within(header('adherence')).getByRole('button'));
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2', 'c3']));
    await user.click(within(header('adherence')).getByRole('button'));
    await waitFor(() => expect(rowIds()).toEqual(['c2', 'c1', 'c3']));
  });

  it('opens sorted from the URL', async () => {
    installBackend([anna, ben, cara], { overview });
    renderApp('/clients?sort=last_session&dir=desc');
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2', 'c3']));
    expect(header('last_session')).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows a long list a page at a time with Load more', async () => {
    const many = Array.from({ length: CLIENT_PAGE + 30 }, (_, i) => makeClient({ id: `k${i}`, name: `Client ${String(i).padStart(3, '0')}` }));
    const backend = installBackend(many);
    const { user } = renderApp('/clients');
    await waitFor(() => expect(rowIds()).toHaveLength(CLIENT_PAGE));
    expect(screen.getByTestId('clients-more')).toHaveTextContent(`${CLIENT_PAGE} of ${CLIENT_PAGE + 30}`);

    await user.click(screen.getByTestId('clients-more'));
    await waitFor(() => expect(rowIds()).toHaveLength(CLIENT_PAGE + 30));
    expect(new Set(rowIds()).size).toBe(CLIENT_PAGE + 30);
    expect(backend.callsTo('clients_overview').at(-1)!.args.query).toMatchObject({ offset: CLIENT_PAGE, limit: CLIENT_PAGE });
    expect(screen.queryByTestId('clients-more')).not.toBeInTheDocument();
  });
});
