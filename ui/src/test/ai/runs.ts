// Agent runs in the stand-in: routing and refusals like the runtime's, the provider chain,
// the cache, held and cancelled runs, the weekly digest, and progress events on the run's
// channel (see aiBackend.ts for how channels work under mockIPC).
import type { Agent, AgentEvent, AgentStage, AppError, ExecutionStatus, ReviewItem, RunOutcome, RunPreview, RunRequest, TaskType } from '../../bindings';
import type { Channel } from '@tauri-apps/api/core';
import type { StandIn } from '../standIn';
import type { AiState } from './state';
import { aiError, internals, invalid, label, makeExecution, makeReviewItem, NEEDS_CLIENT, notFound, TASKS, tick } from './model';
import { prepare } from './facts';

export const agentFor = (ai: AiState, task: TaskType) => ai.agents.find((a) => a.taskType === task)!;

/** The providers a run would try: the agent's own first; OpenAI without a key is skipped. */
export function chain(ai: AiState, agent: Agent) {
  const all = ai.providers.filter((p) => p.enabled);
  const first = all.findIndex((p) => p.id === agent.providerId);
  if (first > 0) all.unshift(...all.splice(first, 1));
  return all
    .filter((p) => p.kind === 'compatible' || (ai.keychainOk && ai.keychain.has(p.id)))
    .map((p, i) => ({ provider: p, model: i === 0 ? (agent.model ?? p.model) : p.model }));
}

export function refused(ai: AiState, taskType: string, reason: string) {
  const at = ai.now();
  ai.executions.push(
    makeExecution({ id: `exec-${ai.nextId++}`, taskType, status: 'failed', error: reason, startedAt: at, finishedAt: at, latencyMs: 0 }),
  );
}

export function route(ai: AiState, req: RunRequest): { task: TaskType; agent: Agent; clientId: string | null } {
  const key = req.taskType.trim().replace(/-/g, '_').toLowerCase();
  const task = TASKS.find(([t]) => t === key)?.[0];
  if (!task) {
    refused(ai, req.taskType, 'invalid task type');
    throw invalid('taskType', `invalid task type: '${req.taskType}'`);
  }
  const agent = agentFor(ai, task);
  if (!agent.enabled) {
    refused(ai, task, 'agent disabled');
    throw aiError(`agent disabled: ${label(task)} is turned off (turn it on in Insights → Agents)`);
  }
  const clientId = req.clientId?.trim() || null;
  if (NEEDS_CLIENT.includes(task) && !clientId) throw invalid('clientId', `${label(task)} needs a client`);
  if (clientId && !ai.ctx.clients().has(clientId)) throw invalid('clientId', 'No such client');
  return { task, agent, clientId };
}

export type Emit = (id: string, task: TaskType, clientId: string | null, stage: AgentStage, message: string) => void;

/** ai_run: the run's events go to its channel, which ends when the run does. */
export async function run(ai: AiState, args: Record<string, unknown>) {
  const channel = args.events as Channel<AgentEvent> | undefined;
  let index = 0;
  const emit: Emit = (id, task, clientId, stage, message) => {
    const event: AgentEvent = { executionId: id, taskType: task, clientId, stage, message, delta: null };
    ai.events.push(event);
    if (channel) internals().runCallback(channel.id, { index: index++, message: event });
  };
  try {
    return await runRequest(ai, args.request as RunRequest, emit);
  } finally {
    if (channel) internals().runCallback(channel.id, { index: index++, end: true });
  }
}

/** The weekly digest: the progress monitor for every active client, one after the other here. */
export async function digest(ai: AiState, agent: Agent, fresh: boolean, emit: Emit): Promise<RunOutcome> {
  const active = [...ai.ctx.clients().values()]
    .filter((c) => !c.deletedAt && !c.archivedAt && !c.pausedAt)
    .sort((a, b) => a.name.localeCompare(b.name));
  const id = `exec-${ai.nextId++}`;
  const exec = makeExecution({ id, taskType: 'weekly_digest', status: 'running', startedAt: ai.now(), finishedAt: null, latencyMs: null });
  ai.executions.push(exec);
  await tick();
  emit(id, 'weekly_digest', null, 'facts', `${active.length} active clients`);
  const items: ReviewItem[] = [];
  const failed: string[] = [];
  for (const c of active) {
    try {
      const o = await runRequest(ai, { taskType: 'progress_monitor', clientId: c.id, fresh }, emit);
      exec.promptTokens += o.execution.promptTokens;
      exec.completionTokens += o.execution.completionTokens;
      exec.costEstimateUsd += o.execution.costEstimateUsd;
      items.push(...o.items);
    } catch (e) {
      failed.push(`${c.name}: ${(e as AppError).message}`);
    }
  }
  const allFailed = active.length > 0 && failed.length === active.length;
  Object.assign(exec, {
    status: allFailed ? 'failed' : 'done',
    error: allFailed ? `every client's run failed; first: ${failed[0]}` : null,
    output: { clients: active.length, failed, items: items.length, agent: agent.id },
    finishedAt: ai.now(),
    latencyMs: 2000,
  });
  emit(id, 'weekly_digest', null, allFailed ? 'failed' : 'done', `${active.length} clients, ${items.length} ${items.length === 1 ? 'item' : 'items'} for review, ${failed.length} failed`);
  if (allFailed) throw aiError(exec.error!);
  return { execution: ai.named(exec), items };
}

