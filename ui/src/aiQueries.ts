// React Query hooks for the AI agents: providers, agents, runs, the execution log, metrics,
// the review queue and "Ask about a client". Keys (all under 'ai') and what each write refreshes live in cacheKeys.ts.
//
// API keys never pass through here: the key dialog sends one straight to api.aiKeySet, so no
// query or mutation cache ever holds it (a mutation keeps its variables for minutes).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api, asAppError } from './api';
import { aiKeys, changed } from './cacheKeys';
import type {
  Agent,
  AgentEvent,
  AgentInput,
  AiStatus,
  AppError,
  ChatMessage,
  DayMetrics,
  Execution,
  ExecutionQuery,
  ExecutionSummary,
  HealthReport,
  Provider,
  ProviderCheck,
  ProviderInput,
  ReviewItem,
  ReviewQuery,
  RunOutcome,
  RunPreview,
  RunRequest,
} from './bindings';

// ---- providers and keys ----

export function useAiProviders() {
  return useQuery<Provider[], AppError>({ queryKey: aiKeys.providers, queryFn: api.aiProvidersList });
}

export function useAiStatus() {
  return useQuery<AiStatus, AppError>({ queryKey: aiKeys.status, queryFn: api.aiStatus, staleTime: 0 });
}

/** Providers and their circuits changed: the list, the health panel and previews follow. */
export function useProvidersChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => changed.providers(queryClient), [queryClient]);
}

export function useSaveProvider() {
  const providersChanged = useProvidersChanged();
  return useMutation<Provider, AppError, { id: string | null; input: ProviderInput }>({
    mutationFn: ({ id, input }) => (id ? api.aiProviderUpdate(id, input) : api.aiProviderCreate(input)),
    onSuccess: () => providersChanged(),
  });
}

export function useDeleteProvider() {
  const providersChanged = useProvidersChanged();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.aiProviderDelete(id),
    onSuccess: () => providersChanged(),
  });
}

export function useReorderProviders() {
  const queryClient = useQueryClient();
  return useMutation<Provider[], AppError, string[]>({
    mutationFn: (ids) => api.aiProvidersReorder(ids),
    onSuccess: (list) => changed.providersReordered(queryClient, list),
  });
}

export function useRemoveKey() {
  const providersChanged = useProvidersChanged();
  return useMutation<Provider, AppError, string>({
    mutationFn: (id) => api.aiKeyRemove(id),
    onSuccess: () => providersChanged(),
  });
}

export function useCheckProvider() {
  const queryClient = useQueryClient();
  return useMutation<ProviderCheck, AppError, string>({
    mutationFn: (id) => api.aiProviderCheck(id),
    // A failed check can open the provider's circuit.
    onSettled: () => changed.aiStatus(queryClient),
  });
}

// ---- the health checker ----

/** How often the status light asks for the latest report (the backend re-checks on its own schedule). */
export const HEALTH_POLL_MS = 60_000;

/**
 * The latest health report: the status light and the Metrics tab's list. Asking is cheap (the
 * backend answers with the report it keeps and re-checks every few minutes), so it is polled.
 */
export function useAiHealth() {
  return useQuery<HealthReport, AppError>({
    queryKey: aiKeys.health,
    queryFn: api.aiHealth,
    refetchInterval: HEALTH_POLL_MS,
    staleTime: 0,
  });
}

/** Runs every check now; the light and the list show the new report at once. */
export function useHealthCheckNow() {
  const queryClient = useQueryClient();
  return useMutation<HealthReport, AppError, void>({
    mutationFn: () => api.aiHealthCheck(),
    onSuccess: (report) => changed.healthReport(queryClient, report),
    // The provider checks send real requests, which can open (or close) a provider's circuit.
    onSettled: () => changed.aiStatus(queryClient),
  });
}

// ---- agents ----

export function useAgents() {
  return useQuery<Agent[], AppError>({ queryKey: aiKeys.agents, queryFn: api.aiAgentsList });
}

