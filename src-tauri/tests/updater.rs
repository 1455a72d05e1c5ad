//! Updates through the real tauri-plugin-updater against a static update server on localhost
//! (a `latest.json` with `linux-x86_64` and `linux-x86_64-deb` entries and a signed artifact),
//! with throwaway keys made and used by the Tauri CLI's `signer` as a release would.
//!
//! The app around the plugin is tauri's mock runtime, not a window: check, download and
//! signature verification never touch the runtime, and the real one needs the main thread and a
//! display, which a cargo test has neither of. The install step itself (pkexec + dpkg on this
//! machine) is never run here: `apply` is given a recording installer, which lets the tests
//! check that nothing is backed up or installed when the download is refused, and that the
//! backup is taken before installing when it is accepted.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use serde_json::json;
use spotter::update_commands::{self as updates, UpdateSource};
use spotter_core::updates::{UpdateProgress, UpdateStatus};
use spotter_store::paths::DataDir;
use spotter_store::{Database, ErrorCode};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::{App, Url};

/// A throwaway minisign key pair from `tauri signer generate` (no password).
struct Key {
    private_path: PathBuf,
    public: String,
}

fn tauri_cli() -> PathBuf {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/.bin/tauri");
    assert!(
        cli.exists(),
        "{} is missing: run `make npm` first",
        cli.display()
    );
    cli
}

fn generate_key(dir: &Path, name: &str) -> Key {
    let private_path = dir.join(name);
    let out = Command::new(tauri_cli())
        .args(["signer", "generate", "--ci", "--password", ""])
        .arg("--write-keys")
        .arg(&private_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "signer generate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = std::fs::read_to_string(format!("{}.pub", private_path.display()))
        .unwrap()
        .trim()
        .to_owned();
    Key {
        private_path,
        public,
    }
}

/// The `.sig` content `tauri build` would write for `file`, bound to `version`.
fn sign(key: &Key, file: &Path, version: &str) -> String {
    let out = Command::new(tauri_cli())
        .args(["signer", "sign", "--password", ""])
        .arg("--private-key-path")
        .arg(&key.private_path)
        .args(["--app-version", version])
        .arg(file)
        .env_remove("TAURI_SIGNING_PRIVATE_KEY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "signer sign: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sig_path = PathBuf::from(format!("{}.sig", file.display()));
    std::fs::read_to_string(sig_path).unwrap().trim().to_owned()
}

/// Serves the files of a folder over HTTP/1.1 on 127.0.0.1, one connection at a time, until the
/// test process ends. Answers 404 for anything missing and 500 for `/broken`.
fn serve(root: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = answer(stream, &root);
        }
    });
    port
}

