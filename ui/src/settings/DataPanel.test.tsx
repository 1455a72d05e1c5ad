import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { todayIso } from '../format';
import { DEFAULT_EXPORT_DIR, installBackend } from '../test/backend';
import { backupAt, dataStore } from '../test/dataBackend';
import { renderApp, renderWithProviders } from '../test/render';
import { DataPanel } from './DataPanel';

describe('Settings → Data', () => {
  it('is on the Settings screen instead of "coming next"', async () => {
    installBackend([]);
    renderApp('/settings');
    expect(await screen.findByTestId('settings-data')).toBeInTheDocument();
    expect(screen.queryByText('Automatic backups, restore, and export to open formats: your data stays yours.')).not.toBeInTheDocument();
  });

  it('backs up now, lists backups with date, reason and size, and restores one after confirming', async () => {
    const backend = installBackend([]);
    const daily = backupAt('2025-01-30T09:00:00.000Z', 'daily', 4_512_000);
    dataStore.backups = [daily];
    const onRestored = vi.fn();
    const { user } = renderWithProviders(<DataPanel onRestored={onRestored} />);

    const list = await screen.findByTestId('backups-list');
    expect(within(list).getAllByTestId('backup-row')).toHaveLength(1);
    expect(within(list).getByText('4.5 MB')).toBeInTheDocument();
    expect(within(list).getByText('Daily')).toBeInTheDocument();

    await user.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(within(list).getAllByTestId('backup-row')).toHaveLength(2));
    expect(within(list).getAllByTestId('backup-row')[0]).toHaveTextContent('Made by you');

    const rows = within(list).getAllByTestId('backup-row');
    await user.click(within(rows[1]!).getByRole('button', { name: /Restore the backup of/ }));
    const dialog = await screen.findByTestId('restore-confirm-dialog');
    expect(dialog).toHaveTextContent(daily.path);
    expect(dialog).toHaveTextContent('What you have now is backed up first');
    expect(backend.callsTo('backup_restore')).toHaveLength(0);
    await user.click(within(dialog).getByTestId('restore-confirm'));

    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect(backend.callsTo('backup_restore')[0]!.args).toEqual({ path: daily.path });
    expect(onRestored.mock.calls[0]![0]).toMatchObject({ restoredFrom: daily.path, safetyBackup: { reason: 'before_restore' } });
  });

  it('shows why a file is refused and does not reload; a picked file goes through the same confirmation', async () => {
    const backend = installBackend([]);
    dataStore.refuse.set('/media/usb/newer.db', {
      code: 'schema_too_new',
      message: '/media/usb/newer.db was written by a newer version of Spotter. Update Spotter to restore it. Nothing was changed.',
    });
    const onRestored = vi.fn();
    const { user, unmount } = renderWithProviders(<DataPanel onRestored={onRestored} />);

    expect(await screen.findByTestId('backups-empty')).toBeInTheDocument();
    expect(screen.getByTestId('restore-file')).toBeDisabled();
    await user.type(screen.getByTestId('restore-file-path'), '/media/usb/newer.db');
    await user.click(screen.getByTestId('restore-file'));
    await user.click(await screen.findByTestId('restore-confirm'));
    expect(await screen.findByTestId('restore-error')).toHaveTextContent('written by a newer version of Spotter');
    expect(onRestored).not.toHaveBeenCalled();
    unmount();

    // The seam for the native open dialog: the picker gives the path, the rest is the same.
    const pickFile = vi.fn(async () => '/media/usb/spotter-old.db');
    const second = renderWithProviders(<DataPanel onRestored={onRestored} pickFile={pickFile} />);
    expect(screen.queryByTestId('restore-file-path')).not.toBeInTheDocument();
    await second.user.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    await second.user.click(await screen.findByTestId('restore-confirm'));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect(backend.callsTo('backup_restore').at(-1)!.args).toEqual({ path: '/media/usb/spotter-old.db' });
  });

  it('saves the retention when a field is left', async () => {
    const backend = installBackend([]);
    const { user } = renderWithProviders(<DataPanel onRestored={vi.fn()} />);
    const daily = await screen.findByTestId('retention-daily');
    expect(daily).toHaveValue('7');
    expect(screen.getByTestId('retention-weekly')).toHaveValue('4');
    await user.clear(daily);
    await user.type(daily, '14');
    expect(backend.callsTo('backup_retention_set')).toHaveLength(0);
    await user.tab();
    await waitFor(() => expect(backend.callsTo('backup_retention_set')).toHaveLength(1));
    expect(backend.callsTo('backup_retention_set')[0]!.args).toEqual({ retention: { daily: 14, weekly: 4 } });
  });

  it('exports everything, and replaces an existing file only when the trainer says so', async () => {
    const backend = installBackend([]);
    const { user } = renderWithProviders(<DataPanel onRestored={vi.fn()} />);
    const path = `${DEFAULT_EXPORT_DIR}/spotter-export-${todayIso()}.json`;
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue(path));
    await user.click(screen.getByTestId('export-run'));
    const done = await screen.findByTestId('export-done');
    expect(done).toHaveTextContent(path);
    expect(done).toHaveTextContent(path.replace('.json', '-clients.csv'));

    await user.click(screen.getByTestId('export-run'));
    const ask = await screen.findByTestId('export-replace');
    expect(ask).toHaveTextContent('already exists');
    expect(backend.callsTo('export_everything')[1]!.args).toEqual({ path, replace: null });
    await user.click(within(ask).getByTestId('export-replace-confirm'));
    expect(await screen.findByTestId('export-done')).toBeInTheDocument();
    expect(backend.callsTo('export_everything')[2]!.args).toEqual({ path, replace: path });

    await user.click(screen.getByTestId('data-open-folder'));
    await waitFor(() => expect(dataStore.openedFolder).toBe(1));
    expect(backend.callsTo('data_folder_open')[0]!.args).toEqual({});
  });
});
