//! What the runtime reports about itself: metrics per day, and the health checker's
//! problems reported once with the status light kept.

use crate::common::*;
use crate::{grounded_answer, progress, runtime};
use spotter_ai::RunRequest;
use spotter_core::ai::executions;
use spotter_core::ai::providers;
use spotter_store::paths::DataDir;

#[tokio::test]
async fn metrics_count_runs_success_latency_and_tokens_per_day() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, _) = grounded_answer(&rt, &anna).await;
    always(&s, ok(&answer)).await;
    rt.run(&progress(&anna)).await.unwrap();
    let _ = rt
        .run(&RunRequest {
            task_type: "nope".into(),
            ..Default::default()
        })
        .await;
    let days = executions::metrics(&setup.db, 7).await.unwrap();
    assert_eq!(days.len(), 1);
    let d = &days[0];
    assert_eq!((d.runs, d.done, d.failed), (2, 1, 1));
    assert_eq!(d.success_rate, Some(0.5));
    assert_eq!((d.prompt_tokens, d.completion_tokens), (120, 30));
    assert!(d.p50_latency_ms.is_some());
}

#[tokio::test]
async fn the_health_checker_reports_problems_once_and_keeps_the_status_light() {
    let setup = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    std::fs::create_dir_all(data.logs()).unwrap();
    std::fs::write(
        data.logs().join("spotter.log"),
        "2026-11-30T05:01:00Z ERROR spotter: panic at src/x.rs: Anna Schmidt\n",
    )
    .unwrap();
    let s = server().await;
    add_provider(&setup.db, "Down", &s).await;
    always(&s, status(503)).await;
    let logs = data.logs();
    let rt = runtime(&setup.db).with_data_dir(data, logs);

    let report = rt.health().await.unwrap();
    let status = |key: &str| {
        report
            .checks
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.status)
    };
    use spotter_core::ai::facts::health::HealthStatus;
    assert_eq!(status("database"), Some(HealthStatus::Ok));
    assert_eq!(status("links"), Some(HealthStatus::Ok));
    assert_eq!(status("backup"), Some(HealthStatus::Warn), "no backup yet");
    assert_eq!(status("log"), Some(HealthStatus::Warn));
    assert_eq!(
        status("provider"),
        Some(HealthStatus::Warn),
        "the provider answers 503"
    );
    assert_eq!(report.overall, HealthStatus::Warn);
    assert_eq!(rt.last_health().unwrap().checked_at, report.checked_at);

    // Run as an agent (here with no provider: the computed findings): one suggestion per
    // problem, not queued again while still open.
    for p in providers::list(&setup.db).await.unwrap() {
        providers::delete(&setup.db, &p.id).await.unwrap();
    }
    let first = rt
        .run(&RunRequest {
            task_type: "health_check".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let titles: Vec<&str> = first.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Backups: worth a look", "Recent errors: worth a look"]
    );
    assert!(
        first.items[1].body.contains("Spotter hit a bug"),
        "{}",
        first.items[1].body
    );
    let again = rt
        .run(&RunRequest {
            task_type: "health_check".into(),
            fresh: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(again.items.is_empty(), "open findings are not queued twice");
}
