//! Signed updates through tauri-plugin-updater, behind Spotter's own commands so the webview
//! holds no updater permission. `update_check` asks the update server and remembers the release
//! it offered; `update_install` downloads exactly that release, checks its signature against the
//! public key in tauri.conf.json, backs up the database, then lets the plugin install it;
//! `update_restart` starts the new version. Every plugin error becomes an answer that says what
//! happened: an unreachable server is a calm status, not an error.

use std::sync::Mutex;
use std::time::Duration;

use serde_json::Value;
use spotter_core::updates::{UpdateCheck, UpdateOffer, UpdateProgress, UpdateStatus};
use spotter_store::backups::{self, BackupReason};
use spotter_store::paths::DataDir;
use spotter_store::{AppError, Database, ErrorCode};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, Url};
use tauri_plugin_updater::{Error as UpdaterError, Update, Updater, UpdaterExt};

use crate::commands::app_state;

/// Debug builds only (the tests): the update server to ask instead of the configured one.
pub const ENDPOINT_ENV: &str = "SPOTTER_UPDATE_ENDPOINT";
/// Debug builds only (the tests): the public key to trust instead of the configured one.
pub const PUBKEY_ENV: &str = "SPOTTER_UPDATE_PUBKEY";

/// A stalled connection gives up after this long; a slow but moving download does not.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const READ_TIMEOUT: Duration = Duration::from_secs(30);
const NO_RELEASE: &str = "The update server did not answer with a release it can offer (it may be down or being updated). Nothing changed; try again later.";

/// Progress is reported every this many bytes (and at the end), not for every network chunk.
const PROGRESS_STEP: u64 = 256 * 1024;

/// Where to look for updates and whose signature to trust, when not the configured ones.
#[derive(Debug, Clone, Default)]
pub struct UpdateSource {
    pub endpoint: Option<Url>,
    pub pubkey: Option<String>,
}

impl UpdateSource {
    /// A release build always uses tauri.conf.json; a debug build may be pointed elsewhere
    /// through `SPOTTER_UPDATE_ENDPOINT` and `SPOTTER_UPDATE_PUBKEY`.
    pub fn from_env() -> Self {
        if !cfg!(debug_assertions) {
            return Self::default();
        }
        let endpoint = std::env::var(ENDPOINT_ENV)
            .ok()
            .filter(|v| !v.is_empty())
            .and_then(|v| match Url::parse(&v) {
                Ok(url) => Some(url),
                Err(e) => {
                    tracing::warn!(error = %e, "{ENDPOINT_ENV} is not a URL; using the configured endpoint");
                    None
                }
            });
        let pubkey = std::env::var(PUBKEY_ENV).ok().filter(|v| !v.is_empty());
        Self { endpoint, pubkey }
    }
}

/// The commands' state: where to look, and the release the last check offered the trainer.
pub struct Updates {
    source: UpdateSource,
    offered: Mutex<Option<Update>>,
}

impl Updates {
    pub fn new(source: UpdateSource) -> Self {
        Self {
            source,
            offered: Mutex::new(None),
        }
    }

    fn offered(&self) -> Option<Update> {
        self.offered.lock().ok().and_then(|o| o.clone())
    }

    fn set_offered(&self, update: Option<Update>) {
        if let Ok(mut offered) = self.offered.lock() {
            *offered = update;
        }
    }
}

/// The plugin's updater with the app's configuration, `source` applied over it.
pub fn updater<R: Runtime>(app: &AppHandle<R>, source: &UpdateSource) -> Result<Updater, AppError> {
    let mut builder = app.updater_builder().configure_client(|client| {
        client
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(READ_TIMEOUT)
    });
    if let Some(endpoint) = &source.endpoint {
        builder = builder
            .endpoints(vec![endpoint.clone()])
            .map_err(not_configured)?;
    }
    if let Some(pubkey) = &source.pubkey {
        builder = builder.pubkey(pubkey.clone());
    }
    builder.build().map_err(not_configured)
}

