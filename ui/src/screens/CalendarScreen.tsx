import type { DateSelectArg, DatesSetArg, EventClickArg, EventDropArg, EventInput } from '@fullcalendar/core';
import { firstDayOfWeek, formatClock } from '../dateFormat';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Box, Button, Group, Modal, MultiSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api';
import type { AppError, CalendarQuery, Conflict, FreeSlot, Session, SessionInput } from '../bindings';
import { PageHeader } from '../components/PageHeader';
import { useInvalidateSessions, usePrefetchSessionsRange, useRooms, useSessionsRange, useTrainers } from '../queries';
import { eventContent, eventTime, markEvent, toEvent } from '../schedule/calendarEvents';
import { ConflictList } from '../schedule/ConflictList';
import { findFreeSlots } from '../schedule/freeSlots';
import { IcsExportDialog, IcsImportDialog } from '../schedule/IcsDialogs';
import { SessionDialog, type SessionDialogTarget } from '../schedule/SessionDialog';
import { inputFromSession } from '../schedule/sessionInput';
import { notifyWithUndo } from '../schedule/undo';
import { instantOf, minutesBetween, wallClock } from '../schedule/zoned';

const VIEWS = ['timeGridDay', 'timeGridWeek', 'dayGridMonth', 'listWeek'];

/** Where `#/calendar?date=2026-11-23&view=timeGridDay` asks to go (links from the dashboard). */
function calendarTarget(params: URLSearchParams): { date?: string; view?: string } {
  const date = params.get('date') ?? '';
  const view = params.get('view') ?? '';
  return {
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    view: VIEWS.includes(view) ? view : undefined,
  };
}

/** Whether a view already shows a day: going to it anyway would draw every event again. */
function showsDate(view: { currentStart: Date; currentEnd: Date }, date: string): boolean {
  const day = new Date(`${date}T00:00:00`);
  return view.currentStart <= day && day < view.currentEnd;
}

/** Days between one range of a view and the next, for fetching ahead; none for the month grid. */
function stepDays(view: string): number | null {
  if (view === 'timeGridDay') return 1;
  if (view === 'timeGridWeek' || view === 'listWeek') return 7;
  return null;
}

/** An instant moved by whole local days, as FullCalendar moves its range (DST included). */
function shiftDays(iso: string, days: number): string {
  const d = new Date(iso);
  d.setDate(d.getDate() + days);
  return d.toISOString();
}

/** A drag or resize that collided: the trainer decides before anything is saved. */
interface PendingMove {
  session: Session;
  input: SessionInput;
  conflicts: Conflict[];
  slots?: FreeSlot[];
}

/**
 * The calendar. It stays mounted between visits (`KeptScreen`): `active` says whether it is the
 * screen showing. Hidden, it closes its dialogs and stops following the sessions cache; shown
 * again, it refetches, follows the link it was opened with (`?date=`, `?view=`) and otherwise
 * stays on the week the trainer left it at.
 */
