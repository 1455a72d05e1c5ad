import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Client, Units } from '../../bindings';
import { useClientProgress } from '../../clientTraining/queries';
import { useMeasurements, useSettings } from '../../queries';
import { MeasurementCharts } from './MeasurementCharts';
import { Empty, Section } from './parts';
import { AdherenceChart, E1rmChart, VolumeChart } from './ProgressCharts';
import { RecordsTable } from './RecordsTable';
import { ReportPdfModal } from './ReportPdfModal';

const NO_WORKOUTS = 'No workouts logged yet. Log one on the Logs tab, or from a plan day on the Plans tab.';

/** Everything a monthly review looks at, and the report to hand over. */
export function ProgressTab({ client }: { client: Client }) {
  const progress = useClientProgress(client.id);
  const measurements = useMeasurements(client.id);
  const units: Units = useSettings().data?.units ?? 'metric';
  const [printing, setPrinting] = useState(false);
  const p = progress.data;

  return (
    <Stack gap="md" data-testid="progress-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Loads in {units === 'imperial' ? 'pounds' : 'kilograms'}, as chosen in Settings.
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => setPrinting(true)} data-testid="report-pdf">
          Print progress report
        </Button>
      </Group>
      {progress.isError && (
        <Alert color="red" variant="light" title="Could not load progress">
          {progress.error.message}
        </Alert>
      )}
      {p && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Part title="Estimated 1RM" testId="progress-e1rm" empty={p.e1rm.length === 0 && NO_WORKOUTS}>
              <E1rmChart series={p.e1rm} units={units} />
            </Part>
            <Part
              title="Plan adherence"
              testId="progress-adherence"
              empty={p.adherence.length === 0 && 'No plan week has started yet. Assign a plan on the Plans tab to follow adherence.'}
            >
              <AdherenceChart weeks={p.adherence} />
            </Part>
          </SimpleGrid>
          <Part title="Hard sets per muscle group, by week" testId="progress-volume" empty={p.weeklyVolume.length === 0 && NO_WORKOUTS}>
            <VolumeChart weeks={p.weeklyVolume} />
          </Part>
          <Part title="Records" testId="progress-records" empty={p.records.length === 0 && NO_WORKOUTS}>
            <RecordsTable records={p.records} units={units} />
          </Part>
        </>
      )}
      <Part
        title="Body measurements"
        testId="progress-measurements"
        empty={measurements.data?.length === 0 && 'No measurements yet. Add them on the Measurements tab.'}
      >
        {measurements.data && <MeasurementCharts list={measurements.data} units={units} />}
      </Part>
      <ReportPdfModal client={client} opened={printing} onClose={() => setPrinting(false)} />
    </Stack>
  );
}

/** A titled section, or what to do to fill it. */
function Part({ title, testId, empty, children }: { title: string; testId: string; empty: string | false; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <Section title={title}>{empty ? <Empty testId={`${testId}-empty`}>{empty}</Empty> : children}</Section>
    </div>
  );
}
