//! spotter-cli run as a process against real data directories.

use std::path::Path;
use std::process::{Command, Output};

fn cli(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spotter-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("SPOTTER_DATA_DIR")
        .output()
        .expect("run spotter-cli")
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = cli(data, args);
    assert!(
        out.status.success(),
        "spotter-cli {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

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
    assert!(err.contains("line 3 (email)"), "{err}");
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

    let bad = cli(&data, &["ai", "run", "make_everyone_stronger"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid task type"));
    let needs = cli(&data, &["ai", "run", "progress_monitor"]);
    assert!(String::from_utf8_lossy(&needs.stderr).contains("needs a client"));
}