fn answer(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers to their end so the client is not cut off mid-request.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let (status, body) = if path == "/broken" {
        (
            "500 Internal Server Error",
            b"down for maintenance".to_vec(),
        )
    } else {
        match std::fs::File::open(root.join(path.trim_start_matches('/'))) {
            Ok(mut f) => {
                let mut body = Vec::new();
                f.read_to_end(&mut body)?;
                ("200 OK", body)
            }
            Err(_) => ("404 Not Found", b"not found".to_vec()),
        }
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

/// An app whose configured key is `trusted` (as tauri.conf.json's `plugins.updater.pubkey`).
fn app_trusting(trusted: &Key) -> App<MockRuntime> {
    let mut context = mock_context(noop_assets());
    context.config_mut().plugins.0.insert(
        "updater".into(),
        json!({
            "pubkey": trusted.public,
            "endpoints": ["https://updates.invalid/latest.json"],
            "requireSignedVersion": true
        }),
    );
    mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context)
        .unwrap()
}

/// The version after the app's own (N+1).
fn next_version(app: &App<MockRuntime>) -> String {
    let v = &app.package_info().version;
    format!("{}.{}.0", v.major, v.minor + 1)
}

/// A release folder: the artifact, its signature and `latest.json` naming both for this system.
struct Release {
    dir: tempfile::TempDir,
    artifact: Vec<u8>,
}

impl Release {
    fn new(version: &str, signer: &Key, signed_version: &str) -> Release {
        let dir = tempfile::tempdir().unwrap();
        // Large enough for several progress reports.
        let artifact: Vec<u8> = (0..700_000u32).map(|i| (i % 251) as u8).collect();
        let artifact_path = dir.path().join("Spotter_amd64.deb");
        std::fs::write(&artifact_path, &artifact).unwrap();
        let signature = sign(signer, &artifact_path, signed_version);
        let release = Release { dir, artifact };
        release.announce(version, &signature);
        release
    }

    fn announce(&self, version: &str, signature: &str) {
        let port = serve(self.dir.path().to_owned());
        let url = format!("http://127.0.0.1:{port}/Spotter_amd64.deb");
        let platform = json!({ "url": url, "signature": signature });
        let latest = json!({
            "version": version,
            "notes": "Backups in Settings → Data.\nFaster calendar.",
            "pub_date": "2026-12-01T09:00:00Z",
            "platforms": { "linux-x86_64": platform, "linux-x86_64-deb": platform }
        });
        std::fs::write(self.dir.path().join("latest.json"), latest.to_string()).unwrap();
        std::fs::write(self.dir.path().join("port"), port.to_string()).unwrap();
    }

    fn source(&self) -> UpdateSource {
        let port = std::fs::read_to_string(self.dir.path().join("port")).unwrap();
        UpdateSource {
            endpoint: Some(Url::parse(&format!("http://127.0.0.1:{port}/latest.json")).unwrap()),
            pubkey: None,
        }
    }

    /// Changes one byte of the published artifact after it was signed.
    fn tamper(&self) {
        let mut bytes = self.artifact.clone();
        bytes[1000] ^= 0x01;
        std::fs::write(self.dir.path().join("Spotter_amd64.deb"), bytes).unwrap();
    }
}

struct Keys {
    _dir: tempfile::TempDir,
    ours: Key,
    theirs: Key,
}

fn keys() -> Keys {
    let dir = tempfile::tempdir().unwrap();
    let ours = generate_key(dir.path(), "ours.key");
    let theirs = generate_key(dir.path(), "theirs.key");
    Keys {
        _dir: dir,
        ours,
        theirs,
    }
}

/// What `apply` did: the progress it reported and the bytes it handed to the installer.
#[derive(Default)]
struct Recorded {
    progress: Vec<UpdateProgress>,
    installed: Option<Vec<u8>>,
    backups_when_installing: usize,
}

async fn apply_recorded(
    app: &App<MockRuntime>,
    release: &Release,
    data: &Path,
) -> (Result<(), spotter_store::AppError>, Recorded) {
    let (check, update) = updates::check(app.handle(), &release.source())
        .await
        .unwrap();
    assert_eq!(check.status, UpdateStatus::Available, "{check:?}");
    let update = update.unwrap();
    let data_dir = DataDir::new(data);
    let db = Database::open(&data_dir).await;
    let recorded = Arc::new(Mutex::new(Recorded::default()));
    let progress_log = recorded.clone();
    let install_log = recorded.clone();
    let backups = data_dir.backups();
    let result = updates::apply(
        &update,
        db,
        &data_dir,
        move |p| progress_log.lock().unwrap().progress.push(p),
        move |_, bytes| {
            let mut r = install_log.lock().unwrap();
            r.backups_when_installing = count_files(&backups);
            r.installed = Some(bytes.to_vec());
            Ok(())
        },
    )
    .await;
    let recorded = std::mem::take(&mut *recorded.lock().unwrap());
    (result, recorded)
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[test]
fn the_next_version_is_offered_with_its_notes() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let next = next_version(&app);
    let release = Release::new(&next, &keys.ours, &next);
    let (check, update) =
        tauri::async_runtime::block_on(updates::check(app.handle(), &release.source())).unwrap();
    assert_eq!(check.status, UpdateStatus::Available);
    assert_eq!(
        check.current_version,
        app.package_info().version.to_string()
    );
    let offer = check.update.unwrap();
    assert_eq!(offer.version, next);
    assert_eq!(
        offer.notes.as_deref(),
        Some("Backups in Settings → Data.\nFaster calendar.")
    );
    assert_eq!(offer.date.as_deref(), Some("2026-12-01T09:00:00Z"));
    assert_eq!(update.unwrap().version, next);
}

#[test]
fn a_correctly_signed_download_is_verified_backed_up_then_installed() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let next = next_version(&app);
    let release = Release::new(&next, &keys.ours, &next);
    let data = tempfile::tempdir().unwrap();
    let (result, recorded) =
        tauri::async_runtime::block_on(apply_recorded(&app, &release, data.path()));
    result.unwrap();
    assert_eq!(
        recorded.installed.as_deref(),
        Some(release.artifact.as_slice())
    );
    assert_eq!(
        recorded.backups_when_installing, 1,
        "backed up before installing"
    );

    let stages: Vec<&str> = recorded
        .progress
        .iter()
        .map(|p| match p {
            UpdateProgress::Downloading { .. } => "downloading",
            UpdateProgress::Verified => "verified",
            UpdateProgress::BackedUp { .. } => "backedUp",
            UpdateProgress::Installing => "installing",
            UpdateProgress::Installed => "installed",
        })
        .filter(|s| *s != "downloading")
        .collect();
    assert_eq!(stages, ["verified", "backedUp", "installing", "installed"]);
    let downloads: Vec<(u64, Option<u64>)> = recorded
        .progress
        .iter()
        .filter_map(|p| match p {
            UpdateProgress::Downloading { downloaded, total } => Some((*downloaded, *total)),
            _ => None,
        })
        .collect();
    assert!(downloads.len() >= 2, "{downloads:?}");
    let size = release.artifact.len() as u64;
    assert_eq!(downloads.last(), Some(&(size, Some(size))));
    assert!(
        downloads.windows(2).all(|w| w[0].0 < w[1].0),
        "grows: {downloads:?}"
    );
}

