import { ActionIcon, Group, NativeSelect, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import type { Caution, GroupKind, LoadKind, Measure, Prescription, Units } from '../bindings';
import { CautionIcon } from './CautionIcon';
import type { DraftItem } from './draft';
import { IconDown, IconGrip, IconUp, IconX } from './icons';
import { formatNumber, loadKindOptions, loadValueShown, loadValueStored, weightUnit } from './load';
import { NumberField } from './NumberField';
import type { RowField } from './planErrors';

export interface RowActions {
  edit: (week: number, day: number, row: number, patch: Partial<Prescription>, tag: string) => void;
  remove: (week: number, day: number, row: number) => void;
  move: (week: number, day: number, from: number, to: number) => void;
}

export type ExerciseOption = { value: string; label: string };

/** Colours that tell adjacent groups apart (A, B, C…). */
const GROUP_COLORS = ['teal', 'grape', 'orange', 'blue', 'pink', 'lime'];

export function groupColor(group: string): string {
  const code = group.toUpperCase().charCodeAt(0) || 0;
  return `var(--mantine-color-${GROUP_COLORS[code % GROUP_COLORS.length]}-5)`;
}

const GROUP_KINDS: { value: GroupKind; label: string }[] = [
  { value: 'superset', label: 'Superset' },
  { value: 'circuit', label: 'Circuit' },
];

/** One prescription as a dense, fully editable table row; the handle drags it (mouse or keyboard). */
export const PrescriptionRow = memo(function PrescriptionRow({
  item,
  week,
  day,
  row,
  count,
  exercises,
  cautions,
  units,
  actions,
  error,
}: {
  item: DraftItem;
  week: number;
  day: number;
  row: number;
  count: number;
  exercises: ExerciseOption[];
  cautions: Caution[];
  units: Units;
  actions: RowActions;
  /** The backend's complaint about this row, if any. */
  error: { field: RowField | null; message: string } | null;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.key,
  });
  const edit = (field: string, patch: Partial<Prescription>) => actions.edit(week, day, row, patch, `${item.key}:${field}`);
  const bad = (field: RowField) => (error && error.field === field ? true : undefined);
  const unit = weightUnit(units);
  // A hidden or renamed exercise still shows under the name the plan saved.
  const options = exercises.some((o) => o.value === item.exerciseId)
    ? exercises
    : [{ value: item.exerciseId, label: item.exerciseName }, ...exercises];

  const setRepsMin = (min: number | null) => {
    const repsMin = min ?? 0;
    // Raising the bottom above the top lifts the top along: "10" in 8–8 means 10–10.
    edit('repsMin', repsMin > item.repsMax ? { repsMin, repsMax: repsMin } : { repsMin });
  };

  // A number means something else in another kind (60 kg is no RPE): start the value afresh.
  const setLoadKind = (kind: LoadKind) => edit('loadKind', { load: { kind, value: null } });

  return (
    <>
      <Table.Tr
        ref={setNodeRef}
        data-testid="rx-row"
        data-exercise={item.exerciseName}
        data-place={`${week}-${day}-${row}`}
        style={{
          transform: CSS.Translate.toString(transform),
          transition,
          position: 'relative',
          zIndex: isDragging ? 2 : undefined,
          background: isDragging ? 'var(--mantine-color-body)' : undefined,
          boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
        }}
      >
        <Table.Td
          px={2}
          style={item.group ? { borderLeft: `3px solid ${groupColor(item.group)}` } : undefined}
        >
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="sm"
            style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
            aria-label={`Move ${item.exerciseName}: Space to pick up, arrows to move, Space to drop`}
            data-testid="rx-drag"
            {...attributes}
            {...listeners}
          >
            <IconGrip size={14} />
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Select
              size="xs"
              flex={1}
              aria-label="Exercise"
              data={options}
              value={item.exerciseId}
              onChange={(id, option) => id && edit('exercise', { exerciseId: id, exerciseName: option?.label ?? '' })}
              searchable
              allowDeselect={false}
              limit={60}
              maxDropdownHeight={260}
              error={bad('exerciseId')}
              data-testid="rx-exercise"
            />
            <CautionIcon cautions={cautions} testId="rx-caution" />
          </Group>
        </Table.Td>
        <Table.Td>
          <NumberField
            aria-label="Sets"
            value={item.sets || null}
            onChange={(v) => edit('sets', { sets: v ?? 0 })}
            error={bad('sets')}
            testId="rx-sets"
          />
        </Table.Td>
        <Table.Td>
          <Group gap={2} wrap="nowrap">
            <NumberField
              aria-label={`${MEASURE_NOUN[item.measure ?? 'reps']}, lowest`}
              w={46}
              value={item.repsMin || null}
              onChange={setRepsMin}
              error={bad('repsMin')}
              testId="rx-reps-min"
            />
            <Text size="xs" c="dimmed">
              –
            </Text>
            <NumberField
              aria-label={`${MEASURE_NOUN[item.measure ?? 'reps']}, highest`}
              w={46}
              value={item.repsMax || null}
              onChange={(v) => edit('repsMax', { repsMax: v ?? 0 })}
              error={bad('repsMax')}
              testId="rx-reps-max"
            />
            {/* Reps, or a hold in seconds (plank 3 × 45 s), or a distance in metres. */}
            <NativeSelect
              size="xs"
              w={64}
              aria-label="Counted in"
              data={MEASURE_OPTIONS}
              value={item.measure ?? 'reps'}
              onChange={(e) => edit('measure', { measure: e.currentTarget.value as Measure })}
              data-testid="rx-measure"
            />
          </Group>
        </Table.Td>
        <Table.Td>
          <Group gap={2} wrap="nowrap">
            <NativeSelect
              size="xs"
              w={86}
              aria-label="Load kind"
              data={loadKindOptions(units)}
              value={item.load.kind}
              onChange={(e) => setLoadKind(e.currentTarget.value as LoadKind)}
              data-testid="rx-load-kind"
            />
            <NumberField
              aria-label={`Load (${item.load.kind === 'kg' ? unit : 'value'})`}
              w={60}
              decimals
              disabled={item.load.kind === 'none'}
              value={loadValueShown(item.load, units)}
              format={(n) => formatNumber(n, item.load.kind === 'kg' ? unit : null)}
              onChange={(v) => edit('load', { load: { kind: item.load.kind, value: loadValueStored(item.load.kind, v, units) } })}
              error={bad('load')}
              testId="rx-load-value"
            />
          </Group>
        </Table.Td>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label="Tempo"
            placeholder="3-1-1-0"
            value={item.tempo}
            onChange={(e) => edit('tempo', { tempo: e.currentTarget.value })}
            error={bad('tempo')}
            data-testid="rx-tempo"
          />
        </Table.Td>
        <Table.Td>
          <NumberField
            aria-label="Rest, seconds"
            placeholder="s"
            value={item.restSeconds ?? null}
            onChange={(v) => edit('rest', { restSeconds: v })}
            error={bad('restSeconds')}
            testId="rx-rest"
          />
        </Table.Td>
        <Table.Td>
          <Group gap={2} wrap="nowrap">
            <TextInput
              size="xs"
              w={38}
              aria-label="Group"
              placeholder="–"
              maxLength={3}
              value={item.group ?? ''}
              onChange={(e) => {
                const group = e.currentTarget.value.toUpperCase() || null;
                // A new group label needs a kind; superset is the usual one.
                edit('group', { group, groupKind: group ? (item.groupKind ?? 'superset') : null });
              }}
              error={bad('group')}
              data-testid="rx-group"
            />
            <NativeSelect
              size="xs"
              w={92}
              aria-label="Group kind"
              disabled={!item.group}
              data={GROUP_KINDS}
              value={item.groupKind ?? 'superset'}
              onChange={(e) => edit('groupKind', { groupKind: e.currentTarget.value as GroupKind })}
              data-testid="rx-group-kind"
            />
          </Group>
        </Table.Td>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label="Notes"
            placeholder="Notes"
            value={item.notes}
            onChange={(e) => edit('notes', { notes: e.currentTarget.value })}
            error={bad('notes')}
            data-testid="rx-notes"
          />
        </Table.Td>
        <Table.Td px={2}>
          <Group gap={0} wrap="nowrap" justify="flex-end">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              disabled={row === 0}
              onClick={() => actions.move(week, day, row, row - 1)}
              aria-label="Move up"
              data-testid="rx-up"
            >
              <IconUp size={14} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              disabled={row === count - 1}
              onClick={() => actions.move(week, day, row, row + 1)}
              aria-label="Move down"
              data-testid="rx-down"
            >
              <IconDown size={14} />
            </ActionIcon>
            <Tooltip label="Remove (undo with Ctrl/Cmd+Z)">
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                onClick={() => actions.remove(week, day, row)}
                aria-label={`Remove ${item.exerciseName}`}
                data-testid="rx-remove"
              >
                <IconX size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      </Table.Tr>
      {error && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={9}>
            <Text size="xs" c="red" data-testid="rx-error">
              {error.message}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
});

const MEASURE_OPTIONS: { value: Measure; label: string }[] = [
  { value: 'reps', label: 'reps' },
  { value: 'seconds', label: 's' },
  { value: 'metres', label: 'm' },
];
const MEASURE_NOUN: Record<Measure, string> = { reps: 'Reps', seconds: 'Seconds', metres: 'Metres' };
