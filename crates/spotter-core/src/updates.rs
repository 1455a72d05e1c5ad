//! Updates of Spotter itself, the Tauri-free part: what a check tells the UI and what an install
//! reports while it works. The download, the signature check and the install are
//! tauri-plugin-updater's, wrapped in `src-tauri/src/update_commands.rs`; the backup taken before
//! installing is `backups::take` with `BackupReason::BeforeUpdate`.

use serde::Serialize;
use ts_rs::TS;

/// The answer to "Check for updates". An unreachable server is an answer, not an error: the
/// trainer is often offline and nothing is wrong then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCheck {
    /// The version running now.
    pub current_version: String,
    pub status: UpdateStatus,
    /// The new version, when `status` is `available`.
    #[ts(optional = nullable)]
    pub update: Option<UpdateOffer>,
    /// A sentence for the trainer when there is more to say (why the server could not be asked,
    /// a newer version without a package for this system).
    #[ts(optional = nullable)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UpdateStatus {
    Available,
    UpToDate,
    /// Offline, or the update server is down or answered with something unreadable.
    Unreachable,
}

/// A newer version the server offers, with its release notes (shown before installing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    pub version: String,
    #[ts(optional = nullable)]
    pub notes: Option<String>,
    /// Publication date (RFC 3339), when the server gives one.
    #[ts(optional = nullable)]
    pub date: Option<String>,
}

/// What `update_install` reports while it works, in this order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "stage")]
pub enum UpdateProgress {
    /// Bytes received so far; `total` when the server says how many there are.
    #[serde(rename_all = "camelCase")]
    Downloading {
        downloaded: u64,
        #[ts(optional = nullable)]
        total: Option<u64>,
    },
    /// The download carries a valid signature from Spotter's release key.
    Verified,
    /// The database was copied to `path` before anything was installed.
    BackedUp { path: String },
    /// The package manager (or the AppImage swap) is installing it.
    Installing,
    /// Installed: restarting starts the new version.
    Installed,
}
