// Every React Query cache key of the UI, and the invalidation sets named by what changed. A write
// says what it changed (`changed.plan(qc, plan)`), never which keys to touch: the knowledge of
// which screens show what lives here, once. Keys are nested arrays, so invalidating a prefix
// (['sessions']) refreshes everything under it.
import type { QueryClient } from '@tanstack/react-query';
import type {
  Agent,
  CalendarQuery,
  ChatMessage,
  Client,
  ClientListQuery,
  DashboardQuery,
  ExecutionQuery,
  ExerciseQuery,
  FirstStart,
  HealthReport,
  Plan,
  PlanListQuery,
  Provider,
  Retention,
  ReviewItem,
  ReviewQuery,
  RunRequest,
  Settings,
} from './bindings';

// ---- the app and clients ----

export const appKeys = {
  appInfo: ['appInfo'] as const,
  firstStart: ['firstStart'] as const,
  defaultExportDir: ['defaultExportDir'] as const,
  updateCheck: ['update-check'] as const,
  quickFind: (text: string) => ['quickFind', text] as const,
};

export const clientKeys = {
  all: ['clients'] as const,
  lists: ['clients', 'list'] as const,
  list: (query: ClientListQuery) => ['clients', 'list', query] as const,
  /** Under ['clients', 'list'], so every client change refreshes it too. */
  overview: (query: unknown) => ['clients', 'list', 'overview', query] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
  clearanceWarnings: (ids: string[]) => ['clearanceWarnings', ...ids] as const,
};

export const recordKeys = {
  intakes: (client: string) => ['clients', 'intakes', client] as const,
  measurements: (client: string) => ['clients', 'measurements', client] as const,
  notes: (client: string) => ['clients', 'notes', client] as const,
  questions: ['intakeQuestions'] as const,
};

// ---- scheduling and settings ----

export const scheduleKeys = {
  trainers: ['trainers'] as const,
  rooms: ['rooms'] as const,
  settings: ['settings'] as const,
  sessions: ['sessions'] as const,
  range: (query: CalendarQuery) => ['sessions', 'range', query] as const,
  noRange: ['sessions', 'range', 'none'] as const,
  session: (id: string) => ['sessions', 'detail', id] as const,
  clientSessions: (client: string) => ['sessions', 'client', client] as const,
  series: (id: string) => ['sessions', 'series', id] as const,
  dashboard: (query: DashboardQuery) => ['sessions', 'dashboard', query] as const,
};

export const dataKeys = {
  backups: ['backups'] as const,
  retention: ['backups', 'retention'] as const,
};

// ---- training: the library, plans, logs and progress ----

export const trainingKeys = {
  exercises: ['training', 'exercises'] as const,
  exerciseList: (query: ExerciseQuery) => ['training', 'exercises', 'list', query] as const,
  plans: ['training', 'plans'] as const,
  planLists: ['training', 'plans', 'list'] as const,
  planList: (query: PlanListQuery) => ['training', 'plans', 'list', query] as const,
  plan: (id: string) => ['training', 'plans', 'detail', id] as const,
  versions: (id: string) => ['training', 'plans', 'versions', id] as const,
  version: (id: string, version: number) => ['training', 'plans', 'version', id, version] as const,
  compare: (id: string, from: number, to: number) => ['training', 'plans', 'compare', id, from, to] as const,
  allPlanDates: ['training', 'plans', 'dates'] as const,
  planDates: (id: string) => ['training', 'plans', 'dates', id] as const,
  logs: ['training', 'logs'] as const,
  logList: (client: string) => ['training', 'logs', 'client', client] as const,
  log: (id: string) => ['training', 'logs', 'detail', id] as const,
  prefill: (plan: string, week: number, day: number) => ['training', 'logs', 'prefill', plan, week, day] as const,
  noPrefill: ['training', 'logs', 'prefill', 'none'] as const,
  lastTime: (client: string, before: string, except: string | null, exercises: string[]) =>
    ['training', 'logs', 'last', client, before, except, ...exercises] as const,
  progress: (client: string) => ['training', 'progress', client] as const,
};

