import { Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError, Plan, ProgressionRule } from '../bindings';
import { useOptionalClient, useSettings } from '../queries';
import {
  useDeletePlan,
  useExerciseIndex,
  useFetchPlan,
  useGeneratePlan,
  usePlan,
  useSavePlan,
} from '../trainingQueries';
import { AssignPlanModal } from './AssignPlanModal';
import {
  addDay,
  addItem,
  addWeek,
  duplicateWeek,
  editDay,
  editItem,
  editWeek,
  moveItem,
  removeDay,
  removeItem,
  removeWeek,
  replaceWeeks,
  sameAsSaved,
  toBody,
  toDraft,
} from './draft';
import { HistoryDrawer } from './HistoryDrawer';
import { LeaveDialog } from './LeaveDialog';
import { placeOf, selectorOf, targetOf } from './planErrors';
import { PlanAlerts } from './PlanAlerts';
import { PlanHeader } from './PlanHeader';
import { PlanPdfModal } from './PlanPdfModal';
import { ProgressionPanel } from './ProgressionPanel';
import { SaveTemplateModal } from './SaveTemplateModal';
import { useDraft } from './useDraft';
import { usePlanShortcuts } from './usePlanShortcuts';
import { useLeaveGuard } from './useLeaveGuard';
import { UseTemplateModal } from './UseTemplateModal';
import { WeekEditor, type WeekActions } from './WeekEditor';

/** `#/training/plans/:id`: loads the plan, then the editor (keyed, so another plan starts fresh). */
export function PlanBuilderScreen() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  if (plan.isError) {
    const gone = plan.error.code === 'not_found';
    return (
      <Stack gap="sm" maw={560}>
        <Title order={2}>{gone ? 'Plan not found' : 'Could not load this plan'}</Title>
        <Text c="dimmed">{gone ? 'This plan does not exist or was deleted.' : plan.error.message}</Text>
        <Anchor component={Link} to="/training?tab=plans">
          Back to plans
        </Anchor>
      </Stack>
    );
  }
  if (!plan.data) return null; // Local and fast: a spinner would only flash.
  return <PlanEditor key={plan.data.id} plan={plan.data} />;
}

type Dialog = 'history' | 'assign' | 'pdf' | 'template' | 'use' | null;

