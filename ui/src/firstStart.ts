// The first start and the demo data: whether to show the welcome, and switching between the
// trainer's own data directory and the demo one (which reopens the database in the shell).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { AppError, FirstStart, Settings, WelcomeInput } from './bindings';

export const firstStartKey = ['firstStart'] as const;

export function useFirstStart() {
  return useQuery<FirstStart, AppError>({ queryKey: firstStartKey, queryFn: api.firstStartGet });
}

/** Opens the demo data (true) or the trainer's own again; every cached answer is dropped. */
export function useUseDataDir() {
  const queryClient = useQueryClient();
  return useMutation<FirstStart, AppError, boolean>({
    mutationFn: (demo) => api.dataDirUse(demo),
    onSuccess: async (state) => {
      // Another database: nothing cached from the last one may stay. What is not on screen is
      // dropped; what is on screen fetches again in place (no blank redraw of the whole app).
      queryClient.setQueryData(firstStartKey, state);
      queryClient.removeQueries({ type: 'inactive' });
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== firstStartKey[0] });
    },
  });
}

export function useCompleteWelcome() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, WelcomeInput>({
    mutationFn: (input) => api.welcomeComplete(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
    },
  });
}
