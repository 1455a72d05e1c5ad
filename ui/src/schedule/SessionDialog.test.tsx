import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FreeSlot, FreeSlotQuery, SessionInput } from '../bindings';
import { installBackend, makeClient, makeSession, ME } from '../test/backend';
import { renderWithProviders } from '../test/render';
import { SessionDialog } from './SessionDialog';

const greta = makeClient({ name: 'Greta Weiß' });

function open(onSaved = vi.fn(), onClose = vi.fn()) {
  const utils = renderWithProviders(
    <SessionDialog
      target={{ mode: 'create', trainer: ME, startLocal: '2026-11-24T18:00', endLocal: '2026-11-24T19:00', clientId: greta.id }}
      trainers={[ME]}
      onClose={onClose}
      onSaved={onSaved}
    />,
  );
  return { ...utils, onSaved, onClose };
}

describe('session dialog', () => {
  it('explains conflicts and saves only after an explicit override', async () => {
    const backend = installBackend([greta]);
    backend.once('session_create', () => ({
      outcome: 'conflicts',
      conflicts: [
        {
          kind: 'trainer_busy',
          message: 'Me is already booked Tue 24 Nov 18:00–19:00: José Núñez',
          start: '2026-11-24T18:00:00Z',
          withSessionId: 'x',
          withLabel: 'José Núñez',
          withStart: '2026-11-24T18:00:00Z',
          withEnd: '2026-11-24T19:00:00Z',
          clientId: null,
        },
      ],
    }));
    const { user, onSaved } = open();

    await user.click(await screen.findByTestId('session-save'));
    const item = await screen.findByTestId('conflict-item');
    expect(item).toHaveTextContent('Trainer busy');
    expect(item).toHaveTextContent('already booked');
    expect(onSaved).not.toHaveBeenCalled();

    const saved = makeSession({ id: 'new', start: '2026-11-24T18:00:00Z', end: '2026-11-24T19:00:00Z' });
    backend.once('session_create', () => ({ outcome: 'saved', sessions: [saved], conflictsOverridden: 1 }));
    await user.click(screen.getByTestId('conflict-override'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [first, second] = backend.callsTo('session_create').map((c) => c.args.input as SessionInput);
    expect(first).toMatchObject({
      trainerId: 't1',
      clientIds: [greta.id],
      start: '2026-11-24T18:00',
      end: '2026-11-24T19:00',
      timeZone: 'UTC',
      overrideConflicts: false,
      recurrence: null,
    });
    expect(second?.overrideConflicts).toBe(true);
  });

  it('sends a weekly recurrence and shows a backend error at its field', async () => {
    const backend = installBackend([greta]);
    backend.once('session_create', () => {
      throw { code: 'validation', field: 'end', message: 'The session must end after it starts' };
    });
    const { user } = open();

    await user.click(await screen.findByTestId('session-repeat'));
    await user.click(screen.getByText('Thu'));
    await user.click(screen.getByTestId('session-save'));
    expect(await screen.findByText('The session must end after it starts')).toBeInTheDocument();
    const input = backend.callsTo('session_create')[0]?.args.input as SessionInput;
    expect(input.recurrence).toEqual({ weekdays: [2, 4], intervalWeeks: 1, until: null, count: 10 });
  });

  it('closes at once when nothing was changed', async () => {
    installBackend([greta]);
    const { user, onClose } = open();
    await user.click(await screen.findByTestId('session-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();
  });

  it('asks before Escape, the × or Close throw away changes', async () => {
    installBackend([greta]);
    const { user, onClose } = open();
    await user.type(await screen.findByTestId('session-notes'), 'Bring the kettlebells');

    // Escape asks; Escape again (or Keep editing) goes back to the form, nothing lost.
    await user.keyboard('{Escape}');
    expect(await screen.findByTestId('discard-dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument());
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('session-notes')).toHaveValue('Bring the kettlebells');

    // The × in the header asks too.
    const dialog = screen.getByTestId('session-dialog');
    await user.click(dialog.querySelector<HTMLElement>('.mantine-Modal-close')!);
    await user.click(await screen.findByTestId('discard-keep'));
    await waitFor(() => expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument());
    expect(onClose).not.toHaveBeenCalled();

    // Close, then Discard changes, closes.
    await user.click(screen.getByTestId('session-close'));
    await user.click(await screen.findByTestId('discard-confirm'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes an existing session at once when nothing was changed', async () => {
    installBackend([greta]);
    const onClose = vi.fn();
    const session = makeSession({
      id: 's1',
      start: '2026-11-24T18:00:00Z',
      end: '2026-11-24T19:00:00Z',
      label: greta.name,
      participants: [{ clientId: greta.id, name: greta.name, attendance: 'expected', needsClearance: false }],
    });
    const { user } = renderWithProviders(
      <SessionDialog target={{ mode: 'edit', session }} trainers={[ME]} onClose={onClose} onSaved={vi.fn()} />,
    );
    await user.click(await screen.findByTestId('session-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();
  });

  it('offers the next three free slots from the requested time, and later ones on request', async () => {
    const backend = installBackend([greta]);
    const conflict = {
      kind: 'trainer_busy' as const,
      message: 'Me is already booked Thu 10 Jun 18:00–19:00: José Núñez',
      start: '2027-06-10T18:00:00Z',
      withSessionId: 'x',
      withLabel: 'José Núñez',
      withStart: '2027-06-10T18:00:00Z',
      withEnd: '2027-06-10T19:00:00Z',
      clientId: null,
    };
    backend.once('session_create', () => ({ outcome: 'conflicts', conflicts: [conflict] }));
    const slot = (start: string, end: string): FreeSlot => ({
      start: `${start}:00Z`,
      end: `${end}:00Z`,
      timeZone: 'UTC',
      localStart: start,
      localEnd: end,
    });
    backend.once('free_slot_find', () => [
      slot('2027-06-10T19:00', '2027-06-10T20:00'),
      slot('2027-06-10T20:00', '2027-06-10T21:00'),
      slot('2027-06-11T07:00', '2027-06-11T08:00'),
    ]);
    const { user } = renderWithProviders(
      <SessionDialog
        target={{ mode: 'create', trainer: ME, startLocal: '2027-06-10T18:00', endLocal: '2027-06-10T19:00', clientId: greta.id }}
        trainers={[ME]}
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    );
    await user.click(await screen.findByTestId('session-save'));
    await user.click(await screen.findByTestId('conflict-free-slot'));

    // Searched from Thursday 18:00, the time asked for, not from now; three alternatives.
    const first = backend.callsTo('free_slot_find')[0]?.args.query as FreeSlotQuery;
    expect(first).toMatchObject({ after: '2027-06-10T18:00:00.000Z', count: 3, durationMinutes: 60, clientIds: [greta.id] });
    const shown = await screen.findAllByTestId('free-slot-when');
    expect(shown.map((s) => s.dataset.when)).toEqual(['2027-06-10 19:00', '2027-06-10 20:00', '2027-06-11 07:00']);
    // Read in the trainer's date format, like every other date.
    expect(shown[0]).toHaveTextContent(/^Thu 10 Jun 2027, 19:00/);

    // "Later" continues after the last one offered instead of offering the same slot again.
    backend.once('free_slot_find', () => [slot('2027-06-11T08:00', '2027-06-11T09:00')]);
    await user.click(screen.getByTestId('free-slot-later'));
    const second = backend.callsTo('free_slot_find')[1]?.args.query as FreeSlotQuery;
    expect(second.after).toBe('2027-06-11T08:00:00.000Z');
    await waitFor(() => expect(screen.getAllByTestId('free-slot-when').map((s) => s.dataset.when)).toEqual(['2027-06-11 08:00']));

    // Taking one moves the form there.
    await user.click(screen.getByTestId('free-slot-use'));
    expect(screen.queryByTestId('conflict-list')).not.toBeInTheDocument();
    expect(screen.getByTestId('session-start')).toHaveValue('08:00');
  });

  it('warns with the reason when a client who needs medical clearance is booked, series included', async () => {
    const flagged = makeClient({ name: 'Carla Nunes', needsClearance: true });
    installBackend([greta, flagged], {
      intakes: [
        {
          id: 'i1',
          clientId: flagged.id,
          answeredOn: '2025-01-20',
          answers: [false, false, true, false, false, false, false],
          notes: '',
          anyYes: true,
          createdAt: '2025-01-20T10:00:00Z',
        },
      ],
    });
    const { user } = renderWithProviders(
      <SessionDialog
        target={{ mode: 'create', trainer: ME, startLocal: '2027-06-10T18:00', endLocal: '2027-06-10T19:00', clientId: flagged.id }}
        trainers={[ME]}
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    );
    // The warning names her and the question she answered "yes".
    const warning = await screen.findByTestId('clearance-warning');
    expect(warning).toHaveTextContent('Carla Nunes needs medical clearance before training: the PAR-Q+ of 2025-01-20');
    expect(warning).toHaveTextContent('Do you lose balance because of dizziness');
    expect(warning).toHaveTextContent('You can still book this session');

    await user.click(screen.getByTestId('session-repeat'));
    expect(screen.getByTestId('clearance-warning')).toHaveTextContent('You can still book this series');
  });
});
