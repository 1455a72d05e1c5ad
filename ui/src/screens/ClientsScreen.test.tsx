import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg', email: 'anna@example.com', phone: '+46 70 111', tags: ['knee', 'online'] });
const ben = makeClient({ id: 'c2', name: 'Ben Stone', email: 'ben@example.com' });
const carl = makeClient({ id: 'c3', name: 'Carl Old', archivedAt: '2024-06-01T00:00:00Z' });

const rowIds = () => screen.queryAllByTestId('client-row').map((row) => row.getAttribute('data-client-id'));

describe('clients list', () => {
  it('lists active clients with email and tag badges', async () => {
    installBackend([anna, ben, carl]);
    renderApp('/clients');

    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2']));
    const row = screen.getAllByTestId('client-row')[0]!;
    expect(row).toHaveTextContent('anna@example.com');
    expect(within(row).getByText('knee')).toBeInTheDocument();
    // The second tag is counted, and named on hover with the first.
    expect(within(row).getByTestId('client-tags-more')).toHaveTextContent('+1');
    expect(within(row).getByText('knee').closest('[title]')).toHaveAttribute('title', 'knee, online');
  });

  it('searches as you type through clients_overview, and says when nothing matches', async () => {
    const backend = installBackend([anna, ben, carl]);
    const { user } = renderApp('/clients');
    await waitFor(() => expect(rowIds()).toHaveLength(2));

    await user.type(screen.getByTestId('client-search'), 'ben');
    await waitFor(() => expect(rowIds()).toEqual(['c2']));
    expect(backend.callsTo('clients_overview').map((c) => c.args.query)).toContainEqual(expect.objectContaining({ search: 'ben', status: 'active' }));

    await user.type(screen.getByTestId('client-search'), 'xyz');
    expect(await screen.findByTestId('clients-no-match')).toBeInTheDocument();
    expect(rowIds()).toEqual([]);
    expect(screen.queryByTestId('clients-empty')).not.toBeInTheDocument();

    await user.clear(screen.getByTestId('client-search'));
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2']));
  });

  it('filters by status', async () => {
    const backend = installBackend([anna, ben, carl]);
    const { user } = renderApp('/clients');
    await waitFor(() => expect(rowIds()).toHaveLength(2));

    const filter = screen.getByTestId('client-status-filter');
    await user.click(within(filter).getByText('Archived'));
    await waitFor(() => expect(rowIds()).toEqual(['c3']));
    expect(screen.getAllByTestId('client-row')[0]).toHaveTextContent('Archived');

    await user.click(within(filter).getByText('All'));
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c2', 'c3']));
    expect(backend.callsTo('clients_overview').map((c) => c.args.query)).toContainEqual(expect.objectContaining({ search: null, status: 'all' }));
  });

  it('shows Paused and clearance badges in the rows, and filters paused clients', async () => {
    const dana = makeClient({ id: 'c4', name: 'Dana Paused', pausedAt: '2025-01-10T09:00:00Z' });
    const eve = makeClient({ id: 'c5', name: 'Eve Heart', needsClearance: true });
    const backend = installBackend([anna, carl, dana, eve]);
    const { user } = renderApp('/clients');

    // "Active" means everyone not archived, paused clients included.
    await waitFor(() => expect(rowIds()).toEqual(['c1', 'c4', 'c5']));
    const [annaRow, danaRow, eveRow] = screen.getAllByTestId('client-row');
    expect(within(danaRow!).getByTestId('client-status-badge')).toHaveTextContent('Paused');
    expect(within(eveRow!).getByTestId('clearance-badge')).toHaveTextContent('Needs medical clearance');
    expect(within(annaRow!).queryByTestId('clearance-badge')).not.toBeInTheDocument();
    expect(within(annaRow!).queryByTestId('client-status-badge')).not.toBeInTheDocument();

    await user.click(within(screen.getByTestId('client-status-filter')).getByText('Paused'));
    await waitFor(() => expect(rowIds()).toEqual(['c4']));
    expect(backend.callsTo('clients_overview').map((c) => c.args.query)).toContainEqual(expect.objectContaining({ search: null, status: 'paused' }));
  });

  it('shows an empty state with a way to add the first client', async () => {
    installBackend([]);
    const { user } = renderApp('/clients');
    const empty = await screen.findByTestId('clients-empty');
    await user.click(within(empty).getByRole('button', { name: /add a client/i }));
    expect(await screen.findByTestId('client-name')).toHaveFocus();
  });

  it('opens a client by click and by keyboard', async () => {
    installBackend([anna, ben]);
    const { user } = renderApp('/clients');
    await waitFor(() => expect(rowIds()).toHaveLength(2));

    // Keyboard: from the search field, ArrowDown reaches the rows, Enter opens.
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Ben Stone');

    await user.click(screen.getByTestId('nav-clients'));
    await waitFor(() => expect(rowIds()).toHaveLength(2));
    await user.click(screen.getAllByTestId('client-row')[0]!);
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Anna Berg');
  });

  it('reaches "New client" from the keyboard, and Cancel returns', async () => {
    installBackend([anna]);
    const { user } = renderApp('/clients');
    const button = await screen.findByTestId('new-client');
    button.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('client-name')).toBeInTheDocument();

    // Cancel goes back to the list it came from.
    await user.click(screen.getByTestId('client-cancel'));
    await waitFor(() => expect(rowIds()).toEqual(['c1']));
  });
});

describe('clients list with long names', () => {
  const long = makeClient({
    id: 'c9',
    name: 'Maximiliane Auguste von Hohenberg-Schwarzenfels',
    email: 'maximiliane.von.hohenberg-schwarzenfels@example-physiotherapie.de',
    pausedAt: '2025-01-10T09:00:00Z',
    needsClearance: true,
    tags: ['knee', 'shoulder', 'online'],
  });

  it('keeps each row on one line: long names and emails cut, whole on hover, badges whole', async () => {
    installBackend([long]);
    renderApp('/clients?status=all');
    const row = await screen.findByTestId('client-row');
    expect(screen.getByTestId('clients-table')).toHaveStyle({ '--table-layout': 'fixed' });

    const name = within(row).getByText(long.name);
    expect(name).toHaveAttribute('data-truncate', 'end');
    expect(name).toHaveAttribute('title', long.name);
    const email = within(row).getByText(long.email!);
    expect(email).toHaveAttribute('data-truncate', 'end');
    expect(email).toHaveAttribute('title', long.email);

    // The badges beside the name keep their size; the name gives way.
    expect(within(row).getByTestId('client-status-badge')).toHaveStyle({ flexShrink: '0' });
    expect(within(row).getByTestId('clearance-badge')).toHaveStyle({ flexShrink: '0' });
    expect(name.parentElement).toHaveStyle({ '--group-wrap': 'nowrap' });
    // Tags stay on one line too, all of them named on hover.
    expect(within(row).getByText('knee').closest('[title]')).toHaveAttribute('title', 'knee, shoulder, online');
    // Whole badges only: the first tag and how many more, never three squeezed to "k…".
    expect(within(row).getAllByTestId('client-tag').map((t) => t.textContent)).toEqual(['knee']);
    expect(within(row).getByTestId('client-tags-more')).toHaveTextContent('+2');
  });

  it('shows a long name and email whole on hover on the client page', async () => {
    installBackend([long]);
    renderApp('/clients/c9');
    const title = await screen.findByTestId('client-detail-name');
    expect(title).toHaveAttribute('title', long.name);
    const email = screen.getByText(long.email!);
    expect(email).toHaveAttribute('data-truncate', 'end');
    expect(email).toHaveAttribute('title', long.email);
  });
});
