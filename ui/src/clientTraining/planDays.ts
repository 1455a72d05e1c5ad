// Which plan is current, which plan day falls on a date, and where a logger opens.
import type { QueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../api';
import type { PlanDate, PlanSummary } from '../bindings';
import { todayIso } from '../format';
import { trainingKeys } from '../cacheKeys';

function endOf(plan: PlanSummary): string {
  return dayjs(plan.startDate).add(plan.weeks * 7, 'day').format('YYYY-MM-DD');
}

/**
 * The plan the trainer means by "her plan": the one running today (the latest started if
 * several), else the last one that ran, else the next to start.
 */
export function currentPlan(plans: PlanSummary[], today: string = todayIso()): PlanSummary | null {
  const dated = plans.filter((p) => p.startDate).sort((a, b) => b.startDate!.localeCompare(a.startDate!));
  const running = dated.find((p) => p.startDate! <= today && today < endOf(p));
  const started = dated.find((p) => p.startDate! <= today);
  const upcoming = [...dated].reverse().find((p) => p.startDate! > today);
  return running ?? started ?? upcoming ?? plans[0] ?? null;
}

export interface LogTarget {
  plan?: string;
  week?: number;
  day?: number;
  session?: string | null;
}

/** The logger's address; its query string says which plan day and session it is for. */
export function logPath(clientId: string, target: LogTarget = {}): string {
  const params = new URLSearchParams();
  if (target.plan && target.week !== undefined && target.day !== undefined) {
    params.set('plan', target.plan);
    params.set('week', String(target.week));
    params.set('day', String(target.day));
  }
  if (target.session) params.set('session', target.session);
  const query = params.toString();
  return `/clients/${clientId}/log${query ? `?${query}` : ''}`;
}

/**
 * Where to log a session: the log already written for it, whatever plan day it was; else the
 * plan day booked with that session or falling on its date, in the client's current plan first
 * (its log, if already logged); else a free log that keeps the session (where the trainer can
 * still pick a plan day).
 */
export async function logPathFor(queryClient: QueryClient, clientId: string, date: string, sessionId: string): Promise<string> {
  const existing = await api.logForSession(clientId, sessionId);
  if (existing) return `/clients/${clientId}/log/${existing}`;
  const query = { templates: false, clientId };
  const plans = await queryClient.fetchQuery({
    queryKey: trainingKeys.planList(query),
    queryFn: () => api.plansList(query),
  });
  const current = currentPlan(plans, date);
  const ordered = current ? [current, ...plans.filter((p) => p.id !== current.id)] : plans;
  for (const plan of ordered) {
    if (!plan.startDate || plan.startDate > date) continue;
    const dates = await queryClient.fetchQuery<PlanDate[]>({
      queryKey: trainingKeys.planDates(plan.id),
      queryFn: () => api.planDates(plan.id),
      staleTime: 0,
    });
    const hit = dates.find((d) => d.sessionId === sessionId) ?? dates.find((d) => d.date === date);
    if (hit?.logId) return `/clients/${clientId}/log/${hit.logId}`;
    if (hit) return logPath(clientId, { plan: plan.id, week: hit.week, day: hit.dayIndex, session: sessionId });
  }
  return logPath(clientId, { session: sessionId });
}
