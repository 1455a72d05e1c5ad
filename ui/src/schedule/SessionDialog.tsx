// Loaded with the calendar's chunk, not with the first screen.
import '@mantine/dates/styles.css';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import type { AppError, Conflict, EditScope, FreeSlot, SaveOutcome, SessionKind, Trainer } from '../bindings';
import { ClearanceWarnings } from '../components/ClearanceWarnings';
import { useDiscardGuard } from '../components/DiscardGuard';
import { useClients, useInvalidateSessions, useRooms } from '../queries';
import { AttendanceList } from './AttendanceList';
import { ConflictList } from './ConflictList';
import { isGroup, isOneToOne, KIND_OPTIONS, STATUS_COLOR, STATUS_LABEL } from './kinds';
import { RepeatFields } from './RepeatFields';
import { SessionActions } from './SessionActions';
import { errorAt, formChanged, initialForm, toInput, type Form, type SessionDialogTarget } from './sessionForm';
import { inputFromSession } from './sessionInput';
import { findFreeSlots } from './freeSlots';
import { allZones, datePart, instantOf, isoWeekday, minutesBetween, timePart, wallClock } from './zoned';

export type { SessionDialogTarget } from './sessionForm';

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
  const [initial] = useState<Form>(() => initialForm(target, trainers));
  const [form, setForm] = useState<Form>(initial);
  const [scope, setScope] = useState<EditScope>('one');
  const [error, setError] = useState<AppError | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [slots, setSlots] = useState<FreeSlot[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const clients = useClients({ status: 'active', limit: 5000 });
  const rooms = useRooms();
  const invalidate = useInvalidateSessions();
  const editing = target.mode === 'edit' ? target.session : null;
  const inSeries = editing?.seriesId ?? null;
  // Escape, the × and Close ask before throwing away what was typed.
  const guard = useDiscardGuard(scope !== 'one' || formChanged(form, initial), onClose);

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
    setSlots(undefined);
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

  /** From the date and time in the form (not from now), or after the last slot offered. */
  async function findSlot(after?: string) {
    setBusy(true);
    try {
      const found = await findFreeSlots(
        {
          trainerId: form.trainerId,
          clientIds: form.clientIds,
          roomId: form.roomId,
          durationMinutes: minutesBetween(`${form.date}T${form.start}`, `${form.date}T${form.end}`),
          wanted: instantOf(`${form.date}T${form.start}`, form.timeZone),
          ignoreSessionId: editing?.id ?? null,
        },
        after,
      );
      setSlots(found);
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
    setSlots(undefined);
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
    <>
      <Modal
        opened
        onClose={guard.requestClose}
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
          {(!editing || editing.status === 'scheduled') && (
            <ClearanceWarnings clientIds={form.clientIds} doing={form.repeat ? 'book this series' : 'book this session'} />
          )}
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
              onFindSlot={form.repeat ? undefined : (after) => void findSlot(after)}
              slots={slots}
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
            <Button variant="default" onClick={guard.requestClose} data-testid="session-close">
              Close
            </Button>
            <Button onClick={() => void save(false)} loading={busy} data-testid="session-save">
              {editing ? 'Save changes' : form.repeat ? 'Create series' : 'Create session'}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {guard.dialog}
    </>
  );
}
