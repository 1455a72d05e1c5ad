import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClientProgress, Measurement } from '../../bindings';
import { installBackend, makeClient } from '../../test/backend';
import { answerDialog, dialogRequests } from '../../test/dialogBackend';
import { seedLogs } from '../../test/logsBackend';
import { renderApp } from '../../test/render';

const greta = makeClient({ id: 'c1', name: 'Greta Weiß' });

const progress: ClientProgress = {
  e1rm: [
    {
      exerciseId: 'ex-squat',
      exerciseName: 'Back Squat',
      points: [
        { date: '2025-01-06', e1rmKg: 116.7 },
        { date: '2025-01-13', e1rmKg: 120 },
      ],
    },
    { exerciseId: 'ex-bench', exerciseName: 'Bench Press', points: [{ date: '2025-01-09', e1rmKg: 76 }] },
  ],
  weeklyVolume: [
    { weekStart: '2025-01-06', muscle: 'quads', sets: 6, volumeKg: 3000 },
    { weekStart: '2025-01-06', muscle: 'chest', sets: 3, volumeKg: 1440 },
    { weekStart: '2025-01-13', muscle: 'quads', sets: 5, volumeKg: 3000 },
  ],
  records: [
    {
      exerciseId: 'ex-squat',
      exerciseName: 'Back Squat',
      bestE1rmEpleyKg: 120,
      bestE1rmBrzyckiKg: 116.1,
      bestE1rmOn: '2025-01-13',
      bestVolumeKg: 3000,
      bestVolumeOn: '2025-01-06',
      maxReps: 6,
      workouts: 2,
    },
  ],
  adherence: [
    { planId: 'p1', planName: 'Strength A', week: 1, weekStart: '2025-01-06', prescribedSets: 12, completedSets: 12 },
    { planId: 'p1', planName: 'Strength A', week: 2, weekStart: '2025-01-13', prescribedSets: 12, completedSets: 6 },
  ],
};

const weight = (id: string, measuredOn: string, kg: number): Measurement => ({
  id,
  clientId: 'c1',
  measuredOn,
  metric: 'body_weight',
  customName: null,
  value: kg,
  unit: 'kg',
  createdAt: `${measuredOn}T10:00:00Z`,
});

