// The facts, messages and review items each agent's run produces in the stand-in: fixed
// answers about "Client A", enough for the insights screens to show every kind of item.
import type { Evidence, ReviewItem, TaskType } from '../../bindings';
import type { AiState } from './state';
import { aiError, FREE_SLOTS, label, type Action } from './model';
import { checkHealth } from './health';

export type Proposal = Pick<ReviewItem, 'kind' | 'title' | 'body' | 'evidence'> & Partial<Pick<ReviewItem, 'changesPlanId' | 'booksSession'>> & { action?: Action };

/** The facts, messages and computed items of each agent. */
export function prepare(ai: AiState, task: TaskType, clientId: string | null): { facts: unknown; messages: { role: string; content: string }[]; items: Proposal[]; clientId: string | null } {
  const name = ai.clientName(clientId) ?? 'The client';
  if (task === 'progress_monitor') {
    const evidence: Evidence[] = [
      { label: 'Back Squat estimated 1RM', value: '100 kg → 110 kg in 6 weeks' },
      { label: 'Sessions attended (4 weeks)', value: '7 of 8' },
    ];
    const facts = { client: 'Client A', e1rm: [{ exercise: 'Back Squat', fromKg: 100, toKg: 110, weeks: 6 }], attendance: { attended: 7, planned: 8 } };
    return {
      facts,
      messages: [
        { role: 'system', content: 'You help a personal trainer. Use only the facts given; cite them by ref.' },
        { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
      ],
      items: [
        { kind: 'insight' as const, title: 'Squat is climbing steadily', body: 'Client A added 10 kg to the estimated squat 1RM in 6 weeks.', evidence: [evidence[0]!] },
        { kind: 'suggestion' as const, title: 'Keep the attendance streak going', body: 'Client A came to 7 of 8 sessions; say well done.', evidence: [evidence[1]!] },
      ],
      clientId,
    };
  }
  if (task === 'data_quality') {
    const facts = { findings: [{ ref: 'f1', title: 'Client A has no PAR-Q+ intake' }] };
    return {
      facts,
      messages: [
        { role: 'system', content: 'You help a personal trainer keep tidy records.' },
        { role: 'user', content: JSON.stringify(facts) },
      ],
      items: [
        { kind: 'suggestion' as const, title: 'Client A has no PAR-Q+ intake', body: 'Ask Client A to fill in the PAR-Q+ at the next session.', evidence: [{ label: 'Found', value: 'Client A has no PAR-Q+ intake' }] },
      ],
      clientId: null,
    };
  }
  if (task === 'health_check') {
    // Like the runtime: the run checks everything again (the light follows), one suggestion per problem.
    const report = checkHealth(ai);
    const facts = {
      overall: report.overall,
      checks: report.checks.map((c, i) => ({ ref: `H${i + 1}`, check: c.label, status: c.status, detail: c.detail, fix: c.fix ?? null })),
    };
    return {
      facts,
      messages: [
        { role: 'system', content: 'You are the health checker in Spotter, an app for personal trainers.' },
        { role: 'user', content: `Checks:\n${JSON.stringify(facts, null, 2)}` },
      ],
      items: report.checks
        .filter((c) => c.status !== 'ok')
        .map((c) => ({
          kind: 'suggestion' as const,
          title: `${c.label}: ${c.status === 'fail' ? 'needs attention now' : 'worth a look'}`,
          body: c.fix ? `${c.detail} ${c.fix}` : c.detail,
          evidence: [{ label: c.label, value: c.detail }],
        })),
      clientId: null,
    };
  }
  if (task === 'workout_optimizer' && clientId) {
    const plan = ai.planOf(clientId);
    const facts = {
      client: 'Client A',
      plan: { name: plan.name, week: 3 },
      injuries: ['knee'],
      rows: [
        { ref: 'D1.1', exercise: 'Back Squat', sets: 4, reps: '5', caution: 'knee: deep knee flexion' },
        { ref: 'D2.1', exercise: 'Romanian Deadlift', sets: 3, reps: '8–10' },
      ],
      alternatives: [{ ref: 'E1', name: 'Box Squat' }],
    };
    return {
      facts,
      messages: [
        { role: 'system', content: 'You help a personal trainer adjust a training plan. Never propose an exercise that conflicts with the client’s injuries.' },
        { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
      ],
      items: [
        {
          kind: 'suggestion',
          title: `Changes to “${plan.name}” from week 3`,
          body: `Keep ${name} squatting while the knee settles.\n• Day 1: replace Back Squat with Box Squat: less knee flexion\n• Day 2: Romanian Deadlift → 3 sets, 8–10 reps: keep the hinge steady`,
          evidence: [{ label: 'Back Squat', value: 'knee: deep knee flexion' }],
          changesPlanId: plan.id,
          action: { planChange: { planId: plan.id, clientId, baseVersion: plan.version } },
        },
      ],
      clientId,
    };
  }
  if (task === 'scheduling' && clientId) {
    const facts = {
      client: 'Client A',
      habits: [{ ref: 'H1', weekday: 'Tue', time: '18:00', attended: 6 }],
      noShows: 0,
      slots: FREE_SLOTS.map(([start, end], i) => ({ ref: `S${i + 1}`, when: when(start, end), matches: i === 0 ? 'H1' : null })),
    };
    return {
      facts,
      messages: [
        { role: 'system', content: 'You help a personal trainer pick session times. Pick only among the free slots given.' },
        { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
      ],
      items: FREE_SLOTS.map(([start, end], i) => ({
        kind: 'suggestion' as const,
        title: `Book ${when(start, end)}`,
        body: i === 0 ? `At the usual time.\n${name} came on Tuesdays at 18:00 six times.` : 'The next time free for both.',
        evidence: [
          { label: 'Free for both', value: when(start, end) },
          ...(i === 0 ? [{ label: 'Usually comes', value: 'Tue 18:00 (6 times)' }] : []),
        ],
        booksSession: true,
        action: { book: { start } },
      })),
      clientId,
    };
  }
  if (task === 'nutrition' && clientId) {
    const facts = {
      client: 'Client A',
      goal: 'lose fat',
      activity: 'moderately active',
      missing: ['height (add a custom measurement named "height" in cm)'],
      restrictions: ['vegetarian'],
    };
    return {
      facts,
      messages: [
        { role: 'system', content: 'You give general nutrition guidance to a personal trainer. Not medical advice.' },
        { role: 'user', content: `Facts about Client A:\n${JSON.stringify(facts, null, 2)}` },
      ],
      items: [
        {
          kind: 'insight',
          title: 'Nutrition guidance (not medical advice)',
          body: [
            `Spotter cannot compute energy needs for ${name} yet. Missing: height (add a custom measurement named "height" in cm). Restrictions: vegetarian.`,
            'Meal ideas:',
            '• Greek yoghurt with oats and berries',
            '• Lentil curry with rice',
            'Guidance, not medical advice. A client with a medical condition, an eating disorder or pregnancy needs a doctor or a registered dietitian.',
          ].join('\n'),
          evidence: [{ label: 'Missing', value: 'height' }],
        },
      ],
      clientId,
    };
  }
  throw aiError(`${label(task)} is not available in this version of Spotter yet`);
}

/** A slot as the scheduling facts say it: "Tue 2025-02-04 18:00–19:00". */
export function when(start: string, end: string) {
  const day = new Date(`${start.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return `${day} ${start}–${end}`;
}