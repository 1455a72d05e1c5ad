// Measurements are stored in SI units (kg, cm, %, bpm) or a custom metric's own unit; the
// trainer reads and types them in the units chosen in Settings. Conversions live here.
import type { Measurement, Metric, Units } from './bindings';

export const LB_PER_KG = 2.2046226218;
export const CM_PER_IN = 2.54;

type Kind = 'weight' | 'length' | 'fixed' | 'custom';

const METRIC_INFO: Record<Metric, { label: string; kind: Kind; unit?: string }> = {
  body_weight: { label: 'Body weight', kind: 'weight' },
  body_fat: { label: 'Body fat', kind: 'fixed', unit: '%' },
  waist: { label: 'Waist', kind: 'length' },
  hips: { label: 'Hips', kind: 'length' },
  chest: { label: 'Chest', kind: 'length' },
  arm: { label: 'Arm', kind: 'length' },
  thigh: { label: 'Thigh', kind: 'length' },
  resting_heart_rate: { label: 'Resting heart rate', kind: 'fixed', unit: 'bpm' },
  custom: { label: 'Other (name it)', kind: 'custom' },
};

export const METRIC_OPTIONS: { value: Metric; label: string }[] = (Object.keys(METRIC_INFO) as Metric[]).map(
  (value) => ({ value, label: METRIC_INFO[value].label }),
);

/** The units a metric can be typed in; empty for a custom metric (any short unit). */
export function unitChoices(metric: Metric): string[] {
  const info = METRIC_INFO[metric];
  if (info.kind === 'weight') return ['kg', 'lb'];
  if (info.kind === 'length') return ['cm', 'in'];
  return info.unit ? [info.unit] : [];
}

/** The unit to show and to offer first, following the Settings choice. */
export function preferredUnit(metric: Metric, units: Units): string {
  const info = METRIC_INFO[metric];
  if (info.kind === 'weight') return units === 'imperial' ? 'lb' : 'kg';
  if (info.kind === 'length') return units === 'imperial' ? 'in' : 'cm';
  return info.unit ?? '';
}

/** A stored (SI) value in the display units. */
export function displayValue(m: Measurement, units: Units): { value: number; unit: string } {
  if (m.metric === 'custom') return { value: m.value, unit: m.unit };
  const unit = preferredUnit(m.metric, units);
  if (unit === 'lb') return { value: m.value * LB_PER_KG, unit };
  if (unit === 'in') return { value: m.value / CM_PER_IN, unit };
  return { value: m.value, unit: m.unit };
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** One decimal is what a scale or tape tells; custom metrics may need two. */
export function formatValue(value: number, metric: Metric): string {
  return (metric === 'custom' ? twoDecimals : oneDecimal).format(value);
}

/** Measurements of one thing (a metric, or one custom name) form one chart. */
export function seriesKey(m: Measurement): string {
  return m.metric === 'custom' ? `custom:${m.customName ?? ''}` : m.metric;
}

export function seriesLabel(m: Measurement): string {
  return m.metric === 'custom' ? (m.customName ?? 'Other') : METRIC_INFO[m.metric].label;
}

/** Measurements grouped into series, in the order the metrics are listed; custom ones last. */
export function groupSeries(list: Measurement[]): { key: string; label: string; items: Measurement[] }[] {
  const groups = new Map<string, { key: string; label: string; items: Measurement[] }>();
  for (const m of list) {
    const key = seriesKey(m);
    const group = groups.get(key) ?? { key, label: seriesLabel(m), items: [] };
    group.items.push(m);
    groups.set(key, group);
  }
  const order = (key: string) => {
    const i = METRIC_OPTIONS.findIndex((o) => o.value === key);
    return i === -1 ? METRIC_OPTIONS.length : i;
  };
  return [...groups.values()].sort((a, b) => order(a.key) - order(b.key) || a.label.localeCompare(b.label));
}

/** Reads a typed number, accepting a decimal comma; null when it is not one. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}
