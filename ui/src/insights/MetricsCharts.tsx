// The AI metrics charts: runs and success rate, latency, tokens and estimated cost per day.
import { plainCost } from './labels';
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DayMetrics } from '../bindings';
import { formatIsoDate } from '../format';

function Chart({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

export function MetricsCharts({ days }: { days: DayMetrics[] }) {
  const data = days.map((d) => ({
    day: formatIsoDate(d.day),
    Done: d.done,
    Failed: d.failed,
    Other: Math.max(0, d.runs - d.done - d.failed),
    'Success rate': d.successRate === null ? null : Math.round(d.successRate * 1000) / 10,
    Median: d.p50LatencyMs,
    'Slowest 5%': d.p95LatencyMs,
    Sent: d.promptTokens,
    Received: d.completionTokens,
    Cost: Math.round(d.costEstimateUsd * 10_000) / 10_000,
  }));
  const totals = days.reduce(
    (t, d) => ({ runs: t.runs + d.runs, tokens: t.tokens + d.promptTokens + d.completionTokens, cost: t.cost + d.costEstimateUsd }),
    { runs: 0, tokens: 0, cost: 0 },
  );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="ai-metrics-totals">
        {totals.runs} {totals.runs === 1 ? 'run' : 'runs'}, costing {plainCost(totals.cost)} in all (an estimate; local
        servers cost nothing) · {totals.tokens.toLocaleString()} tokens
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Chart title="Runs per day" testId="ai-metrics-runs">
          <BarChart
            h={200}
            data={data}
            dataKey="day"
            type="stacked"
            withLegend
            series={[
              { name: 'Done', color: 'teal.6' },
              { name: 'Failed', color: 'red.6' },
              { name: 'Other', label: 'Cancelled or running', color: 'gray.5' },
            ]}
            yAxisProps={{ allowDecimals: false, width: 32 }}
          />
        </Chart>
        <Chart title="Success rate" testId="ai-metrics-success">
          <LineChart
            h={200}
            data={data}
            dataKey="day"
            series={[{ name: 'Success rate', color: 'teal.6' }]}
            connectNulls
            unit="%"
            yAxisProps={{ domain: [0, 100], width: 44 }}
          />
        </Chart>
        <Chart title="Time to answer" testId="ai-metrics-latency">
          <LineChart
            h={200}
            data={data}
            dataKey="day"
            withLegend
            series={[
              { name: 'Median', color: 'blue.6' },
              { name: 'Slowest 5%', color: 'orange.6' },
            ]}
            connectNulls
            unit=" ms"
            yAxisProps={{ width: 64 }}
          />
        </Chart>
        <Chart title="Tokens per day" testId="ai-metrics-tokens">
          <BarChart
            h={200}
            data={data}
            dataKey="day"
            type="stacked"
            withLegend
            series={[
              { name: 'Sent', color: 'indigo.6' },
              { name: 'Received', color: 'cyan.6' },
            ]}
            yAxisProps={{ width: 56 }}
          />
        </Chart>
        <Chart title="Estimated cost per day (USD)" testId="ai-metrics-cost">
          <BarChart
            h={200}
            data={data}
            dataKey="day"
            series={[{ name: 'Cost', color: 'grape.6' }]}
            valueFormatter={(v) => `$${v.toFixed(4)}`}
            yAxisProps={{ width: 72 }}
          />
        </Chart>
      </SimpleGrid>
    </Stack>
  );
}
