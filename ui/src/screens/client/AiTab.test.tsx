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

    // The other agents' messages, one pick away.
    await user.selectOptions(within(modal).getByTestId('ai-preview-task'), 'scheduling');
    await waitFor(() => expect(within(modal).getAllByTestId('ai-preview-message')[0]).toHaveTextContent('pick session times'));
    expect(backend.callsTo('ai_preview').at(-1)!.args).toEqual({ request: { taskType: 'scheduling', clientId: 'c1', fresh: false } });
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

  it('offers each agent with a line on what it does, one run at a time', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    const agents = await screen.findAllByTestId('ai-agent');
    expect(agents.map((a) => a.dataset.task)).toEqual(['progress_monitor', 'workout_optimizer', 'scheduling', 'nutrition']);
    expect(screen.getByTestId('ai-run-optimizer')).toHaveTextContent('Suggest plan changes');
    expect(screen.getByTestId('ai-run-scheduling')).toHaveTextContent('Suggest session times');
    expect(screen.getByTestId('ai-run-nutrition')).toHaveTextContent('Nutrition guidance');
    expect(agents[3]).toHaveTextContent('Not medical advice');

    aiBackend().holdRuns();
    await user.click(screen.getByTestId('ai-run-scheduling'));
    await waitFor(() => expect(screen.getByTestId('ai-run-stage')).toHaveTextContent('Asking Ollama (llama3.1:8b)'));
    expect(screen.getByTestId('ai-run-task')).toHaveAttribute('data-task', 'scheduling');
    expect(screen.getByTestId('ai-run-task')).toHaveTextContent('Scheduling:');
    // The others wait until this run ends.
    expect(screen.getByTestId('ai-run-progress')).toBeDisabled();
    expect(screen.getByTestId('ai-run-nutrition')).toBeDisabled();
    expect(screen.getByTestId('ai-run-cancel')).toBeEnabled();
    expect(backend.callsTo('ai_run')[0]!.args.request).toEqual({ taskType: 'scheduling', clientId: 'c1', fresh: false });

    aiBackend().release();
    expect(await screen.findByTestId('ai-run-result')).toHaveTextContent('2 items for review');
    expect(screen.getByTestId('ai-run-progress')).toBeEnabled();
  });

  it('suggests plan changes; accepting saves a new version of the plan', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-run-optimizer'));
    expect(await screen.findByTestId('ai-run-result')).toHaveTextContent('1 item for review');
    expect(backend.callsTo('ai_run')[0]!.args.request).toEqual({ taskType: 'workout_optimizer', clientId: 'c1', fresh: false });
    const item = await screen.findByTestId('review-item');
    expect(item).toHaveAttribute('data-kind', 'suggestion');
    expect(within(item).getByTestId('review-title')).toHaveTextContent('Changes to “Strength block” from week 3');
    expect(within(item).getByTestId('review-meta')).toHaveTextContent('Workout optimizer');
    // One change a line, as proposed.
    const body = within(item).getByTestId('review-body');
    expect(body.textContent).toContain('settles.\n• Day 1: replace Back Squat with Box Squat');
    expect(body).toHaveStyle({ whiteSpace: 'pre-line' });
    expect(within(item).getByTestId('review-plan-link')).toHaveAttribute('href', '/training/plans/plan-c1');
    // Accepting applies the change as proposed: there is no text to edit first.
    expect(within(item).queryByTestId('review-edit')).not.toBeInTheDocument();
    expect(within(item).getByTestId('review-accept')).toHaveTextContent('Accept and save as a new plan version');

    await user.click(within(item).getByTestId('review-accept'));
    const done = await screen.findByTestId('review-accepted');
    expect(within(done).getByTestId('review-result')).toHaveTextContent(/^plan version 5$/);
    expect(done).toHaveTextContent('Accepted “Changes to “Strength block” from week 3”: plan version 5');
    expect(within(done).getByTestId('review-plan-link')).toHaveAttribute('href', '/training/plans/plan-c1');
    expect(aiBackend().plan('c1').version).toBe(5);
    expect(backend.callsTo('ai_review_accept')[0]!.args).toEqual({ id: aiBackend().review()[0]!.id, edited: null });
    await waitFor(() => expect(screen.queryByTestId('review-item')).not.toBeInTheDocument());
    expect(screen.getByTestId('review-empty')).toBeInTheDocument();

    await user.click(within(done).getByTestId('review-accepted-close'));
    expect(screen.queryByTestId('review-accepted')).not.toBeInTheDocument();
  });

  it('refuses a plan change proposed for a version that has been replaced, and keeps it open', async () => {
    seedAi({ providers: [OLLAMA] });
    installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-run-optimizer'));
    const item = await screen.findByTestId('review-item');
    // Meanwhile the trainer saves the plan in the plan builder.
    aiBackend().planChanged('c1');

    await user.click(within(item).getByTestId('review-accept'));
    expect(await within(item).findByTestId('review-error')).toHaveTextContent(
      'The plan was changed after this was proposed (it is at version 5 now, the proposal was for version 4); run the optimizer again',
    );
    expect(item).toHaveAttribute('data-status', 'open');
    expect(within(item).getByTestId('review-accept')).toBeEnabled();
    expect(screen.queryByTestId('review-accepted')).not.toBeInTheDocument();
    expect(aiBackend().plan('c1').version).toBe(5);
    expect(aiBackend().review()[0]!.status).toBe('open');
  });

  it('suggests session times; accepting books one, and a slot taken since is refused', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-run-scheduling'));
    expect(await screen.findByTestId('ai-run-result')).toHaveTextContent('2 items for review');
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(2));
    const slot = (title: string) => screen.getAllByTestId('review-item').find((i) => within(i).getByTestId('review-title').textContent === title)!;
    const tuesday = slot('Book Tue 2025-02-04 18:00–19:00');
    const thursday = slot('Book Thu 2025-02-06 07:30–08:30');
    expect(within(tuesday).getByTestId('review-body').textContent).toBe('At the usual time.\nAnna Berg came on Tuesdays at 18:00 six times.');
    expect(within(tuesday).getAllByTestId('review-evidence').map((e) => e.textContent)).toEqual([
      'Free for both' + 'Tue 2025-02-04 18:00–19:00',
      'Usually comes' + 'Tue 18:00 (6 times)',
    ]);
    for (const i of [tuesday, thursday]) {
      expect(within(i).getByTestId('review-accept')).toHaveTextContent(/^Accept and book$/);
      expect(within(i).queryByTestId('review-plan-link')).not.toBeInTheDocument();
      expect(within(i).queryByTestId('review-edit')).not.toBeInTheDocument();
    }

    await user.click(within(tuesday).getByTestId('review-accept'));
    const done = await screen.findByTestId('review-accepted');
    expect(within(done).getByTestId('review-result')).toHaveTextContent(/^session booked for 2025-02-04 18:00$/);
    expect(within(done).queryByTestId('review-plan-link')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(1));
    expect(aiBackend().booked()).toEqual(['2025-02-04 18:00']);

    // Someone else took Thursday morning meanwhile: nothing is booked, the proposal stays.
    aiBackend().takeSlot('2025-02-06 07:30');
    const left = screen.getByTestId('review-item');
    await user.click(within(left).getByTestId('review-accept'));
    expect(await within(left).findByTestId('review-error')).toHaveTextContent('That time is no longer free');
    expect(within(left).getByTestId('review-error')).toHaveTextContent('Nothing was booked');
    expect(left).toHaveAttribute('data-status', 'open');
    expect(screen.getAllByTestId('review-item')).toHaveLength(1);
    expect(screen.getAllByTestId('review-accepted')).toHaveLength(1);
    expect(aiBackend().booked()).toEqual(['2025-02-04 18:00']);
    expect(backend.callsTo('ai_review_accept')).toHaveLength(2);

    // The accepted one shows what it booked under Insights → Review → Accepted.
    await user.click(screen.getByTestId('ai-review-all'));
    await user.selectOptions(await screen.findByTestId('review-status'), 'accepted');
    const accepted = await screen.findByTestId('review-item');
    expect(accepted).toHaveAttribute('data-status', 'accepted');
    expect(within(accepted).getByTestId('review-result')).toHaveTextContent('session booked for 2025-02-04 18:00');
  });

  it('gives nutrition guidance as one insight, its lines kept', async () => {
    seedAi({ providers: [OLLAMA] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=ai');

    await user.click(await screen.findByTestId('ai-run-nutrition'));
    expect(await screen.findByTestId('ai-run-result')).toHaveTextContent('1 item for review');
    expect(backend.callsTo('ai_run')[0]!.args.request).toEqual({ taskType: 'nutrition', clientId: 'c1', fresh: false });
    const item = await screen.findByTestId('review-item');
    expect(item).toHaveAttribute('data-kind', 'insight');
    expect(within(item).getByTestId('review-title')).toHaveTextContent('Nutrition guidance (not medical advice)');
    const body = within(item).getByTestId('review-body');
    expect(body).toHaveStyle({ whiteSpace: 'pre-line' });
    expect(body.textContent).toContain('Missing: height');
    expect(body.textContent).toContain('\nMeal ideas:\n• Greek yoghurt with oats and berries\n• Lentil curry with rice\n');
    expect(within(item).getByTestId('review-accept')).toHaveTextContent(/^Accept$/);
    expect(within(item).getByTestId('review-edit')).toBeInTheDocument();

    await user.click(within(item).getByTestId('review-accept'));
    await waitFor(() => expect(screen.queryByTestId('review-item')).not.toBeInTheDocument());
    // It is kept on the client's record: said above the list, with the way there.
    const notice = await screen.findByTestId('review-accepted');
    expect(within(notice).getByTestId('review-result')).toHaveTextContent(/^noted in .*'s notes$/);
    expect(aiBackend().review()[0]).toMatchObject({ status: 'accepted' });
  });
});
