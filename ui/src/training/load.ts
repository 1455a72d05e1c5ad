// Loads are stored in kg; the trainer reads and types kg loads in the units chosen in
// Settings (lb when imperial). Shared with the workout logger: keep it free of React.
import type { Load, LoadKind, Measure, Prescription, Units } from '../bindings';
import { LB_PER_KG } from '../measurements';

export type WeightUnit = 'kg' | 'lb';

export function weightUnit(units: Units): WeightUnit {
  return units === 'imperial' ? 'lb' : 'kg';
}

/** A stored kg value in the display unit. */
export function kgTo(kg: number, unit: WeightUnit): number {
  return unit === 'lb' ? kg * LB_PER_KG : kg;
}

/** A typed value in `unit` back to kg, rounded to grams so versions do not record float noise. */
export function toKg(value: number, unit: WeightUnit): number {
  const kg = unit === 'lb' ? value / LB_PER_KG : value;
  return Math.round(kg * 1000) / 1000;
}

const upToTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });
const upToOne = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false });

/** 60 → "60", 62.5 → "62.5"; lb to one decimal (a converted kg is never a round lb). */
export function formatNumber(value: number, unit: WeightUnit | null = null): string {
  return (unit === 'lb' ? upToOne : upToTwo).format(value);
}

/** "60 kg" or "132.3 lb". */
export function formatWeight(kg: number, units: Units): string {
  const unit = weightUnit(units);
  return `${formatNumber(kgTo(kg, unit), unit)} ${unit}`;
}

/** What the load kind is called next to its value, in the display units. */
export function loadKindLabel(kind: LoadKind, units: Units): string {
  switch (kind) {
    case 'none':
      return 'No load';
    case 'kg':
      return weightUnit(units);
    case 'percent_one_rm':
      return '% 1RM';
    case 'rpe':
      return 'RPE';
    case 'rir':
      return 'RIR';
  }
}

export const LOAD_KINDS: readonly LoadKind[] = ['none', 'kg', 'percent_one_rm', 'rpe', 'rir'];

export function loadKindOptions(units: Units): { value: LoadKind; label: string }[] {
  return LOAD_KINDS.map((value) => ({ value, label: loadKindLabel(value, units) }));
}

/** The number shown in the load field: kg loads in the display unit, the rest as stored. */
export function loadValueShown(load: Load, units: Units): number | null {
  if (load.value === null || load.value === undefined) return null;
  return load.kind === 'kg' ? kgTo(load.value, weightUnit(units)) : load.value;
}

/** The typed load number back to what is stored. */
export function loadValueStored(kind: LoadKind, shown: number | null, units: Units): number | null {
  if (shown === null) return null;
  return kind === 'kg' ? toKg(shown, weightUnit(units)) : shown;
}

/** "", "60 kg", "75% 1RM", "RPE 8", "RIR 2" — as the backend's describe_load, in display units. */
export function formatLoad(load: Load, units: Units): string {
  const v = load.value;
  if (load.kind === 'none' || v === null || v === undefined) return '';
  switch (load.kind) {
    case 'kg':
      return formatWeight(v, units);
    case 'percent_one_rm':
      return `${formatNumber(v)}% 1RM`;
    case 'rpe':
      return `RPE ${formatNumber(v)}`;
    case 'rir':
      return `RIR ${formatNumber(v)}`;
  }
}

/** "8", "8–12", "45 s", "30–45 s", "20 m", "1.5 km" (as the core's plan::describe_amount). */
export function formatReps(min: number, max: number, measure: Measure = 'reps'): string {
  const range = (a: string, b: string) => (max > min ? `${a}–${b}` : a);
  switch (measure) {
    case 'seconds':
      return `${range(String(min), String(max))} s`;
    case 'metres':
      return min >= 1000
        ? `${range(formatNumber(min / 1000), formatNumber(max / 1000))} km`
        : `${range(String(min), String(max))} m`;
    default:
      return range(String(min), String(max));
  }
}

/** The unit word of a measure's count, for a logger input's label. */
export function measureUnit(measure: Measure): string {
  return measure === 'seconds' ? 's' : measure === 'metres' ? 'm' : 'reps';
}

/** "3 × 8–12 @ 60 kg", "3 × 45 s". */
export function describePrescription(p: Pick<Prescription, 'sets' | 'repsMin' | 'repsMax' | 'load'> & { measure?: Measure }, units: Units): string {
  const load = formatLoad(p.load, units);
  const base = `${p.sets} × ${formatReps(p.repsMin, p.repsMax, p.measure)}`;
  return load ? `${base} @ ${load}` : base;
}
