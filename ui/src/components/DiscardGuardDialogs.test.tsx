// The discard question on the plan dialogs (New plan, Save as template, Use template, both
// Assign dialogs), the AI key dialog and the two import wizards (clients CSV, exercises):
// Escape with changes asks, Keep editing keeps what was typed or chosen, Discard (or Cancel on
// an unchanged dialog) closes without saving anything.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seedAi } from '../test/aiBackend';
import { installBackend, makeClient } from '../test/backend';
import { pickFile } from '../test/dialogBackend';
import { renderApp } from '../test/render';
import { PLAN_ID, seedTraining } from '../test/trainingBackend';
import { pick } from '../training/testing';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });
const ben = makeClient({ id: 'c2', name: 'Ben Stone' });

function setup(path: string) {
  seedTraining();
  const backend = installBackend([anna, ben]);
  return { backend, ...renderApp(path) };
}

const gone = (testId: string) => waitFor(() => expect(screen.queryByTestId(testId)).not.toBeInTheDocument());

/** Escape where the focus is (in the dialog), as a person presses it. */
const escape = (el: HTMLElement) => fireEvent.keyDown(el, { key: 'Escape' });

/**
 * The common check: an unchanged dialog closes on Cancel at once; after `change`, Escape asks,
 * Keep editing leaves the dialog with the changed value, and Discard closes it.
 */
async function checkDiscard(
  user: UserEvent,
  open: () => Promise<void>,
  { field, cancel, change, changed }: { field: string; cancel: string; change: () => Promise<void>; changed: () => void },
) {
  await open();
  await user.click(await screen.findByTestId(cancel));
  await gone(field);
  expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

  await open();
  escape(await screen.findByTestId(field));
  await gone(field);
  expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

  await open();
  await screen.findByTestId(field);
  await change();
  escape(screen.getByTestId(field));
  await user.click(await screen.findByTestId('discard-keep'));
  await gone('discard-dialog');
  changed();

  await user.click(screen.getByTestId(cancel));
  await user.click(await screen.findByTestId('discard-confirm'));
  await gone(field);
}

describe('discard question on the plan dialogs', () => {
  it('New plan: a typed name asks before Escape closes; Keep editing keeps it', async () => {
    const { user, backend } = setup('/training?tab=plans');
    await checkDiscard(user, async () => user.click(await screen.findByTestId('plan-new')), {
      field: 'new-plan-name',
      cancel: 'new-plan-cancel',
      change: () => user.type(screen.getByTestId('new-plan-name'), 'Anna — Block 2'),
      changed: () => expect(screen.getByTestId('new-plan-name')).toHaveValue('Anna — Block 2'),
    });
    expect(backend.callsTo('plan_create')).toHaveLength(0);
  });

  it('New plan: choosing a client alone is a change too', async () => {
    const { user } = setup('/training?tab=plans');
    await user.click(await screen.findByTestId('plan-new'));
    await pick(user, await screen.findByTestId('assign-client'), 'Ben Stone', 'Ben');
    escape(screen.getByTestId('new-plan-name'));
    await user.click(await screen.findByTestId('discard-keep'));
    expect(screen.getByTestId('assign-client')).toHaveValue('Ben Stone');
  });

  it('Save as template: a changed name asks first', async () => {
    const { user, backend } = setup(`/training/plans/${PLAN_ID}`);
    await screen.findByTestId('plan-version');
    await checkDiscard(user, () => user.click(screen.getByTestId('plan-save-template')), {
      field: 'template-name',
      cancel: 'template-cancel',
      change: async () => {
        await user.clear(screen.getByTestId('template-name'));
        await user.type(screen.getByTestId('template-name'), 'Strength for all');
      },
      changed: () => expect(screen.getByTestId('template-name')).toHaveValue('Strength for all'),
    });
    expect(backend.callsTo('plan_save_as_template')).toHaveLength(0);
  });

  it('Assign (plan builder): another client asks first', async () => {
    const { user, backend } = setup(`/training/plans/${PLAN_ID}`);
    await screen.findByTestId('plan-version');
    await checkDiscard(user, () => user.click(screen.getByTestId('plan-assign')), {
      field: 'assign-start',
      cancel: 'assign-cancel',
      change: () => pick(user, screen.getByTestId('assign-client'), 'Ben Stone'),
      changed: () => expect(screen.getByTestId('assign-client')).toHaveValue('Ben Stone'),
    });
    expect(backend.callsTo('plan_assign')).toHaveLength(0);
  });

  it('Use template: a changed plan name asks first', async () => {
    const { user, backend } = setup('/training?tab=templates');
    const open = async () => user.click(within(await screen.findByTestId('template-row')).getByTestId('template-use'));
    await checkDiscard(user, open, {
      field: 'assign-name',
      cancel: 'assign-cancel',
      change: () => user.type(screen.getByTestId('assign-name'), ' for Ben'),
      changed: () => expect(screen.getByTestId('assign-name')).toHaveValue('Full Body Beginner for Ben'),
    });
    expect(backend.callsTo('plan_from_template')).toHaveLength(0);
  });

  it("Assign a plan (client's Plans tab): a chosen template asks first", async () => {
    const { user, backend } = setup('/clients/c2?tab=plans');
    const open = async () => user.click(await screen.findByTestId('client-assign-plan'));
    await checkDiscard(user, open, {
      field: 'assign-start',
      cancel: 'assign-cancel',
      change: async () => {
        const select = screen.getByTestId('assign-template');
        await waitFor(() => expect(within(select).getByText(/^Full Body Beginner/)).toBeInTheDocument());
        await user.selectOptions(select, within(select).getByText(/^Full Body Beginner/));
        await user.type(screen.getByTestId('assign-name'), 'Ben block 1');
      },
      changed: () => {
        expect(screen.getByTestId('assign-template')).not.toHaveValue('');
        expect(screen.getByTestId('assign-name')).toHaveValue('Ben block 1');
      },
    });
    expect(backend.callsTo('plan_from_template')).toHaveLength(0);
  });
});

