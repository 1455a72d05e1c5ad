import { Accordion, Alert, Badge, Code, Drawer, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Execution, ExecutionStatus, ExecutionSummary } from '../bindings';
import { useAgents, useExecution, useExecutions } from '../aiQueries';
import { formatTimestamp } from '../format';
import { EXECUTION_STATUS, foundCount, formatLatency, formatUsd, plainCost, runFor, runResult, TASK_TYPES, taskLabel } from './labels';

const STATUSES = Object.keys(EXECUTION_STATUS) as ExecutionStatus[];

/**
 * Every run, refused ones included, in a trainer's words: what ran, for whom, what it came to
 * and what it cost. A row opens the run; model, tokens and timings sit under "Details".
 */
export function LogTab() {
  const [task, setTask] = useState('');
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const executions = useExecutions({ taskType: task || null, status: status || null, limit: 200 });

  return (
    <Stack gap="sm" data-testid="ai-log">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label="Task"
          w={220}
          value={task}
          onChange={(e) => setTask(e.currentTarget.value)}
          data={[{ value: '', label: 'All tasks' }, ...TASK_TYPES.map((t) => ({ value: t, label: taskLabel(t) }))]}
          data-testid="log-filter-task"
        />
        <NativeSelect
          label="Status"
          w={160}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ExecutionStatus | '')}
          data={[{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: EXECUTION_STATUS[s].label }))]}
          data-testid="log-filter-status"
        />
      </Group>
      {executions.error && (
        <Alert color="red" variant="light" title="Could not load the log">
          {executions.error.message}
        </Alert>
      )}
      {executions.data && executions.data.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="log-empty">
          {task || status ? 'No runs match these filters.' : 'No agent has run yet.'}
        </Text>
      )}
      {executions.data && executions.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What ran</Table.Th>
                <Table.Th>What it came to</Table.Th>
                <Table.Th ta="right">Cost</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {executions.data.map((e) => (
                <ExecutionRow key={e.id} execution={e} onOpen={() => setOpenId(e.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="xl" title="Run details" data-testid="execution-detail">
        {openId !== null && <ExecutionDetail id={openId} />}
      </Drawer>
    </Stack>
  );
}

function StatusBadge({ status }: { status: ExecutionStatus }) {
  const s = EXECUTION_STATUS[status];
  return (
    <Badge size="sm" variant="light" color={s.color} data-testid="execution-status">
      {s.label}
    </Badge>
  );
}

function providerText(e: ExecutionSummary): string {
  if (e.providerName) return e.model ? `${e.providerName} · ${e.model}` : e.providerName;
  return e.status === 'done' ? 'Spotter only (no model)' : '—';
}

function ExecutionRow({ execution: e, onOpen }: { execution: ExecutionSummary; onOpen: () => void }) {
  return (
    <Table.Tr
      className="clickable-row"
      onClick={onOpen}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onOpen();
        }
      }}
      tabIndex={0}
      data-testid="execution-row"
      data-status={e.status}
      data-task={e.taskType}
    >
      <Table.Td>{formatTimestamp(e.startedAt)}</Table.Td>
      <Table.Td data-testid="execution-what">
        {taskLabel(e.taskType)} {runFor(e.clientName)}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <StatusBadge status={e.status} />
          {e.fromCache && (
            <Badge size="sm" variant="outline" color="gray" data-testid="execution-cached">
              from memory
            </Badge>
          )}
        </Group>
        {/* The list knows no answer, so a finished run just finished; the run itself says what it found. */}
        {e.status !== 'done' && (
          <Text size="xs" c="dimmed" lineClamp={1} maw={320} data-testid="execution-result">
            {runResult(e, null)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" data-testid="execution-row-cost">
        {plainCost(e.costEstimateUsd)}
      </Table.Td>
    </Table.Tr>
  );
}

function ExecutionDetail({ id }: { id: string }) {
  const execution = useExecution(id);
  const agents = useAgents();
  if (execution.error) {
    return (
      <Alert color="red" variant="light" title="Could not load this run">
        {execution.error.message}
      </Alert>
    );
  }
  const e = execution.data;
  if (!e) return null;
  return (
    <Stack gap="sm" data-testid="execution-detail-body" data-status={e.status}>
      <Text data-testid="execution-summary">
        {taskLabel(e.taskType)} ran {runFor(e.clientName)} and {runResult(e, foundCount(e.output))}. It cost{' '}
        {plainCost(e.costEstimateUsd)}.
      </Text>
      <Group gap="xs">
        <Text fw={600}>{taskLabel(e.taskType)}</Text>
        {e.clientName && <Text c="dimmed">· {e.clientName}</Text>}
        <StatusBadge status={e.status} />
        {e.fromCache && (
          <Badge size="sm" variant="outline" color="gray">
            from cache
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Started {formatTimestamp(e.startedAt)}
        {e.finishedAt ? `, finished ${formatTimestamp(e.finishedAt)}` : ', still running'}
      </Text>
      {e.error && (
        <Alert color={e.status === 'cancelled' ? 'gray' : 'red'} variant="light" title="Why it stopped" data-testid="execution-error">
          {e.error}
        </Alert>
      )}
      {/* Model, temperature and tokens, for whoever wants them: closed until asked for. What
          was computed, sent and received stays open: it is what the trainer checks. */}
      <Accordion multiple defaultValue={['facts', 'sent', 'output']} variant="contained">
        <Accordion.Item value="details">
          <Accordion.Control data-testid="execution-details-toggle">Details</Accordion.Control>
          <Accordion.Panel>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" data-testid="execution-numbers">
              <Figure label="Provider and model" value={providerText(e)} testId="execution-model" />
              <Figure
                label="Temperature (the agent's setting)"
                value={temperatureOf(agents.data?.find((a) => a.taskType === e.taskType)?.temperature)}
                testId="execution-temperature"
              />
              <Figure label="Attempts" value={String(e.attempts)} testId="execution-attempts" />
              <Figure
                label="Tokens"
                value={`${e.promptTokens.toLocaleString()} in + ${e.completionTokens.toLocaleString()} out`}
                testId="execution-tokens"
              />
              <Figure label="Estimated cost" value={formatUsd(e.costEstimateUsd)} testId="execution-cost" />
              <Figure label="Time taken" value={formatLatency(e.latencyMs)} testId="execution-latency" />
            </SimpleGrid>
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="facts">
          <Accordion.Control data-testid="execution-facts-toggle">Facts Spotter worked out</Accordion.Control>
          <Accordion.Panel>
            <Json value={e.facts} testId="execution-facts" empty="No facts were recorded." />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="sent">
          <Accordion.Control data-testid="execution-sent-toggle">Exactly what was sent</Accordion.Control>
          <Accordion.Panel>
            <Sent execution={e} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="output">
          <Accordion.Control data-testid="execution-output-toggle">What came back</Accordion.Control>
          <Accordion.Panel>
            <Json value={e.output} testId="execution-output" empty="Nothing came back." />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function pretty(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function Json({ value, testId, empty }: { value: unknown; testId: string; empty: string }) {
  if (value === null || value === undefined) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {empty}
      </Text>
    );
  }
  return (
    <Code block data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {pretty(value)}
    </Code>
  );
}

type SentMessage = { role: string; content: unknown };

function isMessages(value: unknown): value is SentMessage[] {
  return Array.isArray(value) && value.every((m) => typeof m === 'object' && m !== null && 'role' in m && 'content' in m);
}

/** The messages one by one (role, then the text as it left); anything else as JSON. */
function Sent({ execution: e }: { execution: Execution }) {
  if (e.sent === null || e.sent === undefined) {
    return (
      <Text size="sm" c="dimmed" data-testid="execution-sent">
        {e.fromCache
          ? 'Nothing: the answer of an earlier run with the same input was reused.'
          : 'Nothing was sent to a model.'}
      </Text>
    );
  }
  if (!isMessages(e.sent)) return <Json value={e.sent} testId="execution-sent" empty="" />;
  return (
    <Stack gap="xs" data-testid="execution-sent">
      {e.sent.map((m, i) => (
        <div key={i} data-testid="execution-sent-message" data-role={m.role}>
          <Badge size="xs" variant="light" color="gray" mb={4}>
            {String(m.role)}
          </Badge>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {pretty(m.content)}
          </Code>
        </div>
      ))}
    </Stack>
  );
}

/** How freely the model phrases its answers (the agent's temperature), if known. */
function temperatureOf(t: number | undefined): string {
  return typeof t === 'number' ? String(t) : '—';
}
