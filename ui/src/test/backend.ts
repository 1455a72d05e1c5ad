// An in-memory stand-in for the Rust commands, installed through Tauri's mockIPC.
// Component tests exercise the UI against it; the real IPC and database are covered by
// the WebDriver end-to-end tests (tests/e2e).
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppError, AppInfo, Client, ClientInput, ClientListQuery } from '../bindings';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

type Override = (args: Record<string, unknown>) => unknown;

export const appInfo: AppInfo = {
  version: '0.1.0',
  dataDir: '/home/test/.local/share/spotter',
  databasePath: '/home/test/.local/share/spotter/spotter.db',
  logDir: '/home/test/.local/share/spotter/logs',
  schemaVersion: 1,
  preMigrationBackup: null,
};

export function makeClient(partial: Partial<Client> & { name: string }): Client {
  const now = '2025-01-15T10:00:00Z';
  return {
    id: partial.id ?? `c-${partial.name.toLowerCase().replace(/\W+/g, '-')}`,
    email: null,
    phone: null,
    dateOfBirth: null,
    goals: '',
    notes: '',
    tags: [],
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...partial,
  };
}

function notFound(id: unknown): AppError {
  return { code: 'not_found', message: `No client with id ${String(id)}` };
}

export function installBackend(initial: Client[] = []) {
  const clients = new Map(initial.map((c) => [c.id, { ...c }]));
  const calls: Call[] = [];
  const overrides = new Map<string, Override>();
  let nextId = 1;

  const get = (id: unknown): Client => {
    const client = typeof id === 'string' ? clients.get(id) : undefined;
    if (!client || client.deletedAt) throw notFound(id);
    return client;
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    app_info: () => appInfo,
    clients_list: (args) => {
      const query = args.query as ClientListQuery;
      const needle = (query.search ?? '').trim().toLowerCase();
      const result = [...clients.values()]
        .filter((c) => !c.deletedAt)
        .filter((c) => query.status === 'all' || (query.status === 'archived') === (c.archivedAt !== null))
        .filter(
          (c) =>
            needle === '' ||
            [c.name, c.email ?? '', c.phone ?? '', ...c.tags].some((t) => t.toLowerCase().includes(needle)),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      return query.limit ? result.slice(0, query.limit) : result;
    },
    client_get: (args) => get(args.id),
    client_create: (args) => {
      const input = args.input as ClientInput;
      const client = makeClient({ ...input, id: `new-${nextId++}` });
      clients.set(client.id, client);
      return client;
    },
    client_update: (args) => {
      const client = { ...get(args.id), ...(args.input as ClientInput) };
      clients.set(client.id, client);
      return client;
    },
    client_set_archived: (args) => {
      const client = { ...get(args.id), archivedAt: args.archived ? '2025-02-01T09:00:00Z' : null };
      clients.set(client.id, client);
      return client;
    },
    client_delete: (args) => {
      const before = get(args.id);
      clients.set(before.id, { ...before, deletedAt: '2025-02-01T09:00:00Z' });
      return before;
    },
    client_restore: (args) => {
      const client = typeof args.id === 'string' ? clients.get(args.id) : undefined;
      if (!client) throw notFound(args.id);
      const restored = { ...client, deletedAt: null };
      clients.set(restored.id, restored);
      return restored;
    },
  };

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const override = overrides.get(cmd);
    if (override) {
      overrides.delete(cmd); // one-shot, like a single failed save
      return override(args);
    }
    const handler = handlers[cmd];
    if (!handler) throw { code: 'internal', message: `unknown command ${cmd}` } satisfies AppError;
    return handler(args);
  });

  return {
    clients,
    calls,
    callsTo: (cmd: string) => calls.filter((c) => c.cmd === cmd),
    /** Makes the next call of `cmd` run `fn` instead (throw to reject). */
    once: (cmd: string, fn: Override) => overrides.set(cmd, fn),
  };
}