describe('progress tab', () => {
  it('charts strength, volume, adherence and measurements, and lists the records', async () => {
    seedLogs({ progress: { c1: progress } });
    installBackend([greta], { measurements: [weight('m1', '2025-01-05', 72), weight('m2', '2025-02-05', 71)] });
    renderApp('/clients/c1?tab=progress');

    const tab = await screen.findByTestId('progress-tab');
    await waitFor(() => expect(screen.getByTestId('records-table')).toBeInTheDocument());
    for (const part of ['progress-e1rm', 'progress-volume', 'progress-adherence', 'progress-measurements']) {
      expect(within(tab).getByTestId(part)).toBeInTheDocument();
      expect(within(tab).queryByTestId(`${part}-empty`)).not.toBeInTheDocument();
    }
    // One chip per exercise; the most logged one is charted to start with.
    const chips = within(screen.getByTestId('progress-e1rm')).getAllByRole('checkbox');
    expect(chips).toHaveLength(2);
    expect(chips[0]).toBeChecked();
    expect(chips[1]).not.toBeChecked();
    expect(screen.getByTestId('progress-adherence-overall')).toHaveTextContent('75% of prescribed sets done (18 of 24)');

    const row = within(screen.getByTestId('records-table')).getByTestId('records-row');
    expect(row).toHaveTextContent('Back Squat');
    expect(row).toHaveTextContent('120 kg');
    expect(row).toHaveTextContent('116.1 kg');
    expect(row).toHaveTextContent('3000 kg');
    expect(await screen.findByTestId('measurement-chart')).toHaveAttribute('data-series', 'body_weight');
  });

  it('says what to do while there is nothing to chart', async () => {
    installBackend([greta]);
    renderApp('/clients/c1?tab=progress');

    expect(await screen.findByTestId('progress-e1rm-empty')).toHaveTextContent('No workouts logged yet');
    expect(screen.getByTestId('progress-volume-empty')).toBeInTheDocument();
    expect(screen.getByTestId('progress-records-empty')).toBeInTheDocument();
    expect(screen.getByTestId('progress-adherence-empty')).toHaveTextContent('Assign a plan');
    expect(await screen.findByTestId('progress-measurements-empty')).toHaveTextContent('Measurements tab');
    expect(screen.queryByTestId('records-table')).not.toBeInTheDocument();
  });

  it('saves the progress report where the save dialog says and opens it; a write error is shown', async () => {
    const backend = installBackend([greta]);
    const { user } = renderApp('/clients/c1?tab=progress');

    await user.click(await screen.findByTestId('report-pdf'));
    const save = await screen.findByTestId('pdf-save');
    expect(screen.queryByTestId('pdf-path')).not.toBeInTheDocument();

    // A file the backend refuses (the dialog's filter is only a hint): the message is shown.
    answerDialog('/tmp/report.txt');
    await user.click(save);
    expect(await screen.findByTestId('pdf-path-error')).toHaveTextContent('.pdf');

    answerDialog('/tmp/greta.pdf');
    await user.click(screen.getByTestId('pdf-save'));
    expect(await screen.findByTestId('pdf-saved')).toHaveTextContent('/tmp/greta.pdf');
    expect(dialogRequests.map((r) => [r.kind, r.suggested])).toEqual([
      ['report_pdf', 'progress-greta-weiss.pdf'],
      ['report_pdf', 'progress-greta-weiss.pdf'],
    ]);
    expect(backend.callsTo('client_report_save').at(-1)!.args).toEqual({
      client: 'c1',
      path: '/tmp/greta.pdf',
      range: { from: null, to: null },
      replace: true,
    });
    await user.click(screen.getByTestId('pdf-open'));
    await waitFor(() => expect(backend.callsTo('file_open')[0]!.args).toEqual({ path: '/tmp/greta.pdf' }));
  });

  it('replaces a file the trainer chose in the save dialog (the dialog asked already)', async () => {
    const backend = installBackend([greta], { existingFiles: ['/tmp/greta.pdf'] });
    const { user } = renderApp('/clients/c1?tab=progress');
    await user.click(await screen.findByTestId('report-pdf'));
    answerDialog('/tmp/greta.pdf');
    await user.click(await screen.findByTestId('pdf-save'));
    expect(await screen.findByTestId('pdf-saved')).toHaveTextContent('/tmp/greta.pdf');
    expect(backend.callsTo('client_report_save').map((c) => c.args.replace)).toEqual([true]);
  });

  it('prints the report over a period the trainer picks, a bad period refused at its field', async () => {
    const backend = installBackend([greta]);
    const { user } = renderApp('/clients/c1?tab=progress');
    await user.click(await screen.findByTestId('report-pdf'));

    await user.type(await screen.findByTestId('report-from'), '2025-03-01');
    await user.type(screen.getByTestId('report-to'), '2025-02-01');
    await user.click(screen.getByTestId('pdf-save'));
    expect(await screen.findByTestId('report-to-error')).toHaveTextContent('end on or after');
    expect(screen.queryByTestId('pdf-path-error')).not.toBeInTheDocument();

    await user.clear(screen.getByTestId('report-to'));
    await user.type(screen.getByTestId('report-to'), '2025-05-31');
    await user.click(screen.getByTestId('pdf-save'));
    expect(await screen.findByTestId('pdf-saved')).toBeInTheDocument();
    expect(backend.callsTo('client_report_save').at(-1)!.args.range).toEqual({ from: '2025-03-01', to: '2025-05-31' });
  });
});
