// A client's plans on the client page: each links to the plan builder; the one whose schedule
// shows below is marked, the others can be shown instead.
import { Anchor, Badge, Button, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanSummary } from '../../bindings';
import { formatIsoDate } from '../../format';

export function ClientPlanTable({ plans, shown, onShow }: { plans: PlanSummary[]; shown: string | null; onShow: (id: string) => void }) {
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
