import { Badge, Button, Group, Stack, Switch, Tabs, Text, Tooltip } from '@mantine/core';
import type { Exercise, Units } from '../bindings';
import { IconCopy, IconPlus } from '../components/icons';
import { DayCard, type DayActions, type DayError } from './DayCard';
import type { DraftWeek } from './draft';
import { IconX } from './icons';
import { messageAtField, type ErrorPlace } from './planErrors';
import type { ExerciseOption } from './PrescriptionRow';

export interface WeekActions extends DayActions {
  addWeek: () => void;
  duplicateWeek: (week: number) => void;
  removeWeek: (week: number) => void;
  setDeload: (week: number, deload: boolean) => void;
  addDay: (week: number) => void;
}

/** Week tabs (1-based test ids), the week's own actions, and its days. */
export function WeekEditor({
  weeks,
  current,
  onSelect,
  startDate,
  exercises,
  library,
  injuryAreas,
  units,
  actions,
  error,
}: {
  weeks: DraftWeek[];
  current: number;
  onSelect: (week: number) => void;
  startDate: string | null;
  exercises: ExerciseOption[];
  library: Map<string, Exercise>;
  /** The client's injured body areas, comma-separated ("" for a template or no injuries). */
  injuryAreas: string;
  units: Units;
  actions: WeekActions;
  error: (ErrorPlace & { field: string | null; message: string }) | null;
}) {
  const week = weeks[current];
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Tabs value={String(current)} onChange={(v) => v !== null && onSelect(Number(v))} variant="pills" radius="sm">
          <Tabs.List aria-label="Weeks">
            {weeks.map((w, i) => (
              <Tabs.Tab
                key={w.key}
                value={String(i)}
                data-testid={`plan-week-${i + 1}`}
                rightSection={
                  error?.week === i ? (
                    <Badge size="xs" circle color="red" title="The error is in this week" data-testid="week-has-error">
                      !
                    </Badge>
                  ) : w.deload ? (
                    <Badge size="xs" variant="light" color="gray" title="Deload week">
                      D
                    </Badge>
                  ) : undefined
                }
              >
                Week {i + 1}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group gap={6}>
          <Button size="compact-sm" variant="default" leftSection={<IconPlus size={14} />} onClick={actions.addWeek} data-testid="plan-week-add">
            Add week
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconCopy size={14} />}
            onClick={() => actions.duplicateWeek(current)}
            disabled={!week}
            data-testid="plan-week-duplicate"
          >
            Duplicate
          </Button>
          <Tooltip label={weeks.length === 1 ? 'A plan needs at least one week' : 'Remove this week (undo with Ctrl/Cmd+Z)'}>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconX size={14} />}
              onClick={() => actions.removeWeek(current)}
              disabled={weeks.length <= 1}
              data-testid="plan-week-remove"
            >
              Remove
            </Button>
          </Tooltip>
        </Group>
      </Group>

      {week && (
        <>
          <Group gap="md">
            <Switch
              size="sm"
              label="Deload week"
              description="Fewer sets, lighter loads: recovery before the next block"
              checked={week.deload}
              onChange={(e) => actions.setDeload(current, e.currentTarget.checked)}
              data-testid="plan-week-deload"
            />
          </Group>
          {error?.week === current && error.day === null && (
            <Text size="sm" c="red" data-testid="week-error">
              {error.message}
            </Text>
          )}
          {week.days.map((day, d) => (
            <DayCard
              key={day.key}
              day={day}
              week={current}
              index={d}
              usedOffsets={week.days.map((x) => x.dayOffset).join(',')}
              startDate={startDate}
              exercises={exercises}
              library={library}
              injuryAreas={injuryAreas}
              units={units}
              actions={actions}
              error={dayError(error, current, d)}
            />
          ))}
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => actions.addDay(current)}
              disabled={week.days.length >= 7}
              data-testid="plan-day-add"
            >
              Add day
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function dayError(
  error: (ErrorPlace & { field: string | null; message: string }) | null,
  week: number,
  day: number,
): DayError | null {
  if (!error || error.week !== week || error.day !== day) return null;
  return { row: error.row, field: error.field, message: messageAtField(error) };
}
