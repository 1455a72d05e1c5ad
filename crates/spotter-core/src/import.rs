//! Importing clients from CSV: every row is validated first, and either all
//! rows are written in one transaction or none are.

use std::io::Read;

use serde::Serialize;
use ts_rs::TS;

use crate::clients::{insert_validated, validate, ClientInput, ValidClient};
use crate::ids::new_id;
use crate::time::{now_utc, today_utc};
use crate::{AppError, Database, ErrorCode, Result};

/// Refuse files larger than this before parsing (a client list is a few hundred kB).
pub const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

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
pub struct ImportReport {
    pub rows: u64,
    /// How many clients were written (0 on a dry run or when any row is invalid).
    pub imported: u64,
    pub dry_run: bool,
    pub errors: Vec<RowError>,
}

/// Reads a CSV with a header row. Recognised columns (case-insensitive): name, email, phone,
/// date_of_birth (or dob), goals, notes, tags (separated by ";" or ","), archived (yes/no).
/// Other columns are ignored.
pub async fn import_clients_csv<R: Read>(
    db: &Database,
    reader: R,
    dry_run: bool,
) -> Result<ImportReport> {
    let parsed = parse_clients_csv(reader)?;
    let rows = parsed.len() as u64;
    let mut valid: Vec<(ValidClient, bool)> = Vec::with_capacity(parsed.len());
    let mut errors = Vec::new();
    let today = today_utc();
    for row in parsed {
        let archived = match parse_yes_no(&row.archived) {
            Some(a) => a,
            None => {
                let message = format!("Archived must be yes or no, not '{}'", row.archived);
                errors.push(RowError {
                    line: row.line,
                    field: Some("archived".into()),
                    message,
                });
                continue;
            }
        };
        match validate(&row.input, today) {
            Ok(v) => valid.push((v, archived)),
            Err(e) => errors.push(RowError {
                line: row.line,
                field: e.field,
                message: e.message,
            }),
        }
    }
    if dry_run || !errors.is_empty() || valid.is_empty() {
        return Ok(ImportReport {
            rows,
            imported: 0,
            dry_run,
            errors,
        });
    }
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    for (v, archived) in &valid {
        let id = new_id();
        insert_validated(&mut *tx, &id, v, &now).await?;
        if *archived {
            sqlx::query("UPDATE clients SET archived_at = ? WHERE id = ?")
                .bind(&now)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(ImportReport {
        rows,
        imported: valid.len() as u64,
        dry_run,
        errors,
    })
}

struct ParsedRow {
    line: u64,
    input: ClientInput,
    archived: String,
}

fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}

fn parse_clients_csv<R: Read>(reader: R) -> Result<Vec<ParsedRow>> {
    let bad = |msg: String| AppError::new(ErrorCode::InvalidFile, msg);
    let mut limited = reader.take(MAX_CSV_BYTES + 1);
    let mut bytes = Vec::new();
    limited
        .read_to_end(&mut bytes)
        .map_err(|e| AppError::io("cannot read the CSV file", e))?;
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(bad(format!(
            "the CSV file is larger than {} MB; split it into smaller files",
            MAX_CSV_BYTES / 1024 / 1024
        )));
    }
    // Tolerate a UTF-8 byte-order mark, as Excel writes one.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);

    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(body);
    let headers = rdr
        .byte_headers()
        .map_err(|e| bad(format!("cannot read the CSV header: {e}")))?
        .clone();
    let header_text: Vec<String> = headers
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .to_lowercase()
                .replace([' ', '-'], "_")
        })
        .collect();
    let col = |names: &[&str]| header_text.iter().position(|h| names.contains(&h.as_str()));
    let name_col = col(&["name", "full_name"])
        .ok_or_else(|| bad("the CSV has no 'name' column in its header row".into()))?;
    let email_col = col(&["email", "e_mail"]);
    let phone_col = col(&["phone", "mobile", "telephone"]);
    let dob_col = col(&["date_of_birth", "dob", "birthday", "birth_date"]);
    let goals_col = col(&["goals", "goal"]);
    let notes_col = col(&["notes", "note"]);
    let tags_col = col(&["tags", "tag"]);
    let archived_col = col(&["archived"]);

    let mut out = Vec::new();
    for record in rdr.byte_records() {
        let record = record.map_err(|e| bad(format!("the CSV is malformed: {e}")))?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let text = |i: Option<usize>| -> Result<String> {
            match i.and_then(|i| record.get(i)) {
                None => Ok(String::new()),
                Some(raw) => String::from_utf8(raw.to_vec()).map_err(|_| {
                    bad(format!(
                        "line {line} is not UTF-8 text; save the file as UTF-8 and try again"
                    ))
                }),
            }
        };
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        let opt = |s: String| (!s.is_empty()).then_some(s);
        out.push(ParsedRow {
            line,
            archived: text(archived_col)?,
            input: ClientInput {
                name: text(Some(name_col))?,
                email: opt(text(email_col)?),
                phone: opt(text(phone_col)?),
                date_of_birth: opt(text(dob_col)?),
                goals: text(goals_col)?,
                notes: text(notes_col)?,
                tags: text(tags_col)?
                    .split([';', ','])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect(),
            },
        });
    }
    Ok(out)
}
