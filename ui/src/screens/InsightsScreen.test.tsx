import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedAi } from '../test/aiBackend';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

describe('insights', () => {
  it('opens the review queue first and switches tabs', async () => {
    installBackend();
    const { user } = renderApp('/insights');

    expect(await screen.findByTestId('insights-tab-review')).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('review-empty')).toHaveTextContent('Nothing waiting for review');
    expect(screen.getByTestId('review-status')).toHaveValue('open');
    await user.click(screen.getByTestId('insights-tab-log'));
    expect(await screen.findByTestId('log-empty')).toHaveTextContent('No agent has run yet');
    expect(screen.getByTestId('insights-tab-log')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByTestId('insights-tab-agents'));
    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(8));
  });

  it('shows the health report (keychain and providers among its checks), paused providers, and the numbers per day', async () => {
    seedAi({
      keychainOk: false,
      providers: [
        { id: 'p-a', name: 'Ollama' },
        { id: 'p-b', name: 'OpenAI', kind: 'openai' },
        { id: 'p-c', name: 'Lab server' },
      ],
      circuits: { 'p-b': 'open', 'p-c': 'half_open' },
      metrics: [
        { day: '2025-01-19', runs: 3, done: 2, failed: 1, successRate: 2 / 3, p50LatencyMs: 900, p95LatencyMs: 2100, promptTokens: 1600, completionTokens: 300, costEstimateUsd: 0.0004 },
        { day: '2025-01-20', runs: 1, done: 1, failed: 0, successRate: 1, p50LatencyMs: 800, p95LatencyMs: 800, promptTokens: 800, completionTokens: 150, costEstimateUsd: 0.0002 },
      ],
    });
    installBackend();
    renderApp('/insights?tab=metrics');

    const health = await screen.findByTestId('ai-health');
    await waitFor(() => expect(within(health).getAllByTestId('health-check')).toHaveLength(9));
    // Problems first; the keychain and each provider are checks of the report, shown once.
    const rows = within(health).getAllByTestId('health-check');
    expect(rows.map((r) => [r.dataset.key, r.dataset.status])).toEqual([
      ['keychain', 'warn'],
      ['provider', 'warn'],
      ['database', 'ok'],
      ['links', 'ok'],
      ['backup', 'ok'],
      ['disk', 'ok'],
      ['log', 'ok'],
      ['provider', 'ok'],
      ['provider', 'ok'],
    ]);
    expect(within(rows[0]!).getByTestId('health-fix')).toHaveTextContent('gnome-keyring');
    expect(rows[1]).toHaveTextContent('AI provider OpenAI: No API key yet: add it first');
    expect(within(health).queryAllByText(/gnome-keyring/)).toHaveLength(1);
    // A provider's circuit is no check: only the providers Spotter paused or is retrying show.
    expect(within(health).getAllByTestId('ai-health-provider').map((p) => [p.dataset.circuit, p.textContent])).toEqual([
      ['open', 'paused after repeated failuresAI provider OpenAI: runs use the next provider in the list meanwhile.'],
      ['half_open', 'trying againAI provider Lab server'],
    ]);
    expect(within(health).queryByTestId('ai-health-no-provider')).not.toBeInTheDocument();

    const metrics = screen.getByTestId('ai-metrics');
    expect(await within(metrics).findByTestId('ai-metrics-totals')).toHaveTextContent('4 runs, costing less than 0.1 cents in all (an estimate; local servers cost nothing) · 2,850 tokens');
    for (const chart of ['runs', 'success', 'latency', 'tokens', 'cost']) {
      expect(within(metrics).getByTestId(`ai-metrics-${chart}`)).toBeInTheDocument();
    }
  });
});