export function useUpdateAgent() {
  const queryClient = useQueryClient();
  return useMutation<Agent, AppError, { id: string; input: AgentInput }>({
    mutationFn: ({ id, input }) => api.aiAgentUpdate(id, input),
    onSuccess: (agent) => changed.agent(queryClient, agent),
  });
}

/** What the agent would send, asked for when the preview opens (never cached). */
export function useRunPreview(request: RunRequest, enabled: boolean) {
  return useQuery<RunPreview, AppError>({
    queryKey: aiKeys.preview(request),
    queryFn: () => api.aiPreview(request),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

// ---- runs ----

export interface AgentRun {
  /** Starts a run; resolves when it ends (the outcome, or undefined when it failed). */
  run: (request: RunRequest) => Promise<RunOutcome | undefined>;
  /** Asks the backend to stop the run in progress (known once its first event arrived). */
  cancel: () => void;
  running: boolean;
  /** The latest progress event of the current or last run. */
  event: AgentEvent | null;
  outcome: RunOutcome | null;
  error: AppError | null;
  canCancel: boolean;
}

/**
 * Runs an agent with its progress streamed in; afterwards the review queue, the log and the
 * metrics are refreshed. One run at a time per caller.
 */
export function useAgentRun(): AgentRun {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const [event, setEvent] = useState<AgentEvent | null>(null);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const executionId = useRef<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const run = useCallback(
    async (request: RunRequest) => {
      setRunning(true);
      setEvent(null);
      setOutcome(null);
      setError(null);
      setCancelling(false);
      executionId.current = null;
      try {
        const result = await api.aiRun(request, (e) => {
          // The first event names the run that was started; a digest's later events come from
          // the runs it starts for each client.
          executionId.current ??= e.executionId;
          // Streamed pieces of the answer carry text, not news: keep the last line shown.
          if (e.stage !== 'delta' || e.message) setEvent(e);
        });
        setOutcome(result);
        return result;
      } catch (e) {
        setError(asAppError(e));
        return undefined;
      } finally {
        setRunning(false);
        executionId.current = null;
        await changed.agentRun(queryClient, request);
      }
    },
    [queryClient],
  );

  const cancel = useCallback(() => {
    const id = executionId.current;
    if (!id) return;
    setCancelling(true);
    // false: the run was not (or no longer) cancellable at that moment; the button comes back.
    api
      .aiCancel(id)
      .then((stopped) => {
        if (!stopped) setCancelling(false);
      })
      .catch(() => setCancelling(false));
  }, []);

  return { run, cancel, running, event, outcome, error, canCancel: running && event !== null && !cancelling };
}

// ---- the execution log and metrics ----

export function useExecutions(query: ExecutionQuery) {
  return useQuery<ExecutionSummary[], AppError>({
    queryKey: aiKeys.executionList(query),
    queryFn: () => api.aiExecutionsList(query),
    placeholderData: keepPreviousData,
    // Runs in progress finish on their own: look again until none is running.
    refetchInterval: (q) => (q.state.data?.some((e) => e.status === 'running') ? 2000 : false),
  });
}

export function useExecution(id: string | null) {
  return useQuery<Execution, AppError>({
    queryKey: aiKeys.execution(id ?? ''),
    queryFn: () => api.aiExecutionGet(id ?? ''),
    enabled: id !== null,
  });
}

export function useAiMetrics(days: number) {
  return useQuery<DayMetrics[], AppError>({ queryKey: aiKeys.metrics(days), queryFn: () => api.aiMetrics(days) });
}

// ---- the review queue ----

export function useReviewItems(query: ReviewQuery) {
  return useQuery<ReviewItem[], AppError>({
    queryKey: aiKeys.reviewList(query),
    queryFn: () => api.aiReviewList(query),
    placeholderData: keepPreviousData,
  });
}

/**
 * Accepts an item; the screens it changed (a plan, the calendar, the client's notes) refresh too
 * (see `changed.reviewAccepted`).
 */
export function useAcceptReview() {
  const queryClient = useQueryClient();
  return useMutation<ReviewItem, AppError, { id: string; edited: string | null }>({
    mutationFn: ({ id, edited }) => api.aiReviewAccept(id, edited),
    onSuccess: (item) => changed.reviewAccepted(queryClient, item),
  });
}

export function useDismissReview() {
  const queryClient = useQueryClient();
  return useMutation<ReviewItem, AppError, { id: string; reason: string }>({
    mutationFn: ({ id, reason }) => api.aiReviewDismiss(id, reason),
    onSuccess: () => changed.review(queryClient),
  });
}

// ---- "Ask about a client" ----

export function useChatHistory(clientId: string) {
  return useQuery<ChatMessage[], AppError>({ queryKey: aiKeys.chat(clientId), queryFn: () => api.aiChatHistory(clientId) });
}

export interface ChatAsk {
  /** Asks; resolves with the answer, or undefined when it failed (see `error`). */
  ask: (question: string) => Promise<ChatMessage | undefined>;
  /** Asks the backend to stop the answer in progress (known once its first event arrived). */
  cancel: () => void;
  asking: boolean;
  /** The question of the current or last ask, as typed (trimmed). */
  question: string | null;
  /** The answer so far, names restored (each delta carries all of it). */
  answer: string;
  /** The last ask's answer once it came; the history holds it a moment later. */
  reply: ChatMessage | null;
  /** The latest event with a message ("Asking Ollama (llama3.1:8b)"). */
  event: AgentEvent | null;
  error: AppError | null;
  canCancel: boolean;
  /** Forgets the last error (the trainer is typing again). */
  clearError: () => void;
  /** Forgets the last ask (its error, question and answer), e.g. once the conversation is cleared. */
  forget: () => void;
}

/**
 * Asks a question about a client with the answer streamed in; afterwards the history (which
 * keeps the question even when the answer failed), the log and the metrics are refreshed.
 * One question at a time per caller.
 */
export function useChatAsk(clientId: string): ChatAsk {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [question, setQuestion] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const [reply, setReply] = useState<ChatMessage | null>(null);
  const [event, setEvent] = useState<AgentEvent | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const executionId = useRef<string | null>(null);

  const ask = useCallback(
    async (text: string) => {
      setAsking(true);
      setQuestion(text.trim());
      setAnswer('');
      setReply(null);
      setEvent(null);
      setError(null);
      setCancelling(false);
      executionId.current = null;
      let result: ChatMessage | undefined;
      try {
        result = await api.aiChatAsk(clientId, text, (e) => {
          executionId.current ??= e.executionId;
          // A delta carries the whole answer so far: replace, never append.
          if (e.stage === 'delta') setAnswer(e.delta ?? '');
          else setEvent(e);
        });
        setReply(result);
      } catch (e) {
        setError(asAppError(e));
      } finally {
        executionId.current = null;
        setAsking(false);
      }
      await changed.chat(queryClient, clientId);
      return result;
    },
    [clientId, queryClient],
  );

  const cancel = useCallback(() => {
    const id = executionId.current;
    if (!id) return;
    setCancelling(true);
    // false: no longer cancellable at that moment (the answer just ended); the button comes back.
    api
      .aiCancel(id)
      .then((stopped) => {
        if (!stopped) setCancelling(false);
      })
      .catch(() => setCancelling(false));
  }, []);

  const clearError = useCallback(() => setError(null), []);
  const forget = useCallback(() => {
    setError(null);
    setReply(null);
    setQuestion(null);
    setAnswer('');
  }, []);

  const started = event !== null || answer !== '';
  return { ask, cancel, asking, question, answer, reply, event, error, canCancel: asking && started && !cancelling, clearError, forget };
}

export function useClearChat(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, void>({
    mutationFn: () => api.aiChatClear(clientId),
    onSuccess: () => changed.chatCleared(queryClient, clientId),
  });
}
