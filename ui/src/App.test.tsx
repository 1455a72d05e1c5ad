import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient } from './test/backend';
import { renderApp } from './test/render';

describe('app frame', () => {
  it('waits for app_info, then renders all six destinations', async () => {
    const backend = installBackend();
    renderApp('/dashboard');

    expect(await screen.findByTestId('app-ready')).toBeInTheDocument();
    expect(backend.callsTo('app_info')).toHaveLength(1);
    const expected = {
      dashboard: 'Dashboard',
      clients: 'Clients',
      calendar: 'Calendar',
      training: 'Training',
      insights: 'Insights',
      settings: 'Settings',
    };
    for (const [key, label] of Object.entries(expected)) {
      const link = screen.getByTestId(`nav-${key}`);
      expect(link).toHaveTextContent(label);
      expect(link).toHaveAttribute('href', `/${key}`);
    }
    expect(screen.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');
  });

  it('navigates between screens', async () => {
    installBackend();
    const { user } = renderApp('/dashboard');

    await user.click(await screen.findByTestId('nav-calendar'));
    expect(await screen.findByTestId('calendar')).toBeInTheDocument();
    await user.click(screen.getByTestId('nav-training'));
    expect(await screen.findByTestId('training-tab-library')).toBeInTheDocument();
    await user.click(screen.getByTestId('nav-insights'));
    expect(await screen.findByTestId('insights-tab-review')).toBeInTheDocument();
    await user.click(screen.getByTestId('nav-settings'));
    expect(await screen.findByTestId('settings-data-dir')).toHaveTextContent('/home/test/.local/share/spotter');
  });

  it('shows the number of active clients on the dashboard', async () => {
    installBackend([makeClient({ name: 'Anna' }), makeClient({ name: 'Ben' }), makeClient({ name: 'Old', archivedAt: '2024-01-01T00:00:00Z' })]);
    renderApp('/dashboard');
    const card = await screen.findByTestId('dashboard-active-clients');
    await waitFor(() => expect(card).toHaveTextContent('2'));
  });

  it('explains a failed start instead of rendering a broken app', async () => {
    const backend = installBackend();
    backend.once('app_info', () => {
      throw { code: 'schema_too_new', message: 'database schema 9 is newer than this app (1)' };
    });
    renderApp('/dashboard');
    const panel = await screen.findByTestId('startup-error');
    expect(panel).toHaveTextContent(/newer Spotter/);
    expect(panel).toHaveTextContent('database schema 9 is newer than this app (1)');
    expect(screen.queryByTestId('app-ready')).not.toBeInTheDocument();
  });
});

describe('spotlight', () => {
  it('opens on Ctrl+K, searches clients_list as you type and jumps to the client', async () => {
    const backend = installBackend([
      makeClient({ id: 'c1', name: 'Anna Berg', email: 'anna@example.com' }),
      makeClient({ id: 'c2', name: 'Ben Stone', archivedAt: '2024-01-01T00:00:00Z' }),
    ]);
    const { user } = renderApp('/dashboard');
    await screen.findByTestId('app-ready');
    expect(screen.queryByTestId('spotlight-search')).not.toBeInTheDocument();

    fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true });
    const search = await screen.findByTestId('spotlight-search');
    await user.type(search, 'ben');

    await waitFor(() =>
      expect(backend.callsTo('clients_list').map((c) => c.args.query)).toContainEqual({
        search: 'ben',
        status: 'all',
        limit: 8,
      }),
    );
    const result = await screen.findByRole('button', { name: /Ben Stone/ });
    // The late-arriving client result becomes the top pick: Enter opens it.
    await waitFor(() => expect(result).toHaveAttribute('data-selected', 'true'));
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Ben Stone');
  });

  it('holds an early Enter until the results for the typed text are in', async () => {
    installBackend([makeClient({ id: 'c1', name: 'Anna Berg' }), makeClient({ id: 'c2', name: 'Ben Stone' })]);
    const { user } = renderApp('/clients');
    await screen.findByTestId('app-ready');
    fireEvent.keyDown(document.documentElement, { key: 'k', ctrlKey: true });
    const search = await screen.findByTestId('spotlight-search');
    // Stale results (everyone, from the empty query) are up; Anna is highlighted first.
    await screen.findByRole('button', { name: /Anna Berg/ });
    // Typed and confirmed faster than the debounce: must open Ben, not stale Anna.
    await user.type(search, 'ben{Enter}');
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Ben Stone');
  });

  it('offers navigation and "New client" actions', async () => {
    installBackend();
    const { user } = renderApp('/dashboard');
    await user.click(await screen.findByTestId('open-spotlight'));
    const search = await screen.findByTestId('spotlight-search');
    await user.type(search, 'new');
    await user.click(await screen.findByTestId('spotlight-new-client'));
    expect(await screen.findByTestId('client-name')).toBeInTheDocument();

    fireEvent.keyDown(document.documentElement, { key: 'k', ctrlKey: true });
    await user.type(await screen.findByTestId('spotlight-search'), 'sett');
    const list = screen.getByTestId('spotlight-search').closest('[role="dialog"]') as HTMLElement;
    await user.click(within(list).getByTestId('spotlight-nav-settings'));
    expect(await screen.findByTestId('settings-data-dir')).toBeInTheDocument();
  });
});
