//! The core's side of the native save and open dialogs (the app opens them from Rust; the
//! window never gets a file-system permission): what each kind of file is called and filtered
//! by, which folder a dialog starts in, and the folder remembered for the next one.
//!
//! Two folders are remembered, one for saving and one for opening, not one per kind: a
//! trainer who saves a plan into a client's folder expects the report to go there too, while
//! the files they import come from elsewhere (Downloads, a USB stick) and must not pull the
//! next export after them. A folder that no longer exists is forgotten quietly. Saving starts
//! in Documents/Spotter ([`spotter_store::paths::default_export_dir`]) until something was saved, and
//! that folder is created when missing, so the first PDF on a fresh machine has somewhere to go.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, ErrorCode, Result};
use ts_rs::TS;

/// What the trainer is saving; each has its own name in the dialog and one extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SaveKind {
    PlanPdf,
    ReportPdf,
    ClientsCsv,
    CalendarIcs,
    SessionIcs,
    /// Everything as one JSON file.
    FullExport,
}

/// What the trainer is picking to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenKind {
    ClientsCsv,
    CalendarIcs,
    Exercises,
    Logo,
    /// A backup file to restore from.
    Backup,
}

/// A dialog's title and filter: the name shown and the extensions it lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub title: &'static str,
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

impl SaveKind {
    pub fn filter(self) -> Filter {
        let (title, name, extensions): (_, _, &'static [&'static str]) = match self {
            SaveKind::PlanPdf => ("Save the plan as PDF", "PDF", &["pdf"]),
            SaveKind::ReportPdf => ("Save the progress report as PDF", "PDF", &["pdf"]),
            SaveKind::ClientsCsv => ("Export clients to CSV", "CSV", &["csv"]),
            SaveKind::CalendarIcs => ("Export the calendar", "Calendar (.ics)", &["ics"]),
            SaveKind::SessionIcs => ("Save the invitation", "Calendar (.ics)", &["ics"]),
            SaveKind::FullExport => ("Export everything", "JSON", &["json"]),
        };
        Filter {
            title,
            name,
            extensions,
        }
    }
}

impl OpenKind {
    pub fn filter(self) -> Filter {
        let (title, name, extensions): (_, _, &'static [&'static str]) = match self {
            OpenKind::ClientsCsv => ("Import clients", "CSV", &["csv", "tsv", "txt"]),
            OpenKind::CalendarIcs => ("Import a calendar", "Calendar (.ics)", &["ics"]),
            OpenKind::Exercises => ("Import exercises", "JSON", &["json"]),
            OpenKind::Logo => ("Choose the studio logo", "Images", &["png", "jpg", "jpeg"]),
            OpenKind::Backup => ("Choose a backup to restore", "Spotter backup", &["db"]),
        };
        Filter {
            title,
            name,
            extensions,
        }
    }
}

/// Saving or opening: each remembers its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Save,
    Open,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Folders {
    save: Option<PathBuf>,
    open: Option<PathBuf>,
}

const FOLDERS_KEY: &str = "file_dialog_folders";

