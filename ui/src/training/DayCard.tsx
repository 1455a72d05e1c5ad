import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ActionIcon, Group, NativeSelect, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { memo, useState } from 'react';
import type { Exercise, PlanDay, Units } from '../bindings';
import { addDays, offsetLabel, shortDate } from './dates';
import type { DraftDay } from './draft';
import { IconX } from './icons';
import type { RowField } from './planErrors';
import { PrescriptionRow, type ExerciseOption, type RowActions } from './PrescriptionRow';

export interface DayActions extends RowActions {
  editDay: (week: number, day: number, patch: Partial<Omit<PlanDay, 'items'>>, tag: string) => void;
  removeDay: (week: number, day: number) => void;
  addItem: (week: number, day: number, exercise: Pick<Exercise, 'id' | 'name'>) => void;
}

/** An error the backend placed in this day: at the day itself (row null) or at one of its rows. */
export interface DayError {
  row: number | null;
  field: string | null;
  message: string;
}

const NO_CAUTIONS: Exercise['cautions'] = [];

/** An exercise's cautions that concern one of the client's injured areas (none otherwise). */
export function cautionsFor(cautions: Exercise['cautions'], injuryAreas: string): Exercise['cautions'] {
  if (cautions.length === 0 || injuryAreas === '') return NO_CAUTIONS;
  const areas = new Set(injuryAreas.split(','));
  const touching = cautions.filter((c) => areas.has(c.area));
  return touching.length === 0 ? NO_CAUTIONS : touching;
}

/** One training day: name, weekday, and its prescriptions in order. */
export const DayCard = memo(function DayCard({
  day,
  week,
  index,
  usedOffsets,
  startDate,
  exercises,
  library,
  injuryAreas,
  units,
  actions,
  error,
}: {
  day: DraftDay;
  week: number;
  index: number;
  /** Weekdays the week's days are on ("0,2,4", a string so the card re-renders only when they change). */
  usedOffsets: string;
  startDate: string | null;
  exercises: ExerciseOption[];
  library: Map<string, Exercise>;
  /** The client's injured body areas, comma-separated: only their cautions are marked. */
  injuryAreas: string;
  units: Units;
  actions: DayActions;
  error: DayError | null;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const date = startDate ? addDays(startDate, week * 7 + day.dayOffset) : null;
  const nameOf = (key: string | number) => day.items.find((i) => i.key === key)?.exerciseName ?? 'exercise';
  const positionOf = (key: string | number) => day.items.findIndex((i) => i.key === key) + 1;
  // Read aloud while dragging with the keyboard: names and positions, not internal keys.
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, position ${positionOf(active.id)} of ${day.items.length}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over position ${positionOf(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at position ${positionOf(over.id)}.` : undefined),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = day.items.findIndex((i) => i.key === active.id);
    const to = day.items.findIndex((i) => i.key === over.id);
    if (from >= 0 && to >= 0) actions.move(week, index, from, to);
  };

  const offsets = [0, 1, 2, 3, 4, 5, 6].map((o) => ({
    value: String(o),
    label: offsetLabel(o, startDate),
    disabled: o !== day.dayOffset && usedOffsets.split(',').includes(String(o)),
  }));
  const dayError = error && error.row === null ? error : null;

  return (
    <Paper withBorder p="sm" data-testid="plan-day" data-day={index + 1}>
      <Group gap="xs" mb="xs" wrap="nowrap" align="flex-start">
        <TextInput
          size="xs"
          w={220}
          aria-label="Day name"
          value={day.name}
          onChange={(e) => actions.editDay(week, index, { name: e.currentTarget.value }, `${day.key}:name`)}
          error={dayError?.field === 'dayName' ? dayError.message : undefined}
          fw={600}
          data-testid="day-name"
        />
        <NativeSelect
          size="xs"
          w={100}
          aria-label="Weekday"
          data={offsets}
          value={String(day.dayOffset)}
          onChange={(e) => actions.editDay(week, index, { dayOffset: Number(e.currentTarget.value) }, `${day.key}:offset`)}
          error={dayError?.field === 'dayOffset' ? dayError.message : undefined}
          data-testid="day-offset"
        />
        {date && (
          <Text size="xs" c="dimmed" mt={6} data-testid="day-date">
            {shortDate(date)}
          </Text>
        )}
        <Tooltip label="Remove day (undo with Ctrl/Cmd+Z)">
          <ActionIcon
            ml="auto"
            variant="subtle"
            color="gray"
            onClick={() => actions.removeDay(week, index)}
            aria-label={`Remove ${day.name}`}
            data-testid="day-remove"
          >
            <IconX size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {dayError && !['dayName', 'dayOffset'].includes(dayError.field ?? '') && (
        <Text size="xs" c="red" mb="xs" data-testid="day-error">
          {dayError.message}
        </Text>
      )}

      {day.items.length > 0 && (
        // Outside the table: the context renders its screen-reader text as divs.
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
          <Table.ScrollContainer minWidth={1080}>
            {/* Fixed widths: every day's columns line up under each other. */}
            <Table layout="fixed" verticalSpacing={2} horizontalSpacing={4} highlightOnHover={false} fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={30} />
                  <Table.Th w={240}>Exercise</Table.Th>
                  <Table.Th w={56}>Sets</Table.Th>
                  <Table.Th w={116}>Reps</Table.Th>
                  <Table.Th w={160}>Load</Table.Th>
                  <Table.Th w={84}>Tempo</Table.Th>
                  <Table.Th w={68}>Rest s</Table.Th>
                  <Table.Th w={140}>Group</Table.Th>
                  <Table.Th>Notes</Table.Th>
                  <Table.Th w={84} />
                </Table.Tr>
              </Table.Thead>
              <SortableContext items={day.items.map((i) => i.key)} strategy={verticalListSortingStrategy}>
                <Table.Tbody>
                  {day.items.map((item, row) => (
                    <PrescriptionRow
                      key={item.key}
                      item={item}
                      week={week}
                      day={index}
                      row={row}
                      count={day.items.length}
                      exercises={exercises}
                      cautions={cautionsFor(library.get(item.exerciseId)?.cautions ?? NO_CAUTIONS, injuryAreas)}
                      units={units}
                      actions={actions}
                      error={
                        error && error.row === row
                          ? { field: (error.field as RowField | null) ?? null, message: error.message }
                          : null
                      }
                    />
                  ))}
                </Table.Tbody>
              </SortableContext>
            </Table>
          </Table.ScrollContainer>
        </DndContext>
      )}

      <AddExercise exercises={exercises} onAdd={(id, name) => actions.addItem(week, index, { id, name })} empty={day.items.length === 0} />
    </Paper>
  );
});

/** A search box that appends the picked exercise and stays ready for the next one. */
function AddExercise({
  exercises,
  onAdd,
  empty,
}: {
  exercises: ExerciseOption[];
  onAdd: (id: string, name: string) => void;
  empty: boolean;
}) {
  const [search, setSearch] = useState('');
  return (
    <Select
      mt="xs"
      size="xs"
      maw={360}
      placeholder={empty ? 'Add the first exercise: type to search the library' : 'Add exercise…'}
      aria-label="Add exercise"
      data={exercises}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        if (!id) return;
        onAdd(id, option?.label ?? '');
        setSearch('');
      }}
      searchable
      limit={60}
      maxDropdownHeight={260}
      nothingFoundMessage="No exercise by that name"
      data-testid="add-exercise"
    />
  );
}
