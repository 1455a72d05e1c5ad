import { Accordion, Alert, Anchor, Badge, Button, Checkbox, Code, Group, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Client, RunRequest } from '../../bindings';
import { useAgentRun, useRunPreview } from '../../aiQueries';
import { ReviewList } from '../../insights/ReviewList';
import { RunStatus } from '../../insights/RunStatus';

/**
 * The progress monitor for this client: run it (progress streams in, Cancel stops it), look at
 * exactly what it would send first, and decide on what it proposed.
 */
export function AiTab({ client }: { client: Client }) {
  const run = useAgentRun();
  const [fresh, setFresh] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const request: RunRequest = { taskType: 'progress_monitor', clientId: client.id, fresh };

  return (
    <Stack gap="md" data-testid="ai-tab">
      <Paper withBorder p="md">
        <Title order={4} mb={4}>
          Progress monitor
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Spotter works out the facts from {client.name}’s logs and measurements; an AI model, if one is set up, explains
          what stands out. The name is replaced before anything is sent. What it finds waits below for you to accept or
          dismiss.
        </Text>
        <Group gap="sm" align="center">
          <Button onClick={() => void run.run(request)} loading={run.running} data-testid="ai-run-progress">
            Run progress monitor
          </Button>
          <Button variant="default" onClick={() => setPreviewing(true)} disabled={run.running} data-testid="ai-preview">
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
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <RunStatus run={run} testPrefix="ai-run" withCancel />
        </div>
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

      {previewing && <PreviewModal request={request} onClose={() => setPreviewing(false)} />}
    </Stack>
  );
}

function PreviewModal({ request, onClose }: { request: RunRequest; onClose: () => void }) {
  const preview = useRunPreview(request, true);
  const p = preview.data;
  return (
    <Modal opened onClose={onClose} title="What would be sent" size="xl">
      <Stack gap="sm" data-testid="ai-preview-modal">
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
