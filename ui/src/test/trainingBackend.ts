// In-memory stand-ins for the Rust commands of the exercise library, plans, templates and versions.
// Installed by installBackend (backend.ts); see there for what these mocks are for.
import type { BackendContext, Override } from './backend';

export function trainingHandlers(_ctx: BackendContext): Record<string, Override> {
  return {};
}
