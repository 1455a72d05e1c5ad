//! The files the trainer chose in a native dialog during this run of the app: the only paths
//! the window may have Spotter write to or read from. The window names a path, but the path
//! must have come out of a dialog the trainer answered, so script in the webview (a bug, an
//! injected name) can neither write over a file nor read one the trainer did not pick.
//!
//! One list per process, like the process's working directory: the app's dialogs fill it and
//! its commands consult it; `spotter-cli` never uses it (it reads and writes the paths it is
//! given on its command line).

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use spotter_store::{AppError, ErrorCode, Result};

#[derive(Default)]
struct Chosen {
    /// Each path with whether the dialog asked about replacing it (see [`note_saved`]).
    saved: HashMap<PathBuf, bool>,
    opened: HashSet<PathBuf>,
}

fn chosen() -> &'static Mutex<Chosen> {
    static CHOSEN: OnceLock<Mutex<Chosen>> = OnceLock::new();
    CHOSEN.get_or_init(Default::default)
}

fn with<T>(f: impl FnOnce(&mut Chosen) -> T) -> T {
    // A poisoned lock only means another thread panicked while inserting; the set is fine.
    let mut guard = chosen().lock().unwrap_or_else(|p| p.into_inner());
    f(&mut guard)
}

/// Notes a path the trainer chose in a save dialog. `asked` is false when the dialog did not
/// ask about replacing this very file (Spotter added the extension to the name typed), so
/// an existing file there is not replaced without asking.
pub fn note_saved(path: &Path, asked: bool) {
    with(|c| c.saved.insert(path.to_path_buf(), asked));
}

/// Notes a file the trainer chose in an open dialog.
pub fn note_opened(path: &Path) {
    with(|c| c.opened.insert(path.to_path_buf()));
}

/// The path an export may write, and what it may replace: only a path chosen in a save
/// dialog, and then, when `replace` is asked for, that path if the dialog asked the trainer
/// "Replace?" about it. Returns the core's `replace` argument.
pub fn for_writing(path: &str, replace: bool) -> Result<Option<&str>> {
    let Some(asked) = with(|c| c.saved.get(Path::new(path.trim())).copied()) else {
        return Err(AppError::validation(
            "path",
            "Choose where to save the file with the Save button",
        ));
    };
    Ok((replace && asked).then_some(path))
}

/// A file chosen in an open dialog, for a command that reads it by path itself (a backup to
/// restore); any other path is refused.
pub fn opened_path(path: &str) -> Result<PathBuf> {
    let path = PathBuf::from(path.trim());
    if with(|c| c.opened.contains(&path)) {
        Ok(path)
    } else {
        Err(AppError::validation(
            "path",
            "Choose the file with the Choose button",
        ))
    }
}

/// The bytes of a file chosen in an open dialog, refusing it above `max_bytes` before reading
/// more than that. `name` is for messages.
pub fn read_opened(path: &str, name: &str, max_bytes: usize) -> Result<Vec<u8>> {
    let path = Path::new(path);
    if !with(|c| c.opened.contains(path)) {
        return Err(AppError::new(
            ErrorCode::InvalidFile,
            "Choose the file with the Choose button",
        ));
    }
    let shown = if name.is_empty() {
        path.display().to_string()
    } else {
        name.to_owned()
    };
    let file = std::fs::File::open(path)
        .map_err(|e| AppError::io(&format!("{shown} could not be read"), e))?;
    let mut bytes = Vec::new();
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AppError::io(&format!("{shown} could not be read"), e))?;
    if bytes.len() > max_bytes {
        let size = path
            .metadata()
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Err(AppError::new(
            ErrorCode::InvalidFile,
            format!(
                "{shown} is {:.1} MB; Spotter reads files up to {} MB here",
                size as f64 / 1_048_576.0,
                max_bytes / 1_048_576
            ),
        ));
    }
    Ok(bytes)
}
