import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { api, asAppError } from '../api';
import type { AppError, Provider, ProviderCheck, ProviderKind } from '../bindings';
import {
  useAiProviders,
  useAiStatus,
  useCheckProvider,
  useDeleteProvider,
  useProvidersChanged,
  useRemoveKey,
  useReorderProviders,
  useSaveProvider,
} from '../aiQueries';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { useDiscardGuard } from '../components/DiscardGuard';
import { kindLabel, PROVIDER_KINDS } from '../insights/labels';

const LOCAL_URL = 'http://localhost:11434/v1';

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

function ProviderForm({ provider, onClose }: { provider: Provider | null; onClose: () => void }) {
  const save = useSaveProvider();
  const [name, setName] = useState(provider?.name ?? '');
  const [kind, setKind] = useState<ProviderKind>(provider?.kind ?? 'compatible');
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? '');
  const [model, setModel] = useState(provider?.model ?? '');
  const [timeout, setTimeoutSeconds] = useState<number | ''>(provider?.timeoutSeconds ?? 60);
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  // Escape, the × and Cancel ask first when something was changed.
  const [initial] = useState(() => JSON.stringify([name, kind, baseUrl, model, timeout, enabled]));
  const guard = useDiscardGuard(JSON.stringify([name, kind, baseUrl, model, timeout, enabled]) !== initial, onClose);
  const error = save.error;
  const FIELDS = ['name', 'baseUrl', 'model', 'timeoutSeconds'];
  const at = (field: string) => (error?.field === field ? error.message : undefined);
  const openai = kind === 'openai';

  const submit = () =>
    save.mutate(
      {
        id: provider?.id ?? null,
        input: { name, kind, baseUrl, model, timeoutSeconds: timeout === '' ? null : timeout, enabled },
      },
      { onSuccess: onClose },
    );

  return (
    <>
    <Modal opened onClose={guard.requestClose} title={provider ? `Edit ${provider.name}` : 'Add an AI provider'} size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="ai-provider-form"
      >
        <TextInput
          label="Name"
          placeholder="e.g. Ollama on this laptop"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={at('name')}
          errorProps={{ 'data-testid': 'ai-provider-name-error' }}
          data-autofocus
          data-testid="ai-provider-name"
        />
        <NativeSelect
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ProviderKind)}
          data={PROVIDER_KINDS}
          data-testid="ai-provider-kind"
        />
        <TextInput
          label="Base URL"
          description={
            openai
              ? 'Leave empty to use https://api.openai.com/v1.'
              : 'Where the server answers, e.g. Ollama on this computer.'
          }
          placeholder={openai ? 'https://api.openai.com/v1' : LOCAL_URL}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.currentTarget.value)}
          error={at('baseUrl')}
          errorProps={{ 'data-testid': 'ai-provider-url-error' }}
          autoComplete="off"
          data-testid="ai-provider-url"
        />
        <TextInput
          label="Model"
          placeholder={openai ? 'gpt-4o-mini' : 'llama3.1:8b'}
          value={model}
          onChange={(e) => setModel(e.currentTarget.value)}
          error={at('model')}
          errorProps={{ 'data-testid': 'ai-provider-model-error' }}
          autoComplete="off"
          data-testid="ai-provider-model"
        />
        <NumberInput
          label="Timeout (seconds)"
          description="How long to wait for an answer before trying the next provider."
          min={1}
          max={600}
          allowDecimal={false}
          value={timeout}
          onChange={(v) => setTimeoutSeconds(typeof v === 'number' ? v : '')}
          error={at('timeoutSeconds')}
          errorProps={{ 'data-testid': 'ai-provider-timeout-error' }}
          data-testid="ai-provider-timeout"
        />
        <Checkbox
          label="Use this provider"
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          data-testid="ai-provider-enabled"
        />
        {error && !FIELDS.includes(error.field ?? '') && (
          <Alert color="red" variant="light" title="Not saved" data-testid="ai-provider-form-error">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={guard.requestClose} data-testid="ai-provider-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="ai-provider-save">
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
    {guard.dialog}
    </>
  );
}

/**
 * Sends a key to the keychain once. The key lives only in the password field: it is read when
 * Save is pressed, sent straight to the backend (no query cache, no state) and the field is
 * emptied as soon as it is stored.
 */
function KeyDialog({ provider, onClose }: { provider: Provider; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const changed = useProvidersChanged();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Only whether something was pasted is kept (never the key): Escape, the × and Cancel ask first then.
  const [typed, setTyped] = useState(false);
  const guard = useDiscardGuard(typed, onClose);

  async function save() {
    if (!input.current) return;
    setBusy(true);
    setError(null);
    try {
      await api.aiKeySet(provider.id, input.current.value);
      input.current.value = '';
      setTyped(false);
      await changed();
      onClose();
    } catch (e) {
      const err = asAppError(e);
      // Without a keychain there is nowhere to keep it: do not hold on to it either.
      if (err.code === 'keychain' && input.current) {
        input.current.value = '';
        setTyped(false);
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
    <Modal opened onClose={guard.requestClose} title={`API key for ${provider.name}`} size="md">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="ai-key-form"
      >
        <Text size="sm" c="dimmed">
          The key goes straight to your system keychain and is never shown again, not even here.
        </Text>
        <TextInput
          ref={input}
          type="password"
          label="API key"
          placeholder={provider.hasKey ? 'Paste a new key to replace the stored one' : 'Paste the key'}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          data-autofocus
          onChange={(e) => {
            setTyped(e.currentTarget.value !== '');
            if (error?.field === 'apiKey') setError(null);
          }}
          error={error?.field === 'apiKey' ? error.message : undefined}
          errorProps={{ 'data-testid': 'ai-key-error' }}
          data-testid="ai-key-input"
        />
        {error && error.field !== 'apiKey' && (
          <Alert
            color={error.code === 'keychain' ? 'orange' : 'red'}
            variant="light"
            title={error.code === 'keychain' ? 'The system keychain is not available' : 'Not saved'}
            data-testid={error.code === 'keychain' ? 'ai-key-keychain-error' : 'ai-key-save-error'}
          >
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={guard.requestClose} data-testid="ai-key-cancel">
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="ai-key-save">
            Save key
          </Button>
        </Group>
      </Stack>
    </Modal>
    {guard.dialog}
    </>
  );
}
