// Loaded with the calendar's chunk, not with the first screen.
import '@mantine/dates/styles.css';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Chip,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import type {
  AppError,
  Attendance,
  Conflict,
  EditScope,
  FreeSlot,
  Recurrence,
  SaveOutcome,
  Session,
  SessionInput,
  SessionKind,
  Trainer,
} from '../bindings';
import { ClearanceBadge } from '../components/ClearanceBadge';
import { useClients, useInvalidateSessions, useRooms } from '../queries';
import { ConflictList } from './ConflictList';
import { isGroup, isOneToOne, KIND_OPTIONS, STATUS_COLOR, STATUS_LABEL } from './kinds';
import { SessionActions } from './SessionActions';
import { inputFromSession } from './sessionInput';
import { allZones, datePart, isoWeekday, minutesBetween, timePart, wallClock } from './zoned';

/** What opens the dialog: a new session (maybe from a selected slot) or an existing one. */
export type SessionDialogTarget =
  | { mode: 'create'; trainer: Trainer; startLocal?: string; endLocal?: string; clientId?: string }
  | { mode: 'edit'; session: Session };

interface Form {
  trainerId: string;
  kind: SessionKind;
  clientIds: string[];
  title: string;
  roomId: string | null;
  timeZone: string;
  date: string;
  start: string;
  end: string;
  capacity: number | '';
  notes: string;
  repeat: boolean;
  weekdays: string[];
  intervalWeeks: number | '';
  endMode: 'count' | 'until';
  count: number | '';
  until: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function initialForm(target: SessionDialogTarget, trainers: Trainer[]): Form {
  if (target.mode === 'edit') {
    const s = target.session;
    return {
      trainerId: s.trainerId,
      kind: s.kind,
      clientIds: s.participants.map((p) => p.clientId),
      title: s.title,
      roomId: s.roomId,
      timeZone: s.timeZone,
      date: datePart(s.localStart),
      start: timePart(s.localStart),
      end: timePart(s.localEnd),
      capacity: s.capacity ?? '',
      notes: s.notes,
      repeat: false,
      weekdays: [String(isoWeekday(datePart(s.localStart)))],
      intervalWeeks: 1,
      endMode: 'count',
      count: 10,
      until: '',
    };
  }
  const trainer = target.trainer ?? trainers[0];
  const tz = trainer?.timeZone ?? 'UTC';
  const startLocal = target.startLocal ?? wallClock(nextQuarterHour(), tz);
  const endLocal = target.endLocal ?? wallClock(new Date(nextQuarterHour().getTime() + 3600_000), tz);
  return {
    trainerId: trainer?.id ?? '',
    kind: 'personal',
    clientIds: target.clientId ? [target.clientId] : [],
    title: '',
    roomId: null,
    timeZone: tz,
    date: datePart(startLocal),
    start: timePart(startLocal),
    end: timePart(endLocal),
    capacity: '',
    notes: '',
    repeat: false,
    weekdays: [String(isoWeekday(datePart(startLocal)))],
    intervalWeeks: 1,
    endMode: 'count',
    count: 10,
    until: '',
  };
}

function nextQuarterHour(): Date {
  const d = new Date();
  d.setSeconds(0, 0);
  d.setMinutes(Math.ceil((d.getMinutes() + 1) / 15) * 15);
  return d;
}

function toInput(form: Form, override: boolean): SessionInput {
  const recurrence: Recurrence | null = form.repeat
    ? {
        weekdays: form.weekdays.map(Number).sort(),
        intervalWeeks: Number(form.intervalWeeks) || 1,
        until: form.endMode === 'until' ? form.until || null : null,
        count: form.endMode === 'count' ? Number(form.count) || null : null,
      }
    : null;
  return {
    trainerId: form.trainerId,
    clientIds: form.clientIds,
    roomId: form.roomId,
    kind: form.kind,
    title: form.title,
    timeZone: form.timeZone,
    start: `${form.date}T${form.start}`,
    end: `${form.date}T${form.end}`,
    capacity: isGroup(form.kind) && form.capacity !== '' ? Number(form.capacity) : null,
    notes: form.notes,
    recurrence,
    overrideConflicts: override,
  };
}

/** The form field an error concerns (the backend's field names, mapped to inputs); a
 * field also takes errors about its items (`clientIds.2`). */
function errorAt(error: AppError | null, ...fields: string[]): string | undefined {
  if (!error?.field) return undefined;
  return fields.some((f) => error.field === f || error.field?.startsWith(`${f}.`)) ? error.message : undefined;
}

/** Only an error about exactly this field. */
function errorExactly(error: AppError | null, field: string): string | undefined {
  return error?.field === field ? error.message : undefined;
}

export function SessionDialog({
  target,
  trainers,
  onClose,
  onSaved,
}: {
  target: SessionDialogTarget;
  trainers: Trainer[];
  onClose: () => void;
  onSaved: (outcome: Extract<SaveOutcome, { outcome: 'saved' }>, undo: () => Promise<unknown>) => void;
}) {
  const [form, setForm] = useState<Form>(() => initialForm(target, trainers));
  const [scope, setScope] = useState<EditScope>('one');
  const [error, setError] = useState<AppError | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [slot, setSlot] = useState<FreeSlot | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const clients = useClients({ status: 'active', limit: 5000 });
  const rooms = useRooms();
  const invalidate = useInvalidateSessions();
  const editing = target.mode === 'edit' ? target.session : null;
  const inSeries = editing?.seriesId ?? null;

  // For "following"/"all", show the series' repeat rule so it can be changed.
  useEffect(() => {
    if (!inSeries || scope === 'one') {
      setForm((f) => ({ ...f, repeat: false }));
      return;
    }
    void api.seriesRecurrence(inSeries).then((rec) => {
      if (!rec) return;
      setForm((f) => ({
        ...f,
        repeat: true,
        weekdays: rec.weekdays.map(String),
        intervalWeeks: rec.intervalWeeks,
        endMode: rec.count ? 'count' : 'until',
        count: rec.count ?? 10,
        until: rec.until ?? '',
      }));
    });
  }, [inSeries, scope]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      // The repeat days follow the date while they are just "the day of the first session".
      if (key === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const was = String(isoWeekday(f.date));
        if (f.weekdays.length === 0 || (f.weekdays.length === 1 && f.weekdays[0] === was)) {
          next.weekdays = [String(isoWeekday(value))];
        }
      }
      return next;
    });
    setConflicts(null);
    setSlot(undefined);
  };

  const clientOptions = useMemo(() => {
    const list = (clients.data ?? []).map((c) => ({ value: c.id, label: c.name }));
    // Participants who are no longer in the active list still show by name.
    for (const p of editing?.participants ?? []) {
      if (!list.some((o) => o.value === p.clientId)) list.push({ value: p.clientId, label: p.name });
    }
    return list;
  }, [clients.data, editing]);
  // The list the webview knows, plus the session's own zone (e.g. "Etc/UTC") if it is not in it.
  const zones = useMemo(() => {
    const list = allZones();
    return list.includes(form.timeZone) ? list : [form.timeZone, ...list];
  }, [form.timeZone]);

  async function save(override: boolean) {
    setBusy(true);
    setError(null);
    try {
      const input = toInput(form, override);
      const outcome = editing
        ? await api.sessionUpdate(editing.id, input, inSeries ? scope : 'one')
        : await api.sessionCreate(input);
      if (outcome.outcome === 'conflicts') {
        setConflicts(outcome.conflicts);
        return;
      }
      await invalidate();
      onSaved(outcome, undoFor(outcome));
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  /** How to take this save back: delete what was created, or restore the old times. */
  function undoFor(outcome: Extract<SaveOutcome, { outcome: 'saved' }>): () => Promise<unknown> {
    if (!editing) {
      const first = outcome.sessions[0];
      if (!first) return async () => undefined;
      return first.seriesId ? () => api.sessionCancel(first.id, 'all') : () => api.sessionDelete(first.id);
    }
    const previous = inputFromSession(editing, { override: true });
    const movedId = outcome.sessions[0]?.id ?? editing.id;
    return () => api.sessionUpdate(movedId, previous, 'one');
  }

  async function findSlot() {
    setBusy(true);
    try {
      const length = minutesBetween(`${form.date}T${form.start}`, `${form.date}T${form.end}`);
      const found = await api.freeSlotFind({
        trainerId: form.trainerId,
        clientIds: form.clientIds,
        roomId: form.roomId,
        durationMinutes: length > 0 ? length : 60,
        after: new Date().toISOString(),
        withinDays: 28,
        ignoreSessionId: editing?.id ?? null,
      });
      setSlot(found);
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  function useSlot(s: FreeSlot) {
    const start = wallClock(s.start, form.timeZone);
    const end = wallClock(s.end, form.timeZone);
    setForm((f) => ({ ...f, date: datePart(start), start: timePart(start), end: timePart(end) }));
    setConflicts(null);
    setSlot(undefined);
  }

  const generalError = error && !error.field ? error.message : null;
  const unplacedError =
    error?.field &&
    ![
      'trainerId',
      'clientIds',
      'roomId',
      'kind',
      'title',
      'timeZone',
      'start',
      'end',
      'capacity',
      'notes',
      'recurrence',
    ].some((f) => error.field === f || error.field?.startsWith(`${f}.`))
      ? error.message
      : null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? `Session: ${editing.label}` : 'New session'}
      size="lg"
      data-testid="session-dialog"
    >
      <Stack gap="sm">
        {editing && (
          <Group gap="xs">
            <Badge color={STATUS_COLOR[editing.status]} data-testid="session-status">
              {STATUS_LABEL[editing.status]}
              {editing.lateCancel ? ' (late)' : ''}
            </Badge>
            {editing.seriesId && <Badge variant="light">{editing.detached ? 'Series (edited on its own)' : 'Series'}</Badge>}
          </Group>
        )}
        {editing && <SessionActions session={editing} onDone={onClose} />}
        {editing && editing.participants.length > 0 && (
          <AttendanceList session={editing} />
        )}
        {editing && <Divider label="Details" labelPosition="left" />}

        <Group grow align="flex-start">
          <Select
            label="Trainer"
            data={trainers.map((t) => ({ value: t.id, label: t.isMe ? `${t.name} (me)` : t.name }))}
            value={form.trainerId}
            onChange={(v) => {
              const t = trainers.find((x) => x.id === v);
              setForm((f) => ({ ...f, trainerId: v ?? '', timeZone: editing ? f.timeZone : t?.timeZone ?? f.timeZone }));
            }}
            error={errorAt(error, 'trainerId')}
            allowDeselect={false}
            data-testid="session-trainer"
          />
          <Select
            label="Type"
            data={KIND_OPTIONS}
            value={form.kind}
            onChange={(v) => v && set('kind', v as SessionKind)}
            allowDeselect={false}
            error={errorAt(error, 'kind')}
            data-testid="session-kind"
          />
        </Group>
        <MultiSelect
          label={isOneToOne(form.kind) ? 'Client' : 'Clients'}
          placeholder="Type a name"
          data={clientOptions}
          value={form.clientIds}
          onChange={(v) => set('clientIds', isOneToOne(form.kind) ? v.slice(-1) : v)}
          searchable
          limit={50}
          nothingFoundMessage="No active client by that name"
          error={errorAt(error, 'clientIds')}
          data-testid="session-clients"
        />
        <Group grow align="flex-start">
          <TextInput
            label="Title"
            description={isOneToOne(form.kind) ? 'Optional: the client’s name shows otherwise' : undefined}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorAt(error, 'title')}
            data-testid="session-title"
          />
          <Select
            label="Room"
            placeholder="None"
            clearable
            data={(rooms.data ?? []).map((r) => ({
              value: r.id,
              label: r.capacity ? `${r.name} (${r.capacity})` : r.name,
            }))}
            value={form.roomId}
            onChange={(v) => set('roomId', v)}
            error={errorAt(error, 'roomId')}
            data-testid="session-room"
          />
        </Group>
        <Group grow align="flex-start">
          <DateInput
            label="Date"
            valueFormat="YYYY-MM-DD"
            value={form.date}
            onChange={(v) => v && set('date', typeof v === 'string' ? v : String(v))}
            data-testid="session-date"
          />
          <TextInput
            label="Start"
            placeholder="HH:MM"
            value={form.start}
            onChange={(e) => set('start', e.currentTarget.value)}
            error={errorAt(error, 'start')}
            data-testid="session-start"
          />
          <TextInput
            label="End"
            placeholder="HH:MM"
            value={form.end}
            onChange={(e) => set('end', e.currentTarget.value)}
            error={errorAt(error, 'end')}
            data-testid="session-end"
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Time zone"
            description="Planned in this zone; stays at this local time across daylight saving"
            data={zones}
            value={form.timeZone}
            onChange={(v) => v && set('timeZone', v)}
            searchable
            allowDeselect={false}
            error={errorAt(error, 'timeZone')}
            data-testid="session-zone"
          />
          {isGroup(form.kind) && (
            <NumberInput
              label="Capacity"
              min={1}
              max={500}
              placeholder={form.kind === 'class' ? '20' : '6'}
              value={form.capacity}
              onChange={(v) => set('capacity', typeof v === 'number' ? v : '')}
              error={errorAt(error, 'capacity')}
              data-testid="session-capacity"
            />
          )}
        </Group>

        {inSeries && (
          <Radio.Group
            label="Apply changes to"
            value={scope}
            onChange={(v) => setScope(v as EditScope)}
            data-testid="session-scope"
          >
            <Group gap="md" mt={4}>
              <Radio value="one" label="This session" data-testid="session-scope-one" />
              <Radio value="following" label="This and following" data-testid="session-scope-following" />
              <Radio value="all" label="Whole series" data-testid="session-scope-all" />
            </Group>
          </Radio.Group>
        )}
        {(!editing || (inSeries && scope !== 'one')) && (
          <RepeatFields form={form} set={set} error={error} locked={Boolean(inSeries)} />
        )}

        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={8}
          value={form.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={errorAt(error, 'notes')}
          data-testid="session-notes"
        />

        {conflicts && (
          <ConflictList
            conflicts={conflicts}
            timeZone={form.timeZone}
            onOverride={() => void save(true)}
            onFindSlot={form.repeat ? undefined : () => void findSlot()}
            slot={slot}
            onUseSlot={useSlot}
            busy={busy}
          />
        )}
        {(generalError || unplacedError) && (
          <Alert color="red" data-testid="session-error">
            {generalError ?? unplacedError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={() => void save(false)} loading={busy} data-testid="session-save">
            {editing ? 'Save changes' : form.repeat ? 'Create series' : 'Create session'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RepeatFields({
  form,
  set,
  error,
  locked,
}: {
  form: Form;
  set: <K extends keyof Form>(key: K, value: Form[K]) => void;
  error: AppError | null;
  locked: boolean;
}) {
  return (
    <Stack gap="xs">
      {!locked && (
        <Checkbox
          label="Repeat weekly"
          checked={form.repeat}
          onChange={(e) => set('repeat', e.currentTarget.checked)}
          data-testid="session-repeat"
        />
      )}
      {form.repeat && (
        <Stack gap="xs" pl={locked ? 0 : 'lg'}>
          <Chip.Group multiple value={form.weekdays} onChange={(v) => set('weekdays', v)}>
            <Group gap={4}>
              {WEEKDAYS.map((d, i) => (
                <Chip key={d} value={String(i + 1)} size="xs" wrapperProps={{ "data-testid": `session-weekday-${i + 1}` }}>
                  {d}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errorAt(error, 'recurrence.weekdays') && (
            <Text size="xs" c="red" data-testid="session-weekdays-error">
              {errorAt(error, 'recurrence.weekdays')}
            </Text>
          )}
          <Group align="flex-start" gap="sm">
            <NumberInput
              label="Every … weeks"
              min={1}
              max={52}
              w={120}
              value={form.intervalWeeks}
              onChange={(v) => set('intervalWeeks', typeof v === 'number' ? v : '')}
              error={errorAt(error, 'recurrence.intervalWeeks')}
              data-testid="session-interval"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Ends
              </Text>
              <SegmentedControl
                size="xs"
                value={form.endMode}
                onChange={(v) => set('endMode', v as Form['endMode'])}
                data={[
                  { value: 'count', label: 'After' },
                  { value: 'until', label: 'On date' },
                ]}
                data-testid="session-end-mode"
              />
            </Stack>
            {form.endMode === 'count' ? (
              <NumberInput
                label="Sessions"
                min={2}
                max={500}
                w={110}
                value={form.count}
                onChange={(v) => set('count', typeof v === 'number' ? v : '')}
                error={errorAt(error, 'recurrence.count') ?? errorExactly(error, 'recurrence')}
                data-testid="session-count"
              />
            ) : (
              <DateInput
                label="Last day"
                valueFormat="YYYY-MM-DD"
                w={150}
                value={form.until || null}
                onChange={(v) => set('until', v ? String(v) : '')}
                error={errorAt(error, 'recurrence.until') ?? errorExactly(error, 'recurrence')}
                data-testid="session-until"
              />
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

const ATTENDANCE: { value: Attendance; label: string }[] = [
  { value: 'expected', label: 'Expected' },
  { value: 'attended', label: 'Attended' },
  { value: 'no_show', label: 'No-show' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'late_cancelled', label: 'Late cancel' },
];

function AttendanceList({ session }: { session: Session }) {
  const invalidate = useInvalidateSessions();
  const [current, setCurrent] = useState(session.participants);
  return (
    <Stack gap={4} data-testid="attendance-list">
      {current.map((p) => (
        <Group key={p.clientId} justify="space-between" gap="xs">
          <Group gap={6}>
            <Text size="sm">{p.name}</Text>
            <ClearanceBadge needsClearance={p.needsClearance} size="xs" />
          </Group>
          <Select
            size="xs"
            w={140}
            data={ATTENDANCE}
            value={p.attendance}
            allowDeselect={false}
            aria-label={`Attendance of ${p.name}`}
            onChange={(v) => {
              if (!v) return;
              void api.sessionSetAttendance(session.id, p.clientId, v as Attendance).then((s) => {
                setCurrent(s.participants);
                return invalidate();
              });
            }}
          />
        </Group>
      ))}
    </Stack>
  );
}
