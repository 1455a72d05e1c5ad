// Labels for the exercise library's fixed words. The values are the backend's
// (crates/spotter-core/src/training/vocab.rs); body areas are the client record's.
export { BODY_AREAS, bodyAreaLabel } from '../clientLabels';

export interface Option {
  value: string;
  label: string;
}

/** 'upper_back' → 'Upper back'; the few that read better otherwise are spelled out. */
function humanize(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function options(values: readonly string[], special: Record<string, string> = {}): Option[] {
  return values.map((value) => ({ value, label: special[value] ?? humanize(value) }));
}

export const MUSCLES = options(
  [
    'chest',
    'shoulders',
    'triceps',
    'biceps',
    'forearms',
    'lats',
    'upper_back',
    'traps',
    'lower_back',
    'abs',
    'obliques',
    'glutes',
    'quadriceps',
    'hamstrings',
    'adductors',
    'abductors',
    'calves',
    'hip_flexors',
    'neck',
  ],
  { lats: 'Lats' },
);

export const EQUIPMENT = options(
  [
    'barbell',
    'dumbbell',
    'kettlebell',
    'cable',
    'machine',
    'bodyweight',
    'band',
    'bench',
    'rack',
    'pull_up_bar',
    'medicine_ball',
    'smith_machine',
    'trap_bar',
    'ez_bar',
    'suspension',
    'sled',
    'box',
    'landmine',
    'cardio_machine',
    'foam_roller',
    'stability_ball',
    'plate',
  ],
  { pull_up_bar: 'Pull-up bar', ez_bar: 'EZ bar', suspension: 'Suspension (TRX)', bodyweight: 'Bodyweight' },
);

export const PATTERNS = options([
  'squat',
  'hinge',
  'lunge',
  'horizontal_push',
  'vertical_push',
  'horizontal_pull',
  'vertical_pull',
  'carry',
  'anti_extension',
  'anti_rotation',
  'rotation',
  'isolation',
  'conditioning',
  'mobility',
  'plyometric',
]);

export const DIFFICULTIES = options(['beginner', 'intermediate', 'advanced']);

function labeller(list: Option[]) {
  const byValue = new Map(list.map((o) => [o.value, o.label]));
  return (value: string) => byValue.get(value) ?? humanize(value);
}

export const muscleLabel = labeller(MUSCLES);
export const equipmentLabel = labeller(EQUIPMENT);
export const patternLabel = labeller(PATTERNS);
export const difficultyLabel = labeller(DIFFICULTIES);

export const SOURCE_LABEL: Record<string, string> = {
  spotter: 'Spotter',
  custom: 'Custom',
  wger: 'wger',
  'free-exercise-db': 'free-exercise-db',
};
