// The calendar screen: the FullCalendar grid of sessions with its filters, the session dialog,
// dragging sessions (with conflicts), and .ics import and export. Its parts live in schedule/.
import type { DateSelectArg, DatesSetArg, EventClickArg, EventInput } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { Alert, Box, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AppError, CalendarQuery } from '../bindings';
import { PageHeader } from '../components/PageHeader';
import { useRooms, useTrainers } from '../queries';
import { toEvent } from '../schedule/calendarEvents';
import { CalendarFilters } from '../schedule/CalendarFilters';
import { CalendarGrid, type CalendarHandlers } from '../schedule/CalendarGrid';
import { calendarTarget } from '../schedule/calendarLinks';
import { IcsExportDialog, IcsImportDialog } from '../schedule/IcsDialogs';
import { MoveConflictsDialog } from '../schedule/MoveConflictsDialog';
import { SessionDialog, type SessionDialogTarget } from '../schedule/SessionDialog';
import { notifyWithUndo } from '../schedule/undo';
import { useCalendarVisits, usePrefetchNeighbours, useSessionLink } from '../schedule/useCalendarVisits';
import { useSessionMove } from '../schedule/useSessionMove';
import { wallClock } from '../schedule/zoned';
import { useFetchSession, useSessionsRange } from '../sessionQueries';

/**
 * The calendar. It stays mounted between visits (`KeptScreen`): `active` says whether it is the
 * screen showing. Hidden, it closes its dialogs and stops following the sessions cache; shown
 * again, it refetches, follows the link it was opened with (`?date=`, `?view=`) and otherwise
 * stays on the week the trainer left it at.
 */
export function CalendarScreen({ active = true }: { active?: boolean }) {
  const trainers = useTrainers();
  const rooms = useRooms();
  const fetchSession = useFetchSession();
  const move = useSessionMove();
  const calendarRef = useRef<FullCalendar>(null);
  const [params] = useSearchParams();
  const search = params.toString();
  // The first link decides the initial view and date; later ones move the calendar (useCalendarVisits).
  // They must not become new props: FullCalendar would rebuild itself for them.
  const [opening] = useState(() => calendarTarget(params));
  const [range, setRange] = useState<{ from: string; to: string; view: string } | null>(null);
  const [trainerIds, setTrainerIds] = useState<string[]>([]);
  const [roomIds, setRoomIds] = useState<string[]>([]);
  const [dialog, setDialog] = useState<SessionDialogTarget | null>(null);
  const [ics, setIcs] = useState<'import' | 'export' | null>(null);

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

  useCalendarVisits(calendarRef, active, search, () => {
    setDialog(null);
    move.cancel();
    setIcs(null);
  });
  useSessionLink(active, search, (session) => setDialog({ mode: 'edit', session }));
  usePrefetchNeighbours(range, sessions.isSuccess && !sessions.isPlaceholderData, trainerIds, roomIds);

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
      setDialog({ mode: 'edit', session: await fetchSession(info.event.id) });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    }
  }

  // The grid reaches the current handlers through this ref (see CalendarGrid).
  const handlers = useRef<CalendarHandlers>({ onDatesSet, onSelect, onEventClick, onChange: move.onChange });
  handlers.current = { onDatesSet, onSelect, onEventClick, onChange: move.onChange };

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
      <CalendarFilters
        trainers={trainerList}
        rooms={rooms.data ?? []}
        trainerIds={trainerIds}
        roomIds={roomIds}
        onTrainers={setTrainerIds}
        onRooms={setRoomIds}
      />
      {sessions.error && (
        <Alert color="red" mb="sm">
          {sessions.error.message}
        </Alert>
      )}
      <Box className="spotter-calendar" data-testid="calendar" data-loaded={sessions.isFetched ? 'yes' : 'no'}>
        <CalendarGrid calendarRef={calendarRef} handlers={handlers} events={events} opening={opening} />
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
            notifyWithUndo(what + overridden, undo);
          }}
        />
      )}

      <MoveConflictsDialog move={move} />

      {ics === 'export' && trainers.data && <IcsExportDialog trainers={trainers.data} onClose={() => setIcs(null)} />}
      {ics === 'import' && trainers.data && <IcsImportDialog trainers={trainers.data} onClose={() => setIcs(null)} />}
    </Box>
  );
}
