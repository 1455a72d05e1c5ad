// Editing a client note in place: Save writes through note_update and shows "edited", the
// core's field error shows at the field, and Cancel/Escape with changes asks first.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClientNote } from '../../bindings';
import { installBackend, makeClient } from '../../test/backend';
import { renderApp } from '../../test/render';

const anna = makeClient({ id: 'c1', name: 'Anna Berg' });
const note: ClientNote = {
  id: 'n1',
  clientId: 'c1',
  body: 'Knee fine',
  createdAt: '2025-01-20T10:00:00Z',
  updatedAt: '2025-01-20T10:00:00Z',
};

describe('editing a note', () => {
  it('saves the new text, keeps the note in place and says it was edited', async () => {
    const backend = installBackend([anna], { notes: [note] });
    const { user } = renderApp('/clients/c1?tab=notes');

    const item = await screen.findByTestId('note-item');
    expect(within(item).queryByTestId('note-edited')).not.toBeInTheDocument();
    await user.click(within(item).getByTestId('note-edit'));
    const field = screen.getByTestId('note-edit-body');
    expect(field).toHaveValue('Knee fine');
    await user.clear(field);
    await user.type(field, 'Knee fine; hip tight');
    await user.click(screen.getByTestId('note-edit-save'));

    await waitFor(() => expect(screen.queryByTestId('note-edit-body')).not.toBeInTheDocument());
    expect(backend.callsTo('note_update').map((c) => c.args)).toEqual([{ id: 'n1', body: 'Knee fine; hip tight' }]);
    const saved = screen.getByTestId('note-item');
    expect(saved).toHaveTextContent('Knee fine; hip tight');
    expect(within(saved).getByTestId('note-edited')).toBeInTheDocument();
    expect(backend.notes()).toHaveLength(1);
  });

  it('shows the field error and saves nothing for an empty note', async () => {
    const backend = installBackend([anna], { notes: [note] });
    const { user } = renderApp('/clients/c1?tab=notes');

    await user.click(await screen.findByTestId('note-edit'));
    await user.clear(screen.getByTestId('note-edit-body'));
    await user.click(screen.getByTestId('note-edit-save'));
    expect(await screen.findByTestId('note-edit-error')).toHaveTextContent('Write the note first');
    expect(backend.notes()[0]!.body).toBe('Knee fine');
  });

  it('asks before throwing away a changed text (Escape or Cancel); unchanged closes at once', async () => {
    const backend = installBackend([anna], { notes: [note] });
    const { user } = renderApp('/clients/c1?tab=notes');

    await user.click(await screen.findByTestId('note-edit'));
    await user.click(screen.getByTestId('note-edit-cancel'));
    expect(screen.queryByTestId('note-edit-body')).not.toBeInTheDocument();
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('note-edit'));
    await user.type(screen.getByTestId('note-edit-body'), ' and more');
    await user.keyboard('{Escape}');
    await user.click(await screen.findByTestId('discard-keep'));
    expect(screen.getByTestId('note-edit-body')).toHaveValue('Knee fine and more');

    await user.click(screen.getByTestId('note-edit-cancel'));
    await user.click(await screen.findByTestId('discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('note-edit-body')).not.toBeInTheDocument());
    expect(screen.getByTestId('note-item')).toHaveTextContent('Knee fine');
    expect(backend.callsTo('note_update')).toHaveLength(0);
  });
});
