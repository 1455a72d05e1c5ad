// Adding or changing an AI provider: its name, kind, address, model, time limit and whether it is
// used. Its key is set apart, in KeyDialog.
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Provider, ProviderKind } from '../bindings';
import { useSaveProvider } from '../aiQueries';
import { useDiscardGuard } from '../components/DiscardGuard';
import { fieldErrorsOf } from '../fieldErrors';
import { PROVIDER_KINDS } from '../insights/labels';

const LOCAL_URL = 'http://localhost:11434/v1';

/** The fields the provider form shows an error at. */
const PROVIDER_FIELDS = ['name', 'baseUrl', 'model', 'timeoutSeconds'] as const;

export function ProviderForm({ provider, onClose }: { provider: Provider | null; onClose: () => void }) {
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
  const { at, general } = fieldErrorsOf(error, PROVIDER_FIELDS);
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
        {general && (
          <Alert color="red" variant="light" title="Not saved" data-testid="ai-provider-form-error">
            {general.message}
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

