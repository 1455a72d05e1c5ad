import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ParqInput } from '../../bindings';
import { todayIso } from '../../format';
import { installBackend, makeClient } from '../../test/backend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });

describe('intake (PAR-Q+)', () => {
  it('a "yes" flags the client: badge on the page and in the list, until clearance is recorded', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=intake');

    expect(await screen.findByTestId('parq-date')).toHaveValue(todayIso());
    for (let i = 0; i < 7; i += 1) await user.click(screen.getByTestId(`parq-answer-${i}-${i === 5 ? 'yes' : 'no'}`));
    await user.type(screen.getByTestId('parq-notes'), 'Old meniscus tear');
    await user.click(screen.getByTestId('parq-save'));

    const header = await screen.findByTestId('clearance-badge');
    expect(header).toHaveTextContent('Needs medical clearance');
    const input = backend.callsTo('intake_record')[0]!.args.input as ParqInput;
    expect(input.answers).toEqual([false, false, false, false, false, true, false]);
    expect(input.notes).toBe('Old meniscus tear');

    // History shows it, and the form is ready for the next one.
    const item = await screen.findByTestId('intake-item');
    expect(item).toHaveTextContent('Yes to 1 of 7');
    expect(item).toHaveTextContent(/bone, joint, or soft tissue/);
    expect(screen.getByTestId('parq-notes')).toHaveValue('');

    // The clients list shows the badge in the row too.
    await user.click(screen.getByTestId('nav-clients'));
    const row = await screen.findByTestId('client-row');
    expect(within(row).getByTestId('clearance-badge')).toBeInTheDocument();

    // Recording clearance removes the flag everywhere.
    await user.click(row);
    await user.click(await screen.findByTestId('client-tab-intake'));
    await user.clear(await screen.findByTestId('clearance-date'));
    await user.type(screen.getByTestId('clearance-date'), '2025-01-20');
    await user.click(screen.getByTestId('clearance-save'));
    await waitFor(() => expect(screen.queryByTestId('clearance-badge')).not.toBeInTheDocument());
    expect(backend.callsTo('client_set_clearance')[0]!.args).toEqual({ id: 'c1', date: '2025-01-20' });
    expect(screen.getByTestId('clearance-panel')).toHaveTextContent('Medical clearance received on');
  });

  it('shows which question is unanswered, at that question', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=intake');

    await user.click(await screen.findByTestId('parq-answer-0-no'));
    await user.click(screen.getByTestId('parq-answer-1-no'));
    await user.click(screen.getByTestId('parq-answer-2-no'));
    await user.click(screen.getByTestId('parq-save'));

    expect(await screen.findByTestId('parq-answer-3-error')).toHaveTextContent('Answer question 4');
    expect(screen.queryByTestId('parq-error')).not.toBeInTheDocument();
    expect((backend.callsTo('intake_record')[0]!.args.input as ParqInput).answers).toEqual([
      false,
      false,
      false,
      null,
      null,
      null,
      null,
    ]);
    // Answering it clears the message.
    await user.click(screen.getByTestId('parq-answer-3-no'));
    expect(screen.queryByTestId('parq-answer-3-error')).not.toBeInTheDocument();
  });

  it('shows every unanswered question at once, and the date error with them', async () => {
    installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=intake');

    await user.click(await screen.findByTestId('parq-answer-0-no'));
    await user.click(screen.getByTestId('parq-answer-2-yes'));
    await user.click(screen.getByTestId('parq-save'));

    for (const i of [1, 3, 4, 5, 6]) {
      expect(await screen.findByTestId(`parq-answer-${i}-error`)).toHaveTextContent(`Answer question ${i + 1} (yes or no)`);
    }
    expect(screen.queryByTestId('parq-answer-0-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('parq-answer-2-error')).not.toBeInTheDocument();
    // Answering one clears only its own message.
    await user.click(screen.getByTestId('parq-answer-4-no'));
    expect(screen.queryByTestId('parq-answer-4-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('parq-answer-5-error')).toBeInTheDocument();

    // A bad date (which the core reports first) shows together with the unanswered questions.
    await user.clear(screen.getByTestId('parq-date'));
    await user.type(screen.getByTestId('parq-date'), '5 March');
    await user.click(screen.getByTestId('parq-save'));
    expect(await screen.findByTestId('parq-date-error')).toBeInTheDocument();
    for (const i of [1, 3, 5, 6]) expect(screen.getByTestId(`parq-answer-${i}-error`)).toBeInTheDocument();
  });

  it('shows a date error at the date and an all-no intake leaves the client unflagged', async () => {
    installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=intake');

    await user.clear(await screen.findByTestId('parq-date'));
    await user.type(screen.getByTestId('parq-date'), '5 March');
    for (let i = 0; i < 7; i += 1) await user.click(screen.getByTestId(`parq-answer-${i}-no`));
    await user.click(screen.getByTestId('parq-save'));
    expect(await screen.findByTestId('parq-date-error')).toHaveTextContent('YYYY-MM-DD');

    await user.clear(screen.getByTestId('parq-date'));
    await user.type(screen.getByTestId('parq-date'), '2025-03-05');
    await user.click(screen.getByTestId('parq-save'));
    expect(await screen.findByTestId('intake-item')).toHaveTextContent('All no');
    expect(screen.queryByTestId('clearance-badge')).not.toBeInTheDocument();
  });
});
