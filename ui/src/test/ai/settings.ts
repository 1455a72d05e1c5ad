// Settings → AI in the stand-in: providers and their validation (a copy of the core's
// ai/providers.rs rules, replayed against its recorded answers by standIn.contract.test.ts),
// the fake keychain (a key is checked, then dropped), the status, and the agents' settings.
import type { AgentInput, AiStatus, ProviderCheck, ProviderInput } from '../../bindings';
import type { StandIn } from '../standIn';
import type { AiState, StoredProvider } from './state';
import { invalid, KEYCHAIN_HELP, notFound } from './model';

export function validateProvider(input: ProviderInput) {
  const name = input.name.trim();
  if (!name) throw invalid('name', 'Give the provider a name, e.g. "OpenAI" or "Ollama on this laptop"');
  const kind = input.kind ?? 'compatible';
  let baseUrl = input.baseUrl.trim().replace(/\/+$/, '');
  if (!baseUrl && kind === 'openai') baseUrl = 'https://api.openai.com/v1';
  if (!/^https?:\/\/\S+$/.test(baseUrl)) {
    throw invalid('baseUrl', 'The base URL must start with http:// or https://, e.g. http://localhost:11434/v1');
  }
  // As the core's address::Server: plain http only to this computer.
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!baseUrl.startsWith('https://') && !loopback) {
    throw invalid('baseUrl', `Use https:// for ${host}: plain http is only allowed to this computer (localhost, 127.0.0.1, ::1)`);
  }
  if (baseUrl.includes('@')) throw invalid('baseUrl', 'Put no password in the URL; add the key with "Add key" instead');
  const model = input.model.trim();
  if (!model) throw invalid('model', 'Name the model, e.g. gpt-4o-mini or llama3.1:8b');
  const timeoutSeconds = input.timeoutSeconds ?? 60;
  if (!(timeoutSeconds >= 1 && timeoutSeconds <= 600)) {
    throw invalid('timeoutSeconds', 'The timeout must be between 1 and 600 seconds');
  }
  return { name, kind, baseUrl, model, timeoutSeconds, enabled: input.enabled ?? true };
}

/** ai_provider_check's answer: seeded, or OpenAI without a key fails, anything else answers. */
export function checkProvider(ai: AiState, p: StoredProvider): ProviderCheck {
  const seeded = ai.seed.checks?.[p.id];
  if (seeded) return seeded;
  if (p.kind === 'openai' && !(ai.keychainOk && ai.keychain.has(p.id))) {
    return { ok: false, message: 'No API key yet: add it first', latencyMs: null };
  }
  return { ok: true, message: `${p.model} answered in 42 ms`, latencyMs: 42 };
}

export function settingsHandlers(ai: AiState): StandIn {
  return {
    ai_providers_list: () => ai.providers.map(ai.withKey),
    ai_provider_create: (args) => {
      const v = validateProvider(args.input as ProviderInput);
      const p = { id: `p-new-${ai.nextId++}`, ...v, position: ai.providers.length + 1 };
      ai.providers.push(p);
      return ai.withKey(p);
    },
    ai_provider_update: (args) => {
      const p = ai.provider(args.id);
      Object.assign(p, validateProvider(args.input as ProviderInput));
      return ai.withKey(p);
    },
    ai_provider_delete: (args) => {
      const p = ai.provider(args.id);
      ai.needKeychain();
      ai.keychain.delete(p.id);
      ai.providers = ai.providers.filter((x) => x !== p).map((x, i) => ({ ...x, position: i + 1 }));
      return null;
    },
    ai_providers_reorder: (args) => {
      const ids = args.ids as string[];
      const ok = ids.length === ai.providers.length && new Set(ids).size === ids.length && ids.every((id) => ai.providers.some((p) => p.id === id));
      if (!ok) throw invalid('ids', 'Name every provider exactly once');
      ai.providers = ids.map((id, i) => ({ ...ai.provider(id), position: i + 1 }));
      return ai.providers.map(ai.withKey);
    },
    ai_key_set: (args) => {
      const p = ai.provider(args.id);
      const key = String(args.key).trim();
      if (!key) throw invalid('apiKey', 'Paste the API key (it is kept in the system keychain)');
      if (/\s/.test(key)) throw invalid('apiKey', 'An API key has no spaces or line breaks; paste just the key');
      ai.needKeychain();
      ai.keychain.add(p.id); // the key itself is dropped here, as the real keychain would keep it
      return ai.withKey(p);
    },
    ai_key_remove: (args) => {
      const p = ai.provider(args.id);
      ai.needKeychain();
      ai.keychain.delete(p.id);
      return ai.withKey(p);
    },
    ai_provider_check: (args) => checkProvider(ai, ai.provider(args.id)),
    ai_status: () =>
      ({
        keychainOk: ai.keychainOk,
        keychainMessage: ai.keychainOk ? null : KEYCHAIN_HELP,
        providers: ai.providers.map((p) => ({ providerId: p.id, name: p.name, circuit: ai.seed.circuits?.[p.id] ?? 'closed' })),
      }) satisfies AiStatus,
    ai_agents_list: () => ai.agents.map((a) => ({ ...a })),
    ai_agent_update: (args) => {
      const agent = ai.agents.find((a) => a.id === args.id);
      if (!agent) throw notFound('agent');
      const input = args.input as AgentInput;
      if (!(Number.isFinite(input.temperature) && input.temperature >= 0 && input.temperature <= 2)) {
        throw invalid('temperature', 'The temperature must be between 0 and 2');
      }
      const providerId = input.providerId?.trim() || null;
      if (providerId && !ai.providers.some((p) => p.id === providerId)) throw invalid('providerId', 'No such provider');
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
  };
}
