//! spotter-cli run as a process against real data directories.

mod support;

use std::path::Path;
use std::process::Command;

use support::{cli, ok};

fn list_json(data: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["clients", "list", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str::<serde_json::Value>(&ok(data, &args))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn seed_list_search_export_backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(ok(&data, &["seed", "--demo"]).contains("seeded 20 clients"));

    let all = list_json(&data, &[]);
    assert_eq!(all.len(), 20);
    let zoe = list_json(&data, &["--search", "zoe"]);
    assert_eq!(zoe.len(), 1);
    assert_eq!(zoe[0]["name"], "Zoë Łukasiewicz");
    assert!(
        ok(&data, &["clients", "list"]).contains("José Núñez"),
        "plain table output"
    );

    let export = dir.path().join("export");
    ok(&data, &["export", export.to_str().unwrap()]);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export.join("spotter-export.json")).unwrap())
            .unwrap();
    assert_eq!(json["clients"].as_array().unwrap().len(), 20);
    let csv = std::fs::read_to_string(export.join("clients.csv")).unwrap();
    assert_eq!(csv.lines().count(), 21);

    let backup = dir.path().join("b/copy.db");
    assert_eq!(
        ok(&data, &["backup", backup.to_str().unwrap()]).trim(),
        backup.to_str().unwrap()
    );
    let copy_dir = dir.path().join("b");
    std::fs::rename(&backup, copy_dir.join("spotter.db")).unwrap();
    assert_eq!(
        list_json(&copy_dir, &[]).len(),
        20,
        "the backup opens as a database"
    );

    // Default backup location.
    let path = ok(&data, &["backup"]);
    assert!(Path::new(path.trim()).starts_with(data.join("backups")));
}

