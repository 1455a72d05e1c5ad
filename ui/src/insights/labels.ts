// Words the trainer sees for the AI parts: task types, statuses, circuits, numbers.
import type { ExecutionStatus, HealthReport, HealthStatus, ProviderKind, ReviewKind, ReviewStatus, TaskType } from '../bindings';

export const TASK_TYPES: readonly TaskType[] = [
  'progress_monitor',
  'data_quality',
  'weekly_digest',
  'health_check',
  'workout_optimizer',
  'scheduling',
  'nutrition',
  'client_chat',
];

const TASK_LABELS: Record<TaskType, string> = {
  progress_monitor: 'Progress monitor',
  weekly_digest: 'Weekly digest',
  workout_optimizer: 'Workout optimizer',
  scheduling: 'Scheduling',
  nutrition: 'Nutrition guidance',
  health_check: 'Health checker',
  data_quality: 'Data quality',
  client_chat: 'Ask about a client',
};

export const TASK_DESCRIPTIONS: Record<TaskType, string> = {
  progress_monitor: 'Looks at one client’s training and measurements and points out what stands out.',
  weekly_digest: 'Runs the progress monitor for every active client, a few at a time.',
  workout_optimizer:
    'Proposes changes to a client’s current plan, never an exercise against their injuries; accepting saves a new plan version.',
  scheduling: 'Proposes up to 3 free session times that fit when a client usually comes; accepting books the session.',
  nutrition:
    'General nutrition guidance, not medical advice: energy and macro targets, meal ideas within the client’s restrictions, and what the record lacks.',
  health_check: 'Checks now and then the database, backups, disk space, recent errors, the keychain and the AI providers; the light beside Insights shows how it went.',
  data_quality: 'Finds gaps and slips in your records: missing intakes, odd measurements, old plans.',
  client_chat: 'Answers your questions about one client from their records, and flags numbers it cannot find there.',
};

/** Agents that look at the whole studio rather than one client: run from the Agents tab. */
export const STUDIO_TASKS: readonly TaskType[] = ['data_quality', 'health_check', 'weekly_digest'];

/** Agents about one client: run (or asked) from that client's AI tab. */
export const CLIENT_TASKS: readonly TaskType[] = ['progress_monitor', 'workout_optimizer', 'scheduling', 'nutrition', 'client_chat'];

/** A task type as the trainer reads it; one the backend refused is shown as it was asked. */
export function taskLabel(raw: string): string {
  return (TASK_LABELS as Record<string, string>)[raw] ?? `Unknown task “${raw}”`;
}

export const PROVIDER_KINDS: { value: ProviderKind; label: string }[] = [
  { value: 'compatible', label: 'OpenAI-compatible server (Ollama, llama.cpp, …)' },
  { value: 'openai', label: 'OpenAI' },
];

export function kindLabel(kind: ProviderKind): string {
  return kind === 'openai' ? 'OpenAI' : 'OpenAI-compatible server';
}

export const EXECUTION_STATUS: Record<ExecutionStatus, { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const REVIEW_STATUS: Record<ReviewStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
};

export const REVIEW_KIND: Record<ReviewKind, string> = {
  insight: 'Insight',
  suggestion: 'Suggestion',
};

/** A provider's circuit breaker in plain words. */
export function circuitLabel(circuit: string): { label: string; color: string } {
  switch (circuit) {
    case 'closed':
      return { label: 'healthy', color: 'teal' };
    case 'open':
      return { label: 'paused after repeated failures', color: 'red' };
    case 'half_open':
      return { label: 'trying again', color: 'yellow' };
    default:
      return { label: circuit, color: 'gray' };
  }
}

/** A health check's status: the badge in the list and the colour of the status light. */
export const HEALTH_STATUS: Record<HealthStatus, { label: string; color: string }> = {
  ok: { label: 'OK', color: 'green' },
  warn: { label: 'Worth a look', color: 'yellow' },
  fail: { label: 'Needs attention', color: 'red' },
};

const HEALTH_RANK: Record<HealthStatus, number> = { ok: 0, warn: 1, fail: 2 };

/** Worst first; checks of the same status keep the backend's order. */
export function byHealthSeverity<T extends { status: HealthStatus }>(checks: readonly T[]): T[] {
  return [...checks].sort((a, b) => HEALTH_RANK[b.status] - HEALTH_RANK[a.status]);
}

/** The status light's words: "Health: all good", "Health: 2 things worth a look", … */
export function healthSummary(report: HealthReport): string {
  const fails = report.checks.filter((c) => c.status === 'fail').length;
  const warns = report.checks.filter((c) => c.status === 'warn').length;
  if (fails > 0) {
    return `Health: ${plural(fails, 'thing')} ${fails === 1 ? 'needs' : 'need'} attention now${warns > 0 ? `, ${warns} worth a look` : ''}`;
  }
  if (warns > 0) return `Health: ${plural(warns, 'thing')} worth a look`;
  return report.overall === 'ok' ? 'Health: all good' : 'Health: something is worth a look';
}

export function formatUsd(value: number): string {
  return `$${value.toFixed(4)}`;
}

/**
 * What a run cost in plain money: "nothing" (no model, a local server, or the cache),
 * "less than 0.1 cents", "about 0.3 cents", "about 4 cents", "about $1.20".
 */
export function plainCost(usd: number): string {
  if (!(usd > 0)) return 'nothing';
  const cents = usd * 100;
  if (cents < 0.1) return 'less than 0.1 cents';
  if (cents < 1) return `about ${cents.toFixed(1).replace(/\.0$/, '')} cents`;
  if (cents < 100) {
    const c = Math.round(cents);
    return c === 1 ? 'about 1 cent' : `about ${c} cents`;
  }
  return `about $${usd.toFixed(2)}`;
}

/** The lists agents answer with, in the order they are looked for. */
const FOUND_KEYS = ['insights', 'findings', 'proposals', 'changes', 'suggestions', 'problems', 'items'] as const;

/** How many things a run's answer holds (insights, findings, proposals …), if it says. */
export function foundCount(output: unknown): number | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as Record<string, unknown>;
  for (const key of FOUND_KEYS) if (Array.isArray(o[key])) return (o[key] as unknown[]).length;
  return null;
}

/** "for Anna Berg", or "for the whole studio" for a run about no one client. */
export function runFor(clientName: string | null): string {
  return clientName ? `for ${clientName}` : 'for the whole studio';
}

/** What a run came to, in a trainer's words. */
export function runResult(e: { status: ExecutionStatus; error: string | null; fromCache: boolean }, found: number | null): string {
  switch (e.status) {
    case 'done': {
      const what = found === null ? 'finished' : found === 0 ? 'found nothing to act on' : `found ${plural(found, 'thing')} to review`;
      return e.fromCache ? `${what} (the same question as before, answered from memory)` : what;
    }
    case 'running':
      return 'still running';
    case 'cancelled':
      return 'stopped before it finished';
    default:
      return e.error ? `did not finish: ${e.error}` : 'did not finish';
  }
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}
