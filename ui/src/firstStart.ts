// The first start and the demo data: whether to show the welcome, and switching between the
// trainer's own data directory and the demo one (which reopens the database in the shell).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { appKeys, changed } from './cacheKeys';
import type { AppError, FirstStart, Settings, WelcomeInput } from './bindings';

export function useFirstStart() {
  return useQuery<FirstStart, AppError>({ queryKey: appKeys.firstStart, queryFn: api.firstStartGet });
}

/** Opens the demo data (true) or the trainer's own again; every cached answer is dropped. */
export function useUseDataDir() {
  const queryClient = useQueryClient();
  return useMutation<FirstStart, AppError, boolean>({
    mutationFn: (demo) => api.dataDirUse(demo),
    // Another database: nothing cached from the last one may stay (see `changed.database`).
    onSuccess: (state) => changed.database(queryClient, state),
  });
}

export function useCompleteWelcome() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, WelcomeInput>({
    mutationFn: (input) => api.welcomeComplete(input),
    onSuccess: () => changed.everything(queryClient),
  });
}
