// React Query hooks over the typed API. All cache keys live here so invalidation stays
// consistent: every write refreshes the client lists.
import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api';
import type {
  AppError,
  CalendarEntry,
  CalendarQuery,
  Client,
  ClientInput,
  ClientListQuery,
  ClientNote,
  Dashboard,
  DashboardQuery,
  Measurement,
  ParqIntake,
  Room,
  Session,
  SessionStatus,
  Settings,
  Trainer,
} from './bindings';

export const queryKeys = {
  appInfo: ['appInfo'] as const,
  clients: ['clients'] as const,
  clientLists: ['clients', 'list'] as const,
  clientList: (query: ClientListQuery) => ['clients', 'list', query] as const,
  client: (id: string) => ['clients', 'detail', id] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local IPC: failures are deterministic, so retrying only delays the message.
      queries: { retry: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

export function useAppInfo() {
  return useQuery<Awaited<ReturnType<typeof api.appInfo>>, AppError>({
    queryKey: queryKeys.appInfo,
    queryFn: api.appInfo,
    staleTime: Infinity,
  });
}

export function useClients(query: ClientListQuery, options: { enabled?: boolean } = {}) {
  return useQuery<Client[], AppError>({
    queryKey: queryKeys.clientList(query),
    queryFn: () => api.clientsList(query),
    // Keep showing the last results while the next search runs: no flicker while typing.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useClient(id: string) {
  return useQuery<Client, AppError>({
    queryKey: queryKeys.client(id),
    queryFn: () => api.clientGet(id),
  });
}

/** Puts a fresh client into the detail cache and marks every list stale. */
function useStoreClient() {
  const queryClient = useQueryClient();
  return (client: Client) => {
    queryClient.setQueryData(queryKeys.client(client.id), client);
    return queryClient.invalidateQueries({ queryKey: queryKeys.clientLists });
  };
}

export function useCreateClient() {
  const store = useStoreClient();
  return useMutation<Client, AppError, ClientInput>({
    mutationFn: (input) => api.clientCreate(input),
    onSuccess: store,
  });
}

export function useUpdateClient() {
  const store = useStoreClient();
  return useMutation<Client, AppError, { id: string; input: ClientInput }>({
    mutationFn: ({ id, input }) => api.clientUpdate(id, input),
    onSuccess: store,
  });
}

export function useSetArchived() {
  const store = useStoreClient();
  return useMutation<Client, AppError, { id: string; archived: boolean }>({
    mutationFn: ({ id, archived }) => api.clientSetArchived(id, archived),
    onSuccess: store,
  });
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation<Client, AppError, string>({
    mutationFn: (id) => api.clientDelete(id),
    onSuccess: (_client, id) => {
      // Mark the detail stale without refetching: the open page is about to navigate away
      // and a refetch now would only flash "not found". A later visit asks the backend.
      void queryClient.invalidateQueries({ queryKey: queryKeys.client(id), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: queryKeys.clientLists });
    },
  });
}

export function useRestoreClient() {
  const store = useStoreClient();
  return useMutation<Client, AppError, string>({
    mutationFn: (id) => api.clientRestore(id),
    onSuccess: store,
  });
}

// ---- scheduling ----

export const scheduleKeys = {
  trainers: ['trainers'] as const,
  rooms: ['rooms'] as const,
  settings: ['settings'] as const,
  sessions: ['sessions'] as const,
  range: (query: CalendarQuery) => ['sessions', 'range', query] as const,
  session: (id: string) => ['sessions', 'detail', id] as const,
  clientSessions: (client: string) => ['sessions', 'client', client] as const,
  series: (id: string) => ['sessions', 'series', id] as const,
  dashboard: (query: DashboardQuery) => ['sessions', 'dashboard', query] as const,
};

export function useTrainers() {
  return useQuery<Trainer[], AppError>({ queryKey: scheduleKeys.trainers, queryFn: api.trainersList });
}

export function useRooms() {
  return useQuery<Room[], AppError>({ queryKey: scheduleKeys.rooms, queryFn: api.roomsList });
}

export function useSettings() {
  return useQuery<Settings, AppError>({ queryKey: scheduleKeys.settings, queryFn: api.settingsGet });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, Settings>({
    mutationFn: (s) => api.settingsSet(s),
    onSuccess: (s) => queryClient.setQueryData(scheduleKeys.settings, s),
  });
}

/**
 * The calendar's sessions. `subscribed: false` (the calendar kept mounted but hidden) stops
 * following the cache, so a change made elsewhere does not redraw a calendar nobody sees; when
 * subscribed again it refetches what went stale meanwhile.
 */
export function useSessionsRange(query: CalendarQuery | null, subscribed = true) {
  return useQuery<CalendarEntry[], AppError>({
    queryKey: query ? scheduleKeys.range(query) : ['sessions', 'range', 'none'],
    queryFn: () => (query ? api.sessionsRange(query) : Promise.resolve([])),
    placeholderData: keepPreviousData,
    enabled: query !== null,
    staleTime: 0,
    subscribed,
  });
}

/** Fetches a range into the cache ahead of need (the calendar's neighbouring weeks). */
export function usePrefetchSessionsRange() {
  const queryClient = useQueryClient();
  return useCallback(
    (query: CalendarQuery) =>
      queryClient.prefetchQuery({
        queryKey: scheduleKeys.range(query),
        queryFn: () => api.sessionsRange(query),
        // Not again on every step back and forth; shown, the range refetches like any other.
        staleTime: 60_000,
      }),
    [queryClient],
  );
}

export function useSession(id: string | null) {
  return useQuery<Session, AppError>({
    queryKey: scheduleKeys.session(id ?? 'none'),
    queryFn: () => api.sessionGet(id ?? ''),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useClientSessions(client: string) {
  return useQuery<CalendarEntry[], AppError>({
    queryKey: scheduleKeys.clientSessions(client),
    queryFn: () => api.clientSessions(client),
    staleTime: 0,
  });
}

export function useDashboard(query: DashboardQuery) {
  return useQuery<Dashboard, AppError>({
    queryKey: scheduleKeys.dashboard(query),
    queryFn: () => api.dashboardGet(query),
    staleTime: 0,
  });
}

/** After any session write: every calendar range, detail and the dashboard refresh. */
export function useInvalidateSessions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: scheduleKeys.sessions });
}

export function useSetSessionStatus() {
  const invalidate = useInvalidateSessions();
  return useMutation<Session, AppError, { id: string; status: SessionStatus; late?: boolean }>({
    mutationFn: ({ id, status, late }) => api.sessionSetStatus(id, status, late ?? false),
    onSuccess: () => invalidate(),
  });
}

// ---- client record ----

export const recordKeys = {
  intakes: (client: string) => ['clients', 'intakes', client] as const,
  measurements: (client: string) => ['clients', 'measurements', client] as const,
  notes: (client: string) => ['clients', 'notes', client] as const,
  questions: ['intakeQuestions'] as const,
};

export function useIntakeQuestions() {
  return useQuery<string[], AppError>({ queryKey: recordKeys.questions, queryFn: api.intakeQuestions, staleTime: Infinity });
}

export function useIntakes(client: string) {
  return useQuery<ParqIntake[], AppError>({ queryKey: recordKeys.intakes(client), queryFn: () => api.intakesList(client) });
}

export function useMeasurements(client: string) {
  return useQuery<Measurement[], AppError>({
    queryKey: recordKeys.measurements(client),
    queryFn: () => api.measurementsList(client),
  });
}

export function useNotes(client: string) {
  return useQuery<ClientNote[], AppError>({ queryKey: recordKeys.notes(client), queryFn: () => api.notesList(client) });
}
