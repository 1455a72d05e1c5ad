//! Importing clients from CSV: columns are mapped to fields (guessed from the header, or
//! chosen by the trainer), every row is validated and checked for duplicates (same email
//! or phone as an existing client or an earlier row), and either every row is written in
//! one transaction or none is.

use std::collections::HashMap;
use std::io::Read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clients::{insert_validated, validate, ClientInput, FitnessLevel, ValidClient};
use crate::ids::new_id;
use crate::time::{now_utc, today_utc};
use crate::{AppError, Database, ErrorCode, Result};

/// Refuse files larger than this before parsing (a client list is a few hundred kB).
pub const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

/// A client field a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvField {
    Name,
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
    /// Header spellings recognised for each field (lower case, spaces as `_`).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Name => &["name", "full_name", "client", "client_name"],
            Self::Email => &["email", "e_mail", "email_address"],
            Self::Phone => &["phone", "mobile", "telephone", "phone_number", "cell"],
            Self::DateOfBirth => &[
                "date_of_birth",
                "dob",
                "birthday",
                "birth_date",
                "birthdate",
            ],
            Self::Goals => &["goals", "goal"],
            Self::Notes => &["notes", "note", "comments"],
            Self::Tags => &["tags", "tag", "labels"],
            Self::Archived => &["archived"],
            Self::EmergencyContactName => &[
                "emergency_contact",
                "emergency_contact_name",
                "emergency_name",
            ],
            Self::EmergencyContactPhone => &["emergency_phone", "emergency_contact_phone"],
            Self::FitnessLevel => &["fitness_level", "level"],
            Self::Injuries => &["injuries", "injuries_and_limitations", "limitations"],
            Self::BodyAreas => &["body_areas", "body_area"],
            Self::PreferredTimes => &["preferred_times", "availability"],
            Self::Paused => &["paused"],
        }
    }

    const ALL: [CsvField; 15] = [
        Self::Name,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// 1-based line in the file, counting the header as line 1.
    pub line: u64,
    pub field: Option<String>,
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
    /// How many clients were written (0 on a dry run or when any row is invalid).
    pub imported: u64,
    pub dry_run: bool,
    pub errors: Vec<RowError>,
    pub duplicates: Vec<RowDuplicate>,
    /// Duplicates left out (unless the trainer chose to import them too).
    pub skipped_duplicates: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreviewRow {
    pub line: u64,
    /// The mapped values as the trainer will see them: name, email, phone.
    pub name: String,
    pub email: String,
    pub phone: String,
    pub error: Option<String>,
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub headers: Vec<String>,
    /// For each column: the field it fills, or none (ignored).
    pub mapping: Vec<Option<CsvField>>,
    /// The first rows, for the preview table.
    pub sample: Vec<CsvPreviewRow>,
    /// What importing would do (a dry run).
    pub report: ImportReport,
    /// Why the mapping cannot be used yet (no Name column, a field mapped twice): the
    /// headers are still returned so the trainer can fix the mapping.
    pub mapping_error: Option<String>,
}

/// The request from the import dialog: the file's bytes and the chosen mapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CsvImportRequest {
    /// The file the trainer picked.
    pub file: crate::upload::FileUpload,
    /// Column → field; none means "guess from the header".
    #[ts(optional = nullable)]
    pub mapping: Option<Vec<Option<CsvField>>>,
    /// Import rows that look like existing clients too (default: skip them).
    pub import_duplicates: bool,
}

struct Table {
    headers: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

fn bad(msg: String) -> AppError {
    AppError::new(ErrorCode::InvalidFile, msg)
}

fn read_table(bytes: &[u8]) -> Result<Table> {
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(bad(format!(
            "the CSV file is larger than {} MB; split it into smaller files",
            MAX_CSV_BYTES / 1024 / 1024
        )));
    }
    // Tolerate a UTF-8 byte-order mark, as Excel writes one.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(body);
    let header_bytes = rdr
        .byte_headers()
        .map_err(|e| bad(format!("cannot read the CSV header: {e}")))?
        .clone();
    let mut headers = Vec::new();
    for h in header_bytes.iter() {
        headers.push(String::from_utf8(h.to_vec()).map_err(|_| {
            bad("the header row is not UTF-8 text; save the file as UTF-8 and try again".into())
        })?);
    }
    if headers.iter().all(String::is_empty) {
        return Err(bad("the CSV file is empty or has no header row".into()));
    }
    let mut rows = Vec::new();
    for record in rdr.byte_records() {
        let record = record.map_err(|e| bad(format!("the CSV is malformed: {e}")))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let mut values = Vec::with_capacity(record.len());
        for raw in record.iter() {
            values.push(String::from_utf8(raw.to_vec()).map_err(|_| {
                bad(format!(
                    "line {line} is not UTF-8 text; save the file as UTF-8 and try again"
                ))
            })?);
        }
        if values.iter().all(String::is_empty) {
            continue;
        }
        rows.push((line, values));
    }
    Ok(Table { headers, rows })
}

