// Which trainers' and rooms' sessions the calendar shows (none chosen: all).
import { Group, MultiSelect } from '@mantine/core';
import type { Room, Trainer } from '../bindings';

export function CalendarFilters({
  trainers,
  rooms,
  trainerIds,
  roomIds,
  onTrainers,
  onRooms,
}: {
  trainers: Trainer[];
  rooms: Room[];
  trainerIds: string[];
  roomIds: string[];
  onTrainers: (ids: string[]) => void;
  onRooms: (ids: string[]) => void;
}) {
  return (
    <Group gap="sm" mb="sm" align="flex-end">
      <MultiSelect
        label="Trainers"
        placeholder={trainerIds.length ? undefined : 'All trainers'}
        data={trainers.map((t) => ({ value: t.id, label: t.name }))}
        value={trainerIds}
        onChange={onTrainers}
        clearable
        w={280}
        size="xs"
        data-testid="filter-trainers"
      />
      <MultiSelect
        label="Rooms"
        placeholder={roomIds.length ? undefined : 'All rooms'}
        data={rooms.map((r) => ({ value: r.id, label: r.name }))}
        value={roomIds}
        onChange={onRooms}
        clearable
        w={240}
        size="xs"
        data-testid="filter-rooms"
      />
    </Group>
  );
}
