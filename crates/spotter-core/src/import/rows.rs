//! Each CSV row → a client input: the name from a full-name column or first + last, dates
//! read in the file's order, Google's "a ::: b" cells, yes/no in several languages; then
//! the client rules (`clients::validate`) and the duplicate check (same email, any case, or
//! same phone as an existing client or an earlier row). An error names the line, the
//! column as headed in the file, and the value.

use std::collections::HashMap;

use super::dates::{self, DateOrder};
use super::table::Table;
use super::{CsvField, RowDuplicate, RowError};
use crate::clients::{validate, ClientInput, FitnessLevel, ValidClient};
use spotter_store::time::today_utc;
use spotter_store::{Database, Result};

/// Status columns of a row.
pub struct Flags {
    pub archived: bool,
    pub paused: bool,
}

pub struct Checked {
    pub line: u64,
    pub name: String,
    pub email: String,
    pub phone: String,
    /// As read (`YYYY-MM-DD`), or the cell as written when it could not be read.
    pub date_of_birth: String,
    pub valid: Option<(ValidClient, Flags)>,
    pub error: Option<RowError>,
    pub duplicate: Option<RowDuplicate>,
}

/// Values in error messages are cut to this many characters.
const SHOWN_VALUE_CHARS: usize = 80;

fn shown(value: &str) -> String {
    if value.chars().count() > SHOWN_VALUE_CHARS {
        let cut: String = value.chars().take(SHOWN_VALUE_CHARS).collect();
        format!("{cut}…")
    } else {
        value.to_owned()
    }
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

/// Yes/no in the languages we read headers in; empty is no.
fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "nein" | "non" | "nee" | "nie" => Some(false),
        "yes" | "y" | "true" | "1" | "ja" | "j" | "oui" | "si" | "sí" | "sì" | "tak" | "x" => {
            Some(true)
        }
        _ => None,
    }
}

/// Google Contacts puts several values in one cell ("* a@x.com ::: b@x.com"); the first is
/// the primary one. The `* ` marks it.
fn first_value(cell: &str) -> String {
    let first = cell.split(":::").next().unwrap_or(cell).trim();
    first.strip_prefix("* ").unwrap_or(first).trim().to_owned()
}

/// Tags split on `;`, `,` and Google's ` ::: `; Google's own labels ("* myContacts") left out.
fn split_list(cell: &str) -> Vec<String> {
    cell.split(":::")
        .flat_map(|part| part.split([';', ',']))
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with('*'))
        .map(String::from)
        .collect()
}

/// One row's cells by field.
struct Cells<'a> {
    headers: &'a [String],
    mapping: &'a [Option<CsvField>],
    values: &'a [String],
}

impl Cells<'_> {
    fn column(&self, f: CsvField) -> Option<usize> {
        self.mapping.iter().position(|m| *m == Some(f))
    }

    /// The cell, without the `'` a spreadsheet-safe export put before a formula-like value.
    fn get(&self, f: CsvField) -> String {
        self.column(f)
            .and_then(|i| self.values.get(i))
            .map(|v| spotter_files::formula::restore(v).to_owned())
            .unwrap_or_default()
    }

    fn header(&self, f: CsvField) -> Option<String> {
        self.column(f).and_then(|i| self.headers.get(i)).cloned()
    }

    /// The full-name cell, else first and last name joined.
    fn name(&self) -> String {
        let full = self.get(CsvField::Name);
        if !full.trim().is_empty() {
            return full;
        }
        [self.get(CsvField::FirstName), self.get(CsvField::LastName)]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The column(s) and value behind a client field named in an error (`email`, `name` …).
    fn source(&self, field: &str, name: &str) -> (Option<String>, Option<String>) {
        let single = |f: CsvField| (self.header(f), Some(shown(&self.get(f))));
        match field {
            "name" => {
                let full = self.get(CsvField::Name);
                if self.column(CsvField::Name).is_some() && !full.trim().is_empty() {
                    return single(CsvField::Name);
                }
                let parts: Vec<String> = [CsvField::Name, CsvField::FirstName, CsvField::LastName]
                    .into_iter()
                    .filter_map(|f| self.header(f))
                    .collect();
                let column = (!parts.is_empty()).then(|| parts.join(" + "));
                (column, Some(shown(name)))
            }
            other => match CsvField::for_client_field(other) {
                Some(f) => single(f),
                None => (None, None),
            },
        }
    }
}

