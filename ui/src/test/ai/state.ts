// The AI stand-in's in-memory state, shared by its parts (settings, health, runs, chat,
// review): it starts from the agents the core sets up (fixtures/ai.json) and what the test
// seeded with seedAi().
import type { AgentEvent, Agent, AppError, ChatMessage, Execution, HealthCheck, HealthReport, Provider, ReviewItem } from '../../bindings';
import type { BackendContext } from '../backend';
import { aiFixture } from '../fixtures';
import { KEYCHAIN_HELP, makeHealthReport, notFound, type Action, type AiSeed, type FakePlan } from './model';

export type StoredProvider = Omit<Provider, 'hasKey'>;

export interface AiState {
  ctx: BackendContext;
  seed: AiSeed;
  keychainOk: boolean;
  /** Ids of providers whose key is in the fake keychain (the keys themselves are dropped). */
  keychain: Set<string>;
  providers: StoredProvider[];
  agents: Agent[];
  review: ReviewItem[];
  executions: Execution[];
  nextId: number;
  now: () => string;
  holding: boolean;
  held: Map<string, (how: 'go' | 'cancel') => void>;
  events: AgentEvent[];
  healthFindings: HealthCheck[] | null;
  latestHealth: HealthReport | null;
  plans: Map<string, FakePlan>;
  /** What accepting an item does, kept beside it as the runtime keeps its action column. */
  actions: Map<string, Action>;
  taken: Set<string>;
  booked: string[];
  chats: Map<string, ChatMessage[]>;
  planOf: (clientId: string) => FakePlan;
  withKey: (p: StoredProvider) => Provider;
  provider: (id: unknown) => StoredProvider;
  needKeychain: () => void;
  clientName: (id: string | null) => string | null;
  named: <T extends { clientId: string | null; clientName: string | null }>(x: T) => T;
}

export function createState(ctx: BackendContext, seed: AiSeed): AiState {
  let clock = Date.parse('2025-02-01T12:00:00Z');
  const ai: AiState = {
    ctx,
    seed,
    keychainOk: seed.keychainOk ?? true,
    keychain: new Set(seed.keys ?? []),
    providers: (seed.providers ?? []).map((p, i) => ({
      id: p.id ?? `p-${p.name.toLowerCase().replace(/\W+/g, '-')}`,
      kind: 'compatible',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1:8b',
      timeoutSeconds: 60,
      enabled: true,
      ...p,
      position: i + 1,
    })),
    agents: aiFixture.agents.map((a) => ({ ...structuredClone(a), ...seed.agents?.[a.taskType] })),
    review: (seed.review ?? []).map((r) => ({ ...r })),
    executions: (seed.executions ?? []).map((e) => ({ ...e })),
    nextId: 1,
    now: () => new Date((clock += 60_000)).toISOString(),
    holding: false,
    held: new Map(),
    events: [],
    healthFindings: seed.health?.checks ?? null,
    latestHealth: seed.health ? makeHealthReport(seed.health.checks, seed.health.checkedAt) : null,
    plans: new Map(),
    actions: new Map(),
    taken: new Set(),
    booked: [],
    chats: new Map(),
    planOf: (clientId) => {
      let plan = ai.plans.get(clientId);
      if (!plan) ai.plans.set(clientId, (plan = { id: `plan-${clientId}`, name: 'Strength block', version: 4 }));
      return plan;
    },
    withKey: (p) => ({ ...p, hasKey: ai.keychainOk && ai.keychain.has(p.id) }),
    provider: (id) => {
      const found = ai.providers.find((p) => p.id === id);
      if (!found) throw notFound('provider');
      return found;
    },
    needKeychain: () => {
      if (!ai.keychainOk) throw { code: 'keychain', message: KEYCHAIN_HELP } satisfies AppError;
    },
    clientName: (id) => (id ? (ai.ctx.clients().get(id)?.name ?? null) : null),
    named: (x) => ({ ...x, clientName: ai.clientName(x.clientId) }),
  };
  return ai;
}
