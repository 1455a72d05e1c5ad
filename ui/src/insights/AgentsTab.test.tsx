import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api } from '../api';
import { aiBackend, seedAi } from '../test/aiBackend';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';

const agentRow = (task: string) => {
  const found = screen.queryAllByTestId('agent-row').find((r) => r.dataset.task === task);
  if (!found) throw new Error(`no agent row ${task}`);
  return found;
};

describe('insights: agents', () => {
  it('lists every agent, turns one off at once, and saves its settings with errors at their fields', async () => {
    seedAi({ providers: [{ id: 'p-ollama', name: 'Ollama', model: 'llama3.1:8b' }] });
    const backend = installBackend();
    const { user } = renderApp('/insights?tab=agents');

    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(8));
    expect(screen.getAllByTestId('agent-row').map((r) => r.dataset.task).sort()).toEqual(
      ['client_chat', 'data_quality', 'health_check', 'nutrition', 'progress_monitor', 'scheduling', 'weekly_digest', 'workout_optimizer'],
    );
    // Only the agents that are not about one client can be run from here.
    expect(within(agentRow('data_quality')).getByTestId('agent-run')).toBeInTheDocument();
    expect(within(agentRow('progress_monitor')).queryByTestId('agent-run')).not.toBeInTheDocument();

    const row = agentRow('progress_monitor');
    const toggle = within(row).getByTestId('agent-enabled');
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(row).toHaveAttribute('data-enabled', 'false'));
    expect(within(row).getByTestId('agent-enabled')).not.toBeChecked();
    expect(backend.callsTo('ai_agent_update')[0]!.args).toEqual({
      id: 'agent-progress_monitor',
      input: { enabled: false, providerId: null, model: null, temperature: 0.2, settings: {} },
    });
    expect(aiBackend().agents().find((a) => a.taskType === 'progress_monitor')!.enabled).toBe(false);

    // The provider list offers the fallback chain first, then each provider.
    const provider = within(row).getByTestId('agent-provider');
    expect(provider).toHaveValue('');
    expect(within(provider).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Fallback chain',
      'Ollama (llama3.1:8b)',
    ]);
    await user.selectOptions(provider, 'p-ollama');
    await user.type(within(row).getByTestId('agent-model'), 'llama3.2:3b');
    const temperature = within(row).getByTestId('agent-temperature');
    await user.clear(temperature);
    await user.click(within(row).getByTestId('agent-save'));
    expect(await within(row).findByTestId('agent-temperature-error')).toHaveTextContent('between 0 and 2');

    await user.type(temperature, '0.7');
    await user.click(within(row).getByTestId('agent-save'));
    expect(await within(row).findByTestId('agent-saved')).toBeInTheDocument();
    expect(backend.callsTo('ai_agent_update').at(-1)!.args).toEqual({
      id: 'agent-progress_monitor',
      input: { enabled: false, providerId: 'p-ollama', model: 'llama3.2:3b', temperature: 0.7, settings: {} },
    });

    // The health checker's interval is checked by the backend, shown at its field.
    const health = agentRow('health_check');
    const interval = within(health).getByTestId('agent-interval');
    expect(interval).toHaveValue('5');
    backend.once('ai_agent_update', () => {
      throw { code: 'validation', field: 'intervalMinutes', message: 'The interval must be between 1 and 1440 minutes' };
    });
    await user.click(within(health).getByTestId('agent-save'));
    expect(await within(health).findByText('The interval must be between 1 and 1440 minutes')).toBeInTheDocument();
  });

  it('runs the data-quality agent, and shows why a run did not start', async () => {
    const backend = installBackend([makeClient({ id: 'c1', name: 'Anna Berg' })]);
    const { user } = renderApp('/insights?tab=agents');

    const row = await waitFor(() => agentRow('data_quality'));
    await user.click(within(row).getByTestId('agent-run'));
    expect(await within(row).findByTestId('agent-run-result')).toHaveTextContent('1 item for review');
    expect(within(row).getByTestId('agent-run-stage')).toHaveTextContent('1 item for review');
    expect(aiBackend().events.map((e) => e.stage)).toEqual(['facts', 'done']);

    // The review tab shows what the run proposed.
    await user.click(screen.getByTestId('insights-tab-review'));
    const item = await screen.findByTestId('review-item');
    expect(item).toHaveTextContent('has no PAR-Q+ intake');
    expect(item).toHaveAttribute('data-from-model', 'false');

    // A run the backend refuses says why where it was started.
    await user.click(screen.getByTestId('insights-tab-agents'));
    const again = await waitFor(() => agentRow('data_quality'));
    await user.click(within(again).getByTestId('agent-enabled'));
    await waitFor(() => expect(again).toHaveAttribute('data-enabled', 'false'));
    await user.click(within(again).getByTestId('agent-run'));
    expect(await within(again).findByTestId('agent-run-error')).toHaveTextContent('Data quality is turned off');

    // Per-client agents are not run from here: their row says where they are. The chat has its
    // own commands; as a run it is refused by the backend.
    for (const task of ['progress_monitor', 'workout_optimizer', 'scheduling', 'nutrition', 'client_chat']) {
      expect(within(agentRow(task)).queryByTestId('agent-run')).not.toBeInTheDocument();
      expect(within(agentRow(task)).getByTestId('agent-client-hint')).toHaveTextContent('Run it from a client’s AI tab');
    }
    expect(within(agentRow('data_quality')).queryByTestId('agent-client-hint')).not.toBeInTheDocument();
    expect(agentRow('nutrition')).toHaveTextContent('not medical advice');
    const chat = { taskType: 'client_chat', clientId: 'c1', fresh: false };
    await expect(api.aiRun(chat)).rejects.toEqual({
      code: 'ai',
      message: 'Ask about a client is not available in this version of Spotter yet',
    });
    expect(backend.callsTo('ai_run').at(-1)!.args.request).toEqual(chat);
  });

  it('runs the health checker: a suggestion for each problem, and the light follows', async () => {
    seedAi({ providers: [{ id: 'p-openai', name: 'OpenAI', kind: 'openai' }] });
    installBackend();
    const { user } = renderApp('/insights?tab=agents');

    // At first only the OpenAI key is missing.
    expect(await screen.findByTestId('health-light')).toHaveAttribute('data-status', 'warn');
    expect(screen.getByTestId('health-light')).toHaveAttribute('title', 'Health: 1 thing worth a look');

    // Since then the backups fell behind.
    const found = aiBackend().health()!.checks.map((c) =>
      c.key === 'backup' ? { ...c, status: 'warn' as const, detail: 'The newest backup is 9 days old.', fix: 'Make a backup (Settings → Data).' } : c,
    );
    aiBackend().setHealthFindings(found);
    const row = await waitFor(() => agentRow('health_check'));
    expect(within(row).getByTestId('agent-run')).toBeInTheDocument();
    await user.click(within(row).getByTestId('agent-run'));
    expect(await within(row).findByTestId('agent-run-result')).toHaveTextContent('2 items for review');
    await waitFor(() => expect(screen.getByTestId('health-light')).toHaveAttribute('title', 'Health: 2 things worth a look'));

    // Running again queues nothing twice.
    await user.click(within(row).getByTestId('agent-run'));
    await waitFor(() => expect(within(row).getByTestId('agent-run-result')).toHaveTextContent('0 items for review'));

    await user.click(screen.getByTestId('insights-tab-review'));
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(2));
    const items = screen.getAllByTestId('review-item');
    expect(items.map((i) => i.textContent).join('\n')).toContain('Backups: worth a look');
    expect(items.map((i) => i.textContent).join('\n')).toContain('AI provider OpenAI: worth a look');
    expect(items[0]).toHaveTextContent('Make a backup (Settings → Data).');
  });

  it('runs the weekly digest: the progress monitor for each active client', async () => {
    installBackend([
      makeClient({ id: 'c1', name: 'Anna Berg' }),
      makeClient({ id: 'c2', name: 'Ben Stone' }),
      makeClient({ id: 'c3', name: 'Old Client', archivedAt: '2024-01-01T00:00:00Z' }),
    ]);
    const { user } = renderApp('/insights?tab=agents');

    const row = await waitFor(() => agentRow('weekly_digest'));
    await user.click(within(row).getByTestId('agent-run'));
    expect(await within(row).findByTestId('agent-run-result')).toHaveTextContent('4 items for review');
    expect(within(row).getByTestId('agent-run-stage')).toHaveTextContent('2 clients, 4 items for review, 0 failed');
    expect(aiBackend().executions().map((e) => [e.taskType, e.clientId])).toEqual([
      ['weekly_digest', null],
      ['progress_monitor', 'c1'],
      ['progress_monitor', 'c2'],
    ]);

    await user.click(screen.getByTestId('insights-tab-review'));
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(4));
    expect(screen.getAllByTestId('review-client').map((a) => a.textContent)).toEqual(['Ben Stone', 'Ben Stone', 'Anna Berg', 'Anna Berg']); // newest first
  });
});
