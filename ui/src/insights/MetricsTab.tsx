import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAiHealth, useAiMetrics, useAiStatus, useHealthCheckNow } from '../aiQueries';
import { formatAgo, formatTimestamp } from '../format';
import { byHealthSeverity, circuitLabel, HEALTH_STATUS } from './labels';

// The chart library loads with this tab, not with the app.
const MetricsCharts = lazy(() => import('./MetricsCharts').then((m) => ({ default: m.MetricsCharts })));

const DAYS = 30;

/** Whether Spotter is healthy (the health checker's report), and how the agents did over the last 30 days. */
export function MetricsTab() {
  const metrics = useAiMetrics(DAYS);
  return (
    <Stack gap="md">
      <HealthPanel />
      <Paper withBorder p="md" data-testid="ai-metrics">
        <Title order={4} mb="sm">
          The last {DAYS} days
        </Title>
        {metrics.error && (
          <Alert color="red" variant="light" title="Could not load the numbers">
            {metrics.error.message}
          </Alert>
        )}
        {metrics.data && metrics.data.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="ai-metrics-empty">
            No agent has run in the last {DAYS} days.
          </Text>
        )}
        {metrics.data && metrics.data.length > 0 && (
          <Suspense fallback={<Loader size="sm" />}>
            <MetricsCharts days={metrics.data} />
          </Suspense>
        )}
      </Paper>
    </Stack>
  );
}

/** Re-renders every `ms`, so "Checked 2 minutes ago" keeps up while the tab stays open. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/**
 * The health checker's latest report, worst first, each check with what to do about it; and
 * the providers Spotter has paused after failures (the circuit breaker), which no check
 * reports. The keychain and each provider's reachability are checks of the report.
 */
function HealthPanel() {
  const health = useAiHealth();
  const status = useAiStatus();
  const checkNow = useHealthCheckNow();
  const now = useNow(30_000);
  const report = health.data;
  const tripped = (status.data?.providers ?? []).filter((p) => p.circuit !== 'closed');
  return (
    <Paper withBorder p="md" data-testid="ai-health">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Title order={4}>Health</Title>
          {report && (
            <Text size="xs" c="dimmed" title={formatTimestamp(report.checkedAt)} data-testid="health-checked-at">
              Checked {formatAgo(report.checkedAt, now)}
            </Text>
          )}
        </div>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => checkNow.mutate()}
          loading={checkNow.isPending}
          data-testid="health-check-now"
        >
          Check now
        </Button>
      </Group>
      {health.error && !report && (
        <Alert color="red" variant="light" title="Could not check" mb="sm">
          {health.error.message}
        </Alert>
      )}
      {checkNow.error && (
        <Alert color="red" variant="light" title="The check did not finish" mb="sm" data-testid="health-check-error">
          {checkNow.error.message}
        </Alert>
      )}
      {!report && health.isPending && <Loader size="sm" />}
      {report && (
        <Stack gap={8} data-testid="health-checks">
          {byHealthSeverity(report.checks).map((c, i) => {
            const s = HEALTH_STATUS[c.status];
            return (
              <Group
                key={`${c.key}-${i}`}
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                data-testid="health-check"
                data-key={c.key}
                data-status={c.status}
              >
                <Badge size="sm" variant="light" color={s.color} miw={112} style={{ flexShrink: 0 }}>
                  {s.label}
                </Badge>
                <div>
                  <Text size="sm">
                    <Text span inherit fw={600} data-testid="health-check-label">
                      {c.label}
                    </Text>
                    {': '}
                    <span data-testid="health-check-detail">{c.detail}</span>
                  </Text>
                  {c.fix && (
                    <Text size="sm" c="dimmed" data-testid="health-fix">
                      {c.fix}
                    </Text>
                  )}
                </div>
              </Group>
            );
          })}
        </Stack>
      )}
      {tripped.length > 0 && (
        <Stack gap={6} mt="sm">
          {tripped.map((p) => {
            const c = circuitLabel(p.circuit);
            return (
              <Group key={p.providerId} gap="xs" wrap="nowrap" data-testid="ai-health-provider" data-circuit={p.circuit}>
                <Badge size="sm" variant="light" color={c.color} style={{ flexShrink: 0 }}>
                  {c.label}
                </Badge>
                <Text size="sm">
                  AI provider {p.name}
                  {p.circuit === 'open' && ': runs use the next provider in the list meanwhile.'}
                </Text>
              </Group>
            );
          })}
        </Stack>
      )}
      {status.data && status.data.providers.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="ai-health-no-provider">
          No AI provider is set up (Settings → AI); the agents work from the facts alone.
        </Text>
      )}
    </Paper>
  );
}
