// Queries and mutations of Settings → Data (backups, retention, restore, export everything).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { changed, dataKeys } from '../cacheKeys';
import type { AppError, BackupInfo, ExportFiles, RestoreReport, Retention } from '../bindings';

export function useBackups() {
  return useQuery<BackupInfo[], AppError>({ queryKey: dataKeys.backups, queryFn: api.backupsList });
}

export function useBackupNow() {
  const queryClient = useQueryClient();
  return useMutation<BackupInfo, AppError, void>({
    mutationFn: () => api.backupNow(),
    onSuccess: () => changed.backups(queryClient),
  });
}

export function useRetention() {
  return useQuery<Retention, AppError>({ queryKey: dataKeys.retention, queryFn: api.backupRetentionGet });
}

export function useSaveRetention() {
  const queryClient = useQueryClient();
  return useMutation<Retention, AppError, Retention>({
    mutationFn: (retention) => api.backupRetentionSet(retention),
    onSuccess: (saved) => changed.retention(queryClient, saved),
  });
}

/** Restores `path`; the caller reloads the app on the restored data when it succeeds. */
export function useRestoreBackup() {
  return useMutation<RestoreReport, AppError, string>({ mutationFn: (path) => api.backupRestore(path) });
}

export function useExportEverything() {
  return useMutation<ExportFiles, AppError, { path: string; replace: string | null }>({
    mutationFn: ({ path, replace }) => api.exportEverything(path, replace),
  });
}

/** After a restore every screen must read the restored data: start the window afresh. */
export function reloadApp() {
  window.location.reload();
}
