// React Query hooks over the typed API: the app, clients, trainers, rooms, settings and the
// client record's lists. Keys and what each write refreshes live in cacheKeys.ts.
import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './api';
import { appKeys, changed, clientKeys, recordKeys, scheduleKeys } from './cacheKeys';
import type {
  AppError,
  Client,
  ClientInput,
  ClientListQuery,
  ClientNote,
  Measurement,
  ParqIntake,
  Room,
  RoomInput,
  Settings,
  Trainer,
  TrainerInput,
} from './bindings';

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
    queryKey: appKeys.appInfo,
    queryFn: api.appInfo,
    staleTime: Infinity,
  });
}

export function useClients(query: ClientListQuery, options: { enabled?: boolean } = {}) {
  return useQuery<Client[], AppError>({
    queryKey: clientKeys.list(query),
    queryFn: () => api.clientsList(query),
    // Keep showing the last results while the next search runs: no flicker while typing.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useClient(id: string) {
  return useQuery<Client, AppError>({
    queryKey: clientKeys.detail(id),
    queryFn: () => api.clientGet(id),
  });
}

/** A client that may not be there (a plan not assigned to anyone). */
export function useOptionalClient(id: string | null) {
  return useQuery<Client, AppError>({
    queryKey: clientKeys.detail(id ?? ''),
    queryFn: () => api.clientGet(id ?? ''),
    enabled: !!id,
  });
}

/** Puts a fresh client into the detail cache and marks every list stale. */
function useStoreClient() {
  const queryClient = useQueryClient();
  return (client: Client) => changed.client(queryClient, client);
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
    onSuccess: (_client, id) => changed.clientDeleted(queryClient, id),
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

export function useTrainers() {
  return useQuery<Trainer[], AppError>({ queryKey: scheduleKeys.trainers, queryFn: api.trainersList });
}

export function useRooms() {
  return useQuery<Room[], AppError>({ queryKey: scheduleKeys.rooms, queryFn: api.roomsList });
}

export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation<Room, AppError, RoomInput>({
    mutationFn: (input) => api.roomCreate(input),
    onSuccess: () => changed.rooms(queryClient),
  });
}

/** Creates a trainer, or with `id` changes one. */
export function useSaveTrainer() {
  const queryClient = useQueryClient();
  return useMutation<Trainer, AppError, { id: string | null; input: TrainerInput }>({
    mutationFn: ({ id, input }) => (id ? api.trainerUpdate(id, input) : api.trainerCreate(input)),
    onSuccess: () => changed.trainers(queryClient),
  });
}

export function useSettings() {
  return useQuery<Settings, AppError>({ queryKey: scheduleKeys.settings, queryFn: api.settingsGet });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, Settings>({
    mutationFn: (s) => api.settingsSet(s),
    onSuccess: (s) => changed.settings(queryClient, s),
  });
}

// ---- client record ----

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
