// Stand-in for the Settings → Data commands (src-tauri/src/data_commands.rs): backups listed,
// taken, restored, the retention, "Export everything", the data folder. The real checks
// (integrity, schema, the swap of the database) are tested in crates/spotter-core
// tests/backups.rs and tests/full_export.rs; this only drives the panel and the start-up screen.
import type { AppError, BackupInfo, ExportFiles, RestoreReport, Retention } from '../bindings';
import type { StandIn } from './standIn';

export interface DataStore {
  backups: BackupInfo[];
  retention: Retention;
  /** Paths that exist already: an export there needs `replace` equal to the path. */
  existing: Set<string>;
  /** backup_restore of a path listed here fails with that error. */
  refuse: Map<string, AppError>;
  restored: string[];
  openedFolder: number;
}

export const dataStore: DataStore = freshStore();

function freshStore(): DataStore {
  return { backups: [], retention: { daily: 7, weekly: 4 }, existing: new Set(), refuse: new Map(), restored: [], openedFolder: 0 };
}

export const BACKUPS_DIR = '/home/test/.local/share/spotter/backups';

/** A listed backup taken at `takenAt` (UTC). */
export function backupAt(takenAt: string, reason: BackupInfo['reason'] = 'daily', sizeBytes = 4_500_000): BackupInfo {
  const stamp = takenAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const fileName = `spotter-${stamp}-${reason.replace('_', '-')}.db`;
  return { path: `${BACKUPS_DIR}/${fileName}`, fileName, takenAt, sizeBytes, reason };
}

export function dataHandlers(): StandIn {
  Object.assign(dataStore, freshStore());
  let clock = Date.parse('2025-02-01T10:00:00Z');
  const take = (reason: BackupInfo['reason']): BackupInfo => {
    const info = backupAt(new Date((clock += 60_000)).toISOString(), reason);
    dataStore.backups = [info, ...dataStore.backups];
    return info;
  };
  return {
    backups_list: () => dataStore.backups,
    backup_now: () => take('manual'),
    backup_restore: (args): RestoreReport => {
      const path = String(args.path ?? '').trim();
      const refused = dataStore.refuse.get(path);
      if (refused) throw refused;
      if (!path.endsWith('.db')) {
        throw { code: 'invalid_file', message: `${path} is not a Spotter backup: it is not an SQLite database. Nothing was changed.` } satisfies AppError;
      }
      const safety = take('before_restore');
      dataStore.restored.push(path);
      return { restoredFrom: path, schemaVersion: 1, safetyBackup: safety, setAside: null };
    },
    backup_retention_get: () => dataStore.retention,
    backup_retention_set: (args) => {
      const r = args.retention as Retention;
      if (r.daily < 1 || r.daily > 366) {
        throw { code: 'validation', field: 'daily', message: 'Keep between 1 and 366 daily backups' } satisfies AppError;
      }
      return (dataStore.retention = r);
    },
    export_everything: (args): ExportFiles => {
      const path = String(args.path ?? '').trim();
      if (!path.toLowerCase().endsWith('.json')) {
        throw { code: 'validation', field: 'path', message: 'A JSON export must be saved as a .json file, e.g. …/name.json' } satisfies AppError;
      }
      if (dataStore.existing.has(path) && args.replace !== path) {
        throw { code: 'file_exists', field: 'path', message: `${path} already exists. Replace it, or choose another name` } satisfies AppError;
      }
      dataStore.existing.add(path);
      return { json: path, csv: path.replace(/\.json$/i, '-clients.csv') };
    },
    data_folder_open: () => {
      dataStore.openedFolder += 1;
      return null;
    },
  };
}
