import { Alert, Badge, Button, Grid, Group, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Client, ParqIntake } from '../../bindings';
import { formatIsoDate, todayIso } from '../../format';
import { useIntakeQuestions, useIntakes } from '../../queries';
import { useSetClearance } from '../../recordQueries';
import { ParqForm } from './ParqForm';
import { Empty, Section } from './parts';

export function IntakeTab({ client }: { client: Client }) {
  const questions = useIntakeQuestions();
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <ClearancePanel client={client} />
          {questions.isError ? (
            <Alert color="red" variant="light" title="Could not load the PAR-Q+ questions">
              {questions.error.message}
            </Alert>
          ) : (
            questions.data && <ParqForm clientId={client.id} questions={questions.data} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <IntakeHistory clientId={client.id} questions={questions.data ?? []} />
      </Grid.Col>
    </Grid>
  );
}

/** Shown once a PAR-Q+ had a "yes": record the clearance date, or see (and undo) it. */
function ClearancePanel({ client }: { client: Client }) {
  const setClearance = useSetClearance();
  const [date, setDate] = useState(todayIso);
  const [missingDate, setMissingDate] = useState(false);
  const fieldError = missingDate
    ? 'Enter the date the clearance was given'
    : setClearance.error?.field === 'clearanceOn'
      ? setClearance.error.message
      : undefined;
  const otherError = setClearance.error && setClearance.error.field !== 'clearanceOn' ? setClearance.error.message : null;

  // An empty date would remove a clearance rather than record one, so it never leaves here.
  const record = () => {
    setMissingDate(date.trim() === '');
    if (date.trim() !== '') setClearance.mutate({ id: client.id, date: date.trim() });
  };

  if (client.needsClearance) {
    return (
      <Alert color="red" variant="light" title="Needs medical clearance" data-testid="clearance-panel">
        <Text size="sm" mb="sm">
          The latest PAR-Q+ has a “yes”. Train this client only after a doctor has cleared them, then record the date here.
        </Text>
        <Group gap="sm" align="flex-start">
          <TextInput
            aria-label="Clearance date"
            placeholder="YYYY-MM-DD"
            w={140}
            value={date}
            onChange={(e) => {
              setDate(e.currentTarget.value);
              setMissingDate(false);
              setClearance.reset();
            }}
            error={fieldError}
            errorProps={{ 'data-testid': 'clearance-date-error' }}
            autoComplete="off"
            data-testid="clearance-date"
          />
          <Button
            color="red"
            onClick={record}
            loading={setClearance.isPending}
            data-testid="clearance-save"
          >
            Record medical clearance
          </Button>
        </Group>
        {otherError && (
          <Text size="sm" c="red" mt="xs">
            {otherError}
          </Text>
        )}
      </Alert>
    );
  }
  if (!client.clearanceOn) return null;
  return (
    <Paper withBorder p="sm" data-testid="clearance-panel">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Medical clearance received on <b>{formatIsoDate(client.clearanceOn)}</b>.
        </Text>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          onClick={() => setClearance.mutate({ id: client.id, date: null })}
          loading={setClearance.isPending}
          data-testid="clearance-remove"
        >
          Remove
        </Button>
      </Group>
      {otherError && (
        <Text size="sm" c="red" mt="xs">
          {otherError}
        </Text>
      )}
    </Paper>
  );
}

function IntakeHistory({ clientId, questions }: { clientId: string; questions: string[] }) {
  const intakes = useIntakes(clientId);
  return (
    <Section title="Earlier PAR-Q+">
      {intakes.isError ? (
        <Text size="sm" c="red">
          {intakes.error.message}
        </Text>
      ) : intakes.data?.length === 0 ? (
        <Empty>No PAR-Q+ recorded yet.</Empty>
      ) : (
        <Stack gap="sm">
          {intakes.data?.map((intake) => <IntakeItem key={intake.id} intake={intake} questions={questions} />)}
        </Stack>
      )}
    </Section>
  );
}

function IntakeItem({ intake, questions }: { intake: ParqIntake; questions: string[] }) {
  const yes = intake.answers.flatMap((answer, i) => (answer ? [i] : []));
  return (
    <div data-testid="intake-item">
      <Group gap="xs" mb={2}>
        <Text size="sm" fw={500}>
          {formatIsoDate(intake.answeredOn)}
        </Text>
        {intake.anyYes ? (
          <Badge size="sm" color="red" variant="light" tt="none">
            Yes to {yes.length} of {intake.answers.length}
          </Badge>
        ) : (
          <Badge size="sm" color="teal" variant="light" tt="none">
            All no
          </Badge>
        )}
      </Group>
      {yes.length > 0 && (
        <List size="xs" c="dimmed" spacing={2} listStyleType="none">
          {yes.map((i) => (
            <List.Item key={i}>
              {i + 1}. {questions[i] ?? ''}
            </List.Item>
          ))}
        </List>
      )}
      {intake.notes && (
        <Text size="xs" className="preline" mt={2}>
          {intake.notes}
        </Text>
      )}
    </div>
  );
}
