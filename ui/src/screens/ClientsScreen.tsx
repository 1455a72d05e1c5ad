import { Alert, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Client, ClientOverview, ClientSort, ClientStatusFilter } from '../bindings';
import { CsvExportModal } from '../components/CsvExportModal';
import { CsvImportModal } from '../components/CsvImportModal';
import { IconPlus, IconSearch } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { ClientsTable, type SortState } from './ClientsTable';
import { FIRST_DIRECTION, parseSort, useClientsOverview } from './clientsOverview';

const STATUSES: { value: ClientStatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

function parseStatus(value: string | null): ClientStatusFilter {
  return value === 'paused' || value === 'archived' || value === 'all' ? value : 'active';
}

/** Search, status and sort live in the URL, so coming back from a client restores the list. */
export function ClientsScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 120);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const [csvDialog, setCsvDialog] = useState<'import' | 'export' | null>(null);

  useEffect(() => {
    if ((params.get('q') ?? '') === debounced) return;
    const next = new URLSearchParams(params);
    if (debounced) next.set('q', debounced);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [debounced, params, setParams]);

  const setStatus = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'active') next.delete('status');
    else next.set('status', value);
    setParams(next, { replace: true });
  };

  const sort = parseSort(params.get('sort'), params.get('dir'));
  const setSort = (column: ClientSort) => {
    const direction = column === sort.sort ? (sort.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[column];
    const next = new URLSearchParams(params);
    if (column === 'name' && direction === 'asc') {
      next.delete('sort');
      next.delete('dir');
    } else {
      next.set('sort', column);
      next.set('dir', direction);
    }
    setParams(next, { replace: true });
  };

  const clients = useClientsOverview({ search: debounced || null, status, sort: sort.sort, direction: sort.direction });
  const rows = clients.data?.pages.flatMap((p) => p.clients);
  const total = clients.data?.pages[0]?.total ?? 0;
  // While a new query runs the previous results stay up; describe them by the query that
  // produced them, so "no match" never flashes into "no clients yet" (or back).
  const shown = useRef({ searching: false, status });
  if (clients.data && !clients.isPlaceholderData) shown.current = { searching: debounced !== '', status };
  const open = (client: Client) => navigate(`/clients/${client.id}`);

  // ArrowDown from the search field moves into the results.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      tableRef.current?.querySelector<HTMLElement>('tr[data-client-id]')?.focus();
    }
  };

  return (
    <>
      <PageHeader
        title="Clients"
        actions={
          <>
            <Button variant="default" onClick={() => setCsvDialog('import')} data-testid="import-csv">
              Import CSV
            </Button>
            <Button variant="default" onClick={() => setCsvDialog('export')} data-testid="export-csv">
              Export CSV
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/clients/new')} data-testid="new-client">
              New client
            </Button>
          </>
        }
      />
      <CsvImportModal opened={csvDialog === 'import'} onClose={() => setCsvDialog(null)} />
      <CsvExportModal opened={csvDialog === 'export'} onClose={() => setCsvDialog(null)} />
      <Group gap="sm" mb="sm" wrap="nowrap">
        <TextInput
          flex={1}
          maw={420}
          placeholder="Search name, email, phone or tag"
          aria-label="Search clients"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={onSearchKeyDown}
          leftSection={<IconSearch size={16} />}
          rightSection={clients.isFetching ? <Loader size={14} /> : null}
          data-testid="client-search"
          autoFocus
        />
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={STATUSES}
          size="sm"
          aria-label="Status"
          data-testid="client-status-filter"
        />
      </Group>
      <ClientsBody
        clients={rows}
        total={total}
        sort={sort}
        onSort={setSort}
        more={{ has: clients.hasNextPage, loading: clients.isFetchingNextPage, load: () => void clients.fetchNextPage() }}
        error={clients.error?.message ?? null}
        searching={shown.current.searching}
        status={shown.current.status}
        onOpen={open}
        onNew={() => navigate('/clients/new')}
        tableRef={tableRef}
      />
    </>
  );
}

function ClientsBody({
  clients,
  total,
  sort,
  onSort,
  more,
  error,
  searching,
  status,
  onOpen,
  onNew,
  tableRef,
}: {
  clients: ClientOverview[] | undefined;
  total: number;
  sort: SortState;
  onSort: (sort: ClientSort) => void;
  more: { has: boolean; loading: boolean; load: () => void };
  error: string | null;
  searching: boolean;
  status: ClientStatusFilter;
  onOpen: (client: Client) => void;
  onNew: () => void;
  tableRef: React.RefObject<HTMLTableSectionElement | null>;
}) {
  if (error && !clients) {
    return (
      <Alert color="red" variant="light" title="Could not load clients">
        {error}
      </Alert>
    );
  }
  if (!clients) return null; // First load: local and fast, a spinner would only flash.
  if (clients.length === 0 && searching) {
    return (
      <Paper withBorder p="lg" data-testid="clients-no-match">
        <Text fw={500}>No clients match this search</Text>
        <Text size="sm" c="dimmed">
          Search looks at names, email, phone and tags{status !== 'all' ? ' — try the “All” filter too' : ''}.
        </Text>
      </Paper>
    );
  }
  if (clients.length === 0) return <ClientsEmpty status={status} onNew={onNew} />;
  return <ClientsTable rows={clients} total={total} sort={sort} onSort={onSort} onOpen={onOpen} tableRef={tableRef} more={more} />;
}

function ClientsEmpty({ status, onNew }: { status: ClientStatusFilter; onNew: () => void }) {
  const text =
    status === 'archived'
      ? { title: 'No archived clients', body: 'Clients you archive stay here for the record.' }
      : status === 'paused'
        ? { title: 'No paused clients', body: 'Clients taking a break (injury, travel) show here once you pause them.' }
        : { title: 'No clients yet', body: 'Add your first client, or import your list from a CSV file.' };
  return (
    <Paper withBorder p="xl" data-testid="clients-empty">
      <Stack align="flex-start" gap="xs">
        <Title order={4}>{text.title}</Title>
        <Text size="sm" c="dimmed">
          {text.body}
        </Text>
        {(status === 'active' || status === 'all') && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onNew} mt="xs">
            Add a client
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
