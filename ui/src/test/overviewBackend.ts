// Stand-ins for the client list's clients_overview (clients/overview.rs) and Ctrl+K's quick_find
// (quick_find/): the computed columns come from the test's seed; filtering, sorting (clients
// without a value last either way) and paging follow the core.
import type {
  CalendarEntry,
  Client,
  ClientOverview,
  ClientOverviewQuery,
  Exercise,
  PlanSummary,
  QuickFindResults,
} from '../bindings';
import type { BackendContext } from './backend';
import type { StandIn } from './standIn';

/** What a client's computed columns are, by client id. */
export type OverviewSeed = Record<string, Partial<Omit<ClientOverview, 'client'>>>;

export function overviewHandlers(ctx: BackendContext, seed: OverviewSeed, calendar: CalendarEntry[]): StandIn {
  const row = (client: Client): ClientOverview => ({
    client,
    lastSession: null,
    nextSession: null,
    currentPlanId: null,
    currentPlanName: null,
    adherence: null,
    ...seed[client.id],
  });
  return {
    clients_overview: (args) => {
      const q = args.query as ClientOverviewQuery;
      const needle = (q.search ?? '').trim().toLowerCase();
      const wanted = (c: Client) =>
        q.status === 'all' || (q.status === 'active' && c.status !== 'archived') || q.status === c.status;
      const dir = q.direction === 'desc' ? -1 : 1;
      const byName = (a: ClientOverview, b: ClientOverview) => a.client.name.localeCompare(b.client.name);
      const key = { name: null, last_session: 'lastSession', next_session: 'nextSession', adherence: 'adherence' } as const;
      const column = key[q.sort];
      const rows = [...ctx.clients().values()]
        .filter((c) => !c.deletedAt && wanted(c))
        .filter((c) => needle === '' || [c.name, c.email ?? '', c.phone ?? '', ...c.tags].some((t) => t.toLowerCase().includes(needle)))
        .map(row)
        .sort((a, b) => {
          if (column === null) return dir * byName(a, b);
          const [x, y] = [a[column], b[column]];
          if (x == null || y == null) return x == null && y == null ? byName(a, b) : x == null ? 1 : -1;
          return (x < y ? -dir : x > y ? dir : 0) || byName(a, b);
        });
      const limit = q.limit ?? 100;
      return { clients: rows.slice(q.offset, q.offset + limit), total: rows.length };
    },
    // Words against names; an ISO date in the text picks a day of the seeded calendar.
    quick_find: (args): QuickFindResults => {
      const text = String(args.text).trim().toLowerCase();
      if (text === '') return { exercises: [], plans: [], sessions: [] };
      const date = /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? null;
      const words = text.split(/\s+/).filter((w) => w !== date);
      const has = (name: string) => words.every((w) => name.toLowerCase().includes(w));
      // The training stand-in is there only when a test seeds it.
      const list = <T,>(cmd: string): T[] => {
        try {
          return ctx.invoke(cmd, { query: {} }) as T[];
        } catch {
          return [];
        }
      };
      const exercises = list<Exercise>('exercises_list')
        .filter((e) => has(e.name))
        .slice(0, 5)
        .map((e) => ({ id: e.id, name: e.name, pattern: e.pattern }));
      const plans = list<PlanSummary>('plans_list')
        .filter((p) => has(`${p.name} ${p.clientName ?? ''}`))
        .slice(0, 5)
        .map((p) => ({ id: p.id, name: p.name, isTemplate: p.isTemplate, clientName: p.clientName ?? null }));
      const sessions = calendar
        .filter((e) => (date === null || e.start.startsWith(date)) && (words.length === 0 || has(e.label)))
        .filter(() => date !== null || words.length > 0)
        .slice(0, 6)
        .map((e) => ({ id: e.id, label: e.label, startUtc: e.start, startLocal: e.start.slice(0, 16), timeZone: e.timeZone, status: e.status }));
      return { exercises, plans, sessions };
    },
  };
}
