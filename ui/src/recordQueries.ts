// Writes to the client record (status, clearance, intake, measurements, notes) and the
// clients CSV import/export. What each write refreshes is named in cacheKeys.ts.
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
import { changed } from './cacheKeys';

/** Paused, clearance, an intake's "yes": how the client shows up everywhere (see `changed.clientStanding`). */
function useClientChanged() {
  const queryClient = useQueryClient();
  return (id: string, fresh?: Client) => changed.clientStanding(queryClient, id, fresh);
}

export function useSetPaused() {
  const standing = useClientChanged();
  return useMutation<Client, AppError, { id: string; paused: boolean }>({
    mutationFn: ({ id, paused }) => api.clientSetPaused(id, paused),
    onSuccess: (client) => standing(client.id, client),
  });
}

export function useSetClearance() {
  const standing = useClientChanged();
  return useMutation<Client, AppError, { id: string; date: string | null }>({
    mutationFn: ({ id, date }) => api.clientSetClearance(id, date),
    onSuccess: (client) => standing(client.id, client),
  });
}

/** A "yes" flags the client as needing clearance, so the client refetches too. */
export function useRecordIntake(client: string) {
  const queryClient = useQueryClient();
  return useMutation<ParqIntake, AppError, ParqInput>({
    mutationFn: (input) => api.intakeRecord(client, input),
    onSuccess: () => changed.intake(queryClient, client),
  });
}

export function useAddMeasurement(client: string) {
  const queryClient = useQueryClient();
  return useMutation<Measurement, AppError, MeasurementInput>({
    mutationFn: (input) => api.measurementAdd(client, input),
    onSuccess: () => changed.measurements(queryClient, client),
  });
}

export function useDeleteMeasurement(client: string) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.measurementDelete(id),
    onSuccess: () => changed.measurements(queryClient, client),
  });
}

export function useAddNote(client: string) {
  const queryClient = useQueryClient();
  return useMutation<ClientNote, AppError, string>({
    mutationFn: (body) => api.noteAdd(client, body),
    onSuccess: () => changed.notes(queryClient, client),
  });
}

export function useUpdateNote(client: string) {
  const queryClient = useQueryClient();
  return useMutation<ClientNote, AppError, { id: string; body: string }>({
    mutationFn: ({ id, body }) => api.noteUpdate(id, body),
    onSuccess: () => changed.notes(queryClient, client),
  });
}

export function useDeleteNote(client: string) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.noteDelete(id),
    onSuccess: () => changed.notes(queryClient, client),
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
    onSuccess: () => changed.clientsImported(queryClient),
  });
}

export function useCsvExport() {
  // The path comes from the save dialog, which asked about replacing a file already.
  return useMutation<string, AppError, { path: string }>({
    mutationFn: ({ path }) => api.clientsCsvExport(path),
  });
}
