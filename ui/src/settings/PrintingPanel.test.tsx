import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../bindings';
import { installBackend } from '../test/backend';
import { answerDialog, dialogRequests, putFile } from '../test/dialogBackend';
import { renderApp } from '../test/render';

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'logo.png', { type: 'image/png' });

describe('printing settings', () => {
  it('takes the logo from the open dialog, shows one that is not an image at the logo field, stores a PNG, and removes it', async () => {
    const backend = installBackend([]);
    const { user } = renderApp('/settings');

    const panel = await screen.findByTestId('settings-printing');
    expect(within(panel).queryByTestId('settings-logo-remove')).not.toBeInTheDocument();
    // The dialog's filter is only a hint (a renamed file passes it): the backend has the last word.
    await putFile('/home/test/Pictures/logo.txt', new File(['hello'], 'logo.txt', { type: 'text/plain' }));
    answerDialog('/home/test/Pictures/logo.txt');
    await user.click(within(panel).getByTestId('settings-logo'));
    expect(await within(panel).findByTestId('settings-logo-error')).toHaveTextContent('logo.txt is not a PNG or JPEG image');
    expect(within(panel).getByTestId('settings-logo')).toHaveAttribute('aria-invalid', 'true');
    expect(dialogRequests).toEqual([{ cmd: 'dialog_open', kind: 'logo' }]);

    // Cancelling the dialog changes nothing.
    answerDialog(null);
    await user.click(within(panel).getByTestId('settings-logo'));
    await waitFor(() => expect(dialogRequests).toHaveLength(2));
    expect(backend.callsTo('logo_set')).toHaveLength(1);

    await putFile('/home/test/Pictures/logo.png', png());
    answerDialog('/home/test/Pictures/logo.png');
    await user.click(within(panel).getByTestId('settings-logo'));
    await waitFor(() => expect(within(panel).queryByTestId('settings-logo-error')).not.toBeInTheDocument());
    expect(await within(panel).findByTestId('settings-logo-remove')).toBeInTheDocument();
    // Only the path crosses; Spotter reads the file itself.
    expect(backend.callsTo('logo_set')[1]!.args).toEqual({
      file: { name: 'logo.png', base64: '', path: '/home/test/Pictures/logo.png' },
    });

    await user.click(within(panel).getByTestId('settings-logo-remove'));
    await waitFor(() => expect(within(panel).queryByTestId('settings-logo-remove')).not.toBeInTheDocument());
    expect(backend.callsTo('logo_set')[2]!.args).toEqual({ file: null });
  });

  it('saves the paper size at once and the studio name when the field is left', async () => {
    const backend = installBackend([]);
    const { user } = renderApp('/settings');

    const panel = await screen.findByTestId('settings-printing');
    await user.click(within(panel).getByText('Letter'));
    await waitFor(() => expect(backend.callsTo('settings_set')).toHaveLength(1));
    expect((backend.callsTo('settings_set')[0]!.args.settings as Settings).paper).toBe('letter');

    await user.type(within(panel).getByTestId('settings-studio-name'), 'North Side Strength');
    expect(backend.callsTo('settings_set')).toHaveLength(1);
    await user.tab();
    await waitFor(() => expect(backend.callsTo('settings_set')).toHaveLength(2));
    expect(backend.callsTo('settings_set')[1]!.args.settings).toMatchObject({ paper: 'letter', studioName: 'North Side Strength' });
  });
});