// ---- AI: all under 'ai', so a run can refresh exactly what it changed ----

export const aiKeys = {
  all: ['ai'] as const,
  providers: ['ai', 'providers'] as const,
  status: ['ai', 'status'] as const,
  health: ['ai', 'health'] as const,
  agents: ['ai', 'agents'] as const,
  preview: (request: RunRequest) => ['ai', 'preview', request] as const,
  executions: ['ai', 'executions'] as const,
  executionList: (query: ExecutionQuery) => ['ai', 'executions', 'list', query] as const,
  execution: (id: string) => ['ai', 'executions', 'detail', id] as const,
  allMetrics: ['ai', 'metrics'] as const,
  metrics: (days: number) => ['ai', 'metrics', days] as const,
  review: ['ai', 'review'] as const,
  reviewList: (query: ReviewQuery) => ['ai', 'review', 'list', query] as const,
  chat: (clientId: string) => ['ai', 'chat', clientId] as const,
};

// ---- invalidation sets, by what changed ----

const refresh = (qc: QueryClient, queryKey: readonly unknown[]) => qc.invalidateQueries({ queryKey });

export const changed = {
  /** A client was saved: the detail takes the fresh copy and every list refetches. */
  client(qc: QueryClient, client: Client) {
    qc.setQueryData(clientKeys.detail(client.id), client);
    return refresh(qc, clientKeys.lists);
  },

  /**
   * A client was deleted. The detail is marked stale without refetching: the open page is about
   * to navigate away and a refetch now would only flash "not found". A later visit asks again.
   */
  clientDeleted(qc: QueryClient, id: string) {
    void qc.invalidateQueries({ queryKey: clientKeys.detail(id), refetchType: 'none' });
    return refresh(qc, clientKeys.lists);
  },

  /**
   * Something that changes how a client shows up (paused, clearance, an intake's "yes"): the
   * detail takes the fresh client (or refetches) and the lists refetch; so do sessions and the
   * dashboard, which show the clearance flag and leave paused clients out of "needs attention".
   */
  clientStanding(qc: QueryClient, id: string, fresh?: Client) {
    return Promise.all([
      fresh ? qc.setQueryData(clientKeys.detail(id), fresh) : refresh(qc, clientKeys.detail(id)),
      refresh(qc, clientKeys.lists),
      refresh(qc, scheduleKeys.sessions),
    ]);
  },

  /** New clients came in from a file. */
  clientsImported: (qc: QueryClient) => refresh(qc, clientKeys.lists),

  /** An intake was recorded: its list, and the client (a "yes" flags clearance). */
  intake: (qc: QueryClient, client: string) =>
    Promise.all([refresh(qc, recordKeys.intakes(client)), changed.clientStanding(qc, client)]),
  measurements: (qc: QueryClient, client: string) => refresh(qc, recordKeys.measurements(client)),
  notes: (qc: QueryClient, client: string) => refresh(qc, recordKeys.notes(client)),

  /** Any session write: every calendar range, session detail, client sessions and the dashboard. */
  sessions: (qc: QueryClient) => refresh(qc, scheduleKeys.sessions),
  trainers: (qc: QueryClient) => refresh(qc, scheduleKeys.trainers),
  rooms: (qc: QueryClient) => refresh(qc, scheduleKeys.rooms),
  settings: (qc: QueryClient, settings: Settings) => qc.setQueryData(scheduleKeys.settings, settings),

  exercises: (qc: QueryClient) => refresh(qc, trainingKeys.exercises),

  /** A plan changed: its detail takes the fresh copy; lists and its history refetch. */
  plan(qc: QueryClient, plan: Plan) {
    qc.setQueryData(trainingKeys.plan(plan.id), plan);
    return Promise.all([refresh(qc, trainingKeys.planLists), refresh(qc, trainingKeys.versions(plan.id))]);
  },

  /** Not refetched: the open editor is about to leave, and a refetch would flash "not found". */
  planDeleted(qc: QueryClient, id: string) {
    void qc.invalidateQueries({ queryKey: trainingKeys.plan(id), refetchType: 'none' });
    return refresh(qc, trainingKeys.planLists);
  },

  /** Plans changed in ways only the backend knows (an accepted AI suggestion). */
  plans: (qc: QueryClient) => refresh(qc, trainingKeys.plans),

  /** A workout log was written: lists, progress and the plan schedules ("Logged") refresh. */
  log: (qc: QueryClient, client: string) =>
    Promise.all([
      refresh(qc, trainingKeys.logs),
      refresh(qc, trainingKeys.progress(client)),
      refresh(qc, trainingKeys.allPlanDates),
    ]),

  /** Providers and their circuits changed: the list, the health panel and previews follow. */
  providers: (qc: QueryClient) => Promise.all([refresh(qc, aiKeys.providers), refresh(qc, aiKeys.status)]),
  /** The fallback order changed: the list as saved; the status (which provider is tried first) refetches. */
  providersReordered(qc: QueryClient, list: Provider[]) {
    qc.setQueryData(aiKeys.providers, list);
    void changed.aiStatus(qc);
  },
  /** A check ran now: the light and the list show its report at once. */
  healthReport: (qc: QueryClient, report: HealthReport) => qc.setQueryData(aiKeys.health, report),
  /** An agent's settings were saved: it takes its place in the list. */
  agent: (qc: QueryClient, agent: Agent) =>
    qc.setQueryData<Agent[]>(aiKeys.agents, (list) => list?.map((a) => (a.id === agent.id ? agent : a))),
  /** A provider's circuit may have opened or closed (a check sent a real request). */
  aiStatus: (qc: QueryClient) => refresh(qc, aiKeys.status),

  /** An agent run ended (however): the review queue, the log and the metrics; a health check's report too. */
  agentRun: (qc: QueryClient, request: RunRequest) =>
    Promise.all([
      refresh(qc, aiKeys.review),
      refresh(qc, aiKeys.executions),
      refresh(qc, aiKeys.allMetrics),
      // The health checker's run checks everything again: the light follows.
      request.taskType === 'health_check' ? refresh(qc, aiKeys.health) : null,
    ]),

  /** A question about a client was answered (or failed): the chat, the log and the metrics. */
  chat: (qc: QueryClient, clientId: string) =>
    Promise.all([refresh(qc, aiKeys.chat(clientId)), refresh(qc, aiKeys.executions), refresh(qc, aiKeys.allMetrics)]),
  chatCleared: (qc: QueryClient, clientId: string) => qc.setQueryData<ChatMessage[]>(aiKeys.chat(clientId), []),

  review: (qc: QueryClient) => refresh(qc, aiKeys.review),

  /**
   * An item was accepted. One that changes a plan saved a new version of it, one that books a
   * session put it in the calendar, any other about a client became a note on the client's
   * record: those screens refresh too.
   */
  reviewAccepted: (qc: QueryClient, item: ReviewItem) =>
    Promise.all([
      changed.review(qc),
      item.changesPlanId ? changed.plans(qc) : null,
      item.booksSession ? changed.sessions(qc) : null,
      item.clientId ? changed.notes(qc, item.clientId) : null,
    ]),

  backups: (qc: QueryClient) => refresh(qc, dataKeys.backups),
  /** The retention decides which backups are kept: the list (only the list) refetches. */
  retention(qc: QueryClient, saved: Retention) {
    qc.setQueryData(dataKeys.retention, saved);
    return qc.invalidateQueries({ queryKey: dataKeys.backups, exact: true });
  },

  /**
   * Another database was opened (the demo data or the trainer's own): nothing cached from the
   * last one may stay. What is not on screen is dropped; what is on screen fetches again in
   * place (no blank redraw of the whole app).
   */
  async database(qc: QueryClient, state: FirstStart) {
    qc.setQueryData(appKeys.firstStart, state);
    qc.removeQueries({ type: 'inactive' });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== appKeys.firstStart[0] });
  },

  /** The welcome wrote the trainer, settings and perhaps demo data: everything reads again. */
  async everything(qc: QueryClient) {
    await qc.invalidateQueries();
  },
};
