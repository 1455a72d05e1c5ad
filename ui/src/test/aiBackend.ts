// In-memory stand-ins for the ai_* commands (providers and a fake keychain, agents, runs with
// progress on the run's channel, the execution log, metrics, the review queue). Installed by
// installBackend (backend.ts) for every test; seedAi() before installBackend seeds it, and
// aiBackend() reaches the instance a test installed (to hold a run, peek at the keychain).
// The agents, and the shape of review items and executions, are the real core's
// (fixtures/ai.json); the rules of Settings → AI and the review queue are copies replayed
// against the core's recorded answers by standIn.contract.test.ts. The parts live in ai/:
// model.ts (types, makers), state.ts, settings.ts, health.ts, facts.ts (each agent's canned
// facts and items), runs.ts, chat.ts, review.ts.
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
import type { BackendContext } from './backend';
import { healthHandlers } from './ai/health';
import { chatHandlers } from './ai/chat';
import { makeHealthReport, type AiControl, type AiSeed } from './ai/model';
import { reviewHandlers } from './ai/review';
import { runHandlers } from './ai/runs';
import { settingsHandlers } from './ai/settings';
import { createState } from './ai/state';
import type { StandIn } from './standIn';

export {
  FREE_SLOTS,
  KEYCHAIN_HELP,
  makeExecution,
  makeHealthCheck,
  makeHealthReport,
  makeReviewItem,
  type AiControl,
  type AiSeed,
  type FakePlan,
  type HealthSeed,
} from './ai/model';

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

export function aiHandlers(ctx: BackendContext): StandIn {
  const ai = createState(ctx, pending);
  pending = {};
  current = {
    keychain: ai.keychain,
    providers: () => ai.providers.map(ai.withKey),
    agents: () => ai.agents,
    review: () => ai.review,
    executions: () => ai.executions,
    holdRuns: () => {
      ai.holding = true;
    },
    release: () => {
      ai.holding = false;
      for (const go of ai.held.values()) go('go');
    },
    events: ai.events,
    setHealth: (report) => {
      ai.healthFindings = report.checks;
      ai.latestHealth = makeHealthReport(report.checks, report.checkedAt);
    },
    setHealthFindings: (checks) => {
      ai.healthFindings = checks;
    },
    health: () => ai.latestHealth,
    plan: ai.planOf,
    planChanged: (clientId) => {
      ai.planOf(clientId).version += 1;
    },
    takeSlot: (start) => {
      ai.taken.add(start);
    },
    booked: () => ai.booked,
    chats: () => ai.chats,
  };
  return { ...settingsHandlers(ai), ...healthHandlers(ai), ...runHandlers(ai), ...chatHandlers(ai), ...reviewHandlers(ai) };
}
