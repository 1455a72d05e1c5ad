//! The log goes to a file in the given directory (its own process: the subscriber is global).

#[test]
fn log_lines_reach_a_file_in_the_log_directory() {
    let dir = tempfile::tempdir().unwrap();
    let guard = spotter_core::logging::init_file_logging(dir.path(), false).unwrap();
    tracing::info!(marker = "log-test-7f3a", "hello from the test");
    drop(guard); // flushes the background writer
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.starts_with("spotter.") && name.ends_with(".log"),
        "{name}"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("log-test-7f3a"), "{text}");
}
