// Generated from the Rust types in crates/spotter-core by ts-rs. Do not edit.
// Regenerate with `make bindings`; `make test` fails when this file is stale.

export type ErrorCode = "validation" | "not_found" | "schema_too_new" | "busy" | "database" | "io" | "invalid_file" | "internal";

export type AppError = { code: ErrorCode, message: string, 
/**
 * The input field the error concerns, in the UI's (camelCase) naming.
 */
field?: string, };

export type Client = { id: string, name: string, email: string | null, phone: string | null, 
/**
 * Calendar date, `YYYY-MM-DD`.
 */
dateOfBirth: string | null, goals: string, notes: string, tags: Array<string>, 
/**
 * Set while the client is archived (no longer training, kept for the record).
 */
archivedAt: string | null, createdAt: string, updatedAt: string, 
/**
 * Set when deleted; deleted clients are hidden everywhere but can be restored.
 */
deletedAt: string | null, };

export type ClientInput = { name: string, email?: string | null, phone?: string | null, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth?: string | null, goals: string, notes: string, tags: Array<string>, };

export type ClientStatusFilter = "active" | "archived" | "all";

export type ClientListQuery = { search?: string | null, status: ClientStatusFilter, limit?: number | null, };

export type RowError = { 
/**
 * 1-based line in the file, counting the header as line 1.
 */
line: number, field: string | null, message: string, };

export type ImportReport = { rows: number, 
/**
 * How many clients were written (0 on a dry run or when any row is invalid).
 */
imported: number, dryRun: boolean, errors: Array<RowError>, };

export type AppInfo = { version: string, dataDir: string, databasePath: string, logDir: string, schemaVersion: number, 
/**
 * Set when this start upgraded the database and kept a copy of the old one here.
 */
preMigrationBackup: string | null, };
