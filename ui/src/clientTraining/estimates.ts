// Estimates and totals (1RM, volume) read best to one decimal in the display unit; typed and
// prescribed loads use training/load.ts as they are.
import type { Units } from '../bindings';
import { formatNumber, kgTo, weightUnit } from '../training/load';

/** 118.333 kg → "118.3"; in lb when imperial. */
export function estimateNumber(kg: number, units: Units): string {
  return formatNumber(Math.round(kgTo(kg, weightUnit(units)) * 10) / 10);
}

/** "118.3 kg" / "260.9 lb". */
export function formatEstimate(kg: number, units: Units): string {
  return `${estimateNumber(kg, units)} ${weightUnit(units)}`;
}
