// The plans' stand-in: templates and client plans with their version history. It starts from
// the plans the core stored for fixtures/training.json (every version, its author and summary)
// and appends versions in memory; validation and summaries come from planRules.ts, replayed
// against the core's recorded answers by standIn.contract.test.ts.
import type { AuthorKind, Plan, PlanAssignment, PlanBody, PlanSummary, PlanVersion } from '../../bindings';
import type { BackendContext } from '../backend';
import { trainingFixture } from '../fixtures';
import type { StandIn } from '../standIn';
import { changes, checkBody, invalid } from './planRules';

interface StoredPlan {
  id: string;
  name: string;
  isTemplate: boolean;
  clientId: string | null;
  startDate: string | null;
  fromTemplateId: string | null;
  deleted: boolean;
  updatedAt: string;
  /** Oldest first. */
  versions: { meta: PlanVersion; body: PlanBody }[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function plansStandIn(ctx: BackendContext, exerciseNames: () => Map<string, string>): StandIn {
  const plans = new Map<string, StoredPlan>(
    trainingFixture.plans.map(({ summary, plan, versions }) => [
      plan.id,
      {
        id: plan.id,
        name: plan.name,
        isTemplate: plan.isTemplate,
        clientId: plan.clientId ?? null,
        startDate: plan.startDate ?? null,
        fromTemplateId: plan.fromTemplateId ?? null,
        deleted: false,
        updatedAt: summary.updatedAt,
        versions: structuredClone(versions),
      },
    ]),
  );
  let nextId = 1;
  let clock = Date.parse('2025-02-01T10:00:00Z');
  const now = () => new Date((clock += 60_000)).toISOString();
  const me: { kind: AuthorKind; name: string } = { kind: 'trainer', name: 'Me' };

  const stored = (id: string): StoredPlan => {
    const p = plans.get(id);
    if (!p || p.deleted) throw { code: 'not_found', message: 'plan not found' };
    return p;
  };
  const current = (p: StoredPlan) => p.versions[p.versions.length - 1]!;
  const clientName = (id: string | null) => (id ? (ctx.clients().get(id)?.name ?? null) : null);

  const toPlan = (p: StoredPlan): Plan => ({
    id: p.id,
    name: p.name,
    isTemplate: p.isTemplate,
    clientId: p.clientId,
    clientName: clientName(p.clientId),
    startDate: p.startDate,
    fromTemplateId: p.fromTemplateId,
    version: current(p).meta.version,
    body: structuredClone(current(p).body),
  });

  const toSummary = (p: StoredPlan): PlanSummary => ({
    id: p.id,
    name: p.name,
    isTemplate: p.isTemplate,
    clientId: p.clientId,
    clientName: clientName(p.clientId),
    startDate: p.startDate,
    currentVersion: current(p).meta.version,
    weeks: current(p).body.weeks.length,
    daysPerWeek: current(p).body.weeks[0]?.days.length ?? 0,
    updatedAt: p.updatedAt,
  });

  const cleanName = (raw: string) => {
    const name = raw.split(/\s+/).filter(Boolean).join(' ');
    if (!name) throw invalid('name', 'The plan needs a name');
    return name;
  };

  const append = (p: StoredPlan, body: PlanBody, summary: string, name: string, restoredFrom: number | null = null) => {
    const at = now();
    p.versions.push({
      meta: { version: p.versions.length + 1, authorKind: me.kind, authorName: me.name, summary, name, restoredFrom, createdAt: at },
      body: structuredClone(body),
    });
    p.name = name;
    p.updatedAt = at;
  };

  const insert = (partial: Pick<StoredPlan, 'name' | 'isTemplate' | 'clientId' | 'startDate' | 'fromTemplateId'>, body: PlanBody, summary: string) => {
    const p: StoredPlan = { ...partial, id: `plan-new-${nextId++}`, deleted: false, updatedAt: '', versions: [] };
    append(p, body, summary, partial.name);
    plans.set(p.id, p);
    return toPlan(p);
  };

  const version = (p: StoredPlan, v: number) => {
    const found = p.versions.find((x) => x.meta.version === v);
    if (!found) throw invalid('version', `This plan has no version ${String(v)}`);
    return found;
  };

  const checkAssignment = (a: PlanAssignment) => {
    if (!ctx.clients().has(a.clientId)) throw invalid('clientId', 'Choose a client');
    if (!ISO_DATE.test(a.startDate)) throw invalid('startDate', `'${a.startDate}' is not a date (YYYY-MM-DD)`);
  };

  const renamed = (from: string, to: string) => (from !== to ? [`Renamed “${from}” → “${to}”`] : []);

  return {
    plans_list: ({ query: q }) =>
      [...plans.values()]
        .filter((p) => !p.deleted)
        .filter((p) => q.templates === null || q.templates === undefined || p.isTemplate === q.templates)
        .filter((p) => !q.clientId || p.clientId === q.clientId)
        .sort((a, b) => Number(b.isTemplate) - Number(a.isTemplate) || a.name.localeCompare(b.name))
        .map(toSummary),
    plan_get: ({ id }) => toPlan(stored(id)),
    plan_create: ({ input }) => {
      const name = cleanName(input.name);
      const body = checkBody(input.body, exerciseNames());
      return insert({ name, isTemplate: input.isTemplate, clientId: null, startDate: null, fromTemplateId: null }, body, 'Created');
    },
    plan_save: ({ id, input }) => {
      const p = stored(id);
      const at = current(p).meta.version;
      if (input.baseVersion !== at) {
        throw invalid('baseVersion', `This plan was saved as version ${at} since you opened version ${input.baseVersion}; reopen it to see the changes`);
      }
      const name = cleanName(input.name);
      const body = checkBody(input.body, exerciseNames());
      const lines = [...renamed(p.name, name), ...changes(current(p).body, body)];
      if (lines.length > 0) append(p, body, lines.join('\n'), name);
      return toPlan(p);
    },
    plan_versions: ({ id }) => [...stored(id).versions].reverse().map((v) => ({ ...v.meta })),
    plan_version: ({ id, version: v }) => structuredClone(version(stored(id), v)),
    plan_compare: ({ id, from, to }) => {
      const p = stored(id);
      const a = version(p, from);
      const b = version(p, to);
      return [...renamed(a.meta.name, b.meta.name), ...changes(a.body, b.body)];
    },
    plan_restore: ({ id, version: v }) => {
      const p = stored(id);
      const old = version(p, v);
      if (old.meta.version === current(p).meta.version) throw invalid('version', 'That is already the current version');
      const lines = [`Restored version ${old.meta.version}`, ...renamed(p.name, old.meta.name), ...changes(current(p).body, old.body)];
      append(p, old.body, lines.join('\n'), old.meta.name, old.meta.version);
      return toPlan(p);
    },
    plan_from_template: ({ template: templateId, name, assignment }) => {
      const template = stored(templateId);
      if (assignment) checkAssignment(assignment);
      const v = current(template).meta.version;
      return insert(
        { name: cleanName(name ?? template.name), isTemplate: false, clientId: assignment?.clientId ?? null, startDate: assignment?.startDate ?? null, fromTemplateId: template.id },
        current(template).body,
        `Started from “${template.name}” (version ${v})`,
      );
    },
    plan_save_as_template: ({ id, name }) => {
      const p = stored(id);
      return insert(
        { name: cleanName(name), isTemplate: true, clientId: null, startDate: null, fromTemplateId: null },
        current(p).body,
        `Saved from plan “${p.name}” (version ${current(p).meta.version})`,
      );
    },
    plan_assign: ({ id, assignment }) => {
      const p = stored(id);
      if (p.isTemplate) throw invalid('planId', 'Start a plan from this template to assign it');
      checkAssignment(assignment);
      p.clientId = assignment.clientId;
      p.startDate = assignment.startDate;
      return toPlan(p);
    },
    plan_delete: ({ id }) => {
      stored(id).deleted = true;
      return null;
    },
    plan_dates: () => [],
    plan_generate: ({ body, weeks }) => {
      if (!(weeks >= 1 && weeks <= 52)) throw invalid('totalWeeks', 'Generate 1 to 52 weeks');
      const base = body.weeks[0];
      if (!base) throw invalid('weeks', 'A plan needs a first week to generate from');
      const inc = body.rule.progression?.kind === 'linear' ? body.rule.progression.increment_kg : 0;
      return {
        ...body,
        weeks: Array.from({ length: weeks }, (_, w) => ({
          deload: false,
          days: base.days.map((d) => ({
            ...d,
            items: d.items.map((p) =>
              p.load.kind === 'kg' && p.load.value !== null && p.load.value !== undefined
                ? { ...p, load: { kind: 'kg' as const, value: p.load.value + inc * w } }
                : { ...p },
            ),
          })),
        })),
      };
    },
    plan_pdf_save: (args) => {
      stored(args.id);
      return ctx.files.write(args, 'pdf', 'A PDF');
    },
  };
}
