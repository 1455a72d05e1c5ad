// What the AI stand-in is made of: its seed and control types, the record makers tests use,
// the error shapes, and the canned health checks. The agents' names and the shapes of review
// items and executions come from fixtures/ai.json, recorded from the real core.
import type {
  Agent,
  AgentEvent,
  AppError,
  ChatMessage,
  DayMetrics,
  Execution,
  HealthCheck,
  HealthReport,
  HealthStatus,
  Provider,
  ProviderCheck,
  ReviewItem,
  TaskType,
} from '../../bindings';
import { aiFixture } from '../fixtures';

export const KEYCHAIN_HELP =
  'Spotter keeps API keys only in the system keychain (Secret Service), and none is available. Install and unlock GNOME Keyring or KWallet (on Debian/Ubuntu: sudo apt install gnome-keyring, then log out and in), then try again. Local servers such as Ollama need no key.';


/** The tasks the core knows, by the names its agents have. */
export const TASKS: [TaskType, string][] = aiFixture.agents.map((a) => [a.taskType, a.name]);
export const NEEDS_CLIENT: TaskType[] = ['progress_monitor', 'workout_optimizer', 'scheduling', 'nutrition', 'client_chat'];
export const label = (t: TaskType) => TASKS.find(([x]) => x === t)![1];

export interface AiSeed {
  /** In fallback order; ids default to `p-<name>`. */
  providers?: (Partial<Omit<Provider, 'hasKey'>> & { name: string })[];
  /** Ids of providers whose key is in the fake keychain. */
  keys?: string[];
  /** false: every keychain call fails with code `keychain` (as on Linux without Secret Service). */
  keychainOk?: boolean;
  /** Circuit by provider id (closed when not given). */
  circuits?: Record<string, string>;
  /** ai_provider_check answers by provider id (otherwise it answers in 42 ms). */
  checks?: Record<string, ProviderCheck>;
  agents?: Partial<Record<TaskType, Partial<Agent>>>;
  review?: ReviewItem[];
  executions?: Execution[];
  /** ai_metrics' answer; worked out from the executions when not given. */
  metrics?: DayMetrics[];
  /** The latest health report (ai_health's answer), and what later checks find too. */
  health?: HealthSeed;
}

/** A health report as tests give it: `overall` is worked out; `checkedAt` defaults to now. */
export interface HealthSeed {
  checks: HealthCheck[];
  checkedAt?: string;
}

export interface AiControl {
  keychain: Set<string>;
  providers: () => Provider[];
  agents: () => Agent[];
  review: () => ReviewItem[];
  executions: () => Execution[];
  /** Runs started from now on stop after "Asking …" until release() or ai_cancel. */
  holdRuns: () => void;
  /** Lets held runs finish (and stops holding new ones). */
  release: () => void;
  /** Every event sent on a run's channel, in order. */
  events: AgentEvent[];
  /** Sets the latest report (as the backend's scheduled re-check would) and what checks find from now on. */
  setHealth: (report: HealthSeed) => void;
  /** What the next checks find (null: worked out from the state), leaving the latest report as it is. */
  setHealthFindings: (checks: HealthCheck[] | null) => void;
  /** The latest report, null before the first check. */
  health: () => HealthReport | null;
  /** The fake current plan the workout optimizer proposes changes to, by client. */
  plan: (clientId: string) => FakePlan;
  /** The plan is saved again (as the trainer would in the plan builder): proposals for the old version go stale. */
  planChanged: (clientId: string) => void;
  /** Someone books this slot (`YYYY-MM-DD HH:MM`) meanwhile: accepting a proposal for it is refused. */
  takeSlot: (start: string) => void;
  /** The sessions booked by accepting scheduling proposals, `YYYY-MM-DD HH:MM`. */
  booked: () => string[];
  /** Every client's conversation, oldest first. */
  chats: () => Map<string, ChatMessage[]>;
}

