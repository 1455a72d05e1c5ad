//! A bare Tauri window built exactly like Spotter (same crate, profile and
//! config) but showing a static page with no app logic: the baseline for the
//! idle-memory benchmark (`make bench`).

fn main() {
    let result = tauri::Builder::default()
        .setup(|app| {
            tauri::WebviewWindowBuilder::new(
                app,
                "bare",
                tauri::WebviewUrl::App("bare.html".into()),
            )
            .title("Spotter bare window")
            .inner_size(1280.0, 820.0)
            .build()?;
            Ok(())
        })
        .build(bare_context());
    match result {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("bare window could not start: {e}");
            std::process::exit(1);
        }
    }
}

fn bare_context() -> tauri::Context<tauri::Wry> {
    let mut context = tauri::generate_context!();
    // No configured windows: only the bare one created above.
    context.config_mut().app.windows.clear();
    context
}
