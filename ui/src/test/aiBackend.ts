// In-memory stand-ins for the ai_* commands (providers and a fake keychain, agents, runs with
// progress on the run's channel, the execution log, metrics, the review queue). Installed by
// installBackend (backend.ts) for every test; seedAi() before installBackend seeds it, and
// aiBackend() reaches the instance a test installed (to hold a run, peek at the keychain).
//
// The keychain is a set of provider ids: a key is checked like the real one and then thrown
// away, never stored or returned. Every agent the runtime has runs here: the progress
// monitor, the data-quality agent, the health checker, the weekly digest (the progress monitor
// for each active client), the workout optimizer (one proposed change to a fake current plan
// per client; accepting saves "the next version" unless planChanged() moved the plan on), the
// scheduling agent (two free slots; accepting books one unless takeSlot() took it) and nutrition
// (one insight). client_chat through ai_run is refused the way the runtime refuses a task it
// lacks ("… is not available in this version …"): the chat has its own commands.
//
// Chat: ai_chat_history / ai_chat_ask / ai_chat_clear keep a conversation per client. An answer
// streams on the channel as `delta` events, each with the whole answer so far (names restored),
// like the runtime; holdRuns() holds it after the first two pieces. A question containing "250"
// gets an answer stating 250 kg, flagged in `unverified` (not among the facts).
//
// Health: ai_health answers with the latest report (checking first when there is none), and
// ai_health_check and a health_check run check again. A check finds what seedAi({health}) or
// setHealth/setHealthFindings said, else it works the report out from this stand-in's state:
// the local checks pass, the keychain as seeded, each enabled provider as ai_provider_check
// answers. Reports carry real clock times, as the UI says "Checked 2 minutes ago" from them.
//
// Channels under mockIPC: the UI's `new Channel()` registers its callback through
// `__TAURI_INTERNALS__.transformCallback`, which mockIPC replaces with its own registry, and
// mockIPC hands the handler the Channel object itself (not its "__CHANNEL__:id" form). The
// real backend answers through `runCallback(id, {index, message})` and ends with
// `{index, end: true}`; so does this mock, so events take the same path and ordering code.
import type { Channel } from '@tauri-apps/api/core';
import type {
  Agent,
  AgentEvent,
  AgentInput,
  AgentStage,
  AiStatus,
  AppError,
  ChatMessage,
  DayMetrics,
  Evidence,
  Execution,
  ExecutionQuery,
  ExecutionStatus,
  ExecutionSummary,
  HealthCheck,
  HealthReport,
  HealthStatus,
  Provider,
  ProviderCheck,
  ProviderInput,
  ReviewItem,
  ReviewQuery,
  RunOutcome,
  RunPreview,
  RunRequest,
  TaskType,
} from '../bindings';
import type { BackendContext } from './backend';
import type { StandIn } from './standIn';

export const KEYCHAIN_HELP =
  'Spotter keeps API keys only in the system keychain (Secret Service), and none is available. Install and unlock GNOME Keyring or KWallet (on Debian/Ubuntu: sudo apt install gnome-keyring, then log out and in), then try again. Local servers such as Ollama need no key.';

const TASKS: [TaskType, string][] = [
  ['progress_monitor', 'Progress monitor'],
  ['weekly_digest', 'Weekly digest'],
  ['workout_optimizer', 'Workout optimizer'],
  ['scheduling', 'Scheduling'],
  ['nutrition', 'Nutrition guidance'],
  ['health_check', 'Health checker'],
  ['data_quality', 'Data quality'],
  ['client_chat', 'Ask about a client'],
];
const NEEDS_CLIENT: TaskType[] = ['progress_monitor', 'workout_optimizer', 'scheduling', 'nutrition', 'client_chat'];
const label = (t: TaskType) => TASKS.find(([x]) => x === t)![1];

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
type Action = { planChange: { planId: string; clientId: string; baseVersion: number } } | { book: { start: string } };

let pending: AiSeed = {};
let current: AiControl | null = null;

/** Seeds the next installBackend call (call it before installBackend). */
export function seedAi(seed: AiSeed) {
  pending = seed;
}

/** The AI stand-in of the backend installed last. */
export function aiBackend(): AiControl {
  if (!current) throw new Error('installBackend() first');
  return current;
}

