import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aiBackend, makeReviewItem, seedAi } from '../test/aiBackend';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });

const SQUAT = makeReviewItem({
  id: 'r1',
  title: 'Squat keeps climbing',
  body: 'Anna Berg went from 100 to 110 kg estimated 1RM in 6 weeks.',
  clientId: 'c1',
  kind: 'insight',
  fromModel: true,
  evidence: [{ label: 'Back Squat estimated 1RM', value: '100 kg → 110 kg' }],
  createdAt: '2025-01-20T10:00:00.000Z',
});
const INTAKE = makeReviewItem({
  id: 'r2',
  title: 'No PAR-Q+ intake yet',
  body: 'Ask Anna Berg to fill in the PAR-Q+.',
  clientId: 'c1',
  kind: 'suggestion',
  taskType: 'data_quality',
  fromModel: false,
  evidence: [{ label: 'Found', value: 'No intake on file' }],
  createdAt: '2025-01-20T09:00:00.000Z',
});

const item = (title: string) => {
  const found = screen.queryAllByTestId('review-item').find((i) => within(i).getByTestId('review-title').textContent === title);
  if (!found) throw new Error(`no review item ${title}`);
  return found;
};
const titles = () => screen.queryAllByTestId('review-item').map((i) => within(i).getByTestId('review-title').textContent);

