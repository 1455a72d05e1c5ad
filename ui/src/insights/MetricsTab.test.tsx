import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aiBackend, makeHealthCheck, seedAi } from '../test/aiBackend';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

const PROBLEMS = [
  makeHealthCheck({ key: 'database', detail: 'The database file is intact.' }),
  makeHealthCheck({ key: 'links', detail: 'Every record points at records that exist.' }),
  makeHealthCheck({
    key: 'backup',
    label: 'Backups',
    status: 'warn',
    detail: 'The newest backup is 9 days old.',
    fix: 'Make a backup now (Settings → Data → Back up).',
  }),
  makeHealthCheck({
    key: 'disk',
    label: 'Disk space',
    status: 'fail',
    detail: 'Only 300 MB free where the data is kept.',
    fix: 'Free some space: the database and its backups may fail to save.',
  }),
  makeHealthCheck({ key: 'log', detail: 'No errors in the log in the last 24 hours.' }),
  makeHealthCheck({ key: 'keychain', detail: 'The system keychain answers.' }),
  makeHealthCheck({ key: 'provider', label: 'AI provider Ollama', detail: 'llama3.1:8b answered in 42 ms' }),
  makeHealthCheck({
    key: 'provider',
    label: 'AI provider OpenAI',
    status: 'warn',
    detail: 'No API key yet: add it first',
    fix: 'Check the address, the model and the key in Settings → AI; the next provider in the list is used meanwhile.',
  }),
];

const rowsOf = (health: HTMLElement) => within(health).getAllByTestId('health-check');

describe('insights: health report', () => {
  it('lists every check worst first, with what to do about each problem and when it was checked', async () => {
    seedAi({ health: { checks: PROBLEMS, checkedAt: minutesAgo(2) } });
    const backend = installBackend();
    renderApp('/insights?tab=metrics');

    const health = await screen.findByTestId('ai-health');
    await waitFor(() => expect(rowsOf(health)).toHaveLength(8));
    expect(rowsOf(health).map((r) => [r.dataset.key, r.dataset.status])).toEqual([
      ['disk', 'fail'],
      ['backup', 'warn'],
      ['provider', 'warn'],
      ['database', 'ok'],
      ['links', 'ok'],
      ['log', 'ok'],
      ['keychain', 'ok'],
      ['provider', 'ok'],
    ]);
    const [disk, backup, openai, database] = rowsOf(health);
    expect(within(disk!).getByTestId('health-check-label')).toHaveTextContent('Disk space');
    expect(within(disk!).getByTestId('health-check-detail')).toHaveTextContent('Only 300 MB free where the data is kept.');
    expect(within(disk!).getByTestId('health-fix')).toHaveTextContent('Free some space');
    expect(disk).toHaveTextContent('Needs attention');
    expect(within(backup!).getByTestId('health-fix')).toHaveTextContent('Make a backup now (Settings → Data → Back up).');
    expect(backup).toHaveTextContent('Worth a look');
    expect(within(openai!).getByTestId('health-check-label')).toHaveTextContent('AI provider OpenAI');
    expect(within(database!).queryByTestId('health-fix')).not.toBeInTheDocument();
    expect(database).toHaveTextContent('OK');

    expect(within(health).getByTestId('health-checked-at')).toHaveTextContent('Checked 2 minutes ago');
    // The report kept by the backend was shown; nothing was checked again.
    expect(backend.callsTo('ai_health_check')).toHaveLength(0);
    expect(screen.getByTestId('health-light')).toHaveAttribute('data-status', 'fail');
  });

  it('"Check now" runs every check, and the list and the light show the new report', async () => {
    seedAi({ health: { checks: PROBLEMS, checkedAt: minutesAgo(10) } });
    const backend = installBackend();
    const { user } = renderApp('/insights?tab=metrics');

    const health = await screen.findByTestId('ai-health');
    await waitFor(() => expect(rowsOf(health)).toHaveLength(8));
    expect(within(health).getByTestId('health-checked-at')).toHaveTextContent('Checked 10 minutes ago');
    expect(screen.getByTestId('health-light')).toHaveAttribute('data-status', 'fail');

    // Space was freed and a backup made; the OpenAI key is still missing.
    aiBackend().setHealthFindings(
      PROBLEMS.map((c) => (c.key === 'disk' || c.key === 'backup' ? { ...c, status: 'ok' as const, fix: null, detail: 'Fine now.' } : c)),
    );
    await user.click(within(health).getByTestId('health-check-now'));

    await waitFor(() => expect(within(health).getByTestId('health-checked-at')).toHaveTextContent('Checked just now'));
    expect(backend.callsTo('ai_health_check')).toHaveLength(1);
    expect(rowsOf(health).map((r) => r.dataset.status)).toEqual(['warn', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(within(health).getAllByTestId('health-fix')).toHaveLength(1);
    const light = screen.getByTestId('health-light');
    expect(light).toHaveAttribute('data-status', 'warn');
    expect(light).toHaveAttribute('title', 'Health: 1 thing worth a look');
  });

  it('keeps the last report when "Check now" fails, and says why', async () => {
    seedAi({ health: { checks: PROBLEMS, checkedAt: minutesAgo(3) } });
    const backend = installBackend();
    const { user } = renderApp('/insights?tab=metrics');

    const health = await screen.findByTestId('ai-health');
    await waitFor(() => expect(rowsOf(health)).toHaveLength(8));
    backend.once('ai_health_check', () => {
      throw { code: 'internal', message: 'the health checker needs the data directory' };
    });
    await user.click(within(health).getByTestId('health-check-now'));

    expect(await within(health).findByTestId('health-check-error')).toHaveTextContent('the health checker needs the data directory');
    expect(rowsOf(health)).toHaveLength(8);
    expect(within(health).getByTestId('health-checked-at')).toHaveTextContent('Checked 3 minutes ago');
    expect(screen.getByTestId('health-light')).toHaveAttribute('data-status', 'fail');
  });

  it('checks now when the backend has no report yet, and says when no provider is set up', async () => {
    const backend = installBackend();
    renderApp('/insights?tab=metrics');

    const health = await screen.findByTestId('ai-health');
    await waitFor(() => expect(rowsOf(health)).toHaveLength(6));
    expect(rowsOf(health).every((r) => r.dataset.status === 'ok')).toBe(true);
    expect(within(health).getByTestId('health-checked-at')).toHaveTextContent('Checked just now');
    expect(await within(health).findByTestId('ai-health-no-provider')).toHaveTextContent('No AI provider is set up');
    expect(within(health).queryByTestId('ai-health-provider')).not.toBeInTheDocument();
    expect(backend.callsTo('ai_health_check')).toHaveLength(0);
  });
});
