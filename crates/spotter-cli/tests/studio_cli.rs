//! `spotter-cli studio …` as a process against a real PostgreSQL (started by the test) and
//! the real keychain (make test runs this in a private D-Bus session with its own keyring):
//! init, invite, join, sync, status, conflicts, and each one's bad inputs with a clear
//! message, its exit code, and nothing half-written on the device.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use spotter_pgtest::TempPostgres;

fn cli(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_spotter-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("SPOTTER_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run spotter-cli");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn ok(data: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = cli(data, args, stdin);
    assert!(
        out.status.success(),
        "spotter-cli {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(data: &Path, args: &[&str], stdin: Option<&str>, code: i32) -> String {
    let out = cli(data, args, stdin);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "spotter-cli {args:?}: {err}");
    err
}

fn status(data: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(data, &["studio", "status", "--json"], None)).unwrap()
}

#[test]
fn a_studio_from_init_to_a_second_laptop_and_back() {
    let pg = TempPostgres::start();
    pg.create_studio_database("studio", "owner", "owner-pw-1");
    let dir = tempfile::tempdir().unwrap();
    let owner = dir.path().join("owner");
    let ben = dir.path().join("ben");
    ok(&owner, &["seed", "--demo"], None);

    // init: the password comes from the address here and goes to the keychain, never the file.
    let plain_url = pg.url_for("owner", "studio");
    let out = cli(
        &owner,
        &[
            "studio",
            "init",
            &plain_url,
            "--name",
            "Northside",
            "--password-stdin",
        ],
        Some("owner-pw-1\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Created the studio \"Northside\""));
    let st = status(&owner);
    assert_eq!(st["inStudio"], true);
    assert_eq!(st["pending"], 0, "the demo data was uploaded");
    assert_eq!(st["reachable"], true);
    let db_bytes = std::fs::read(owner.join("spotter.db")).unwrap();
    assert!(
        !contains(&db_bytes, b"owner-pw-1"),
        "no password in the database file"
    );
    assert!(
        pg.psql("studio", "SELECT count(*) FROM spotter.clients")
            .parse::<i64>()
            .unwrap()
            >= 20
    );

    // invite: a login and a one-time password.
    let inv: serde_json::Value = serde_json::from_str(&ok(
        &owner,
        &[
            "studio",
            "invite",
            "Ben Okafor",
            "--role",
            "trainer",
            "--json",
        ],
        None,
    ))
    .unwrap();
    let login = inv["login"].as_str().unwrap().to_owned();
    let password = inv["password"].as_str().unwrap().to_owned();
    assert_eq!(login, "ben_okafor");
    assert!(password.len() >= 20);

    // join with a wrong password: refused, nothing written, exit 4.
    let join_url = pg.url_for(&login, "studio");
    let err = fails(
        &ben,
        &["studio", "join", &join_url, "--password-stdin"],
        Some("wrong\n"),
        4,
    );
    assert!(err.contains("wrong password"), "{err}");
    assert_eq!(status(&ben)["inStudio"], false, "nothing half-written");

    // join for real: the studio's data arrives.
    let out = cli(
        &ben,
        &["studio", "join", &join_url, "--password-stdin"],
        Some(&format!("{password}\n")),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let clients: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&ben, &["clients", "list", "--json"], None)).unwrap();
    assert!(clients.len() >= 20);

    // A change on Ben's laptop reaches the owner's through sync.
    let csv = dir.path().join("new.csv");
    std::fs::write(&csv, "name,email\nZoe Quinn,zoe@example.com\n").unwrap();
    ok(&ben, &["clients", "import", csv.to_str().unwrap()], None);
    assert_eq!(status(&ben)["pending"], 1);
    let sync: serde_json::Value =
        serde_json::from_str(&ok(&ben, &["studio", "sync", "--json"], None)).unwrap();
    assert_eq!(sync["pushed"], 1);
    ok(&owner, &["studio", "sync"], None);
    let on_owner = ok(&owner, &["clients", "list", "--search", "zoe"], None);
    assert!(on_owner.contains("Zoe Quinn"), "{on_owner}");
    assert!(ok(&ben, &["studio", "conflicts"], None).contains("No conflicts"));

    // Members, then Ben removed: his next sync is refused with a clear message.
    let members = ok(&owner, &["studio", "members"], None);
    assert!(
        members.contains("ben_okafor") && members.contains("owner"),
        "{members}"
    );
    ok(&owner, &["studio", "remove", &login], None);
    let err = fails(&ben, &["studio", "sync"], None, 4);
    assert!(
        err.contains("refused the login") || err.contains("access to this studio has ended"),
        "{err}"
    );
}

#[test]
fn bad_addresses_and_servers_get_clear_errors_and_leave_the_device_untouched() {
    let pg = TempPostgres::start();
    pg.create_studio_database("studio", "owner", "owner-pw-1");
    pg.psql("postgres", "CREATE DATABASE other OWNER owner");
    let dir = tempfile::tempdir().unwrap();
    let dev = dir.path().join("dev");

    // Not an address.
    let err = fails(
        &dev,
        &[
            "studio",
            "join",
            "http://example.com/db",
            "--user",
            "x",
            "--password-stdin",
        ],
        Some("x\n"),
        2,
    );
    assert!(err.contains("postgres://"), "{err}");
    // Nobody listening.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = fails(
        &dev,
        &[
            "studio",
            "join",
            &format!("postgres://owner@127.0.0.1:{closed}/studio"),
            "--password-stdin",
        ],
        Some("owner-pw-1\n"),
        4,
    );
    assert!(err.contains("cannot reach the studio server"), "{err}");
    // A database that is not a Spotter studio.
    let err = fails(
        &dev,
        &[
            "studio",
            "join",
            &pg.url_for("owner", "other"),
            "--password-stdin",
        ],
        Some("owner-pw-1\n"),
        4,
    );
    assert!(err.contains("not a Spotter studio"), "{err}");
    // init on a database that has other tables.
    pg.psql("other", "CREATE TABLE invoices (id int)");
    let err = fails(
        &dev,
        &[
            "studio",
            "init",
            &pg.url_for("owner", "other"),
            "--password-stdin",
        ],
        Some("owner-pw-1\n"),
        4,
    );
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(status(&dev)["inStudio"], false);

    // A server with a newer schema than this Spotter knows: "update", exit 5, nothing touched.
    let owner = dir.path().join("owner");
    ok(
        &owner,
        &[
            "studio",
            "init",
            &pg.url_for("owner", "studio"),
            "--password-stdin",
        ],
        Some("owner-pw-1\n"),
    );
    let inv: serde_json::Value =
        serde_json::from_str(&ok(&owner, &["studio", "invite", "Cara", "--json"], None)).unwrap();
    pg.psql("studio", "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (99991231000000, 'from the future', true, '\\x00', 0)");
    let err = fails(
        &dev,
        &[
            "studio",
            "join",
            &pg.url_for(inv["login"].as_str().unwrap(), "studio"),
            "--password-stdin",
        ],
        Some(&format!("{}\n", inv["password"].as_str().unwrap())),
        5,
    );
    assert!(err.contains("Update") && err.contains("newer"), "{err}");
    assert_eq!(status(&dev)["inStudio"], false);
    // The owner's own sync says the same.
    let err = fails(&owner, &["studio", "sync"], None, 5);
    assert!(err.to_lowercase().contains("update spotter"), "{err}");
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
