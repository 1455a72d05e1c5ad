import { Paper, Stack, Text } from '@mantine/core';
import type { RecordHit, Units } from '../../bindings';
import { estimateNumber, formatEstimate } from '../../clientTraining/estimates';
import { formatWeight } from '../../training/load';

/** "New record — Back Squat: estimated 1RM 125 kg (was 118.3)". */
export function recordText(hit: RecordHit, units: Units): string {
  const was = (value: string) => (hit.previous === null || hit.previous === undefined ? ' (first time logged)' : ` (was ${value})`);
  const previous = hit.previous ?? 0;
  let what: string;
  switch (hit.kind) {
    case 'estimated_one_rm':
      what = `estimated 1RM ${formatEstimate(hit.value, units)}${was(estimateNumber(previous, units))}`;
      break;
    case 'reps':
      what = `${hit.value} reps at ${formatWeight(hit.loadKg ?? 0, units)}${was(String(previous))}`;
      break;
    case 'volume':
      what = `volume ${formatEstimate(hit.value, units)} in one workout${was(estimateNumber(previous, units))}`;
      break;
  }
  return `New record — ${hit.exerciseName}: ${what}`;
}

/** The records a saved workout set, each on its own line: the moment worth telling the client. */
export function RecordFlags({ records, units }: { records: RecordHit[]; units: Units }) {
  if (records.length === 0) return null;
  return (
    <Stack gap={6}>
      {records.map((hit) => (
        <Paper
          key={`${hit.exerciseId}-${hit.kind}`}
          withBorder
          px="md"
          py="xs"
          style={{ borderLeft: '4px solid var(--mantine-color-yellow-5)' }}
          data-testid="record-flag"
          data-kind={hit.kind}
        >
          <Text fw={600}>{recordText(hit, units)}</Text>
        </Paper>
      ))}
    </Stack>
  );
}
