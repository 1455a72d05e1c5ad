import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { PlanBody, Units } from '../bindings';
import { offsetLabel } from './dates';
import { describePrescription } from './load';

/** A plan body read-only, as it reads on paper: for viewing old versions. */
export function PlanBodyView({ body, units, startDate }: { body: PlanBody; units: Units; startDate: string | null }) {
  return (
    <Stack gap="sm" data-testid="version-view-body">
      {body.weeks.map((week, w) => (
        <Stack key={w} gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={700}>
              Week {w + 1}
            </Text>
            {week.deload && (
              <Badge size="xs" variant="light" color="gray">
                Deload
              </Badge>
            )}
          </Group>
          {week.days.map((day, d) => (
            <Stack key={d} gap={0} pl="xs">
              <Text size="xs" fw={600}>
                {day.name} · {offsetLabel(day.dayOffset, startDate)}
              </Text>
              {day.items.length === 0 ? (
                <Text size="xs" c="dimmed">
                  No exercises
                </Text>
              ) : (
                <Table fz="xs" verticalSpacing={1} withRowBorders={false}>
                  <Table.Tbody>
                    {day.items.map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td w={24} c="dimmed">
                          {p.group ?? ''}
                        </Table.Td>
                        <Table.Td>{p.exerciseName}</Table.Td>
                        <Table.Td>
                          {describePrescription(p, units)}
                          {p.tempo && `, tempo ${p.tempo}`}
                          {p.restSeconds != null && `, rest ${p.restSeconds} s`}
                        </Table.Td>
                        <Table.Td c="dimmed">{p.notes}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          ))}
        </Stack>
      ))}
      {body.notes && (
        <Text size="xs" className="preline">
          {body.notes}
        </Text>
      )}
    </Stack>
  );
}
