// On a log that is not from a plan (a session on a day the plan does not have, or a free
// log), the trainer picks the plan day it was: the logger then starts again from that day.
import { Select } from '@mantine/core';
import { formatIsoDate, todayIso } from '../format';
import { usePlans } from '../trainingQueries';
import { currentPlan, type LogTarget } from './planDays';
import { usePlanDates } from './queries';

export function PlanDayPicker({ clientId, onPick }: { clientId: string; onPick: (target: Required<Omit<LogTarget, 'session'>>) => void }) {
  const plans = usePlans({ templates: false, clientId });
  const plan = plans.data ? currentPlan(plans.data, todayIso()) : null;
  const dates = usePlanDates(plan?.id ?? null);
  if (!plan || !dates.data || dates.data.length === 0) return null;
  const options = dates.data.map((d) => ({
    value: `${d.week}:${d.dayIndex}`,
    label: `Week ${d.week} · ${d.dayName} · ${formatIsoDate(d.date)}${d.logId ? ' (logged)' : ''}`,
  }));
  return (
    <Select
      label={`Log it as a day of ${plan.name}`}
      description="The sets start from that day's prescriptions."
      placeholder="Pick a plan day"
      data={options}
      searchable
      w={420}
      mb="md"
      onChange={(value) => {
        const [week, day] = (value ?? '').split(':').map(Number);
        if (week && day !== undefined && !Number.isNaN(day)) onPick({ plan: plan.id, week, day });
      }}
      data-testid="log-pick-plan-day"
    />
  );
}
