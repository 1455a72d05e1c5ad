import { type ReactNode, useState } from 'react';
import { useMatch } from 'react-router';

/**
 * A screen that stays mounted, hidden, once its route has been opened, so coming back to it only
 * shows it again instead of building it anew. For the calendar: building FullCalendar and laying
 * out a busy week is most of the time it takes to appear (docs/BENCHMARKS.md, calendar section).
 *
 * The route itself must still exist in `<Routes>` (with an empty element) so no other route
 * claims the path. The screen is told whether it is showing and must quiet down when it is not
 * (close its dialogs); it keeps its queries, so invalidations keep its data current meanwhile.
 * (Hiding it with `visibility`, which keeps its layout, measured no faster than `display`.)
 */
export function KeptScreen({ path, children }: { path: string; children: (active: boolean) => ReactNode }) {
  const active = useMatch(path) !== null;
  const [opened, setOpened] = useState(active);
  // Set during render (not in an effect) so the first visit mounts in the same commit.
  if (active && !opened) setOpened(true);
  if (!opened) return null;
  return <div style={active ? undefined : { display: 'none' }}>{children(active)}</div>;
}
