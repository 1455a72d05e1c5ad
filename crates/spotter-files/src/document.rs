//! Which files Spotter hands to the system's default app ("Open" after a PDF or an export).
//!
//! The desktop's default handler runs what it is given: an executable, a `.desktop` file
//! or a script would be started, not shown. So only Spotter's own document types are
//! opened (PDF, iCalendar, CSV, JSON), only regular files that are not executable, only
//! when the real file (after following links) has that extension too, and only when its
//! first bytes look like that type. Anything else is refused with the reason.

use std::io::Read;
use std::path::PathBuf;

use spotter_store::{AppError, Result};

/// The extensions of the documents Spotter writes and will open.
pub const OPENABLE: [&str; 4] = ["pdf", "ics", "csv", "json"];

/// The file to open, checked: its real path (links followed).
pub fn openable(path: &str) -> Result<PathBuf> {
    let refuse =
        |why: &str| AppError::validation("path", format!("{path} cannot be opened: {why}"));
    let given = PathBuf::from(path.trim());
    let real = std::fs::canonicalize(&given)
        .map_err(|_| AppError::validation("path", format!("{path} does not exist")))?;
    let ext = |p: &std::path::Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let wanted = match (ext(&given), ext(&real)) {
        (Some(a), Some(b)) if a == b && OPENABLE.contains(&a.as_str()) => a,
        _ => {
            return Err(refuse(
                "Spotter only opens its own documents (PDF, .ics, .csv, .json)",
            ))
        }
    };
    let meta = std::fs::metadata(&real).map_err(|e| AppError::io("The file cannot be read", e))?;
    if !meta.is_file() {
        return Err(refuse("it is not a file"));
    }
    if is_executable(&meta) {
        return Err(refuse("it is marked as a program"));
    }
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(&real)
        .and_then(|f| f.take(512).read_to_end(&mut head))
        .map_err(|e| AppError::io("The file cannot be read", e))?;
    if !looks_like(&wanted, &head) {
        return Err(refuse(&format!(
            "its contents are not a .{wanted} document"
        )));
    }
    Ok(real)
}

/// Whether the first bytes fit the type: a PDF header, an iCalendar, JSON, or plain text.
fn looks_like(ext: &str, head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &text[i..]);
    let plain_text =
        !head.contains(&0) && !start.starts_with(b"#!") && !start.starts_with(b"[Desktop Entry]");
    match ext {
        "pdf" => head.starts_with(b"%PDF-"),
        "ics" => start.len() >= 15 && start[..15].eq_ignore_ascii_case(b"BEGIN:VCALENDAR"),
        "json" => plain_text && (start.starts_with(b"{") || start.starts_with(b"[")),
        "csv" => plain_text,
        _ => false,
    }
}

#[cfg(unix)]
fn is_executable(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &std::fs::Metadata) -> bool {
    // Windows decides by extension, which is checked above.
    false
}
