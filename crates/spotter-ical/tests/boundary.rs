//! The iCalendar format depends on no Spotter crate, not even the storage, and not on Tauri
//! (see the crate's opening comment): every dependency named in its Cargo.toml is checked here.

#[test]
fn depends_on_no_spotter_crate_and_not_on_tauri() {
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
        deps.contains(&"icalendar".to_owned()),
        "the manifest was read: {deps:?}"
    );
    let banned: Vec<&String> = deps
        .iter()
        .filter(|d| d.starts_with("spotter") || d.starts_with("tauri"))
        .collect();
    assert!(
        banned.is_empty(),
        "spotter-ical must not depend on {banned:?}"
    );
}
