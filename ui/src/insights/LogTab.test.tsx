import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeExecution, seedAi } from '../test/aiBackend';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });

const DONE = makeExecution({
  id: 'e1',
  taskType: 'progress_monitor',
  clientId: 'c1',
  status: 'done',
  providerName: 'OpenAI',
  model: 'gpt-4o-mini',
  promptTokens: 812,
  completionTokens: 164,
  costEstimateUsd: 0.00022,
  attempts: 2,
  latencyMs: 2450,
  startedAt: '2025-01-20T09:00:00.000Z',
  facts: { client: 'Client A', e1rm: [{ exercise: 'Back Squat', fromKg: 100, toKg: 110 }] },
  sent: [
    { role: 'system', content: 'You help a personal trainer. Use only the facts given.' },
    { role: 'user', content: 'Facts about Client A:\n{"e1rm": 110}' },
  ],
  output: { insights: [{ title: 'Squat keeps climbing', refs: ['S1'] }] },
});
const REFUSED = makeExecution({
  id: 'e2',
  taskType: 'rewrite_everything',
  status: 'failed',
  error: 'invalid task type',
  latencyMs: 0,
  startedAt: '2025-01-20T10:00:00.000Z',
});
const DISABLED = makeExecution({
  id: 'e3',
  taskType: 'progress_monitor',
  status: 'failed',
  error: 'agent disabled',
  latencyMs: 0,
  startedAt: '2025-01-20T11:00:00.000Z',
});
const CACHED = makeExecution({
  id: 'e4',
  taskType: 'progress_monitor',
  clientId: 'c1',
  status: 'done',
  providerName: 'OpenAI',
  model: 'gpt-4o-mini',
  fromCache: true,
  latencyMs: 4,
  startedAt: '2025-01-20T12:00:00.000Z',
});

const rows = () => screen.queryAllByTestId('execution-row');

describe('insights: execution log', () => {
  it('lists runs, refused ones too, and filters them by task and status', async () => {
    seedAi({ executions: [DONE, REFUSED, DISABLED, CACHED] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/insights?tab=log');

    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows().map((r) => [r.dataset.task, r.dataset.status])).toEqual([
      ['progress_monitor', 'done'],
      ['progress_monitor', 'failed'],
      ['rewrite_everything', 'failed'],
      ['progress_monitor', 'done'],
    ]);
    expect(within(rows()[0]!).getByTestId('execution-cached')).toHaveTextContent('from memory');
    expect(rows()[2]).toHaveTextContent('Unknown task “rewrite_everything”');
    expect(within(rows()[2]!).getByTestId('execution-result')).toHaveTextContent('did not finish: invalid task type');
    // What ran, for whom, and the cost in plain money; model and tokens are not in the list.
    const done = rows()[3]!;
    expect(within(done).getByTestId('execution-what')).toHaveTextContent('Progress monitor for Anna Berg');
    expect(within(done).getByTestId('execution-row-cost')).toHaveTextContent('less than 0.1 cents');
    expect(done).not.toHaveTextContent('gpt-4o-mini');
    expect(done).not.toHaveTextContent('976');

    await user.selectOptions(screen.getByTestId('log-filter-status'), 'failed');
    await waitFor(() => expect(rows().map((r) => r.dataset.status)).toEqual(['failed', 'failed']));
    await user.selectOptions(screen.getByTestId('log-filter-task'), 'progress_monitor');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('agent disabled');
    expect(backend.callsTo('ai_executions_list').at(-1)!.args).toEqual({
      query: { taskType: 'progress_monitor', status: 'failed', limit: 200 },
    });
  });

  it('opens a run with its numbers, the facts, exactly what was sent and what came back', async () => {
    seedAi({ executions: [DONE, REFUSED] });
    installBackend([anna]);
    const { user } = renderApp('/insights?tab=log');

    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(rows()[1]!);
    const detail = await screen.findByTestId('execution-detail-body');
    expect(screen.getByTestId('execution-detail')).toContainElement(detail);
    // In words first: what ran, for whom, what it found, what it cost.
    expect(within(detail).getByTestId('execution-summary')).toHaveTextContent(
      /ran for Anna Berg and found 1 thing to review\. It cost less than 0\.1 cents\./,
    );
    // The model, temperature and tokens wait under a closed "Details".
    const toggle = within(detail).getByTestId('execution-details-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(detail).getByTestId('execution-model')).toHaveTextContent('OpenAI · gpt-4o-mini');
    expect(within(detail).getByTestId('execution-temperature')).toHaveTextContent(/\d/);
    expect(within(detail).getByTestId('execution-attempts')).toHaveTextContent('2');
    expect(within(detail).getByTestId('execution-tokens')).toHaveTextContent('812 in + 164 out');
    expect(within(detail).getByTestId('execution-cost')).toHaveTextContent('$0.0002');
    expect(within(detail).getByTestId('execution-latency')).toHaveTextContent('2.5 s');
    expect(within(detail).queryByTestId('execution-error')).not.toBeInTheDocument();

    const messages = within(detail).getAllByTestId('execution-sent-message');
    expect(messages.map((m) => m.dataset.role)).toEqual(['system', 'user']);
    expect(messages[0]).toHaveTextContent('You help a personal trainer. Use only the facts given.');
    expect(messages[1]).toHaveTextContent('Facts about Client A: {"e1rm": 110}');
    expect(within(detail).getByTestId('execution-facts').textContent).toContain('"exercise": "Back Squat"');
    expect(within(detail).getByTestId('execution-output').textContent).toContain('"title": "Squat keeps climbing"');

    // Close, then open the refused run: its reason is shown and nothing was sent.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('execution-detail-body')).not.toBeInTheDocument());
    await user.click(rows()[0]!);
    const refused = await screen.findByTestId('execution-detail-body');
    expect(within(refused).getByTestId('execution-error')).toHaveTextContent('invalid task type');
    expect(within(refused).getByTestId('execution-sent')).toHaveTextContent('Nothing was sent to a model.');
  });
});
