import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend } from '../test/backend';
import { pickFile } from '../test/dialogBackend';
import { renderApp } from '../test/render';
import { seedTraining } from '../test/trainingBackend';

const json = (value: unknown, name = 'exercises.json') =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });

const FEDB = [
  { id: 'Barbell_Squat', name: 'Back squat', primaryMuscles: ['quadriceps'], equipment: 'barbell', category: 'strength', level: 'intermediate' },
  { id: 'Hip_Thrust', name: 'Barbell Hip Thrust', primaryMuscles: ['glutes'], equipment: 'foam roll', category: 'strength', level: 'beginner' },
  { id: 'Plank', name: 'Plank', primaryMuscles: ['abdominals'], equipment: 'body only', category: 'strength', level: 'beginner' },
  { id: 'Nameless', name: '', primaryMuscles: ['chest'] },
  { id: 'Eyes', name: 'Eye Rolls', primaryMuscles: ['eyes'] },
];

async function openImport() {
  seedTraining();
  const backend = installBackend();
  const view = renderApp('/training');
  await view.user.click(await screen.findByTestId('exercise-import'));
  return { backend, ...view };
}

describe('exercise import', () => {
  it('previews entries, notes and skips, asks about each duplicate, and imports only on confirm', async () => {
    const { user, backend } = await openImport();
    await pickFile('exercise-import-file', json(FEDB));

    expect(await screen.findByTestId('import-format')).toHaveTextContent('free-exercise-db');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('3 exercises: 1 new, 2 already in your library, 2 skipped');
    const entry = screen.getByTestId('import-entry');
    expect(entry).toHaveAttribute('data-name', 'Barbell Hip Thrust');
    expect(entry).toHaveTextContent('Unlicense');
    expect(entry).toHaveTextContent('free-exercise-db (github.com/yuhonas/free-exercise-db)');
    expect(within(entry).getByTestId('import-entry-notes')).toHaveTextContent('equipment “foam roll” has no match');
    expect(screen.getByTestId('import-skipped')).toHaveTextContent('(no name): the entry has no name');
    expect(screen.getByTestId('import-skipped')).toHaveTextContent('Eye Rolls: none of its muscles is one Spotter knows');
    expect(screen.queryByTestId('import-partial')).not.toBeInTheDocument();

    // Duplicates are skipped unless the trainer says otherwise.
    const duplicates = screen.getAllByTestId('import-duplicate');
    expect(duplicates.map((d) => d.dataset.name)).toEqual(['Back squat', 'Plank']);
    expect(duplicates[0]).toHaveTextContent('Matches “Back Squat”');
    expect(screen.getByTestId('duplicate-action-0')).toHaveValue('skip');
    expect(screen.getByTestId('duplicate-action-1')).toHaveValue('skip');
    expect(screen.getByTestId('exercise-import-confirm')).toHaveTextContent('Import 1 exercise');
    await user.selectOptions(screen.getByTestId('duplicate-action-0'), 'add_separately');
    await user.selectOptions(screen.getByTestId('duplicate-action-1'), 'merge');
    expect(screen.getByTestId('exercise-import-confirm')).toHaveTextContent('Import 3 exercises');
    expect(backend.callsTo('exercises_import')).toHaveLength(0);

    await user.click(screen.getByTestId('exercise-import-confirm'));
    expect(await screen.findByTestId('exercise-import-result')).toHaveTextContent('Added 2, merged 1, skipped 2.');
    expect(backend.callsTo('exercises_import')[0]!.args.decisions).toEqual([
      { sourceRef: 'Barbell_Squat', action: 'add_separately' },
      { sourceRef: 'Plank', action: 'merge' },
    ]);
    await user.click(screen.getByTestId('exercise-import-done'));
    await waitFor(() =>
      expect(screen.getAllByTestId('exercise-row').map((r) => r.dataset.name)).toContain('Back squat (free-exercise-db)'),
    );
    expect(screen.getAllByTestId('exercise-row').map((r) => r.dataset.name)).toContain('Barbell Hip Thrust');
  });

  it('says at the file field why a file cannot be read, and warns about a partial wger page', async () => {
    await openImport();
    await pickFile('exercise-import-file', json('[{"name": "Squat",', 'cut-short.json'));
    expect(await screen.findByTestId('exercise-import-file-error')).toHaveTextContent('not valid JSON');
    expect(screen.getByTestId('exercise-import-confirm')).toBeDisabled();

    await pickFile('exercise-import-file', json({ exercises: [] }, 'other-app.json'));
    expect(await screen.findByTestId('exercise-import-file-error')).toHaveTextContent(
      'neither a wger exercise export (exerciseinfo) nor a free-exercise-db exercises.json',
    );

    await pickFile(
      'exercise-import-file',
      json(
        {
          next: 'https://wger.de/api/v2/exerciseinfo/?page=2',
          results: [{ uuid: 'u-1', translations: [{ language: 2, name: 'Cable Fly' }], license: { short_name: 'CC-BY-SA 4' }, license_author: 'wger' }],
        },
        'wger-page-1.json',
      ),
    );
    expect(await screen.findByTestId('import-partial')).toHaveTextContent('one page of a longer list');
    expect(screen.queryByTestId('exercise-import-file-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-format')).toHaveTextContent('wger');
    expect(screen.getByTestId('import-entry')).toHaveTextContent('CC-BY-SA 4');
  });
});
