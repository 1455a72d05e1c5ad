// Closing a form with unsaved changes asks first (DiscardGuard) on the client form (Cancel) and
// the exercise editor (Cancel, Escape, the drawer's ×); an unchanged form closes at once.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend, makeClient } from '../test/backend';
import { seedTraining } from '../test/trainingBackend';
import { renderApp } from '../test/render';

describe('discard question on forms', () => {
  it('client edit: unchanged Cancel leaves at once; changed Cancel asks, Keep stays, Discard leaves', async () => {
    const backend = installBackend([makeClient({ id: 'c1', name: 'Anna Berg' })]);
    const { user } = renderApp('/clients/c1/edit');
    await user.click(await screen.findByTestId('client-cancel'));
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Anna Berg');
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('client-edit'));
    await user.type(await screen.findByTestId('client-name'), ' Lind');
    await user.click(screen.getByTestId('client-cancel'));
    await user.click(await screen.findByTestId('discard-keep'));
    expect(screen.getByTestId('client-name')).toHaveValue('Anna Berg Lind');

    await user.click(screen.getByTestId('client-cancel'));
    await user.click(await screen.findByTestId('discard-confirm'));
    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Anna Berg');
    expect(backend.callsTo('client_update')).toHaveLength(0);
  });

  it('exercise editor: Escape and Cancel with changes ask first; unchanged closes at once', async () => {
    seedTraining();
    const backend = installBackend();
    const { user } = renderApp('/training');
    await user.click(await screen.findByTestId('exercise-new'));
    const form = await screen.findByTestId('exercise-form');
    await user.click(within(form).getByTestId('exercise-cancel'));
    await waitFor(() => expect(screen.queryByTestId('exercise-form')).not.toBeInTheDocument());
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('exercise-new'));
    await user.type(within(await screen.findByTestId('exercise-form')).getByTestId('exercise-name'), 'Sled push');
    fireEvent.keyDown(screen.getByTestId('exercise-name'), { key: 'Escape' });
    await user.click(await screen.findByTestId('discard-keep'));
    expect(screen.getByTestId('exercise-name')).toHaveValue('Sled push');

    await user.click(screen.getByTestId('exercise-cancel'));
    await user.click(await screen.findByTestId('discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('exercise-form')).not.toBeInTheDocument());
    expect(backend.callsTo('exercise_create')).toHaveLength(0);
  });
});

describe('discard question: AI provider form', () => {
  it('asks before closing a changed provider form with Escape; unchanged Cancel closes at once', async () => {
    installBackend();
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-ai');
    await user.click(within(panel).getByTestId('ai-provider-add'));
    await user.click(within(await screen.findByTestId('ai-provider-form')).getByTestId('ai-provider-cancel'));
    await waitFor(() => expect(screen.queryByTestId('ai-provider-form')).not.toBeInTheDocument());
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

    await user.click(within(panel).getByTestId('ai-provider-add'));
    await user.type(within(await screen.findByTestId('ai-provider-form')).getByTestId('ai-provider-name'), 'Ollama');
    await user.keyboard('{Escape}');
    await user.click(await screen.findByTestId('discard-keep'));
    expect(screen.getByTestId('ai-provider-name')).toHaveValue('Ollama');
    await user.keyboard('{Escape}');
    await user.click(await screen.findByTestId('discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('ai-provider-form')).not.toBeInTheDocument());
  });
});
