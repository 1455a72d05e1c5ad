import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../bindings';
import { installBackend } from '../test/backend';
import { renderApp } from '../test/render';

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'logo.png', { type: 'image/png' });

describe('printing settings', () => {
  it('shows a logo that is not an image at the logo field, stores a PNG, and removes it', async () => {
    const backend = installBackend([]);
    const { user } = renderApp('/settings');

    const panel = await screen.findByTestId('settings-printing');
    expect(within(panel).queryByTestId('settings-logo-remove')).not.toBeInTheDocument();
    // The picker's filter is only a hint (a renamed file passes it): the backend has the last word.
    const anyFile = userEvent.setup({ applyAccept: false });
    await anyFile.upload(within(panel).getByTestId('settings-logo'), new File(['hello'], 'logo.txt', { type: 'text/plain' }));
    expect(await within(panel).findByTestId('settings-logo-error')).toHaveTextContent('logo.txt is not a PNG or JPEG image');
    expect(within(panel).getByTestId('settings-logo')).toHaveAttribute('aria-invalid', 'true');

    await user.upload(within(panel).getByTestId('settings-logo'), png());
    await waitFor(() => expect(within(panel).queryByTestId('settings-logo-error')).not.toBeInTheDocument());
    expect(await within(panel).findByTestId('settings-logo-remove')).toBeInTheDocument();
    expect(backend.callsTo('logo_set')[1]!.args).toEqual({ file: { name: 'logo.png', base64: 'iVBORw0KGgoAAA==' } });

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