/// Asks the update server. A newer version comes back with its notes and the `Update` to install
/// it; offline or a server that is down is `Unreachable`, with the reason.
pub async fn check<R: Runtime>(
    app: &AppHandle<R>,
    source: &UpdateSource,
) -> Result<(UpdateCheck, Option<Update>), AppError> {
    let current_version = app.package_info().version.to_string();
    let answer = |status, update, message: Option<String>| UpdateCheck {
        current_version: current_version.clone(),
        status,
        update,
        message,
    };
    let updater = updater(app, source)?;
    match updater.check().await {
        Ok(Some(update)) => {
            let offer = UpdateOffer {
                version: update.version.clone(),
                notes: update.body.clone().filter(|n| !n.trim().is_empty()),
                // As the server wrote it, once the plugin has parsed it as a date.
                date: update
                    .date
                    .and(update.raw_json.get("pub_date"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            };
            Ok((
                answer(UpdateStatus::Available, Some(offer), None),
                Some(update),
            ))
        }
        Ok(None) => Ok((answer(UpdateStatus::UpToDate, None, None), None)),
        Err(e) => {
            tracing::info!(error = %e, "update check failed");
            match e {
                // Reached, but its answer was not a release (a captive portal's page, say).
                UpdaterError::Reqwest(r) if r.is_decode() => Ok((
                    answer(
                        UpdateStatus::Unreachable,
                        None,
                        Some(NO_RELEASE.into()),
                    ),
                    None,
                )),
                UpdaterError::Reqwest(_) | UpdaterError::Network(_) => Ok((
                    answer(
                        UpdateStatus::Unreachable,
                        None,
                        Some("Spotter could not reach the update server: you may be offline, or the server is down. Nothing changed; try again later.".into()),
                    ),
                    None,
                )),
                UpdaterError::ReleaseNotFound | UpdaterError::Serialization(_) => Ok((
                    answer(
                        UpdateStatus::Unreachable,
                        None,
                        Some(NO_RELEASE.into()),
                    ),
                    None,
                )),
                UpdaterError::TargetNotFound(_) | UpdaterError::TargetsNotFound(_) => Ok((
                    answer(
                        UpdateStatus::UpToDate,
                        None,
                        Some("A newer version is published, but not yet for this system.".into()),
                    ),
                    None,
                )),
                other => Err(not_configured(other)),
            }
        }
    }
}

/// Downloads the update and checks its signature (the plugin does both in `download`): the bytes
/// come back only when they are exactly what Spotter's release key signed for this version.
pub async fn download_verified(
    update: &Update,
    progress: impl Fn(UpdateProgress),
) -> Result<Vec<u8>, AppError> {
    let mut downloaded: u64 = 0;
    let mut reported: u64 = 0;
    let bytes = update
        .download(
            |chunk, total| {
                downloaded += chunk as u64;
                if downloaded - reported >= PROGRESS_STEP || Some(downloaded) == total {
                    reported = downloaded;
                    progress(UpdateProgress::Downloading { downloaded, total });
                }
            },
            || {},
        )
        .await
        .map_err(download_error)?;
    progress(UpdateProgress::Verified);
    Ok(bytes)
}

/// Hands verified bytes to the plugin (dpkg through pkexec for a .deb, a file swap for an
/// AppImage, the installer on Windows). Blocks while the package manager runs.
pub fn install(update: &Update, bytes: &[u8]) -> Result<(), AppError> {
    update.install(bytes).map_err(install_error)
}

/// Whether this program came from a package the updater can replace. A build from source has
/// no package type, and installing over it would overwrite a developer's build.
pub fn installed_from_package() -> bool {
    tauri::utils::platform::bundle_type().is_some()
}

fn not_configured(e: UpdaterError) -> AppError {
    AppError::new(
        ErrorCode::Update,
        format!("Updates are not set up correctly in this build ({e}). Nothing changed."),
    )
}

fn download_error(e: UpdaterError) -> AppError {
    tracing::warn!(error = %e, "update download refused or failed");
    let message = match &e {
        UpdaterError::Minisign(_) | UpdaterError::Base64(_) | UpdaterError::SignatureUtf8(_) => {
            "The download's signature is not valid for Spotter's release key: it was changed on the way or signed by someone else. It was not installed, and nothing changed.".to_owned()
        }
        UpdaterError::SignedVersionMismatch { signed, announced } => format!(
            "The download is signed for version {signed}, but the update server announced {announced}. It was not installed, and nothing changed."
        ),
        UpdaterError::MissingSignedVersion => {
            "The download's signature does not say which version it is for. It was not installed, and nothing changed.".to_owned()
        }
        UpdaterError::Reqwest(_) | UpdaterError::Network(_) | UpdaterError::Io(_) => format!(
            "The download did not complete ({e}). Nothing was installed; try again when you are online."
        ),
        _ => format!("The update could not be downloaded ({e}). Nothing was installed."),
    };
    AppError::new(ErrorCode::Update, message)
}

fn install_error(e: UpdaterError) -> AppError {
    tracing::warn!(error = %e, "update install failed");
    let message = match &e {
        UpdaterError::AuthenticationFailed => "Installing an update needs an administrator's permission, and it was not given (the password prompt was cancelled or failed). Nothing was installed.".to_owned(),
        UpdaterError::PackageInstallFailed | UpdaterError::DebInstallFailed => "The package manager did not install the update: this account may have no permission to install software, or another installation is running. Nothing was installed; your data is unchanged.".to_owned(),
        UpdaterError::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => "Spotter has no permission to replace its own program file. Ask whoever installed it to update it, or move it to a folder you own. Nothing was installed.".to_owned(),
        UpdaterError::InvalidUpdaterFormat | UpdaterError::BinaryNotFoundInArchive => "The download is not a package this installation of Spotter can install. Nothing was installed.".to_owned(),
        _ => format!("The update could not be installed ({e}). Your data is unchanged."),
    };
    AppError::new(ErrorCode::Update, message)
}

type CmdResult<T> = Result<T, AppError>;

/// "Check for updates": the answer for the panel; the offered release is kept for
/// `update_install`.
pub async fn update_check(app: &AppHandle) -> CmdResult<UpdateCheck> {
    let updates = app.state::<Updates>();
    let (answer, offered) = check(app, &updates.source).await?;
    updates.set_offered(offered);
    Ok(answer)
}

/// Installs the version the trainer was shown (`version`, from the last check): download with
/// progress, signature, database backup, install. Nothing is installed unless every step before
/// it succeeded.
pub async fn update_install(
    app: &AppHandle,
    version: String,
    events: Channel<UpdateProgress>,
) -> CmdResult<()> {
    let (updates, state) = (app.state::<Updates>(), app_state(app)?);
    let update = updates
        .offered()
        .filter(|u| u.version == version)
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::Update,
                format!("Version {version} is not the one the update server offers now; check for updates again."),
            )
        })?;
    if !installed_from_package() {
        return Err(AppError::new(
            ErrorCode::Update,
            "This copy of Spotter was built from source, not installed from a package, so it cannot update itself. Install the new version's package instead. Nothing changed.",
        ));
    }
    // A closed window is not the install's problem.
    let send = move |p: UpdateProgress| {
        let _ = events.send(p);
    };
    apply(&update, state.db(), &state.data_dir, send, install).await?;
    updates.set_offered(None);
    Ok(())
}

