import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { AppError, Clock, Settings, WeekStart } from '../bindings';
import { DATE_LOCALES, formatClock, formatDayAs } from '../dateFormat';
import { useSaveSettings, useSettings } from '../queries';

const LEADS = [
  { value: 'off', label: 'Off' },
  { value: '5', label: '5 minutes before' },
  { value: '10', label: '10 minutes before' },
  { value: '15', label: '15 minutes before' },
  { value: '30', label: '30 minutes before' },
  { value: '60', label: '1 hour before' },
];

const EXAMPLE = { y: 2026, m: 12, d: 4 };

/** Units for measurements, how dates and times read, and the session reminder lead time. */
export function PreferencesPanel() {
  const settings = useSettings();
  const save = useSaveSettings();
  const s = settings.data;
  if (!s) return null;
  const update = (change: Partial<Settings>) => save.mutate({ ...s, ...change });
  return (
    <Paper withBorder p="md" data-testid="settings-preferences">
      <Title order={4} mb="sm">
        Units, formats and notifications
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
              Dates
            </Text>
            <Text size="xs" c="dimmed">
              Everywhere in Spotter and on printed plans and reports. Exported files keep ISO dates.
            </Text>
          </div>
          <Select
            w={260}
            data={DATE_LOCALES.map((l) => ({ value: l.id, label: `${l.label} — ${formatDayAs(l.id, EXAMPLE)}` }))}
            value={s.locale}
            onChange={(v) => v && update({ locale: v })}
            allowDeselect={false}
            data-testid="settings-locale"
          />
        </Group>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            Times
          </Text>
          <SegmentedControl
            value={s.clock}
            onChange={(v) => update({ clock: v as Clock })}
            data={[
              { value: 'h24', label: '17:00' },
              { value: 'h12', label: formatClock(17, 0, { locale: s.locale, clock: 'h12' }) },
            ]}
            data-testid="settings-clock"
          />
        </Group>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            Weeks start on
          </Text>
          <SegmentedControl
            value={s.weekStart}
            onChange={(v) => update({ weekStart: v as WeekStart })}
            data={[
              { value: 'monday', label: 'Monday' },
              { value: 'sunday', label: 'Sunday' },
              { value: 'saturday', label: 'Saturday' },
            ]}
            data-testid="settings-week-start"
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
