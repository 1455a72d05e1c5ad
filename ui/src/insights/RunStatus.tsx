import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { AgentRun } from '../aiQueries';
import { plural } from './labels';

/**
 * A run's progress where it was started: the latest event while it runs (with Cancel), then
 * how many items went to the review queue, or why it failed. Test ids are `${testPrefix}-stage`,
 * `-result`, `-cancel` and `-error`.
 */
export function RunStatus({ run, testPrefix, withCancel = false }: { run: AgentRun; testPrefix: string; withCancel?: boolean }) {
  if (run.running) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" />
        <Text size="sm" c="dimmed" data-testid={`${testPrefix}-stage`}>
          {run.event?.message || 'Starting…'}
        </Text>
        {withCancel && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={run.cancel} disabled={!run.canCancel} data-testid={`${testPrefix}-cancel`}>
            Cancel
          </Button>
        )}
      </Group>
    );
  }
  if (run.error) {
    const cancelled = run.error.code === 'cancelled';
    return (
      <Alert
        color={cancelled ? 'gray' : 'red'}
        variant="light"
        p="xs"
        title={cancelled ? undefined : 'The run did not finish'}
        data-testid={`${testPrefix}-error`}
      >
        {cancelled ? 'Cancelled' : run.error.message}
      </Alert>
    );
  }
  if (run.outcome) {
    const result = `${plural(run.outcome.items.length, 'item')} for review`;
    const last = run.event?.message ?? '';
    return (
      <Text size="sm" c="dimmed" data-testid={`${testPrefix}-stage`}>
        {last && last !== result && `${last} · `}
        <Text span inherit c="teal" data-testid={`${testPrefix}-result`}>
          {result}
        </Text>
      </Text>
    );
  }
  return null;
}