/// Download, signature, backup, install, in that order, each only after the one before it
/// succeeded. `install_bytes` runs on a blocking thread (it waits for the package manager).
pub async fn apply(
    update: &Update,
    db: Result<Database, AppError>,
    data_dir: &DataDir,
    progress: impl Fn(UpdateProgress),
    install_bytes: impl FnOnce(&Update, &[u8]) -> Result<(), AppError> + Send + 'static,
) -> Result<(), AppError> {
    let bytes = download_verified(update, &progress).await?;
    match db {
        Ok(db) => {
            // The same kind of safety copy as before a migration; retention never prunes it.
            let backup = backups::take(&db, data_dir, BackupReason::BeforeUpdate)
                .await
                .map_err(|e| {
                    AppError::new(
                        ErrorCode::Update,
                        format!(
                            "The database could not be backed up, so the update was not installed: {}",
                            e.message
                        ),
                    )
                })?;
            progress(UpdateProgress::BackedUp { path: backup.path });
        }
        // Never opened (e.g. written by a newer Spotter): the file is untouched, and the new
        // version backs it up itself before migrating it.
        Err(e) => {
            tracing::warn!(message = %e.message, "update installed without a backup: the database is not open")
        }
    }
    progress(UpdateProgress::Installing);
    let installing = update.clone();
    tauri::async_runtime::spawn_blocking(move || install_bytes(&installing, &bytes))
        .await
        .map_err(|e| AppError::internal(format!("the install task failed: {e}")))??;
    progress(UpdateProgress::Installed);
    Ok(())
}

/// Starts the installed version (after the database is closed cleanly).
pub async fn update_restart(app: &AppHandle) -> CmdResult<()> {
    app_state(app)?.close().await;
    app.restart()
}
