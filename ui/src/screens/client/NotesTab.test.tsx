import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient } from '../../test/backend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });
const items = () => screen.queryAllByTestId('note-item').map((n) => n.textContent ?? '');

describe('notes', () => {
  it('adds notes newest first, with Ctrl+Enter too, and deletes one after confirming', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=notes');

    expect(await screen.findByTestId('notes-empty')).toBeInTheDocument();
    await user.type(screen.getByTestId('note-body'), 'Squat 60 kg x 5, knee fine');
    await user.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(screen.getByTestId('note-body')).toHaveValue('');

    await user.type(screen.getByTestId('note-body'), 'Wants to try running again{Enter}Check in 2 weeks');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items()[0]).toContain('Wants to try running again');
    expect(items()[1]).toContain('Squat 60 kg x 5');
    expect(backend.callsTo('note_add')[1]!.args).toEqual({
      client: 'c1',
      body: 'Wants to try running again\nCheck in 2 weeks',
    });
    // Each note carries its time.
    expect(within(screen.getAllByTestId('note-item')[0]!).getByTestId('note-time').textContent).not.toBe('');

    // Delete asks first; "Keep" changes nothing.
    const newest = screen.getAllByTestId('note-item')[0]!;
    await user.click(within(newest).getByTestId('note-delete'));
    await user.click(await screen.findByRole('button', { name: 'Keep', hidden: true }));
    expect(backend.callsTo('note_delete')).toHaveLength(0);

    await user.click(within(newest).getByTestId('note-delete'));
    await user.click(await screen.findByTestId('note-delete-confirm'));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toContain('Squat 60 kg x 5');
    expect(backend.callsTo('note_delete')).toHaveLength(1);
  });

  it('shows "write the note first" at the note field', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1?tab=notes');

    await user.type(await screen.findByTestId('note-body'), '   ');
    await user.click(screen.getByTestId('note-save'));
    expect(await screen.findByTestId('note-body-error')).toHaveTextContent('Write the note first');
    expect(backend.notes()).toHaveLength(0);

    await user.type(screen.getByTestId('note-body'), 'ok');
    expect(screen.queryByTestId('note-body-error')).not.toBeInTheDocument();
  });
});
