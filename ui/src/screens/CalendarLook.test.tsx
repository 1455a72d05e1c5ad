// How sessions look on the calendar in every view (names, clearance flag, status) and how the
// calendar fits the window and the app's theme.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry, SessionStatus } from '../bindings';
import { useAppCss } from '../test/appCss';
import { installBackend, makeEntry } from '../test/backend';
import { renderApp } from '../test/render';

const WEEK: CalendarEntry[] = [
  makeEntry({ id: 'done', label: 'Anna Schmidt', status: 'completed', start: '2024-01-09T07:00:00Z', end: '2024-01-09T08:00:00Z' }),
  makeEntry({ id: 'missed', label: 'Ben Ode', status: 'no_show', start: '2024-01-10T07:00:00Z', end: '2024-01-10T08:00:00Z' }),
  makeEntry({ id: 'off', label: 'Carla Nunes', status: 'cancelled', start: '2024-01-11T07:00:00Z', end: '2024-01-11T08:00:00Z' }),
  makeEntry({
    id: 'next',
    label: 'Maximiliane Auguste von Hohenberg-Schwarzenfels',
    status: 'scheduled',
    needsClearance: true,
    start: '2024-01-12T07:00:00Z',
    end: '2024-01-12T08:00:00Z',
  }),
];

const WORD: Record<string, string> = { done: 'Completed', missed: 'No-show', off: 'Cancelled', next: 'Scheduled' };
const STATUS: Record<string, SessionStatus> = { done: 'completed', missed: 'no_show', off: 'cancelled', next: 'scheduled' };

async function eventsIn(view: string) {
  installBackend([], { calendar: WEEK });
  renderApp(`/calendar?date=2024-01-10&view=${view}`);
  await waitFor(() => expect(screen.getAllByTestId('calendar-event')).toHaveLength(4));
  const events = screen.getAllByTestId('calendar-event');
  return (id: string) => events.find((e) => e.dataset.sessionId === id)!;
}

describe('calendar events', () => {
  it('flags a missing clearance beside the name in the month, never instead of it', async () => {
    const event = await eventsIn('dayGridMonth');
    const title = event('next').querySelector('.fc-event-title')?.textContent;
    expect(title).toBe('⚑ Maximiliane Auguste von Hohenberg-Schwarzenfels');
    expect(event('next')).toHaveAttribute('title', expect.stringContaining('Needs medical clearance'));
    expect(event('done').querySelector('.fc-event-title')?.textContent).toBe('✓ Anna Schmidt');
  });

  it.each(['timeGridWeek', 'dayGridMonth', 'listWeek'])('shows each status in the %s view, in marks and in words', async (view) => {
    const event = await eventsIn(view);
    const marks: Record<string, string> = { done: '✓ Anna Schmidt', missed: '✗ Ben Ode', off: '⊘ Carla Nunes', next: '⚑ Maximiliane' };
    for (const id of Object.keys(WORD)) {
      expect(event(id)).toHaveClass(`spotter-status-${STATUS[id]}`);
      expect(event(id).textContent).toContain(marks[id]);
      expect(event(id).getAttribute('title')).toContain(WORD[id]);
      expect(event(id).getAttribute('aria-label')).toContain(WORD[id]);
    }
    expect(event('missed').getAttribute('aria-label')).toMatch(/^(07:00( - 08:00)? )?Ben Ode, No-show$/);
  });

  it('shows a group session with its title and how full it is', async () => {
    installBackend([], {
      calendar: [
        makeEntry({ id: 'hiit', kind: 'class', label: 'Morning HIIT', capacity: 4, booked: 3, start: '2024-01-09T07:00:00Z', end: '2024-01-09T08:00:00Z' }),
        makeEntry({ id: 'open', kind: 'class', label: 'Open gym', booked: 5, start: '2024-01-10T07:00:00Z', end: '2024-01-10T08:00:00Z' }),
        makeEntry({ id: 'pt', label: 'Anna Schmidt', start: '2024-01-11T07:00:00Z', end: '2024-01-11T08:00:00Z' }),
      ],
    });
    renderApp('/calendar?date=2024-01-10&view=dayGridMonth');
    await waitFor(() => expect(screen.getAllByTestId('calendar-event')).toHaveLength(3));
    const event = (id: string) => screen.getAllByTestId('calendar-event').find((e) => e.dataset.sessionId === id)!;
    expect(event('hiit').querySelector('.fc-event-title')?.textContent).toBe('Morning HIIT 3/4');
    expect(event('hiit').getAttribute('title')).toContain('Morning HIIT, 3 of 4 booked, Scheduled');
    expect(event('open').querySelector('.fc-event-title')?.textContent).toBe('Open gym (5)');
    expect(event('pt').querySelector('.fc-event-title')?.textContent).toBe('Anna Schmidt');
  });

  it('fills the window below its header, with toolbar buttons in the app theme', async () => {
    useAppCss();
    installBackend();
    renderApp('/calendar?date=2024-01-10');
    const calendar = await screen.findByTestId('calendar');
    const page = screen.getByTestId('calendar-screen');
    expect(page).toContainElement(calendar);
    expect(getComputedStyle(page).display).toBe('flex');
    expect(getComputedStyle(page).height).toBe('calc(100vh - 2 * var(--app-shell-padding, 0px))');
    expect(getComputedStyle(calendar).flexGrow).toBe('1');

    const look = getComputedStyle(calendar);
    expect(look.getPropertyValue('--fc-button-bg-color').trim()).toBe('var(--mantine-primary-color-light)');
    expect(look.getPropertyValue('--fc-button-active-bg-color').trim()).toBe('var(--mantine-primary-color-filled)');
    const today = await waitFor(() => {
      const button = calendar.querySelector<HTMLElement>('.fc-today-button');
      expect(button).not.toBeNull();
      return button!;
    });
    expect(getComputedStyle(today).borderRadius).toBe('var(--mantine-radius-default)');
  });
});
