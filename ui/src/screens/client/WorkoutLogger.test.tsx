import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorkoutLog, WorkoutLogInput } from '../../bindings';
import { todayIso } from '../../format';
import { DEFAULT_SETTINGS, installBackend, makeClient } from '../../test/backend';
import { addPlan, BENCH, GOBLET, prescription, seedLogs, SQUAT } from '../../test/logsBackend';
import { seedTraining } from '../../test/trainingBackend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });

/** Strength A, day 1 (Lower): squat 2 × 5 @ 100 kg, bench 1 × 8 @ 60 kg. */
const strengthA = () =>
  addPlan({
    name: 'Strength A',
    days: [{ name: 'Lower', dayOffset: 0, items: [prescription(SQUAT, 2, 5, 100), prescription(BENCH, 1, 8, 60)] }],
    assign: { clientId: 'c1', startDate: '2025-01-06' },
  });

/** Last week: squat 100 kg × 5 (e1RM 116.7). */
const earlier: WorkoutLog = {
  id: 'log-old',
  clientId: 'c1',
  performedOn: '2025-01-06',
  planId: null,
  planName: null,
  planVersion: null,
  week: null,
  dayIndex: null,
  sessionId: null,
  notes: '',
  sets: [{ id: 'x1', exerciseId: SQUAT.id, exerciseName: SQUAT.name, itemIndex: null, measure: 'reps', reps: 5, loadKg: 100, rpe: null, e1rmKg: 100 * (1 + 5 / 30) }],
};

const rows = () => screen.getAllByTestId('log-set-row');
const field = (row: number, name: 'reps' | 'load' | 'rpe') => within(rows()[row]!).getByTestId(`log-${name}`);
const sent = (backend: ReturnType<typeof installBackend>) => backend.callsTo('log_create')[0]!.args.input as WorkoutLogInput;

