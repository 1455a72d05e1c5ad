import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { formatHhmm, zoneSuffix } from '../dateFormat';
import { formatIsoWeekdayDate } from '../format';
import type { Conflict, ConflictKind, FreeSlot } from '../bindings';
import { wallClock } from './zoned';

const KIND_LABEL: Record<ConflictKind, string> = {
  trainer_busy: 'Trainer busy',
  client_busy: 'Client busy',
  room_full: 'Room full',
  outside_working_hours: 'Outside working hours',
  over_capacity: 'Over capacity',
};

/** The slot's wall-clock start in the session's zone, `YYYY-MM-DD HH:mm` (for data-when). */
function isoWhen(startUtc: string, timeZone: string): string {
  const local = wallClock(startUtc, timeZone);
  return `${local.slice(0, 10)} ${local.slice(11)}`;
}

/** "Thu 10 Jun 2027, 19:00" in the trainer's format (the zone named when not theirs). */
function when(startUtc: string, timeZone: string): string {
  const local = wallClock(startUtc, timeZone);
  return `${formatIsoWeekdayDate(local.slice(0, 10))}, ${formatHhmm(local.slice(11))}${zoneSuffix(timeZone)}`;
}

/**
 * What a planned session collides with, explained before anything is saved. The trainer
 * either saves anyway (an explicit override) or takes one of the next free slots, searched
 * from the requested time; "Later" asks for the ones after the last offered.
 */
export function ConflictList({
  conflicts,
  timeZone,
  onOverride,
  onFindSlot,
  slots,
  onUseSlot,
  busy,
}: {
  conflicts: Conflict[];
  timeZone: string;
  onOverride: () => void;
  /** Search from the requested time, or from `after` (the end of the last slot offered). */
  onFindSlot?: (after?: string) => void;
  /** undefined: not searched yet; empty: nothing free. */
  slots?: FreeSlot[];
  onUseSlot?: (slot: FreeSlot) => void;
  busy?: boolean;
}) {
  const last = slots?.[slots.length - 1];
  // A series can collide on many dates; show the first few and a count.
  const shown = conflicts.slice(0, 8);
  const occurrences = new Set(conflicts.map((c) => c.start)).size;
  return (
    <Alert color="orange" title="This collides with your schedule" data-testid="conflict-list">
      <Stack gap="xs">
        <List size="sm" spacing={4}>
          {shown.map((c, i) => (
            <List.Item key={`${c.kind}-${c.start}-${i}`} data-testid="conflict-item" data-kind={c.kind}>
              <Text span fw={600} size="sm">
                {KIND_LABEL[c.kind]}
              </Text>
              {occurrences > 1 && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({when(c.start, timeZone)})
                </Text>
              )}
              <Text span size="sm">
                : {c.message}
              </Text>
            </List.Item>
          ))}
        </List>
        {conflicts.length > shown.length && (
          <Text size="xs" c="dimmed">
            …and {conflicts.length - shown.length} more.
          </Text>
        )}
        {slots && slots.length > 0 && onUseSlot && (
          <Stack gap={4} data-testid="free-slots">
            <Text size="sm">Free from the time you asked for:</Text>
            {slots.map((slot) => (
              <Group gap="xs" key={slot.start} data-testid="free-slot">
                <Text size="sm" fw={600} data-testid="free-slot-when" data-when={isoWhen(slot.start, timeZone)}>
                  {when(slot.start, timeZone)}
                </Text>
                <Button size="compact-sm" variant="light" onClick={() => onUseSlot(slot)} data-testid="free-slot-use">
                  Use
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {slots && slots.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="free-slot-none">
            No free slot in the four weeks after that within working hours.
          </Text>
        )}
        <Group gap="xs">
          {onFindSlot && !last && (
            <Button size="compact-sm" variant="light" onClick={() => onFindSlot()} loading={busy} data-testid="conflict-free-slot">
              Find next free slots
            </Button>
          )}
          {onFindSlot && last && (
            <Button size="compact-sm" variant="light" onClick={() => onFindSlot(last.end)} loading={busy} data-testid="free-slot-later">
              Later
            </Button>
          )}
          <Button size="compact-sm" color="orange" variant="outline" onClick={onOverride} loading={busy} data-testid="conflict-override">
            Save anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
