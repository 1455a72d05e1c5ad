// "Ask about a client" in the stand-in: a conversation per client, answers streamed as
// `delta` events (each with the whole answer so far), a number not among the facts flagged.
import type { AgentEvent, AgentStage, AppError, ChatMessage, ExecutionStatus } from '../../bindings';
import type { Channel } from '@tauri-apps/api/core';
import type { StandIn } from '../standIn';
import type { AiState } from './state';
import { internals, invalid, makeExecution, tick } from './model';
import { chain, route } from './runs';

export type Send = (event: AgentEvent) => void;

/** ai_chat_ask: the answer's pieces go to the channel, which ends when the answer does. */
export async function chatAsk(ai: AiState, args: Record<string, unknown>) {
  const channel = args.events as Channel<AgentEvent> | undefined;
  let index = 0;
  const send: Send = (event) => {
    ai.events.push(event);
    if (channel) internals().runCallback(channel.id, { index: index++, message: event });
  };
  try {
    return await ask(ai, String(args.client ?? ''), String(args.question ?? ''), send);
  } finally {
    if (channel) internals().runCallback(channel.id, { index: index++, end: true });
  }
}

/** Like the runtime's ask: the question is checked, kept, answered (streamed), and the answer kept. */
export async function ask(ai: AiState, client: string, raw: string, send: Send): Promise<ChatMessage> {
  const question = raw.trim();
  if (!question) throw invalid('question', 'Type a question about the client');
  if ([...question].length > 2000) throw invalid('question', 'Keep the question under 2000 characters');
  const { agent, clientId } = route(ai, { taskType: 'client_chat', clientId: client, fresh: true });
  const cid = clientId!;
  const name = ai.clientName(cid) ?? 'The client';
  const id = `exec-${ai.nextId++}`;
  const started = Date.now();
  const exec = makeExecution({ id, taskType: 'client_chat', clientId: cid, status: 'running', startedAt: ai.now(), finishedAt: null, latencyMs: null });
  ai.executions.push(exec);
  const chat = ai.chats.get(cid) ?? [];
  ai.chats.set(cid, chat);
  chat.push({ id: `chat-${ai.nextId++}`, clientId: cid, role: 'user', content: question, unverified: [], createdAt: ai.now() });
  const event = (stage: AgentStage, message: string, delta: string | null = null): AgentEvent => ({
    executionId: id,
    taskType: 'client_chat',
    clientId: cid,
    stage,
    message,
    delta,
  });
  const finish = (status: ExecutionStatus, error: string | null) => {
    Object.assign(exec, { status, error, finishedAt: ai.now(), latencyMs: 900 + (Date.now() - started) });
  };

  const targets = chain(ai, agent);
  let answer: string;
  let unverified: string[] = [];
  if (targets.length === 0) {
    answer = [
      'No AI provider is set up, so here is what Spotter computed:',
      `• Squat is climbing steadily: ${name} added 10 kg to the estimated squat 1RM in 6 weeks.`,
      `• Keep the attendance streak going: ${name} came to 7 of 8 sessions.`,
    ].join('\n');
    exec.output = { computedOnly: true };
  } else {
    const first = targets[0]!;
    await tick();
    send(event('model', `Asking ${first.provider.name} (${first.model})`));
    answer = question.includes('250')
      ? `${name} has no 250 kg lift on record: the best estimated squat 1RM is 110 kg, up from 100 kg in 6 weeks.`
      : `${name} added 10 kg to the estimated squat 1RM in 6 weeks and came to 7 of 8 sessions.`;
    unverified = question.includes('250') ? ['250'] : [];
    const words = answer.split(' ');
    const cuts = [3, 8, words.length];
    for (const [i, cut] of cuts.entries()) {
      await tick();
      // Each piece carries the whole answer so far, as the runtime sends it.
      send(event('delta', '', words.slice(0, cut).join(' ')));
      if (i === 1 && ai.holding) {
        const how = await new Promise<'go' | 'cancel'>((resolve) => ai.held.set(id, resolve));
        ai.held.delete(id);
        if (how === 'cancel') {
          finish('cancelled', 'cancelled');
          send(event('cancelled', 'cancelled'));
          throw { code: 'cancelled', message: 'cancelled' } satisfies AppError;
        }
      }
    }
    Object.assign(exec, {
      providerName: first.provider.name,
      model: first.model,
      promptTokens: 640,
      completionTokens: 40,
      costEstimateUsd: 0.00012,
      attempts: 1,
      output: { answer, unverified },
    });
  }
  finish('done', null);
  const message: ChatMessage = { id: `chat-${ai.nextId++}`, clientId: cid, role: 'assistant', content: answer, unverified, createdAt: ai.now() };
  chat.push(message);
  await tick();
  send(event('done', 'Answered'));
  return { ...message, unverified: [...message.unverified] };
}
export function chatHandlers(ai: AiState): StandIn {
  return {
    ai_chat_history: (args) => {
      const id = String(args.client ?? '');
      if (!ai.ctx.clients().has(id)) throw invalid('clientId', 'No such client');
      return (ai.chats.get(id) ?? []).map((m) => ({ ...m, unverified: [...m.unverified] }));
    },
    ai_chat_ask: (args) => chatAsk(ai, args),
    ai_chat_clear: (args) => {
      const id = String(args.client ?? '');
      if (!ai.ctx.clients().has(id)) throw invalid('clientId', 'No such client');
      ai.chats.delete(id);
      return null;
    },
  };
}
