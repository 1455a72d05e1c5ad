// Writes to the client record (status, clearance, intake, measurements, notes) and the
// clients CSV import/export. Keys come from queries.ts so invalidation stays in one vocabulary.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type {
  AppError,
  Client,
  ClientNote,
  CsvImportRequest,
  CsvPreview,
  ImportReport,
  Measurement,
  MeasurementInput,
  ParqInput,
  ParqIntake,
} from './bindings';
import { queryKeys, recordKeys, scheduleKeys } from './queries';

/**
 * After a write that changes how a client shows up: the detail cache takes the fresh client
 * and the lists refetch; so do sessions and the dashboard, which show the clearance flag
 * and leave paused clients out of "needs attention".
 */
function useClientChanged() {
  const queryClient = useQueryClient();
  return (id: string, fresh?: Client) =>
    Promise.all([
      fresh
        ? queryClient.setQueryData(queryKeys.client(id), fresh)
        : queryClient.invalidateQueries({ queryKey: queryKeys.client(id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.clientLists }),
      queryClient.invalidateQueries({ queryKey: scheduleKeys.sessions }),
    ]);
}

export function useSetPaused() {
  const changed = useClientChanged();
  return useMutation<Client, AppError, { id: string; paused: boolean }>({
    mutationFn: ({ id, paused }) => api.clientSetPaused(id, paused),
    onSuccess: (client) => changed(client.id, client),
  });
}

export function useSetClearance() {
  const changed = useClientChanged();
  return useMutation<Client, AppError, { id: string; date: string | null }>({
    mutationFn: ({ id, date }) => api.clientSetClearance(id, date),
    onSuccess: (client) => changed(client.id, client),
  });
}

/** A "yes" flags the client as needing clearance, so the client refetches too. */
export function useRecordIntake(client: string) {
  const queryClient = useQueryClient();
  const changed = useClientChanged();
  return useMutation<ParqIntake, AppError, ParqInput>({
    mutationFn: (input) => api.intakeRecord(client, input),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: recordKeys.intakes(client) }), changed(client)]),
  });
}

export function useAddMeasurement(client: string) {
  const queryClient = useQueryClient();
  return useMutation<Measurement, AppError, MeasurementInput>({
    mutationFn: (input) => api.measurementAdd(client, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.measurements(client) }),
  });
}

export function useDeleteMeasurement(client: string) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.measurementDelete(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.measurements(client) }),
  });
}

export function useAddNote(client: string) {
  const queryClient = useQueryClient();
  return useMutation<ClientNote, AppError, string>({
    mutationFn: (body) => api.noteAdd(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.notes(client) }),
  });
}

export function useUpdateNote(client: string) {
  const queryClient = useQueryClient();
  return useMutation<ClientNote, AppError, { id: string; body: string }>({
    mutationFn: ({ id, body }) => api.noteUpdate(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.notes(client) }),
  });
}

export function useDeleteNote(client: string) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.noteDelete(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.notes(client) }),
  });
}

/** A dry run: a mutation rather than a query, because the file is too big for a cache key. */
export function useCsvPreview() {
  return useMutation<CsvPreview, AppError, CsvImportRequest>({
    mutationFn: (request) => api.clientsCsvPreview(request),
  });
}

export function useCsvImport() {
  const queryClient = useQueryClient();
  return useMutation<ImportReport, AppError, CsvImportRequest>({
    mutationFn: (request) => api.clientsCsvImport(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.clientLists }),
  });
}

export function useCsvExport() {
  // The path comes from the save dialog, which asked about replacing a file already.
  return useMutation<string, AppError, { path: string }>({
    mutationFn: ({ path }) => api.clientsCsvExport(path),
  });
}
