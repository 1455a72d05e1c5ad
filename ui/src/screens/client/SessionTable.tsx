import { Badge, Table, Text } from '@mantine/core';
import type { CalendarEntry } from '../../bindings';
import { formatSessionWhen } from '../../format';
import { kindLabel, STATUS_COLOR, STATUS_LABEL } from '../../schedule/kinds';

/** A client's sessions, each at the wall-clock time of the zone it was planned in. */
export function SessionTable({ entries, clientName }: { entries: CalendarEntry[]; clientName: string }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Session</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const when = formatSessionWhen(entry.start, entry.end, entry.timeZone);
            return (
              <Table.Tr key={entry.id} data-testid="client-session-row" data-session-id={entry.id}>
                <Table.Td>
                  <Text size="sm">{when.date}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when.time}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{kindLabel(entry.kind)}</Text>
                  {/* The label is the client's own name when the session has no title. */}
                  {entry.label !== clientName && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {entry.label}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[entry.status]}>
                    {STATUS_LABEL[entry.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
