import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../bindings';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';
import { pick } from '../training/testing';

const anna = makeClient({ id: 'c1', name: 'Anna Berg', dateOfBirth: '1990-04-02' });

describe('Settings → Preferences: dates and times', () => {
  it('a new date setting is saved and every screen reads dates that way', async () => {
    const backend = installBackend([anna]);
    const { user } = renderApp('/clients/c1');
    expect(await screen.findByText(/2 Apr 1990/)).toBeInTheDocument();

    await user.click(screen.getByTestId('nav-settings'));
    const locale = await screen.findByTestId('settings-locale');
    await pick(user, locale, /English \(US\)/);
    await waitFor(() => expect(backend.callsTo('settings_set')).toHaveLength(1));
    expect((backend.callsTo('settings_set')[0]!.args.settings as Settings).locale).toBe('en-US');
    await user.click(screen.getByRole('radio', { name: '5:00 PM' }));
    await user.click(screen.getByRole('radio', { name: 'Sunday' }));
    await waitFor(() => expect(backend.callsTo('settings_set')).toHaveLength(3));
    expect(backend.callsTo('settings_set').at(-1)!.args.settings).toMatchObject({ locale: 'en-US', clock: 'h12', weekStart: 'sunday' });

    await user.click(screen.getByTestId('nav-clients'));
    await user.click(await screen.findByText('Anna Berg'));
    expect(await screen.findByText(/Apr 2, 1990/)).toBeInTheDocument();
    expect(screen.queryByText(/2 Apr 1990/)).toBeNull();
  });
});
