import { Box, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useAiHealth } from '../aiQueries';
import { HEALTH_STATUS, healthSummary } from '../insights/labels';

/**
 * The health checker's status light beside "Insights" in the navbar: green, yellow or red for
 * the latest report's worst check; it opens the report (Insights → Metrics). Nothing shows
 * until a report is there, or when it cannot be read: a light that guesses would mislead.
 */
export function HealthLight() {
  const health = useAiHealth();
  const report = health.data;
  if (!report || health.isError) return null;
  const summary = healthSummary(report);
  return (
    <UnstyledButton
      component={Link}
      to="/insights?tab=metrics"
      title={summary}
      aria-label={`${summary}. Open the health report`}
      data-testid="health-light"
      data-status={report.overall}
      pos="absolute"
      right={6}
      top="50%"
      p={6}
      style={{ transform: 'translateY(-50%)', lineHeight: 0 }}
    >
      <Box
        component="span"
        display="block"
        w={10}
        h={10}
        bg={`${HEALTH_STATUS[report.overall].color}.6`}
        style={{ borderRadius: '50%' }}
      />
    </UnstyledButton>
  );
}
