import { Alert, Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatIsoWeekdayDate } from '../format';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AppError, AttentionReason, CalendarEntry, Session, SessionStatus } from '../bindings';
import { LogWorkoutButton } from '../clientTraining/LogWorkoutButton';
import { ClearanceBadge } from '../components/ClearanceBadge';
import { IconPlus } from '../components/icons';
import { OneLineText } from '../components/OneLineText';
import { PageHeader } from '../components/PageHeader';
import { useClients, useTrainers } from '../queries';
import { kindColor, STATUS_COLOR, STATUS_LABEL } from '../schedule/kinds';
import { notifyWithUndo } from '../schedule/undo';
import { localZone, timeRange, wallClock } from '../schedule/zoned';
import { useDashboard, useSessionWrites, useSetSessionStatus } from '../sessionQueries';

const REASON: Record<AttentionReason, { label: string; color: string }> = {
  quiet: { label: 'Gone quiet', color: 'yellow' },
  needs_clearance: { label: 'Medical clearance', color: 'red' },
  series_ending: { label: 'Series ending', color: 'blue' },
};

export function DashboardScreen() {
  const navigate = useNavigate();
  const zone = useMemo(localZone, []);
  const dashboard = useDashboard({ timeZone: zone, now: null, trainerIds: [] });
  const trainers = useTrainers();
  const active = useClients({ status: 'active' });
  const many = (trainers.data?.length ?? 0) > 1;
  const trainerName = (id: string) => trainers.data?.find((t) => t.id === id)?.name ?? '';

  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={
          <Button size="sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => navigate('/clients/new')}>
            Add a client
          </Button>
        }
      />
      {dashboard.error && <Alert color="red">{dashboard.error.message}</Alert>}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Paper withBorder p="md" style={{ gridColumn: 'span 2' }} data-testid="dashboard-today">
          <Group justify="space-between" mb="xs">
            <Title order={4}>Today</Title>
            <Anchor component={Link} to="/calendar" size="sm">
              Open calendar
            </Anchor>
          </Group>
          {dashboard.data && dashboard.data.today.length === 0 && (
            <Text c="dimmed" size="sm" data-testid="dashboard-today-empty">
              No sessions today.
            </Text>
          )}
          <Stack gap={6}>
            {dashboard.data?.today.map((s) => (
              <TodayRow key={s.id} session={s} trainer={many ? trainerName(s.trainerId) : null} />
            ))}
          </Stack>
        </Paper>

        <Paper withBorder p="md" data-testid="dashboard-attention">
          <Title order={4} mb="xs">
            Needs attention
          </Title>
          {dashboard.data && dashboard.data.attention.length === 0 && (
            <Text c="dimmed" size="sm">
              Everyone is on track.
            </Text>
          )}
          <Stack gap={6}>
            {dashboard.data?.attention.map((a) => (
              <Group key={`${a.reason}-${a.clientId}`} gap={8} wrap="nowrap" align="flex-start" data-testid="attention-item" data-reason={a.reason}>
                <Badge size="xs" color={REASON[a.reason].color} variant="light" style={{ flexShrink: 0, marginTop: 3 }}>
                  {REASON[a.reason].label}
                </Badge>
                <div>
                  <Anchor component={Link} to={`/clients/${a.clientId}`} size="sm" fw={600}>
                    {a.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {a.detail}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        </Paper>

        <Paper withBorder p="md" style={{ gridColumn: 'span 2' }} data-testid="dashboard-week">
          <Title order={4} mb="xs">
            The week ahead
          </Title>
          <WeekAhead entries={dashboard.data?.weekAhead ?? []} zone={zone} />
        </Paper>

        <Paper withBorder p="md" data-testid="dashboard-active-clients">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Active clients
          </Text>
          <Text fz={32} fw={700} lh={1.2}>
            {active.data?.length ?? '–'}
          </Text>
          <Button size="compact-sm" variant="light" mt="xs" onClick={() => navigate('/clients')}>
            Open clients
          </Button>
        </Paper>
      </SimpleGrid>
    </>
  );
}

/** One of today's sessions, completed or marked no-show in one click (with undo). */
function TodayRow({ session, trainer }: { session: Session; trainer: string | null }) {
  const setStatus = useSetSessionStatus();
  const writes = useSessionWrites();
  const busy = setStatus.isPending;

  async function mark(status: SessionStatus) {
    try {
      await setStatus.mutateAsync({ id: session.id, status });
      notifyWithUndo(`${session.label}: ${STATUS_LABEL[status].toLowerCase()}`, () =>
        writes.setStatus(session.id, 'scheduled'),
      );
    } catch (e) {
      notifications.show({ color: 'red', message: (e as AppError).message });
    }
  }

  const clearance = session.participants.some((p) => p.needsClearance);
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      p={6}
      style={{ borderLeft: `4px solid ${kindColor(session.kind)}`, borderRadius: 4 }}
      data-testid="today-session"
      data-status={session.status}
    >
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Text ff="monospace" size="sm" w={100} style={{ flexShrink: 0 }}>
          {timeRange(session.start, session.end, localZone())}
        </Text>
        <Box miw={0}>
          <OneLineText size="sm" fw={600} data-testid="today-session-label">
            {session.label}
          </OneLineText>
          <Group gap={4}>
            {trainer && (
              <Text size="xs" c="dimmed">
                {trainer}
              </Text>
            )}
            <ClearanceBadge needsClearance={clearance} size="xs" />
          </Group>
        </Box>
      </Group>
      {session.status === 'scheduled' ? (
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" color="teal" loading={busy} onClick={() => void mark('completed')} data-testid="today-complete">
            Complete
          </Button>
          <Button size="compact-sm" color="red" variant="light" loading={busy} onClick={() => void mark('no_show')} data-testid="today-no-show">
            No-show
          </Button>
        </Group>
      ) : (
        <Group gap={6} wrap="nowrap">
          {session.status === 'completed' && <LogWorkoutButton session={session} />}
          <Badge color={STATUS_COLOR[session.status]} data-testid="today-status">
            {STATUS_LABEL[session.status]}
          </Badge>
        </Group>
      )}
    </Group>
  );
}


function WeekAhead({ entries, zone }: { entries: CalendarEntry[]; zone: string }) {
  const days = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    const day = wallClock(e.start, zone).slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  if (days.size === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing booked in the next seven days.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      {[...days.entries()].map(([day, list]) => (
        <div key={day} data-testid="week-day">
          <Text size="sm" fw={700}>
            <Anchor component={Link} to={`/calendar?date=${day}&view=timeGridDay`} inherit>
              {formatIsoWeekdayDate(day)}
            </Anchor>{' '}
            <Text span c="dimmed" size="xs">
              {list.length} {list.length === 1 ? 'session' : 'sessions'}
            </Text>
          </Text>
          {list.slice(0, 6).map((e) => (
            <OneLineText key={e.id} size="xs">
              {`${timeRange(e.start, e.end, zone).split('–')[0]} ${e.label}`}
            </OneLineText>
          ))}
          {list.length > 6 && (
            <Text size="xs" c="dimmed">
              +{list.length - 6} more
            </Text>
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}
