// The stand-in for the Rust commands of the exercise library, plans, templates and versions.
// Installed by installBackend (backend.ts). Its data is what the real core stored and answered
// for fixtures/training.json (recorded by crates/spotter-core/tests/ui_fixtures.rs); changes a
// test makes live in memory. The parts: training/library.ts (exercises and imports),
// training/plans.ts (plans and versions), training/planRules.ts (validation and version
// summaries, copied from the core and replayed against it by standIn.contract.test.ts).
//
// Opt-in: a test calls seedTraining() before installBackend. Without it these commands are left
// to the logs mock (logsBackend.ts), whose own seed serves the client page and the logger.
import type { Exercise } from '../bindings';
import type { BackendContext } from './backend';
import { trainingFixture } from './fixtures';
import type { StandIn } from './standIn';
import { libraryStandIn } from './training/library';
import { plansStandIn } from './training/plans';

/** The library every test starts with (hidden exercises included), as the core lists it. */
export const SEED_EXERCISES: Exercise[] = trainingFixture.exercises;

/** The fixture's template, Anna's plan and Ben's plan (whose version 2 an AI proposal wrote). */
export const TEMPLATE_ID = 'tpl-full-body';
export const PLAN_ID = 'plan-anna';
export const AI_PLAN_ID = 'plan-ben';

let pending = false;

/** Makes the next installBackend answer the training commands from this stand-in. */
export function seedTraining() {
  pending = true;
}

export function trainingHandlers(ctx: BackendContext): StandIn {
  const seeded = pending;
  pending = false;
  if (!seeded) return {};
  const library = libraryStandIn();
  const names = () => new Map([...library.exercises.values()].map((e) => [e.id, e.name]));
  return {
    ...library.handlers,
    ...plansStandIn(ctx, names),
    file_open: () => null,
  };
}
