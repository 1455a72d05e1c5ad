// The Progress tab's training charts: estimated 1RM, weekly hard sets, plan adherence.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Chip, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { AdherenceWeek, E1rmSeries, MuscleWeek, Units } from '../../bindings';
import { formatIsoDate } from '../../format';
import { kgTo, weightUnit } from '../../training/load';

const COLORS = ['teal.6', 'blue.6', 'orange.6', 'grape.6', 'red.6', 'lime.7', 'cyan.6', 'pink.6', 'yellow.7', 'indigo.6'];
const color = (i: number) => COLORS[i % COLORS.length]!;
const oneDecimal = (v: number) => Math.round(v * 10) / 10;

/** Estimated 1RM over time for the exercises picked (the most logged one to start with). */
export function E1rmChart({ series, units }: { series: E1rmSeries[]; units: Units }) {
  const [picked, setPicked] = useState<string[]>(() => series.slice(0, 1).map((s) => s.exerciseId));
  const shown = series.filter((s) => picked.includes(s.exerciseId));
  const dates = [...new Set(shown.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const data = dates.map((date) => {
    const row: Record<string, string | number> = { date: formatIsoDate(date) };
    for (const s of shown) {
      const point = s.points.find((p) => p.date === date);
      if (point) row[s.exerciseName] = oneDecimal(kgTo(point.e1rmKg, weightUnit(units)));
    }
    return row;
  });
  return (
    <>
      <Chip.Group multiple value={picked} onChange={setPicked}>
        <Group gap={6} mb="sm">
          {series.map((s) => (
            <Chip key={s.exerciseId} value={s.exerciseId} size="xs" data-testid="progress-e1rm-pick">
              {s.exerciseName}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          Pick an exercise above.
        </Text>
      ) : (
        <LineChart
          h={220}
          data={data}
          dataKey="date"
          series={shown.map((s, i) => ({ name: s.exerciseName, color: color(i) }))}
          curveType="linear"
          connectNulls
          withLegend={shown.length > 1}
          unit={` ${weightUnit(units)}`}
          yAxisProps={{ domain: ['auto', 'auto'], width: 56 }}
        />
      )}
    </>
  );
}

const muscleLabel = (m: string) => (m ? m.charAt(0).toUpperCase() + m.slice(1).replace(/_/g, ' ') : 'Other');
const WEEKS_SHOWN = 12;

/** Hard sets per muscle group and week, stacked: the last twelve weeks with training. */
export function VolumeChart({ weeks }: { weeks: MuscleWeek[] }) {
  const starts = [...new Set(weeks.map((w) => w.weekStart))].sort().slice(-WEEKS_SHOWN);
  const muscles = [...new Set(weeks.map((w) => w.muscle))].sort();
  const data = starts.map((start) => {
    const row: Record<string, string | number> = { week: formatIsoDate(start) };
    for (const w of weeks) if (w.weekStart === start) row[muscleLabel(w.muscle)] = w.sets;
    return row;
  });
  return (
    <BarChart
      h={240}
      data={data}
      dataKey="week"
      type="stacked"
      withLegend
      series={muscles.map((m, i) => ({ name: muscleLabel(m), color: color(i) }))}
      yAxisProps={{ allowDecimals: false, width: 32 }}
    />
  );
}

const percent = (w: { prescribedSets: number; completedSets: number }) =>
  w.prescribedSets > 0 ? Math.round((w.completedSets / w.prescribedSets) * 100) : 0;

/** Share of prescribed sets done per plan week, and over all of them. */
export function AdherenceChart({ weeks }: { weeks: AdherenceWeek[] }) {
  const plans = new Set(weeks.map((w) => w.planId)).size;
  const total = weeks.reduce(
    (t, w) => ({ prescribedSets: t.prescribedSets + w.prescribedSets, completedSets: t.completedSets + w.completedSets }),
    { prescribedSets: 0, completedSets: 0 },
  );
  const data = weeks.map((w) => ({
    week: plans > 1 ? `${w.planName} · W${w.week}` : `Week ${w.week}`,
    Adherence: percent(w),
  }));
  return (
    <>
      <Text size="sm" mb="xs" data-testid="progress-adherence-overall">
        {percent(total)}% of prescribed sets done ({total.completedSets} of {total.prescribedSets})
      </Text>
      <BarChart
        h={200}
        data={data}
        dataKey="week"
        series={[{ name: 'Adherence', color: 'teal.6' }]}
        unit="%"
        yAxisProps={{ domain: [0, 100], width: 40 }}
      />
    </>
  );
}
