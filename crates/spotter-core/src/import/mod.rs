//! Importing clients from CSV, as spreadsheets and other tools write it: the separator is
//! detected (`table.rs`), columns are mapped to fields (guessed from the header in several
//! languages, `headers.rs`, or chosen by the trainer), dates are read in the file's order
//! (`dates.rs`), every row is validated and checked for duplicates (`rows.rs`; the IPC
//! types are in `model.rs`), and the rows are written in one transaction: all of them, or
//! none when any row is invalid, unless the trainer asked for the valid rows only.

mod dates;
pub mod headers;
mod model;
mod rows;
mod table;

use std::io::Read;

pub use dates::DateOrder;
pub use model::{
    CsvField, CsvImportRequest, CsvOptions, CsvPreview, CsvPreviewRow, ImportReport, RowDuplicate,
    RowError,
};
pub use table::CsvDelimiter;

use crate::clients::insert_validated;
use rows::Checked;
use spotter_store::ids::new_id;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, ErrorCode, Result};
use table::Table;

/// Refuse files larger than this before parsing (a client list is a few hundred kB).
pub const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

/// Rows shown in the import dialog's preview.
const PREVIEW_ROWS: usize = 200;

fn bad(msg: String) -> AppError {
    AppError::new(ErrorCode::InvalidFile, msg)
}

/// The field each column most likely holds, from its header.
pub fn guess_mapping(headers: &[String]) -> Result<Vec<Option<CsvField>>> {
    headers::guess(headers)
}

/// A file's separator and header row, and the guessed mapping (for `--map` on the command line).
pub fn read_columns(
    bytes: &[u8],
    delimiter: Option<CsvDelimiter>,
) -> Result<(CsvDelimiter, Vec<String>, Vec<Option<CsvField>>)> {
    let table = table::read(bytes, delimiter)?;
    let mapping = headers::guess(&table.headers)?;
    Ok((table.delimiter, table.headers, mapping))
}

fn check_mapping(mapping: &[Option<CsvField>], columns: usize) -> Result<()> {
    if mapping.len() != columns {
        return Err(AppError::validation(
            "mapping",
            format!(
                "the mapping has {} columns; the file has {columns}",
                mapping.len()
            ),
        ));
    }
    let mut seen = Vec::new();
    for f in mapping.iter().flatten() {
        if seen.contains(f) {
            return Err(AppError::validation(
                "mapping",
                format!("two columns are mapped to {}; map each field once", f.key()),
            ));
        }
        seen.push(*f);
    }
    let named = [CsvField::Name, CsvField::FirstName, CsvField::LastName];
    if !named.iter().any(|f| seen.contains(f)) {
        return Err(bad(
            "no column is recognised as the client's name; map one to Name, or to First name and Last name"
                .into(),
        ));
    }
    Ok(())
}

/// A file read and checked against the options, nothing written.
struct Checking {
    table: Table,
    mapping: Vec<Option<CsvField>>,
    dates: dates::Reading,
    rows: Vec<Checked>,
}

/// Reads the table and the mapping; `Err` inside when the mapping cannot be used.
fn read_mapped(
    bytes: &[u8],
    options: &CsvOptions,
) -> Result<(Table, Vec<Option<CsvField>>, Result<()>)> {
    let table = table::read(bytes, options.delimiter)?;
    let mapping = match &options.mapping {
        Some(m) => m.clone(),
        None => headers::guess(&table.headers)?,
    };
    let usable = check_mapping(&mapping, table.headers.len());
    Ok((table, mapping, usable))
}

async fn check(
    db: &Database,
    table: Table,
    mapping: Vec<Option<CsvField>>,
    options: &CsvOptions,
) -> Result<Checking> {
    let column = mapping
        .iter()
        .position(|m| *m == Some(CsvField::DateOfBirth));
    let evidence = match column {
        Some(i) => dates::gather(
            table
                .rows
                .iter()
                .filter_map(|(line, cells)| cells.get(i).map(|c| (*line, c.as_str()))),
        ),
        None => dates::Evidence::default(),
    };
    let header = column
        .and_then(|i| table.headers.get(i))
        .cloned()
        .unwrap_or_default();
    let reading = dates::resolve(options.date_order, &evidence, &header);
    let rows = rows::check(db, &table, &mapping, reading.order).await?;
    Ok(Checking {
        table,
        mapping,
        dates: reading,
        rows,
    })
}

fn report(checked: &[Checked], imported: u64, dry_run: bool, options: &CsvOptions) -> ImportReport {
    let duplicates: Vec<RowDuplicate> =
        checked.iter().filter_map(|c| c.duplicate.clone()).collect();
    let errors: Vec<RowError> = checked.iter().filter_map(|c| c.error.clone()).collect();
    ImportReport {
        rows: checked.len() as u64,
        imported,
        dry_run,
        skipped_invalid: if options.valid_rows_only {
            errors.len() as u64
        } else {
            0
        },
        errors,
        skipped_duplicates: if options.import_duplicates {
            0
        } else {
            duplicates.len() as u64
        },
        duplicates,
    }
}

