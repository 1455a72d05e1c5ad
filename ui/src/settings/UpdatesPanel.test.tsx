// Settings → Updates against the stand-in update commands (test/updatesBackend.ts): what the
// trainer sees for each answer of the update server and each way an install ends.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../bindings';
import { DEFAULT_SETTINGS, installBackend } from '../test/backend';
import { renderApp } from '../test/render';
import { updateServer } from '../test/updatesBackend';

const OFFER = { version: '0.2.0', notes: 'Backups in Settings → Data.\nFaster calendar.', date: '2026-12-01T09:00:00Z' };

describe('updates settings', () => {
  it('shows the version, the notes of a new one before installing, the progress, then restarts', async () => {
    const backend = installBackend([]);
    Object.assign(updateServer, { status: 'available', offer: OFFER });
    const { user } = renderApp('/settings');

    const panel = await screen.findByTestId('settings-updates');
    expect(within(panel).getByText('Spotter 0.1.0')).toBeInTheDocument();
    expect(backend.callsTo('update_check')).toHaveLength(0); // nothing is asked unasked
    await user.click(within(panel).getByTestId('update-check'));

    const offer = await within(panel).findByTestId('update-offer');
    expect(offer).toHaveTextContent('Version 0.2.0 is available');
    // The publication date in the trainer's date format (the default: "1 Dec 2026").
    expect(offer).toHaveTextContent('published 1 Dec 2026');
    expect(within(offer).getByTestId('update-notes').textContent).toBe(OFFER.notes);
    expect(backend.callsTo('update_install')).toHaveLength(0);

    await user.click(within(offer).getByTestId('update-install'));
    expect(await within(offer).findByTestId('update-installed')).toHaveTextContent(
      'Version 0.2.0 is installed. Restart Spotter to use it.',
    );
    expect(backend.callsTo('update_install')[0]!.args.version).toBe('0.2.0');
    await user.click(within(offer).getByTestId('update-restart'));
    await waitFor(() => expect(backend.callsTo('update_restart')).toHaveLength(1));
  });

  it('shows a progress bar while the update downloads', async () => {
    installBackend([]);
    let release = () => {};
    Object.assign(updateServer, {
      status: 'available',
      offer: OFFER,
      hold: new Promise<void>((resolve) => (release = resolve)),
    });
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-updates');
    await user.click(within(panel).getByTestId('update-check'));
    await user.click(await within(panel).findByTestId('update-install'));

    // The stand-in sent 25%, 50% and 100% and now waits: the bar and label show the last.
    await waitFor(() => expect(within(panel).getByTestId('update-progress-label')).toHaveTextContent('Downloading… 100%'));
    const bar = within(within(panel).getByTestId('update-progress-bar')).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(within(panel).queryByTestId('update-installed')).not.toBeInTheDocument();

    release();
    await within(panel).findByTestId('update-installed');
    expect(within(panel).queryByTestId('update-progress')).not.toBeInTheDocument();
  });

  it('says a refused signature was not installed and offers to try again', async () => {
    const backend = installBackend([]);
    Object.assign(updateServer, {
      status: 'available',
      offer: OFFER,
      installError: {
        code: 'update',
        message: "The download's signature is not valid for Spotter's release key: it was changed on the way or signed by someone else. It was not installed, and nothing changed.",
      },
    });
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-updates');
    await user.click(within(panel).getByTestId('update-check'));
    await user.click(await within(panel).findByTestId('update-install'));

    const alert = await within(panel).findByTestId('update-install-error');
    expect(alert).toHaveTextContent('The update was not installed');
    expect(alert).toHaveTextContent('signature is not valid');
    expect(within(panel).queryByTestId('update-installed')).not.toBeInTheDocument();
    expect(within(panel).getByTestId('update-install')).toHaveTextContent('Try again');
    expect(backend.callsTo('update_restart')).toHaveLength(0);
  });

  it('says no permission to install in words', async () => {
    installBackend([]);
    Object.assign(updateServer, {
      status: 'available',
      offer: OFFER,
      installError: {
        code: 'update',
        message: "Installing an update needs an administrator's permission, and it was not given (the password prompt was cancelled or failed). Nothing was installed.",
      },
    });
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-updates');
    await user.click(within(panel).getByTestId('update-check'));
    await user.click(await within(panel).findByTestId('update-install'));
    expect(await within(panel).findByTestId('update-install-error')).toHaveTextContent("needs an administrator's permission");
  });

  it('says when Spotter is up to date', async () => {
    installBackend([]);
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-updates');
    await user.click(within(panel).getByTestId('update-check'));
    expect(await within(panel).findByTestId('update-up-to-date')).toHaveTextContent('Spotter 0.1.0 is the newest version.');
    expect(within(panel).queryByTestId('update-offer')).not.toBeInTheDocument();
  });

  it('is calm when the update server cannot be reached: a sentence, no alert', async () => {
    installBackend([]);
    Object.assign(updateServer, {
      status: 'unreachable',
      message: 'Spotter could not reach the update server: you may be offline, or the server is down. Nothing changed; try again later.',
    });
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-updates');
    await user.click(within(panel).getByTestId('update-check'));
    expect(await within(panel).findByTestId('update-unreachable')).toHaveTextContent('you may be offline');
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(panel).queryByTestId('update-check-error')).not.toBeInTheDocument();
  });

  it('keeps the opt-in check at start, off by default', async () => {
    const backend = installBackend([]);
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-updates');
    const toggle = await within(panel).findByRole('switch', { name: /Check for updates when Spotter starts/ });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(backend.callsTo('settings_set')).toHaveLength(1));
    expect((backend.callsTo('settings_set')[0]!.args.settings as Settings).checkUpdatesAtStart).toBe(true);
    expect(backend.callsTo('update_check')).toHaveLength(0);
  });

  it('checks at start when opted in and announces a new version', async () => {
    const backend = installBackend([], { settings: { ...DEFAULT_SETTINGS, checkUpdatesAtStart: true } });
    Object.assign(updateServer, { status: 'available', offer: OFFER });
    renderApp('/dashboard');
    expect(await screen.findByText('Spotter 0.2.0 is available')).toBeInTheDocument();
    expect(backend.callsTo('update_check')).toHaveLength(1);
  });
});