describe('review queue', () => {
  it('shows what each item is and rests on, and accepts one as it is', async () => {
    seedAi({ review: [SQUAT, INTAKE] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/insights');

    await waitFor(() => expect(titles()).toEqual(['Squat keeps climbing', 'No PAR-Q+ intake yet']));
    const squat = item('Squat keeps climbing');
    expect(squat).toHaveAttribute('data-kind', 'insight');
    expect(squat).toHaveAttribute('data-status', 'open');
    expect(squat).toHaveAttribute('data-from-model', 'true');
    expect(within(squat).getByTestId('review-body')).toHaveTextContent('Anna Berg went from 100 to 110 kg');
    expect(within(squat).getByTestId('review-client')).toHaveAttribute('href', '/clients/c1');
    expect(within(squat).getByTestId('review-meta')).toHaveTextContent('Progress monitor · Written by the AI model');
    const evidence = within(squat).getAllByTestId('review-evidence');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toHaveTextContent('Back Squat estimated 1RM100 kg → 110 kg');
    const intake = item('No PAR-Q+ intake yet');
    expect(intake).toHaveAttribute('data-from-model', 'false');
    expect(intake).toHaveAttribute('data-kind', 'suggestion');
    expect(within(intake).getByTestId('review-meta')).toHaveTextContent('Data quality · Worked out by Spotter');

    await user.click(within(squat).getByTestId('review-accept'));
    await waitFor(() => expect(titles()).toEqual(['No PAR-Q+ intake yet']));
    expect(backend.callsTo('ai_review_accept')[0]!.args).toEqual({ id: 'r1', edited: null });

    await user.selectOptions(screen.getByTestId('review-status'), 'accepted');
    await waitFor(() => expect(titles()).toEqual(['Squat keeps climbing']));
    const accepted = item('Squat keeps climbing');
    expect(accepted).toHaveAttribute('data-status', 'accepted');
    expect(within(accepted).queryByTestId('review-accept')).not.toBeInTheDocument();
    expect(within(accepted).queryByTestId('review-dismiss')).not.toBeInTheDocument();
  });

  it('writes an accepted insight to the client’s notes and links there', async () => {
    seedAi({ review: [SQUAT] });
    installBackend([anna]);
    const { user } = renderApp('/insights?tab=review');

    const squat = await screen.findByTestId('review-item');
    await user.click(within(squat).getByTestId('review-accept'));
    const notice = await screen.findByTestId('review-accepted');
    expect(within(notice).getByTestId('review-result')).toHaveTextContent("noted in Anna Berg's notes");
    await user.click(within(notice).getByTestId('review-open-notes'));

    const note = await screen.findByTestId('note-item');
    expect(note).toHaveTextContent('Insight accepted: Squat keeps climbing');
    expect(note).toHaveTextContent('Anna Berg went from 100 to 110 kg estimated 1RM in 6 weeks.');
    expect(note).toHaveTextContent('· Back Squat estimated 1RM: 100 kg → 110 kg');
  });

  it('accepts the trainer’s edited text instead of the proposal', async () => {
    seedAi({ review: [SQUAT] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/insights?tab=review');

    const squat = await screen.findByTestId('review-item');
    await user.click(within(squat).getByTestId('review-edit'));
    const body = within(squat).getByTestId('review-edit-body');
    expect(body).toHaveValue(SQUAT.body);
    await user.clear(body);
    await user.type(body, 'Squat up 10 kg in 6 weeks: time for a new 5-rep target.');
    await user.click(within(squat).getByTestId('review-edit-accept'));
    await waitFor(() => expect(screen.queryByTestId('review-item')).not.toBeInTheDocument());
    expect(backend.callsTo('ai_review_accept')[0]!.args).toEqual({ id: 'r1', edited: 'Squat up 10 kg in 6 weeks: time for a new 5-rep target.' });

    await user.selectOptions(screen.getByTestId('review-status'), 'accepted');
    const accepted = await screen.findByTestId('review-item');
    expect(within(accepted).getByTestId('review-body')).toHaveTextContent('time for a new 5-rep target');
    expect(accepted).toHaveTextContent('Edited by you before accepting');
    expect(aiBackend().review()[0]).toMatchObject({ status: 'accepted', body: SQUAT.body, editedBody: 'Squat up 10 kg in 6 weeks: time for a new 5-rep target.' });
  });

  it('dismisses an item only with a reason', async () => {
    seedAi({ review: [SQUAT, INTAKE] });
    const backend = installBackend([anna]);
    const { user } = renderApp('/insights');

    await waitFor(() => expect(titles()).toHaveLength(2));
    const intake = item('No PAR-Q+ intake yet');
    await user.click(within(intake).getByTestId('review-dismiss'));
    await user.click(within(intake).getByTestId('review-dismiss-confirm'));
    expect(await within(intake).findByTestId('review-dismiss-reason-error')).toHaveTextContent('Say why it is dismissed');
    expect(aiBackend().review().find((r) => r.id === 'r2')!.status).toBe('open');

    await user.type(within(intake).getByTestId('review-dismiss-reason'), 'She filled it in on paper');
    await user.click(within(intake).getByTestId('review-dismiss-confirm'));
    await waitFor(() => expect(titles()).toEqual(['Squat keeps climbing']));
    expect(backend.callsTo('ai_review_dismiss').at(-1)!.args).toEqual({ id: 'r2', reason: 'She filled it in on paper' });

    await user.selectOptions(screen.getByTestId('review-status'), 'dismissed');
    await waitFor(() => expect(titles()).toEqual(['No PAR-Q+ intake yet']));
    expect(item('No PAR-Q+ intake yet')).toHaveAttribute('data-status', 'dismissed');
    expect(item('No PAR-Q+ intake yet')).toHaveTextContent('She filled it in on paper');
  });

  it('says what accepting does: a new plan version, a booking; and what it created once accepted', async () => {
    const PLAN = makeReviewItem({
      id: 'r3',
      title: 'Changes to “Strength block” from week 3',
      body: 'Keep Anna Berg squatting.\n• Day 1: replace Back Squat with Box Squat: less knee flexion',
      clientId: 'c1',
      kind: 'suggestion',
      taskType: 'workout_optimizer',
      changesPlanId: 'plan-7',
      createdAt: '2025-01-20T11:00:00.000Z',
    });
    const SLOT = makeReviewItem({
      id: 'r4',
      title: 'Book Tue 2025-02-04 18:00–19:00',
      body: 'At the usual time.',
      clientId: 'c1',
      kind: 'suggestion',
      taskType: 'scheduling',
      booksSession: true,
      createdAt: '2025-01-20T10:30:00.000Z',
    });
    const BOOKED = makeReviewItem({
      id: 'r5',
      title: 'Book Thu 2025-02-06 07:30–08:30',
      clientId: 'c1',
      kind: 'suggestion',
      taskType: 'scheduling',
      booksSession: true,
      status: 'accepted',
      result: 'session booked for 2025-02-06 07:30',
      decidedAt: '2025-01-21T08:00:00.000Z',
    });
    seedAi({ review: [PLAN, SLOT, SQUAT, BOOKED] });
    installBackend([anna]);
    const { user } = renderApp('/insights');

    await waitFor(() => expect(titles()).toHaveLength(3));
    const plan = item(PLAN.title);
    expect(within(plan).getByTestId('review-accept')).toHaveTextContent('Accept and save as a new plan version');
    expect(within(plan).getByTestId('review-plan-link')).toHaveAttribute('href', '/training/plans/plan-7');
    expect(within(plan).getByTestId('review-body').textContent).toBe(PLAN.body);
    expect(within(plan).getByTestId('review-body')).toHaveStyle({ whiteSpace: 'pre-line' });
    expect(within(plan).queryByTestId('review-edit')).not.toBeInTheDocument();
    const slot = item(SLOT.title);
    expect(within(slot).getByTestId('review-accept')).toHaveTextContent(/^Accept and book$/);
    expect(within(slot).queryByTestId('review-plan-link')).not.toBeInTheDocument();
    const squat = item(SQUAT.title);
    expect(within(squat).getByTestId('review-accept')).toHaveTextContent(/^Accept$/);
    expect(within(squat).getByTestId('review-edit')).toBeInTheDocument();
    expect(within(squat).queryByTestId('review-plan-link')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('review-status'), 'accepted');
    await waitFor(() => expect(titles()).toEqual([BOOKED.title]));
    expect(within(item(BOOKED.title)).getByTestId('review-result')).toHaveTextContent('session booked for 2025-02-06 07:30');
    expect(item(BOOKED.title)).toHaveTextContent('Accepted on');
  });
});
