// Settings → Data in the app: "Export everything" and "Restore from a file…" use the system's
// save and open dialogs (shown by Spotter; answered here by the stand-in's dialogBackend). The
// dialog asked about replacing the export's file already, so the chosen path may be replaced.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../format';
import { installBackend } from '../test/backend';
import { dataStore } from '../test/dataBackend';
import { answerDialog, dialogRequests } from '../test/dialogBackend';
import { renderApp } from '../test/render';

describe('Settings → Data through the file dialogs', () => {
  it('exports everything where the save dialog says, replacing the chosen file', async () => {
    const backend = installBackend([]);
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-data');
    expect(within(panel).queryByTestId('export-path')).not.toBeInTheDocument();

    dataStore.existing.add('/home/test/Exports/all.json');
    answerDialog('/home/test/Exports/all.json');
    await user.click(within(panel).getByTestId('export-run'));
    expect(await within(panel).findByTestId('export-done')).toHaveTextContent('/home/test/Exports/all.json');
    expect(dialogRequests).toEqual([{ cmd: 'dialog_save', kind: 'full_export', suggested: `spotter-export-${todayIso()}.json` }]);
    expect(backend.callsTo('export_everything')).toHaveLength(1);
    expect(backend.callsTo('export_everything')[0]!.args).toEqual({
      path: '/home/test/Exports/all.json',
      replace: '/home/test/Exports/all.json',
    });
  });

  it('restores from a file chosen in the open dialog, and does nothing when it is cancelled', async () => {
    const backend = installBackend([]);
    const { user } = renderApp('/settings');
    const panel = await screen.findByTestId('settings-data');
    expect(within(panel).queryByTestId('restore-file-path')).not.toBeInTheDocument();

    answerDialog(null);
    await user.click(within(panel).getByRole('button', { name: 'Restore from a file…' }));
    await waitFor(() => expect(dialogRequests).toEqual([{ cmd: 'dialog_open', kind: 'backup' }]));
    expect(screen.queryByTestId('restore-confirm')).not.toBeInTheDocument();

    answerDialog('/media/usb/spotter-old.db');
    await user.click(within(panel).getByRole('button', { name: 'Restore from a file…' }));
    // Confirming reloads the window (onRestored's default), which jsdom cannot: stop at the question.
    expect(await screen.findByTestId('restore-confirm')).toBeInTheDocument();
    expect(backend.callsTo('backup_restore')).toHaveLength(0);
  });
});
