// Labels for the client record's fixed vocabularies. The values are the backend's
// (FitnessLevel, BODY_AREAS in crates/spotter-core/src/clients/model.rs).
import type { ClientStatus, FitnessLevel } from './bindings';

export const FITNESS_LEVELS: { value: FitnessLevel; label: string }[] = [
  { value: 'beginner', label: 'Beginner' },
  { value: 'intermediate', label: 'Intermediate' },
  { value: 'advanced', label: 'Advanced' },
  { value: 'athlete', label: 'Athlete' },
];

export function fitnessLevelLabel(level: FitnessLevel): string {
  return FITNESS_LEVELS.find((l) => l.value === level)?.label ?? level;
}

export const BODY_AREAS: { value: string; label: string }[] = [
  { value: 'neck', label: 'Neck' },
  { value: 'shoulder', label: 'Shoulder' },
  { value: 'elbow', label: 'Elbow' },
  { value: 'wrist', label: 'Wrist' },
  { value: 'upper_back', label: 'Upper back' },
  { value: 'lower_back', label: 'Lower back' },
  { value: 'chest', label: 'Chest' },
  { value: 'core', label: 'Core' },
  { value: 'hip', label: 'Hip' },
  { value: 'knee', label: 'Knee' },
  { value: 'ankle', label: 'Ankle' },
  { value: 'foot', label: 'Foot' },
  { value: 'hamstring', label: 'Hamstring' },
  { value: 'calf', label: 'Calf' },
];

export function bodyAreaLabel(area: string): string {
  return BODY_AREAS.find((a) => a.value === area)?.label ?? area;
}

export const STATUS_LABEL: Record<ClientStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  archived: 'Archived',
};
