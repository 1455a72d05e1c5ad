// The repeat rule of a new session or a whole series: weekdays, every N weeks, and when it ends.
import { Checkbox, Chip, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { AppError } from '../bindings';
import { errorAt, errorExactly, WEEKDAYS, type Form } from './sessionForm';

export function RepeatFields({
  form,
  set,
  error,
  locked,
}: {
  form: Form;
  set: <K extends keyof Form>(key: K, value: Form[K]) => void;
  error: AppError | null;
  locked: boolean;
}) {
  return (
    <Stack gap="xs">
      {!locked && (
        <Checkbox
          label="Repeat weekly"
          checked={form.repeat}
          onChange={(e) => set('repeat', e.currentTarget.checked)}
          data-testid="session-repeat"
        />
      )}
      {form.repeat && (
        <Stack gap="xs" pl={locked ? 0 : 'lg'}>
          <Chip.Group multiple value={form.weekdays} onChange={(v) => set('weekdays', v)}>
            <Group gap={4}>
              {WEEKDAYS.map((d, i) => (
                <Chip key={d} value={String(i + 1)} size="xs" wrapperProps={{ "data-testid": `session-weekday-${i + 1}` }}>
                  {d}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errorAt(error, 'recurrence.weekdays') && (
            <Text size="xs" c="red" data-testid="session-weekdays-error">
              {errorAt(error, 'recurrence.weekdays')}
            </Text>
          )}
          <Group align="flex-start" gap="sm">
            <NumberInput
              label="Every … weeks"
              min={1}
              max={52}
              w={120}
              value={form.intervalWeeks}
              onChange={(v) => set('intervalWeeks', typeof v === 'number' ? v : '')}
              error={errorAt(error, 'recurrence.intervalWeeks')}
              data-testid="session-interval"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Ends
              </Text>
              <SegmentedControl
                size="xs"
                value={form.endMode}
                onChange={(v) => set('endMode', v as Form['endMode'])}
                data={[
                  { value: 'count', label: 'After' },
                  { value: 'until', label: 'On date' },
                ]}
                data-testid="session-end-mode"
              />
            </Stack>
            {form.endMode === 'count' ? (
              <NumberInput
                label="Sessions"
                min={2}
                max={500}
                w={110}
                value={form.count}
                onChange={(v) => set('count', typeof v === 'number' ? v : '')}
                error={errorAt(error, 'recurrence.count') ?? errorExactly(error, 'recurrence')}
                data-testid="session-count"
              />
            ) : (
              <DateInput
                label="Last day"
                valueFormat="YYYY-MM-DD"
                w={150}
                value={form.until || null}
                onChange={(v) => set('until', v ? String(v) : '')}
                error={errorAt(error, 'recurrence.until') ?? errorExactly(error, 'recurrence')}
                data-testid="session-until"
              />
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
