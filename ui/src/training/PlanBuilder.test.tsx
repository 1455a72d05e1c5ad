import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlanSave } from '../bindings';
import { DEFAULT_SETTINGS, installBackend, makeClient } from '../test/backend';
import { answerDialog, DIALOG_DEFAULT_DIR, dialogRequests } from '../test/dialogBackend';
import { renderApp } from '../test/render';
import { AI_PLAN_ID, PLAN_ID, seedTraining, TEMPLATE_ID } from '../test/trainingBackend';
import { nextMonday } from './dates';
import { pick } from './testing';

const anna = makeClient({ id: 'c1', name: 'Anna Berg', bodyAreas: ['knee'] });
const ben = makeClient({ id: 'c2', name: 'Ben Stone' });

function setup(path: string) {
  seedTraining();
  const backend = installBackend([anna, ben]);
  return { backend, ...renderApp(path) };
}

const rows = () => screen.getAllByTestId('rx-row');
const row = (exercise: string) => rows().find((r) => r.dataset.exercise === exercise)!;
const field = (exercise: string, id: string) => within(row(exercise)).getByTestId(id);
const saved = (backend: ReturnType<typeof installBackend>, n = -1) =>
  backend.callsTo('plan_save').at(n)!.args.input as PlanSave;

async function openPlan(id = PLAN_ID) {
  const view = setup(`/training/plans/${id}`);
  await waitFor(() => expect(screen.getByTestId('plan-version')).toBeInTheDocument());
  return view;
}

describe('templates', () => {
  it('starts a client plan from a template and opens it in the editor', async () => {
    const { user, backend } = setup('/training?tab=templates');
    const template = await screen.findByTestId('template-row');
    expect(template).toHaveAttribute('data-name', 'Full Body Beginner');
    expect(template).toHaveTextContent('1 week × 2 days');

    await user.click(within(template).getByTestId('template-use'));
    const name = await screen.findByTestId('assign-name');
    expect(name).toHaveValue('Full Body Beginner');
    expect(screen.getByTestId('assign-start')).toHaveValue(nextMonday());
    await user.clear(name);
    await user.type(name, 'Ben — first block');
    await pick(user, screen.getByTestId('assign-client'), 'Ben Stone', 'Ben');
    await user.click(screen.getByTestId('assign-confirm'));

    expect(await screen.findByTestId('plan-name')).toHaveValue('Ben — first block');
    expect(backend.callsTo('plan_from_template')[0]!.args).toEqual({
      template: TEMPLATE_ID,
      name: 'Ben — first block',
      assignment: { clientId: 'c2', startDate: nextMonday() },
    });
    expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 1');
    expect(screen.getByTestId('plan-assignment')).toHaveTextContent('Ben Stone');
    expect(screen.getAllByTestId('plan-day').map((d) => within(d).getByTestId('day-name'))).toHaveLength(2);
    expect(rows().map((r) => r.dataset.exercise)).toEqual(['Goblet Squat', 'Bench Press', 'Romanian Deadlift', 'Plank']);
  });
});

