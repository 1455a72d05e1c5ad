// The FullCalendar grid itself: its views, hours and snapping, and the trainer's week start and
// clock. Drawn again only when the events change (see below).
import type { DateSelectArg, DatesSetArg, EventClickArg, EventDropArg, EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { memo, type RefObject } from 'react';
import { firstDayOfWeek, formatClock } from '../dateFormat';
import { eventContent, eventTime, markEvent } from './calendarEvents';

export interface CalendarHandlers {
  onDatesSet: (arg: DatesSetArg) => void;
  onSelect: (info: DateSelectArg) => void;
  onEventClick: (info: EventClickArg) => Promise<void>;
  onChange: (info: EventDropArg | EventResizeDoneArg) => Promise<void>;
}

/**
 * FullCalendar takes all its options again whenever it is rendered, and new callbacks (inline
 * ones are new every time) make it rebuild them and re-render its grid: a third of opening a
 * dialog over a busy week. So the grid is drawn again only when its events (or the opening view)
 * change: a dialog or a query settling elsewhere on the screen leaves it alone. The callbacks
 * reach the screen's current handlers through `handlers`, a ref.
 */
export const CalendarGrid = memo(function CalendarGrid({
  calendarRef,
  handlers,
  events,
  opening,
}: {
  calendarRef: RefObject<FullCalendar | null>;
  handlers: RefObject<CalendarHandlers>;
  events: EventInput[];
  opening: { date?: string; view?: string };
}) {
  return (
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
  );
});
