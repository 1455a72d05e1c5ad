import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Provider, ProviderCheck } from '../bindings';
import { useAiProviders, useAiStatus, useCheckProvider, useDeleteProvider, useRemoveKey, useReorderProviders } from '../aiQueries';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { kindLabel } from '../insights/labels';
import { KeyDialog } from './KeyDialog';
import { ProviderForm } from './ProviderForm';

function keyState(p: Provider): { label: string; color: string } {
  if (p.hasKey) return { label: 'Key in keychain', color: 'teal' };
  if (p.kind === 'compatible') return { label: 'No key (not needed for local servers)', color: 'gray' };
  return { label: 'No key', color: 'orange' };
}

/**
 * The AI services agents may ask, in the order they are tried. Keys go to the system keychain
 * and are never shown again; the panel only knows whether one is there.
 */
export function AiPanel() {
  const providers = useAiProviders();
  const status = useAiStatus();
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const [keyFor, setKeyFor] = useState<Provider | null>(null);
  const reorder = useReorderProviders();
  const list = providers.data ?? [];

  const move = (index: number, by: -1 | 1) => {
    const ids = list.map((p) => p.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids);
  };

  return (
    <Paper withBorder p="md" data-testid="settings-ai">
      <Group justify="space-between" mb={4}>
        <Title order={4}>AI</Title>
        <Button size="compact-sm" variant="light" onClick={() => setEditing('new')} data-testid="ai-provider-add">
          Add provider
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        AI can explain a client’s progress and spot gaps in your records. Names are replaced before anything is sent, and
        whatever it proposes waits for you under Insights → Review. Providers are tried from the top; if one fails, the next
        one is asked.
      </Text>
      <Stack gap="sm">
        {status.data && !status.data.keychainOk && (
          <Alert color="orange" variant="light" title="The system keychain is not available" data-testid="ai-keychain-status">
            {status.data.keychainMessage ?? 'Spotter cannot reach the system keychain, so it cannot store API keys.'}
          </Alert>
        )}
        {providers.error && (
          <Alert color="red" variant="light" title="Could not load the providers">
            {providers.error.message}
          </Alert>
        )}
        {reorder.error && (
          <Alert color="red" variant="light" title="The order was not changed" data-testid="ai-provider-reorder-error">
            {reorder.error.message}
          </Alert>
        )}
        {providers.data && list.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="ai-providers-empty">
            No AI provider yet. Without one, the agents show only the facts Spotter works out itself. A local server such as
            Ollama needs no key and sends nothing off this computer.
          </Text>
        )}
        {list.map((p, i) => (
          <ProviderRow
            key={p.id}
            provider={p}
            first={i === 0}
            last={i === list.length - 1}
            moving={reorder.isPending}
            onEdit={() => setEditing(p)}
            onKey={() => setKeyFor(p)}
            onMove={(by) => move(i, by)}
          />
        ))}
      </Stack>
      {editing && <ProviderForm provider={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {keyFor && <KeyDialog provider={keyFor} onClose={() => setKeyFor(null)} />}
    </Paper>
  );
}

function ProviderRow({
  provider: p,
  first,
  last,
  moving,
  onEdit,
  onKey,
  onMove,
}: {
  provider: Provider;
  first: boolean;
  last: boolean;
  moving: boolean;
  onEdit: () => void;
  onKey: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const remove = useDeleteProvider();
  const removeKey = useRemoveKey();
  const check = useCheckProvider();
  const [result, setResult] = useState<ProviderCheck | null>(null);
  const key = keyState(p);
  const error = remove.error ?? removeKey.error ?? check.error;

  const test = () => {
    setResult(null);
    check.mutate(p.id, { onSuccess: setResult });
  };

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="ai-provider-row" data-name={p.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Group gap={6}>
            <Text size="sm" c="dimmed" w={18}>
              {p.position}.
            </Text>
            <Text fw={600} size="sm" data-testid="ai-provider-name-label">
              {p.name}
            </Text>
            <Badge size="sm" variant="light" color="gray">
              {kindLabel(p.kind)}
            </Badge>
            {!p.enabled && (
              <Badge size="sm" variant="light" color="gray" data-testid="ai-provider-disabled">
                Turned off
              </Badge>
            )}
            <Badge size="sm" variant="light" color={key.color} data-testid="ai-provider-key-state">
              {key.label}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <Code>{p.baseUrl}</Code> · model <Code>{p.model}</Code> · waits up to {p.timeoutSeconds} s ·{' '}
            {p.enabled ? 'on' : 'off'}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onMove(-1)} disabled={first || moving} aria-label={`Move ${p.name} up`} data-testid="ai-provider-up">
            ↑
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onMove(1)} disabled={last || moving} aria-label={`Move ${p.name} down`} data-testid="ai-provider-down">
            ↓
          </Button>
        </Group>
      </Group>
      <Group gap={6} mt="xs">
        <Button size="compact-xs" variant="default" onClick={onEdit} data-testid="ai-provider-edit">
          Edit
        </Button>
        <Button size="compact-xs" variant="default" onClick={onKey} data-testid="ai-key-set">
          {p.hasKey ? 'Replace key' : 'Add key'}
        </Button>
        {p.hasKey && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => removeKey.mutate(p.id)}
            loading={removeKey.isPending}
            data-testid="ai-key-remove"
          >
            Remove key
          </Button>
        )}
        <Button size="compact-xs" variant="light" onClick={test} loading={check.isPending} data-testid="ai-provider-check">
          Test
        </Button>
        <ConfirmDelete
          question={`Delete ${p.name}? Its key is removed from the keychain too.`}
          onConfirm={() => remove.mutate(p.id)}
          loading={remove.isPending}
          testId="ai-provider-delete"
        />
      </Group>
      {result && (
        <Text size="xs" mt={6} c={result.ok ? 'teal' : 'red'} data-testid="ai-provider-check-result" data-ok={result.ok ? 'true' : 'false'}>
          {result.ok ? '✓ ' : '✗ '}
          {result.message}
        </Text>
      )}
      {error && (
        <Text size="xs" mt={6} c="red" data-testid="ai-provider-error">
          {error.message}
        </Text>
      )}
    </Paper>
  );
}
