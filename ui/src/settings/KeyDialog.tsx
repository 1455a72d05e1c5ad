// The one place an API key is typed: sent to the system keychain, never kept by the UI.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { api, asAppError } from '../api';
import type { AppError, Provider } from '../bindings';
import { useProvidersChanged } from '../aiQueries';
import { useDiscardGuard } from '../components/DiscardGuard';

/**
 * Sends a key to the keychain once. The key lives only in the password field: it is read when
 * Save is pressed, sent straight to the backend (no query cache, no state) and the field is
 * emptied as soon as it is stored.
 */
export function KeyDialog({ provider, onClose }: { provider: Provider; onClose: () => void }) {
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
