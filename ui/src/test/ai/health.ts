// The health light in the stand-in: a check finds what the test set (seedAi({health}),
// setHealth, setHealthFindings), else works a report out of the stand-in's own state.
import type { HealthReport } from '../../bindings';
import type { StandIn } from '../standIn';
import type { AiState } from './state';
import { KEYCHAIN_HELP, LOCAL_CHECKS_OK, makeHealthCheck, makeHealthReport } from './model';
import { checkProvider } from './settings';

/** Every check now (the runtime's health()): the latest report from now on. */
export function checkHealth(ai: AiState): HealthReport {
  const checks = ai.healthFindings ?? [
    ...LOCAL_CHECKS_OK,
    ai.keychainOk
      ? makeHealthCheck({ key: 'keychain', detail: 'The system keychain answers.' })
      : makeHealthCheck({
          key: 'keychain',
          status: 'warn',
          detail: 'The system keychain cannot be used, so API keys cannot be read.',
          fix: KEYCHAIN_HELP,
        }),
    ...ai.providers
      .filter((p) => p.enabled)
      .map((p) => {
        const c = checkProvider(ai, p);
        return makeHealthCheck({
          key: 'provider',
          label: `AI provider ${p.name}`,
          status: c.ok ? 'ok' : 'warn',
          detail: c.message,
          fix: c.ok ? null : 'Check the address, the model and the key in Settings → AI; the next provider in the list is used meanwhile.',
        });
      }),
  ];
  ai.latestHealth = makeHealthReport(checks);
  return ai.latestHealth;
}

export function healthHandlers(ai: AiState): StandIn {
  return {
    ai_health: () => structuredClone(ai.latestHealth ?? checkHealth(ai)),
    ai_health_check: () => structuredClone(checkHealth(ai)),
  };
}
