// The trainer dialog in Settings: closing it with unsaved changes asks first.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

describe('trainer dialog', () => {
  it('closes at once when unchanged, and asks before Escape or Cancel throw away changes', async () => {
    installBackend();
    const { user } = renderApp('/settings');

    await user.click(await screen.findByTestId('trainer-row'));
    expect(await screen.findByTestId('trainer-dialog')).toBeInTheDocument();
    await user.click(screen.getByTestId('trainer-cancel'));
    await waitFor(() => expect(screen.queryByTestId('trainer-name')).not.toBeInTheDocument());
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('trainer-row'));
    await user.type(await screen.findByTestId('trainer-name'), ' Smith');
    await user.keyboard('{Escape}');
    await user.click(await screen.findByTestId('discard-keep'));
    await waitFor(() => expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('trainer-name')).toHaveValue('Me Smith');

    await user.click(screen.getByTestId('trainer-cancel'));
    await user.click(await screen.findByTestId('discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('trainer-name')).not.toBeInTheDocument());
  });
});
