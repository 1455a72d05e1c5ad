import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aiBackend, seedAi } from '../../test/aiBackend';
import { installBackend, makeClient } from '../../test/backend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });
const OLLAMA = { id: 'p-ollama', name: 'Ollama', model: 'llama3.1:8b' };

describe('client AI tab', () => {
  it('runs the progress monitor with its progress streamed in, then shows the items to review', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1');

    await user.click(await screen.findByTestId('client-tab-ai'));
    expect(await screen.findByTestId('ai-tab')).toBeInTheDocument();
    expect(await screen.findByTestId('review-empty')).toHaveTextContent('Nothing waiting for review for Anna Berg');

    aiBackend().holdRuns();
    await user.click(screen.getByTestId('ai-run-progress'));
    // The run waits for the model: the latest event is on screen, and Cancel is offered.
    await waitFor(() => expect(screen.getByTestId('ai-run-stage')).toHaveTextContent('Asking Ollama (llama3.1:8b)'));
    expect(screen.getByTestId('ai-run-cancel')).toBeEnabled();
    expect(backend.callsTo('ai_run')[0]!.args.request).toEqual({ taskType: 'progress_monitor', clientId: 'c1', fresh: false });

    aiBackend().release();
    expect(await screen.findByTestId('ai-run-result')).toHaveTextContent('2 items for review');
    expect(screen.queryByTestId('ai-run-cancel')).not.toBeInTheDocument();
    expect(aiBackend().events.map((e) => e.stage)).toEqual(['facts', 'queued', 'model', 'validating', 'done']);
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(2));
    for (const item of screen.getAllByTestId('review-item')) {
      expect(item).toHaveAttribute('data-from-model', 'true');
      expect(item).toHaveAttribute('data-status', 'open');
    }
    expect(screen.getAllByTestId('review-item')[0]).toHaveTextContent('Squat is climbing steadily');
    expect(screen.getByTestId('ai-review-all')).toHaveAttribute('href', '/insights');

    // The same input again reuses the answer; "ask again" asks the model anyway.
    await user.click(screen.getByTestId('ai-run-progress'));
    await waitFor(() => expect(screen.getByTestId('ai-run-stage')).toHaveTextContent('Same input as a recent run'));
    expect(screen.getByTestId('ai-run-result')).toHaveTextContent('2 items for review');
    await user.click(screen.getByTestId('ai-run-fresh'));
    await user.click(screen.getByTestId('ai-run-progress'));
    await waitFor(() => expect(backend.callsTo('ai_run')).toHaveLength(3));
    expect(backend.callsTo('ai_run')[2]!.args.request).toEqual({ taskType: 'progress_monitor', clientId: 'c1', fresh: true });
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(4));
  });

  it('cancels a run in progress', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    aiBackend().holdRuns();
    await user.click(await screen.findByTestId('ai-run-progress'));
    await waitFor(() => expect(screen.getByTestId('ai-run-stage')).toHaveTextContent('Asking Ollama'));
    await user.click(screen.getByTestId('ai-run-cancel'));

    expect(await screen.findByTestId('ai-run-error')).toHaveTextContent(/^Cancelled$/);
    const id = aiBackend().events[0]!.executionId;
    expect(backend.callsTo('ai_cancel')[0]!.args).toEqual({ id });
    expect(aiBackend().executions().find((e) => e.id === id)).toMatchObject({ status: 'cancelled', error: 'cancelled' });
    expect(aiBackend().review()).toHaveLength(0);
    expect(screen.queryByTestId('review-item')).not.toBeInTheDocument();
  });

  it('shows errors where the run was started: a disabled agent, an unknown client', async () => {
    seedAi({ agents: { progress_monitor: { enabled: false } } });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-run-progress'));
    expect(await screen.findByTestId('ai-run-error')).toHaveTextContent('agent disabled: Progress monitor is turned off');
    expect(screen.getByTestId('ai-open-agents')).toHaveAttribute('href', '/insights?tab=agents');
    // The refusal is logged.
    expect(aiBackend().executions()).toMatchObject([{ taskType: 'progress_monitor', status: 'failed', error: 'agent disabled' }]);

    backend.once('ai_run', () => {
      throw { code: 'ai', message: 'no provider answered: Ollama: connection refused' };
    });
    await user.click(screen.getByTestId('ai-run-progress'));
    await waitFor(() => expect(screen.getByTestId('ai-run-error')).toHaveTextContent('no provider answered: Ollama: connection refused'));
  });

  it('computes the facts alone when no provider is set up', async () => {
    installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-run-progress'));
    expect(await screen.findByTestId('ai-run-result')).toHaveTextContent('2 items for review');
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(2));
    expect(screen.getAllByTestId('review-item')[0]).toHaveAttribute('data-from-model', 'false');
    expect(screen.getAllByTestId('review-item')[0]).toHaveTextContent('Worked out by Spotter');
  });

  it('previews exactly what would be sent, and to whom', async () => {
    seedAi({ providers: [OLLAMA, { id: 'p-openai', name: 'OpenAI', kind: 'openai', model: 'gpt-4o-mini' }], keys: ['p-openai'] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-preview'));
    const modal = await screen.findByTestId('ai-preview-modal');
    const messages = await within(modal).findAllByTestId('ai-preview-message');
    expect(messages.map((m) => m.dataset.role)).toEqual(['system', 'user']);
    expect(messages[0]).toHaveTextContent('system');
    expect(messages[0]).toHaveTextContent('You help a personal trainer');
    expect(messages[1]).toHaveTextContent('Facts about Client A');
    expect(messages[1]).not.toHaveTextContent('Anna');
    expect(within(modal).getByTestId('ai-preview-providers')).toHaveTextContent('Ollama (llama3.1:8b)OpenAI (gpt-4o-mini)');
    expect(backend.callsTo('ai_preview')[0]!.args).toEqual({ request: { taskType: 'progress_monitor', clientId: 'c1', fresh: false } });
    expect(backend.callsTo('ai_run')).toHaveLength(0);

    await user.click(within(modal).getByTestId('ai-preview-close'));
    await waitFor(() => expect(screen.queryByTestId('ai-preview-modal')).not.toBeInTheDocument());
  });

  it('says when only the computed facts would be shown', async () => {
    // OpenAI without a key is skipped, like no provider at all.
    seedAi({ providers: [{ id: 'p-openai', name: 'OpenAI', kind: 'openai', model: 'gpt-4o-mini' }] });
    installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-preview'));
    const modal = await screen.findByTestId('ai-preview-modal');
    expect(await within(modal).findByTestId('ai-preview-providers')).toHaveTextContent(
      'No provider: Spotter will show its computed facts only',
    );
  });
});