/// Writes every valid row (minus duplicates, unless asked for) in one transaction.
async fn write(db: &Database, checked: &[Checked], import_duplicates: bool) -> Result<u64> {
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    let mut n = 0;
    for c in checked {
        let Some((v, flags)) = &c.valid else {
            continue;
        };
        if c.duplicate.is_some() && !import_duplicates {
            continue;
        }
        let id = new_id();
        insert_validated(&mut *tx, &id, v, &now).await?;
        if flags.archived || flags.paused {
            sqlx::query(
                "UPDATE clients SET archived_at = CASE WHEN ? THEN ? END, paused_at = CASE WHEN ? THEN ? END WHERE id = ?",
            )
            .bind(flags.archived)
            .bind(&now)
            .bind(flags.paused)
            .bind(&now)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        }
        n += 1;
    }
    tx.commit().await?;
    Ok(n)
}

/// What importing the file would do, with up to `sample_rows` rows shown; writes nothing.
pub async fn preview_csv(
    db: &Database,
    bytes: &[u8],
    options: &CsvOptions,
    sample_rows: usize,
) -> Result<CsvPreview> {
    let (table, mapping, usable) = read_mapped(bytes, options)?;
    if let Err(e) = usable {
        let mapping = if mapping.len() == table.headers.len() {
            mapping
        } else {
            headers::guess(&table.headers)?
        };
        return Ok(CsvPreview {
            headers: table.headers,
            mapping,
            delimiter: table.delimiter,
            date_order: options.date_order,
            date_question: None,
            sample: Vec::new(),
            report: report(&[], 0, true, options),
            mapping_error: Some(e.message),
        });
    }
    let checking = check(db, table, mapping, options).await?;
    let sample = checking
        .rows
        .iter()
        .take(sample_rows)
        .map(|c| CsvPreviewRow {
            line: c.line,
            name: c.name.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            date_of_birth: c.date_of_birth.clone(),
            error: c.error.as_ref().map(|e| e.message.clone()),
            duplicate_of: c
                .duplicate
                .as_ref()
                .map(|d| format!("{} ({})", d.duplicate_of, d.matched)),
        })
        .collect();
    Ok(CsvPreview {
        report: report(&checking.rows, 0, true, options),
        headers: checking.table.headers,
        mapping: checking.mapping,
        delimiter: checking.table.delimiter,
        date_order: checking.dates.order,
        date_question: checking.dates.question,
        sample,
        mapping_error: None,
    })
}

/// Imports the file: every row, or none when any row is invalid (or, with
/// `valid_rows_only`, every valid row). A dry run checks and writes nothing.
pub async fn import_csv(
    db: &Database,
    bytes: &[u8],
    options: &CsvOptions,
    dry_run: bool,
) -> Result<ImportReport> {
    let (table, mapping, usable) = read_mapped(bytes, options)?;
    usable?;
    let checking = check(db, table, mapping, options).await?;
    let rows = &checking.rows;
    let any_valid = rows.iter().any(|c| c.valid.is_some());
    let all_valid = rows.iter().all(|c| c.error.is_none());
    let write_now = !dry_run && any_valid && (all_valid || options.valid_rows_only);
    let imported = if write_now {
        write(db, rows, options.import_duplicates).await?
    } else {
        0
    };
    Ok(report(rows, imported, dry_run, options))
}

/// The dialog's dry run.
pub async fn preview_clients_csv(db: &Database, req: &CsvImportRequest) -> Result<CsvPreview> {
    let bytes = req.file.bytes(MAX_CSV_BYTES as usize)?;
    preview_csv(db, &bytes, &req.options(), PREVIEW_ROWS).await
}

/// The dialog's import.
pub async fn import_clients_mapped(db: &Database, req: &CsvImportRequest) -> Result<ImportReport> {
    let bytes = req.file.bytes(MAX_CSV_BYTES as usize)?;
    import_csv(db, &bytes, &req.options(), false).await
}

/// Reads a file (at most [`MAX_CSV_BYTES`], refused beyond) for the command line.
pub fn read_limited<R: Read>(reader: R) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AppError::io("cannot read the CSV file", e))?;
    Ok(bytes)
}

/// Import with everything detected and duplicates skipped, all rows or none.
pub async fn import_clients_csv<R: Read>(
    db: &Database,
    reader: R,
    dry_run: bool,
) -> Result<ImportReport> {
    let bytes = read_limited(reader)?;
    import_csv(db, &bytes, &CsvOptions::default(), dry_run).await
}
