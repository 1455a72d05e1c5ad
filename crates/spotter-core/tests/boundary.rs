//! The core depends on the storage foundation, the files and the iCalendar format, never on
//! a crate built on top of it nor on Tauri (see the crate's opening comment): every
//! dependency named in its Cargo.toml is checked here.

#[test]
fn depends_only_on_the_crates_below_it_and_not_on_tauri() {
    let manifest = include_str!("../Cargo.toml");
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
    assert!(
        deps.contains(&"spotter-store".to_owned()),
        "the manifest was read: {deps:?}"
    );
    let below = ["spotter-store", "spotter-files", "spotter-ical"];
    let banned: Vec<&String> = deps
        .iter()
        .filter(|d| {
            (d.starts_with("spotter") && !below.contains(&d.as_str())) || d.starts_with("tauri")
        })
        .collect();
    assert!(
        banned.is_empty(),
        "spotter-core must not depend on {banned:?}"
    );
}
