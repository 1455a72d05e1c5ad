// Stand-in for the first-start commands (first_start_get, welcome_complete, data_dir_use):
// the welcome's state, its answers, and a demo "data directory" that swaps the client list.
// The real switch reopens SQLite in the shell; the e2e suite covers that.

import type { AppError, Client, FirstStart, Settings, WelcomeInput } from '../bindings';
import type { BackendContext } from './backend';
import type { StandIn } from './standIn';

export interface FirstStartSeed {
  needsWelcome?: boolean;
  /** The clients the demo data directory holds. */
  demoClients?: Client[];
}

export function firstStartHandlers(ctx: BackendContext, seed: FirstStartSeed) {
  let needsWelcome = seed.needsWelcome ?? false;
  let demo = false;
  let ownClients: Client[] = [];
  const state = (): FirstStart => ({ needsWelcome: needsWelcome && !demo, demo });
  return {
    first_start_get: () => state(),
    welcome_complete: (args: Record<string, unknown>) => {
      const w = args.welcome as WelcomeInput;
      if (!w.name.trim()) throw { code: 'validation', message: 'Your name is needed', field: 'name' } satisfies AppError;
      const next: Settings = { ...ctx.settings(), units: w.units, locale: w.locale, clock: w.clock, weekStart: w.weekStart, welcomed: true };
      ctx.setSettings(next);
      needsWelcome = false;
      return next;
    },
    data_dir_use: (args: Record<string, unknown>) => {
      const wanted = args.demo === true;
      if (wanted === demo) return state();
      const clients = ctx.clients();
      if (wanted) {
        ownClients = [...clients.values()];
        clients.clear();
        for (const c of seed.demoClients ?? []) clients.set(c.id, { ...c });
      } else {
        clients.clear();
        for (const c of ownClients) clients.set(c.id, c);
      }
      demo = wanted;
      return state();
    },
  } satisfies StandIn;
}
