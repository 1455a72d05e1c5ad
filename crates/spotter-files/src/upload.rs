//! Files the trainer picks reach the core either as a path chosen in the app's open dialog
//! (read here, only if the dialog returned it: `files::chosen`) or as base64 bytes (the CLI,
//! tests), so the core sees the exact bytes (and can say "not UTF-8" or "too large" precisely)
//! without the webview decoding them.

use base64::Engine;
use serde::{Deserialize, Serialize};
use spotter_store::{AppError, ErrorCode, Result};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FileUpload {
    /// The file's name, for messages.
    pub name: String,
    /// Its content, base64-encoded (empty when `path` is given).
    pub base64: String,
    /// A file the trainer chose in the open dialog; Spotter reads it itself.
    #[ts(optional = nullable)]
    pub path: Option<String>,
}

impl FileUpload {
    /// The bytes, refusing files above `max_bytes` before decoding them.
    pub fn bytes(&self, max_bytes: usize) -> Result<Vec<u8>> {
        if let Some(path) = self.path.as_deref() {
            return crate::chosen::read_opened(path, &self.name, max_bytes);
        }
        let approx = self.base64.len() / 4 * 3;
        if approx > max_bytes + 3 {
            return Err(AppError::new(
                ErrorCode::InvalidFile,
                format!(
                    "{} is {:.1} MB; Spotter reads files up to {} MB here",
                    if self.name.is_empty() {
                        "The file"
                    } else {
                        &self.name
                    },
                    approx as f64 / 1_048_576.0,
                    max_bytes / 1_048_576
                ),
            ));
        }
        base64::engine::general_purpose::STANDARD
            .decode(self.base64.trim())
            .map_err(|_| {
                AppError::new(
                    ErrorCode::InvalidFile,
                    "The file could not be read (its upload was corrupted); try again",
                )
            })
    }
}
