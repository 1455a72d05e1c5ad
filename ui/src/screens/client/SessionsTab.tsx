import { Alert, Text } from '@mantine/core';
import type { Client } from '../../bindings';
import { useClientSessions } from '../../sessionQueries';
import { Empty } from './parts';
import { SessionTable } from './SessionTable';

/** Every session the client is booked into, newest first. */
export function SessionsTab({ client }: { client: Client }) {
  const sessions = useClientSessions(client.id);
  if (sessions.isError) {
    return (
      <Alert color="red" variant="light" title="Could not load sessions">
        {sessions.error.message}
      </Alert>
    );
  }
  if (!sessions.data) return null;
  if (sessions.data.length === 0) {
    return <Empty testId="client-sessions-empty">No sessions yet. Book one from the Calendar.</Empty>;
  }
  const upcoming = sessions.data.filter((s) => s.status === 'scheduled' && Date.parse(s.start) > Date.now()).length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {sessions.data.length} {sessions.data.length === 1 ? 'session' : 'sessions'} · {upcoming} upcoming
      </Text>
      <SessionTable entries={sessions.data} clientName={client.name} />
    </>
  );
}
