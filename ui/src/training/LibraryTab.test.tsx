import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExerciseInput, ExerciseQuery } from '../bindings';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';
import { seedTraining } from '../test/trainingBackend';
import { pick } from './testing';

const names = () => screen.getAllByTestId('exercise-row').map((r) => r.getAttribute('data-name'));

function open(path = '/training') {
  seedTraining();
  const backend = installBackend();
  return { backend, ...renderApp(path) };
}

describe('exercise library', () => {
  it('searches as you type, filters by muscle, equipment and pattern, and shows hidden ones on request', async () => {
    const { user, backend } = open();

    await waitFor(() => expect(names()).toHaveLength(7));
    expect(names()).not.toContain('Behind-the-Neck Press');
    const squat = screen.getAllByTestId('exercise-row').find((r) => r.dataset.name === 'Back Squat')!;
    expect(squat).toHaveTextContent('Quadriceps, Glutes');
    expect(squat).toHaveTextContent('Barbell, Rack');
    expect(squat).toHaveTextContent('Squat');
    expect(within(squat).getByTestId('exercise-caution')).toHaveAccessibleName(/Knee: Keep knees tracking over the toes/);
    const farmer = screen.getAllByTestId('exercise-row').find((r) => r.dataset.name === "Farmer's Walk")!;
    expect(within(farmer).getByTestId('exercise-source')).toHaveTextContent('free-exercise-db');

    await user.type(screen.getByTestId('exercise-search'), 'squat');
    await waitFor(() => expect(names()).toEqual(['Back Squat', 'Goblet Squat']));

    await pick(user, screen.getByTestId('exercise-filter-equipment'), 'Kettlebell');
    await waitFor(() => expect(names()).toEqual(['Goblet Squat']));
    const last = backend.callsTo('exercises_list').at(-1)!.args.query as ExerciseQuery;
    expect(last).toMatchObject({ search: 'squat', equipment: 'kettlebell', includeHidden: false });

    await user.clear(screen.getByTestId('exercise-search'));
    await pick(user, screen.getByTestId('exercise-filter-equipment'), 'Barbell');
    await pick(user, screen.getByTestId('exercise-filter-pattern'), 'Hinge');
    await waitFor(() => expect(names()).toEqual(['Romanian Deadlift']));

    // Muscle filters include secondary muscles, like the core.
    await pick(user, screen.getByTestId('exercise-filter-pattern'), 'Hinge'); // deselects
    await pick(user, screen.getByTestId('exercise-filter-muscle'), 'Lower back');
    await waitFor(() => expect(names()).toEqual(['Back Squat', 'Romanian Deadlift']));

    await pick(user, screen.getByTestId('exercise-filter-muscle'), 'Shoulders');
    await waitFor(() => expect(names()).toEqual(['Bench Press']));
    await user.click(screen.getByTestId('exercise-show-hidden'));
    await waitFor(() => expect(names()).toEqual(['Behind-the-Neck Press', 'Bench Press']));
    expect(backend.callsTo('exercises_list').at(-1)!.args.query).toMatchObject({ muscle: 'shoulders', includeHidden: true });
  });

  it('shows a backend error at its field and keeps what was typed; a new exercise is added', async () => {
    const { user, backend } = open();
    await user.click(await screen.findByTestId('exercise-new'));
    const form = await screen.findByTestId('exercise-form');

    await user.type(within(form).getByTestId('exercise-name'), 'back squat');
    await pick(user, within(form).getByTestId('exercise-primary'), 'Glutes');
    await user.click(within(form).getByTestId('exercise-save'));

    // No pattern yet: the error sits at the pattern field.
    expect(await within(form).findByTestId('exercise-pattern-error')).toHaveTextContent('Choose a movement pattern');
    await pick(user, within(form).getByTestId('exercise-pattern'), 'Hinge');
    expect(within(form).queryByTestId('exercise-pattern-error')).not.toBeInTheDocument();

    // The name is taken (case and spaces do not count): shown at the name, typed text kept.
    await user.click(within(form).getByTestId('exercise-save'));
    expect(await within(form).findByTestId('exercise-name-error')).toHaveTextContent('The library already has “Back Squat”');
    expect(within(form).getByTestId('exercise-name')).toHaveValue('back squat');
    expect(within(form).getByTestId('exercise-name')).toHaveFocus();

    await user.clear(within(form).getByTestId('exercise-name'));
    await user.type(within(form).getByTestId('exercise-name'), 'Hip Thrust');
    await user.click(within(form).getByTestId('caution-add'));
    await pick(user, within(form).getByTestId('caution-area'), 'Lower back');
    await user.type(within(form).getByTestId('caution-text'), 'Ribs down, no arching');
    await user.click(within(form).getByTestId('exercise-save'));

    await waitFor(() => expect(names()).toContain('Hip Thrust'));
    expect(backend.callsTo('exercise_create').at(-1)!.args.input).toEqual({
      name: 'Hip Thrust',
      primaryMuscles: ['glutes'],
      secondaryMuscles: [],
      equipment: [],
      pattern: 'hinge',
      difficulty: 'beginner',
      instructions: '',
      cautions: [{ area: 'lower_back', text: 'Ribs down, no arching' }],
    } satisfies ExerciseInput);
  });

  it('edits, hides and undoes the hide; imported exercises show their licence', async () => {
    const { user, backend } = open();
    await user.click(await screen.findByText("Farmer's Walk"));
    expect(await screen.findByTestId('exercise-license')).toHaveTextContent('Licence: Unlicense · free-exercise-db');

    await user.click(screen.getByTestId('exercise-hide'));
    await waitFor(() => expect(names()).not.toContain("Farmer's Walk"));
    expect(backend.callsTo('exercise_set_hidden')[0]!.args).toEqual({ id: 'ex-farmer', hidden: true });
    await user.click(await screen.findByTestId('undo-hide'));
    await waitFor(() => expect(names()).toContain("Farmer's Walk"));

    await user.click(screen.getByText('Plank'));
    const name = await screen.findByTestId('exercise-name');
    await user.clear(name);
    await user.type(name, 'Front Plank{Control>}{Enter}{/Control}');
    await waitFor(() => expect(names()).toContain('Front Plank'));
    expect(backend.callsTo('exercise_update')[0]!.args).toMatchObject({ id: 'ex-plank', input: { name: 'Front Plank' } });
  });

  it('keeps the tab and filters in the URL', async () => {
    const { user } = open('/training?tab=templates');
    expect(await screen.findByTestId('template-row')).toHaveAttribute('data-name', 'Full Body Beginner');
    await user.click(screen.getByTestId('training-tab-plans'));
    await waitFor(() =>
      expect(screen.getAllByTestId('plan-row').map((r) => r.dataset.name)).toEqual(['Anna — Strength', 'Ben — Hypertrophy']),
    );
    await user.click(screen.getByTestId('training-tab-library'));
    expect(await screen.findAllByTestId('exercise-row')).toHaveLength(7);
  });

  it('opens with the search and filters of the URL', async () => {
    const { backend } = open('/training?q=squat&equipment=kettlebell');
    await waitFor(() => expect(names()).toEqual(['Goblet Squat']));
    expect(screen.getByTestId('exercise-search')).toHaveValue('squat');
    expect(screen.getByTestId('exercise-filter-equipment')).toHaveValue('Kettlebell');
    expect(backend.callsTo('exercises_list')[0]!.args.query).toMatchObject({ search: 'squat', equipment: 'kettlebell' });
  });
});
