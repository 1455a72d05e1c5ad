// The first start on an empty database: the trainer's name, time zone, units and how dates
// and times read, or "Explore with demo data" (a separate demo data directory).

import { Alert, Button, Center, Divider, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AppError, Clock, Units, WeekStart } from '../bindings';
import { DATE_LOCALES, formatClock, formatDayAs } from '../dateFormat';
import { everyField, fieldErrorsOf } from '../fieldErrors';
import { useCompleteWelcome, useUseDataDir } from '../firstStart';
import { localZone, zonesWith } from '../schedule/zoned';

const EXAMPLE = { y: 2026, m: 12, d: 4 };

export function WelcomeScreen() {
  const navigate = useNavigate();
  const complete = useCompleteWelcome();
  const demo = useUseDataDir();
  const [name, setName] = useState('');
  const [zone, setZone] = useState(localZone());
  const [units, setUnits] = useState<Units>('metric');
  // The settings' defaults; the trainer picks their own here.
  const [locale, setLocale] = useState('en-GB');
  const [clock, setClock] = useState<Clock>('h24');
  const [weekStart, setWeekStart] = useState<WeekStart>('monday');
  const zones = useMemo(() => zonesWith(zone), [zone]);
  const error = complete.error as AppError | null;
  const { at, general } = fieldErrorsOf(error, everyField);

  // The examples in the choices read as they would once chosen.
  const localeOptions = DATE_LOCALES.map((l) => ({ value: l.id, label: `${l.label} — ${formatDayAs(l.id, EXAMPLE)}` }));
  const twelve = formatClock(17, 0, { locale, clock: 'h12' });

  const submit = () =>
    complete.mutate(
      { name, timeZone: zone, units, locale, clock, weekStart },
      { onSuccess: () => navigate('/dashboard') },
    );

  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder p="xl" maw={560} w="100%" data-testid="welcome">
        <Stack gap="md">
          <div>
            <Title order={2}>Welcome to Spotter</Title>
            <Text c="dimmed" size="sm">
              A few things so dates, times and weights read the way you are used to. You can change them later in Settings.
            </Text>
          </div>
          <TextInput
            label="Your name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={at('name')}
            data-autofocus
            data-testid="welcome-name"
          />
          <Select
            label="Your time zone"
            data={zones}
            value={zone}
            onChange={(v) => v && setZone(v)}
            searchable
            allowDeselect={false}
            error={at('timeZone')}
            data-testid="welcome-zone"
          />
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Units
            </Text>
            <SegmentedControl
              value={units}
              onChange={(v) => setUnits(v as Units)}
              data={[
                { value: 'metric', label: 'kg, cm' },
                { value: 'imperial', label: 'lb, in' },
              ]}
              data-testid="welcome-units"
            />
          </Group>
          <Select
            label="Dates"
            data={localeOptions}
            value={locale}
            onChange={(v) => {
              const picked = DATE_LOCALES.find((l) => l.id === v);
              if (!picked) return;
              // Suggest what the locale usually uses; both stay changeable below.
              setLocale(picked.id);
              setClock(picked.clock);
              setWeekStart(picked.weekStart);
            }}
            allowDeselect={false}
            error={at('locale')}
            data-testid="welcome-locale"
          />
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Times
            </Text>
            <SegmentedControl
              value={clock}
              onChange={(v) => setClock(v as Clock)}
              data={[
                { value: 'h24', label: '17:00' },
                { value: 'h12', label: twelve },
              ]}
              data-testid="welcome-clock"
            />
          </Group>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Weeks start on
            </Text>
            <SegmentedControl
              value={weekStart}
              onChange={(v) => setWeekStart(v as WeekStart)}
              data={[
                { value: 'monday', label: 'Monday' },
                { value: 'sunday', label: 'Sunday' },
                { value: 'saturday', label: 'Saturday' },
              ]}
              data-testid="welcome-week-start"
            />
          </Group>
          {general && <Alert color="red">{general.message}</Alert>}
          <Button onClick={submit} loading={complete.isPending} data-testid="welcome-start">
            Start
          </Button>
          <Divider label="or" />
          <Stack gap={4}>
            <Button
              variant="light"
              onClick={() => demo.mutate(true, { onSuccess: () => navigate('/dashboard') })}
              loading={demo.isPending}
              data-testid="welcome-demo"
            >
              Explore with demo data
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Opens made-up clients in a separate place; your own data stays empty until you come back.
            </Text>
            {demo.error && <Alert color="red">{(demo.error as AppError).message}</Alert>}
          </Stack>
        </Stack>
      </Paper>
    </Center>
  );
}

