// The client list's table: one line per client (name with its badges, email, tags, last and
// next session, current plan, adherence), sortable by the computed columns through clickable
// headers (aria-sort), a page at a time with "Load more".
import { Badge, Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { Client, ClientOverview, ClientSort, SortDirection } from '../bindings';
import { ClearanceBadge } from '../components/ClearanceBadge';
import { ClientStatusBadge } from '../components/ClientStatusBadge';
import { OneLineText } from '../components/OneLineText';
import { formatTimestamp } from '../format';

export interface SortState {
  sort: ClientSort;
  direction: SortDirection;
}

interface Props {
  rows: ClientOverview[];
  total: number;
  sort: SortState;
  onSort: (sort: ClientSort) => void;
  onOpen: (client: Client) => void;
  tableRef: RefObject<HTMLTableSectionElement | null>;
  more: { has: boolean; loading: boolean; load: () => void };
}

function SortHeader({ column, sort, onSort, w, children }: { column: ClientSort; sort: SortState; onSort: (s: ClientSort) => void; w: string; children: ReactNode }) {
  const active = sort.sort === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th w={w} aria-sort={ariaSort} data-testid={`clients-sort-${column}`}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {children}
        <span aria-hidden> {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

export function ClientsTable({ rows, total, sort, onSort, onOpen, tableRef, more }: Props) {
  // Rows are focusable: Enter opens, arrows move between rows.
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, client: Client) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(client);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const row = event.currentTarget;
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      if (next instanceof HTMLElement) next.focus();
    }
  };

  // Fixed columns and one line per cell: a long name or email is cut with an ellipsis (whole on
  // hover) instead of wrapping its row onto several lines; the badges beside a name never shrink.
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table layout="fixed" data-testid="clients-table">
          <Table.Thead>
            <Table.Tr>
              <SortHeader column="name" sort={sort} onSort={onSort} w="25%">
                Name
              </SortHeader>
              <Table.Th w="17%">Email</Table.Th>
              <Table.Th w="11%">Tags</Table.Th>
              <SortHeader column="last_session" sort={sort} onSort={onSort} w="12%">
                Last session
              </SortHeader>
              <SortHeader column="next_session" sort={sort} onSort={onSort} w="12%">
                Next session
              </SortHeader>
              <Table.Th w="13%">Plan</Table.Th>
              <SortHeader column="adherence" sort={sort} onSort={onSort} w="10%">
                Adherence
              </SortHeader>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={tableRef}>
            {rows.map(({ client, lastSession, nextSession, currentPlanName, adherence }) => (
              <Table.Tr
                key={client.id}
                className="clickable-row"
                tabIndex={0}
                data-testid="client-row"
                data-client-id={client.id}
                onClick={() => onOpen(client)}
                onKeyDown={(e) => onRowKeyDown(e, client)}
              >
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <OneLineText size="sm" fw={500}>
                      {client.name}
                    </OneLineText>
                    <ClientStatusBadge status={client.status} size="xs" />
                    <ClearanceBadge needsClearance={client.needsClearance} size="xs" />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <OneLineText size="sm">{client.email ?? ''}</OneLineText>
                </Table.Td>
                <Table.Td>
                  {/* The first tag whole and a count of the rest (all of them on hover): a badge
                      squeezed to "s…" says nothing. */}
                  <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }} title={client.tags.join(', ') || undefined}>
                    {client.tags.slice(0, 1).map((tag) => (
                      <Badge key={tag} size="sm" variant="light" tt="none" miw={0} data-testid="client-tag">
                        {tag}
                      </Badge>
                    ))}
                    {client.tags.length > 1 && (
                      <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }} data-testid="client-tags-more">
                        +{client.tags.length - 1}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td data-testid="client-last-session">
                  <OneLineText size="sm">{lastSession ? formatTimestamp(lastSession) : '—'}</OneLineText>
                </Table.Td>
                <Table.Td data-testid="client-next-session">
                  <OneLineText size="sm">{nextSession ? formatTimestamp(nextSession) : '—'}</OneLineText>
                </Table.Td>
                <Table.Td data-testid="client-plan">
                  <OneLineText size="sm">{currentPlanName ?? '—'}</OneLineText>
                </Table.Td>
                <Table.Td data-testid="client-adherence" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Text size="sm">{percent(adherence)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more.has && (
        <Group justify="center" mt="sm">
          <Button variant="default" size="compact-sm" loading={more.loading} onClick={more.load} data-testid="clients-more">
            Load more ({rows.length} of {total} shown)
          </Button>
        </Group>
      )}
    </>
  );
}