/** The plan a client is on, as far as the optimizer here cares. */
export interface FakePlan {
  id: string;
  name: string;
  version: number;
}

/** The free slots the scheduling stand-in proposes (start, end), as local wall-clock times. */
export const FREE_SLOTS: readonly [string, string][] = [
  ['2025-02-04 18:00', '19:00'],
  ['2025-02-06 07:30', '08:30'],
];

/** What accepting an item does, kept beside it as the runtime keeps its action column. */
export type Action = { planChange: { planId: string; clientId: string; baseVersion: number } } | { book: { start: string } };

const RECORDED_ITEM = aiFixture.review[0]!;

/** A review item with every field the core sends; tests give what matters to them. */
export function makeReviewItem(partial: Partial<ReviewItem> & { id: string; title: string }): ReviewItem {
  return {
    ...RECORDED_ITEM,
    executionId: 'exec-seed',
    taskType: 'progress_monitor',
    clientId: null,
    clientName: null,
    kind: 'insight',
    body: '',
    evidence: [],
    fromModel: true,
    booksSession: false,
    status: 'open',
    editedBody: null,
    dismissReason: null,
    decidedAt: null,
    createdAt: '2025-01-20T09:00:00.000Z',
    ...partial,
  };
}

/** An execution with every field the core sends (a finished run by default). */
export function makeExecution(partial: Partial<Execution> & { id: string }): Execution {
  return {
    ...aiFixture.execution,
    taskType: 'progress_monitor',
    clientId: null,
    clientName: null,
    status: 'done',
    error: null,
    providerName: null,
    model: null,
    promptTokens: 0,
    completionTokens: 0,
    costEstimateUsd: 0,
    attempts: 0,
    fromCache: false,
    startedAt: '2025-01-20T09:00:00.000Z',
    finishedAt: '2025-01-20T09:00:01.000Z',
    latencyMs: 1000,
    inputFingerprint: '',
    facts: null,
    sent: null,
    output: null,
    ...partial,
  };
}

const HEALTH_RANK: Record<HealthStatus, number> = { ok: 0, warn: 1, fail: 2 };

/** A report like the core's HealthReport::new: overall is the worst check. */
export function makeHealthReport(checks: HealthCheck[], checkedAt: string = new Date().toISOString()): HealthReport {
  const overall = checks.reduce<HealthStatus>((worst, c) => (HEALTH_RANK[c.status] > HEALTH_RANK[worst] ? c.status : worst), 'ok');
  return { checkedAt, overall, checks: checks.map((c) => ({ ...c })) };
}

/** The local checks when all is well, as the core's ai::facts::health::local_checks made them
 * (a backup made today, no errors logged; the free space is the one figure fixed by the recorder). */
export const LOCAL_CHECKS_OK: HealthCheck[] = aiFixture.localChecks;

// The keychain and provider checks are the runtime's (spotter-ai), not recorded here.
const HEALTH_LABELS: Record<string, string> = {
  ...Object.fromEntries(LOCAL_CHECKS_OK.map((c) => [c.key, c.label])),
  keychain: 'Keychain',
  provider: 'AI provider',
};

/** One check; label and detail default to a passing check of that key. */
export function makeHealthCheck(partial: Partial<HealthCheck> & { key: string }): HealthCheck {
  return { label: HEALTH_LABELS[partial.key] ?? partial.key, status: 'ok', detail: 'All good.', fix: null, ...partial };
}

export function invalid(field: string, message: string): AppError {
  return { code: 'validation', message, field };
}

export function notFound(what: string): AppError {
  return { code: 'not_found', message: `${what} not found` };
}

export function aiError(message: string): AppError {
  return { code: 'ai', message };
}

type Internals = { runCallback: (id: number, data: unknown) => void };
export const internals = () => (window as unknown as { __TAURI_INTERNALS__: Internals }).__TAURI_INTERNALS__;

/** Yields to the event loop, so the UI sees each event before the next (not a sleep). */
export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