fn assert_refused(
    result: Result<(), spotter_store::AppError>,
    recorded: &Recorded,
    data: &Path,
    says: &str,
) {
    let err = result.unwrap_err();
    assert_eq!(err.code, ErrorCode::Update);
    assert!(err.message.contains(says), "{}", err.message);
    assert!(err.message.contains("not installed"), "{}", err.message);
    assert!(recorded.installed.is_none(), "nothing is installed");
    assert_eq!(
        count_files(&DataDir::new(data).backups()),
        0,
        "no backup either"
    );
    assert!(!recorded.progress.contains(&UpdateProgress::Verified));
}

#[test]
fn a_tampered_download_is_refused_and_nothing_is_installed() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let next = next_version(&app);
    let release = Release::new(&next, &keys.ours, &next);
    release.tamper();
    let data = tempfile::tempdir().unwrap();
    let (result, recorded) =
        tauri::async_runtime::block_on(apply_recorded(&app, &release, data.path()));
    assert_refused(result, &recorded, data.path(), "signature is not valid");
}

#[test]
fn a_download_signed_with_another_key_is_refused_and_nothing_is_installed() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let next = next_version(&app);
    let release = Release::new(&next, &keys.theirs, &next);
    let data = tempfile::tempdir().unwrap();
    let (result, recorded) =
        tauri::async_runtime::block_on(apply_recorded(&app, &release, data.path()));
    assert_refused(result, &recorded, data.path(), "signature is not valid");
}

#[test]
fn an_older_release_announced_as_newer_is_refused() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let next = next_version(&app);
    // A genuine signature, but for the version running now: a replayed old release.
    let current = app.package_info().version.to_string();
    let release = Release::new(&next, &keys.ours, &current);
    let data = tempfile::tempdir().unwrap();
    let (result, recorded) =
        tauri::async_runtime::block_on(apply_recorded(&app, &release, data.path()));
    assert_refused(
        result,
        &recorded,
        data.path(),
        &format!("signed for version {current}"),
    );
}

#[test]
fn the_same_version_on_the_server_is_no_update() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let current = app.package_info().version.to_string();
    let release = Release::new(&current, &keys.ours, &current);
    let (check, update) =
        tauri::async_runtime::block_on(updates::check(app.handle(), &release.source())).unwrap();
    assert_eq!(check.status, UpdateStatus::UpToDate);
    assert!(check.update.is_none() && update.is_none());
    assert!(check.message.is_none(), "{:?}", check.message);
}

#[test]
fn a_server_that_is_down_is_a_calm_answer() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let source = UpdateSource {
        endpoint: Some(Url::parse(&format!("http://127.0.0.1:{port}/latest.json")).unwrap()),
        pubkey: None,
    };
    let (check, update) =
        tauri::async_runtime::block_on(updates::check(app.handle(), &source)).unwrap();
    assert_eq!(check.status, UpdateStatus::Unreachable);
    assert!(update.is_none());
    assert!(check
        .message
        .unwrap()
        .contains("could not reach the update server"));
}

#[test]
fn a_server_answering_with_an_error_is_a_calm_answer() {
    let keys = keys();
    let app = app_trusting(&keys.ours);
    let root = tempfile::tempdir().unwrap().keep();
    // A captive portal answers 200 with its own page.
    std::fs::write(
        root.join("portal.html"),
        "<html>Sign in to the gym's Wi-Fi</html>",
    )
    .unwrap();
    let port = serve(root);
    for path in ["broken", "missing.json", "portal.html"] {
        let source = UpdateSource {
            endpoint: Some(Url::parse(&format!("http://127.0.0.1:{port}/{path}")).unwrap()),
            pubkey: None,
        };
        let (check, _) =
            tauri::async_runtime::block_on(updates::check(app.handle(), &source)).unwrap();
        assert_eq!(check.status, UpdateStatus::Unreachable, "{path}");
        assert!(check
            .message
            .unwrap()
            .contains("did not answer with a release"));
    }
}
