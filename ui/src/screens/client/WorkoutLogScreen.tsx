import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Client, LogSaved, Plan, Units } from '../../bindings';
import { formatEstimate } from '../../clientTraining/estimates';
import { PlanDayPicker } from '../../clientTraining/PlanDayPicker';
import { logPath } from '../../clientTraining/planDays';
import { useDeleteLog, useLog, useOptionalPlan, usePrefill } from '../../clientTraining/queries';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { PageHeader } from '../../components/PageHeader';
import { formatIsoDate, todayIso } from '../../format';
import { useClient, useSettings } from '../../queries';
import { blocksFromLog, blocksFromPrefill } from './logRows';
import { RecordFlags } from './RecordFlags';
import { WorkoutLogger, type LoggerStart } from './WorkoutLogger';

/** What the logger's address carries in its history state. */
interface LogState {
  /** Where "Done" returns to (the dashboard, the Plans tab…). */
  from?: string;
  /** Just saved: show what was saved and the records it set. */
  saved?: LogSaved;
}

/** `/clients/:id/log` (new, optionally for a plan day and session) and `/clients/:id/log/:logId`. */
export function WorkoutLogScreen() {
  const { id = '', logId } = useParams();
  const client = useClient(id);
  const settings = useSettings();
  const location = useLocation();
  const state = (location.state ?? {}) as LogState;

  if (client.isError) return <Problem title="Could not open this client" message={client.error.message} />;
  if (!client.data || !settings.data) return null;
  const props = { client: client.data, units: settings.data.units, back: state.from ?? `/clients/${id}?tab=logs` };
  if (logId && state.saved) return <SavedWorkout {...props} saved={state.saved} />;
  // A plan day picked on a free log changes the query: the logger starts again from that day.
  return logId ? <EditLog key={logId} {...props} logId={logId} /> : <NewLog key={location.search} {...props} />;
}

interface ScreenProps {
  client: Client;
  units: Units;
  back: string;
}

/** After saving, the log's own address (Back and reloads reach the saved log, never a second copy). */
function useShowSaved(client: Client, back: string) {
  const navigate = useNavigate();
  return (saved: LogSaved) =>
    navigate(`/clients/${client.id}/log/${saved.log.id}`, { replace: true, state: { from: back, saved } satisfies LogState });
}

function NewLog({ client, units, back }: ScreenProps) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const showSaved = useShowSaved(client, back);
  const planId = params.get('plan');
  const week = Number(params.get('week'));
  const dayIndex = Number(params.get('day'));
  const day = planId && week >= 1 && dayIndex >= 0 && params.get('day') !== null ? { plan: planId, week, day: dayIndex } : null;
  const plan = useOptionalPlan(day?.plan ?? null);
  const prefill = usePrefill(day);
  // The rows start from the data once; refetches later must not reset what was typed.
  const [start, setStart] = useState<LoggerStart | null>(null);

  const error = plan.error ?? prefill.error;
  if (error) return <Problem title="Could not start this workout from the plan" message={error.message} client={client} />;
  const ready = !day || (plan.data && prefill.data);
  if (ready && !start) {
    setStart({
      clientId: client.id,
      performedOn: todayIso(),
      notes: '',
      blocks: day && plan.data && prefill.data ? blocksFromPrefill(prefill.data, { ...day, plan: plan.data }, new Map(), units) : [],
      planId: day?.plan ?? null,
      week: day?.week ?? null,
      dayIndex: day?.day ?? null,
      sessionId: params.get('session'),
    });
  }
  if (!start) return null;
  return (
    <>
      <LogHeader client={client} title="Log workout" plan={plan.data ?? null} week={start.week} dayIndex={start.dayIndex} withSession={start.sessionId !== null} />
      {!day && (
        <PlanDayPicker
          clientId={client.id}
          onPick={(target) =>
            navigate(logPath(client.id, { ...target, session: start.sessionId }), { replace: true, state: location.state })
          }
        />
      )}
      <WorkoutLogger start={start} units={units} logId={null} onSaved={showSaved} />
    </>
  );
}