/// Checks every row; writes nothing.
pub async fn check(
    db: &Database,
    table: &Table,
    mapping: &[Option<CsvField>],
    date_order: Option<DateOrder>,
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
        let line = *line;
        let cells = Cells {
            headers: &table.headers,
            mapping,
            values,
        };
        let name = cells.name();
        let fail = |field: &str, message: String| {
            let (column, value) = cells.source(field, &name);
            RowError {
                line,
                field: Some(field.to_owned()),
                column,
                value,
                message,
            }
        };
        let mut error: Option<RowError> = None;

        let dob_cell = cells.get(CsvField::DateOfBirth);
        let mut date_of_birth = dob_cell.trim().to_owned();
        if !date_of_birth.is_empty() {
            match dates::to_iso(&dob_cell, date_order) {
                Ok(iso) => date_of_birth = iso,
                Err(why) => error = error.or_else(|| Some(fail("dateOfBirth", why))),
            }
        }
        let level = cells.get(CsvField::FitnessLevel).to_lowercase();
        let fitness_level = if level.is_empty() {
            None
        } else {
            let parsed = FitnessLevel::parse(&level);
            if parsed.is_none() {
                error = error.or_else(|| {
                    Some(fail(
                        "fitnessLevel",
                        format!("Fitness level must be beginner, intermediate, advanced or athlete, not '{}'", shown(&level)),
                    ))
                });
            }
            parsed
        };
        let mut yes_no = |f: CsvField, field: &str, label: &str| {
            let text = cells.get(f);
            let parsed = parse_yes_no(&text);
            if parsed.is_none() {
                error = error.take().or_else(|| {
                    Some(fail(
                        field,
                        format!("{label} must be yes or no, not '{}'", shown(&text)),
                    ))
                });
            }
            parsed.unwrap_or(false)
        };
        let flags = Flags {
            archived: yes_no(CsvField::Archived, "archived", "Archived"),
            paused: yes_no(CsvField::Paused, "paused", "Paused"),
        };
        let opt = |s: String| (!s.trim().is_empty()).then_some(s);
        let email = first_value(&cells.get(CsvField::Email));
        let phone = first_value(&cells.get(CsvField::Phone));
        let input = ClientInput {
            name: name.clone(),
            email: opt(email.clone()),
            phone: opt(phone.clone()),
            date_of_birth: opt(date_of_birth.clone()).filter(|_| error.is_none()),
            goals: cells.get(CsvField::Goals),
            notes: cells.get(CsvField::Notes),
            tags: split_list(&cells.get(CsvField::Tags)),
            emergency_contact_name: opt(cells.get(CsvField::EmergencyContactName)),
            emergency_contact_phone: opt(first_value(&cells.get(CsvField::EmergencyContactPhone))),
            fitness_level,
            injuries: cells.get(CsvField::Injuries),
            body_areas: split_list(&cells.get(CsvField::BodyAreas)),
            preferred_times: cells.get(CsvField::PreferredTimes),
        };
        let mut valid = None;
        let mut duplicate = None;
        match validate(&input, today) {
            Err(e) if error.is_none() => {
                let field = e.field.unwrap_or_default();
                error = Some(fail(&field, e.message));
            }
            Ok(v) if error.is_none() => {
                let by_email = v
                    .email
                    .as_ref()
                    .and_then(|e| emails.get(&e.to_lowercase()).map(|n| (n.clone(), "email")));
                let by_phone = v
                    .phone
                    .as_deref()
                    .and_then(phone_key)
                    .and_then(|k| phones.get(&k).map(|n| (n.clone(), "phone")));
                if let Some((of, matched)) = by_email.or(by_phone) {
                    duplicate = Some(RowDuplicate {
                        line,
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
                valid = Some((v, flags));
            }
            _ => {}
        }
        out.push(Checked {
            line,
            name,
            email,
            phone,
            date_of_birth,
            valid,
            error,
            duplicate,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_cells_and_lists() {
        assert_eq!(first_value("* anna@x.com ::: anna@work.com"), "anna@x.com");
        assert_eq!(
            split_list("* myContacts ::: * Starred ::: Clients ::: VIP"),
            ["Clients", "VIP"]
        );
        assert_eq!(split_list("knee; vip,online"), ["knee", "vip", "online"]);
    }
}
