// The new-client page: what happens once the client is created.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

describe('new client page', () => {
  it("opens the new client's page scrolled to the top", async () => {
    installBackend();
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { user } = renderApp('/clients/new');
    await user.type(await screen.findByTestId('client-name'), 'Dana Scully');
    await user.click(screen.getByTestId('client-save'));

    expect(await screen.findByTestId('client-detail-name')).toHaveTextContent('Dana Scully');
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });
});