#[test]
fn import_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "name,email\nAnna,anna@example.com\nBen,not-an-email\n",
    )
    .unwrap();
    let out = cli(&data, &["clients", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3, column 'email': Email 'not-an-email'"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(list_json(&data, &[]).is_empty());

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "name,email,tags\nAnna,anna@example.com,knee;vip\nBen,ben@example.com,\n",
    )
    .unwrap();
    let report: serde_json::Value = serde_json::from_str(&ok(
        &data,
        &["clients", "import", good.to_str().unwrap(), "--json"],
    ))
    .unwrap();
    assert_eq!(report["imported"], 2);
    let anna = list_json(&data, &["--search", "vip"]);
    assert_eq!(anna[0]["tags"], serde_json::json!(["knee", "vip"]));
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../spotter-core/tests/fixtures/csv/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn import_reads_real_world_files_with_the_dialogs_choices() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");

    // German Excel: semicolons, BOM, CRLF, Vorname/Nachname, dotted dates; a dry run prints
    // each row and how the file is read, and writes nothing.
    let out = cli(
        &data,
        &["clients", "import", &fixture("excel_de.csv"), "--dry-run"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = String::from_utf8(out.stdout).unwrap();
    let how = String::from_utf8(out.stderr).unwrap();
    assert!(how.contains("separator: semicolon (detected)"), "{how}");
    assert!(how.contains("column 'Vorname' → firstName"), "{how}");
    assert!(how.contains("dates: day first (detected)"), "{how}");
    assert!(
        rows.contains(
            "line 2\tready\tJürgen Weiß\tjuergen.weiss@example.de\t+49 170 1234567\t1985-04-03"
        ),
        "{rows}"
    );
    assert!(rows.contains("line 5\tready\tStefan Groß"), "{rows}");
    assert!(
        rows.contains("3 rows read, 3 would be imported (dry run)"),
        "{rows}"
    );
    assert!(!data.join("spotter.db").exists() || list_json(&data, &[]).is_empty());

    // Ambiguous dates: refused with the question until --date-order says how to read them.
    let uk = fixture("pt_distinction_uk.csv");
    let out = cli(&data, &["clients", "import", &uk]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2, column 'Date of Birth': Date of birth '03/04/1990' could be 3 April 1990 or 4 March 1990"),
        "{err}"
    );
    assert!(err.contains("--date-order dmy or mdy"), "{err}");
    assert!(list_json(&data, &[]).is_empty());
    ok(&data, &["clients", "import", &uk, "--date-order", "dmy"]);
    let harriet = list_json(&data, &["--search", "Harriet"]);
    assert_eq!(harriet[0]["dateOfBirth"], "1990-04-03");

    // --delimiter and --map: a semicolon file read as told, a column mapped by its header
    // (any case) and one ignored by its number.
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "Kürzel;Wer;Kontakt\nAB;Anna Berg;anna@example.com\n").unwrap();
    let out = cli(
        &data,
        &[
            "clients",
            "import",
            odd.to_str().unwrap(),
            "--delimiter",
            "comma",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("client's name"));
    let done = ok(
        &data,
        &[
            "clients",
            "import",
            odd.to_str().unwrap(),
            "--delimiter",
            "semicolon",
            "--map",
            "wer=name",
            "--map",
            "Kontakt=email",
            "--map",
            "1=ignore",
        ],
    );
    assert!(done.contains("1 rows read, 1 clients imported"), "{done}");
    let anna = list_json(&data, &["--search", "Anna Berg"]);
    assert_eq!(anna[0]["email"], "anna@example.com");
    let out = cli(
        &data,
        &[
            "clients",
            "import",
            odd.to_str().unwrap(),
            "--map",
            "Telefon=phone",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the file has no column 'Telefon'; its columns are: Kürzel, Wer, Kontakt"));
    let out = cli(
        &data,
        &[
            "clients",
            "import",
            odd.to_str().unwrap(),
            "--map",
            "Wer=vorname",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("'vorname' is not a field"));

    // Edge cases: every invalid row named by line, column and value; nothing written; then
    // the valid rows only, when asked.
    let tricky = fixture("tricky.csv");
    let out = cli(&data, &["clients", "import", &tricky]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for line in [
        "line 6, column 'Email': Email 'carla-at-example.com' is not valid",
        "line 7, column 'Date of birth': Date of birth '1990-02-31' is not a date",
        "line 8, column 'Date of birth', value '2099-01-01': Date of birth must be in the past",
        "line 9, column 'Name', value '': Name is required",
        "4 invalid rows; nothing was imported",
    ] {
        assert!(err.contains(line), "{line} in {err}");
    }
    let before = list_json(&data, &[]).len();
    let done = ok(&data, &["clients", "import", &tricky, "--valid-rows-only"]);
    assert!(
        done.contains(
            "11 rows read, 6 clients imported, 1 duplicates skipped, 4 invalid rows left out"
        ),
        "{done}"
    );
    assert_eq!(list_json(&data, &[]).len(), before + 6);
    assert_eq!(list_json(&data, &["--search", "王芳"]).len(), 1);
}

#[test]
fn errors_are_plain_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path(), &["clients", "list"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("there is no Spotter database"),
        "reading never creates one"
    );
    assert!(!dir.path().join("spotter.db").exists());

    ok(dir.path(), &["seed", "--demo"]);
    let out = cli(dir.path(), &["clients", "list", "--status", "sleeping"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown status 'sleeping'"));

    let out = cli(dir.path(), &["clients", "import", "/nonexistent/file.csv"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open /nonexistent/file.csv"));

    let out = cli(dir.path(), &["seed", "--demo"]);
    assert!(!out.status.success(), "seeding twice is refused");
}

#[test]
fn data_dir_from_environment() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_spotter-cli"))
        .args(["seed", "--demo"])
        .env("SPOTTER_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.path().join("spotter.db").exists());
}

#[test]
fn trainers_sessions_and_calendar_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(ok(&data, &["seed", "--demo"]).contains("2 trainers"));
    let trainers: serde_json::Value =
        serde_json::from_str(&ok(&data, &["trainers", "list", "--json"])).unwrap();
    let names: Vec<&str> = trainers
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alex Morgan", "Sam Rivera"]);
    assert_eq!(trainers[0]["isMe"], true);

    // The demo week has sessions, labelled with client names or the class title.
    let week: serde_json::Value = serde_json::from_str(&ok(
        &data,
        &["sessions", "list", "--trainer", "me", "--json"],
    ))
    .unwrap();
    let week = week.as_array().unwrap();
    assert!(week.len() >= 8, "{week:?}");
    assert!(week.iter().all(|s| s["trainerId"] == trainers[0]["id"]));
    assert!(week.iter().any(|s| s["label"] == "Lunchtime mobility"));

    // Export Alex's calendar and import it for Sam in another data directory.
    let file = dir.path().join("alex.ics");
    let out = ok(
        &data,
        &["calendar", "export", "Alex Morgan", file.to_str().unwrap()],
    );
    assert!(out.contains("events"), "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));

    let other = dir.path().join("other");
    let dry = ok(
        &other,
        &[
            "calendar",
            "import",
            file.to_str().unwrap(),
            "--dry-run",
            "--json",
        ],
    );
    let dry: serde_json::Value = serde_json::from_str(&dry).unwrap();
    let planned = dry["sessionsToImport"].as_u64().unwrap();
    assert!(planned > 50, "{dry}");
    let before: serde_json::Value = serde_json::from_str(&ok(
        &other,
        &[
            "sessions",
            "list",
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(before.as_array().unwrap().len(), 0);
    let done = ok(&other, &["calendar", "import", file.to_str().unwrap()]);
    assert!(
        done.contains(&format!("imported {planned} sessions")),
        "{done}"
    );

    // Errors are precise and name the field.
    let bad = cli(&data, &["sessions", "list", "--trainer", "Nobody"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("error (trainer): no trainer is called 'Nobody'"));
    let bad = cli(&data, &["sessions", "list", "--from", "tomorrow"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("error (from)"));
}

#[test]
fn plans_list_plan_pdf_and_client_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["seed", "--demo"]);
    let plans: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&data, &["plans", "list", "--json"])).unwrap();
    assert_eq!(
        plans.iter().filter(|p| p["isTemplate"] == true).count(),
        2,
        "two templates"
    );
    let anna = plans
        .iter()
        .find(|p| p["clientName"] == "Anna Schmidt")
        .expect("Anna has a plan");
    assert!(ok(&data, &["plans", "list", "--templates"]).contains("Beginner full body"));
    assert!(ok(&data, &["plans", "list", "--client", "Anna Schmidt"]).contains("Strength 3 days"));

    let pdf = dir.path().join("anna-plan.pdf");
    ok(
        &data,
        &[
            "plan",
            "pdf",
            anna["id"].as_str().unwrap(),
            pdf.to_str().unwrap(),
        ],
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (make setup-test)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Anna Schmidt") && text.contains("Barbell Back Squat"),
        "{text}"
    );

    let report = dir.path().join("report.pdf");
    ok(
        &data,
        &["client", "report", "Anna Schmidt", report.to_str().unwrap()],
    );
    let text = Command::new("pdftotext")
        .arg(&report)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Progress report") && text.contains("Personal records"),
        "{text}"
    );

    // A name that matches several plans asks for the id; an unknown client is a plain error.
    let out = cli(
        &data,
        &["plan", "pdf", "Strength 3 days", pdf.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("use the id"));
    let out = cli(
        &data,
        &["client", "report", "Nobody Here", report.to_str().unwrap()],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no client is called 'Nobody Here'"));
}

#[test]
fn ai_run_prints_the_execution_as_json_and_refuses_unknown_task_types() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["seed", "--demo"]);
    // No provider is set up: the agents still run and show their computed facts.
    let out: serde_json::Value = serde_json::from_str(&ok(
        &data,
        &[
            "ai",
            "run",
            "progress_monitor",
            "--client",
            "Zoë Łukasiewicz",
        ],
    ))
    .unwrap();
    assert_eq!(out["execution"]["status"], "done");
    assert_eq!(out["execution"]["taskType"], "progress_monitor");
    assert_eq!(out["execution"]["output"]["computedOnly"], true);
    assert!(
        out["execution"]["facts"]["strength"]
            .as_array()
            .is_some_and(|s| !s.is_empty()),
        "{out}"
    );
    assert_eq!(out["execution"]["facts"]["client"]["label"], "Client A");
    assert!(!out["items"].as_array().unwrap().is_empty());

    let dq: serde_json::Value =
        serde_json::from_str(&ok(&data, &["ai", "run", "data-quality"])).unwrap();
    assert_eq!(dq["execution"]["status"], "done");

    // The health checker gets the data folder and the logs from the command line too.
    let health: serde_json::Value =
        serde_json::from_str(&ok(&data, &["ai", "run", "health_check"])).unwrap();
    assert_eq!(health["execution"]["status"], "done", "{health}");
    assert!(
        health["execution"]["facts"].to_string().contains("backup"),
        "{health}"
    );

    let bad = cli(&data, &["ai", "run", "make_everyone_stronger"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid task type"));
    let needs = cli(&data, &["ai", "run", "progress_monitor"]);
    assert!(String::from_utf8_lossy(&needs.stderr).contains("needs a client"));
}