/// The field each column most likely holds, from its header.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<CsvField>> {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|h| {
            let key = h.trim().to_lowercase().replace([' ', '-'], "_");
            let field = CsvField::ALL
                .into_iter()
                .find(|f| f.aliases().contains(&key.as_str()) && !used.contains(f));
            if let Some(f) = field {
                used.push(f);
            }
            field
        })
        .collect()
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
                format!("two columns are mapped to {f:?}; map each field once"),
            ));
        }
        seen.push(*f);
    }
    if !seen.contains(&CsvField::Name) {
        return Err(bad(
            "the CSV has no 'name' column in its header row; map one column to Name".into(),
        ));
    }
    Ok(())
}

/// Status columns of a row.
struct Flags {
    archived: bool,
    paused: bool,
}

struct Checked {
    line: u64,
    input: ClientInput,
    valid: Option<(ValidClient, Flags)>,
    error: Option<RowError>,
    duplicate: Option<RowDuplicate>,
}

fn phone_key(phone: &str) -> Option<String> {
    // Digits only, "00" read as "+": "+49 170 1234567" and "0049-170-1234567" match. A local
    // spelling ("0170 …") does not; matching on fewer digits flagged different people.
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let digits = digits
        .strip_prefix("00")
        .map(str::to_owned)
        .unwrap_or(digits);
    (digits.len() >= 6).then_some(digits)
}

