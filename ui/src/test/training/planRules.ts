// The plan rules the plan builder shows the outcome of, copied from the core
// (crates/spotter-core/src/training/plan.rs: validation; diff.rs: the version summary). A copy,
// so standIn.contract.test.ts replays the calls recorded from the core (fixtures/training.json:
// each error, each summary and comparison) against it and fails when the two disagree.
import type { AppError, PlanBody, Prescription, ProgressionRule } from '../../bindings';

export function invalid(field: string, message: string): AppError {
  return { code: 'validation', message, field };
}

function checkItem(p: Prescription): void {
  if (!p.exerciseId.trim()) throw invalid('exerciseId', 'Choose an exercise');
  if (p.sets < 1 || p.sets > 20) throw invalid('sets', 'Sets are 1 to 20');
  // As the core's plan::validate_prescription: each measure has its own limit.
  const measure = p.measure ?? 'reps';
  const max = measure === 'seconds' ? 3600 : measure === 'metres' ? 50000 : 100;
  const noun = measure === 'seconds' ? 'Seconds' : measure === 'metres' ? 'Metres' : 'Reps';
  if (p.repsMin < 1 || p.repsMin > max) throw invalid('repsMin', `${noun} are 1 to ${max}`);
  if (p.repsMax < p.repsMin || p.repsMax > max) {
    throw invalid('repsMax', `The top of the range is at least its bottom and at most ${max} ${noun.toLowerCase()}`);
  }
  const v = p.load.value;
  const ok = (lo: number, hi: number) => typeof v === 'number' && v >= lo && v <= hi;
  if (p.load.kind === 'kg' && !ok(0, 1000)) throw invalid('load', 'A load is 0 to 1000 kg');
  if (p.load.kind === 'percent_one_rm' && !(ok(0, 120) && v! > 0)) throw invalid('load', 'A percentage of 1RM is above 0 and at most 120');
  if (p.load.kind === 'rpe' && !ok(1, 10)) throw invalid('load', 'RPE is between 1 and 10');
  if (p.load.kind === 'rir' && !ok(0, 10)) throw invalid('load', 'RIR is between 0 and 10');
  if (p.tempo.length > 12) throw invalid('tempo', 'Tempo is short, like 3-1-1-0');
  if ((p.restSeconds ?? 0) > 1800) throw invalid('restSeconds', 'Rest is at most 30 minutes');
}

export function checkBody(body: PlanBody, names: Map<string, string>): PlanBody {
  if (body.weeks.length === 0) throw invalid('weeks', 'A plan needs at least one week');
  const deload = body.rule.deloadEvery;
  if (deload !== null && deload !== undefined && (deload < 2 || deload > 12)) throw invalid('deloadEvery', 'A deload comes every 2 to 12 weeks');
  const inc = body.rule.progression?.increment_kg;
  if (inc !== undefined && (inc < 0 || inc > 50)) throw invalid('incrementKg', 'The weekly load increase is between 0 and 50 kg');
  const out = structuredClone(body);
  out.weeks.forEach((week, w) => {
    if (week.days.length === 0) throw invalid('days', `Week ${w + 1} has no days`);
    const offsets = new Set<number>();
    week.days.forEach((day, d) => {
      day.name = day.name.trim();
      if (!day.name) throw invalid('dayName', `Week ${w + 1}, day ${d + 1} needs a name (up to 80 characters)`);
      if (offsets.has(day.dayOffset)) throw invalid('dayOffset', `Week ${w + 1}: two days fall on the same weekday`);
      offsets.add(day.dayOffset);
      day.items.forEach((p, i) => {
        const at = `week ${w + 1}, day ${d + 1}, row ${i + 1}`;
        try {
          checkItem(p);
        } catch (e) {
          const error = e as AppError;
          throw { ...error, message: `${at}: ${error.message}` };
        }
        const name = names.get(p.exerciseId);
        if (!name) throw invalid('exerciseId', `${at}: that exercise is not in the library`);
        p.exerciseName = name;
        p.tempo = p.tempo.trim();
        p.notes = p.notes.trim();
      });
    });
  });
  return out;
}

