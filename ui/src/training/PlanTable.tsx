import { Button, Table, Text } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import type { PlanSummary } from '../bindings';
import { formatIsoDate, formatTimestamp } from '../format';

/** "4 weeks × 3 days". */
export function shapeOf(plan: Pick<PlanSummary, 'weeks' | 'daysPerWeek'>): string {
  return `${plan.weeks} ${plan.weeks === 1 ? 'week' : 'weeks'} × ${plan.daysPerWeek} ${plan.daysPerWeek === 1 ? 'day' : 'days'}`;
}

function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (event.target !== event.currentTarget) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    open();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const row = event.currentTarget;
    const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (next instanceof HTMLElement) next.focus();
  }
}

/** Plans or templates; rows open the editor (Enter or click). */
export function PlanTable({
  plans,
  templates,
  onOpen,
  onUse,
}: {
  plans: PlanSummary[];
  templates: boolean;
  onOpen: (plan: PlanSummary) => void;
  onUse?: (template: PlanSummary) => void;
}) {
  const rowId = templates ? 'template-row' : 'plan-row';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {!templates && <Table.Th>Client</Table.Th>}
            {!templates && <Table.Th>Starts</Table.Th>}
            <Table.Th>Length</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Changed</Table.Th>
            {onUse && <Table.Th w={130} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr
              key={plan.id}
              className="clickable-row"
              tabIndex={0}
              data-testid={rowId}
              data-name={plan.name}
              data-plan-id={plan.id}
              onClick={() => onOpen(plan)}
              onKeyDown={(e) => onRowKeyDown(e, () => onOpen(plan))}
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {plan.name}
                </Text>
              </Table.Td>
              {!templates && <Table.Td>{plan.clientName ?? <Dim>Not assigned</Dim>}</Table.Td>}
              {!templates && <Table.Td>{plan.startDate ? formatIsoDate(plan.startDate) : <Dim>—</Dim>}</Table.Td>}
              <Table.Td>{shapeOf(plan)}</Table.Td>
              <Table.Td>v{plan.currentVersion}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {formatTimestamp(plan.updatedAt)}
                </Text>
              </Table.Td>
              {onUse && (
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={(e) => {
                      e.stopPropagation();
                      onUse(plan);
                    }}
                    data-testid="template-use"
                  >
                    Use template
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Dim({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}
