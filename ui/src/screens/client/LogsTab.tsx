import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { Client, WorkoutLogSummary } from '../../bindings';
import { formatEstimate } from '../../clientTraining/estimates';
import { logPath } from '../../clientTraining/planDays';
import { useLogs } from '../../clientTraining/queries';
import { IconPlus } from '../../components/icons';
import { formatIsoDate } from '../../format';
import { useSettings } from '../../queries';
import { Empty } from './parts';

function planLine(log: WorkoutLogSummary): string {
  if (!log.planName) return 'Free workout';
  return log.week ? `${log.planName} · week ${log.week} · day ${(log.dayIndex ?? 0) + 1}` : log.planName;
}

/**
 * The client's workouts, newest first, a page at a time ("Load more"); a row opens the workout
 * to view, edit or delete.
 */
export function LogsTab({ client }: { client: Client }) {
  const logs = useLogs(client.id);
  const rows = logs.data?.pages.flatMap((p) => p.logs);
  const total = logs.data?.pages[0]?.total ?? 0;
  const units = useSettings().data?.units ?? 'metric';
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const open = (path: string) => navigate(path, { state: { from: here } });

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {logs.data && `${total} ${total === 1 ? 'workout' : 'workouts'} logged`}
        </Text>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => open(logPath(client.id))} data-testid="log-new">
          Log a workout
        </Button>
      </Group>
      {logs.isError ? (
        <Alert color="red" variant="light" title="Could not load workouts">
          {logs.error.message}
        </Alert>
      ) : rows?.length === 0 ? (
        <Empty testId="logs-empty">
          No workouts logged yet. Log one from a plan day on the Plans tab, or a free workout with “Log a workout”.
        </Empty>
      ) : (
        rows && (
          <>
          <Table.ScrollContainer minWidth={560}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th ta="right">Exercises</Table.Th>
                  <Table.Th ta="right">Sets</Table.Th>
                  <Table.Th ta="right">Volume</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((log) => (
                  <Table.Tr
                    key={log.id}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    onClick={() => open(`/clients/${client.id}/log/${log.id}`)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') open(`/clients/${client.id}/log/${log.id}`);
                    }}
                    data-testid="log-row"
                    data-log-id={log.id}
                  >
                    <Table.Td>{formatIsoDate(log.performedOn)}</Table.Td>
                    <Table.Td>{planLine(log)}</Table.Td>
                    <Table.Td ta="right">{log.exercises}</Table.Td>
                    <Table.Td ta="right">{log.sets}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatEstimate(log.volumeKg, units)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {logs.hasNextPage && (
            <Group justify="center" mt="sm">
              <Button
                variant="default"
                size="compact-sm"
                loading={logs.isFetchingNextPage}
                onClick={() => void logs.fetchNextPage()}
                data-testid="logs-more"
              >
                Load more ({rows.length} of {total} shown)
              </Button>
            </Group>
          )}
          </>
        )
      )}
    </>
  );
}
