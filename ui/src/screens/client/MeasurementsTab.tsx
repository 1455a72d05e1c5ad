// Loaded with this tab's chunk, not with the first screen.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { Client, Measurement, Units } from '../../bindings';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { formatIsoDate } from '../../format';
import { displayValue, formatValue, groupSeries, seriesLabel } from '../../measurements';
import { useMeasurements, useSettings } from '../../queries';
import { useDeleteMeasurement } from '../../recordQueries';
import { MeasurementForm } from './MeasurementForm';
import { Empty } from './parts';

export function MeasurementsTab({ client }: { client: Client }) {
  const measurements = useMeasurements(client.id);
  const settings = useSettings();
  const units: Units = settings.data?.units ?? 'metric';

  return (
    <Stack gap="md">
      <MeasurementForm clientId={client.id} units={units} />
      {measurements.isError ? (
        <Alert color="red" variant="light" title="Could not load measurements">
          {measurements.error.message}
        </Alert>
      ) : measurements.data?.length === 0 ? (
        <Empty testId="measurements-empty">No measurements yet. Add the first one above.</Empty>
      ) : (
        measurements.data && (
          <>
            <MeasurementCharts list={measurements.data} units={units} />
            <MeasurementTable list={measurements.data} units={units} clientId={client.id} />
          </>
        )
      )}
      <Text size="xs" c="dimmed">
        Shown in {units === 'imperial' ? 'pounds and inches' : 'kilograms and centimetres'}, as chosen in Settings.
      </Text>
    </Stack>
  );
}

/** One small chart per metric (and per custom name), in the display units. */
function MeasurementCharts({ list, units }: { list: Measurement[]; units: Units }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {groupSeries(list).map((series) => {
        const points = series.items.map((m) => ({ m, ...displayValue(m, units) }));
        const first = points[0]!;
        const last = points[points.length - 1]!;
        const change = last.value - first.value;
        return (
          <Paper key={series.key} withBorder p="md" data-testid="measurement-chart" data-series={series.key}>
            <Group justify="space-between" align="baseline" mb="xs" wrap="nowrap">
              <Text size="sm" fw={600}>
                {series.label}
              </Text>
              <Text size="sm" data-testid="measurement-latest">
                {formatValue(last.value, last.m.metric)} {last.unit}
                {points.length > 1 && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({change >= 0 ? '+' : '−'}
                    {formatValue(Math.abs(change), last.m.metric)} {last.unit} since {formatIsoDate(first.m.measuredOn)})
                  </Text>
                )}
              </Text>
            </Group>
            {points.length > 1 ? (
              <LineChart
                h={160}
                data={points.map((p) => ({ date: formatIsoDate(p.m.measuredOn), value: p.value }))}
                dataKey="date"
                // The unit goes in the tooltip's label, not on every axis tick.
                series={[{ name: 'value', label: `${series.label} (${last.unit})`, color: 'teal.6' }]}
                curveType="linear"
                valueFormatter={(v) => formatValue(v, last.m.metric)}
                yAxisProps={{ domain: ['auto', 'auto'], width: 40, tickCount: 4 }}
              />
            ) : (
              <Text size="xs" c="dimmed">
                Measured once, on {formatIsoDate(first.m.measuredOn)}. The chart starts with the second value.
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

function MeasurementTable({ list, units, clientId }: { list: Measurement[]; units: Units; clientId: string }) {
  const remove = useDeleteMeasurement(clientId);
  return (
    <Stack gap="xs">
      {remove.error && (
        <Alert color="red" variant="light" title="Not deleted">
          {remove.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Measurement</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {/* Newest first to read; the list comes oldest first for the charts. */}
            {[...list].reverse().map((m) => {
              const shown = displayValue(m, units);
              return (
                <Table.Tr key={m.id} data-testid="measurement-row" data-measurement-id={m.id}>
                  <Table.Td>{formatIsoDate(m.measuredOn)}</Table.Td>
                  <Table.Td>{seriesLabel(m)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatValue(shown.value, m.metric)} {shown.unit}
                  </Table.Td>
                  <Table.Td ta="right">
                    <ConfirmDelete
                      question={`Delete “${seriesLabel(m)}” of ${formatIsoDate(m.measuredOn)}?`}
                      onConfirm={() => remove.mutate(m.id)}
                      loading={remove.isPending && remove.variables === m.id}
                      testId="measurement-delete"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
