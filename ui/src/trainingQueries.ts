// React Query hooks for the exercise library, plans, templates and versions. Keys (all under
// 'training') and what each write refreshes live in cacheKeys.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from './api';
import { changed, trainingKeys } from './cacheKeys';
import type {
  AppError,
  DuplicateDecision,
  Exercise,
  ExerciseImportPreview,
  ExerciseImportReport,
  ExerciseInput,
  ExerciseQuery,
  FileUpload,
  NewPlan,
  Plan,
  PlanAssignment,
  PlanBody,
  PlanListQuery,
  PlanSave,
  PlanSummary,
  PlanVersion,
  PlanVersionDetail,
} from './bindings';

// ---- exercises ----

export function useExercises(query: ExerciseQuery) {
  return useQuery<Exercise[], AppError>({
    queryKey: trainingKeys.exerciseList(query),
    queryFn: () => api.exercisesList(query),
    // The last results stay up while the next search runs: no flicker while typing.
    placeholderData: keepPreviousData,
  });
}

/** The whole library, hidden ones included: pickers and caution look-ups by id. */
export function useExerciseIndex() {
  const all = useExercises({ includeHidden: true });
  const byId = useMemo(() => new Map((all.data ?? []).map((e) => [e.id, e])), [all.data]);
  return { ...all, byId };
}

function useExercisesChanged() {
  const queryClient = useQueryClient();
  return () => changed.exercises(queryClient);
}

export function useCreateExercise() {
  const exercisesChanged = useExercisesChanged();
  return useMutation<Exercise, AppError, ExerciseInput>({
    mutationFn: (input) => api.exerciseCreate(input),
    onSuccess: () => exercisesChanged(),
  });
}

export function useUpdateExercise() {
  const exercisesChanged = useExercisesChanged();
  return useMutation<Exercise, AppError, { id: string; input: ExerciseInput }>({
    mutationFn: ({ id, input }) => api.exerciseUpdate(id, input),
    onSuccess: () => exercisesChanged(),
  });
}

export function useSetExerciseHidden() {
  const exercisesChanged = useExercisesChanged();
  return useMutation<Exercise, AppError, { id: string; hidden: boolean }>({
    mutationFn: ({ id, hidden }) => api.exerciseSetHidden(id, hidden),
    onSuccess: () => exercisesChanged(),
  });
}

/** A dry run: a mutation rather than a query, because the file is too big for a cache key. */
export function useExerciseImportPreview() {
  return useMutation<ExerciseImportPreview, AppError, FileUpload>({
    mutationFn: (file) => api.exercisesImportPreview(file),
  });
}

export function useExerciseImport() {
  const exercisesChanged = useExercisesChanged();
  return useMutation<ExerciseImportReport, AppError, { file: FileUpload; decisions: DuplicateDecision[] }>({
    mutationFn: ({ file, decisions }) => api.exercisesImport(file, decisions),
    onSuccess: () => exercisesChanged(),
  });
}

// ---- plans and templates ----

export function usePlans(query: PlanListQuery) {
  return useQuery<PlanSummary[], AppError>({
    queryKey: trainingKeys.planList(query),
    queryFn: () => api.plansList(query),
  });
}

export function usePlan(id: string) {
  return useQuery<Plan, AppError>({
    queryKey: trainingKeys.plan(id),
    queryFn: () => api.planGet(id),
  });
}

export function usePlanVersions(id: string, enabled = true) {
  return useQuery<PlanVersion[], AppError>({
    queryKey: trainingKeys.versions(id),
    queryFn: () => api.planVersions(id),
    enabled,
    staleTime: 0,
  });
}

export function usePlanVersion(id: string, version: number | null) {
  return useQuery<PlanVersionDetail, AppError>({
    queryKey: trainingKeys.version(id, version ?? 0),
    queryFn: () => api.planVersion(id, version ?? 0),
    enabled: version !== null,
    // Versions never change once written.
    staleTime: Infinity,
  });
}

export function usePlanCompare(id: string, pair: { from: number; to: number } | null) {
  return useQuery<string[], AppError>({
    queryKey: trainingKeys.compare(id, pair?.from ?? 0, pair?.to ?? 0),
    queryFn: () => api.planCompare(id, pair?.from ?? 0, pair?.to ?? 0),
    enabled: pair !== null,
    staleTime: Infinity,
  });
}

/** Reads a plan afresh into the cache (after a refused save, to take the newest version). */
export function useFetchPlan() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => queryClient.fetchQuery<Plan, AppError>({ queryKey: trainingKeys.plan(id), queryFn: () => api.planGet(id), staleTime: 0 }),
    [queryClient],
  );
}

/** A plan changed: its detail takes the fresh copy; lists and its history refetch. */
function usePlanChanged() {
  const queryClient = useQueryClient();
  return (plan: Plan) => changed.plan(queryClient, plan);
}

export function useCreatePlan() {
  const planChanged = usePlanChanged();
  return useMutation<Plan, AppError, NewPlan>({
    mutationFn: (input) => api.planCreate(input),
    onSuccess: (plan) => planChanged(plan),
  });
}

export function useSavePlan() {
  const planChanged = usePlanChanged();
  return useMutation<Plan, AppError, { id: string; input: PlanSave }>({
    mutationFn: ({ id, input }) => api.planSave(id, input),
    onSuccess: (plan) => planChanged(plan),
  });
}

export function useRestorePlan() {
  const planChanged = usePlanChanged();
  return useMutation<Plan, AppError, { id: string; version: number }>({
    mutationFn: ({ id, version }) => api.planRestore(id, version),
    onSuccess: (plan) => planChanged(plan),
  });
}

export function usePlanFromTemplate() {
  const planChanged = usePlanChanged();
  return useMutation<Plan, AppError, { template: string; name: string | null; assignment: PlanAssignment | null }>({
    mutationFn: ({ template, name, assignment }) => api.planFromTemplate(template, name, assignment),
    onSuccess: (plan) => planChanged(plan),
  });
}

export function useSaveAsTemplate() {
  const planChanged = usePlanChanged();
  return useMutation<Plan, AppError, { id: string; name: string }>({
    mutationFn: ({ id, name }) => api.planSaveAsTemplate(id, name),
    onSuccess: (plan) => planChanged(plan),
  });
}

export function useAssignPlan() {
  const planChanged = usePlanChanged();
  return useMutation<Plan, AppError, { id: string; assignment: PlanAssignment }>({
    mutationFn: ({ id, assignment }) => api.planAssign(id, assignment),
    onSuccess: (plan) => planChanged(plan),
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, string>({
    mutationFn: (id) => api.planDelete(id),
    onSuccess: (_none, id) => changed.planDeleted(queryClient, id),
  });
}

export function useGeneratePlan() {
  return useMutation<PlanBody, AppError, { body: PlanBody; weeks: number }>({
    mutationFn: ({ body, weeks }) => api.planGenerate(body, weeks),
  });
}

export function usePlanPdfSave() {
  // The path comes from the save dialog, which asked about replacing a file already.
  return useMutation<string, AppError, { id: string; path: string }>({
    mutationFn: ({ id, path }) => api.planPdfSave(id, path),
  });
}

export function useFileOpen() {
  return useMutation<null, AppError, string>({
    mutationFn: (path) => api.fileOpen(path),
  });
}
