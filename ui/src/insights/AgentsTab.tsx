import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Agent, AgentInput, AppError, Provider } from '../bindings';
import { fieldErrorsOf } from '../fieldErrors';
import { useAgentRun, useAgents, useAiProviders, useUpdateAgent } from '../aiQueries';
import { RunStatus } from './RunStatus';
import { CLIENT_TASKS, STUDIO_TASKS, TASK_DESCRIPTIONS } from './labels';

/** One agent per task type: on or off, which provider and model, how creative. */
export function AgentsTab() {
  const agents = useAgents();
  const providers = useAiProviders();
  if (agents.error) {
    return (
      <Alert color="red" variant="light" title="Could not load the agents">
        {agents.error.message}
      </Alert>
    );
  }
  if (!agents.data) return null;
  return (
    <Stack gap="sm" data-testid="agents">
      <Text size="sm" c="dimmed">
        Each agent uses the providers from Settings → AI, in their order, unless you pick one here. Whatever an agent
        proposes waits under Review until you decide.
      </Text>
      {agents.data.map((a) => (
        <AgentRow key={a.id} agent={a} providers={providers.data ?? []} />
      ))}
    </Stack>
  );
}

const FIELDS = ['temperature', 'model', 'providerId', 'intervalMinutes', 'concurrency'] as const;

function AgentRow({ agent, providers }: { agent: Agent; providers: Provider[] }) {
  const toggle = useUpdateAgent();
  const save = useUpdateAgent();
  const [providerId, setProviderId] = useState(agent.providerId ?? '');
  const [model, setModel] = useState(agent.model ?? '');
  // As the field has it: "0." is a string on the way to 0.7.
  const [temperature, setTemperature] = useState<number | string>(agent.temperature);
  const [interval, setIntervalMinutes] = useState<number | ''>(numberSetting(agent, 'intervalMinutes'));
  const [concurrency, setConcurrency] = useState<number | ''>(numberSetting(agent, 'concurrency'));
  const [saved, setSaved] = useState(false);
  const [localError, setLocalError] = useState<AppError | null>(null);
  const run = useAgentRun();
  const runnable = STUDIO_TASKS.includes(agent.taskType);
  const error = localError ?? save.error;
  const { at, general } = fieldErrorsOf(error, FIELDS);

  // Switching on or off saves at once and keeps what was saved before, not unsaved edits.
  const setEnabled = (enabled: boolean) =>
    toggle.mutate({
      id: agent.id,
      input: { enabled, providerId: agent.providerId, model: agent.model, temperature: agent.temperature, settings: agent.settings },
    });

  const submit = () => {
    setSaved(false);
    setLocalError(null);
    const t = typeof temperature === 'number' ? temperature : Number.parseFloat(temperature);
    if (!Number.isFinite(t)) {
      setLocalError({ code: 'validation', field: 'temperature', message: 'Enter a temperature between 0 and 2' });
      return;
    }
    const settings: Record<string, unknown> = { ...agent.settings };
    if ('intervalMinutes' in settings) settings.intervalMinutes = interval === '' ? null : interval;
    if ('concurrency' in settings) settings.concurrency = concurrency === '' ? null : concurrency;
    const input: AgentInput = {
      enabled: agent.enabled,
      providerId: providerId || null,
      model: model.trim() || null,
      temperature: t,
      settings,
    };
    save.mutate({ id: agent.id, input }, { onSuccess: () => setSaved(true) });
  };

  const providerOptions = [
    { value: '', label: 'Fallback chain' },
    ...providers.map((p) => ({ value: p.id, label: `${p.name} (${p.model})` })),
    // A provider deleted since it was chosen still shows, so the choice is not silently changed.
    ...(agent.providerId && !providers.some((p) => p.id === agent.providerId)
      ? [{ value: agent.providerId, label: 'A provider that no longer exists' }]
      : []),
  ];

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="agent-row" data-task={agent.taskType} data-enabled={agent.enabled ? 'true' : 'false'}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap={6}>
            <Text fw={600} size="sm" data-testid="agent-name">
              {agent.name}
            </Text>
            {!agent.enabled && (
              <Badge size="xs" variant="light" color="gray">
                Off
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {TASK_DESCRIPTIONS[agent.taskType]}
          </Text>
          {CLIENT_TASKS.includes(agent.taskType) && (
            <Text size="xs" c="dimmed" fs="italic" data-testid="agent-client-hint">
              Run it from a client’s AI tab
            </Text>
          )}
        </div>
        <Switch
          label={agent.enabled ? 'On' : 'Off'}
          labelPosition="left"
          checked={agent.enabled}
          disabled={toggle.isPending}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          aria-label={`${agent.name} on`}
          data-testid="agent-enabled"
        />
      </Group>
      {toggle.error && (
        <Text size="xs" c="red" mt={4} data-testid="agent-error">
          {toggle.error.message}
        </Text>
      )}

      <Group gap="sm" mt="xs" align="flex-start" wrap="wrap">
        <NativeSelect
          label="Provider"
          w={260}
          size="xs"
          value={providerId}
          onChange={(e) => setProviderId(e.currentTarget.value)}
          data={providerOptions}
          error={at('providerId')}
          data-testid="agent-provider"
        />
        <TextInput
          label="Model"
          w={180}
          size="xs"
          placeholder="The provider’s model"
          value={model}
          onChange={(e) => setModel(e.currentTarget.value)}
          error={at('model')}
          autoComplete="off"
          data-testid="agent-model"
        />
        <NumberInput
          label="Temperature"
          description="0 is steady, 2 is inventive"
          w={150}
          size="xs"
          min={0}
          max={2}
          step={0.1}
          decimalScale={2}
          value={temperature}
          onChange={setTemperature}
          error={at('temperature')}
          errorProps={{ 'data-testid': 'agent-temperature-error' }}
          data-testid="agent-temperature"
        />
        {'intervalMinutes' in agent.settings && (
          <NumberInput
            label="Every (minutes)"
            w={130}
            size="xs"
            min={1}
            max={1440}
            allowDecimal={false}
            value={interval}
            onChange={(v) => setIntervalMinutes(typeof v === 'number' ? v : '')}
            error={at('intervalMinutes')}
            data-testid="agent-interval"
          />
        )}
        {'concurrency' in agent.settings && (
          <NumberInput
            label="At once"
            w={110}
            size="xs"
            min={1}
            max={16}
            allowDecimal={false}
            value={concurrency}
            onChange={(v) => setConcurrency(typeof v === 'number' ? v : '')}
            error={at('concurrency')}
            data-testid="agent-concurrency"
          />
        )}
      </Group>
      {general && (
        <Text size="xs" c="red" mt={4} data-testid="agent-save-error">
          {general.message}
        </Text>
      )}

      <Group gap="xs" mt="xs" justify="space-between" align="center">
        <div>
          {runnable && <RunStatus run={run} testPrefix="agent-run" withCancel={agent.taskType !== 'weekly_digest'} />}
        </div>
        <Group gap="xs">
          {saved && !save.isPending && (
            <Text size="xs" c="teal" data-testid="agent-saved">
              Saved
            </Text>
          )}
          {runnable && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => void run.run({ taskType: agent.taskType, clientId: null, fresh: false })}
              loading={run.running}
              data-testid="agent-run"
            >
              Run now
            </Button>
          )}
          <Button size="compact-sm" variant="default" onClick={submit} loading={save.isPending} data-testid="agent-save">
            Save
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function numberSetting(agent: Agent, key: string): number | '' {
  const v = agent.settings[key];
  return typeof v === 'number' ? v : '';
}
