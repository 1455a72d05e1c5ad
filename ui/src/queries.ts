// React Query hooks over the typed API. All cache keys live here so invalidation stays
// consistent: every write refreshes the client lists.
import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './api';
import type { AppError, Client, ClientInput, ClientListQuery } from './bindings';

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
