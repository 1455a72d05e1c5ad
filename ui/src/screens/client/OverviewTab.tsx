import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import type { Client } from '../../bindings';
import { bodyAreaLabel, fitnessLevelLabel, STATUS_LABEL } from '../../clientLabels';
import { ageFromDob, formatIsoDate, formatTimestamp } from '../../format';
import { useClientSessions } from '../../sessionQueries';
import { useSetPaused } from '../../recordQueries';
import { Empty, Field, LongText, Section } from './parts';
import { SessionTable } from './SessionTable';

const NEXT_SESSIONS = 3;

export function OverviewTab({ client, onOpenTab }: { client: Client; onOpenTab: (tab: string) => void }) {
  const age = client.dateOfBirth ? ageFromDob(client.dateOfBirth) : null;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <StatusSection client={client} onOpenTab={onOpenTab} />
          <Section title="Contact">
            <Field
              label="Email"
              value={
                client.email ? (
                  // One line, cut when long; the whole address on hover.
                  <Anchor href={`mailto:${client.email}`} truncate="end" display="block" title={client.email}>
                    {client.email}
                  </Anchor>
                ) : null
              }
            />
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
          <Section title="Emergency contact">
            <Field label="Name" value={client.emergencyContactName} />
            <Field label="Phone" value={client.emergencyContactPhone} />
          </Section>
          <Section title="Training">
            <Field label="Fitness level" value={client.fitnessLevel ? fitnessLevelLabel(client.fitnessLevel) : null} />
            <Field label="Preferred times" value={client.preferredTimes || null} />
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
              <Empty>No tags</Empty>
            )}
          </Section>
          <Text size="xs" c="dimmed">
            Added {formatTimestamp(client.createdAt)} · updated {formatTimestamp(client.updatedAt)}
          </Text>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <NextSessions client={client} onOpenTab={onOpenTab} />
          <Section title="Goals">
            <LongText text={client.goals} empty="No goals written down yet." />
          </Section>
          <Section title="Injuries and limitations">
            <LongText text={client.injuries} empty="None recorded." />
            {client.bodyAreas.length > 0 && (
              <Group gap={6} mt="xs" data-testid="client-body-areas-shown">
                {client.bodyAreas.map((area) => (
                  <Badge key={area} variant="light" color="orange" tt="none">
                    {bodyAreaLabel(area)}
                  </Badge>
                ))}
              </Group>
            )}
          </Section>
          <Section title="Notes">
            <LongText text={client.notes} empty="No notes yet." />
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** Status (with Pause/Resume) and medical clearance, the two things to know before a session. */
function StatusSection({ client, onOpenTab }: { client: Client; onOpenTab: (tab: string) => void }) {
  const setPaused = useSetPaused();
  const paused = client.status === 'paused';
  return (
    <Section
      title="Status"
      action={
        client.status !== 'archived' && (
          <Button
            size="compact-xs"
            variant="light"
            color={paused ? 'teal' : 'yellow'}
            onClick={() => setPaused.mutate({ id: client.id, paused: !paused })}
            loading={setPaused.isPending}
            data-testid="client-pause"
          >
            {paused ? 'Resume' : 'Pause'}
          </Button>
        )
      }
    >
      <Field
        label="Status"
        value={
          <span data-testid="client-status">
            {STATUS_LABEL[client.status]}
            {paused && client.pausedAt && (
              <Text span size="sm" c="dimmed">
                {' '}
                since {formatTimestamp(client.pausedAt)}
              </Text>
            )}
          </span>
        }
      />
      <Field
        label="Clearance"
        value={
          client.needsClearance ? (
            // The header already carries the badge; here it is what to do about it.
            <Stack gap={2} align="flex-start">
              <Text size="sm" c="red">
                Needed: the latest PAR-Q+ has a “yes”
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => onOpenTab('intake')}>
                Record clearance
              </Anchor>
            </Stack>
          ) : client.clearanceOn ? (
            `Cleared ${formatIsoDate(client.clearanceOn)}`
          ) : null
        }
      />
      {setPaused.error && (
        <Text size="sm" c="red" mt={4}>
          {setPaused.error.message}
        </Text>
      )}
    </Section>
  );
}

function NextSessions({ client, onOpenTab }: { client: Client; onOpenTab: (tab: string) => void }) {
  const sessions = useClientSessions(client.id);
  const now = Date.now();
  // The list is newest first; the next ones are the last upcoming entries.
  const next = (sessions.data ?? [])
    .filter((s) => s.status === 'scheduled' && Date.parse(s.start) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .slice(0, NEXT_SESSIONS);
  return (
    <Section
      title="Next sessions"
      action={
        <Anchor component="button" type="button" size="xs" onClick={() => onOpenTab('sessions')}>
          All sessions
        </Anchor>
      }
    >
      {sessions.isError ? (
        <Text size="sm" c="red">
          {sessions.error.message}
        </Text>
      ) : next.length > 0 ? (
        <SessionTable entries={next} clientName={client.name} />
      ) : (
        sessions.data && <Empty testId="client-next-sessions-empty">No upcoming sessions.</Empty>
      )}
    </Section>
  );
}
