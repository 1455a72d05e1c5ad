// The calendar stays mounted between visits (`KeptScreen`). These hooks do what leaving and coming
// back need: close what was open, follow the link it was opened with, open a linked session, and
// fetch the ranges either side of the one shown.
import type FullCalendar from '@fullcalendar/react';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, type RefObject } from 'react';
import type { AppError, Session } from '../bindings';
import { useFetchSession, usePrefetchSessionsRange } from '../sessionQueries';
import { calendarTarget, shiftDays, showsDate, stepDays } from './calendarLinks';

/**
 * Leaving and coming back. Hidden, `onHide` closes the screen's dialogs; shown again, the calendar
 * measures itself if the window was resized meanwhile (FullCalendar cannot while hidden) and
 * follows the link it was opened with (`?date=`, `?view=`), else stays on the week it was left at.
 */
export function useCalendarVisits(
  calendarRef: RefObject<FullCalendar | null>,
  active: boolean,
  search: string,
  onHide: () => void,
) {
  const shown = useRef({ active, search, width: window.innerWidth, height: window.innerHeight });
  const hide = useRef(onHide);
  hide.current = onHide;
  useEffect(() => {
    const before = shown.current;
    shown.current = { active, search, width: window.innerWidth, height: window.innerHeight };
    const calendar = calendarRef.current?.getApi();
    if (!active) {
      if (before.active) {
        hide.current();
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
  }, [active, search, calendarRef]);
}

/** `?session=<id>` (from Ctrl+K) opens that session's dialog, once per link and visit. */
export function useSessionLink(active: boolean, search: string, open: (session: Session) => void) {
  const fetchSession = useFetchSession();
  const openRef = useRef(open);
  openRef.current = open;
  const openedLink = useRef<string | null>(null);
  useEffect(() => {
    if (!active) {
      openedLink.current = null;
      return;
    }
    const sessionId = new URLSearchParams(search).get('session');
    if (!sessionId || openedLink.current === search) return;
    openedLink.current = search;
    fetchSession(sessionId)
      .then((session) => openRef.current(session))
      .catch((e: AppError) => notifications.show({ color: 'red', message: e.message }));
  }, [active, search, fetchSession]);
}

/**
 * The ranges either side are fetched once this one is in, so "previous" and "next" draw at once
 * instead of waiting for the database.
 */
export function usePrefetchNeighbours(
  range: { from: string; to: string; view: string } | null,
  settled: boolean,
  trainerIds: string[],
  roomIds: string[],
) {
  const prefetch = usePrefetchSessionsRange();
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
}