describe('discard question: AI key dialog', () => {
  it('a pasted key asks before Escape closes; Keep editing keeps it in the field', async () => {
    seedAi({ providers: [{ id: 'p-openai', name: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }] });
    const backend = installBackend();
    const { user } = renderApp('/settings');
    const keySet = async () => {
      const row = (await screen.findAllByTestId('ai-provider-row')).find((r) => r.dataset.name === 'OpenAI')!;
      await user.click(within(row).getByTestId('ai-key-set'));
    };
    await checkDiscard(user, keySet, {
      field: 'ai-key-input',
      cancel: 'ai-key-cancel',
      change: () => user.type(screen.getByTestId('ai-key-input'), 'sk-not-saved'),
      changed: () => expect(screen.getByTestId('ai-key-input')).toHaveValue('sk-not-saved'),
    });
    expect(backend.callsTo('ai_key_set')).toHaveLength(0);
  });
});

describe('discard question: import wizards', () => {
  it('clients CSV: a changed column asks first; a file only picked closes at once', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients');
    const csv = () => new File(['Client,Kontakt\nBen Stone,ben@example.com\n'], 'clients.csv', { type: 'text/csv' });
    const open = async () => {
      await user.click(await screen.findByTestId('import-csv'));
      await pickFile('csv-file', csv());
      await screen.findByTestId('csv-mapping-1');
    };
    await checkDiscard(user, open, {
      field: 'csv-mapping-1',
      cancel: 'csv-cancel',
      change: () => user.selectOptions(screen.getByTestId('csv-mapping-1'), 'email'),
      changed: () => expect(screen.getByTestId('csv-mapping-1')).toHaveValue('email'),
    });
    expect(backend.callsTo('clients_csv_import')).toHaveLength(0);
  });

  it('exercises: a duplicate set to be merged asks first', async () => {
    seedTraining();
    const backend = installBackend();
    const { user } = renderApp('/training');
    const file = () =>
      new File([JSON.stringify([{ id: 'Barbell_Squat', name: 'Back squat', primaryMuscles: ['quadriceps'], equipment: 'barbell' }])], 'ex.json', {
        type: 'application/json',
      });
    const open = async () => {
      await user.click(await screen.findByTestId('exercise-import'));
      await pickFile('exercise-import-file', file());
      await screen.findByTestId('duplicate-action-0');
    };
    await checkDiscard(user, open, {
      field: 'duplicate-action-0',
      cancel: 'exercise-import-cancel',
      change: () => user.selectOptions(screen.getByTestId('duplicate-action-0'), 'merge'),
      changed: () => expect(screen.getByTestId('duplicate-action-0')).toHaveValue('merge'),
    });
    expect(backend.callsTo('exercises_import')).toHaveLength(0);
  });
});
