//! Reading a wger `exerciseinfo` export (one exercise or a page of them): the English
//! translation, wger's muscle ids, and the licence and authors each entry is credited with.

use serde_json::Value;

use super::html::html_to_text;
use super::vocabulary::{equipment_word, finish, infer_pattern, str_of};
use super::{ExerciseImportPreview, ImportFormat, ImportedExercise, SkippedEntry};
use crate::training::exercises::ExerciseInput;

const WGER_ENGLISH: i64 = 2;

pub(super) fn is_wger_entry(v: &Value) -> bool {
    v.get("uuid").is_some()
        && (v.get("translations").is_some_and(Value::is_array)
            || v.get("exercises").is_some_and(Value::is_array))
}
fn wger_muscle(m: &Value) -> Option<&'static str> {
    let by_id = match m.get("id").and_then(Value::as_i64) {
        Some(1 | 13) => Some("biceps"),
        Some(2) => Some("shoulders"),
        Some(3 | 4) => Some("chest"),
        Some(5) => Some("triceps"),
        Some(6) => Some("abs"),
        Some(7 | 15) => Some("calves"),
        Some(8) => Some("glutes"),
        Some(9) => Some("traps"),
        Some(10) => Some("quadriceps"),
        Some(11) => Some("hamstrings"),
        Some(12) => Some("lats"),
        Some(14) => Some("obliques"),
        Some(16) => Some("lower_back"),
        _ => None,
    };
    by_id.or_else(|| {
        let text = format!("{} {}", str_of(m, "name_en"), str_of(m, "name")).to_lowercase();
        [
            ("bicep", "biceps"),
            ("tricep", "triceps"),
            ("quad", "quadriceps"),
            ("hamstring", "hamstrings"),
            ("glute", "glutes"),
            ("calf", "calves"),
            ("calves", "calves"),
            ("chest", "chest"),
            ("shoulder", "shoulders"),
            ("lat", "lats"),
            ("abs", "abs"),
            ("trap", "traps"),
        ]
        .iter()
        .find(|(w, _)| text.contains(w))
        .map(|(_, s)| *s)
    })
}

fn wger_license(id: Option<i64>) -> Option<(&'static str, &'static str)> {
    match id {
        Some(1) => Some((
            "CC-BY-SA 3",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        )),
        Some(2) => Some((
            "CC-BY-SA 4",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        )),
        Some(3) => Some(("CC0", "https://creativecommons.org/publicdomain/zero/1.0/")),
        Some(4) => Some(("CC-BY 4", "https://creativecommons.org/licenses/by/4.0/")),
        _ => None,
    }
}

pub(super) fn parse_wger(results: &[Value]) -> ExerciseImportPreview {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for v in results {
        let translations = v
            .get("translations")
            .or_else(|| v.get("exercises"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let Some(en) = translations
            .iter()
            .find(|t| t.get("language").and_then(Value::as_i64) == Some(WGER_ENGLISH))
        else {
            let name = translations
                .first()
                .map(|t| str_of(t, "name").to_owned())
                .unwrap_or_else(|| {
                    format!(
                        "wger exercise {}",
                        v.get("id").cloned().unwrap_or(Value::Null)
                    )
                });
            skipped.push(SkippedEntry {
                name,
                reason: "no English name in the file".into(),
            });
            continue;
        };
        let name = str_of(en, "name").trim().to_owned();
        let muscles = |key: &str| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for m in v.get(key).and_then(Value::as_array).into_iter().flatten() {
                if let Some(s) = wger_muscle(m) {
                    if !out.iter().any(|o| o == s) {
                        out.push(s.to_owned());
                    }
                }
            }
            out
        };
        let mut primary = muscles("muscles");
        let mut secondary: Vec<String> = muscles("muscles_secondary")
            .into_iter()
            .filter(|m| !primary.contains(m))
            .collect();
        primary.truncate(3);
        secondary.truncate(4);
        let mut notes = Vec::new();
        if primary.is_empty() {
            if let Some(first) = secondary.first().cloned() {
                secondary.remove(0);
                primary.push(first);
            }
        }
        let mut equipment = Vec::new();
        for q in v
            .get("equipment")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match equipment_word(str_of(q, "name")) {
                Some(e) if !equipment.contains(&e.to_owned()) => equipment.push(e.to_owned()),
                Some(_) => {}
                None => notes.push(format!("equipment “{}” has no match", str_of(q, "name"))),
            }
        }
        let category = v.get("category").map(|c| str_of(c, "name")).unwrap_or("");
        let (pattern, guessed) = infer_pattern(&name, category, false);
        if guessed {
            notes.push(format!(
                "movement pattern guessed from the category “{category}”"
            ));
        }
        notes.push("difficulty not in wger; set to intermediate".into());
        let ex_license = v.get("license");
        let (short, url) = wger_license(en.get("license").and_then(Value::as_i64))
            .map(|(s, u)| (s.to_owned(), u.to_owned()))
            .unwrap_or_else(|| {
                (
                    ex_license
                        .map(|l| str_of(l, "short_name").to_owned())
                        .unwrap_or_default(),
                    ex_license
                        .map(|l| str_of(l, "url").to_owned())
                        .unwrap_or_default(),
                )
            });
        let text_author = str_of(en, "license_author");
        let data_author = str_of(v, "license_author");
        let attribution = format!(
            "“{name}” by {}{} — wger.de, {short}{}",
            if text_author.is_empty() {
                "wger contributors"
            } else {
                text_author
            },
            if data_author.is_empty() || data_author == text_author {
                String::new()
            } else {
                format!(" (exercise data: {data_author})")
            },
            if url.is_empty() {
                String::new()
            } else {
                format!(", {url}")
            },
        );
        let source_ref = match v.get("uuid").and_then(Value::as_str) {
            Some(u) => u.to_owned(),
            None => v
                .get("id")
                .map(|i| i.to_string())
                .unwrap_or_else(|| name.clone()),
        };
        let e = ImportedExercise {
            source_ref,
            exercise: ExerciseInput {
                name,
                primary_muscles: primary,
                secondary_muscles: secondary,
                equipment,
                pattern,
                difficulty: "intermediate".into(),
                instructions: html_to_text(str_of(en, "description")),
                cautions: vec![],
            },
            license: short,
            attribution,
            duplicate_of: None,
            notes,
        };
        if let Some(e) = finish(e, &mut skipped) {
            out.push(e);
        }
    }
    ExerciseImportPreview {
        format: ImportFormat::Wger,
        entries: out,
        skipped,
        partial: false,
    }
}
