import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlanSave } from '../bindings';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';
import { PLAN_ID, seedTraining } from '../test/trainingBackend';

const rows = () => screen.getAllByTestId('rx-row');
const row = (exercise: string) => rows().find((r) => r.dataset.exercise === exercise)!;
const field = (exercise: string, id: string) => within(row(exercise)).getByTestId(id);

async function open(bodyAreas: string[]) {
  seedTraining();
  const backend = installBackend([makeClient({ id: 'c1', name: 'Anna Berg', bodyAreas })]);
  const view = renderApp(`/training/plans/${PLAN_ID}`);
  await waitFor(() => expect(rows()).toHaveLength(3));
  return { backend, ...view };
}

describe('prescriptions in seconds or metres', () => {
  it('prescribes a hold in seconds, saves it as such and refuses an absurd one at its field', async () => {
    const { user, backend } = await open([]);
    const measure = field('Romanian Deadlift', 'rx-measure');
    expect(measure).toHaveValue('reps');
    await user.selectOptions(measure, 'seconds');
    expect(within(row('Romanian Deadlift')).getByLabelText('Seconds, lowest')).toBeInTheDocument();
    await user.clear(field('Romanian Deadlift', 'rx-reps-min'));
    await user.type(field('Romanian Deadlift', 'rx-reps-min'), '45');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(screen.getByTestId('plan-version')).toHaveTextContent('Version 2'));
    const input = backend.callsTo('plan_save').at(-1)!.args.input as PlanSave;
    expect(input.body.weeks[0]!.days[0]!.items[1]).toMatchObject({ measure: 'seconds', repsMin: 45, repsMax: 45 });

    // 4000 seconds is past the hour a hold may last: the error is at the field.
    await user.clear(field('Romanian Deadlift', 'rx-reps-min'));
    await user.type(field('Romanian Deadlift', 'rx-reps-min'), '4000');
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByTestId('rx-error')).toHaveTextContent('Seconds are 1 to 3600');
    expect(field('Romanian Deadlift', 'rx-reps-min')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('the caution mark', () => {
  it("shows only where the exercise touches one of the client's injuries", async () => {
    await open(['shoulder']);
    // Back Squat's caution is about knees; Anna's injury is her shoulder.
    expect(within(row('Back Squat')).queryByTestId('rx-caution')).toBeNull();
    expect(screen.queryAllByTestId('rx-caution')).toHaveLength(0);
  });

  it('shows for an injured knee', async () => {
    await open(['knee']);
    expect(await within(row('Back Squat')).findByTestId('rx-caution')).toHaveAccessibleName(/Knee/);
  });
});
