import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_POLL_MS } from '../aiQueries';
import { aiBackend, makeHealthCheck, seedAi } from '../test/aiBackend';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

const OK_LOCAL = ['database', 'links', 'disk', 'log', 'keychain'].map((key) => makeHealthCheck({ key }));

describe('the health light', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sits beside Insights and is green when every check passes', async () => {
    installBackend();
    renderApp('/dashboard');

    const light = await screen.findByTestId('health-light');
    expect(light).toHaveAttribute('data-status', 'ok');
    expect(light).toHaveAttribute('title', 'Health: all good');
    expect(light).toHaveAccessibleName('Health: all good. Open the health report');
    // Beside the Insights link, not inside it: it goes elsewhere.
    expect(light.parentElement).toContainElement(screen.getByTestId('nav-insights'));
    expect(screen.getByTestId('nav-insights')).not.toContainElement(light);
  });

  it('shows the worst check and counts what is worth a look', async () => {
    seedAi({
      health: {
        checks: [
          ...OK_LOCAL,
          makeHealthCheck({ key: 'backup', status: 'warn', detail: 'The newest backup is 9 days old.', fix: 'Make a backup (Settings → Data).' }),
          makeHealthCheck({ key: 'provider', label: 'AI provider OpenAI', status: 'warn', detail: 'No API key yet: add it first' }),
        ],
      },
    });
    installBackend();
    renderApp('/dashboard');

    const light = await screen.findByTestId('health-light');
    expect(light).toHaveAttribute('data-status', 'warn');
    expect(light).toHaveAttribute('title', 'Health: 2 things worth a look');

  });

  it('turns red when a check fails, however many only warn', async () => {
    seedAi({
      health: {
        checks: [
          ...OK_LOCAL,
          makeHealthCheck({ key: 'backup', status: 'warn', detail: 'The newest backup is 9 days old.' }),
          makeHealthCheck({ key: 'links', status: 'fail', detail: '3 sessions point at clients that do not exist.', fix: 'Restore the newest backup.' }),
          makeHealthCheck({ key: 'log', status: 'warn', detail: '4 errors in the last 24 hours.' }),
        ],
      },
    });
    installBackend();
    renderApp('/dashboard');

    const light = await screen.findByTestId('health-light');
    expect(light).toHaveAttribute('data-status', 'fail');
    expect(light).toHaveAttribute('title', 'Health: 1 thing needs attention now, 2 worth a look');
  });

  it('asks for the latest report every minute', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    const backend = installBackend();
    renderApp('/dashboard');
    const light = await screen.findByTestId('health-light');
    expect(light).toHaveAttribute('data-status', 'ok');
    const asked = backend.callsTo('ai_health').length;

    // The backend re-checked on its own schedule and found a problem.
    aiBackend().setHealth({ checks: [...OK_LOCAL, makeHealthCheck({ key: 'disk', status: 'warn', detail: 'Only 800 MB free.' })] });
    await act(() => vi.advanceTimersByTimeAsync(HEALTH_POLL_MS));
    await waitFor(() => expect(screen.getByTestId('health-light')).toHaveAttribute('data-status', 'warn'));
    expect(backend.callsTo('ai_health').length).toBeGreaterThan(asked);
    expect(backend.callsTo('ai_health_check')).toHaveLength(0);
  });

  it('shows nothing while the report loads', async () => {
    const backend = installBackend();
    backend.once('ai_health', () => new Promise(() => {}));
    renderApp('/dashboard');
    await screen.findByTestId('nav-insights');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('health-light')).not.toBeInTheDocument();
  });

  it('shows nothing when the report cannot be read', async () => {
    const backend = installBackend();
    backend.once('ai_health', () => {
      throw { code: 'internal', message: 'the health checker needs the data directory' };
    });
    renderApp('/dashboard');
    await screen.findByTestId('nav-insights');
    await waitFor(() => expect(backend.callsTo('ai_health')).toHaveLength(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('health-light')).not.toBeInTheDocument();
  });

  it('opens the health report in Insights → Metrics', async () => {
    seedAi({ health: { checks: [...OK_LOCAL, makeHealthCheck({ key: 'backup', status: 'warn', detail: 'No backup yet.', fix: 'Make a backup.' })] } });
    installBackend();
    const { user } = renderApp('/dashboard');

    await user.click(await screen.findByTestId('health-light'));
    expect(await screen.findByTestId('insights-tab-metrics')).toHaveAttribute('aria-selected', 'true');
    const health = await screen.findByTestId('ai-health');
    const backup = await waitFor(() => within(health).getAllByTestId('health-check')[0]!);
    expect(backup).toHaveAttribute('data-key', 'backup');
    expect(within(backup).getByTestId('health-fix')).toHaveTextContent('Make a backup.');
  });
});