export function makeReviewItem(partial: Partial<ReviewItem> & { id: string; title: string }): ReviewItem {
  return {
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

export function makeExecution(partial: Partial<Execution> & { id: string }): Execution {
  return {
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

const HEALTH_LABELS: Record<string, string> = {
  database: 'Database',
  links: 'Links between records',
  backup: 'Backups',
  disk: 'Disk space',
  log: 'Recent errors',
  keychain: 'Keychain',
  provider: 'AI provider',
};

/** One check; label and detail default to a passing check of that key. */
export function makeHealthCheck(partial: Partial<HealthCheck> & { key: string }): HealthCheck {
  return { label: HEALTH_LABELS[partial.key] ?? partial.key, status: 'ok', detail: 'All good.', fix: null, ...partial };
}

/** The local checks when all is well (the core's spotter_core::ai::facts::health). */
const LOCAL_CHECKS_OK: HealthCheck[] = [
  makeHealthCheck({ key: 'database', detail: 'The database file is intact.' }),
  makeHealthCheck({ key: 'links', detail: 'Every record points at records that exist.' }),
  makeHealthCheck({ key: 'backup', detail: 'The newest backup is from today.' }),
  makeHealthCheck({ key: 'disk', detail: '120 GB free.' }),
  makeHealthCheck({ key: 'log', detail: 'No errors in the log in the last 24 hours.' }),
];

function invalid(field: string, message: string): AppError {
  return { code: 'validation', message, field };
}

function notFound(what: string): AppError {
  return { code: 'not_found', message: `${what} not found` };
}

function aiError(message: string): AppError {
  return { code: 'ai', message };
}

type Internals = { runCallback: (id: number, data: unknown) => void };
const internals = () => (window as unknown as { __TAURI_INTERNALS__: Internals }).__TAURI_INTERNALS__;

/** Yields to the event loop, so the UI sees each event before the next (not a sleep). */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function aiHandlers(ctx: BackendContext): StandIn {
  const seed = pending;
  pending = {};
  const keychainOk = seed.keychainOk ?? true;
  const keychain = new Set(seed.keys ?? []);
  let providers: Omit<Provider, 'hasKey'>[] = (seed.providers ?? []).map((p, i) => ({
    id: p.id ?? `p-${p.name.toLowerCase().replace(/\W+/g, '-')}`,
    kind: 'compatible',
    baseUrl: 'http://localhost:11434/v1',
    model: 'llama3.1:8b',
    timeoutSeconds: 60,
    enabled: true,
    ...p,
    position: i + 1,
  }));
  const agents: Agent[] = TASKS.map(([taskType, name]) => ({
    id: `agent-${taskType}`,
    taskType,
    name,
    enabled: true,
    providerId: null,
    model: null,
    temperature: 0.2,
    promptVersion: 1,
    settings: taskType === 'health_check' ? { intervalMinutes: 5 } : taskType === 'weekly_digest' ? { concurrency: 4 } : {},
    ...seed.agents?.[taskType],
  }));
  let review: ReviewItem[] = (seed.review ?? []).map((r) => ({ ...r }));
  const executions: Execution[] = (seed.executions ?? []).map((e) => ({ ...e }));
  let nextId = 1;
  let clock = Date.parse('2025-02-01T12:00:00Z');
  const now = () => new Date((clock += 60_000)).toISOString();
  let holding = false;
  const held = new Map<string, (how: 'go' | 'cancel') => void>();
  const events: AgentEvent[] = [];
  let healthFindings: HealthCheck[] | null = seed.health?.checks ?? null;
  let latestHealth: HealthReport | null = seed.health ? makeHealthReport(seed.health.checks, seed.health.checkedAt) : null;
  const plans = new Map<string, FakePlan>();
  const actions = new Map<string, Action>();
  const taken = new Set<string>();
  const booked: string[] = [];
  const chats = new Map<string, ChatMessage[]>();
  const planOf = (clientId: string): FakePlan => {
    let plan = plans.get(clientId);
    if (!plan) plans.set(clientId, (plan = { id: `plan-${clientId}`, name: 'Strength block', version: 4 }));
    return plan;
  };

  const withKey = (p: Omit<Provider, 'hasKey'>): Provider => ({ ...p, hasKey: keychainOk && keychain.has(p.id) });
  const provider = (id: unknown) => {
    const found = providers.find((p) => p.id === id);
    if (!found) throw notFound('provider');
    return found;
  };
  const needKeychain = () => {
    if (!keychainOk) throw { code: 'keychain', message: KEYCHAIN_HELP } satisfies AppError;
  };
  const clientName = (id: string | null) => (id ? (ctx.clients().get(id)?.name ?? null) : null);
  const named = <T extends { clientId: string | null; clientName: string | null }>(x: T): T => ({
    ...x,
    clientName: clientName(x.clientId),
  });

  function validateProvider(input: ProviderInput) {
    const name = input.name.trim();
    if (!name) throw invalid('name', 'Give the provider a name, e.g. "OpenAI" or "Ollama on this laptop"');
    const kind = input.kind ?? 'compatible';
    let baseUrl = input.baseUrl.trim().replace(/\/+$/, '');
    if (!baseUrl && kind === 'openai') baseUrl = 'https://api.openai.com/v1';
    if (!/^https?:\/\/\S+$/.test(baseUrl)) {
      throw invalid('baseUrl', 'The base URL must start with http:// or https://, e.g. http://localhost:11434/v1');
    }
    if (baseUrl.includes('@')) throw invalid('baseUrl', 'Put no password in the URL; add the key with "Set key" instead');
    const model = input.model.trim();
    if (!model) throw invalid('model', 'Name the model, e.g. gpt-4o-mini or llama3.1:8b');
    const timeoutSeconds = input.timeoutSeconds ?? 60;
    if (!(timeoutSeconds >= 1 && timeoutSeconds <= 600)) {
      throw invalid('timeoutSeconds', 'The timeout must be between 1 and 600 seconds');
    }
    return { name, kind, baseUrl, model, timeoutSeconds, enabled: input.enabled ?? true };
  }

  /** ai_provider_check's answer: seeded, or OpenAI without a key fails, anything else answers. */
  function checkProvider(p: Omit<Provider, 'hasKey'>): ProviderCheck {
    const seeded = seed.checks?.[p.id];
    if (seeded) return seeded;
    if (p.kind === 'openai' && !(keychainOk && keychain.has(p.id))) {
      return { ok: false, message: 'No API key yet: add it first', latencyMs: null };
    }
    return { ok: true, message: `${p.model} answered in 42 ms`, latencyMs: 42 };
  }

  /** Every check now (the runtime's health()): the latest report from now on. */
  function checkHealth(): HealthReport {
    const checks = healthFindings ?? [
      ...LOCAL_CHECKS_OK,
      keychainOk
        ? makeHealthCheck({ key: 'keychain', detail: 'The system keychain answers.' })
        : makeHealthCheck({
            key: 'keychain',
            status: 'warn',
            detail: 'The system keychain cannot be used, so API keys cannot be read.',
            fix: KEYCHAIN_HELP,
          }),
      ...providers
        .filter((p) => p.enabled)
        .map((p) => {
          const c = checkProvider(p);
          return makeHealthCheck({
            key: 'provider',
            label: `AI provider ${p.name}`,
            status: c.ok ? 'ok' : 'warn',
            detail: c.message,
            fix: c.ok ? null : 'Check the address, the model and the key in Settings → AI; the next provider in the list is used meanwhile.',
          });
        }),
    ];
    latestHealth = makeHealthReport(checks);
    return latestHealth;
  }

  const agentFor = (task: TaskType) => agents.find((a) => a.taskType === task)!;

  /** The providers a run would try: the agent's own first; OpenAI without a key is skipped. */
  function chain(agent: Agent) {
    const all = providers.filter((p) => p.enabled);
    const first = all.findIndex((p) => p.id === agent.providerId);
    if (first > 0) all.unshift(...all.splice(first, 1));
    return all
      .filter((p) => p.kind === 'compatible' || (keychainOk && keychain.has(p.id)))
      .map((p, i) => ({ provider: p, model: i === 0 ? (agent.model ?? p.model) : p.model }));
  }

  function refused(taskType: string, reason: string) {
    const at = now();
    executions.push(
      makeExecution({ id: `exec-${nextId++}`, taskType, status: 'failed', error: reason, startedAt: at, finishedAt: at, latencyMs: 0 }),
    );
  }

  function route(req: RunRequest): { task: TaskType; agent: Agent; clientId: string | null } {
    const key = req.taskType.trim().replace(/-/g, '_').toLowerCase();
    const task = TASKS.find(([t]) => t === key)?.[0];
    if (!task) {
      refused(req.taskType, 'invalid task type');
      throw invalid('taskType', `invalid task type: '${req.taskType}'`);
    }
    const agent = agentFor(task);
    if (!agent.enabled) {
      refused(task, 'agent disabled');
      throw aiError(`agent disabled: ${label(task)} is turned off (turn it on in Insights → Agents)`);
    }
    const clientId = req.clientId?.trim() || null;
    if (NEEDS_CLIENT.includes(task) && !clientId) throw invalid('clientId', `${label(task)} needs a client`);
    if (clientId && !ctx.clients().has(clientId)) throw invalid('clientId', 'No such client');
    return { task, agent, clientId };
  }

  /** What a run proposes: review items, with what accepting one does. */
  type Proposal = Pick<ReviewItem, 'kind' | 'title' | 'body' | 'evidence'> & Partial<Pick<ReviewItem, 'changesPlanId' | 'booksSession'>> & { action?: Action };

  /** The facts, messages and computed items of each agent. */
  function prepare(task: TaskType, clientId: string | null): { facts: unknown; messages: { role: string; content: string }[]; items: Proposal[]; clientId: string | null } {
    const name = clientName(clientId) ?? 'The client';
    if (task === 'progress_monitor') {
      const evidence: Evidence[] = [
        { label: 'Back Squat estimated 1RM', value: '100 kg → 110 kg in 6 weeks' },
        { label: 'Sessions attended (4 weeks)', value: '7 of 8' },
      ];
      const facts = { client: 'Client A', e1rm: [{ exercise: 'Back Squat', fromKg: 100, toKg: 110, weeks: 6 }], attendance: { attended: 7, planned: 8 } };
      return {
        facts,
        messages: [
          { role: 'system', content: 'You help a personal trainer. Use only the facts given; cite them by ref.' },
          { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
        ],
        items: [
          { kind: 'insight' as const, title: 'Squat is climbing steadily', body: 'Client A added 10 kg to the estimated squat 1RM in 6 weeks.', evidence: [evidence[0]!] },
          { kind: 'suggestion' as const, title: 'Keep the attendance streak going', body: 'Client A came to 7 of 8 sessions; say well done.', evidence: [evidence[1]!] },
        ],
        clientId,
      };
    }
    if (task === 'data_quality') {
      const facts = { findings: [{ ref: 'f1', title: 'Client A has no PAR-Q+ intake' }] };
      return {
        facts,
        messages: [
          { role: 'system', content: 'You help a personal trainer keep tidy records.' },
          { role: 'user', content: JSON.stringify(facts) },
        ],
        items: [
          { kind: 'suggestion' as const, title: 'Client A has no PAR-Q+ intake', body: 'Ask Client A to fill in the PAR-Q+ at the next session.', evidence: [{ label: 'Found', value: 'Client A has no PAR-Q+ intake' }] },
        ],
        clientId: null,
      };
    }
    if (task === 'health_check') {
      // Like the runtime: the run checks everything again (the light follows), one suggestion per problem.
      const report = checkHealth();
      const facts = {
        overall: report.overall,
        checks: report.checks.map((c, i) => ({ ref: `H${i + 1}`, check: c.label, status: c.status, detail: c.detail, fix: c.fix ?? null })),
      };
      return {
        facts,
        messages: [
          { role: 'system', content: 'You are the health checker in Spotter, an app for personal trainers.' },
          { role: 'user', content: `Checks:\n${JSON.stringify(facts, null, 2)}` },
        ],
        items: report.checks
          .filter((c) => c.status !== 'ok')
          .map((c) => ({
            kind: 'suggestion' as const,
            title: `${c.label}: ${c.status === 'fail' ? 'needs attention now' : 'worth a look'}`,
            body: c.fix ? `${c.detail} ${c.fix}` : c.detail,
            evidence: [{ label: c.label, value: c.detail }],
          })),
        clientId: null,
      };
    }
    if (task === 'workout_optimizer' && clientId) {
      const plan = planOf(clientId);
      const facts = {
        client: 'Client A',
        plan: { name: plan.name, week: 3 },
        injuries: ['knee'],
        rows: [
          { ref: 'D1.1', exercise: 'Back Squat', sets: 4, reps: '5', caution: 'knee: deep knee flexion' },
          { ref: 'D2.1', exercise: 'Romanian Deadlift', sets: 3, reps: '8–10' },
        ],
        alternatives: [{ ref: 'E1', name: 'Box Squat' }],
      };
      return {
        facts,
        messages: [
          { role: 'system', content: 'You help a personal trainer adjust a training plan. Never propose an exercise that conflicts with the client’s injuries.' },
          { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
        ],
        items: [
          {
            kind: 'suggestion',
            title: `Changes to “${plan.name}” from week 3`,
            body: `Keep ${name} squatting while the knee settles.\n• Day 1: replace Back Squat with Box Squat: less knee flexion\n• Day 2: Romanian Deadlift → 3 sets, 8–10 reps: keep the hinge steady`,
            evidence: [{ label: 'Back Squat', value: 'knee: deep knee flexion' }],
            changesPlanId: plan.id,
            action: { planChange: { planId: plan.id, clientId, baseVersion: plan.version } },
          },
        ],
        clientId,
      };
    }
    if (task === 'scheduling' && clientId) {
      const facts = {
        client: 'Client A',
        habits: [{ ref: 'H1', weekday: 'Tue', time: '18:00', attended: 6 }],
        noShows: 0,
        slots: FREE_SLOTS.map(([start, end], i) => ({ ref: `S${i + 1}`, when: when(start, end), matches: i === 0 ? 'H1' : null })),
      };
      return {
        facts,
        messages: [
          { role: 'system', content: 'You help a personal trainer pick session times. Pick only among the free slots given.' },
          { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
        ],
        items: FREE_SLOTS.map(([start, end], i) => ({
          kind: 'suggestion' as const,
          title: `Book ${when(start, end)}`,
          body: i === 0 ? `At the usual time.\n${name} came on Tuesdays at 18:00 six times.` : 'The next time free for both.',
          evidence: [
            { label: 'Free for both', value: when(start, end) },
            ...(i === 0 ? [{ label: 'Usually comes', value: 'Tue 18:00 (6 times)' }] : []),
          ],
          booksSession: true,
          action: { book: { start } },
        })),
        clientId,
      };
    }
    if (task === 'nutrition' && clientId) {
      const facts = {
        client: 'Client A',
        goal: 'lose fat',
        activity: 'moderately active',
        missing: ['height (add a custom measurement named "height" in cm)'],
        restrictions: ['vegetarian'],
      };
      return {
        facts,
        messages: [
          { role: 'system', content: 'You give general nutrition guidance to a personal trainer. Not medical advice.' },
          { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
        ],
        items: [
          {
            kind: 'insight',
            title: 'Nutrition guidance (not medical advice)',
            body: [
              `Spotter cannot compute energy needs for ${name} yet. Missing: height (add a custom measurement named "height" in cm). Restrictions: vegetarian.`,
              'Meal ideas:',
              '• Greek yoghurt with oats and berries',
              '• Lentil curry with rice',
              'Guidance, not medical advice. A client with a medical condition, an eating disorder or pregnancy needs a doctor or a registered dietitian.',
            ].join('\n'),
            evidence: [{ label: 'Missing', value: 'height' }],
          },
        ],
        clientId,
      };
    }
    throw aiError(`${label(task)} is not available in this version of Spotter yet`);
  }

  /** A slot as the scheduling facts say it: "Tue 2025-02-04 18:00–19:00". */
  function when(start: string, end: string) {
    const day = new Date(`${start.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
    return `${day} ${start}–${end}`;
  }

  type Emit = (id: string, task: TaskType, clientId: string | null, stage: AgentStage, message: string) => void;

  /** ai_run: the run's events go to its channel, which ends when the run does. */
  async function run(args: Record<string, unknown>) {
    const channel = args.events as Channel<AgentEvent> | undefined;
    let index = 0;
    const emit: Emit = (id, task, clientId, stage, message) => {
      const event: AgentEvent = { executionId: id, taskType: task, clientId, stage, message, delta: null };
      events.push(event);
      if (channel) internals().runCallback(channel.id, { index: index++, message: event });
    };
    try {
      return await runRequest(args.request as RunRequest, emit);
    } finally {
      if (channel) internals().runCallback(channel.id, { index: index++, end: true });
    }
  }

  /** The weekly digest: the progress monitor for every active client, one after the other here. */
  async function digest(agent: Agent, fresh: boolean, emit: Emit): Promise<RunOutcome> {
    const active = [...ctx.clients().values()]
      .filter((c) => !c.deletedAt && !c.archivedAt && !c.pausedAt)
      .sort((a, b) => a.name.localeCompare(b.name));
    const id = `exec-${nextId++}`;
    const exec = makeExecution({ id, taskType: 'weekly_digest', status: 'running', startedAt: now(), finishedAt: null, latencyMs: null });
    executions.push(exec);
    await tick();
    emit(id, 'weekly_digest', null, 'facts', `${active.length} active clients`);
    const items: ReviewItem[] = [];
    const failed: string[] = [];
    for (const c of active) {
      try {
        const o = await runRequest({ taskType: 'progress_monitor', clientId: c.id, fresh }, emit);
        exec.promptTokens += o.execution.promptTokens;
        exec.completionTokens += o.execution.completionTokens;
        exec.costEstimateUsd += o.execution.costEstimateUsd;
        items.push(...o.items);
      } catch (e) {
        failed.push(`${c.name}: ${(e as AppError).message}`);
      }
    }
    const allFailed = active.length > 0 && failed.length === active.length;
    Object.assign(exec, {
      status: allFailed ? 'failed' : 'done',
      error: allFailed ? `every client's run failed; first: ${failed[0]}` : null,
      output: { clients: active.length, failed, items: items.length, agent: agent.id },
      finishedAt: now(),
      latencyMs: 2000,
    });
    emit(id, 'weekly_digest', null, allFailed ? 'failed' : 'done', `${active.length} clients, ${items.length} ${items.length === 1 ? 'item' : 'items'} for review, ${failed.length} failed`);
    if (allFailed) throw aiError(exec.error!);
    return { execution: named(exec), items };
  }

  async function runRequest(req: RunRequest, emit: Emit): Promise<RunOutcome> {
    const { task, agent, clientId } = route(req);
    if (task === 'weekly_digest') return digest(agent, req.fresh, emit);
    const prepared = prepare(task, clientId);
    const targets = chain(agent);
    const started = Date.now();

    if (!req.fresh) {
      const hit = [...executions]
        .reverse()
        .find((e) => e.taskType === task && e.clientId === clientId && e.status === 'done' && !e.fromCache && e.providerName);
      if (hit) {
        const id = `exec-${nextId++}`;
        const at = now();
        executions.push(makeExecution({ ...hit, id, fromCache: true, sent: null, startedAt: at, finishedAt: at, latencyMs: 3, promptTokens: 0, completionTokens: 0, costEstimateUsd: 0, attempts: 0 }));
        await tick();
        emit(id, task, clientId, 'done', 'Same input as a recent run: its answer is reused');
        return { execution: named(executions.at(-1)!), items: review.filter((r) => r.executionId === hit.id).map(named) };
      }
    }

    const id = `exec-${nextId++}`;
    const exec = makeExecution({ id, taskType: task, clientId, status: 'running', startedAt: now(), finishedAt: null, latencyMs: null, facts: prepared.facts, inputFingerprint: `fp-${task}-${clientId ?? ''}` });
    executions.push(exec);
    await tick();
    emit(id, task, clientId, 'facts', 'Facts computed');

    const finish = (status: ExecutionStatus, error: string | null) => {
      exec.status = status;
      exec.error = error;
      exec.finishedAt = now();
      exec.latencyMs = 1200 + (Date.now() - started);
    };

    let fromModel = false;
    if (targets.length === 0) {
      exec.output = { computedOnly: true, note: 'no AI provider is set up' };
    } else {
      const first = targets[0]!;
      exec.sent = prepared.messages;
      await tick();
      emit(id, task, clientId, 'queued', 'Waiting for a free slot');
      await tick();
      emit(id, task, clientId, 'model', `Asking ${first.provider.name} (${first.model})`);
      if (holding) {
        const how = await new Promise<'go' | 'cancel'>((resolve) => held.set(id, resolve));
        held.delete(id);
        if (how === 'cancel') {
          finish('cancelled', 'cancelled');
          emit(id, task, clientId, 'cancelled', 'cancelled');
          throw { code: 'cancelled', message: 'cancelled' } satisfies AppError;
        }
      }
      await tick();
      emit(id, task, clientId, 'validating', 'Checking the answer against the facts');
      Object.assign(exec, {
        providerName: first.provider.name,
        model: first.model,
        promptTokens: 812,
        completionTokens: 164,
        costEstimateUsd: 0.0002202,
        attempts: 1,
        output: { insights: prepared.items.map((it, i) => ({ title: it.title, text: it.body, refs: [`f${i + 1}`] })) },
      });
      fromModel = true;
    }
    finish('done', null);
    const at = now();
    // Like the runtime: a finding already waiting for review is not queued twice. Only for the
    // health checker here, whose findings repeat until fixed: the other agents' canned answers
    // never change, so "ask again" would otherwise never add anything.
    const waiting = review.filter((r) => task === 'health_check' && r.status === 'open' && r.taskType === task && r.clientId === prepared.clientId);
    const items = prepared.items
      .filter((it) => !waiting.some((w) => w.title === it.title && w.body === it.body))
      .map(({ action, ...it }) => {
        const item = makeReviewItem({ ...it, id: `review-${nextId++}`, executionId: id, taskType: task, clientId: prepared.clientId, fromModel, createdAt: at });
        if (action) actions.set(item.id, action);
        return item;
      });
    review = [...items, ...review];
    await tick();
    emit(id, task, clientId, 'done', `${items.length} ${items.length === 1 ? 'item' : 'items'} for review`);
    return { execution: named(exec), items: items.map(named) };
  }

  type Send = (event: AgentEvent) => void;

  /** ai_chat_ask: the answer's pieces go to the channel, which ends when the answer does. */
  async function chatAsk(args: Record<string, unknown>) {
    const channel = args.events as Channel<AgentEvent> | undefined;
    let index = 0;
    const send: Send = (event) => {
      events.push(event);
      if (channel) internals().runCallback(channel.id, { index: index++, message: event });
    };
    try {
      return await ask(String(args.client ?? ''), String(args.question ?? ''), send);
    } finally {
      if (channel) internals().runCallback(channel.id, { index: index++, end: true });
    }
  }

  /** Like the runtime's ask: the question is checked, kept, answered (streamed), and the answer kept. */
  async function ask(client: string, raw: string, send: Send): Promise<ChatMessage> {
    const question = raw.trim();
    if (!question) throw invalid('question', 'Type a question about the client');
    if ([...question].length > 2000) throw invalid('question', 'Keep the question under 2000 characters');
    const { agent, clientId } = route({ taskType: 'client_chat', clientId: client, fresh: true });
    const cid = clientId!;
    const name = clientName(cid) ?? 'The client';
    const id = `exec-${nextId++}`;
    const started = Date.now();
    const exec = makeExecution({ id, taskType: 'client_chat', clientId: cid, status: 'running', startedAt: now(), finishedAt: null, latencyMs: null });
    executions.push(exec);
    const chat = chats.get(cid) ?? [];
    chats.set(cid, chat);
    chat.push({ id: `chat-${nextId++}`, clientId: cid, role: 'user', content: question, unverified: [], createdAt: now() });
    const event = (stage: AgentStage, message: string, delta: string | null = null): AgentEvent => ({
      executionId: id,
      taskType: 'client_chat',
      clientId: cid,
      stage,
      message,
      delta,
    });
    const finish = (status: ExecutionStatus, error: string | null) => {
      Object.assign(exec, { status, error, finishedAt: now(), latencyMs: 900 + (Date.now() - started) });
    };

    const targets = chain(agent);
    let answer: string;
    let unverified: string[] = [];
    if (targets.length === 0) {
      answer = [
        'No AI provider is set up, so here is what Spotter computed:',
        `• Squat is climbing steadily: ${name} added 10 kg to the estimated squat 1RM in 6 weeks.`,
        `• Keep the attendance streak going: ${name} came to 7 of 8 sessions.`,
      ].join('\n');
      exec.output = { computedOnly: true };
    } else {
      const first = targets[0]!;
      await tick();
      send(event('model', `Asking ${first.provider.name} (${first.model})`));
      answer = question.includes('250')
        ? `${name} has no 250 kg lift on record: the best estimated squat 1RM is 110 kg, up from 100 kg in 6 weeks.`
        : `${name} added 10 kg to the estimated squat 1RM in 6 weeks and came to 7 of 8 sessions.`;
      unverified = question.includes('250') ? ['250'] : [];
      const words = answer.split(' ');
      const cuts = [3, 8, words.length];
      for (const [i, cut] of cuts.entries()) {
        await tick();
        // Each piece carries the whole answer so far, as the runtime sends it.
        send(event('delta', '', words.slice(0, cut).join(' ')));
        if (i === 1 && holding) {
          const how = await new Promise<'go' | 'cancel'>((resolve) => held.set(id, resolve));
          held.delete(id);
          if (how === 'cancel') {
            finish('cancelled', 'cancelled');
            send(event('cancelled', 'cancelled'));
            throw { code: 'cancelled', message: 'cancelled' } satisfies AppError;
          }
        }
      }
      Object.assign(exec, {
        providerName: first.provider.name,
        model: first.model,
        promptTokens: 640,
        completionTokens: 40,
        costEstimateUsd: 0.00012,
        attempts: 1,
        output: { answer, unverified },
      });
    }
    finish('done', null);
    const message: ChatMessage = { id: `chat-${nextId++}`, clientId: cid, role: 'assistant', content: answer, unverified, createdAt: now() };
    chat.push(message);
    await tick();
    send(event('done', 'Answered'));
    return { ...message, unverified: [...message.unverified] };
  }

  const summary = (e: Execution): ExecutionSummary => {
    const { facts, sent, output, inputFingerprint, ...rest } = named(e);
    return rest;
  };

  const openItem = (id: unknown) => {
    const item = review.find((r) => r.id === id);
    if (!item) throw notFound('review item');
    if (item.status !== 'open') throw invalid('id', `This item was already ${item.status}`);
    return item;
  };

  function metrics(): DayMetrics[] {
    const days = new Map<string, Execution[]>();
    for (const e of executions) days.set(e.startedAt.slice(0, 10), [...(days.get(e.startedAt.slice(0, 10)) ?? []), e]);
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

  current = {
    keychain,
    providers: () => providers.map(withKey),
    agents: () => agents,
    review: () => review,
    executions: () => executions,
    holdRuns: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const go of held.values()) go('go');
    },
    events,
    setHealth: (report) => {
      healthFindings = report.checks;
      latestHealth = makeHealthReport(report.checks, report.checkedAt);
    },
    setHealthFindings: (checks) => {
      healthFindings = checks;
    },
    health: () => latestHealth,
    plan: planOf,
    planChanged: (clientId) => {
      planOf(clientId).version += 1;
    },
    takeSlot: (start) => {
      taken.add(start);
    },
    booked: () => booked,
    chats: () => chats,
  };

  return {
    ai_providers_list: () => providers.map(withKey),
    ai_provider_create: (args) => {
      const v = validateProvider(args.input as ProviderInput);
      const p = { id: `p-new-${nextId++}`, ...v, position: providers.length + 1 };
      providers.push(p);
      return withKey(p);
    },
    ai_provider_update: (args) => {
      const p = provider(args.id);
      Object.assign(p, validateProvider(args.input as ProviderInput));
      return withKey(p);
    },
    ai_provider_delete: (args) => {
      const p = provider(args.id);
      needKeychain();
      keychain.delete(p.id);
      providers = providers.filter((x) => x !== p).map((x, i) => ({ ...x, position: i + 1 }));
      return null;
    },
    ai_providers_reorder: (args) => {
      const ids = args.ids as string[];
      const ok = ids.length === providers.length && new Set(ids).size === ids.length && ids.every((id) => providers.some((p) => p.id === id));
      if (!ok) throw invalid('ids', 'Name every provider exactly once');
      providers = ids.map((id, i) => ({ ...provider(id), position: i + 1 }));
      return providers.map(withKey);
    },
    ai_key_set: (args) => {
      const p = provider(args.id);
      const key = String(args.key).trim();
      if (!key) throw invalid('apiKey', 'Paste the API key (it is kept in the system keychain)');
      if (/\s/.test(key)) throw invalid('apiKey', 'An API key has no spaces or line breaks; paste just the key');
      needKeychain();
      keychain.add(p.id); // the key itself is dropped here, as the real keychain would keep it
      return withKey(p);
    },
    ai_key_remove: (args) => {
      const p = provider(args.id);
      needKeychain();
      keychain.delete(p.id);
      return withKey(p);
    },
    ai_provider_check: (args) => checkProvider(provider(args.id)),
    ai_status: () =>
      ({
        keychainOk,
        keychainMessage: keychainOk ? null : KEYCHAIN_HELP,
        providers: providers.map((p) => ({ providerId: p.id, name: p.name, circuit: seed.circuits?.[p.id] ?? 'closed' })),
      }) satisfies AiStatus,

    // Copies: the cache must never hold the objects this fake changes.
    ai_health: () => structuredClone(latestHealth ?? checkHealth()),
    ai_health_check: () => structuredClone(checkHealth()),

    ai_agents_list: () => agents.map((a) => ({ ...a })),
    ai_agent_update: (args) => {
      const agent = agents.find((a) => a.id === args.id);
      if (!agent) throw notFound('agent');
      const input = args.input as AgentInput;
      if (!(Number.isFinite(input.temperature) && input.temperature >= 0 && input.temperature <= 2)) {
        throw invalid('temperature', 'The temperature must be between 0 and 2');
      }
      const providerId = input.providerId?.trim() || null;
      if (providerId && !providers.some((p) => p.id === providerId)) throw invalid('providerId', 'No such provider');
      const model = input.model?.trim() || null;
      if (model && model.length > 120) throw invalid('model', 'The model name is too long');
      const settings = input.settings ?? {};
      const interval = settings.intervalMinutes;
      if (interval !== undefined && !(Number.isInteger(interval) && (interval as number) >= 1 && (interval as number) <= 1440)) {
        throw invalid('intervalMinutes', 'The interval must be between 1 and 1440 minutes');
      }
      const concurrency = settings.concurrency;
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && (concurrency as number) >= 1 && (concurrency as number) <= 16)) {
        throw invalid('concurrency', 'Concurrency must be between 1 and 16');
      }
      Object.assign(agent, { enabled: input.enabled, providerId, model, temperature: input.temperature, settings });
      return { ...agent };
    },

    ai_preview: (args) => {
      const req = args.request as RunRequest;
      const task = TASKS.find(([t]) => t === req.taskType)?.[0];
      if (!task) throw invalid('taskType', `invalid task type: '${req.taskType}'`);
      const clientId = req.clientId?.trim() || null;
      if (NEEDS_CLIENT.includes(task) && !clientId) throw invalid('clientId', `${label(task)} needs a client`);
      if (clientId && !ctx.clients().has(clientId)) throw notFound('client');
      const prepared = prepare(task, clientId);
      return {
        facts: prepared.facts,
        messages: prepared.messages,
        providers: chain(agentFor(task)).map((t) => `${t.provider.name} (${t.model})`),
      } satisfies RunPreview;
    },
    ai_run: run,
    ai_chat_history: (args) => {
      const id = String(args.client ?? '');
      if (!ctx.clients().has(id)) throw invalid('clientId', 'No such client');
      return (chats.get(id) ?? []).map((m) => ({ ...m, unverified: [...m.unverified] }));
    },
    ai_chat_ask: chatAsk,
    ai_chat_clear: (args) => {
      const id = String(args.client ?? '');
      if (!ctx.clients().has(id)) throw invalid('clientId', 'No such client');
      chats.delete(id);
      return null;
    },
    ai_cancel: (args) => {
      const go = held.get(String(args.id));
      go?.('cancel');
      return go !== undefined;
    },

    ai_executions_list: (args) => {
      const q = args.query as ExecutionQuery;
      return [...executions]
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
        .filter((e) => (!q.taskType || e.taskType === q.taskType) && (!q.status || e.status === q.status) && (!q.clientId || e.clientId === q.clientId))
        .slice(0, q.limit ?? 200)
        .map(summary);
    },
    ai_execution_get: (args) => {
      const found = executions.find((e) => e.id === args.id);
      if (!found) throw notFound('execution');
      return named(found);
    },
    ai_metrics: () => seed.metrics ?? metrics(),

    ai_review_list: (args) => {
      const q = args.query as ReviewQuery;
      return review
        .filter((r) => (!q.status || r.status === q.status) && (!q.clientId || r.clientId === q.clientId) && (!q.executionId || r.executionId === q.executionId))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map(named);
    },
    ai_review_accept: (args) => {
      const item = openItem(args.id);
      const edited = typeof args.edited === 'string' ? args.edited.trim() : '';
      // Like the runtime: a plan change becomes a new plan version, a proposed slot a booked
      // session, only now; a plan saved since or a slot taken since is refused, the item stays open.
      const action = actions.get(item.id);
      let result: string | null = null;
      if (action && 'planChange' in action) {
        const plan = planOf(action.planChange.clientId);
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
        if (taken.has(start) || booked.includes(start)) {
          throw invalid(
            'id',
            `That time is no longer free: ${start} overlaps another session (Personal training). Nothing was booked; run the scheduling agent again or book it in the calendar.`,
          );
        }
        booked.push(start);
        result = `session booked for ${start}`;
      } else if (item.clientId) {
        // Like review.rs: the accepted text and its evidence become a note on the client's record.
        const text = edited && edited !== item.body.trim() ? edited : item.body.trim();
        const kind = item.kind === 'insight' ? 'Insight' : 'Suggestion';
        const evidence = item.evidence.map((e) => `\n· ${e.label}: ${e.value}`).join('');
        ctx.invoke('note_add', { client: item.clientId, body: `${kind} accepted: ${item.title}\n${text}${evidence}` });
        result = `noted in ${clientName(item.clientId) ?? 'the client'}'s notes`;
      }
      Object.assign(item, {
        status: 'accepted',
        editedBody: edited && edited !== item.body.trim() ? edited : null,
        result,
        decidedAt: now(),
      });
      return named(item);
    },
    ai_review_dismiss: (args) => {
      const item = openItem(args.id);
      const reason = String(args.reason ?? '').trim();
      if (!reason) throw invalid('reason', 'Say why it is dismissed (e.g. "already known", "wrong")');
      Object.assign(item, { status: 'dismissed', dismissReason: reason, decidedAt: now() });
      return named(item);
    },
  };
}
