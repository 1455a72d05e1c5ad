// Feeds the one date/time formatter (dateFormat.ts) with the trainer's setting and zone, and
// redraws the app when they change, so every date on every screen follows the setting.

import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { DEFAULT_DATE_SETTINGS, firstDayOfWeek, getDateSettings, setDateSettings } from '../dateFormat';
import { useSettings, useTrainers } from '../queries';

export function DateSettingsSync({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const trainers = useTrainers();
  const me = trainers.data?.find((t) => t.isMe);
  const s = settings.data;
  if (s) {
    setDateSettings({
      locale: s.locale,
      clock: s.clock,
      weekStart: s.weekStart,
      trainerZone: me?.timeZone ?? DEFAULT_DATE_SETTINGS.trainerZone,
    }, true);
  }
  // Set before the children draw; the key below redraws them when it changed.
  const current = getDateSettings();
  // Wait for the setting and the trainer's zone (or their failure), so nothing is drawn in the
  // wrong format first and then redrawn under the trainer's hands.
  if (settings.isPending || trainers.isPending) return null;
  const key = `${current.locale}|${current.clock}|${current.weekStart}|${current.trainerZone}`;
  return (
    <DatesProvider settings={{ firstDayOfWeek: firstDayOfWeek(current.weekStart) }}>
      <div key={key} style={{ display: 'contents' }}>
        {children}
      </div>
    </DatesProvider>
  );
}
