import { Button, Group, Paper, Popover, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AppError, ProgressionRule, Units } from '../bindings';
import { everyField, fieldErrorsOf } from '../fieldErrors';
import { formatNumber, kgTo, toKg, weightUnit } from './load';
import { NumberField } from './NumberField';

type Kind = 'none' | 'linear' | 'double';

const KINDS: { value: Kind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'linear', label: 'Linear' },
  { value: 'double', label: 'Double' },
];

/** The rule later weeks follow, plan notes, and generating weeks from week 1. */
export function ProgressionPanel({
  rule,
  notes,
  weeks,
  units,
  error,
  generating,
  onRule,
  onNotes,
  onGenerate,
}: {
  rule: ProgressionRule;
  notes: string;
  weeks: number;
  units: Units;
  error: AppError | null;
  generating: boolean;
  onRule: (rule: ProgressionRule) => void;
  onNotes: (notes: string) => void;
  onGenerate: (weeks: number) => void;
}) {
  const unit = weightUnit(units);
  const kind: Kind = rule.progression?.kind ?? 'none';
  const incrementKg = rule.progression?.increment_kg ?? 2.5;
  const { at } = fieldErrorsOf(error, everyField);

  const setKind = (next: Kind) =>
    onRule({ ...rule, progression: next === 'none' ? null : { kind: next, increment_kg: incrementKg } });
  const setIncrement = (shown: number | null) =>
    kind !== 'none' && onRule({ ...rule, progression: { kind, increment_kg: shown === null ? 0 : toKg(shown, unit) } });

  const explain =
    kind === 'linear'
      ? `Each week adds ${formatNumber(kgTo(incrementKg, unit), unit)} ${unit} to every ${unit} load.`
      : kind === 'double'
        ? `Each week adds a rep, up to the top of the range; then ${formatNumber(kgTo(incrementKg, unit), unit)} ${unit} and back to the bottom.`
        : 'Later weeks are copies of week 1.';

  return (
    <Paper withBorder p="sm" data-testid="plan-progression-panel">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Stack gap={4}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Progression
          </Text>
          <SegmentedControl size="xs" data={KINDS} value={kind} onChange={(v) => setKind(v as Kind)} data-testid="plan-progression" />
          <Text size="xs" c="dimmed" maw={300}>
            {explain}
          </Text>
        </Stack>
        <NumberField
          label={`Increment (${unit})`}
          w={110}
          decimals
          disabled={kind === 'none'}
          value={kind === 'none' ? null : kgTo(incrementKg, unit)}
          format={(n) => formatNumber(n, unit)}
          onChange={setIncrement}
          error={at('incrementKg')}
          testId="plan-increment"
        />
        <NumberField
          label="Deload every"
          description="weeks; empty for never"
          w={120}
          placeholder="never"
          value={rule.deloadEvery ?? null}
          onChange={(n) => onRule({ ...rule, deloadEvery: n })}
          error={at('deloadEvery')}
          testId="plan-deload-every"
        />
        <Generate weeks={weeks} generating={generating} error={at('totalWeeks') ?? at('weeks')} onGenerate={onGenerate} />
        <Textarea
          flex={1}
          miw={240}
          size="xs"
          label="Plan notes"
          placeholder="Warm-up, goals of this block, what to tell the client"
          autosize
          minRows={2}
          maxRows={6}
          value={notes}
          onChange={(e) => onNotes(e.currentTarget.value)}
          error={at('notes')}
          data-testid="plan-notes"
        />
      </Group>
    </Paper>
  );
}

/** Replaces every week with N weeks generated from week 1; asks first, and Undo brings the old ones back. */
function Generate({
  weeks,
  generating,
  error,
  onGenerate,
}: {
  weeks: number;
  generating: boolean;
  error: string | undefined;
  onGenerate: (weeks: number) => void;
}) {
  const [count, setCount] = useState<number | null>(Math.max(weeks, 4));
  const [asking, setAsking] = useState(false);
  return (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <NumberField
        label="Weeks to generate"
        w={130}
        value={count}
        onChange={setCount}
        error={error}
        testId="plan-generate-weeks"
      />
      <Popover opened={asking} onChange={setAsking} position="bottom" withArrow shadow="md" trapFocus>
        <Popover.Target>
          <Button
            size="xs"
            variant="light"
            disabled={!count}
            loading={generating}
            onClick={() => setAsking((o) => !o)}
            data-testid="plan-generate"
          >
            Generate weeks
          </Button>
        </Popover.Target>
        <Popover.Dropdown maw={300}>
          <Stack gap="xs">
            <Text size="sm">
              Replace {weeks === 1 ? 'the plan’s week' : `all ${weeks} weeks`} with {count} weeks generated from week 1 by
              this rule? Ctrl/Cmd+Z undoes it; nothing is saved until you save.
            </Text>
            <Group gap="xs" justify="flex-end">
              <Button size="compact-sm" variant="default" onClick={() => setAsking(false)}>
                Keep
              </Button>
              <Button
                size="compact-sm"
                onClick={() => {
                  setAsking(false);
                  if (count) onGenerate(count);
                }}
                data-testid="plan-generate-confirm"
              >
                Replace weeks
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