function PlanEditor({ plan }: { plan: Plan }) {
  const navigate = useNavigate();
  const fetchPlan = useFetchPlan();
  const units = useSettings().data?.units ?? 'metric';
  const library = useExerciseIndex();
  const exerciseOptions = useMemo(
    () => (library.data ?? []).filter((e) => !e.hidden).map((e) => ({ value: e.id, label: e.name })),
    [library.data],
  );

  // `base` is the saved version the draft started from; `plan` is what the cache says now.
  const [base, setBase] = useState(plan);
  const { draft, update, undo, redo, reset, canUndo } = useDraft(() => toDraft(plan.name, plan.body));
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const dirty = useMemo(() => !sameAsSaved(draft, base.name, base.body), [draft, base]);
  const [week, setWeek] = useState(0);
  const current = Math.min(week, draft.weeks.length - 1);
  const [error, setError] = useState<AppError | null>(null);
  const errorTarget = useRef<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const save = useSavePlan();
  const generate = useGeneratePlan();
  const remove = useDeletePlan();
  const guard = useLeaveGuard(dirty && !remove.isSuccess);
  const place = placeOf(error);
  const conflict = error?.field === 'baseVersion';
  // Saved elsewhere meanwhile (another window, an AI suggestion accepted): the cache is ahead.
  const newer = plan.version > base.version ? plan : null;
  // The caution mark shows where an exercise touches one of this client's injuries (none on a template).
  const client = useOptionalClient(base.clientId ?? null);
  const injuryAreas = (client.data?.bodyAreas ?? []).join(',');

  // Follow the cache when that loses nothing: a new assignment, or a newer version while
  // the draft has no changes of its own (or is exactly what was just saved).
  useEffect(() => {
    if (plan === base) return;
    if (plan.version === base.version) {
      setBase(plan);
    } else if (plan.version > base.version) {
      if (sameAsSaved(draftRef.current, plan.name, plan.body)) setBase(plan);
      else if (sameAsSaved(draftRef.current, base.name, base.body)) {
        setBase(plan);
        reset(toDraft(plan.name, plan.body));
      }
    }
  }, [plan, base, reset]);

  // Put the cursor on the field in error; stop showing the error once it has been edited.
  useEffect(() => {
    if (!error) return;
    errorTarget.current = targetOf(draftRef.current, placeOf(error));
    const selector = selectorOf(error, placeOf(error));
    if (selector) document.querySelector<HTMLElement>(selector)?.focus();
  }, [error]);
  useEffect(() => {
    if (error && !conflict && targetOf(draft, placeOf(error)) !== errorTarget.current) setError(null);
  }, [draft, error, conflict]);

  const actions = useMemo<WeekActions>(
    () => ({
      edit: (w, d, i, patch, tag) => update((x) => editItem(x, w, d, i, patch), tag),
      remove: (w, d, i) => update((x) => removeItem(x, w, d, i)),
      move: (w, d, from, to) => update((x) => moveItem(x, w, d, from, to)),
      editDay: (w, d, patch, tag) => update((x) => editDay(x, w, d, (day) => ({ ...day, ...patch })), tag),
      removeDay: (w, d) => update((x) => removeDay(x, w, d)),
      addItem: (w, d, exercise) => update((x) => addItem(x, w, d, exercise)),
      addWeek: () => {
        setWeek(draftRef.current.weeks.length);
        update(addWeek);
      },
      duplicateWeek: (w) => {
        setWeek(w + 1);
        update((x) => duplicateWeek(x, w));
      },
      removeWeek: (w) => {
        setWeek(Math.max(0, w - 1));
        update((x) => (x.weeks.length > 1 ? removeWeek(x, w) : x));
      },
      setDeload: (w, deload) => update((x) => editWeek(x, w, (wk) => ({ ...wk, deload }))),
      addDay: (w) => update((x) => addDay(x, w)),
    }),
    [update],
  );

  const doSave = (then?: () => void) => {
    if (save.isPending) return;
    if (!dirty) {
      then?.();
      return;
    }
    const sent = draft;
    setError(null);
    save.mutate(
      { id: base.id, input: { name: sent.name, body: toBody(sent), baseVersion: base.version } },
      {
        onSuccess: (saved) => {
          setBase(saved);
          // The backend tidies names and spaces; take its copy unless the trainer typed on meanwhile.
          if (draftRef.current === sent && !sameAsSaved(sent, saved.name, saved.body)) reset(toDraft(saved.name, saved.body));
          notifications.show({
            message: saved.version > base.version ? `Saved as version ${saved.version}` : 'Nothing changed',
            autoClose: 2500,
          });
          then?.();
        },
        onError: (e) => {
          const at = placeOf(e);
          if (at) setWeek(at.week);
          setError(e);
          guard.stay();
        },
      },
    );
  };
  const saveRef = useRef(doSave);
  saveRef.current = doSave;

  usePlanShortcuts(() => saveRef.current(), undo, redo);

  /** After a refused save: take the newest version, with (keep) or without the draft's changes. */
  const reload = async (keepChanges: boolean) => {
    try {
      const fresh = await fetchPlan(base.id);
      setBase(fresh);
      setError(null);
      if (!keepChanges) reset(toDraft(fresh.name, fresh.body));
    } catch (e) {
      setError(e as AppError);
    }
  };

  const runGenerate = (weeks: number) =>
    generate.mutate(
      { body: toBody(draft), weeks },
      {
        onSuccess: (body) => {
          update((x) => replaceWeeks(x, body));
          setWeek(0);
        },
      },
    );

  const deletePlan = () =>
    remove.mutate(base.id, {
      onSuccess: () => {
        guard.leave(() => navigate(`/training?tab=${base.isTemplate ? 'templates' : 'plans'}`));
        notifications.show({ message: `Deleted “${base.name}”`, autoClose: 4000 });
      },
    });

  const setRule = (rule: ProgressionRule) => update((x) => ({ ...x, rule }), 'rule');
  const planLevelError = error && !place && !conflict && error.field !== 'name' ? error : null;

  return (
    <>
      <PlanHeader
        plan={base}
        name={draft.name}
        onName={(name) => update((x) => ({ ...x, name }), 'name')}
        nameError={error?.field === 'name' ? error : null}
        dirty={dirty}
        saving={save.isPending}
        canUndo={canUndo}
        deleting={remove.isPending}
        onUndo={undo}
        onSave={() => doSave()}
        onOpen={setDialog}
        onDelete={deletePlan}
      />

      <Stack gap="sm">
        <PlanAlerts
          error={error}
          newerVersion={newer && dirty ? newer.version : null}
          onReload={(keep) => void reload(keep)}
          onShow={(at) => {
            setWeek(at.week);
            const selector = error ? selectorOf(error, at) : null;
            if (selector) setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus());
          }}
        />

        <ProgressionPanel
          rule={draft.rule}
          notes={draft.notes}
          weeks={draft.weeks.length}
          units={units}
          error={planLevelError ?? generate.error}
          generating={generate.isPending}
          onRule={setRule}
          onNotes={(notes) => update((x) => ({ ...x, notes }), 'notes')}
          onGenerate={runGenerate}
        />

        <WeekEditor
          weeks={draft.weeks}
          current={current}
          onSelect={setWeek}
          startDate={base.isTemplate ? null : (base.startDate ?? null)}
          exercises={exerciseOptions}
          library={library.byId}
          injuryAreas={injuryAreas}
          units={units}
          actions={actions}
          error={place && error ? { ...place, field: error.field ?? null, message: error.message } : null}
        />
      </Stack>

      <HistoryDrawer
        plan={base}
        opened={dialog === 'history'}
        onClose={() => setDialog(null)}
        dirty={dirty}
        units={units}
        onRestored={(restored) => {
          setBase(restored);
          reset(toDraft(restored.name, restored.body));
          setError(null);
          setDialog(null);
          notifications.show({ message: `Restored as version ${restored.version}`, autoClose: 3000 });
        }}
      />
      {!base.isTemplate && <AssignPlanModal plan={base} opened={dialog === 'assign'} onClose={() => setDialog(null)} />}
      <PlanPdfModal
        opened={dialog === 'pdf'}
        onClose={() => setDialog(null)}
        planId={base.id}
        name={base.name}
        version={base.version}
        dirty={dirty}
      />
      <SaveTemplateModal plan={base} dirty={dirty} opened={dialog === 'template'} onClose={() => setDialog(null)} />
      {base.isTemplate && (
        <UseTemplateModal
          template={
            dialog === 'use'
              ? {
                  id: base.id,
                  name: base.name,
                  weeks: base.body.weeks.length,
                  daysPerWeek: base.body.weeks[0]?.days.length ?? 0,
                  currentVersion: base.version,
                }
              : null
          }
          onClose={() => setDialog(null)}
        />
      )}
      <LeaveDialog
        opened={guard.asking}
        saving={save.isPending}
        onStay={guard.stay}
        onDiscard={guard.proceed}
        onSave={() => doSave(guard.proceed)}
      />
    </>
  );
}
