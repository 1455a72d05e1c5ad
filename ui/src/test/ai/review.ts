// The execution log, metrics and review queue in the stand-in: accepting does what the
// runtime does (a plan version, a booked session, or a note on the client's record);
// deciding needs an open item, dismissing a reason.
import type { DayMetrics, Execution, ExecutionQuery, ExecutionSummary, ReviewQuery } from '../../bindings';
import type { StandIn } from '../standIn';
import type { AiState } from './state';
import { invalid, notFound } from './model';

const summary = (ai: AiState, e: Execution): ExecutionSummary => {
  const { facts, sent, output, inputFingerprint, ...rest } = ai.named(e);
  return rest;
};

const openItem = (ai: AiState, id: unknown) => {
  const item = ai.review.find((r) => r.id === id);
  if (!item) throw notFound('review item');
  if (item.status !== 'open') throw invalid('id', `This item was already ${item.status}`);
  return item;
};

export function metrics(ai: AiState): DayMetrics[] {
  const days = new Map<string, Execution[]>();
  for (const e of ai.executions) days.set(e.startedAt.slice(0, 10), [...(days.get(e.startedAt.slice(0, 10)) ?? []), e]);
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => {
      const done = list.filter((e) => e.status === 'done').length;
      const failed = list.filter((e) => e.status === 'failed').length;
      const lat = list.flatMap((e) => (e.latencyMs !== null && e.providerName ? [e.latencyMs] : [])).sort((a, b) => a - b);
      const pick = (q: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]! : null);
      return {
        day,
        runs: list.length,
        done,
        failed,
        successRate: done + failed ? done / (done + failed) : null,
        p50LatencyMs: pick(0.5),
        p95LatencyMs: pick(0.95),
        promptTokens: list.reduce((s, e) => s + e.promptTokens, 0),
        completionTokens: list.reduce((s, e) => s + e.completionTokens, 0),
        costEstimateUsd: list.reduce((s, e) => s + e.costEstimateUsd, 0),
      };
    });
}
export function reviewHandlers(ai: AiState): StandIn {
  return {
    ai_executions_list: (args) => {
      const q = args.query as ExecutionQuery;
      return [...ai.executions]
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
        .filter((e) => (!q.taskType || e.taskType === q.taskType) && (!q.status || e.status === q.status) && (!q.clientId || e.clientId === q.clientId))
        .slice(0, q.limit ?? 200)
        .map((e) => summary(ai, e));
    },
    ai_execution_get: (args) => {
      const found = ai.executions.find((e) => e.id === args.id);
      if (!found) throw notFound('execution');
      return ai.named(found);
    },
    ai_metrics: () => ai.seed.metrics ?? metrics(ai),

    ai_review_list: (args) => {
      const q = args.query as ReviewQuery;
      return ai.review
        .filter((r) => (!q.status || r.status === q.status) && (!q.clientId || r.clientId === q.clientId) && (!q.executionId || r.executionId === q.executionId))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map(ai.named);
    },
    ai_review_accept: (args) => {
      const item = openItem(ai, args.id);
      const edited = typeof args.edited === 'string' ? args.edited.trim() : '';
      // Like the runtime: a plan change becomes a new plan version, a proposed slot a booked
      // session, only now; a plan saved since or a slot taken since is refused, the item stays open.
      const action = ai.actions.get(item.id);
      let result: string | null = null;
      if (action && 'planChange' in action) {
        const plan = ai.planOf(action.planChange.clientId);
        const base = action.planChange.baseVersion;
        if (plan.version !== base) {
          throw invalid(
            'id',
            `The plan was changed after this was proposed (it is at version ${plan.version} now, the proposal was for version ${base}); run the optimizer again`,
          );
        }
        plan.version += 1;
        result = `plan version ${plan.version}`;
      } else if (action && 'book' in action) {
        const { start } = action.book;
        if (ai.taken.has(start) || ai.booked.includes(start)) {
          throw invalid(
            'id',
            `That time is no longer free: ${start} overlaps another session (Personal training). Nothing was booked; run the scheduling agent again or book it in the calendar.`,
          );
        }
        ai.booked.push(start);
        result = `session booked for ${start}`;
      } else if (item.clientId) {
        // Like review.rs: the accepted text and its evidence become a note on the client's record.
        const text = edited && edited !== item.body.trim() ? edited : item.body.trim();
        const kind = item.kind === 'insight' ? 'Insight' : 'Suggestion';
        const evidence = item.evidence.map((e) => `\n· ${e.label}: ${e.value}`).join('');
        ai.ctx.invoke('note_add', { client: item.clientId, body: `${kind} accepted: ${item.title}\n${text}${evidence}` });
        result = `noted in ${ai.clientName(item.clientId) ?? 'the client'}'s notes`;
      }
      Object.assign(item, {
        status: 'accepted',
        editedBody: edited && edited !== item.body.trim() ? edited : null,
        result,
        decidedAt: ai.now(),
      });
      return ai.named(item);
    },
    ai_review_dismiss: (args) => {
      const item = openItem(ai, args.id);
      const reason = String(args.reason ?? '').trim();
      if (!reason) throw invalid('reason', 'Say why it is dismissed (e.g. "already known", "wrong")');
      Object.assign(item, { status: 'dismissed', dismissReason: reason, decidedAt: ai.now() });
      return ai.named(item);
    },
  };
}