describe('plan builder', () => {
  it('edits a prescription and saves it as version 2 (Ctrl+S)', async () => {
    const { user, backend } = await openPlan();
    expect(screen.getByTestId('plan-name')).toHaveValue('Anna — Strength');
    expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 1');
    expect(screen.getByTestId('plan-save')).toBeDisabled();
    // The library's cautions show next to an exercise that touches the client's injuries (her knee).
    expect(await within(row('Back Squat')).findByTestId('rx-caution')).toHaveAccessibleName(/Knee/);
    // Assigned from Monday 3 March 2025: days show as weekdays.
    expect(within(screen.getAllByTestId('plan-day')[1]!).getByTestId('day-offset')).toHaveDisplayValue('Wed');

    await user.clear(field('Back Squat', 'rx-sets'));
    await user.type(field('Back Squat', 'rx-sets'), '4');
    await user.clear(field('Back Squat', 'rx-reps-max'));
    await user.type(field('Back Squat', 'rx-reps-max'), '6');
    await user.clear(field('Back Squat', 'rx-load-value'));
    await user.type(field('Back Squat', 'rx-load-value'), '62,5');
    await user.type(field('Back Squat', 'rx-tempo'), '3-1-1-0');
    await user.type(field('Back Squat', 'rx-notes'), 'Belt from set 3');
    await user.selectOptions(field('Romanian Deadlift', 'rx-load-kind'), 'rpe');
    expect(field('Romanian Deadlift', 'rx-load-value')).toHaveValue('');
    await user.type(field('Romanian Deadlift', 'rx-load-value'), '8');
    await user.type(field('Romanian Deadlift', 'rx-group'), 'a');

    expect(screen.getByTestId('plan-dirty')).toBeInTheDocument();
    expect(screen.getByTestId('plan-save')).toBeEnabled();
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));
    expect(screen.getByTestId('plan-save')).toBeDisabled();
    const input = saved(backend);
    expect(input.baseVersion).toBe(1);
    expect(input.name).toBe('Anna — Strength');
    expect(input.body.weeks[0]!.days[0]!.items).toEqual([
      {
        exerciseId: 'ex-squat',
        exerciseName: 'Back Squat',
        sets: 4,
        measure: 'reps',
        repsMin: 5,
        repsMax: 6,
        load: { kind: 'kg', value: 62.5 },
        tempo: '3-1-1-0',
        restSeconds: 180,
        notes: 'Belt from set 3',
        group: null,
        groupKind: null,
      },
      expect.objectContaining({ exerciseId: 'ex-rdl', load: { kind: 'rpe', value: 8 }, group: 'A', groupKind: 'superset' }),
    ]);
    // Nothing else moved.
    expect(input.body.weeks[0]!.days[1]!.items).toHaveLength(1);
    expect(input.body.rule).toEqual({ progression: { kind: 'linear', increment_kg: 2.5 }, deloadEvery: null });
  });

  it('adds, reorders and removes rows, with undo, and shows kg loads in lb for imperial units', async () => {
    seedTraining();
    const backend = installBackend([anna], {
      settings: { ...DEFAULT_SETTINGS, units: 'imperial' },
    });
    const { user } = renderApp(`/training/plans/${PLAN_ID}`);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() => expect(field('Back Squat', 'rx-load-value')).toHaveValue('132.3'));
    expect(field('Back Squat', 'rx-load-kind')).toHaveDisplayValue('lb');

    const upper = screen.getAllByTestId('plan-day')[1]!;
    await pick(user, within(upper).getByTestId('add-exercise'), 'Pull-Up', 'pull');
    await waitFor(() => expect(within(upper).getAllByTestId('rx-row')).toHaveLength(2));
    await user.click(within(row('Pull-Up')).getByTestId('rx-up'));
    expect(within(upper).getAllByTestId('rx-row').map((r) => r.dataset.exercise)).toEqual(['Pull-Up', 'Bench Press']);

    await user.selectOptions(field('Pull-Up', 'rx-load-kind'), 'kg');
    await user.type(field('Pull-Up', 'rx-load-value'), '22');

    await user.click(within(row('Romanian Deadlift')).getByTestId('rx-remove'));
    expect(rows().map((r) => r.dataset.exercise)).not.toContain('Romanian Deadlift');
    await user.click(screen.getByTestId('plan-undo'));
    expect(rows().map((r) => r.dataset.exercise)).toContain('Romanian Deadlift');

    await user.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));
    const [lower, upperDay] = saved(backend).body.weeks[0]!.days;
    expect(lower!.items.map((i) => i.exerciseName)).toEqual(['Back Squat', 'Romanian Deadlift']);
    expect(upperDay!.items.map((i) => i.exerciseId)).toEqual(['ex-pullup', 'ex-bench']);
    // Typed in lb, stored in kg.
    expect(upperDay!.items[0]).toMatchObject({ sets: 3, repsMin: 8, repsMax: 12, load: { kind: 'kg', value: 9.979 } });
    expect(lower!.items[0]!.load).toEqual({ kind: 'kg', value: 60 });
  });

  it('shows a backend error at the row and field it names, and loses nothing', async () => {
    const { user, backend } = await openPlan();
    await user.type(field('Bench Press', 'rx-notes'), 'Pause on chest');
    await user.clear(field('Romanian Deadlift', 'rx-sets'));
    await user.click(screen.getByTestId('plan-save'));

    expect(await screen.findByTestId('plan-error')).toHaveTextContent('week 1, day 1, row 2: Sets are 1 to 20');
    expect(within(row('Romanian Deadlift')).getByTestId('rx-sets')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(field('Romanian Deadlift', 'rx-sets')).toHaveFocus());
    expect(screen.getByTestId('rx-error')).toHaveTextContent('Sets are 1 to 20');
    expect(field('Bench Press', 'rx-notes')).toHaveValue('Pause on chest');
    expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 1');

    await user.type(field('Romanian Deadlift', 'rx-sets'), '2');
    expect(screen.queryByTestId('rx-error')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));
    expect(saved(backend).body.weeks[0]!.days[1]!.items[0]!.notes).toBe('Pause on chest');
  });

  it('offers to reload or keep the changes when the plan was saved elsewhere', async () => {
    const { user, backend } = await openPlan();
    backend.once('plan_save', () => {
      throw { code: 'validation', field: 'baseVersion', message: 'This plan was saved as version 2 since you opened version 1; reopen it to see the changes' };
    });
    await user.type(field('Bench Press', 'rx-notes'), 'Slow');
    await user.click(screen.getByTestId('plan-save'));
    expect(await screen.findByTestId('plan-conflict')).toHaveTextContent('saved as version 2 since you opened version 1');

    await user.click(screen.getByTestId('plan-overwrite'));
    await waitFor(() => expect(screen.queryByTestId('plan-conflict')).not.toBeInTheDocument());
    expect(field('Bench Press', 'rx-notes')).toHaveValue('Slow');
    await user.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));
    expect(saved(backend).body.weeks[0]!.days[1]!.items[0]!.notes).toBe('Slow');
  });

  it('restores an earlier version from the history, after comparing it', async () => {
    const { user, backend } = await openPlan();
    await user.clear(field('Back Squat', 'rx-sets'));
    await user.type(field('Back Squat', 'rx-sets'), '5');
    await user.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));

    await user.click(screen.getByTestId('plan-history'));
    await waitFor(() => expect(screen.getAllByTestId('version-row').map((r) => r.dataset.version)).toEqual(['2', '1']));
    const [v2, v1] = screen.getAllByTestId('version-row');
    expect(v2).toHaveTextContent('Week 1 · Lower: Back Squat 3 × 5 @ 60 kg, rest 180 s → 5 × 5 @ 60 kg, rest 180 s');
    expect(v1).toHaveTextContent('Created');

    await user.click(within(v1!).getByTestId('version-compare'));
    expect(await screen.findByTestId('compare-line')).toHaveTextContent('Back Squat 3 × 5 @ 60 kg, rest 180 s → 5 × 5');
    expect(backend.callsTo('plan_compare')[0]!.args).toEqual({ id: PLAN_ID, from: 1, to: 2 });

    await user.click(within(v1!).getByTestId('version-view'));
    expect(await screen.findByTestId('version-view-body')).toHaveTextContent('3 × 5 @ 60 kg');
    await user.click(screen.getByTestId('version-back'));

    await user.click(within(screen.getAllByTestId('version-row')[1]!).getByTestId('version-restore'));
    await user.click(await screen.findByTestId('version-restore-confirm'));
    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 3'));
    expect(backend.callsTo('plan_restore')[0]!.args).toEqual({ id: PLAN_ID, version: 1 });
    expect(field('Back Squat', 'rx-sets')).toHaveValue('3');
    expect(screen.getByTestId('plan-save')).toBeDisabled();

    await user.click(screen.getByTestId('plan-history'));
    const newest = await screen.findAllByTestId('version-row');
    await waitFor(() => expect(screen.getAllByTestId('version-row')[0]).toHaveAttribute('data-version', '3'));
    expect(screen.getAllByTestId('version-row')[0]).toHaveTextContent('Restored version 1');
    expect(newest.length).toBeGreaterThan(0);
  });

  it('marks versions written by the AI', async () => {
    const { user } = await openPlan(AI_PLAN_ID);
    await user.click(screen.getByTestId('plan-history'));
    const [v2, v1] = await screen.findAllByTestId('version-row');
    expect(within(v2!).getByTestId('version-ai')).toHaveTextContent('AI');
    expect(v2).toHaveTextContent('Progress monitor');
    expect(within(v1!).queryByTestId('version-ai')).not.toBeInTheDocument();
  });

  it('saves the PDF where the save dialog says, offering the plan name, and opens it', async () => {
    const { user, backend } = await openPlan();
    await user.click(screen.getByTestId('plan-pdf'));
    // No path to type: the button opens the system's save dialog.
    expect(screen.queryByTestId('pdf-path')).not.toBeInTheDocument();
    await user.click(await screen.findByTestId('pdf-save'));
    expect(await screen.findByTestId('pdf-saved')).toHaveTextContent(`${DIALOG_DEFAULT_DIR}/anna-strength.pdf`);
    expect(dialogRequests).toEqual([{ cmd: 'dialog_save', kind: 'plan_pdf', suggested: 'anna-strength.pdf' }]);
    expect(backend.callsTo('plan_pdf_save')[0]!.args).toEqual({ id: PLAN_ID, path: `${DIALOG_DEFAULT_DIR}/anna-strength.pdf`, replace: true });
    await user.click(screen.getByTestId('pdf-open'));
    await waitFor(() => expect(backend.callsTo('file_open')[0]!.args).toEqual({ path: `${DIALOG_DEFAULT_DIR}/anna-strength.pdf` }));
  });

  it('saves no PDF when the save dialog is cancelled', async () => {
    const { user, backend } = await openPlan();
    await user.click(screen.getByTestId('plan-pdf'));
    answerDialog(null);
    await user.click(await screen.findByTestId('pdf-save'));
    await waitFor(() => expect(dialogRequests).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('pdf-save')).toBeEnabled());
    expect(backend.callsTo('plan_pdf_save')).toHaveLength(0);
    expect(screen.queryByTestId('pdf-saved')).not.toBeInTheDocument();
  });

  it('asks before leaving with unsaved changes', async () => {
    const { user } = await openPlan();
    await user.type(field('Bench Press', 'rx-tempo'), '2-0-1-0');
    await user.click(screen.getByTestId('nav-clients'));
    expect(await screen.findByTestId('leave-stay')).toBeInTheDocument();
    await user.click(screen.getByTestId('leave-stay'));
    expect(field('Bench Press', 'rx-tempo')).toHaveValue('2-0-1-0');

    await user.click(screen.getByTestId('nav-training'));
    await user.click(await screen.findByTestId('leave-discard'));
    expect(await screen.findByTestId('training-tab-library')).toBeInTheDocument();
  });

  it('generates weeks from week 1 by the rule, and undo brings the old weeks back', async () => {
    const { user, backend } = await openPlan();
    await user.clear(screen.getByTestId('plan-increment'));
    await user.type(screen.getByTestId('plan-increment'), '5');
    await user.clear(screen.getByTestId('plan-generate-weeks'));
    await user.type(screen.getByTestId('plan-generate-weeks'), '3');
    await user.click(screen.getByTestId('plan-generate'));
    await user.click(await screen.findByTestId('plan-generate-confirm'));

    await waitFor(() => expect(screen.getByTestId('plan-week-3')).toBeInTheDocument());
    const call = backend.callsTo('plan_generate')[0]!.args as { weeks: number; body: { rule: unknown } };
    expect(call.weeks).toBe(3);
    expect(call.body.rule).toEqual({ progression: { kind: 'linear', increment_kg: 5 }, deloadEvery: null });
    await user.click(screen.getByTestId('plan-week-3'));
    await waitFor(() => expect(field('Back Squat', 'rx-load-value')).toHaveValue('70'));

    await user.click(screen.getByTestId('plan-undo'));
    expect(screen.queryByTestId('plan-week-2')).not.toBeInTheDocument();
    expect(field('Back Squat', 'rx-load-value')).toHaveValue('60');
  });

  it('adds, duplicates and removes weeks and days; a deload week is marked', async () => {
    const { user, backend } = await openPlan();
    await user.click(screen.getByTestId('plan-week-duplicate'));
    expect(await screen.findByTestId('plan-week-2')).toHaveAttribute('aria-selected', 'true');
    expect(rows()).toHaveLength(3);
    await user.click(screen.getByTestId('plan-week-deload'));
    await user.click(screen.getByTestId('plan-week-add'));
    expect(await screen.findByTestId('plan-week-3')).toHaveAttribute('aria-selected', 'true');
    // A new week has the same days, still empty.
    expect(screen.getAllByTestId('plan-day').map((d) => within(d).getByTestId('day-name'))).toHaveLength(2);
    expect(screen.queryAllByTestId('rx-row')).toHaveLength(0);
    await user.click(screen.getByTestId('plan-day-add'));
    expect(screen.getAllByTestId('day-name').at(-1)).toHaveValue('Day 3');
    await user.click(screen.getAllByTestId('day-remove')[0]!);
    await user.click(screen.getByTestId('plan-week-1'));
    await user.click(screen.getByTestId('plan-week-remove'));

    await user.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));
    const weeks = saved(backend).body.weeks;
    expect(weeks.map((w) => w.deload)).toEqual([true, false]);
    expect(weeks[0]!.days.map((d) => d.items.length)).toEqual([2, 1]);
    expect(weeks[1]!.days.map((d) => [d.name, d.dayOffset, d.items.length])).toEqual([
      ['Upper', 2, 0],
      ['Day 3', 3, 0],
    ]);
  });

  it('creates a blank plan for a client from the Plans tab', async () => {
    const { user, backend } = setup('/training?tab=plans');
    await user.click(await screen.findByTestId('plan-new'));
    await user.click(await screen.findByTestId('new-plan-create'));
    expect(await screen.findByTestId('new-plan-name-error')).toHaveTextContent('The plan needs a name');
    await user.type(screen.getByTestId('new-plan-name'), 'Anna — Block 2');
    await pick(user, screen.getByTestId('assign-client'), 'Anna Berg');
    await user.click(screen.getByTestId('new-plan-create'));

    expect(await screen.findByTestId('plan-name')).toHaveValue('Anna — Block 2');
    expect(screen.getByTestId('plan-assignment')).toHaveTextContent('Anna Berg');
    expect(screen.getByTestId('day-name')).toHaveValue('Day 1');
    expect(backend.callsTo('plan_assign')[0]!.args).toEqual({
      id: expect.any(String),
      assignment: { clientId: 'c1', startDate: nextMonday() },
    });
  });
});
