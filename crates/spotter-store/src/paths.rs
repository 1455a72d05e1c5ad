//! Where Spotter keeps its files.
//!
//! Precedence: an explicit `--data-dir`, then `SPOTTER_DATA_DIR`, then the OS
//! app-data directory. The default matches Tauri's `app_data_dir()` (the OS data
//! directory joined with the bundle identifier), so the app and `spotter-cli`
//! find the same database without the CLI depending on Tauri.

use std::path::{Path, PathBuf};

/// Must equal `identifier` in tauri.conf.json (checked by a test).
pub const APP_IDENTIFIER: &str = "app.spotter.desktop";
pub const DATA_DIR_ENV: &str = "SPOTTER_DATA_DIR";
pub const DB_FILE_NAME: &str = "spotter.db";

#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// Resolves the data directory from an explicit override, the environment or the OS default.
    pub fn resolve(explicit: Option<PathBuf>) -> crate::Result<Self> {
        if let Some(dir) = explicit {
            return Ok(Self::new(dir));
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            return Ok(Self::new(PathBuf::from(dir)));
        }
        dirs::data_dir()
            .map(|d| Self::new(d.join(APP_IDENTIFIER)))
            .ok_or_else(|| {
                crate::AppError::new(
                    crate::ErrorCode::Io,
                    format!("no OS data directory found; set {DATA_DIR_ENV} or pass --data-dir"),
                )
            })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn database(&self) -> PathBuf {
        self.root.join(DB_FILE_NAME)
    }

    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// Logs go next to the data when the directory was chosen explicitly, so
    /// tests and profiles stay self-contained; the app passes the OS log dir otherwise.
    pub fn logs(&self) -> PathBuf {
        self.root.join("logs")
    }
}

/// Parses `--data-dir <path>` or `--data-dir=<path>` out of raw process arguments
/// (OS strings: a path need not be Unicode). The desktop app uses this instead of a
/// CLI framework to stay dependency-light.
pub fn data_dir_from_args<I, S>(args: I) -> Option<PathBuf>
where
    I: IntoIterator<Item = S>,
    S: Into<std::ffi::OsString>,
{
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_data_dir_in_both_spellings() {
        let a = data_dir_from_args(["spotter", "--data-dir", "/tmp/x"].map(String::from));
        assert_eq!(a, Some(PathBuf::from("/tmp/x")));
        let b = data_dir_from_args(["spotter", "--data-dir=/tmp/y"].map(String::from));
        assert_eq!(b, Some(PathBuf::from("/tmp/y")));
        assert_eq!(data_dir_from_args(["spotter"].map(String::from)), None);
    }

    #[test]
    fn identifier_matches_tauri_config() {
        let conf = include_str!("../../../tauri.conf.json");
        let json: serde_json::Value = serde_json::from_str(conf).expect("tauri.conf.json is JSON");
        assert_eq!(json["identifier"], APP_IDENTIFIER);
    }
}

/// Where the app keeps its log files: beside the data when the directory was chosen
/// (`--data-dir`, `SPOTTER_DATA_DIR`), else the OS log directory, as Tauri's
/// `app_log_dir()` gives it (macOS `~/Library/Logs/<id>`, elsewhere `<local data>/<id>/logs`),
/// so `spotter-cli` reads the same logs as the app.
pub fn log_dir(data_dir: &DataDir, chosen: bool) -> PathBuf {
    if chosen {
        return data_dir.logs();
    }
    let os = if cfg!(target_os = "macos") {
        dirs::home_dir().map(|h| h.join("Library/Logs").join(APP_IDENTIFIER))
    } else {
        dirs::data_local_dir().map(|d| d.join(APP_IDENTIFIER).join("logs"))
    };
    os.unwrap_or_else(|| data_dir.logs())
}

/// Where exports go unless the trainer picks another folder: Documents/Spotter.
pub fn default_export_dir() -> PathBuf {
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("Spotter")
}
