// The workout logger's exercise blocks: one exercise's sets (reps, load, RPE, done, each beside
// what was done last time), and the question about sets saved without a load.
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { LastTime, Measure, Units } from '../../bindings';
import { formatIsoDate } from '../../format';
import { describeLastSet, errorKey, type ExerciseBlock, type FieldErrors, type SetField, type SetRow } from './logRows';

/** "No load on 2 sets (Back Squat set 1, 2)": save them as 0 kg, or go back and fill them in. */
export function EmptyLoads({
  rows,
  blocks,
  onSave,
  onFill,
}: {
  rows: string[];
  blocks: ExerciseBlock[];
  onSave: () => void;
  onFill: () => void;
}) {
  const where = blocks
    .map((b) => ({ name: b.name, numbers: b.sets.flatMap((r, i) => (rows.includes(r.key) ? [i + 1] : [])) }))
    .filter((b) => b.numbers.length > 0)
    .map((b) => `${b.name} set ${b.numbers.join(', ')}`)
    .join('; ');
  const one = rows.length === 1;
  return (
    <Alert color="orange" variant="light" title="No load entered" data-testid="log-empty-load">
      <Text size="sm">
        {one ? '1 set has' : `${rows.length} sets have`} no load ({where}). Save {one ? 'it' : 'them'} as 0 kg, or fill in the
        load?
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" variant="default" onClick={onFill} data-testid="log-empty-load-fill">
          Fill in the load
        </Button>
        <Button size="compact-sm" color="orange" onClick={onSave} data-testid="log-empty-load-save">
          Save as 0 kg
        </Button>
      </Group>
    </Alert>
  );
}

/** One exercise: its sets as rows of reps, load, RPE and done, each beside what was done last time. */
export function ExerciseSets({
  block,
  unit,
  units,
  last,
  errors,
  register,
  onEdit,
  onKey,
  onDone,
  onAddSet,
  onRemove,
}: {
  block: ExerciseBlock;
  unit: string;
  units: Units;
  /** Last time and bodyweight; undefined while loading. */
  last: LastTime | undefined;
  errors: FieldErrors;
  register: (key: string) => (el: HTMLInputElement | null) => void;
  onEdit: (row: SetRow, field: SetField, text: string) => void;
  onKey: (row: SetRow, field: SetField) => (event: KeyboardEvent<HTMLInputElement>) => void;
  onDone: (row: SetRow, done: boolean) => void;
  onAddSet: () => void;
  onRemove: (row: SetRow) => void;
}) {
  const field = (row: SetRow, i: number, name: SetField, label: string, width: number) => {
    const key = errorKey(row.key, name);
    return (
      <TextInput
        ref={register(key)}
        size="xs"
        w={width}
        aria-label={`${block.name}, set ${i + 1}, ${label}`}
        inputMode={name === 'reps' ? 'numeric' : 'decimal'}
        placeholder={name === 'rpe' ? '–' : name === 'load' && last?.bodyweight ? 'BW' : ''}
        value={row[name]}
        onChange={(e) => onEdit(row, name, e.currentTarget.value)}
        onKeyDown={onKey(row, name)}
        onFocus={(e) => e.currentTarget.select()}
        error={errors[key]}
        errorProps={{ 'data-testid': `log-${name}-error` }}
        autoComplete="off"
        data-testid={`log-${name}`}
      />
    );
  };

  return (
    <Paper withBorder p="sm" data-testid="log-exercise" data-exercise-id={block.exerciseId}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap="xs" align="baseline" wrap="nowrap" miw={0}>
          <Text fw={600} size="sm" truncate>
            {block.name}
          </Text>
          {block.target && (
            <Text size="xs" c="dimmed">
              {block.target}
            </Text>
          )}
          {last?.bodyweight && (
            <Text size="xs" c="dimmed" data-testid="log-bodyweight">
              bodyweight: leave the load empty, or enter what was added
            </Text>
          )}
        </Group>
        <Button size="compact-xs" variant="subtle" onClick={onAddSet} data-testid="log-add-set">
          Add set
        </Button>
      </Group>
      {last && (
        <Text size="xs" c="dimmed" mb={4} data-testid="log-last-time">
          {last.performedOn
            ? `Last time, ${formatIsoDate(last.performedOn)}: ${last.sets.map((s) => describeLastSet(s, units)).join(', ')}`
            : 'First time for this client'}
        </Text>
      )}
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>Set</Table.Th>
            <Table.Th w={90} data-testid="log-count-head">{COUNT_HEAD[block.measure]}</Table.Th>
            <Table.Th w={100}>Load ({unit})</Table.Th>
            <Table.Th w={80}>RPE</Table.Th>
            <Table.Th w={50}>Done</Table.Th>
            <Table.Th w={110}>Last time</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {block.sets.map((row, i) => (
            <Table.Tr key={row.key} data-testid="log-set-row" data-done={row.done}>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {i + 1}
                </Text>
              </Table.Td>
              <Table.Td valign="top">{field(row, i, 'reps', COUNT_LABEL[block.measure], 80)}</Table.Td>
              <Table.Td valign="top">{field(row, i, 'load', `load in ${unit}`, 90)}</Table.Td>
              <Table.Td valign="top">{field(row, i, 'rpe', 'RPE', 70)}</Table.Td>
              <Table.Td>
                <Checkbox
                  checked={row.done}
                  onChange={(e) => onDone(row, e.currentTarget.checked)}
                  aria-label={`${block.name}, set ${i + 1} done`}
                  data-testid="log-done"
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" data-testid="log-last-set">
                  {last?.sets[i] ? describeLastSet(last.sets[i], units) : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  onClick={() => onRemove(row)}
                  aria-label={`Remove ${block.name}, set ${i + 1}`}
                  data-testid="log-remove-set"
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** A set's count column: reps, or a timed or distance prescription's seconds or metres. */
const COUNT_HEAD: Record<Measure, string> = { reps: 'Reps', seconds: 'Seconds', metres: 'Metres' };
const COUNT_LABEL: Record<Measure, string> = { reps: 'reps', seconds: 'seconds', metres: 'metres' };
