//! What each crate below the shell must never depend on (see each crate's opening comment),
//! checked in one place from the crates' Cargo.toml files: the storage foundation and the
//! iCalendar format on no other Spotter crate, the files on the storage only, the core on
//! those three only; the PDFs, the AI runtime and the sync engine on the core and below (never
//! on each other: each is its own feature), the test PostgreSQL on nothing; and none of them on
//! Tauri.

/// The dependency names in a Cargo.toml's `[dependencies]`-like sections.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut section = String::new();
    let mut deps = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.trim_matches(|c| c == '[' || c == ']').to_owned();
            continue;
        }
        if section.contains("dependencies") && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap_or_default();
            deps.push(name.to_owned());
        }
    }
    deps
}

#[test]
fn each_crate_depends_only_on_the_crates_below_it_and_never_on_tauri() {
    // (crate, its manifest, a dependency it surely has, the Spotter crates it may use)
    let crates: [(&str, &str, &str, &[&str]); 8] = [
        (
            "spotter-store",
            include_str!("../../spotter-store/Cargo.toml"),
            "sqlx",
            &[],
        ),
        (
            "spotter-ical",
            include_str!("../../spotter-ical/Cargo.toml"),
            "icalendar",
            &[],
        ),
        (
            "spotter-files",
            include_str!("../../spotter-files/Cargo.toml"),
            "spotter-store",
            &["spotter-store"],
        ),
        (
            "spotter-core",
            include_str!("../Cargo.toml"),
            "spotter-store",
            &["spotter-store", "spotter-files", "spotter-ical"],
        ),
        (
            "spotter-pgtest",
            include_str!("../../spotter-pgtest/Cargo.toml"),
            "tempfile",
            &[],
        ),
        (
            "spotter-print",
            include_str!("../../spotter-print/Cargo.toml"),
            "printpdf",
            &["spotter-store", "spotter-files", "spotter-core"],
        ),
        (
            "spotter-ai",
            include_str!("../../spotter-ai/Cargo.toml"),
            "async-openai",
            &["spotter-store", "spotter-files", "spotter-core"],
        ),
        (
            "spotter-sync",
            include_str!("../../spotter-sync/Cargo.toml"),
            "sqlx",
            &["spotter-store", "spotter-core", "spotter-pgtest"],
        ),
    ];
    for (name, manifest, surely, below) in crates {
        let deps = dependencies(manifest);
        assert!(
            deps.iter().any(|d| d == surely),
            "{name}'s manifest was read: {deps:?}"
        );
        let banned: Vec<&String> = deps
            .iter()
            .filter(|d| {
                (d.starts_with("spotter") && !below.contains(&d.as_str())) || d.starts_with("tauri")
            })
            .collect();
        assert!(banned.is_empty(), "{name} must not depend on {banned:?}");
    }
}
