import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorkoutLogInput } from '../bindings';
import { installBackend, makeClient, makeSession } from '../test/backend';
import { addPlan, BENCH, prescription, seedLogs, SQUAT } from '../test/logsBackend';
import { seedTraining } from '../test/trainingBackend';
import { renderApp } from '../test/render';

// Not c1: the training mock gives c1 a plan of its own.
const greta = makeClient({ id: 'c9', name: 'Greta Weiß' });

function morning() {
  return makeSession({
    id: 's1',
    start: '2025-03-06T09:00:00Z',
    end: '2025-03-06T10:00:00Z',
    label: 'Greta Weiß',
    participants: [{ clientId: 'c9', name: 'Greta Weiß', attendance: 'expected', needsClearance: false }],
  });
}

describe('dashboard → log the workout', () => {
  it("after Complete, opens the logger on the plan day of the session's date, then returns to the dashboard", async () => {
    seedTraining();
    const backend = installBackend([greta], { today: [morning()] });
    const plan = await addPlan({
      name: 'Strength A',
      weeks: 2,
      days: [
        { name: 'Lower', dayOffset: 0, items: [prescription(SQUAT, 1, 5, 100)] },
        { name: 'Lower again', dayOffset: 3, items: [prescription(SQUAT, 2, 3, 110)] },
      ],
      assign: { clientId: 'c9', startDate: '2025-03-03' },
    });
    const { user } = renderApp('/dashboard');

    const row = await screen.findByTestId('today-session');
    expect(within(row).queryByTestId('today-log')).not.toBeInTheDocument();
    await user.click(within(row).getByTestId('today-complete'));
    await user.click(await within(row).findByTestId('today-log'));

    expect(await screen.findByTestId('workout-logger')).toBeInTheDocument();
    expect(screen.getByTestId('log-context')).toHaveTextContent('Greta Weiß · Strength A · week 1 · Lower again · for the booked session');
    await waitFor(() => expect(screen.getAllByTestId('log-set-row')).toHaveLength(2));
    await user.click(screen.getByTestId('log-mark-all'));
    await user.click(screen.getByTestId('log-save'));
    await waitFor(() => expect(backend.callsTo('log_create')).toHaveLength(1));
    expect(backend.callsTo('log_create')[0]!.args.input as WorkoutLogInput).toMatchObject({
      planId: plan.id,
      week: 1,
      dayIndex: 1,
      sessionId: 's1',
    });

    await user.click(await screen.findByTestId('log-finish'));
    expect(await screen.findByTestId('dashboard-today')).toBeInTheDocument();
  });

  it('opens a free log tied to the session when no plan day falls on that date', async () => {
    seedTraining();
    installBackend([greta], { today: [morning()] });
    const { user } = renderApp('/dashboard');

    const row = await screen.findByTestId('today-session');
    await user.click(within(row).getByTestId('today-complete'));
    await user.click(await within(row).findByTestId('today-log'));
    expect(await screen.findByTestId('workout-logger')).toBeInTheDocument();
    expect(screen.getByTestId('log-context')).toHaveTextContent('Not from a plan · for the booked session');
    expect(screen.queryAllByTestId('log-set-row')).toHaveLength(0);
  });

  it("opens the session's log when it already has one, instead of a blank new log", async () => {
    seedLogs({
      logs: [
        {
          id: 'log-s1',
          clientId: 'c9',
          performedOn: '2025-03-06',
          planId: null,
          planName: null,
          planVersion: null,
          week: null,
          dayIndex: null,
          sessionId: 's1',
          notes: 'Done already',
          sets: [{ id: 'x1', exerciseId: SQUAT.id, exerciseName: SQUAT.name, itemIndex: null, measure: 'reps', reps: 5, loadKg: 90, rpe: null, e1rmKg: 105 }],
        },
      ],
    });
    seedTraining();
    const backend = installBackend([greta], { today: [morning()] });
    const { user } = renderApp('/dashboard');

    const row = await screen.findByTestId('today-session');
    await user.click(within(row).getByTestId('today-complete'));
    await user.click(await within(row).findByTestId('today-log'));
    expect(await screen.findByTestId('workout-logger')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('log-set-row')).toHaveLength(1));
    expect(screen.getByTestId('log-notes')).toHaveValue('Done already');
    expect(screen.getByTestId('log-save')).toHaveTextContent('Save changes');
    expect(backend.callsTo('log_for_session')[0]!.args).toEqual({ client: 'c9', session: 's1' });
  });

  it('lets the trainer pick the plan day for a session on a day the plan does not have', async () => {
    seedTraining();
    const backend = installBackend([greta], { today: [morning()] });
    const plan = await addPlan({
      name: 'Strength A',
      days: [
        { name: 'Lower', dayOffset: 0, items: [prescription(SQUAT, 2, 5, 100)] },
        { name: 'Upper', dayOffset: 1, items: [prescription(BENCH, 1, 8, 60)] },
      ],
      assign: { clientId: 'c9', startDate: '2025-03-03' },
    });
    const { user } = renderApp('/dashboard');
    const row = await screen.findByTestId('today-session');
    await user.click(within(row).getByTestId('today-complete'));
    await user.click(await within(row).findByTestId('today-log'));

    // Thursday is not a plan day: a free log, with the plan's days to pick from.
    expect(await screen.findByTestId('workout-logger')).toBeInTheDocument();
    expect(screen.getByTestId('log-context')).toHaveTextContent('Not from a plan · for the booked session');
    await user.click(await screen.findByTestId('log-pick-plan-day'));
    await user.click(await screen.findByRole('option', { name: /Week 1 · Lower/, hidden: true }));

    await waitFor(() => expect(screen.getByTestId('log-context')).toHaveTextContent('Strength A · week 1 · Lower · for the booked session'));
    await waitFor(() => expect(screen.getAllByTestId('log-set-row')).toHaveLength(2));
    await user.click(screen.getByTestId('log-mark-all'));
    await user.click(screen.getByTestId('log-save'));
    await waitFor(() => expect(backend.callsTo('log_create')).toHaveLength(1));
    expect(backend.callsTo('log_create')[0]!.args.input as WorkoutLogInput).toMatchObject({
      planId: plan.id,
      week: 1,
      dayIndex: 0,
      sessionId: 's1',
    });
  });
});
