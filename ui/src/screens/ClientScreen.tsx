import { Alert, Anchor, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Client } from '../bindings';
import { ClearanceBadge } from '../components/ClearanceBadge';
import { notifyArchived, notifyDeleted } from '../components/clientNotifications';
import { ClientStatusBadge } from '../components/ClientStatusBadge';
import { PageHeader } from '../components/PageHeader';
import { useClient, useDeleteClient, useSetArchived } from '../queries';
import { AiTab } from './client/AiTab';
import { IntakeTab } from './client/IntakeTab';
import { LogsTab } from './client/LogsTab';
import { NotesTab } from './client/NotesTab';
import { OverviewTab } from './client/OverviewTab';
import { PlansTab } from '../training/PlansTab';
import { SessionsTab } from './client/SessionsTab';

// Charts load with the tabs that show them, not with every client page.
const MeasurementsTab = lazy(() => import('./client/MeasurementsTab').then((m) => ({ default: m.MeasurementsTab })));
const ProgressTab = lazy(() => import('./client/ProgressTab').then((m) => ({ default: m.ProgressTab })));

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'sessions', label: 'Sessions' },
  { value: 'plans', label: 'Plans' },
  { value: 'logs', label: 'Logs' },
  { value: 'progress', label: 'Progress' },
  { value: 'measurements', label: 'Measurements' },
  { value: 'intake', label: 'Intake' },
  { value: 'notes', label: 'Notes' },
  { value: 'ai', label: 'AI' },
] as const;

type Tab = (typeof TABS)[number]['value'];

function parseTab(value: string | null): Tab {
  return TABS.find((t) => t.value === value)?.value ?? 'overview';
}

export function ClientScreen() {
  const { id = '' } = useParams();
  const client = useClient(id);

  if (client.isError) {
    const gone = client.error.code === 'not_found';
    return (
      <Stack gap="sm" maw={560}>
        <Title order={2}>{gone ? 'Client not found' : 'Could not load this client'}</Title>
        <Text c="dimmed">{gone ? 'This client does not exist or was deleted.' : client.error.message}</Text>
        <Anchor component={Link} to="/clients">
          Back to clients
        </Anchor>
      </Stack>
    );
  }
  if (!client.data) return null; // Local and fast: a spinner would only flash.
  // Keyed: another client's page starts with fresh forms, never a half-typed note of the last one.
  return <ClientView key={client.data.id} client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const navigate = useNavigate();
  // The open tab lives in the URL (?tab=…), so Back and reloads return to it.
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get('tab'));
  const openTab = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (!value || value === 'overview') next.delete('tab');
    else next.set('tab', value);
    setParams(next, { replace: true });
  };
  const setArchived = useSetArchived();
  const remove = useDeleteClient();
  const archived = client.archivedAt !== null;
  const busy = setArchived.isPending || remove.isPending;
  const error = setArchived.error ?? remove.error;

  const toggleArchived = () =>
    setArchived.mutate(
      { id: client.id, archived: !archived },
      { onSuccess: (updated) => notifyArchived(updated, !archived) },
    );

  // No confirmation: delete is soft and the notification offers Undo.
  const deleteClient = () =>
    remove.mutate(client.id, {
      onSuccess: (deleted) => {
        navigate('/clients');
        notifyDeleted(deleted);
      },
    });

  return (
    <>
      <PageHeader
        title={
          <Title order={2} data-testid="client-detail-name" lineClamp={1} miw={0} title={client.name}>
            {client.name}
          </Title>
        }
        badge={
          <Group gap={6} wrap="nowrap">
            <ClientStatusBadge status={client.status} />
            <ClearanceBadge needsClearance={client.needsClearance} />
          </Group>
        }
        actions={
          <>
            <Button variant="default" onClick={() => navigate(`/clients/${client.id}/edit`)} data-testid="client-edit">
              Edit
            </Button>
            <Button variant="default" onClick={toggleArchived} loading={setArchived.isPending} disabled={busy} data-testid="client-archive">
              {archived ? 'Unarchive' : 'Archive'}
            </Button>
            <Button color="red" variant="light" onClick={deleteClient} loading={remove.isPending} disabled={busy} data-testid="client-delete">
              Delete
            </Button>
          </>
        }
      />
      {error && (
        <Alert color="red" variant="light" mb="md" title="That did not work">
          {error.message}
        </Alert>
      )}
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`client-tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab client={client} onOpenTab={openTab} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <SessionsTab client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="plans">
          <PlansTab client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="logs">
          <LogsTab client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="progress">
          <Suspense fallback={<Loader size="sm" />}>
            <ProgressTab client={client} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="measurements">
          <Suspense fallback={<Loader size="sm" />}>
            <MeasurementsTab client={client} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="intake">
          <IntakeTab client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesTab client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="ai">
          <AiTab client={client} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