async fn check_rows(
    db: &Database,
    table: &Table,
    mapping: &[Option<CsvField>],
) -> Result<Vec<Checked>> {
    let existing: Vec<(String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT name, email, phone FROM clients WHERE deleted_at IS NULL")
            .fetch_all(db.pool())
            .await?;
    let mut emails: HashMap<String, String> = HashMap::new();
    let mut phones: HashMap<String, String> = HashMap::new();
    for (name, email, phone) in existing {
        if let Some(e) = email {
            emails.insert(e.to_lowercase(), name.clone());
        }
        if let Some(k) = phone.as_deref().and_then(phone_key) {
            phones.insert(k, name);
        }
    }
    let today = today_utc();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, values) in &table.rows {
        let get = |f: CsvField| -> String {
            mapping
                .iter()
                .position(|m| *m == Some(f))
                .and_then(|i| values.get(i))
                .cloned()
                .unwrap_or_default()
        };
        let opt = |s: String| (!s.is_empty()).then_some(s);
        let mut error = None;
        let level = get(CsvField::FitnessLevel).to_lowercase();
        let fitness_level = if level.is_empty() {
            None
        } else {
            let l = FitnessLevel::parse(&level);
            if l.is_none() {
                error = Some(RowError {
                    line: *line,
                    field: Some("fitnessLevel".into()),
                    message: format!("Fitness level must be beginner, intermediate, advanced or athlete, not '{level}'"),
                });
            }
            l
        };
        let input = ClientInput {
            name: get(CsvField::Name),
            email: opt(get(CsvField::Email)),
            phone: opt(get(CsvField::Phone)),
            date_of_birth: opt(get(CsvField::DateOfBirth)),
            goals: get(CsvField::Goals),
            notes: get(CsvField::Notes),
            tags: get(CsvField::Tags)
                .split([';', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            emergency_contact_name: opt(get(CsvField::EmergencyContactName)),
            emergency_contact_phone: opt(get(CsvField::EmergencyContactPhone)),
            fitness_level,
            injuries: get(CsvField::Injuries),
            body_areas: get(CsvField::BodyAreas)
                .split([';', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            preferred_times: get(CsvField::PreferredTimes),
        };
        let archived_text = get(CsvField::Archived);
        let archived = parse_yes_no(&archived_text);
        if archived.is_none() && error.is_none() {
            error = Some(RowError {
                line: *line,
                field: Some("archived".into()),
                message: format!("Archived must be yes or no, not '{archived_text}'"),
            });
        }
        let paused_text = get(CsvField::Paused);
        let paused = parse_yes_no(&paused_text);
        if paused.is_none() && error.is_none() {
            error = Some(RowError {
                line: *line,
                field: Some("paused".into()),
                message: format!("Paused must be yes or no, not '{paused_text}'"),
            });
        }
        let mut valid = None;
        let mut duplicate = None;
        match validate(&input, today) {
            Err(e) if error.is_none() => {
                error = Some(RowError {
                    line: *line,
                    field: e.field,
                    message: e.message,
                })
            }
            Err(_) => {}
            Ok(v) if error.is_none() => {
                let by_email = v
                    .email
                    .as_ref()
                    .map(|e| e.to_lowercase())
                    .and_then(|e| emails.get(&e).map(|n| (n.clone(), "email")));
                let by_phone = v
                    .phone
                    .as_deref()
                    .and_then(phone_key)
                    .and_then(|k| phones.get(&k).map(|n| (n.clone(), "phone")));
                if let Some((of, matched)) = by_email.or(by_phone) {
                    duplicate = Some(RowDuplicate {
                        line: *line,
                        name: v.name.clone(),
                        duplicate_of: of,
                        matched: matched.into(),
                    });
                }
                let here = format!("line {line}");
                if let Some(e) = &v.email {
                    emails
                        .entry(e.to_lowercase())
                        .or_insert_with(|| here.clone());
                }
                if let Some(k) = v.phone.as_deref().and_then(phone_key) {
                    phones.entry(k).or_insert(here);
                }
                valid = Some((
                    v,
                    Flags {
                        archived: archived.unwrap_or(false),
                        paused: paused.unwrap_or(false),
                    },
                ));
            }
            Ok(_) => {}
        }
        out.push(Checked {
            line: *line,
            input,
            valid,
            error,
            duplicate,
        });
    }
    Ok(out)
}

fn report(
    checked: &[Checked],
    imported: u64,
    dry_run: bool,
    import_duplicates: bool,
) -> ImportReport {
    let duplicates: Vec<RowDuplicate> =
        checked.iter().filter_map(|c| c.duplicate.clone()).collect();
    ImportReport {
        rows: checked.len() as u64,
        imported,
        dry_run,
        errors: checked.iter().filter_map(|c| c.error.clone()).collect(),
        skipped_duplicates: if import_duplicates {
            0
        } else {
            duplicates.len() as u64
        },
        duplicates,
    }
}

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

/// What importing `content` with `mapping` (or the guessed one) would do; writes nothing.
pub async fn preview_clients_csv(db: &Database, req: &CsvImportRequest) -> Result<CsvPreview> {
    let table = read_table(&req.file.bytes(MAX_CSV_BYTES as usize)?)?;
    let mapping = req
        .mapping
        .clone()
        .unwrap_or_else(|| guess_mapping(&table.headers));
    if let Err(e) = check_mapping(&mapping, table.headers.len()) {
        let mapping = if mapping.len() == table.headers.len() {
            mapping
        } else {
            guess_mapping(&table.headers)
        };
        let empty = report(&[], 0, true, req.import_duplicates);
        return Ok(CsvPreview {
            headers: table.headers,
            mapping,
            sample: Vec::new(),
            report: empty,
            mapping_error: Some(e.message),
        });
    }
    let checked = check_rows(db, &table, &mapping).await?;
    let sample = checked
        .iter()
        .take(200)
        .map(|c| CsvPreviewRow {
            line: c.line,
            name: c.input.name.clone(),
            email: c.input.email.clone().unwrap_or_default(),
            phone: c.input.phone.clone().unwrap_or_default(),
            error: c.error.as_ref().map(|e| e.message.clone()),
            duplicate_of: c
                .duplicate
                .as_ref()
                .map(|d| format!("{} ({})", d.duplicate_of, d.matched)),
        })
        .collect();
    Ok(CsvPreview {
        headers: table.headers,
        mapping,
        sample,
        report: report(&checked, 0, true, req.import_duplicates),
        mapping_error: None,
    })
}

/// Imports every row, or none when any row is invalid.
pub async fn import_clients_mapped(db: &Database, req: &CsvImportRequest) -> Result<ImportReport> {
    let table = read_table(&req.file.bytes(MAX_CSV_BYTES as usize)?)?;
    let mapping = req
        .mapping
        .clone()
        .unwrap_or_else(|| guess_mapping(&table.headers));
    check_mapping(&mapping, table.headers.len())?;
    let checked = check_rows(db, &table, &mapping).await?;
    let ok = checked.iter().all(|c| c.error.is_none()) && !checked.is_empty();
    let imported = if ok {
        write(db, &checked, req.import_duplicates).await?
    } else {
        0
    };
    Ok(report(&checked, imported, false, req.import_duplicates))
}

/// The command line's import: columns guessed from the header, duplicates skipped.
pub async fn import_clients_csv<R: Read>(
    db: &Database,
    reader: R,
    dry_run: bool,
) -> Result<ImportReport> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AppError::io("cannot read the CSV file", e))?;
    let table = read_table(&bytes)?;
    let mapping = guess_mapping(&table.headers);
    check_mapping(&mapping, table.headers.len())?;
    let checked = check_rows(db, &table, &mapping).await?;
    let ok = checked.iter().all(|c| c.error.is_none());
    let imported = if ok && !dry_run {
        write(db, &checked, false).await?
    } else {
        0
    };
    Ok(report(&checked, imported, dry_run, false))
}

fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}
