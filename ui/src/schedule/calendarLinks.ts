// Where the calendar is asked to go (`#/calendar?date=2026-11-23&view=timeGridDay`, links from the
// dashboard and Ctrl+K), and the ranges either side of the one shown (fetched ahead).

export const VIEWS = ['timeGridDay', 'timeGridWeek', 'dayGridMonth', 'listWeek'];

/** Where `#/calendar?date=2026-11-23&view=timeGridDay` asks to go (links from the dashboard). */
export function calendarTarget(params: URLSearchParams): { date?: string; view?: string } {
  const date = params.get('date') ?? '';
  const view = params.get('view') ?? '';
  return {
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    view: VIEWS.includes(view) ? view : undefined,
  };
}

/** Whether a view already shows a day: going to it anyway would draw every event again. */
export function showsDate(view: { currentStart: Date; currentEnd: Date }, date: string): boolean {
  const day = new Date(`${date}T00:00:00`);
  return view.currentStart <= day && day < view.currentEnd;
}

/** Days between one range of a view and the next, for fetching ahead; none for the month grid. */
export function stepDays(view: string): number | null {
  if (view === 'timeGridDay') return 1;
  if (view === 'timeGridWeek' || view === 'listWeek') return 7;
  return null;
}

/** An instant moved by whole local days, as FullCalendar moves its range (DST included). */
export function shiftDays(iso: string, days: number): string {
  const d = new Date(iso);
  d.setDate(d.getDate() + days);
  return d.toISOString();
}
