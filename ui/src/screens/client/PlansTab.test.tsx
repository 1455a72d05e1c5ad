import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api } from '../../api';
import { installBackend, makeClient } from '../../test/backend';
import { addPlan, BENCH, prescription, seedLogs, SQUAT } from '../../test/logsBackend';
import { seedTraining } from '../../test/trainingBackend';
import { renderApp } from '../../test/render';
import { nextMonday } from '../../training/dates';

// An id the training mock's own plans do not use.
const ben = makeClient({ id: 'c7', name: 'Ben Stone' });

const days = [
  { name: 'Lower', dayOffset: 0, items: [prescription(SQUAT, 3, 5, 100)] },
  { name: 'Upper', dayOffset: 3, items: [prescription(BENCH, 3, 8, 60)] },
];

describe('plans tab', () => {
  it('warns, with the reason, before giving a plan to a client who needs medical clearance', async () => {
    seedTraining();
    const flagged = makeClient({ id: 'c8', name: 'Carla Nunes', needsClearance: true });
    const backend = installBackend([flagged], {
      intakes: [
        {
          id: 'i1',
          clientId: 'c8',
          answeredOn: '2025-01-20',
          answers: [false, false, false, false, false, true, false],
          notes: '',
          anyYes: true,
          createdAt: '2025-01-20T10:00:00Z',
        },
      ],
    });
    const template = await addPlan({ name: 'Strength A', template: true, days, weeks: 2 });
    const { user } = renderApp('/clients/c8?tab=plans');
    await user.click(await screen.findByTestId('client-assign-plan'));
    const warning = await screen.findByTestId('clearance-warning');
    expect(warning).toHaveTextContent('Carla Nunes needs medical clearance before training: the PAR-Q+ of 2025-01-20');
    expect(warning).toHaveTextContent('bone, joint, or soft tissue problem');
    expect(backend.callsTo('clearance_warnings')[0]?.args).toEqual({ clients: ['c8'] });

    // A warning, not a refusal: the trainer may still assign.
    await waitFor(() => expect(within(screen.getByTestId('assign-template')).getByText(/^Strength A/)).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('assign-template'), template.id);
    await user.click(screen.getByTestId('assign-save'));
    await waitFor(() => expect(backend.callsTo('plan_from_template')).toHaveLength(1));
  });

  it('gives no warning for a client who does not need clearance', async () => {
    seedTraining();
    installBackend([ben]);
    const { user } = renderApp('/clients/c7?tab=plans');
    await user.click(await screen.findByTestId('client-assign-plan'));
    await screen.findByTestId('assign-start');
    expect(screen.queryByTestId('clearance-warning')).not.toBeInTheDocument();
  });

  it('assigns a plan from a template, starting next Monday by default, and lists its days', async () => {
    seedTraining();
    const backend = installBackend([ben]);
    const template = await addPlan({ name: 'Strength A', template: true, days, weeks: 2 });
    const { user } = renderApp('/clients/c7?tab=plans');

    expect(await screen.findByTestId('client-plans-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('client-assign-plan'));
    const start = await screen.findByTestId('assign-start');
    expect(start).toHaveValue(nextMonday());

    // Without a template the error sits at the template field and nothing is sent.
    await user.click(screen.getByTestId('assign-save'));
    expect(await screen.findByTestId('assign-template-error')).toHaveTextContent('Choose a template');
    await waitFor(() => expect(within(screen.getByTestId('assign-template')).getByText(/^Strength A/)).toBeInTheDocument());
    await user.selectOptions(screen.getByTestId('assign-template'), template.id);
    await user.clear(start);
    await user.type(start, '2025-03-03');
    await user.type(screen.getByTestId('assign-name'), 'Ben strength');
    await user.click(screen.getByTestId('assign-save'));

    await waitFor(() => expect(backend.callsTo('plan_from_template')).toHaveLength(1));
    expect(backend.callsTo('plan_from_template')[0]!.args).toEqual({
      template: template.id,
      name: 'Ben strength',
      assignment: { clientId: 'c7', startDate: '2025-03-03' },
    });
    const row = await screen.findByTestId('client-plan-row');
    expect(row).toHaveTextContent('Ben strength');
    expect(row).toHaveTextContent('2 weeks · 2 days a week');
    expect(within(row).getByTestId('client-plan-link')).toHaveAttribute('href', `/training/plans/${row.getAttribute('data-plan-id')}`);

    // Its schedule: two weeks of two days, each with a date and a Log button.
    await waitFor(() => expect(screen.getAllByTestId('plan-date-row')).toHaveLength(4));
    expect(screen.getAllByTestId('plan-date-row').map((r) => r.getAttribute('data-date'))).toEqual([
      '2025-03-03',
      '2025-03-06',
      '2025-03-10',
      '2025-03-13',
    ]);
    expect(screen.getAllByTestId('plan-date-log')).toHaveLength(4);
  });

  it("shows booked sessions and logged days, and opens the logger prefilled for a day's Log", async () => {
    seedLogs({ sessions: [{ clientId: 'c7', date: '2025-03-06', id: 'sess-9' }] });
    seedTraining();
    installBackend([ben]);
    const plan = await addPlan({ name: 'Strength A', days, assign: { clientId: 'c7', startDate: '2025-03-03' } });
    const { log } = await api.logCreate({
      clientId: 'c7',
      performedOn: '2025-03-03',
      planId: plan.id,
      week: 1,
      dayIndex: 0,
      notes: '',
      sets: [{ exerciseId: SQUAT.id, itemIndex: 0, measure: 'reps', reps: 5, loadKg: 100 }],
    });
    const { user } = renderApp('/clients/c7?tab=plans');

    await waitFor(() => expect(screen.getAllByTestId('plan-date-row')).toHaveLength(2));
    const [monday, thursday] = screen.getAllByTestId('plan-date-row');
    expect(within(monday!).getByTestId('plan-date-logged')).toHaveAttribute('href', `/clients/c7/log/${log.id}`);
    expect(within(monday!).queryByTestId('plan-date-session')).not.toBeInTheDocument();
    expect(within(thursday!).getByTestId('plan-date-session')).toHaveTextContent('Session booked');

    await user.click(within(thursday!).getByTestId('plan-date-log'));
    expect(await screen.findByTestId('workout-logger')).toBeInTheDocument();
    expect(screen.getByTestId('log-context')).toHaveTextContent('Strength A · week 1 · Upper · for the booked session');
    await waitFor(() => expect(screen.getAllByTestId('log-set-row')).toHaveLength(3));
    expect(screen.getAllByTestId('log-load')[0]).toHaveValue('60');
  });
});
