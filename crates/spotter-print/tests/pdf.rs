//! The printed documents checked for real: text extraction (pdftotext) finds the client,
//! exercises and numbers; qpdf --check passes; page 1 is rendered (pdftoppm) into
//! target/print-check/ and is not blank. Requires poppler-utils and qpdf (make setup-test).

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use spotter_core::clients::record::{self, MeasurementInput, Metric};
use spotter_core::clients::{self, ClientInput};
use spotter_core::settings::{self, Paper};
use spotter_core::training::exercises::{self, ExerciseInput};
use spotter_core::training::logs::{self, WorkoutLogInput, WorkoutSetInput};
use spotter_core::training::plan::{
    GroupKind, Load, LoadKind, Measure, PlanBody, PlanDay, PlanWeek, Prescription, Progression,
    ProgressionRule,
};
use spotter_core::training::plans::{self, Author, AuthorKind, NewPlan, PlanAssignment};
use spotter_core::training::progression;
use spotter_files::upload::FileUpload;
use spotter_print::documents;
use spotter_store::paths::DataDir;
use spotter_store::Database;

async fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    (dir, db)
}

fn out_dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/print-check");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed (make setup-test): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Checks the file structurally, renders page 1 and returns the text of every page.
fn check_pdf(path: &Path, name: &str) -> Vec<String> {
    let qpdf = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(
        qpdf.contains("No syntax or stream encoding errors"),
        "{qpdf}"
    );
    let png_prefix = out_dir().join(format!("{name}-page1"));
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().unwrap(),
            png_prefix.to_str().unwrap(),
        ],
    );
    let png = png_prefix.with_extension("png");
    let img = image::open(&png).unwrap().to_luma8();
    let dark = img.pixels().filter(|p| p.0[0] < 128).count();
    assert!(
        dark > 500,
        "page 1 of {name} renders with text and lines ({dark} dark pixels)"
    );
    let text = run("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    text.split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

fn tiny_png() -> Vec<u8> {
    let mut img = image::RgbImage::new(64, 24);
    for (x, _, p) in img.enumerate_pixels_mut() {
        *p = if x < 32 {
            image::Rgb([20, 90, 200])
        } else {
            image::Rgb([240, 120, 20])
        };
    }
    let mut bytes = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .unwrap();
    bytes
}

async fn exercise(db: &Database, name: &str, muscle: &str) -> String {
    exercises::create(
        db,
        &ExerciseInput {
            name: name.into(),
            primary_muscles: vec![muscle.into()],
            pattern: "squat".into(),
            difficulty: "beginner".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

const NAMES: [&str; 8] = [
    "Back Squat",
    "Bench Press",
    "Romanian Deadlift",
    "Pull-Up",
    "Overhead Press",
    "Walking Lunge",
    "Cable Row",
    "Pallof Press",
];

#[tokio::test]
async fn a_twelve_week_plan_prints_on_sensible_pages_with_unicode_names() {
    let (dir, db) = fresh().await;
    let mut ids = Vec::new();
    for (i, n) in NAMES.iter().enumerate() {
        ids.push(exercise(&db, n, if i % 2 == 0 { "quadriceps" } else { "chest" }).await);
    }
    let client = clients::create(
        &db,
        &ClientInput {
            name: "Zoë Łukasiewicz".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    settings::set(
        &db,
        &settings::Settings {
            studio_name: "Núñez Strength Studio".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    documents::set_logo(
        &db,
        Some(&FileUpload {
            name: "logo.png".into(),
            base64: base64::engine::general_purpose::STANDARD.encode(tiny_png()),
            path: None,
        }),
    )
    .await
    .unwrap();

    let days = (0..5)
        .map(|d| PlanDay {
            name: format!("Day {}", d + 1),
            day_offset: d,
            items: ids
                .iter()
                .enumerate()
                .map(|(i, id)| Prescription {
                    exercise_id: id.clone(),
                    exercise_name: String::new(),
                    sets: 3 + (i as u32 % 3),
                    measure: Default::default(),
                    reps_min: 8,
                    reps_max: if i % 2 == 0 { 12 } else { 8 },
                    load: if i == 3 {
                        Load {
                            kind: LoadKind::Rpe,
                            value: Some(8.0),
                        }
                    } else {
                        Load {
                            kind: LoadKind::Kg,
                            value: Some(40.0 + i as f64 * 5.0),
                        }
                    },
                    tempo: if i == 0 {
                        "3-1-1-0".into()
                    } else {
                        String::new()
                    },
                    rest_seconds: Some(90),
                    notes: if i == 2 {
                        "Keep a neutral spine; stop a rep short of failure.".into()
                    } else {
                        String::new()
                    },
                    group: (i >= 6).then(|| "C".to_owned()),
                    group_kind: (i >= 6).then_some(GroupKind::Superset),
                })
                .collect(),
        })
        .collect();
    let base = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days,
        }],
        rule: ProgressionRule {
            progression: Some(Progression::Linear { increment_kg: 2.5 }),
            deload_every: Some(4),
        },
        notes: "Warm up for 10 minutes before each session.".into(),
    };
    let body = progression::generate(&base, 12).unwrap();
    let author = Author {
        kind: AuthorKind::Trainer,
        name: "José Núñez".into(),
    };
    let plan = plans::create(
        &db,
        &NewPlan {
            name: "Hypertrophy block — José's plan".into(),
            is_template: false,
            body,
        },
        &author,
    )
    .await
    .unwrap();
    plans::assign(
        &db,
        &plan.id,
        &PlanAssignment {
            client_id: client.id.clone(),
            start_date: "2026-01-05".into(),
        },
    )
    .await
    .unwrap();

    let bytes = documents::plan_pdf(&db, &plan.id).await.unwrap();
    let path = dir.path().join("plan.pdf");
    documents::write_pdf(path.to_str().unwrap(), None, &bytes).unwrap();
    std::fs::copy(&path, out_dir().join("plan-12-weeks.pdf")).unwrap();
    let pages = check_pdf(&path, "plan-12-weeks");

    let all = pages.join("\n");
    assert!(
        all.contains("Zoë Łukasiewicz"),
        "client name with diacritics is extractable"
    );
    assert!(all.contains("Núñez Strength Studio"));
    assert!(pages[0].contains("Hypertrophy block — José's plan"));
    assert!(pages[0].contains("5 Jan 2026"), "dates from the start date");
    for n in NAMES {
        assert!(all.contains(n), "{n} is printed");
    }
    assert!(
        all.contains("3-1-1-0")
            && all.contains("RPE 8")
            && all.contains("8–12")
            && all.contains("40 kg")
    );
    assert!(
        all.contains("42.5 kg"),
        "week 2 carries the linear progression"
    );
    assert!(all.contains("Week 4 · deload"));
    assert!(
        all.contains("C1") && all.contains("C2"),
        "superset rows are labelled"
    );
    // 60 day tables of 8 rows: a sensible number of landscape pages, each with a table on it,
    // and every page numbered.
    assert!((20..=45).contains(&pages.len()), "{} pages", pages.len());
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains("Set 1"), "page {} has a table header", i + 1);
        assert!(p.contains(&format!("Page {} of {}", i + 1, pages.len())));
    }
    // Every day of every week is there exactly once (continued tables say so).
    for w in 1..=12 {
        let week = if w % 4 == 0 {
            format!("Week {w} · deload")
        } else {
            format!("Week {w}")
        };
        for d in 1..=5 {
            let heading = format!("{week} — Day {d} ·");
            assert!(all.contains(&heading), "{heading} is printed");
        }
    }
}

#[tokio::test]
async fn a_one_page_plan_and_letter_paper() {
    let (dir, db) = fresh().await;
    let squat = exercise(&db, "Goblet Squat", "quadriceps").await;
    let plank = exercise(&db, "Front Plank", "abs").await;
    settings::set(
        &db,
        &settings::Settings {
            paper: Paper::Letter,
            locale: "en-US".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let body = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![PlanDay {
                name: "Full body".into(),
                day_offset: 0,
                items: vec![
                    Prescription {
                        exercise_id: squat,
                        exercise_name: String::new(),
                        sets: 3,
                        measure: Default::default(),
                        reps_min: 10,
                        reps_max: 10,
                        load: Load {
                            kind: LoadKind::Kg,
                            value: Some(16.0),
                        },
                        tempo: String::new(),
                        rest_seconds: None,
                        notes: String::new(),
                        group: None,
                        group_kind: None,
                    },
                    Prescription {
                        exercise_id: plank,
                        exercise_name: String::new(),
                        sets: 3,
                        measure: Measure::Seconds,
                        reps_min: 45,
                        reps_max: 45,
                        load: Load::default(),
                        tempo: String::new(),
                        rest_seconds: None,
                        notes: String::new(),
                        group: None,
                        group_kind: None,
                    },
                ],
            }],
        }],
        ..Default::default()
    };
    let plan = plans::create(
        &db,
        &NewPlan {
            name: "Starter".into(),
            is_template: true,
            body,
        },
        &Author {
            kind: AuthorKind::Trainer,
            name: "Alex".into(),
        },
    )
    .await
    .unwrap();
    let bytes = documents::plan_pdf(&db, &plan.id).await.unwrap();
    let path = dir.path().join("one.pdf");
    documents::write_pdf(path.to_str().unwrap(), None, &bytes).unwrap();
    let pages = check_pdf(&path, "plan-one-page");
    assert_eq!(pages.len(), 1);
    assert!(
        pages[0].contains("Goblet Squat")
            && pages[0].contains("16 kg")
            && pages[0].contains("Page 1 of 1")
    );
    assert!(
        pages[0].contains("45 s"),
        "a timed prescription reads in seconds"
    );
    // Reps and seconds on one day: the column says neither alone.
    assert!(
        pages[0].contains("Amount") && !pages[0].contains("Reps"),
        "the amount column names what the day counts: {}",
        pages[0]
    );
    // The trainer's date setting (US English) decides how the printed date reads.
    let today = spotter_store::time::today_utc();
    let us_date = today.format("%b %-d, %Y").to_string();
    assert!(
        pages[0].contains(&us_date),
        "printed {us_date}: {}",
        pages[0]
    );
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(
        info.contains("792 x 612 pts"),
        "US Letter, landscape: {info}"
    );
}

#[tokio::test]
async fn a_logo_that_is_not_an_image_is_refused_at_its_field() {
    let (_dir, db) = fresh().await;
    let text = FileUpload {
        name: "logo.png".into(),
        base64: base64::engine::general_purpose::STANDARD.encode("definitely not a picture"),
        path: None,
    };
    let e = documents::set_logo(&db, Some(&text)).await.unwrap_err();
    assert_eq!(e.field.as_deref(), Some("logo"));
    assert!(
        e.message.contains("logo.png is not a PNG or JPEG image"),
        "{}",
        e.message
    );
    let mut broken = tiny_png();
    broken.truncate(30);
    let e = documents::set_logo(
        &db,
        Some(&FileUpload {
            name: "cut.png".into(),
            base64: base64::engine::general_purpose::STANDARD.encode(broken),
            path: None,
        }),
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("logo"));
    assert!(
        !settings::get(&db).await.unwrap().has_logo,
        "nothing stored"
    );
}

#[tokio::test]
async fn the_progress_report_prints_measurements_records_and_vector_charts() {
    let (dir, db) = fresh().await;
    let squat = exercise(&db, "Back Squat", "quadriceps").await;
    let bench = exercise(&db, "Bench Press", "chest").await;
    let c = clients::create(
        &db,
        &ClientInput {
            name: "José Núñez".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for (i, kg) in [82.4, 81.9, 81.0].iter().enumerate() {
        record::add_measurement(
            &db,
            &c.id,
            &MeasurementInput {
                measured_on: format!("2026-0{}-01", i + 1),
                metric: Some(Metric::BodyWeight),
                value: *kg,
                unit: "kg".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    for week in 0..10u32 {
        let date = (chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
            + chrono::Duration::weeks(week.into()))
        .format("%Y-%m-%d")
        .to_string();
        let sets = vec![
            WorkoutSetInput {
                exercise_id: squat.clone(),
                item_index: None,
                measure: Default::default(),
                reps: 5,
                load_kg: 100.0 + f64::from(week) * 2.5,
                rpe: None,
            },
            WorkoutSetInput {
                exercise_id: bench.clone(),
                item_index: None,
                measure: Default::default(),
                reps: 8,
                load_kg: 60.0 + f64::from(week),
                rpe: None,
            },
        ];
        logs::create(
            &db,
            &WorkoutLogInput {
                client_id: c.id.clone(),
                performed_on: date,
                plan_id: None,
                week: None,
                day_index: None,
                session_id: None,
                notes: String::new(),
                sets,
            },
        )
        .await
        .unwrap();
    }
    let bytes = documents::report_pdf(&db, &c.id).await.unwrap();
    let path = dir.path().join("report.pdf");
    documents::write_pdf(path.to_str().unwrap(), None, &bytes).unwrap();
    std::fs::copy(&path, out_dir().join("progress-report.pdf")).unwrap();
    let pages = check_pdf(&path, "progress-report");
    let all = pages.join("\n");
    assert!(all.contains("José Núñez"));
    assert!(all.contains("Weight (kg)") && all.contains("81.9") && all.contains("1 Feb 2026"));
    // Best squat: 122.5 × 5 → Epley 142.9 kg.
    assert!(
        all.contains("Back Squat") && all.contains("142.9 kg"),
        "{all}"
    );
    assert!(all.contains("Estimated 1RM over time"));
    // The charts are vector paths, not images: the page content has line operators.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        !raw.contains("/Subtype /Image"),
        "no raster images without a logo"
    );
}

#[tokio::test]
async fn the_report_covers_the_period_picked_with_the_trainers_notes_from_it() {
    use spotter_core::training::report_range::ReportRange;
    let (dir, db) = fresh().await;
    let c = clients::create(
        &db,
        &ClientInput {
            name: "Greta Weiß".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for (on, kg) in [
        ("2026-01-01", 82.4),
        ("2026-02-01", 81.9),
        ("2026-03-01", 81.0),
    ] {
        record::add_measurement(
            &db,
            &c.id,
            &MeasurementInput {
                measured_on: on.into(),
                metric: Some(Metric::BodyWeight),
                value: kg,
                unit: "kg".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    record::add_note(
        &db,
        &c.id,
        "Insight accepted: Back Squat is holding steady\nOn trend, estimated 1RM stayed level over 9 workouts.",
    )
    .await
    .unwrap();
    let today = spotter_store::time::today_utc()
        .format("%Y-%m-%d")
        .to_string();

    // February to today: the January measurement is left out, today's note is in.
    let range = ReportRange {
        from: Some("2026-02-01".into()),
        to: Some(today.clone()),
    };
    let bytes = documents::report_pdf_for(&db, &c.id, &range).await.unwrap();
    let path = dir.path().join("report-period.pdf");
    documents::write_pdf(path.to_str().unwrap(), None, &bytes).unwrap();
    let all = check_pdf(&path, "progress-report-period").join("\n");
    assert!(all.contains("Period: 1 Feb 2026 – "), "{all}");
    // Dates read as the trainer's setting says (the default, UK English), not ISO.
    assert!(
        all.contains("Feb 2026") && !all.contains("1 Jan 2026") && !all.contains("2026-02-01"),
        "{all}"
    );
    assert!(all.contains("Trainer's notes"), "{all}");
    assert!(all.contains("Back Squat is holding steady"), "{all}");
    let today_read = spotter_store::time::today_utc()
        .format("%-d %b %Y")
        .to_string();
    assert!(all.contains(&today_read), "the note's date: {all}");

    // A period that ended before the note: no notes section.
    let range = ReportRange {
        from: None,
        to: Some("2026-02-15".into()),
    };
    let bytes = documents::report_pdf_for(&db, &c.id, &range).await.unwrap();
    let path = dir.path().join("report-early.pdf");
    documents::write_pdf(path.to_str().unwrap(), None, &bytes).unwrap();
    let all = check_pdf(&path, "progress-report-early").join("\n");
    assert!(
        !all.contains("Trainer's notes") && !all.contains("1 Mar 2026"),
        "{all}"
    );

    // Bad ranges are refused at their field.
    let bad = |from: &str, to: &str| ReportRange {
        from: Some(from.into()),
        to: Some(to.into()),
    };
    let err = documents::report_pdf_for(&db, &c.id, &bad("2026-03-01", "2026-02-01"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("to"));
    let err = documents::report_pdf_for(&db, &c.id, &bad("March", ""))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("from"));
}
