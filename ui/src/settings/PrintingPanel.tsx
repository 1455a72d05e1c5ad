import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { api, chosenUpload } from '../api';
import type { AppError, Settings } from '../bindings';
import { useFileDialog } from '../components/FileChoice';
import { changed } from '../cacheKeys';
import { useSaveSettings, useSettings } from '../queries';

/** Stores the logo chosen in the open dialog (Spotter reads it by its path), or with null removes it. */
function useSetLogo() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, string | null>({
    mutationFn: (path) => api.logoSet(path ? chosenUpload(path) : null),
    onSuccess: (s) => changed.settings(queryClient, s),
  });
}

/** Paper size, studio name and logo of printed plans and progress reports. */
export function PrintingPanel() {
  const settings = useSettings();
  const s = settings.data;
  if (!s) return null;
  return (
    <Paper withBorder p="md" data-testid="settings-printing">
      <Title order={4} mb="sm">
        Printing
      </Title>
      <Stack gap="sm">
        <PaperSize settings={s} />
        <StudioName key={s.studioName} settings={s} />
        <Logo hasLogo={s.hasLogo} />
      </Stack>
    </Paper>
  );
}

function PaperSize({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  return (
    <Group justify="space-between">
      <div>
        <Text size="sm" fw={500}>
          Paper
        </Text>
        <Text size="xs" c="dimmed">
          The page size of printed plans and reports.
        </Text>
        {save.error && (
          <Text size="xs" c="red">
            {save.error.message}
          </Text>
        )}
      </div>
      <SegmentedControl
        value={settings.paper}
        onChange={(v) => save.mutate({ ...settings, paper: v as Settings['paper'] })}
        data={[
          { value: 'a4', label: 'A4' },
          { value: 'letter', label: 'Letter' },
        ]}
        data-testid="settings-paper"
      />
    </Group>
  );
}

/** Saved when the field is left or on Enter, not on every keystroke. */
function StudioName({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const [value, setValue] = useState(settings.studioName);
  const commit = () => {
    if (value.trim() !== settings.studioName) save.mutate({ ...settings, studioName: value.trim() });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  };
  const error = save.error;
  return (
    <TextInput
      label="Studio name"
      description="Printed at the top of plans and reports."
      placeholder="e.g. North Side Strength"
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        if (error) save.reset();
      }}
      onBlur={commit}
      onKeyDown={onKeyDown}
      error={error?.message}
      errorProps={{ 'data-testid': 'settings-studio-name-error' }}
      autoComplete="off"
      data-testid="settings-studio-name"
    />
  );
}

function Logo({ hasLogo }: { hasLogo: boolean }) {
  const setLogo = useSetLogo();
  const dialog = useFileDialog();
  const error = setLogo.error ?? (dialog.error && { ...dialog.error, field: 'logo' });
  const pick = async () => {
    setLogo.reset();
    const path = await dialog.open('logo');
    if (path) setLogo.mutate(path);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Logo
      </Text>
      <Text size="xs" c="dimmed">
        A PNG or JPEG printed beside the studio name. {hasLogo ? 'A logo is stored.' : 'No logo yet.'}
      </Text>
      <Group gap="sm">
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => void pick()}
          loading={setLogo.isPending || dialog.busy}
          aria-invalid={error?.field === 'logo' || undefined}
          data-testid="settings-logo"
        >
          {hasLogo ? 'Choose another…' : 'Choose…'}
        </Button>
        {hasLogo && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setLogo.mutate(null)} loading={setLogo.isPending} data-testid="settings-logo-remove">
            Remove logo
          </Button>
        )}
      </Group>
      {error &&
        (error.field === 'logo' ? (
          <Text size="xs" c="red" data-testid="settings-logo-error">
            {error.message}
          </Text>
        ) : (
          <Alert color="red" variant="light" title="Not saved">
            {error.message}
          </Alert>
        ))}
    </Stack>
  );
}
