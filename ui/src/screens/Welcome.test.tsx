import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WelcomeInput } from '../bindings';
import { installBackend, makeClient } from '../test/backend';
import { renderApp } from '../test/render';

const demoClients = [makeClient({ id: 'd1', name: 'Anna Schmidt' }), makeClient({ id: 'd2', name: 'José Núñez' })];

describe('first start', () => {
  it('asks name, zone, units and formats on an empty database, then lands on the dashboard', async () => {
    const backend = installBackend([], { firstStart: { needsWelcome: true } });
    const { user } = renderApp('/dashboard');
    await screen.findByTestId('welcome');
    expect(screen.queryByTestId('nav-dashboard')).toBeNull();

    // Every field's answer goes along; an empty name is refused at its field.
    await user.click(screen.getByTestId('welcome-start'));
    expect(await screen.findByText('Your name is needed')).toBeInTheDocument();
    await user.type(screen.getByTestId('welcome-name'), 'Maria Keller');
    await user.click(screen.getByRole('radio', { name: 'lb, in' }));
    await user.click(screen.getByRole('radio', { name: 'Sunday' }));
    await user.click(screen.getByTestId('welcome-start'));

    await waitFor(() => expect(screen.queryByTestId('welcome')).toBeNull());
    const sent = backend.callsTo('welcome_complete').at(-1)!.args.welcome as WelcomeInput;
    expect(sent).toMatchObject({ name: 'Maria Keller', units: 'imperial', weekStart: 'sunday' });
    expect(sent.timeZone).not.toBe('');
    expect(screen.queryByTestId('demo-band')).toBeNull();
  });

  it('explores the demo data, clearly marked, and comes back to the empty real data in one click', async () => {
    const backend = installBackend([], { firstStart: { needsWelcome: true, demoClients } });
    const { user } = renderApp('/dashboard');
    await user.click(await screen.findByTestId('welcome-demo'));

    expect(await screen.findByTestId('demo-band')).toHaveTextContent(/Demo data/);
    expect(backend.callsTo('data_dir_use').at(-1)!.args).toEqual({ demo: true });
    await user.click(screen.getByRole('link', { name: /Clients/ }));
    expect(await screen.findByText('José Núñez')).toBeInTheDocument();

    await user.click(screen.getByTestId('demo-back'));
    expect(await screen.findByTestId('welcome')).toBeInTheDocument();
    expect(backend.callsTo('data_dir_use').at(-1)!.args).toEqual({ demo: false });
    expect(screen.queryByTestId('demo-band')).toBeNull();
  });

  it('does not greet a database that is already set up', async () => {
    installBackend([], { firstStart: { needsWelcome: false } });
    renderApp('/dashboard');
    await waitFor(() => expect(screen.getAllByRole('link', { name: /Dashboard/ }).length).toBeGreaterThan(0));
    expect(screen.queryByTestId('welcome')).toBeNull();
  });
});
