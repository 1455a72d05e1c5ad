// Ctrl+K finds exercises, plans and templates, and sessions by client and date, grouped by
// kind; Enter or a click opens each where it lives.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient, makeEntry, makeSession } from '../test/backend';
import { addPlan } from '../test/logsBackend';
import { seedTraining } from '../test/trainingBackend';
import { renderApp } from '../test/render';

async function openPalette() {
  await screen.findByTestId('app-ready');
  fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true });
  return screen.findByTestId('spotlight-search');
}

// Mantine draws a group's label from a CSS variable on the group.
const groupOf = (action: HTMLElement) =>
  action.closest<HTMLElement>('.mantine-Spotlight-actionsGroup')?.style.getPropertyValue('--spotlight-label').replace(/^['"]|['"]$/g, '');

describe('spotlight finds', () => {
  it('finds an exercise and Enter opens it in the library', async () => {
    seedTraining();
    const backend = installBackend();
    const { user } = renderApp('/dashboard');
    const search = await openPalette();
    await user.type(search, 'back squat');
    const hit = await screen.findByTestId('spotlight-exercise');
    expect(hit).toHaveTextContent('Back Squat');
    expect(groupOf(hit)).toBe('Exercises');
    expect(backend.callsTo('quick_find').map((c) => c.args.text)).toContain('back squat');
    await waitFor(() => expect(hit).toHaveAttribute('data-selected', 'true'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('exercise-drawer')).toHaveTextContent('Back Squat'));
  });

  it('finds plans and templates, grouped, and opens one in the plan builder', async () => {
    seedTraining();
    installBackend([makeClient({ id: 'c1', name: 'Anna Berg' })]);
    await addPlan({ name: 'Zephyr base', days: [{ name: 'A', dayOffset: 0, items: [] }], template: true });
    await addPlan({ name: 'Zephyr Anna', days: [{ name: 'A', dayOffset: 0, items: [] }], assign: { clientId: 'c1', startDate: '2025-02-03' } });
    const { user } = renderApp('/dashboard');
    const search = await openPalette();
    await user.type(search, 'zephyr');
    await waitFor(() => expect(screen.getAllByTestId('spotlight-plan')).toHaveLength(2));
    expect(screen.getAllByTestId('spotlight-plan').map(groupOf)).toEqual(['Plans and templates', 'Plans and templates']);
    const template = screen.getAllByTestId('spotlight-plan').find((p) => p.textContent?.includes('Template'))!;
    expect(template).toHaveTextContent('Zephyr base');
    await user.click(template);
    expect(await screen.findByTestId('plan-name')).toHaveValue('Zephyr base');
  });

  it('finds a session by client and date and opens it on its day with its dialog', async () => {
    const session = makeSession({ id: 's9', start: '2025-02-03T17:00:00Z', end: '2025-02-03T18:00:00Z', label: 'Anna Berg' });
    const backend = installBackend([makeClient({ id: 'c1', name: 'Anna Berg' })], {
      calendar: [
        makeEntry({ id: 's8', label: 'Anna Berg', start: '2025-02-01T17:00:00Z', end: '2025-02-01T18:00:00Z' }),
        makeEntry({ id: 's9', label: 'Anna Berg', start: '2025-02-03T17:00:00Z', end: '2025-02-03T18:00:00Z' }),
      ],
      today: [session],
    });
    const { user } = renderApp('/dashboard');
    const search = await openPalette();
    await user.type(search, 'anna 2025-02-03');
    await waitFor(() => expect(screen.getAllByTestId('spotlight-session')).toHaveLength(1));
    const hit = screen.getByTestId('spotlight-session');
    expect(hit).toHaveTextContent('Anna Berg');
    expect(hit).toHaveTextContent('17:00');
    expect(groupOf(hit)).toBe('Sessions');
    await user.click(hit);
    expect(await screen.findByTestId('session-dialog')).toBeInTheDocument();
    expect(backend.callsTo('session_get').map((c) => c.args.id)).toContain('s9');
    expect(await screen.findByTestId('calendar')).toBeInTheDocument();
  });

  it('says nothing was found when no kind matches', async () => {
    installBackend();
    const { user } = renderApp('/dashboard');
    const search = await openPalette();
    await user.type(search, 'zzqx');
    await waitFor(() => expect(screen.getByText('Nothing found')).toBeInTheDocument());
  });
});
