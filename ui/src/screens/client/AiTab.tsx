import { Accordion, Alert, Anchor, Badge, Button, Checkbox, Code, Group, List, Loader, Modal, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Client, RunRequest, TaskType } from '../../bindings';
import { useAgentRun, useRunPreview } from '../../aiQueries';
import { taskLabel } from '../../insights/labels';
import { ReviewList } from '../../insights/ReviewList';
import { RunStatus } from '../../insights/RunStatus';
import { ChatPanel } from './ChatPanel';

/** The agents a trainer runs for one client, with what each does in a line. */
const CLIENT_AGENTS: { task: TaskType; testId: string; button: string; line: string }[] = [
  {
    task: 'progress_monitor',
    testId: 'ai-run-progress',
    button: 'Run progress monitor',
    line: 'Points out what stands out in the training and measurements.',
  },
  {
    task: 'workout_optimizer',
    testId: 'ai-run-optimizer',
    button: 'Suggest plan changes',
    line: 'Proposes changes to the current plan, never against an injury; accepting saves a new plan version.',
  },
  {
    task: 'scheduling',
    testId: 'ai-run-scheduling',
    button: 'Suggest session times',
    line: 'Up to 3 free times that fit when the client usually comes; accepting books the session.',
  },
  {
    task: 'nutrition',
    testId: 'ai-run-nutrition',
    button: 'Nutrition guidance',
    line: 'Energy and macro targets, meal ideas within restrictions, what the record lacks. Not medical advice.',
  },
];

/**
 * The client's AI tab: run one of the per-client agents (progress streams in, Cancel stops
 * it), look at exactly what it would send first, decide on what they proposed, and ask
 * questions about the client.
 */
export function AiTab({ client }: { client: Client }) {
  const run = useAgentRun();
  // The agent of the run in progress or the last one: the status line and the preview are about it.
  const [task, setTask] = useState<TaskType>('progress_monitor');
  const [fresh, setFresh] = useState(false);
  const [previewing, setPreviewing] = useState(false);

  const start = (next: TaskType) => {
    setTask(next);
    void run.run({ taskType: next, clientId: client.id, fresh });
  };
  const shown = run.running || run.error !== null || run.outcome !== null;

  return (
    <Stack gap="md" data-testid="ai-tab">
      <Paper withBorder p="md">
        <Title order={4} mb={4}>
          Agents for {client.name}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Spotter works out the facts from {client.name}’s records; an AI model, if one is set up, explains them. The
          name is replaced before anything is sent. What an agent proposes waits below for you to accept or dismiss.
        </Text>
        <Stack gap={8}>
          {CLIENT_AGENTS.map((a, i) => (
            <Group key={a.task} gap="md" wrap="nowrap" data-testid="ai-agent" data-task={a.task}>
              <Button
                w={200}
                style={{ flexShrink: 0 }}
                variant={i === 0 ? 'filled' : 'light'}
                onClick={() => start(a.task)}
                loading={run.running && task === a.task}
                disabled={run.running && task !== a.task}
                data-testid={a.testId}
              >
                {a.button}
              </Button>
              <Text size="sm" c="dimmed">
                {a.line}
              </Text>
            </Group>
          ))}
        </Stack>
        <Group gap="sm" align="center" mt="sm">
          <Button variant="default" size="xs" onClick={() => setPreviewing(true)} disabled={run.running} data-testid="ai-preview">
            See what would be sent
          </Button>
          <Checkbox
            label="Ask again even if nothing changed"
            checked={fresh}
            onChange={(e) => setFresh(e.currentTarget.checked)}
            disabled={run.running}
            data-testid="ai-run-fresh"
          />
        </Group>
        {shown && (
          <Group gap="xs" mt="sm" align="flex-start" wrap="nowrap" data-testid="ai-run-task" data-task={task}>
            <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
              {taskLabel(task)}:
            </Text>
            <div style={{ flex: 1 }}>
              <RunStatus run={run} testPrefix="ai-run" withCancel />
            </div>
          </Group>
        )}
        {run.error?.code === 'ai' && run.error.message.startsWith('agent disabled') && (
          <Anchor component={Link} to="/insights?tab=agents" size="sm" data-testid="ai-open-agents">
            Open Insights → Agents
          </Anchor>
        )}
      </Paper>

      <div>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Waiting for your review</Title>
          <Anchor component={Link} to="/insights" size="sm" data-testid="ai-review-all">
            All review items
          </Anchor>
        </Group>
        <ReviewList
          query={{ clientId: client.id, status: 'open' }}
          showClient={false}
          empty={`Nothing waiting for review for ${client.name}.`}
        />
      </div>

      <ChatPanel key={client.id} client={client} />

      {previewing && <PreviewModal initial={task} clientId={client.id} fresh={fresh} onClose={() => setPreviewing(false)} />}
    </Stack>
  );
}

function PreviewModal({
  initial,
  clientId,
  fresh,
  onClose,
}: {
  initial: TaskType;
  clientId: string;
  fresh: boolean;
  onClose: () => void;
}) {
  const [task, setTask] = useState<TaskType>(initial);
  const request: RunRequest = { taskType: task, clientId, fresh };
  const preview = useRunPreview(request, true);
  const p = preview.data;
  return (
    <Modal opened onClose={onClose} title="What would be sent" size="xl">
      <Stack gap="sm" data-testid="ai-preview-modal">
        <NativeSelect
          label="Agent"
          w={260}
          value={task}
          onChange={(e) => setTask(e.currentTarget.value as TaskType)}
          data={CLIENT_AGENTS.map((a) => ({ value: a.task, label: taskLabel(a.task) }))}
          data-testid="ai-preview-task"
        />
        {preview.isPending && <Loader size="sm" />}
        {preview.error && (
          <Alert color="red" variant="light" title="Could not prepare the preview" data-testid="ai-preview-error">
            {preview.error.message}
          </Alert>
        )}
        {p && (
          <>
            <div data-testid="ai-preview-providers">
              <Text size="sm" fw={500}>
                Who would be asked
              </Text>
              {p.providers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No provider: Spotter will show its computed facts only.
                </Text>
              ) : (
                <List size="sm" type="ordered">
                  {p.providers.map((name) => (
                    <List.Item key={name}>{name}</List.Item>
                  ))}
                </List>
              )}
              {p.providers.length > 1 && (
                <Text size="xs" c="dimmed">
                  The first is asked; the next only if it fails.
                </Text>
              )}
            </div>
            <Text size="sm" fw={500}>
              The messages, exactly as they would leave this computer
            </Text>
            {p.messages.map((m, i) => (
              <div key={i} data-testid="ai-preview-message" data-role={m.role}>
                <Badge size="xs" variant="light" color="gray" mb={4}>
                  {m.role}
                </Badge>
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.content}
                </Code>
              </div>
            ))}
            <Accordion variant="contained">
              <Accordion.Item value="facts">
                <Accordion.Control>The facts Spotter worked out</Accordion.Control>
                <Accordion.Panel>
                  <Code block data-testid="ai-preview-facts" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {JSON.stringify(p.facts, null, 2)}
                  </Code>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="ai-preview-close">
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
