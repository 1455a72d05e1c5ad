// How a session shows on the calendar, in every view (day, week, month, agenda): its text with the
// status mark and the clearance flag beside the name, the time format, and what the event's element
// says on hover and to a screen reader. Colours, fading and strike-through are in app.css.
import { formatClock } from '../dateFormat';
import type { EventContentArg, EventInput, EventMountArg } from '@fullcalendar/core';
import type { VerboseFormattingArg } from '@fullcalendar/core/internal';
import type { CalendarEntry, SessionStatus } from '../bindings';
import { kindColor, STATUS_LABEL } from './kinds';

/** A mark before the name for every status but the usual one; read as words from the title. */
export const STATUS_MARK: Record<SessionStatus, string> = {
  scheduled: '',
  completed: '✓ ',
  no_show: '✗ ',
  cancelled: '⊘ ',
};

/** Beside the name, never instead of it: a long name is cut at its end, the flag stays. */
export const CLEARANCE_FLAG = '⚑ ';

const CLEARANCE_TEXT = 'Needs medical clearance (PAR-Q+ had a “yes”)';

type Shown = Pick<CalendarEntry, 'label' | 'status' | 'needsClearance'> & Partial<Pick<CalendarEntry, 'capacity' | 'booked'>>;

/** A group session's fill after its title: "3/4", or "(3)" with no capacity; nothing for the other kinds. */
function fill({ capacity, booked }: Shown): string {
  if (booked === null || booked === undefined) return '';
  return capacity ? ` ${booked}/${capacity}` : ` (${booked})`;
}

/** The text FullCalendar shows for a session in any view: "✓ ⚑ Anna Schmidt", "Morning HIIT 3/4". */
export function eventTitle(entry: Shown): string {
  return `${STATUS_MARK[entry.status]}${entry.needsClearance ? CLEARANCE_FLAG : ''}${entry.label}${fill(entry)}`;
}

/** The same in words, for the title attribute and the accessible name: "Morning HIIT, 3 of 4 booked, Scheduled". */
export function eventDescription(entry: Shown): string {
  const clearance = entry.needsClearance ? `. ${CLEARANCE_TEXT}` : '';
  const booked = entry.booked ?? null;
  const places = booked === null ? '' : entry.capacity ? `, ${booked} of ${entry.capacity} booked` : `, ${booked} booked`;
  return `${entry.label}${places}, ${STATUS_LABEL[entry.status]}${clearance}`;
}

/** A calendar entry as a FullCalendar event; `trainerColor` edges it with whose session it is. */
export function toEvent(entry: CalendarEntry, trainerColor: string | undefined): EventInput {
  return {
    id: entry.id,
    title: eventTitle(entry),
    start: entry.start,
    end: entry.end,
    backgroundColor: kindColor(entry.kind),
    // The trainer's colour on the edge tells whose session it is in a studio view.
    borderColor: trainerColor ?? kindColor(entry.kind),
    classNames: [`spotter-status-${entry.status}`, ...(entry.needsClearance ? ['spotter-needs-clearance'] : [])],
    editable: entry.status === 'scheduled',
    extendedProps: {
      status: entry.status,
      kind: entry.kind,
      series: entry.seriesId !== null,
      clearance: entry.needsClearance,
      description: eventDescription(entry),
    },
  };
}

/**
 * An event's time, "07:00 - 07:50" (or "7:00 AM - 7:50 AM" on a 12-hour clock), as FullCalendar would
 * print it. Given its format options FullCalendar builds a new Intl.DateTimeFormat for every event's
 * range (about a third of the script time of a week with 300 sessions); the parts are already here.
 */
export function eventTime({ start, end, defaultSeparator }: VerboseFormattingArg): string {
  // In the trainer's clock (24- or 12-hour): the one formatter, not a new Intl per event.
  const from = formatClock(start.hour, start.minute);
  const to = end ? formatClock(end.hour, end.minute) : from;
  return to === from ? from : `${from}${defaultSeparator}${to}`;
}

/**
 * A time-grid event's content: its time and title as one text on two lines (`white-space:
 * pre-line`, app.css) instead of FullCalendar's four nested boxes. Over a week of 320 sessions
 * that is ~40 ms less script and layout, a sixth of the time to painted (docs/BENCHMARKS.md).
 * The other views keep FullCalendar's own content (`true`), which shows the same title.
 */
export function eventContent(arg: EventContentArg): string | true {
  if (!arg.view.type.startsWith('timeGrid')) return true;
  return `${arg.timeText}\n${arg.event.title}`;
}

/** Test ids and the states the end-to-end tests read, and the status in words, on each event's element. */
export function markEvent(info: EventMountArg) {
  const { el, event } = info;
  el.setAttribute('data-testid', 'calendar-event');
  el.setAttribute('data-session-id', event.id);
  el.setAttribute('data-status', String(event.extendedProps.status));
  const description = String(event.extendedProps.description ?? event.title);
  el.title = description;
  el.setAttribute('aria-label', info.timeText ? `${info.timeText} ${description}` : description);
  if (event.extendedProps.clearance) el.setAttribute('data-clearance', 'needed');
}
