// React Query hooks for a client's training: plan dates, workout logs, progress and the
// progress report. Plans, templates and the library come from trainingQueries.ts; keys and what
// each write refreshes live in cacheKeys.ts.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../api';
import type {
  AppError,
  ClientProgress,
  LastTime,
  LogSaved,
  Plan,
  PlanDate,
  ReportRange,
  WorkoutLog,
  WorkoutLogInput,
  WorkoutLogPage,
  WorkoutSetInput,
} from '../bindings';
import { changed, trainingKeys } from '../cacheKeys';

/** A plan that may not be there (a free log, a log whose plan was deleted). */
export function useOptionalPlan(id: string | null) {
  return useQuery<Plan, AppError>({
    queryKey: trainingKeys.plan(id ?? 'none'),
    queryFn: () => api.planGet(id ?? ''),
    enabled: id !== null,
  });
}

export function usePlanDates(id: string | null) {
  return useQuery<PlanDate[], AppError>({
    queryKey: trainingKeys.planDates(id ?? 'none'),
    queryFn: () => api.planDates(id ?? ''),
    enabled: id !== null,
    // Sessions booked in the calendar change what it says.
    staleTime: 0,
  });
}

/** Workouts a page asks for: a client with hundreds of logs opens at once, "Load more" adds more. */
export const LOG_PAGE = 50;

/** A client's logs, newest first, a page at a time. */
export function useLogs(client: string) {
  return useInfiniteQuery<WorkoutLogPage, AppError, InfiniteData<WorkoutLogPage>, readonly unknown[], number>({
    queryKey: trainingKeys.logList(client),
    queryFn: ({ pageParam }) => api.logsList(client, pageParam, LOG_PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.logs.length, 0);
      return last.logs.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });
}

export function useLog(id: string | null) {
  return useQuery<WorkoutLog, AppError>({
    queryKey: trainingKeys.log(id ?? 'none'),
    queryFn: () => api.logGet(id ?? ''),
    enabled: id !== null,
    staleTime: 0,
  });
}

/** The sets a plan day prescribes, as a starting point: read once when the logger opens. */
export function usePrefill(day: { plan: string; week: number; day: number } | null) {
  return useQuery<WorkoutSetInput[], AppError>({
    queryKey: day ? trainingKeys.prefill(day.plan, day.week, day.day) : trainingKeys.noPrefill,
    queryFn: () => (day ? api.logPrefill(day.plan, day.week, day.day) : Promise.resolve([])),
    enabled: day !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * What the client did last time with each exercise (on or before `before`, not counting the log
 * being edited), and which are bodyweight. The previous answer stays while an added exercise loads.
 */
export function useLastTime(client: string, exercises: string[], before: string, except: string | null) {
  const ids = [...new Set(exercises)].sort();
  return useQuery<LastTime[], AppError>({
    queryKey: trainingKeys.lastTime(client, before, except, ids),
    queryFn: () => api.logsLastTime(client, ids, before, except),
    enabled: ids.length > 0,
    placeholderData: (previous) => previous,
  });
}

/** After a log is written: lists, progress and the plan schedules ("Logged") refresh. */
function useLogChanged() {
  const queryClient = useQueryClient();
  return (client: string) => changed.log(queryClient, client);
}

/** Creates a log, or with `id` replaces one. */
export function useSaveLog() {
  const logChanged = useLogChanged();
  return useMutation<LogSaved, AppError, { id: string | null; input: WorkoutLogInput }>({
    mutationFn: ({ id, input }) => (id ? api.logUpdate(id, input) : api.logCreate(input)),
    onSuccess: (saved) => logChanged(saved.log.clientId),
  });
}

export function useDeleteLog(client: string) {
  const logChanged = useLogChanged();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.logDelete(id),
    onSuccess: () => logChanged(client),
  });
}

export function useClientProgress(client: string) {
  return useQuery<ClientProgress, AppError>({
    queryKey: trainingKeys.progress(client),
    queryFn: () => api.clientProgress(client),
  });
}

export function useReportSave(client: string) {
  // The path comes from the save dialog, which asked about replacing a file already.
  return useMutation<string, AppError, { path: string; range: ReportRange }>({
    mutationFn: ({ path, range }) => api.clientReportSave(client, path, range),
  });
}