export async function runRequest(ai: AiState, req: RunRequest, emit: Emit): Promise<RunOutcome> {
  const { task, agent, clientId } = route(ai, req);
  if (task === 'weekly_digest') return digest(ai, agent, req.fresh, emit);
  const prepared = prepare(ai, task, clientId);
  const targets = chain(ai, agent);
  const started = Date.now();

  if (!req.fresh) {
    const hit = [...ai.executions]
      .reverse()
      .find((e) => e.taskType === task && e.clientId === clientId && e.status === 'done' && !e.fromCache && e.providerName);
    if (hit) {
      const id = `exec-${ai.nextId++}`;
      const at = ai.now();
      ai.executions.push(makeExecution({ ...hit, id, fromCache: true, sent: null, startedAt: at, finishedAt: at, latencyMs: 3, promptTokens: 0, completionTokens: 0, costEstimateUsd: 0, attempts: 0 }));
      await tick();
      emit(id, task, clientId, 'done', 'Same input as a recent run: its answer is reused');
      return { execution: ai.named(ai.executions.at(-1)!), items: ai.review.filter((r) => r.executionId === hit.id).map(ai.named) };
    }
  }

  const id = `exec-${ai.nextId++}`;
  const exec = makeExecution({ id, taskType: task, clientId, status: 'running', startedAt: ai.now(), finishedAt: null, latencyMs: null, facts: prepared.facts, inputFingerprint: `fp-${task}-${clientId ?? ''}` });
  ai.executions.push(exec);
  await tick();
  emit(id, task, clientId, 'facts', 'Facts computed');

  const finish = (status: ExecutionStatus, error: string | null) => {
    exec.status = status;
    exec.error = error;
    exec.finishedAt = ai.now();
    exec.latencyMs = 1200 + (Date.now() - started);
  };

  let fromModel = false;
  if (targets.length === 0) {
    exec.output = { computedOnly: true, note: 'no AI provider is set up' };
  } else {
    const first = targets[0]!;
    exec.sent = prepared.messages;
    await tick();
    emit(id, task, clientId, 'queued', 'Waiting for a free slot');
    await tick();
    emit(id, task, clientId, 'model', `Asking ${first.provider.name} (${first.model})`);
    if (ai.holding) {
      const how = await new Promise<'go' | 'cancel'>((resolve) => ai.held.set(id, resolve));
      ai.held.delete(id);
      if (how === 'cancel') {
        finish('cancelled', 'cancelled');
        emit(id, task, clientId, 'cancelled', 'cancelled');
        throw { code: 'cancelled', message: 'cancelled' } satisfies AppError;
      }
    }
    await tick();
    emit(id, task, clientId, 'validating', 'Checking the answer against the facts');
    Object.assign(exec, {
      providerName: first.provider.name,
      model: first.model,
      promptTokens: 812,
      completionTokens: 164,
      costEstimateUsd: 0.0002202,
      attempts: 1,
      output: { insights: prepared.items.map((it, i) => ({ title: it.title, text: it.body, refs: [`f${i + 1}`] })) },
    });
    fromModel = true;
  }
  finish('done', null);
  const at = ai.now();
  // Like the runtime: a finding already waiting for review is not queued twice. Only for the
  // health checker here, whose findings repeat until fixed: the other agents' canned answers
  // never change, so "ask again" would otherwise never add anything.
  const waiting = ai.review.filter((r) => task === 'health_check' && r.status === 'open' && r.taskType === task && r.clientId === prepared.clientId);
  const items = prepared.items
    .filter((it) => !waiting.some((w) => w.title === it.title && w.body === it.body))
    .map(({ action, ...it }) => {
      const item = makeReviewItem({ ...it, id: `review-${ai.nextId++}`, executionId: id, taskType: task, clientId: prepared.clientId, fromModel, createdAt: at });
      if (action) ai.actions.set(item.id, action);
      return item;
    });
  ai.review = [...items, ...ai.review];
  await tick();
  emit(id, task, clientId, 'done', `${items.length} ${items.length === 1 ? 'item' : 'items'} for review`);
  return { execution: ai.named(exec), items: items.map(ai.named) };
}
export function runHandlers(ai: AiState): StandIn {
  return {
    ai_preview: (args) => {
      const req = args.request as RunRequest;
      const task = TASKS.find(([t]) => t === req.taskType)?.[0];
      if (!task) throw invalid('taskType', `invalid task type: '${req.taskType}'`);
      const clientId = req.clientId?.trim() || null;
      if (NEEDS_CLIENT.includes(task) && !clientId) throw invalid('clientId', `${label(task)} needs a client`);
      if (clientId && !ai.ctx.clients().has(clientId)) throw notFound('client');
      const prepared = prepare(ai, task, clientId);
      return {
        facts: prepared.facts,
        messages: prepared.messages,
        providers: chain(ai, agentFor(ai, task)).map((t) => `${t.provider.name} (${t.model})`),
      } satisfies RunPreview;
    },
    ai_run: (args) => run(ai, args),
    ai_cancel: (args) => {
      const go = ai.held.get(String(args.id));
      go?.('cancel');
      return go !== undefined;
    },

  };
}
