import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Client, PlanSummary } from '../../bindings';
import { currentPlan } from '../../clientTraining/planDays';
import { usePlans } from '../../trainingQueries';
import { IconPlus } from '../../components/icons';
import { formatIsoDate } from '../../format';
import { AssignPlanModal } from './AssignPlanModal';
import { Empty } from './parts';
import { PlanSchedule } from './PlanSchedule';

/** The client's plans, assigning a new one from a template, and the current plan's days. */
export function PlansTab({ client }: { client: Client }) {
  const plans = usePlans({ templates: false, clientId: client.id });
  const [chosen, setChosen] = useState<string | null>(null);
  const [assigning, setAssigning] = useState(false);
  const list = plans.data ?? [];
  const shown = list.find((p) => p.id === chosen) ?? currentPlan(list);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {plans.data && `${list.length} ${list.length === 1 ? 'plan' : 'plans'}`}
        </Text>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAssigning(true)} data-testid="client-assign-plan">
          Assign a plan from a template
        </Button>
      </Group>
      {plans.isError ? (
        <Alert color="red" variant="light" title="Could not load plans">
          {plans.error.message}
        </Alert>
      ) : plans.data?.length === 0 ? (
        <Empty testId="client-plans-empty">No plan yet. Assign one from a template, or build one in Training.</Empty>
      ) : (
        plans.data && <PlanTable plans={list} shown={shown?.id ?? null} onShow={setChosen} />
      )}
      {shown && <PlanSchedule key={shown.id} plan={shown} client={client} />}
      <AssignPlanModal
        client={client}
        opened={assigning}
        onClose={() => setAssigning(false)}
        onAssigned={(plan) => {
          setAssigning(false);
          setChosen(plan.id);
        }}
      />
    </Stack>
  );
}

function PlanTable({ plans, shown, onShow }: { plans: PlanSummary[]; shown: string | null; onShow: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Starts</Table.Th>
            <Table.Th>Length</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id} data-testid="client-plan-row" data-plan-id={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/training/plans/${p.id}`} size="sm" fw={600} data-testid="client-plan-link">
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.startDate ? formatIsoDate(p.startDate) : '—'}</Table.Td>
              <Table.Td>
                {p.weeks} {p.weeks === 1 ? 'week' : 'weeks'} · {p.daysPerWeek} {p.daysPerWeek === 1 ? 'day' : 'days'} a week
              </Table.Td>
              <Table.Td>v{p.currentVersion}</Table.Td>
              <Table.Td ta="right">
                {p.id === shown ? (
                  <Badge variant="light" size="sm">
                    Schedule below
                  </Badge>
                ) : (
                  p.startDate && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onShow(p.id)} data-testid="client-plan-show">
                      Show schedule
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
