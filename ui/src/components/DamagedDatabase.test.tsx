import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AppError } from '../bindings';
import { formatTimestamp } from '../format';
import { installBackend } from '../test/backend';
import { backupAt, dataStore } from '../test/dataBackend';
import { renderApp, renderWithProviders } from '../test/render';
import { DamagedDatabase } from './DamagedDatabase';

const damaged: AppError = {
  code: 'database_corrupt',
  message: "/data/spotter.db is damaged (SQLite's check found: Tree 12 page 40 cell 3: invalid page number); it was left untouched",
};

describe('a damaged database at start', () => {
  it('replaces the start-up error with the offer of the latest backup', async () => {
    const backend = installBackend([]);
    dataStore.backups = [backupAt('2025-01-31T09:00:00.000Z', 'daily'), backupAt('2025-01-30T09:00:00.000Z', 'daily')];
    backend.once('app_info', () => {
      throw damaged;
    });
    renderApp('/dashboard');
    const screenEl = await screen.findByTestId('damaged-database');
    expect(screenEl).toHaveTextContent('Your data file is damaged');
    expect(screenEl).toHaveTextContent('invalid page number');
    expect(await screen.findByTestId('damaged-restore-latest')).toHaveTextContent(
      `Restore the latest backup (${formatTimestamp('2025-01-31T09:00:00.000Z')})`,
    );
  });

  it('restores the newest backup and starts again on it', async () => {
    const backend = installBackend([]);
    const newest = backupAt('2025-01-31T09:00:00.000Z', 'daily');
    dataStore.backups = [newest, backupAt('2025-01-30T09:00:00.000Z', 'daily')];
    const onRestored = vi.fn();
    const { user } = renderWithProviders(<DamagedDatabase error={damaged} onRestored={onRestored} />);
    await user.click(await screen.findByTestId('damaged-restore-latest'));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect(backend.callsTo('backup_restore')[0]!.args).toEqual({ path: newest.path });
  });

  it('says so when there is no backup, and shows a refused restore', async () => {
    installBackend([]);
    const { unmount } = renderWithProviders(<DamagedDatabase error={damaged} onRestored={vi.fn()} />);
    expect(await screen.findByTestId('damaged-no-backup')).toBeInTheDocument();
    expect(screen.queryByTestId('damaged-restore-latest')).not.toBeInTheDocument();
    unmount();

    const newest = backupAt('2025-01-31T09:00:00.000Z', 'daily');
    dataStore.backups = [newest];
    dataStore.refuse.set(newest.path, { code: 'invalid_file', message: `${newest.path} is damaged. Nothing was changed; choose another backup.` });
    const onRestored = vi.fn();
    const { user } = renderWithProviders(<DamagedDatabase error={damaged} onRestored={onRestored} />);
    await user.click(await screen.findByTestId('damaged-restore-latest'));
    expect(await screen.findByTestId('damaged-restore-error')).toHaveTextContent('choose another backup');
    expect(onRestored).not.toHaveBeenCalled();
  });
});
