// In-memory stand-ins for the Rust commands of workout logs, records and client progress.
// Installed by installBackend (backend.ts); see there for what these mocks are for.
import type { BackendContext, Override } from './backend';

export function logsHandlers(_ctx: BackendContext): Record<string, Override> {
  return {};
}
