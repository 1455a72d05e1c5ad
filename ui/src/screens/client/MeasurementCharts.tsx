// Loaded with the chunks of the tabs that chart (Measurements, Progress), not with the first screen.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { Measurement, Units } from '../../bindings';
import { formatIsoDate } from '../../format';
import { displayValue, formatValue, groupSeries } from '../../measurements';

/** One small chart per metric (and per custom name), in the display units. */
export function MeasurementCharts({ list, units }: { list: Measurement[]; units: Units }) {
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