async fn folders(db: &Database) -> Result<Folders> {
    let raw: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(FOLDERS_KEY)
        .fetch_optional(db.pool())
        .await?;
    // Written only by `remember_folder`; an unreadable value is as good as none.
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

/// The folder remembered for `direction`, if it still is a folder.
pub async fn last_folder(db: &Database, direction: Direction) -> Result<Option<PathBuf>> {
    let f = folders(db).await?;
    let folder = match direction {
        Direction::Save => f.save,
        Direction::Open => f.open,
    };
    Ok(folder.filter(|d| d.is_dir()))
}

/// Remembers the folder of `chosen` (a file the trainer picked) for the next dialog.
pub async fn remember_folder(db: &Database, direction: Direction, chosen: &Path) -> Result<()> {
    let Some(folder) = chosen.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    let mut f = folders(db).await?;
    match direction {
        Direction::Save => f.save = Some(folder.to_path_buf()),
        Direction::Open => f.open = Some(folder.to_path_buf()),
    }
    let json = serde_json::to_string(&f).map_err(|e| AppError::internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(FOLDERS_KEY)
    .bind(&json)
    .bind(now_utc())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Where a dialog starts: the folder last used in that direction, else [`default_start`].
pub async fn start_folder(
    db: &Database,
    direction: Direction,
    default_folder: &Path,
) -> Result<PathBuf> {
    match last_folder(db, direction).await? {
        Some(last) => Ok(last),
        None => default_start(direction, default_folder),
    }
}

/// Where a dialog starts with nothing remembered (or no database to remember in): for saving,
/// `default_folder`, created when missing; for opening, `default_folder` if it exists, else
/// the home folder.
pub fn default_start(direction: Direction, default_folder: &Path) -> Result<PathBuf> {
    match direction {
        Direction::Save => {
            std::fs::create_dir_all(default_folder).map_err(|e| {
                AppError::io(
                    &format!(
                        "The folder {} could not be created",
                        default_folder.display()
                    ),
                    e,
                )
            })?;
            Ok(default_folder.to_path_buf())
        }
        Direction::Open if default_folder.is_dir() => Ok(default_folder.to_path_buf()),
        Direction::Open => Ok(dirs::home_dir().unwrap_or_else(|| default_folder.to_path_buf())),
    }
}

/// A dialog as the app is about to show it; what the test stand-in logs.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogRequest {
    pub direction: Direction,
    /// The kind, as the UI named it (`plan_pdf`, `logo` …).
    pub kind: String,
    pub start_folder: PathBuf,
    /// Save dialogs only: the name offered.
    pub suggested_name: Option<String>,
}

/// The file name offered in a save dialog: the UI's suggestion without any folder part
/// (the folder is the start folder's business), with the kind's extension.
pub fn suggested_file_name(kind: SaveKind, suggested: &str) -> String {
    let ext = kind.filter().extensions[0];
    let base = Path::new(suggested.trim())
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .unwrap_or("export");
    let has_ext = Path::new(base)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has_ext {
        base.to_owned()
    } else {
        format!("{base}.{ext}")
    }
}

/// The chosen path with the kind's extension: a name typed without it (the dialogs do not
/// add one) gets it appended, and then `true` says so (the dialog did not ask about
/// replacing a file of that name).
pub fn with_extension(kind: SaveKind, chosen: PathBuf) -> (PathBuf, bool) {
    let ext = kind.filter().extensions[0];
    let has = chosen
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has {
        return (chosen, false);
    }
    let mut name = chosen.into_os_string();
    name.push(".");
    name.push(ext);
    (PathBuf::from(name), true)
}

/// TEST STAND-IN for the native dialog, used only by debug builds when the end-to-end tests set
/// `SPOTTER_TEST_DIALOG_DIR` (src-tauri decides that; release builds never call this).
/// WebDriver cannot answer a native GTK file chooser, so the test writes its answers in advance,
/// one per line, in `<dir>/answers`: `save` (the suggested name in the start folder: what
/// pressing Save does), `cancel`, or an absolute path (what the trainer would have picked).
/// Each dialog takes the first line and appends its request and answer to
/// `<dir>/requests.jsonl`, so a test can check which folder the dialog would have started in.
pub fn test_answer(dir: &Path, request: &DialogRequest) -> Result<Option<PathBuf>> {
    let answers_file = dir.join("answers");
    let text = std::fs::read_to_string(&answers_file)
        .map_err(|e| AppError::io("The test dialog has no answers file", e))?;
    let mut lines = text.lines();
    let first = lines
        .next()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| AppError::new(ErrorCode::Io, "The test dialog ran out of answers"))?;
    let answer = match (first, request.direction) {
        ("cancel", _) => None,
        ("save", Direction::Save) => Some(
            request
                .start_folder
                .join(request.suggested_name.as_deref().unwrap_or("export")),
        ),
        (path, _) if Path::new(path).is_absolute() => Some(PathBuf::from(path)),
        (other, _) => {
            return Err(AppError::new(
                ErrorCode::Io,
                format!("The test dialog cannot answer {other:?}"),
            ))
        }
    };
    let rest: Vec<&str> = lines.collect();
    std::fs::write(&answers_file, rest.join("\n"))
        .map_err(|e| AppError::io("The test dialog's answers could not be updated", e))?;
    let line = serde_json::json!({ "request": request, "answer": answer });
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("requests.jsonl"))
        .map_err(|e| AppError::io("The test dialog's log could not be opened", e))?;
    writeln!(log, "{line}").map_err(|e| AppError::io("The test dialog's log", e))?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_is_a_file_name_of_the_kind() {
        assert_eq!(
            suggested_file_name(SaveKind::PlanPdf, "strength.pdf"),
            "strength.pdf"
        );
        assert_eq!(
            suggested_file_name(SaveKind::PlanPdf, "strength"),
            "strength.pdf"
        );
        assert_eq!(
            suggested_file_name(SaveKind::ClientsCsv, "/etc/clients.CSV"),
            "clients.CSV"
        );
        assert_eq!(
            suggested_file_name(SaveKind::CalendarIcs, "../../x"),
            "x.ics"
        );
        assert_eq!(suggested_file_name(SaveKind::FullExport, ""), "export.json");
        assert_eq!(
            suggested_file_name(SaveKind::ReportPdf, ".bashrc"),
            "export.pdf"
        );
    }

    #[test]
    fn a_name_typed_without_the_extension_gets_it() {
        let (p, added) = with_extension(SaveKind::PlanPdf, PathBuf::from("/x/plan"));
        assert_eq!((p, added), (PathBuf::from("/x/plan.pdf"), true));
        let (p, added) = with_extension(SaveKind::PlanPdf, PathBuf::from("/x/plan.PDF"));
        assert_eq!((p, added), (PathBuf::from("/x/plan.PDF"), false));
        let (p, added) = with_extension(SaveKind::ClientsCsv, PathBuf::from("/x/clients.txt"));
        assert_eq!((p, added), (PathBuf::from("/x/clients.txt.csv"), true));
    }

    #[test]
    fn every_kind_filters_by_its_extension() {
        assert_eq!(SaveKind::ReportPdf.filter().extensions, &["pdf"]);
        assert_eq!(SaveKind::FullExport.filter().extensions, &["json"]);
        assert_eq!(OpenKind::Logo.filter().extensions, &["png", "jpg", "jpeg"]);
        assert_eq!(OpenKind::Backup.filter().extensions, &["db"]);
    }
}
