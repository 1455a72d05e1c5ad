import { Table, Text } from '@mantine/core';
import type { ExerciseRecords, Units } from '../../bindings';
import { formatEstimate } from '../../clientTraining/estimates';
import { formatIsoDate } from '../../format';

const dash = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

/** Per exercise: best estimated 1RM by both formulas, best volume in one workout, and how often. */
export function RecordsTable({ records, units }: { records: ExerciseRecords[]; units: Units }) {
  const load = (kg: number | null | undefined) => (kg === null || kg === undefined ? dash : formatEstimate(kg, units));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table data-testid="records-table" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exercise</Table.Th>
            <Table.Th ta="right">Best e1RM (Epley)</Table.Th>
            <Table.Th ta="right">Brzycki</Table.Th>
            <Table.Th>On</Table.Th>
            <Table.Th ta="right">Best volume</Table.Th>
            <Table.Th>On</Table.Th>
            <Table.Th ta="right">Max reps</Table.Th>
            <Table.Th ta="right">Workouts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.exerciseId} data-testid="records-row">
              <Table.Td fw={600}>{r.exerciseName}</Table.Td>
              <Table.Td ta="right">{load(r.bestE1rmEpleyKg)}</Table.Td>
              <Table.Td ta="right">{load(r.bestE1rmBrzyckiKg)}</Table.Td>
              <Table.Td>{r.bestE1rmOn ? formatIsoDate(r.bestE1rmOn) : dash}</Table.Td>
              <Table.Td ta="right">{r.bestVolumeKg > 0 ? load(r.bestVolumeKg) : dash}</Table.Td>
              <Table.Td>{r.bestVolumeOn ? formatIsoDate(r.bestVolumeOn) : dash}</Table.Td>
              <Table.Td ta="right">{r.maxReps}</Table.Td>
              <Table.Td ta="right">{r.workouts}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
