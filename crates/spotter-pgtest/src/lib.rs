//! A throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql` package,
//! `initdb` + `pg_ctl` in a temp dir on a free loopback port, stopped (and deleted) on drop.
//! Nothing here depends on a server the machine happens to run.
//!
//! fsync is off (the tests crash the server process, never the machine, so the OS still has
//! every write), but synchronous_commit stays on: a commit the server acknowledged must
//! survive an immediate restart, as sync's exactly-once guarantee assumes of any real server.
//!
//! Passwords are checked for real (scram-sha-256 over TCP), so wrong-password tests mean
//! something. When run as root (CI containers), the server runs as the `postgres` system
//! user that the Debian package creates, because PostgreSQL refuses to run as root.
//! It must never depend on spotter crates: it only starts and stops a server.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The cluster superuser's password (a test server on loopback only).
pub const SUPERUSER_PASSWORD: &str = "pgtest-superuser";

pub struct TempPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    run_as_postgres: bool,
}

impl TempPostgres {
    /// Starts a fresh cluster. Panics with a message saying what to install when the
    /// PostgreSQL binaries are missing (tests only: make test installs them).
    pub fn start() -> Self {
        let bin = find_bin_dir().unwrap_or_else(|| {
            panic!("PostgreSQL server binaries not found: install Debian's `postgresql` package (scripts/setup-debian.sh --test does)")
        });
        let run_as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("spotter-pg-")
            .tempdir()
            .expect("temp dir");
        let mut me = Self {
            dir,
            bin,
            port: free_port(),
            run_as_postgres,
        };
        std::fs::create_dir_all(me.data()).expect("data dir");
        let pwfile = me.dir.path().join("pw");
        std::fs::write(&pwfile, SUPERUSER_PASSWORD).expect("pw file");
        if run_as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(me.dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown of the test cluster failed");
        }
        me.run_checked(
            "initdb",
            &[
                "-D",
                path_str(&me.data()),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--pwfile",
                path_str(&pwfile),
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        let conf = format!(
            "listen_addresses = '127.0.0.1'\nunix_socket_directories = '{sock}'\n\
             fsync = off\nfull_page_writes = off\nmax_connections = 200\n\
             shared_buffers = 128MB\n",
            sock = me.dir.path().display()
        );
        let conf_path = me.data().join("postgresql.auto.conf");
        let mut existing = std::fs::read_to_string(&conf_path).unwrap_or_default();
        existing.push_str(&conf);
        std::fs::write(&conf_path, existing).expect("write config");
        // The port was free a moment ago; another test may have taken it since: try others.
        for _ in 0..5 {
            if me.try_pg_ctl_start() {
                return me;
            }
            me.port = free_port();
        }
        me.pg_ctl_start();
        me
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// postgres://postgres:…@127.0.0.1:port/<db>
    pub fn superuser_url(&self, db: &str) -> String {
        format!(
            "postgres://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{}/{db}",
            self.port
        )
    }

    /// A URL for `user` without a password (the app keeps passwords apart from URLs).
    pub fn url_for(&self, user: &str, db: &str) -> String {
        format!("postgres://{user}@127.0.0.1:{}/{db}", self.port)
    }

    /// Runs SQL as the superuser through psql; panics with psql's message on failure.
    pub fn psql(&self, db: &str, sql: &str) -> String {
        let out = self.psql_output(db, sql);
        assert!(
            out.status.success(),
            "psql failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    pub fn psql_output(&self, db: &str, sql: &str) -> Output {
        Command::new(self.bin.join("psql"))
            .args([
                "-X",
                "-q",
                "-t",
                "-A",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
            ])
            .arg(self.port.to_string())
            .args(["-U", "postgres", "-d", db, "-c", sql])
            .env("PGPASSWORD", SUPERUSER_PASSWORD)
            .output()
            .expect("run psql")
    }

    /// A database owned by a new login with CREATEROLE (what a studio's administrator
    /// gives Spotter); returns the login's URL with its password.
    pub fn create_studio_database(&self, db: &str, owner: &str, password: &str) -> String {
        self.psql(
            "postgres",
            &format!("CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'"),
        );
        self.psql("postgres", &format!("CREATE DATABASE {db} OWNER {owner}"));
        format!("postgres://{owner}:{password}@127.0.0.1:{}/{db}", self.port)
    }

    /// Turns on TLS with a throwaway CA and a server certificate for 127.0.0.1 and localhost
    /// (openssl, from Debian's package), restarts, and returns the CA file's path.
    pub fn enable_tls(&self) -> PathBuf {
        let dir = self.dir.path();
        let ca_key = dir.join("ca.key");
        let ca = dir.join("ca.pem");
        let key = self.data().join("server.key");
        let csr = dir.join("server.csr");
        let crt = self.data().join("server.crt");
        let ext = dir.join("san.ext");
        std::fs::write(&ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n").expect("san");
        let openssl = |args: &[&str]| {
            let out = Command::new("openssl")
                .args(args)
                .output()
                .expect("openssl");
            assert!(
                out.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Spotter test CA",
            "-keyout",
            path_str(&ca_key),
            "-out",
            path_str(&ca),
        ]);
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            path_str(&key),
            "-out",
            path_str(&csr),
        ]);
        openssl(&[
            "x509",
            "-req",
            "-in",
            path_str(&csr),
            "-CA",
            path_str(&ca),
            "-CAkey",
            path_str(&ca_key),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            path_str(&ext),
            "-out",
            path_str(&crt),
        ]);
        if self.run_as_postgres {
            let _ = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&key)
                .arg(&crt)
                .status();
        }
        let _ = Command::new("chmod").arg("600").arg(&key).status();
        let conf_path = self.data().join("postgresql.auto.conf");
        let mut conf = std::fs::read_to_string(&conf_path).unwrap_or_default();
        conf.push_str("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        std::fs::write(&conf_path, conf).expect("write config");
        self.run_checked(
            "pg_ctl",
            &["-D", path_str(&self.data()), "-m", "fast", "-w", "stop"],
        );
        self.pg_ctl_start();
        ca
    }

    /// A CA certificate that signed nothing of this server's (for refusal tests).
    pub fn unrelated_ca(&self) -> PathBuf {
        let key = self.dir.path().join("other-ca.key");
        let ca = self.dir.path().join("other-ca.pem");
        let out = Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Some other CA",
                "-keyout",
            ])
            .arg(&key)
            .arg("-out")
            .arg(&ca)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        ca
    }

    /// Stops the server at once (as a crash would) and starts it again on the same port.
    pub fn restart_immediately(&self) {
        self.run_checked(
            "pg_ctl",
            &[
                "-D",
                path_str(&self.data()),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
        self.pg_ctl_start();
    }

    /// Stops the server; `start_again` brings it back.
    pub fn stop(&self) {
        self.run_checked(
            "pg_ctl",
            &["-D", path_str(&self.data()), "-m", "fast", "-w", "stop"],
        );
    }

    pub fn start_again(&self) {
        self.pg_ctl_start();
    }

    /// The port goes on pg_ctl's command line (not the config), so a retry can change it.
    fn start_args(&self) -> Vec<String> {
        let log = self.dir.path().join("server.log");
        vec![
            "-D".into(),
            path_str(&self.data()).into(),
            "-l".into(),
            path_str(&log).into(),
            "-o".into(),
            format!("-p {}", self.port),
            "-w".into(),
            "-t".into(),
            "60".into(),
            "start".into(),
        ]
    }

    fn pg_ctl_start(&self) {
        let args = self.start_args();
        self.run_checked(
            "pg_ctl",
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }

    fn try_pg_ctl_start(&self) -> bool {
        let args = self.start_args();
        self.run(
            "pg_ctl",
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .status
        .success()
    }

    fn run_checked(&self, tool: &str, args: &[&str]) {
        let out = self.run(tool, args);
        if !out.status.success() {
            let log =
                std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
            panic!(
                "{tool} failed: {}{}\n{log}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    fn run(&self, tool: &str, args: &[&str]) -> Output {
        let exe = self.bin.join(tool);
        let mut cmd = if self.run_as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args).current_dir(self.dir.path());
        cmd.output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()))
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let _ = self.run(
            "pg_ctl",
            &[
                "-D",
                path_str(&self.data()),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Debian puts each major version in /usr/lib/postgresql/<major>/bin; take the newest.
fn find_bin_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("SPOTTER_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let major = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, b)| b)
}
