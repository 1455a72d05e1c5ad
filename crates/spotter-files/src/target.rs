//! Where an export goes and how it is written.
//!
//! Every export names its type, and the path must end in that type's extension, so a
//! calendar cannot be written over `~/.bashrc` or into a `.desktop` file. A file that
//! exists is never replaced unless the trainer confirmed replacing exactly that path
//! (`replace` equal to the path): the UI asks, and sends the path back when they agree.
//! The bytes go to a temporary file beside the target first, then into place, so a
//! failed export never leaves half a file, and a new file is linked in only if nothing
//! appeared under its name meanwhile.

use std::io::Write;
use std::path::{Path, PathBuf};

use spotter_store::{AppError, ErrorCode, Result};

/// The kinds of file Spotter exports, each with its one extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Json,
    Ics,
    Pdf,
}

impl ExportKind {
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Csv => "csv",
            ExportKind::Json => "json",
            ExportKind::Ics => "ics",
            ExportKind::Pdf => "pdf",
        }
    }

    fn what(self) -> &'static str {
        match self {
            ExportKind::Csv => "A CSV export",
            ExportKind::Json => "A JSON export",
            ExportKind::Ics => "A calendar file",
            ExportKind::Pdf => "A PDF",
        }
    }
}

/// The checked destination of an export.
#[derive(Debug, Clone)]
pub struct ExportTarget {
    path: PathBuf,
    replace: bool,
}

impl ExportTarget {
    /// Checks `path` for an export of `kind`. `replace` is the path the trainer agreed to
    /// replace, if any; it counts only when it is this very path.
    pub fn check(kind: ExportKind, path: &str, replace: Option<&str>) -> Result<Self> {
        let trimmed = path.trim();
        if trimmed.is_empty() {
            return Err(AppError::validation("path", "Say where to save the file"));
        }
        let target = PathBuf::from(trimmed);
        let ext = target
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let stem_ok = target
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| !s.trim().is_empty() && !s.starts_with('.'));
        if ext.as_deref() != Some(kind.extension()) || !stem_ok {
            return Err(AppError::validation(
                "path",
                format!(
                    "{} must be saved as a .{ext} file, e.g. …/name.{ext}",
                    kind.what(),
                    ext = kind.extension()
                ),
            ));
        }
        if target.is_dir() {
            return Err(AppError::validation(
                "path",
                format!("{trimmed} is a folder; add a file name"),
            ));
        }
        let replace = replace.map(str::trim) == Some(trimmed);
        if target.symlink_metadata().is_ok() && !replace {
            return Err(AppError {
                code: ErrorCode::FileExists,
                message: format!("{trimmed} already exists. Replace it, or choose another name"),
                field: Some("path".into()),
            });
        }
        Ok(Self {
            path: target,
            replace,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the whole file through [`Self::write_with`].
    pub fn write(&self, bytes: &[u8]) -> Result<String> {
        self.write_with(|out| out.write_all(bytes).map_err(|e| self.io_error(e)))
    }

    /// Writes the file with `fill` into a temporary file beside it, then moves it into
    /// place: replacing only when that was confirmed, otherwise only if the name is
    /// still free. Returns the path written.
    pub fn write_with(
        &self,
        fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> Result<()>,
    ) -> Result<String> {
        let dir = match self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| AppError::io("The folder could not be created", e))?;
        let name = self
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("export");
        let tmp = dir.join(format!(".{name}.{}.part", spotter_store::ids::new_id()));
        let result = self
            .write_temp(&tmp, fill)
            .and_then(|()| self.put_in_place(&tmp));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map(|()| self.path.display().to_string())
    }

    fn write_temp(
        &self,
        tmp: &Path,
        fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> Result<()>,
    ) -> Result<()> {
        // create_new: never follows or reuses something already there.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)
            .map_err(|e| self.io_error(e))?;
        let mut out = std::io::BufWriter::new(&file);
        fill(&mut out)?;
        out.flush().map_err(|e| self.io_error(e))?;
        drop(out);
        file.sync_all().map_err(|e| self.io_error(e))
    }

    fn put_in_place(&self, tmp: &Path) -> Result<()> {
        if self.replace {
            return std::fs::rename(tmp, &self.path).map_err(|e| self.io_error(e));
        }
        // A hard link fails if the name was taken meanwhile; the rename below would not.
        match std::fs::hard_link(tmp, &self.path) {
            Ok(()) => {
                let _ = std::fs::remove_file(tmp);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(AppError {
                code: ErrorCode::FileExists,
                message: format!(
                    "{} already exists. Replace it, or choose another name",
                    self.path.display()
                ),
                field: Some("path".into()),
            }),
            // Some file systems (FAT on a USB stick, some network shares) have no hard links.
            Err(_) if self.path.symlink_metadata().is_err() => {
                std::fs::rename(tmp, &self.path).map_err(|e| self.io_error(e))
            }
            Err(e) => Err(self.io_error(e)),
        }
    }

    fn io_error(&self, e: std::io::Error) -> AppError {
        AppError::io(&format!("{} could not be written", self.path.display()), e)
    }
}
