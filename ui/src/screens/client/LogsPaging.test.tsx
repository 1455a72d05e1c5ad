// A client with hundreds of workouts: the Logs tab shows the first page with the total, and
// "Load more" asks logs_list for the next page until every log is shown.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorkoutLog } from '../../bindings';
import { LOG_PAGE } from '../../clientTraining/queries';
import { installBackend, makeClient } from '../../test/backend';
import { seedLogs, SQUAT } from '../../test/logsBackend';
import { seedTraining } from '../../test/trainingBackend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });

function logOn(i: number): WorkoutLog {
  const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
  return {
    id: `log-${String(i).padStart(3, '0')}`,
    clientId: 'c1',
    performedOn: date,
    planId: null,
    planName: null,
    planVersion: null,
    week: null,
    dayIndex: null,
    sessionId: null,
    notes: '',
    sets: [{ id: `s${i}`, exerciseId: SQUAT.id, exerciseName: SQUAT.name, itemIndex: null, reps: 5, loadKg: 60, rpe: null, e1rmKg: 70 } as WorkoutLog['sets'][number]],
  };
}

describe('logs tab paging', () => {
  it('shows 294 workouts a page at a time, newest first, with Load more', async () => {
    seedLogs({ logs: Array.from({ length: 294 }, (_, i) => logOn(i)) });
    seedTraining();
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=logs');

    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(LOG_PAGE));
    expect(screen.getByText('294 workouts logged')).toBeInTheDocument();
    expect(screen.getAllByTestId('log-row')[0]!.dataset.logId).toBe('log-293');
    expect(backend.callsTo('logs_list')[0]!.args).toEqual({ client: 'c1', offset: 0, limit: LOG_PAGE });

    await user.click(screen.getByTestId('logs-more'));
    await waitFor(() => expect(screen.getAllByTestId('log-row')).toHaveLength(2 * LOG_PAGE));
    expect(backend.callsTo('logs_list')[1]!.args).toEqual({ client: 'c1', offset: LOG_PAGE, limit: LOG_PAGE });

    while (screen.queryByTestId('logs-more')) {
      const before = screen.getAllByTestId('log-row').length;
      await user.click(screen.getByTestId('logs-more'));
      await waitFor(() => expect(screen.getAllByTestId('log-row').length).toBeGreaterThan(before));
    }
    const ids = screen.getAllByTestId('log-row').map((r) => r.dataset.logId);
    expect(ids).toHaveLength(294);
    expect(new Set(ids).size).toBe(294);
    expect(ids.at(-1)).toBe('log-000');
  });
});