export function CalendarScreen({ active = true }: { active?: boolean }) {
  const trainers = useTrainers();
  const rooms = useRooms();
  const invalidate = useInvalidateSessions();
  const prefetch = usePrefetchSessionsRange();
  const calendarRef = useRef<FullCalendar>(null);
  const [params] = useSearchParams();
  const search = params.toString();
  // The first link decides the initial view and date; later ones move the calendar (below). They
  // must not become new props: FullCalendar would rebuild itself for them.
  const [opening] = useState(() => calendarTarget(params));
  const [range, setRange] = useState<{ from: string; to: string; view: string } | null>(null);
  const [trainerIds, setTrainerIds] = useState<string[]>([]);
  const [roomIds, setRoomIds] = useState<string[]>([]);
  const [dialog, setDialog] = useState<SessionDialogTarget | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [ics, setIcs] = useState<'import' | 'export' | null>(null);
  const [busy, setBusy] = useState(false);

  const query: CalendarQuery | null = range
    ? { from: range.from, to: range.to, trainerIds, roomIds, includeCancelled: true }
    : null;
  const sessions = useSessionsRange(query, active);
  const trainerList = useMemo(() => trainers.data ?? [], [trainers.data]);
  const colorOf = useMemo(() => new Map(trainerList.map((t) => [t.id, t.color])), [trainerList]);
  const me = trainerList.find((t) => t.isMe) ?? trainerList[0];

  const events: EventInput[] = useMemo(
    () => (sessions.data ?? []).map((e) => toEvent(e, colorOf.get(e.trainerId))),
    [sessions.data, colorOf],
  );

  // Leaving and coming back. The window may have been resized meanwhile, which FullCalendar
  // cannot measure while hidden.
  const shown = useRef({ active, search, width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const before = shown.current;
    shown.current = { active, search, width: window.innerWidth, height: window.innerHeight };
    const calendar = calendarRef.current?.getApi();
    if (!active) {
      if (before.active) {
        setDialog(null);
        setPending(null);
        setIcs(null);
        calendar?.unselect();
      }
      return;
    }
    if (!calendar) return;
    // (The sessions query refetches by itself on showing: see useSessionsRange. An unchanged
    // answer keeps the same data, so the calendar is not drawn again.)
    if (!before.active && (before.width !== window.innerWidth || before.height !== window.innerHeight)) {
      calendar.updateSize();
    }
    if (!before.active || before.search !== search) {
      const target = calendarTarget(new URLSearchParams(search));
      if (target.view && target.view !== calendar.view.type) calendar.changeView(target.view, target.date);
      else if (target.date && !showsDate(calendar.view, target.date)) calendar.gotoDate(target.date);
    }
  }, [active, search]);

  // `?session=<id>` (from Ctrl+K) opens that session's dialog, once per link and visit.
  const openedLink = useRef<string | null>(null);
  useEffect(() => {
    if (!active) {
      openedLink.current = null;
      return;
    }
    const sessionId = new URLSearchParams(search).get('session');
    if (!sessionId || openedLink.current === search) return;
    openedLink.current = search;
    api
      .sessionGet(sessionId)
      .then((session) => setDialog({ mode: 'edit', session }))
      .catch((e: AppError) => notifications.show({ color: 'red', message: e.message }));
  }, [active, search]);

  // The weeks either side are fetched once this one is in, so "previous" and "next" draw at once
  // instead of waiting for the database.
  const settled = sessions.isSuccess && !sessions.isPlaceholderData;
  useEffect(() => {
    if (!range || !settled) return;
    const step = stepDays(range.view);
    if (step === null) return;
    for (const days of [-step, step]) {
      void prefetch({
        from: shiftDays(range.from, days),
        to: shiftDays(range.to, days),
        trainerIds,
        roomIds,
        includeCancelled: true,
      });
    }
  }, [range, settled, trainerIds, roomIds, prefetch]);

  function onDatesSet(arg: DatesSetArg) {
    const from = arg.start.toISOString();
    const to = arg.end.toISOString();
    const view = arg.view.type;
    setRange((r) => (r && r.from === from && r.to === to && r.view === view ? r : { from, to, view }));
  }

  function onSelect(info: DateSelectArg) {
    calendarRef.current?.getApi().unselect();
    const trainer = trainerList.find((t) => t.id === trainerIds[0]) ?? me;
    if (!trainer) return;
    const allDay = info.allDay;
    const start = allDay ? `${info.startStr.slice(0, 10)}T09:00` : wallClock(info.start, trainer.timeZone);
    const end = allDay ? `${info.startStr.slice(0, 10)}T10:00` : wallClock(info.end, trainer.timeZone);
    setDialog({ mode: 'create', trainer, startLocal: start, endLocal: end });
  }

  async function onEventClick(info: EventClickArg) {
    try {
      setDialog({ mode: 'edit', session: await api.sessionGet(info.event.id) });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    }
  }

  /** Drag (move) and resize: saved at once when free, else the conflicts are shown. */
  async function onChange(info: EventDropArg | EventResizeDoneArg) {
    const { event } = info;
    if (!event.start || !event.end) return info.revert();
    try {
      const session = await api.sessionGet(event.id);
      const input = inputFromSession(session, {
        start: wallClock(event.start, session.timeZone),
        end: wallClock(event.end, session.timeZone),
      });
      const outcome = await api.sessionUpdate(session.id, input, 'one');
      if (outcome.outcome === 'conflicts') {
        info.revert();
        setPending({ session, input, conflicts: outcome.conflicts });
        return;
      }
      await invalidate();
      notifyWithUndo(
        'Session moved',
        () => api.sessionUpdate(session.id, inputFromSession(session, { override: true }), 'one'),
        invalidate,
      );
    } catch (e) {
      info.revert();
      notifications.show({ color: 'red', message: (e as AppError).message });
    }
  }

  async function savePending(input: SessionInput) {
    if (!pending) return;
    setBusy(true);
    try {
      const outcome = await api.sessionUpdate(pending.session.id, input, 'one');
      if (outcome.outcome === 'conflicts') {
        setPending({ ...pending, input, conflicts: outcome.conflicts, slots: undefined });
        return;
      }
      const before = pending.session;
      setPending(null);
      await invalidate();
      notifyWithUndo(
        'Session moved',
        () => api.sessionUpdate(before.id, inputFromSession(before, { override: true }), 'one'),
        invalidate,
      );
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    } finally {
      setBusy(false);
    }
  }

  /** From the time it was dragged to, or after the last slot offered: the dialog's own search. */
  async function findSlot(after?: string) {
    if (!pending) return;
    setBusy(true);
    try {
      const s = pending.session;
      const slots = await findFreeSlots(
        {
          trainerId: s.trainerId,
          clientIds: s.participants.map((p) => p.clientId),
          roomId: s.roomId,
          durationMinutes: minutesBetween(pending.input.start, pending.input.end),
          wanted: instantOf(pending.input.start, s.timeZone),
          ignoreSessionId: s.id,
        },
        after,
      );
      setPending({ ...pending, slots });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    } finally {
      setBusy(false);
    }
  }

  // FullCalendar takes all its options again whenever it is rendered, and new callbacks (inline
  // ones are new every time) make it rebuild them and re-render its grid: a third of opening a
  // dialog over a busy week. The element is kept while the events are the same, so a dialog or a
  // query settling elsewhere on the screen leaves the calendar alone; the callbacks reach the
  // current handlers through a ref.
  const handlers = useRef({ onDatesSet, onSelect, onEventClick, onChange });
  handlers.current = { onDatesSet, onSelect, onEventClick, onChange };
  const calendar = useMemo(
    () => (
      <FullCalendar
        ref={calendarRef}
        plugins={[timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
        initialView={opening.view ?? 'timeGridWeek'}
        initialDate={opening.date}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek' }}
        buttonText={{ today: 'Today', day: 'Day', week: 'Week', month: 'Month', list: 'Agenda' }}
        firstDay={firstDayOfWeek()}
        nowIndicator
        selectable
        selectMirror
        editable
        allDaySlot={false}
        slotMinTime="05:00:00"
        slotMaxTime="23:00:00"
        scrollTime="07:00:00"
        slotDuration="00:30:00"
        snapDuration="00:15:00"
        height="100%"
        expandRows
        eventTimeFormat={eventTime}
        eventContent={eventContent}
        slotLabelFormat={(arg) => formatClock(arg.date.hour, arg.date.minute)}
        events={events}
        datesSet={(arg) => handlers.current.onDatesSet(arg)}
        select={(info) => handlers.current.onSelect(info)}
        eventClick={(info) => void handlers.current.onEventClick(info)}
        eventDrop={(info) => void handlers.current.onChange(info)}
        eventResize={(info) => void handlers.current.onChange(info)}
        eventDidMount={markEvent}
      />
    ),
    [events, opening],
  );

  return (
    <Box className="spotter-calendar-screen" data-testid="calendar-screen">
      <PageHeader
        title="Calendar"
        actions={
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => setIcs('import')} data-testid="ics-import">
              Import .ics
            </Button>
            <Button variant="default" size="sm" onClick={() => setIcs('export')} data-testid="ics-export">
              Export .ics
            </Button>
            <Button
              size="sm"
              onClick={() => me && setDialog({ mode: 'create', trainer: trainerList.find((t) => t.id === trainerIds[0]) ?? me })}
              disabled={!me}
              data-testid="new-session"
            >
              New session
            </Button>
          </Group>
        }
      />
      <Group gap="sm" mb="sm" align="flex-end">
        <MultiSelect
          label="Trainers"
          placeholder={trainerIds.length ? undefined : 'All trainers'}
          data={trainerList.map((t) => ({ value: t.id, label: t.name }))}
          value={trainerIds}
          onChange={setTrainerIds}
          clearable
          w={280}
          size="xs"
          data-testid="filter-trainers"
        />
        <MultiSelect
          label="Rooms"
          placeholder={roomIds.length ? undefined : 'All rooms'}
          data={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={roomIds}
          onChange={setRoomIds}
          clearable
          w={240}
          size="xs"
          data-testid="filter-rooms"
        />
      </Group>
      {sessions.error && (
        <Alert color="red" mb="sm">
          {sessions.error.message}
        </Alert>
      )}
      <Box className="spotter-calendar" data-testid="calendar" data-loaded={sessions.isFetched ? 'yes' : 'no'}>
        {calendar}
      </Box>

      {dialog && trainers.data && (
        <SessionDialog
          target={dialog}
          trainers={trainers.data}
          onClose={() => setDialog(null)}
          onSaved={(outcome, undo) => {
            setDialog(null);
            const n = outcome.sessions.length;
            const what = dialog.mode === 'create' ? (n > 1 ? `Series of ${n} sessions created` : 'Session created') : 'Session saved';
            const overridden = outcome.conflictsOverridden ? ` (${outcome.conflictsOverridden} conflicts overridden)` : '';
            notifyWithUndo(what + overridden, undo, invalidate);
          }}
        />
      )}

      {pending && (
        <Modal opened onClose={() => setPending(null)} title={`Move ${pending.session.label}?`} size="lg" data-testid="move-conflicts">
          <ConflictList
            conflicts={pending.conflicts}
            timeZone={pending.session.timeZone}
            onOverride={() => void savePending({ ...pending.input, overrideConflicts: true })}
            onFindSlot={(after) => void findSlot(after)}
            slots={pending.slots}
            onUseSlot={(slot) =>
              void savePending({
                ...pending.input,
                start: wallClock(slot.start, pending.session.timeZone),
                end: wallClock(slot.end, pending.session.timeZone),
              })
            }
            busy={busy}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setPending(null)} data-testid="move-keep">
              Keep it where it was
            </Button>
          </Group>
        </Modal>
      )}

      {ics === 'export' && trainers.data && <IcsExportDialog trainers={trainers.data} onClose={() => setIcs(null)} />}
      {ics === 'import' && trainers.data && <IcsImportDialog trainers={trainers.data} onClose={() => setIcs(null)} />}
    </Box>
  );
}