// ---- the version summary (crates/spotter-core/src/training/diff.rs, shortened) ----

const fmt = (v: number) => String(Math.round(v * 100) / 100);

export function describe(p: Prescription): string {
  const reps = p.repsMax > p.repsMin ? `${p.repsMin}–${p.repsMax}` : String(p.repsMin);
  const v = p.load.value ?? 0;
  const load = { none: '', kg: `${fmt(v)} kg`, percent_one_rm: `${fmt(v)}% 1RM`, rpe: `RPE ${fmt(v)}`, rir: `RIR ${fmt(v)}` }[p.load.kind];
  let s = load ? `${p.sets} × ${reps} @ ${load}` : `${p.sets} × ${reps}`;
  if (p.tempo) s += `, tempo ${p.tempo}`;
  if (p.restSeconds !== null && p.restSeconds !== undefined) s += `, rest ${p.restSeconds} s`;
  return s;
}

function ruleText(r: ProgressionRule): string {
  const p = r.progression;
  const base = !p ? 'no progression' : p.kind === 'linear' ? `linear +${fmt(p.increment_kg)} kg a week` : `double progression +${fmt(p.increment_kg)} kg`;
  return r.deloadEvery ? `${base}, deload every ${r.deloadEvery} weeks` : base;
}

export function changes(old: PlanBody, next: PlanBody): string[] {
  const out: string[] = [];
  if (ruleText(old.rule) !== ruleText(next.rule)) out.push(`Progression: ${ruleText(old.rule)} → ${ruleText(next.rule)}`);
  next.weeks.forEach((nw, w) => {
    const ow = old.weeks[w];
    if (!ow) {
      out.push(`Added week ${w + 1}${nw.deload ? ' (deload)' : ''}`);
      return;
    }
    if (ow.deload !== nw.deload) out.push(`Week ${w + 1} ${nw.deload ? 'is now' : 'is no longer'} a deload`);
    nw.days.forEach((nd, d) => {
      const od = ow.days[d];
      if (!od) {
        out.push(`Week ${w + 1}: added day “${nd.name}” (${nd.items.length} exercises)`);
        return;
      }
      const place = `Week ${w + 1} · ${nd.name}`;
      if (od.name !== nd.name) out.push(`Week ${w + 1}: day “${od.name}” renamed “${nd.name}”`);
      const used = new Set<number>();
      const pairs = nd.items.map((n) => {
        const i = od.items.findIndex((o, j) => !used.has(j) && o.exerciseId === n.exerciseId);
        if (i >= 0) used.add(i);
        return [n, i] as const;
      });
      od.items.forEach((o, j) => !used.has(j) && out.push(`${place}: removed ${o.exerciseName}`));
      let last = -1;
      let reordered = false;
      for (const [n, i] of pairs) {
        if (i < 0) {
          out.push(`${place}: added ${n.exerciseName} ${describe(n)}`);
          continue;
        }
        if (i < last) reordered = true;
        last = i;
        const o = od.items[i]!;
        if (describe(o) !== describe(n)) out.push(`${place}: ${n.exerciseName} ${describe(o)} → ${describe(n)}`);
        if (o.notes !== n.notes) out.push(`${place}: ${n.exerciseName} notes changed`);
      }
      if (reordered) out.push(`${place}: exercises reordered`);
    });
    ow.days.slice(nw.days.length).forEach((od) => out.push(`Week ${w + 1}: removed day “${od.name}”`));
  });
  for (let w = next.weeks.length; w < old.weeks.length; w++) out.push(`Removed week ${w + 1}`);
  if (old.notes !== next.notes) out.push('Plan notes changed');
  return out;
}
