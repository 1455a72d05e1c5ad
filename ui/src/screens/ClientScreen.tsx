import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Client } from '../bindings';
import { notifyArchived, notifyDeleted } from '../components/clientNotifications';
import { PageHeader } from '../components/PageHeader';
import { ageFromDob, formatIsoDate, formatTimestamp } from '../format';
import { useClient, useDeleteClient, useSetArchived } from '../queries';

/** The client page's future tabs, from the product sketch; only Overview exists yet. */
const COMING_TABS: { value: string; label: string; what: string }[] = [
  { value: 'sessions', label: 'Sessions', what: 'Past and upcoming sessions' },
  { value: 'plans', label: 'Plans', what: 'Assigned training plans' },
  { value: 'logs', label: 'Logs', what: 'Workout logs' },
  { value: 'progress', label: 'Progress', what: 'Progress charts' },
  { value: 'measurements', label: 'Measurements', what: 'Body measurements over time' },
  { value: 'intake', label: 'Intake', what: 'Intake and PAR-Q' },
  { value: 'notes', label: 'Notes', what: 'Dated session notes' },
  { value: 'ai', label: 'AI', what: 'Insights and chat' },
];

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
  return <ClientView client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const navigate = useNavigate();
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
          <Title order={2} data-testid="client-detail-name" lineClamp={1}>
            {client.name}
          </Title>
        }
        badge={
          archived ? (
            <Badge variant="light" color="gray">
              Archived
            </Badge>
          ) : undefined
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
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          {COMING_TABS.map((tab) => (
            <Tooltip key={tab.value} label={`${tab.what} — coming soon`}>
              {/* Disabled buttons get no pointer events; the span carries the tooltip. */}
              <span>
                <Tabs.Tab value={tab.value} disabled>
                  {tab.label}
                </Tabs.Tab>
              </span>
            </Tooltip>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <ClientOverview client={client} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ClientOverview({ client }: { client: Client }) {
  const age = client.dateOfBirth ? ageFromDob(client.dateOfBirth) : null;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Section title="Contact">
            <Field label="Email" value={client.email ? <Anchor href={`mailto:${client.email}`}>{client.email}</Anchor> : null} />
            <Field label="Phone" value={client.phone} />
            <Field
              label="Date of birth"
              value={
                client.dateOfBirth
                  ? `${formatIsoDate(client.dateOfBirth)}${age !== null ? ` · ${age} years` : ''}`
                  : null
              }
            />
          </Section>
          <Section title="Tags">
            {client.tags.length > 0 ? (
              <Group gap={6}>
                {client.tags.map((tag) => (
                  <Badge key={tag} variant="light" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                No tags
              </Text>
            )}
          </Section>
          <Text size="xs" c="dimmed">
            Added {formatTimestamp(client.createdAt)} · updated {formatTimestamp(client.updatedAt)}
          </Text>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Section title="Goals">
            <LongText text={client.goals} empty="No goals written down yet." />
          </Section>
          <Section title="Notes">
            <LongText text={client.notes} empty="No notes yet." />
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline" mb={4}>
      <Text size="sm" c="dimmed" w={100} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" className="preline">
        {value ?? <Text span size="sm" c="dimmed">—</Text>}
      </Text>
    </Group>
  );
}

function LongText({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? (
    <Text size="sm" className="preline">
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {empty}
    </Text>
  );
}
