// The stand-in backend against the real core: replays every call recorded by
// crates/spotter-core/tests/ui_fixtures.rs (fixtures/*.json), in order, against a fresh
// stand-in seeded with the same data, and checks each answer, errors included, equals the
// core's, as the UI receives them (through ipc.ts). Times are compared only as times (the
// fixture writes one fixed time for all).
import { describe, expect, it } from 'vitest';
import { call as send } from '../ipc';
import { installBackend } from './backend';
import { seedAi } from './aiBackend';
import { aiFixture, recordsFixture, trainingFixture, type RecordedCall } from './fixtures';
import { seedTraining } from './trainingBackend';

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The answer with every timestamp replaced by '<time>', and `field` absent when not given. */
function comparable(value: unknown): unknown {
  if (typeof value === 'string') return TIME.test(value) ? '<time>' : value;
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, comparable(v)]),
    );
  }
  return value;
}

async function answer(call: RecordedCall): Promise<{ ok: unknown } | { err: unknown }> {
  try {
    return { ok: await send(call.cmd, call.args) };
  } catch (err) {
    return { err };
  }
}

async function replay(calls: RecordedCall[]) {
  for (const [i, call] of calls.entries()) {
    const want = call.err ? { err: call.err } : { ok: call.ok };
    const got = await answer(call);
    expect.soft(comparable(got), `call ${i}: ${call.cmd} ${JSON.stringify(call.args).slice(0, 160)}`).toEqual(comparable(want));
  }
}

describe('the stand-in answers as the core did', () => {
  it('client records: the list, PAR-Q+ and clearance, measurements, notes, and their errors', async () => {
    installBackend(recordsFixture.clients);
    await replay(recordsFixture.calls);
  });

  it('training: the library, plans, versions, and their errors', async () => {
    seedTraining();
    installBackend(trainingFixture.clients);
    await replay(trainingFixture.calls);
  });

  it('AI: providers, agent settings, the log and the review queue, and their errors', async () => {
    seedAi({ review: aiFixture.review, executions: [aiFixture.execution] });
    installBackend(aiFixture.clients);
    await replay(aiFixture.calls);
  });
});
