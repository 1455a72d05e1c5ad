import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useAiMetrics, useAiStatus } from '../aiQueries';
import { circuitLabel } from './labels';

// The chart library loads with this tab, not with the app.
const MetricsCharts = lazy(() => import('./MetricsCharts').then((m) => ({ default: m.MetricsCharts })));

const DAYS = 30;

/** How the agents did over the last 30 days, and whether the keychain and providers are healthy. */
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

function HealthPanel() {
  const status = useAiStatus();
  const s = status.data;
  return (
    <Paper withBorder p="md" data-testid="ai-health">
      <Title order={4} mb="sm">
        Health
      </Title>
      {status.error && (
        <Alert color="red" variant="light" title="Could not check">
          {status.error.message}
        </Alert>
      )}
      {s && (
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="ai-health-keychain" data-ok={s.keychainOk ? 'true' : 'false'}>
            <Badge size="sm" variant="light" color={s.keychainOk ? 'teal' : 'orange'} style={{ flexShrink: 0 }}>
              {s.keychainOk ? 'OK' : 'Not available'}
            </Badge>
            <Text size="sm">
              System keychain{s.keychainOk ? ': API keys can be stored and read.' : `: ${s.keychainMessage ?? 'it cannot be reached.'}`}
            </Text>
          </Group>
          {s.providers.length === 0 && (
            <Text size="sm" c="dimmed">
              No AI provider is set up (Settings → AI).
            </Text>
          )}
          {s.providers.map((p) => {
            const c = circuitLabel(p.circuit);
            return (
              <Group key={p.providerId} gap="xs" wrap="nowrap" data-testid="ai-health-provider" data-circuit={p.circuit}>
                <Badge size="sm" variant="light" color={c.color} style={{ flexShrink: 0 }}>
                  {c.label}
                </Badge>
                <Text size="sm">{p.name}</Text>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