function EditLog({ client, units, back, logId }: ScreenProps & { logId: string }) {
  const navigate = useNavigate();
  const showSaved = useShowSaved(client, back);
  const log = useLog(logId);
  const plan = useOptionalPlan(log.data?.planId ?? null);
  const remove = useDeleteLog(client.id);
  const [start, setStart] = useState<LoggerStart | null>(null);

  if (log.isError) return <Problem title="Could not open this workout" message={log.error.message} client={client} />;
  // A deleted plan only costs the prescriptions beside the sets.
  const ready = log.data && (!log.data.planId || plan.data || plan.isError);
  if (ready && log.data && !start) {
    const l = log.data;
    setStart({
      clientId: client.id,
      performedOn: l.performedOn,
      notes: l.notes,
      blocks: blocksFromLog(l, plan.data ?? null, units),
      planId: l.planId ?? null,
      week: l.week ?? null,
      dayIndex: l.dayIndex ?? null,
      sessionId: l.sessionId ?? null,
    });
  }
  if (!start || !log.data) return null;

  const deleteLog = () =>
    remove.mutate(logId, {
      onSuccess: () => {
        notifications.show({ message: `Workout of ${formatIsoDate(log.data.performedOn)} deleted` });
        navigate(back, { replace: true });
      },
    });

  return (
    <>
      <LogHeader
        client={client}
        title={`Workout of ${formatIsoDate(log.data.performedOn)}`}
        plan={plan.data ?? null}
        planName={log.data.planName ?? null}
        week={start.week}
        dayIndex={start.dayIndex}
        withSession={start.sessionId !== null}
        actions={
          <ConfirmDelete
            question="Delete this workout and its sets? Its records go with it."
            onConfirm={deleteLog}
            loading={remove.isPending}
            testId="log-delete"
          />
        }
      />
      {remove.error && (
        <Alert color="red" variant="light" mb="md" title="Not deleted">
          {remove.error.message}
        </Alert>
      )}
      <WorkoutLogger start={start} units={units} logId={logId} onSaved={showSaved} />
    </>
  );
}

/** What was just saved, and the records it set: the moment worth telling the client. */
function SavedWorkout({ client, units, back, saved }: ScreenProps & { saved: LogSaved }) {
  const navigate = useNavigate();
  const { log, records } = saved;
  const sets = log.sets.filter((s) => s.reps > 0).length;
  const exercises = new Set(log.sets.map((s) => s.exerciseId)).size;
  const volume = log.sets.reduce((sum, s) => sum + s.reps * s.loadKg, 0);
  return (
    <>
      <LogHeader client={client} title="Workout saved" plan={null} planName={log.planName ?? null} week={log.week ?? null} dayIndex={log.dayIndex ?? null} withSession={false} />
      <Stack gap="md" maw={720} data-testid="log-saved">
        <Text>
          {formatIsoDate(log.performedOn)}: {sets} {sets === 1 ? 'set' : 'sets'} of {exercises}{' '}
          {exercises === 1 ? 'exercise' : 'exercises'}, volume {formatEstimate(volume, units)}.
        </Text>
        {records.length > 0 ? (
          <RecordFlags records={records} units={units} />
        ) : (
          <Text c="dimmed" size="sm" data-testid="log-no-records">
            No new records this time.
          </Text>
        )}
        <Group gap="xs">
          <Button onClick={() => navigate(back)} data-autofocus data-testid="log-finish">
            Done
          </Button>
          <Button
            variant="default"
            onClick={() => navigate(`/clients/${client.id}/log/${log.id}`, { replace: true, state: { from: back } satisfies LogState })}
            data-testid="log-edit"
          >
            Edit this workout
          </Button>
          <Button variant="subtle" onClick={() => navigate(`/clients/${client.id}?tab=progress`)}>
            See progress
          </Button>
        </Group>
      </Stack>
    </>
  );
}

function LogHeader({
  client,
  title,
  plan,
  planName,
  week,
  dayIndex,
  withSession,
  actions,
}: {
  client: Client;
  title: string;
  plan: Plan | null;
  planName?: string | null;
  week: number | null;
  dayIndex: number | null;
  withSession: boolean;
  actions?: ReactNode;
}) {
  const dayName = plan && week && dayIndex !== null ? plan.body.weeks[week - 1]?.days[dayIndex]?.name : undefined;
  const name = plan?.name ?? planName;
  const planLine = name && week ? `${name} · week ${week} · ${dayName ?? `day ${(dayIndex ?? 0) + 1}`}` : 'Not from a plan';
  return (
    <PageHeader
      title={
        <div>
          <Title order={2}>{title}</Title>
          <Text size="sm" c="dimmed" data-testid="log-context">
            <Anchor component={Link} to={`/clients/${client.id}?tab=logs`} inherit>
              {client.name}
            </Anchor>{' '}
            · {planLine}
            {withSession && ' · for the booked session'}
          </Text>
        </div>
      }
      actions={actions}
    />
  );
}

function Problem({ title, message, client }: { title: string; message: string; client?: Client }) {
  return (
    <Stack gap="sm" maw={560}>
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{message}</Text>
      {client && (
        <Anchor component={Link} to={`/clients/${client.id}?tab=logs`}>
          Back to {client.name}
        </Anchor>
      )}
    </Stack>
  );
}