describe('workout logger', () => {
  it('starts from the plan day, logs every set with Enter alone, saves with Ctrl+S and shows the records', async () => {
    seedLogs({ logs: [earlier] });
    seedTraining();
    const backend = installBackend([anna]);
    const plan = await strengthA();
    const { user } = renderApp(`/clients/c1/log?plan=${plan.id}&week=1&day=0&session=s1`);

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('log-context')).toHaveTextContent('Strength A · week 1 · Lower');
    expect(screen.getByTestId('log-date')).toHaveValue(todayIso());
    expect(field(0, 'reps')).toHaveValue('5');
    expect(field(0, 'load')).toHaveValue('100');
    expect(field(2, 'load')).toHaveValue('60');
    // Focus starts on the first reps; Enter walks reps → load → RPE → next set.
    await waitFor(() => expect(field(0, 'reps')).toHaveFocus());
    await user.keyboard('6{Enter}');
    expect(field(0, 'load')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(field(0, 'rpe')).toHaveFocus();
    await user.keyboard('8{Enter}');
    expect(field(1, 'reps')).toHaveFocus();
    expect(rows()[0]).toHaveAttribute('data-done', 'true');
    expect(rows()[1]).toHaveAttribute('data-done', 'false');
    await user.keyboard('{Enter}{Enter}{Enter}');
    expect(field(2, 'reps')).toHaveFocus();
    await user.keyboard('{Enter}{Enter}{Enter}');
    expect(screen.getByTestId('log-notes')).toHaveFocus();
    expect(screen.getByTestId('log-done-count')).toHaveTextContent('3 of 3 sets done');
    await user.keyboard('Felt strong');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(backend.callsTo('log_create')).toHaveLength(1));
    expect(sent(backend)).toEqual({
      clientId: 'c1',
      performedOn: todayIso(),
      planId: plan.id,
      week: 1,
      dayIndex: 0,
      sessionId: 's1',
      notes: 'Felt strong',
      sets: [
        { exerciseId: SQUAT.id, itemIndex: 0, measure: 'reps', reps: 6, loadKg: 100, rpe: 8 },
        { exerciseId: SQUAT.id, itemIndex: 0, measure: 'reps', reps: 5, loadKg: 100, rpe: null },
        { exerciseId: BENCH.id, itemIndex: 1, measure: 'reps', reps: 8, loadKg: 60, rpe: null },
      ],
    });

    const flags = await screen.findAllByTestId('record-flag');
    const text = flags.map((f) => f.textContent);
    expect(text).toContain('New record — Back Squat: estimated 1RM 120 kg (was 116.7)');
    expect(text).toContain('New record — Back Squat: 6 reps at 100 kg (was 5)');
    expect(text).toContain('New record — Bench Press: estimated 1RM 76 kg (first time logged)');
    expect(screen.getByTestId('log-saved')).toHaveTextContent('3 sets of 2 exercises');
  });

  it('shows and takes loads in pounds when Settings say imperial, and sends kg', async () => {
    seedTraining();
    const backend = installBackend([anna], { settings: { ...DEFAULT_SETTINGS, units: 'imperial' } });
    const plan = await strengthA();
    const { user } = renderApp(`/clients/c1/log?plan=${plan.id}&week=1&day=0`);

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(field(0, 'load')).toHaveValue('220.5');
    expect(screen.getAllByText('Load (lb)')).not.toHaveLength(0);
    await waitFor(() => expect(field(0, 'reps')).toHaveFocus());
    await user.keyboard('{Enter}225{Enter}{Enter}');
    await user.click(screen.getByTestId('log-mark-all'));
    await user.click(screen.getByTestId('log-save'));

    await waitFor(() => expect(backend.callsTo('log_create')).toHaveLength(1));
    const sets = sent(backend).sets;
    expect(sets[0]!.loadKg).toBeCloseTo(102.058, 3); // 225 lb
    expect(sets[1]!.loadKg).toBe(100); // untouched: exactly what the plan said
    expect(sets[2]!.loadKg).toBe(60);
    // 102.06 kg × 5: an e1RM of 119.07 kg, shown as 262.5 lb.
    expect((await screen.findAllByTestId('record-flag'))[0]).toHaveTextContent('estimated 1RM 262.5 lb (first time logged)');
  });

  it('shows a backend error at the set and field it names, keeping everything typed', async () => {
    seedTraining();
    const backend = installBackend([anna]);
    const plan = await strengthA();
    const { user } = renderApp(`/clients/c1/log?plan=${plan.id}&week=1&day=0`);

    await waitFor(() => expect(field(0, 'reps')).toHaveFocus());
    await user.keyboard('{Enter}{Enter}7{Enter}{Enter}{Enter}{Enter}{Enter}{Enter}11{Enter}');
    await user.click(screen.getByTestId('log-save'));

    const error = await within(rows()[2]!).findByTestId('log-rpe-error');
    expect(error).toHaveTextContent('RPE is between 1 and 10');
    expect(backend.callsTo('log_create')).toHaveLength(1);
    expect(screen.getAllByTestId('log-rpe-error')).toHaveLength(1);
    expect(field(2, 'rpe')).toHaveFocus();
    expect(field(2, 'rpe')).toHaveValue('11');
    expect(field(0, 'rpe')).toHaveValue('7');
    expect(screen.queryByTestId('log-saved')).not.toBeInTheDocument();

    // Fixing it clears the error and saves.
    await user.keyboard('{Backspace}{Backspace}9');
    expect(screen.queryByTestId('log-rpe-error')).not.toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByTestId('log-saved')).toBeInTheDocument();
    expect(sent(backend).sets.map((s) => s.rpe)).toEqual([7, null, 11]);
    expect((backend.callsTo('log_create')[1]!.args.input as WorkoutLogInput).sets[2]!.rpe).toBe(9);
  });

  it('logs a free workout: add an exercise from the library, add and remove sets', async () => {
    seedTraining();
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=logs');

    expect(await screen.findByTestId('logs-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('log-new'));
    const picker = await screen.findByTestId('log-add-exercise');
    await waitFor(() => expect(picker).toHaveFocus());
    // Type to search, Enter takes the first match.
    await user.keyboard('goblet');
    expect(await screen.findByRole('option', { name: GOBLET.name, hidden: true })).toBeInTheDocument();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(field(0, 'reps')).toHaveFocus();
    await user.keyboard('10{Enter}50{Enter}{Enter}');
    await user.click(screen.getByTestId('log-add-set'));
    expect(rows()).toHaveLength(2);
    expect(field(1, 'reps')).toHaveFocus();
    expect(field(1, 'load')).toHaveValue('50');
    await user.click(screen.getByTestId('log-add-set'));
    await user.click(within(rows()[2]!).getByTestId('log-remove-set'));
    expect(rows()).toHaveLength(2);
    expect(field(1, 'reps')).toHaveFocus();
    await user.keyboard('{Enter}{Enter}{Enter}');
    await user.click(screen.getByTestId('log-save'));

    await waitFor(() => expect(backend.callsTo('log_create')).toHaveLength(1));
    expect(sent(backend)).toMatchObject({ planId: null, week: null, dayIndex: null, sessionId: null });
    expect(sent(backend).sets).toEqual([
      { exerciseId: GOBLET.id, itemIndex: null, measure: 'reps', reps: 10, loadKg: 50, rpe: null },
      { exerciseId: GOBLET.id, itemIndex: null, measure: 'reps', reps: 10, loadKg: 50, rpe: null },
    ]);

    // Done returns to the Logs tab, which lists the workout.
    await user.click(await screen.findByTestId('log-finish'));
    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(1));
    expect(screen.getByTestId('log-row')).toHaveTextContent(/Free workout.*1.*2.*1000 kg/);
  });

  it('opens a saved workout to edit it, and deletes it after confirming', async () => {
    seedLogs({ logs: [earlier] });
    seedTraining();
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=logs');

    await user.click(await screen.findByTestId('log-row'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveAttribute('data-done', 'true');
    await user.keyboard('{Backspace}6');
    await user.click(screen.getByTestId('log-save'));
    await waitFor(() => expect(backend.callsTo('log_update')).toHaveLength(1));
    expect(backend.callsTo('log_update')[0]!.args.id).toBe('log-old');
    expect((backend.callsTo('log_update')[0]!.args.input as WorkoutLogInput).sets[0]!.reps).toBe(6);

    await user.click(await screen.findByTestId('log-edit'));
    await user.click(await screen.findByTestId('log-delete'));
    await user.click(await screen.findByTestId('log-delete-confirm'));
    expect(await screen.findByTestId('logs-empty')).toBeInTheDocument();
    expect(backend.callsTo('log_delete')[0]!.args).toEqual({ id: 'log-old' });
  });

  it('shows what was done last time beside each set, and asks before an empty load becomes 0 kg', async () => {
    seedLogs({ logs: [earlier] });
    seedTraining();
    const backend = installBackend([anna]);
    const plank = { ...prescription(BENCH, 1, 1, null), exerciseId: 'ex-plank', exerciseName: 'Plank' };
    const plan = await addPlan({
      name: 'No loads',
      days: [{ name: 'Mixed', dayOffset: 0, items: [prescription(SQUAT, 2, 5, null), plank] }],
      assign: { clientId: 'c1', startDate: '2025-01-06' },
    });
    const { user } = renderApp(`/clients/c1/log?plan=${plan.id}&week=1&day=0`);
    await waitFor(() => expect(rows()).toHaveLength(3));

    // Last time: the squat's one set of 5 × 100 kg beside set 1; the plank never done before.
    const [squat, plankBlock] = screen.getAllByTestId('log-exercise');
    await waitFor(() => expect(within(squat!).getByTestId('log-last-time')).toHaveTextContent(/^Last time, .*2025.*: 5 × 100 kg$/));
    expect(within(squat!).getAllByTestId('log-last-set').map((e) => e.textContent)).toEqual(['5 × 100 kg', '']);
    expect(within(plankBlock!).getByTestId('log-last-time')).toHaveTextContent('First time for this client');
    // Bodyweight says so; a loaded exercise's empty load is not shown as 0.
    expect(within(plankBlock!).getByTestId('log-bodyweight')).toBeInTheDocument();
    expect(field(2, 'load')).toHaveAttribute('placeholder', 'BW');
    expect(field(0, 'load')).toHaveValue('');
    expect(field(0, 'load')).toHaveAttribute('placeholder', '');

    // Saving asks about the squat's two empty loads, not the plank's.
    await user.click(screen.getByTestId('log-mark-all'));
    await user.click(screen.getByTestId('log-save'));
    const ask = await screen.findByTestId('log-empty-load');
    expect(ask).toHaveTextContent('2 sets have no load (Back Squat set 1, 2)');
    expect(backend.callsTo('log_create')).toHaveLength(0);

    // Fill in goes to the first empty load; one is filled, the other saved as 0 kg on purpose.
    await user.click(screen.getByTestId('log-empty-load-fill'));
    expect(field(0, 'load')).toHaveFocus();
    await user.keyboard('102.5');
    await user.click(screen.getByTestId('log-save'));
    expect(await screen.findByTestId('log-empty-load')).toHaveTextContent('1 set has no load (Back Squat set 2)');
    await user.click(screen.getByTestId('log-empty-load-save'));
    await waitFor(() => expect(backend.callsTo('log_create')).toHaveLength(1));
    expect(sent(backend).sets.map((s) => [s.exerciseId, s.loadKg])).toEqual([
      [SQUAT.id, 102.5],
      [SQUAT.id, 0],
      ['ex-plank', 0],
    ]);
  });
});
