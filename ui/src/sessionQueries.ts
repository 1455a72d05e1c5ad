// React Query hooks for sessions: the calendar's ranges, one session, a client's sessions, the
// dashboard, and every session write (each refreshes what a session change touches, see
// `changed.sessions`). Undo buttons outlive the dialog that offered them, so the writes are
// also offered as plain functions bound to the query client (`useSessionWrites`).
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from './api';
import { changed, scheduleKeys } from './cacheKeys';
import { freeSlotQuery, type SlotSearch } from './schedule/freeSlots';
import type {
  AppError,
  Attendance,
  CalendarEntry,
  CalendarQuery,
  Dashboard,
  DashboardQuery,
  EditScope,
  FileUpload,
  IcsExportSummary,
  IcsPreview,
  Recurrence,
  SaveOutcome,
  Session,
  SessionInput,
  SessionStatus,
} from './bindings';

// ---- reading ----

/**
 * The calendar's sessions. `subscribed: false` (the calendar kept mounted but hidden) stops
 * following the cache, so a change made elsewhere does not redraw a calendar nobody sees; when
 * subscribed again it refetches what went stale meanwhile.
 */
export function useSessionsRange(query: CalendarQuery | null, subscribed = true) {
  return useQuery<CalendarEntry[], AppError>({
    queryKey: query ? scheduleKeys.range(query) : scheduleKeys.noRange,
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

/** Reads one session afresh (a click or drag in the calendar, a Ctrl+K link): never from a stale cache. */
export function useFetchSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => queryClient.fetchQuery({ queryKey: scheduleKeys.session(id), queryFn: () => api.sessionGet(id), staleTime: 0 }),
    [queryClient],
  );
}

/** Reads a series' repeat rule afresh (the dialog shows it when a change applies to the series). */
export function useFetchSeriesRecurrence() {
  const queryClient = useQueryClient();
  return useCallback(
    (series: string) =>
      queryClient.fetchQuery<Recurrence | null>({
        queryKey: scheduleKeys.series(series),
        queryFn: () => api.seriesRecurrence(series),
        staleTime: 0,
      }),
    [queryClient],
  );
}

/** Searches free slots: asked afresh every time (from now at the earliest), never cached. */
export function useFindFreeSlots() {
  return useCallback((search: SlotSearch, after?: string) => api.freeSlotFind(freeSlotQuery(search, after)), []);
}

// ---- writing ----

/** What saving a session sends: a new one, or `id` with the scope a series change applies to. */
export interface SessionSave {
  id: string | null;
  input: SessionInput;
  scope?: EditScope;
}

/** Each session write, then the refresh every session change needs. */
export function sessionWrites(queryClient: QueryClient) {
  const after = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    await changed.sessions(queryClient);
    return result;
  };
  return {
    /** A conflict writes nothing, so only a saved outcome refreshes. */
    save: async ({ id, input, scope }: SessionSave): Promise<SaveOutcome> => {
      const outcome = id ? await api.sessionUpdate(id, input, scope ?? 'one') : await api.sessionCreate(input);
      if (outcome.outcome === 'saved') await changed.sessions(queryClient);
      return outcome;
    },
    setStatus: (id: string, status: SessionStatus, late = false) => after(api.sessionSetStatus(id, status, late)),
    setAttendance: (id: string, client: string, attendance: Attendance) =>
      after(api.sessionSetAttendance(id, client, attendance)),
    /** Resolves with how many sessions changed. */
    cancel: (id: string, scope: EditScope, late = false) => after(api.sessionCancel(id, scope, late)),
    delete: (id: string) => after(api.sessionDelete(id)),
    restore: (id: string) => after(api.sessionRestore(id)),
    icsImport: (file: FileUpload, trainer: string) => after(api.icsImport(file, trainer)),
  };
}

export type SessionWrites = ReturnType<typeof sessionWrites>;

export function useSessionWrites(): SessionWrites {
  const queryClient = useQueryClient();
  return useMemo(() => sessionWrites(queryClient), [queryClient]);
}

/** Creates a session (or series), or with `id` changes one; a conflict comes back as the outcome. */
export function useSaveSession() {
  const writes = useSessionWrites();
  return useMutation<SaveOutcome, AppError, SessionSave>({ mutationFn: writes.save });
}

export function useSetSessionStatus() {
  const writes = useSessionWrites();
  return useMutation<Session, AppError, { id: string; status: SessionStatus; late?: boolean }>({
    mutationFn: ({ id, status, late }) => writes.setStatus(id, status, late ?? false),
  });
}

export function useSetAttendance() {
  const writes = useSessionWrites();
  return useMutation<Session, AppError, { id: string; client: string; attendance: Attendance }>({
    mutationFn: ({ id, client, attendance }) => writes.setAttendance(id, client, attendance),
  });
}

export function useCancelSession() {
  const writes = useSessionWrites();
  return useMutation<number, AppError, { id: string; scope: EditScope; late: boolean }>({
    mutationFn: ({ id, scope, late }) => writes.cancel(id, scope, late),
  });
}

export function useDeleteSession() {
  const writes = useSessionWrites();
  return useMutation<Session, AppError, string>({ mutationFn: writes.delete });
}

/** One session's invitation; the path comes from the save dialog, which asked about replacing. */
export function useExportSession() {
  return useMutation<IcsExportSummary, AppError, { id: string; path: string }>({
    mutationFn: ({ id, path }) => api.sessionExport(id, path),
  });
}

/** A trainer's whole calendar; the path comes from the save dialog, which asked about replacing. */
export function useExportCalendar() {
  return useMutation<IcsExportSummary, AppError, { trainer: string; path: string }>({
    mutationFn: ({ trainer, path }) => api.calendarExport(trainer, path),
  });
}

/** A dry run: what importing the file would do, nothing written. */
export function useIcsPreview() {
  return useMutation<IcsPreview, AppError, { file: FileUpload; trainer: string }>({
    mutationFn: ({ file, trainer }) => api.icsPreview(file, trainer),
  });
}

export function useIcsImport() {
  const writes = useSessionWrites();
  return useMutation<IcsPreview, AppError, { file: FileUpload; trainer: string }>({
    mutationFn: ({ file, trainer }) => writes.icsImport(file, trainer),
  });
}
