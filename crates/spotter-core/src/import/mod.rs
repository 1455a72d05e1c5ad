//! Importing clients from CSV, as spreadsheets and other tools write it: the separator is
//! detected (`table.rs`), columns are mapped to fields (guessed from the header in several
//! languages, `headers.rs`, or chosen by the trainer), dates are read in the file's order
//! (`dates.rs`), every row is validated and checked for duplicates (`rows.rs`), and the
//! rows are written in one transaction: all of them, or none when any row is invalid,
//! unless the trainer asked for the valid rows only.

mod dates;
pub mod headers;
mod rows;
mod table;

use std::io::Read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use dates::DateOrder;
pub use table::CsvDelimiter;

use crate::clients::insert_validated;
use crate::ids::new_id;
use crate::time::now_utc;
use crate::{AppError, Database, ErrorCode, Result};
use rows::Checked;
use table::Table;

/// Refuse files larger than this before parsing (a client list is a few hundred kB).
pub const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

/// Rows shown in the import dialog's preview.
const PREVIEW_ROWS: usize = 200;

/// A client field a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvField {
    Name,
    /// Joined with the last name into the name (when there is no full-name cell).
    FirstName,
    LastName,
    Email,
    Phone,
    DateOfBirth,
    Goals,
    Notes,
    Tags,
    Archived,
    EmergencyContactName,
    EmergencyContactPhone,
    FitnessLevel,
    Injuries,
    BodyAreas,
    PreferredTimes,
    Paused,
}

impl CsvField {
    pub const ALL: [CsvField; 17] = [
        Self::Name,
        Self::FirstName,
        Self::LastName,
        Self::Email,
        Self::Phone,
        Self::DateOfBirth,
        Self::Goals,
        Self::Notes,
        Self::Tags,
        Self::Archived,
        Self::EmergencyContactName,
        Self::EmergencyContactPhone,
        Self::FitnessLevel,
        Self::Injuries,
        Self::BodyAreas,
        Self::PreferredTimes,
        Self::Paused,
    ];

    /// The camelCase name used over IPC and on the command line (`firstName`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::FirstName => "firstName",
            Self::LastName => "lastName",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::DateOfBirth => "dateOfBirth",
            Self::Goals => "goals",
            Self::Notes => "notes",
            Self::Tags => "tags",
            Self::Archived => "archived",
            Self::EmergencyContactName => "emergencyContactName",
            Self::EmergencyContactPhone => "emergencyContactPhone",
            Self::FitnessLevel => "fitnessLevel",
            Self::Injuries => "injuries",
            Self::BodyAreas => "bodyAreas",
            Self::PreferredTimes => "preferredTimes",
            Self::Paused => "paused",
        }
    }

    /// A field typed on the command line: `firstName`, `first_name`, `first-name`, `First name`.
    pub fn parse(text: &str) -> Option<Self> {
        let squash = |s: &str| {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        };
        let wanted = squash(text);
        Self::ALL.into_iter().find(|f| squash(f.key()) == wanted)
    }

    /// The CSV field behind a client field an error names (`email` → Email).
    fn for_client_field(field: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == field)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// 1-based line in the file where the row starts, counting the header as line 1.
    pub line: u64,
    /// The client field (camelCase).
    pub field: Option<String>,
    /// The column as headed in the file ("E-Mail-Adresse"; "Vorname + Nachname" for a name).
    pub column: Option<String>,
    /// The value as written (cut after 80 characters).
    pub value: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowDuplicate {
    pub line: u64,
    pub name: String,
    /// Who it duplicates: an existing client's name, or "line N".
    pub duplicate_of: String,
    /// What matched: "email" or "phone".
    pub matched: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub rows: u64,
    /// How many clients were written (0 on a dry run, and when any row is invalid unless
    /// only the valid rows were asked for).
    pub imported: u64,
    pub dry_run: bool,
    pub errors: Vec<RowError>,
    pub duplicates: Vec<RowDuplicate>,
    /// Duplicates left out (unless the trainer chose to import them too).
    pub skipped_duplicates: u64,
    /// Invalid rows left out because the trainer asked for the valid rows only.
    pub skipped_invalid: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreviewRow {
    pub line: u64,
    /// The mapped values as the trainer will see them.
    pub name: String,
    pub email: String,
    pub phone: String,
    /// As read (`YYYY-MM-DD`), or as written when it cannot be read.
    pub date_of_birth: String,
    pub error: Option<String>,
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub headers: Vec<String>,
    /// For each column: the field it fills, or none (ignored).
    pub mapping: Vec<Option<CsvField>>,
    /// The separator used: the chosen one, else the one detected.
    pub delimiter: CsvDelimiter,
    /// How dates like 03/04/1990 are read: chosen, or detected from the values; none when
    /// the file has no such dates or its values cannot tell (then `date_question` says why).
    pub date_order: Option<DateOrder>,
    /// Why the trainer must choose the date order before importing.
    pub date_question: Option<String>,
    /// The first rows, for the preview table.
    pub sample: Vec<CsvPreviewRow>,
    /// What importing would do (a dry run).
    pub report: ImportReport,
    /// Why the mapping cannot be used yet (no name column, a field mapped twice): the
    /// headers are still returned so the trainer can fix the mapping.
    pub mapping_error: Option<String>,
}

/// The request from the import dialog: the file's bytes and the trainer's choices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CsvImportRequest {
    /// The file the trainer picked.
    pub file: crate::upload::FileUpload,
    /// Column → field; none means "guess from the header".
    #[ts(optional = nullable)]
    pub mapping: Option<Vec<Option<CsvField>>>,
    /// None means "detect".
    #[ts(optional = nullable)]
    pub delimiter: Option<CsvDelimiter>,
    /// None means "detect from the values".
    #[ts(optional = nullable)]
    pub date_order: Option<DateOrder>,
    /// Import rows that look like existing clients too (default: skip them).
    pub import_duplicates: bool,
    /// Import the valid rows and leave the invalid ones out (default: all rows or none).
    pub valid_rows_only: bool,
}

impl CsvImportRequest {
    fn options(&self) -> CsvOptions {
        CsvOptions {
            delimiter: self.delimiter,
            mapping: self.mapping.clone(),
            date_order: self.date_order,
            import_duplicates: self.import_duplicates,
            valid_rows_only: self.valid_rows_only,
        }
    }
}

/// How to read a file: what the dialog's request and the command line's flags both say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvOptions {
    pub delimiter: Option<CsvDelimiter>,
    pub mapping: Option<Vec<Option<CsvField>>>,
    pub date_order: Option<DateOrder>,
    pub import_duplicates: bool,
    pub valid_rows_only: bool,
}

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
