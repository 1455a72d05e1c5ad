import { Alert, Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Client, PlanDate, PlanSummary } from '../../bindings';
import { logPath } from '../../clientTraining/planDays';
import { usePlanDates } from '../../clientTraining/queries';
import { todayIso } from '../../format';
import { shortDate } from '../../training/dates';
import { Empty, Section } from './parts';

/** Every day of an assigned plan with its date, whether a session is booked, and its log. */
export function PlanSchedule({ plan, client }: { plan: PlanSummary; client: Client }) {
  const dates = usePlanDates(plan.id);
  const navigate = useNavigate();
  const location = useLocation();
  const today = todayIso();
  const log = (d: PlanDate) =>
    navigate(logPath(client.id, { plan: plan.id, week: d.week, day: d.dayIndex, session: d.sessionId }), {
      state: { from: `${location.pathname}${location.search}` },
    });

  const weeks = new Map<number, PlanDate[]>();
  for (const d of dates.data ?? []) weeks.set(d.week, [...(weeks.get(d.week) ?? []), d]);

  return (
    <Section title={`Schedule · ${plan.name}`}>
      {dates.isError ? (
        <Alert color="red" variant="light" title="Could not load the plan's days">
          {dates.error.message}
        </Alert>
      ) : dates.data?.length === 0 ? (
        <Empty testId="plan-schedule-empty">This plan has no start date yet, so its days have no dates.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table highlightOnHover={false} verticalSpacing={4} data-testid="plan-schedule">
            <Table.Tbody>
              {[...weeks.entries()].map(([week, days]) => (
                <Fragment key={week}>
                  <Table.Tr>
                    <Table.Td colSpan={4} pt="sm">
                      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                        Week {week}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {days.map((d) => (
                    <Table.Tr
                      key={`${d.week}-${d.dayIndex}`}
                      data-testid="plan-date-row"
                      data-date={d.date}
                      bg={d.date === today ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Table.Td w={130}>
                        <Text size="sm" fw={d.date === today ? 700 : undefined}>
                          {d.date === today ? 'Today' : shortDate(d.date)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.dayName}</Text>
                      </Table.Td>
                      <Table.Td>
                        {d.sessionId ? (
                          <Badge size="sm" variant="light" color="teal" data-testid="plan-date-session">
                            Session booked
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            No session
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" w={100}>
                        {d.logId ? (
                          <Anchor
                            component={Link}
                            to={`/clients/${client.id}/log/${d.logId}`}
                            state={{ from: `${location.pathname}${location.search}` }}
                            size="sm"
                            data-testid="plan-date-logged"
                          >
                            Logged
                          </Anchor>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant={d.date <= today ? 'light' : 'subtle'}
                            onClick={() => log(d)}
                            data-testid="plan-date-log"
                          >
                            Log
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
