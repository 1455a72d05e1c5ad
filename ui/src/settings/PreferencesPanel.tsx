import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { AppError, Settings } from '../bindings';
import { useSaveSettings, useSettings } from '../queries';

const LEADS = [
  { value: 'off', label: 'Off' },
  { value: '5', label: '5 minutes before' },
  { value: '10', label: '10 minutes before' },
  { value: '15', label: '15 minutes before' },
  { value: '30', label: '30 minutes before' },
  { value: '60', label: '1 hour before' },
];

/** Units for measurements and the session reminder lead time. */
export function PreferencesPanel() {
  const settings = useSettings();
  const save = useSaveSettings();
  const s = settings.data;
  if (!s) return null;
  const update = (change: Partial<Settings>) => save.mutate({ ...s, ...change });
  return (
    <Paper withBorder p="md" data-testid="settings-preferences">
      <Title order={4} mb="sm">
        Units and notifications
      </Title>
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Text size="sm" fw={500}>
              Units
            </Text>
            <Text size="xs" c="dimmed">
              Measurements are stored in kg and cm and shown in the units you choose.
            </Text>
          </div>
          <SegmentedControl
            value={s.units}
            onChange={(v) => update({ units: v as Settings['units'] })}
            data={[
              { value: 'metric', label: 'kg, cm' },
              { value: 'imperial', label: 'lb, in' },
            ]}
            data-testid="settings-units"
          />
        </Group>
        <Group justify="space-between">
          <div>
            <Text size="sm" fw={500}>
              Session reminders
            </Text>
            <Text size="xs" c="dimmed">
              A desktop notification before each of your sessions.
            </Text>
          </div>
          <Select
            w={200}
            data={LEADS}
            value={s.notifyMinutesBefore === null ? 'off' : String(s.notifyMinutesBefore)}
            onChange={(v) => update({ notifyMinutesBefore: !v || v === 'off' ? null : Number(v) })}
            allowDeselect={false}
            data-testid="settings-reminders"
          />
        </Group>
        {save.error && <Alert color="red">{(save.error as AppError).message}</Alert>}
      </Stack>
    </Paper>
  );
}
