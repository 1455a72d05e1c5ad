//! The import's IPC types: the fields a column can fill, the dialog's request and the
//! options it shares with the command line, the preview, and the report with its row
//! errors and duplicates.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CsvDelimiter, DateOrder};

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
    pub(super) fn for_client_field(field: &str) -> Option<Self> {
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
    pub file: spotter_files::upload::FileUpload,
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
    pub(super) fn options(&self) -> CsvOptions {
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
