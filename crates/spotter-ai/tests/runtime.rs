//! The agent runtime on a real SQLite file with the demo data, against a real HTTP server
//! speaking the chat-completions API: routing and refusals, structured output and its
//! one retry, the grounding check, privacy of what is sent, the cache, cancelling, and
//! running with no provider at all.
//!
//! The keychain is not used here (the providers are OpenAI-compatible servers without a
//! key, which the runtime asks the keychain about and tolerates being absent);
//! tests/keychain.rs uses the real one.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use serde_json::{json, Value};
use spotter_ai::{Keychain, Llm, RunRequest, Runtime};
use spotter_core::ai::agents::{self, AgentInput};
use spotter_core::ai::executions::{self, ExecutionQuery, ExecutionStatus};
use spotter_core::ai::providers::{self, ProviderInput};
use spotter_core::ai::review::{self, ReviewKind, ReviewQuery, ReviewStatus};
use spotter_core::ai::{AgentEvent, AgentStage, TaskType};
use spotter_core::clients::{self, ClientListQuery, ClientStatusFilter};
use spotter_core::paths::DataDir;
use spotter_core::{Database, ErrorCode};
use wiremock::MockServer;

struct Setup {
    _dir: tempfile::TempDir,
    db: Database,
}

async fn demo() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&DataDir::new(dir.path())).await.unwrap();
    spotter_core::seed::seed_demo(&db).await.unwrap();
    agents::ensure_agents(&db).await.unwrap();
    Setup { _dir: dir, db }
}

/// Tests use a keychain service of their own; with no Secret Service here, the runtime
/// tries OpenAI-compatible providers without a key.
fn runtime(db: &Database) -> Runtime {
    Runtime::new(
        db.clone(),
        Keychain::with_service("Spotter runtime test"),
        Arc::new(Llm::default()),
    )
}

async fn add_provider(db: &Database, name: &str, server: &MockServer) {
    providers::create(
        db,
        &ProviderInput {
            name: name.into(),
            base_url: format!("{}/v1", server.uri()),
            model: "test-model".into(),
            timeout_seconds: Some(5),
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

async fn client_id(db: &Database, name: &str) -> String {
    clients::list(
        db,
        &ClientListQuery {
            status: ClientStatusFilter::All,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .into_iter()
    .find(|c| c.name == name)
    .unwrap()
    .id
}

fn progress(client: &str) -> RunRequest {
    RunRequest {
        task_type: "progress_monitor".into(),
        client_id: Some(client.into()),
        fresh: false,
    }
}

/// A model answer that cites the first strength fact and quotes its numbers exactly.
async fn grounded_answer(rt: &Runtime, client: &str) -> (String, Value) {
    let preview = rt.preview(&progress(client)).await.unwrap();
    let s1 = preview.facts["strength"][0].clone();
    let answer = json!({ "insights": [
        { "title": format!("{} {}", s1["exercise"].as_str().unwrap(), match s1["direction"].as_str() {
              Some("up") => "keeps climbing",
              Some("down") => "is going down",
              _ => "is holding steady",
          }),
          "text": format!("Client A went from {} to {} kg on trend, about {} kg a week.", s1["trendFromKg"], s1["trendToKg"], s1["slopeKgPerWeek"]),
          "kind": "insight", "evidence": ["S1"] },
        { "title": "Sessions", "text": "Client A's attendance is in the facts.", "kind": "suggestion", "evidence": ["T1"] }
    ]});
    (answer.to_string(), s1)
}

#[tokio::test]
async fn the_progress_monitor_sends_no_identifiers_and_its_grounded_insights_land_in_review() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, s1) = grounded_answer(&rt, &anna).await;
    always(&s, ok(&answer)).await;

    let out = rt.run(&progress(&anna)).await.unwrap();
    assert_eq!(out.execution.summary.status, ExecutionStatus::Done);
    assert_eq!(
        out.execution.summary.provider_name.as_deref(),
        Some("Local")
    );
    assert_eq!(
        (
            out.execution.summary.prompt_tokens,
            out.execution.summary.completion_tokens
        ),
        (120, 30)
    );
    assert_eq!(out.items.len(), 2);
    let first = &out.items[0];
    assert!(first.from_model);
    assert_eq!(first.kind, ReviewKind::Insight);
    assert_eq!(first.client_name.as_deref(), Some("Anna Schmidt"));
    assert!(
        first.body.starts_with("Anna Schmidt went from"),
        "labels become names for the trainer: {}",
        first.body
    );
    assert_eq!(
        first.evidence[0].label,
        format!("{}: estimated 1RM", s1["exercise"].as_str().unwrap())
    );

    // Nothing that identifies any client left the machine.
    let everyone = clients::all_including_deleted(&setup.db).await.unwrap();
    let sent = s.received_requests().await.unwrap();
    assert_eq!(sent.len(), 1);
    let body = String::from_utf8(sent[0].body.clone()).unwrap();
    for c in &everyone {
        for id in [
            Some(&c.name),
            c.email.as_ref(),
            c.phone.as_ref(),
            c.date_of_birth.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!body.contains(id.as_str()), "{id} was sent");
        }
        let last = c.name.split_whitespace().last().unwrap();
        assert!(!body.contains(last), "{last} was sent");
    }
    assert!(body.contains("Client A"));
    // The log keeps exactly what was sent.
    let logged = executions::get(&setup.db, &out.execution.summary.id)
        .await
        .unwrap();
    assert_eq!(
        logged.sent[1]["content"],
        json!(serde_json::from_str::<Value>(&body).unwrap()["messages"][1]["content"])
    );
    assert!(!logged.sent.to_string().contains("Anna"));
}

#[tokio::test]
async fn malformed_json_is_retried_once_with_the_reason_then_accepted() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, _) = grounded_answer(&rt, &anna).await;
    first(&s, 1, ok("Sure! Here are the insights: {insights: [")).await;
    always(&s, ok(&answer)).await;

    let out = rt.run(&progress(&anna)).await.unwrap();
    assert_eq!(out.execution.summary.status, ExecutionStatus::Done);
    assert_eq!(out.items.len(), 2);
    let bodies = requests(&s).await;
    assert_eq!(bodies.len(), 2);
    let retry = bodies[1]["messages"].as_array().unwrap().last().unwrap()["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(retry.contains("not valid JSON"), "{retry}");
}

#[tokio::test]
async fn numbers_that_are_not_facts_fail_the_run_after_one_retry() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let made_up = json!({ "insights": [{ "title": "Big gains", "text": "Client A will squat 987.6 kg by spring.", "kind": "insight", "evidence": ["S1"] }] });
    always(&s, ok(&made_up.to_string())).await;

    let err = rt.run(&progress(&anna)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Ai);
    assert!(
        err.message.contains("invalid twice") && err.message.contains("987.6"),
        "{}",
        err.message
    );
    assert_eq!(requests(&s).await.len(), 2);
    let failed = executions::list(
        &setup.db,
        &ExecutionQuery {
            status: Some(ExecutionStatus::Failed),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(failed.len(), 1);
    assert!(
        review::list(&setup.db, &ReviewQuery::default())
            .await
            .unwrap()
            .is_empty(),
        "nothing unverified reaches the queue"
    );

    // Citing a fact that does not exist is refused the same way.
    let s2 = server().await;
    let bad_ref = json!({ "insights": [{ "title": "Hmm", "text": "Client A trains.", "kind": "insight", "evidence": ["Z9"] }] });
    always(&s2, ok(&bad_ref.to_string())).await;
    let setup2 = demo().await;
    add_provider(&setup2.db, "Local", &s2).await;
    let err = runtime(&setup2.db)
        .run(&progress(&client_id(&setup2.db, "Anna Schmidt").await))
        .await
        .unwrap_err();
    assert!(
        err.message.contains("\"Z9\", which is not a ref"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn unknown_task_types_and_disabled_agents_are_refused_and_logged() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let err = rt
        .run(&RunRequest {
            task_type: "rewrite_all_plans".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("invalid task type"),
        "{}",
        err.message
    );

    let agent = agents::for_task(&setup.db, TaskType::DataQuality)
        .await
        .unwrap();
    agents::update(
        &setup.db,
        &agent.id,
        &AgentInput {
            enabled: false,
            temperature: 0.2,
            settings: json!({}),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let err = rt
        .run(&RunRequest {
            task_type: "data_quality".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(err.message.starts_with("agent disabled"), "{}", err.message);

    let log = executions::list(&setup.db, &ExecutionQuery::default())
        .await
        .unwrap();
    let errors: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.task_type.as_str(), e.error.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("data_quality", "agent disabled"),
            ("rewrite_all_plans", "invalid task type")
        ]
    );
    assert!(log.iter().all(|e| e.status == ExecutionStatus::Failed));
}

#[tokio::test]
async fn with_no_provider_the_agents_still_show_their_computed_facts() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let zoe = client_id(&setup.db, "Zoë Łukasiewicz").await;
    let out = rt.run(&progress(&zoe)).await.unwrap();
    assert_eq!(out.execution.summary.status, ExecutionStatus::Done);
    assert_eq!(out.execution.summary.provider_name, None);
    assert_eq!(out.execution.output["computedOnly"], true);
    assert!(
        !out.items.is_empty(),
        "two years of logs give something to say"
    );
    assert!(out
        .items
        .iter()
        .all(|i| !i.from_model && !i.evidence.is_empty()));

    let dq = rt
        .run(&RunRequest {
            task_type: "data_quality".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(dq.items.iter().all(|i| i.kind == ReviewKind::Suggestion));
    assert!(
        !dq.items.is_empty(),
        "the demo has past sessions still scheduled or clients without emergency contacts"
    );
}

#[tokio::test]
async fn the_same_input_is_answered_from_the_cache_unless_asked_fresh() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (answer, _) = grounded_answer(&rt, &anna).await;
    always(&s, ok(&answer)).await;

    let a = rt.run(&progress(&anna)).await.unwrap();
    let b = rt.run(&progress(&anna)).await.unwrap();
    assert!(!a.execution.summary.from_cache && b.execution.summary.from_cache);
    assert_eq!(
        b.items.iter().map(|i| &i.id).collect::<Vec<_>>(),
        a.items.iter().map(|i| &i.id).collect::<Vec<_>>()
    );
    assert_eq!(requests(&s).await.len(), 1);
    let c = rt
        .run(&RunRequest {
            fresh: true,
            ..progress(&anna)
        })
        .await
        .unwrap();
    assert!(!c.execution.summary.from_cache);
    assert_eq!(requests(&s).await.len(), 2);
}

#[tokio::test]
async fn a_run_can_be_cancelled_while_the_model_thinks() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Slow", &s).await;
    always(&s, ok("{}").set_delay(Duration::from_secs(30))).await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<AgentEvent>();
    let rt = Arc::new(runtime(&setup.db).with_events(Arc::new(move |e| {
        let _ = tx.send(e);
    })));
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let r = rt.clone();
    let run = tokio::spawn(async move { r.run(&progress(&anna)).await });
    let asking = loop {
        let e = rx.recv().await.unwrap();
        if e.stage == AgentStage::Model {
            break e;
        }
    };
    assert!(rt.cancel(&asking.execution_id));
    let err = run.await.unwrap().unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    let logged = executions::get(&setup.db, &asking.execution_id)
        .await
        .unwrap();
    assert_eq!(logged.summary.status, ExecutionStatus::Cancelled);
    let stages: Vec<AgentStage> = std::iter::from_fn(|| rx.try_recv().ok())
        .map(|e| e.stage)
        .collect();
    assert_eq!(stages.last(), Some(&AgentStage::Cancelled));
}

#[tokio::test]
async fn review_items_are_accepted_with_edits_or_dismissed_with_a_reason_once() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let zoe = client_id(&setup.db, "Zoë Łukasiewicz").await;
    let items = rt.run(&progress(&zoe)).await.unwrap().items;
    assert!(items.len() >= 2);
    let accepted = review::accept(&setup.db, &items[0].id, Some("Tell her on Friday."))
        .await
        .unwrap();
    assert_eq!(
        (accepted.status, accepted.edited_body.as_deref()),
        (ReviewStatus::Accepted, Some("Tell her on Friday."))
    );
    // Accepting leads somewhere visible: a note on the client's record, with the evidence.
    assert_eq!(
        accepted.result.as_deref(),
        Some("noted in Zoë Łukasiewicz's notes")
    );
    let notes = clients::record::notes(&setup.db, &zoe).await.unwrap();
    let note = &notes[0].body;
    assert!(
        note.starts_with(&format!(
            "{} accepted: {}\nTell her on Friday.",
            if items[0].kind == ReviewKind::Insight {
                "Insight"
            } else {
                "Suggestion"
            },
            items[0].title
        )),
        "{note}"
    );
    assert!(
        note.contains(&format!("· {}: ", items[0].evidence[0].label)),
        "{note}"
    );
    let err = review::dismiss(&setup.db, &items[1].id, "  ")
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("reason"));
    let dismissed = review::dismiss(&setup.db, &items[1].id, "already discussed")
        .await
        .unwrap();
    assert_eq!(dismissed.status, ReviewStatus::Dismissed);
    let again = review::accept(&setup.db, &items[1].id, None)
        .await
        .unwrap_err();
    assert!(
        again.message.contains("already dismissed"),
        "{}",
        again.message
    );
    let open = review::list(
        &setup.db,
        &ReviewQuery {
            status: Some(ReviewStatus::Open),
            client_id: Some(zoe),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(open.len(), items.len() - 2);
}

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
async fn two_clients_with_alike_facts_never_share_a_cached_answer() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let answer = json!({ "insights": [{ "title": "New here", "text": "Client A has no history yet.", "kind": "insight", "evidence": ["T1"] }] });
    always(&s, ok(&answer.to_string())).await;
    let rt = runtime(&setup.db);
    let mut ids = Vec::new();
    for name in ["New Client One", "New Client Two"] {
        let c = clients::create(
            &setup.db,
            &clients::ClientInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        ids.push(c.id);
    }
    // Both are "Client A" with nothing logged: the messages sent are identical.
    let a = rt.run(&progress(&ids[0])).await.unwrap();
    let b = rt.run(&progress(&ids[1])).await.unwrap();
    assert!(
        !b.execution.summary.from_cache,
        "the second client got the first one's answer"
    );
    assert_eq!(b.items[0].client_id.as_deref(), Some(ids[1].as_str()));
    assert_ne!(a.items[0].id, b.items[0].id);
    assert_eq!(requests(&s).await.len(), 2);
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

#[tokio::test]
async fn an_agent_that_is_not_built_yet_says_so_and_the_refusal_is_logged() {
    let setup = demo().await;
    let rt = runtime(&setup.db);
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let err = rt
        .run(&RunRequest {
            task_type: "client_chat".into(),
            client_id: Some(anna),
            fresh: false,
        })
        .await
        .unwrap_err();
    assert!(
        err.message.contains("not available in this version"),
        "{}",
        err.message
    );
    let log = executions::list(&setup.db, &ExecutionQuery::default())
        .await
        .unwrap();
    assert_eq!(log[0].task_type, "client_chat");
    assert_eq!(log[0].status, ExecutionStatus::Failed);
}

async fn with_knee_injury(db: &Database, name: &str) -> String {
    let id = client_id(db, name).await;
    let c = clients::get(db, &id).await.unwrap();
    let input = clients::ClientInput {
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        date_of_birth: c.date_of_birth.clone(),
        injuries: "Patellar tendinopathy, left knee".into(),
        body_areas: vec!["knee".into()],
        ..Default::default()
    };
    clients::update(db, &id, &input).await.unwrap();
    id
}

fn optimizer(client: &str) -> RunRequest {
    RunRequest {
        task_type: "workout_optimizer".into(),
        client_id: Some(client.into()),
        fresh: false,
    }
}

#[tokio::test]
async fn the_optimizer_never_offers_an_exercise_that_conflicts_with_an_injury_and_accepting_saves_an_ai_version(
) {
    use spotter_core::training::exercises::{self, ExerciseQuery};
    use spotter_core::training::plans;
    let setup = demo().await;
    let anna = with_knee_injury(&setup.db, "Anna Schmidt").await;
    let rt = runtime(&setup.db);

    // The facts: her back squat is flagged; no alternative has a knee caution.
    let preview = rt.preview(&optimizer(&anna)).await.unwrap();
    let flagged = preview.facts["flagged"].as_array().unwrap();
    assert!(
        flagged
            .iter()
            .any(|f| f["exercise"] == "Barbell Back Squat"),
        "{flagged:?}"
    );
    let library = exercises::list(
        &setup.db,
        &ExerciseQuery {
            include_hidden: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for alt in preview.facts["alternatives"].as_array().unwrap() {
        let e = library
            .iter()
            .find(|e| e.name == alt["name"].as_str().unwrap())
            .unwrap();
        assert!(
            e.cautions.iter().all(|c| c.area != "knee"),
            "{} was offered",
            e.name
        );
    }
    assert!(!preview.messages.to_string().contains("Anna"));

    // With no model: the computed proposal swaps the flagged rows from this week on.
    let out = rt.run(&optimizer(&anna)).await.unwrap();
    assert_eq!(out.items.len(), 1);
    let item = &out.items[0];
    let plan_id = item
        .changes_plan_id
        .clone()
        .expect("accepting changes a plan");
    let before = plans::get(&setup.db, &plan_id).await.unwrap();
    let week = preview.facts["plan"]["week"].as_u64().unwrap() as usize - 1;
    assert!(before.body.weeks[week]
        .days
        .iter()
        .flat_map(|d| &d.items)
        .any(|i| i.exercise_name == "Barbell Back Squat"));
    assert_eq!(
        plans::get(&setup.db, &plan_id).await.unwrap().version,
        before.version,
        "nothing changes before accepting"
    );

    let accepted = review::accept(&setup.db, &item.id, None).await.unwrap();
    let after = plans::get(&setup.db, &plan_id).await.unwrap();
    assert_eq!(after.version, before.version + 1);
    assert_eq!(
        accepted.result.as_deref(),
        Some(format!("plan version {}", after.version).as_str())
    );
    for (w, wk) in after.body.weeks.iter().enumerate() {
        let squats = wk
            .days
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.exercise_name == "Barbell Back Squat")
            .count();
        if w >= week {
            assert_eq!(squats, 0, "week {} still squats", w + 1);
        } else {
            assert_eq!(
                squats,
                before.body.weeks[w]
                    .days
                    .iter()
                    .flat_map(|d| &d.items)
                    .filter(|i| i.exercise_name == "Barbell Back Squat")
                    .count(),
                "earlier weeks stay"
            );
        }
    }
    let versions = plans::versions(&setup.db, &plan_id).await.unwrap();
    let latest = versions.iter().max_by_key(|v| v.version).unwrap();
    assert_eq!(latest.author_kind, plans::AuthorKind::Ai);
    assert!(
        latest.summary.contains("Barbell Back Squat"),
        "{}",
        latest.summary
    );
}

#[tokio::test]
async fn a_model_proposal_is_checked_then_applied_only_on_accept_and_never_over_a_newer_version() {
    use spotter_core::training::plans;
    let setup = demo().await;
    let anna = with_knee_injury(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let rt = runtime(&setup.db);
    let preview = rt.preview(&optimizer(&anna)).await.unwrap();
    let squat_row = preview.facts["flagged"][0]["ref"]
        .as_str()
        .unwrap()
        .to_owned();
    let second_row = preview.facts["plan"]["days"][1]["rows"][0]["ref"]
        .as_str()
        .unwrap()
        .to_owned();

    // First an answer naming an exercise that is not among the alternatives: refused and retried.
    let bad = json!({ "summary": "Swap the squat.", "changes": [
        { "op": "replace", "target": squat_row, "exercise": "E999", "sets": null, "repsMin": null, "repsMax": null, "reason": "Knee-friendly." } ] });
    let good = json!({ "summary": "Spare the knee and add a set where Client A is strong.", "changes": [
        { "op": "replace", "target": squat_row, "exercise": "E1", "sets": null, "repsMin": null, "repsMax": null, "reason": "No deep knee flexion under load." },
        { "op": "change", "target": second_row, "exercise": null, "sets": 5, "repsMin": null, "repsMax": null, "reason": "Progressing well." } ] });
    first(&s, 1, ok(&bad.to_string())).await;
    always(&s, ok(&good.to_string())).await;
    let out = rt.run(&optimizer(&anna)).await.unwrap();
    let bodies = requests(&s).await;
    assert_eq!(bodies.len(), 2);
    assert!(
        bodies[1]["messages"]
            .to_string()
            .contains("not one of the alternatives"),
        "the reason goes back to the model"
    );
    assert_eq!(
        bodies[0]["response_format"]["json_schema"]["name"],
        "plan_changes"
    );
    let item = &out.items[0];
    assert!(item.from_model);
    assert!(
        item.body
            .starts_with("Spare the knee and add a set where Anna Schmidt is strong."),
        "{}",
        item.body
    );
    let plan_id = item.changes_plan_id.clone().unwrap();
    let v = plans::get(&setup.db, &plan_id).await.unwrap().version;

    // The trainer edits the plan meanwhile: accepting the stale proposal is refused.
    let plan = plans::get(&setup.db, &plan_id).await.unwrap();
    let trainer = plans::Author {
        kind: plans::AuthorKind::Trainer,
        name: "Alex".into(),
    };
    plans::save(
        &setup.db,
        &plan_id,
        &plans::PlanSave {
            name: format!("{} (edited)", plan.name),
            body: plan.body.clone(),
            base_version: v,
        },
        &trainer,
    )
    .await
    .unwrap();
    let err = review::accept(&setup.db, &item.id, None).await.unwrap_err();
    assert!(
        err.message.contains("run the optimizer again"),
        "{}",
        err.message
    );
    assert_eq!(
        review::get(&setup.db, &item.id).await.unwrap().status,
        ReviewStatus::Open,
        "nothing half done"
    );
}

#[tokio::test]
async fn scheduling_proposes_free_slots_and_accepting_books_through_the_conflict_check() {
    use spotter_core::schedule::{sessions, SaveOutcome, SessionInput};
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let rt = runtime(&setup.db);
    let req = RunRequest {
        task_type: "scheduling".into(),
        client_id: Some(anna.clone()),
        fresh: false,
    };

    let preview = rt.preview(&req).await.unwrap();
    assert!(
        !preview.facts["slots"].as_array().unwrap().is_empty(),
        "{}",
        preview.facts
    );
    let out = rt.run(&req).await.unwrap();
    assert!(
        out.items.len() >= 2,
        "{:?}",
        out.items.iter().map(|i| &i.title).collect::<Vec<_>>()
    );
    assert!(out
        .items
        .iter()
        .all(|i| i.books_session && i.title.starts_with("Book ")));

    let booked = review::accept(&setup.db, &out.items[0].id, None)
        .await
        .unwrap();
    assert!(
        booked
            .result
            .as_deref()
            .is_some_and(|r| r.starts_with("session booked for")),
        "{:?}",
        booked.result
    );

    // Someone else takes the second slot first: accepting it is refused and nothing is booked.
    let second = &out.items[1];
    let other = client_id(&setup.db, "Mia Johansson").await;
    let slot: SessionInput = {
        let action: String = sqlx::query_scalar("SELECT action FROM ai_review_items WHERE id = ?")
            .bind(&second.id)
            .fetch_one(setup.db.pool())
            .await
            .unwrap();
        serde_json::from_value(
            serde_json::from_str::<Value>(&action).unwrap()["bookSession"].clone(),
        )
        .unwrap()
    };
    let taken = sessions::create(
        &setup.db,
        &SessionInput {
            client_ids: vec![other],
            ..slot.clone()
        },
    )
    .await
    .unwrap();
    assert!(matches!(taken, SaveOutcome::Saved { .. }));
    let err = review::accept(&setup.db, &second.id, None)
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("That time is no longer free"),
        "{}",
        err.message
    );
    assert_eq!(
        review::get(&setup.db, &second.id).await.unwrap().status,
        ReviewStatus::Open
    );
}

#[tokio::test]
async fn scheduling_proposals_for_a_client_who_needs_clearance_say_so_with_the_reason() {
    use spotter_core::clients::record::{self, ParqInput};
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    record::record_intake(
        &setup.db,
        &anna,
        &ParqInput {
            answered_on: "2026-11-20".into(),
            answers: (0..7).map(|i| Some(i == 1)).collect(),
            notes: String::new(),
        },
    )
    .await
    .unwrap();
    let rt = runtime(&setup.db);
    let req = RunRequest {
        task_type: "scheduling".into(),
        client_id: Some(anna),
        fresh: false,
    };
    // The health answer stays on the machine.
    let preview = rt.preview(&req).await.unwrap();
    assert!(!preview.facts.to_string().contains("pain in your chest"));
    let out = rt.run(&req).await.unwrap();
    assert!(!out.items.is_empty());
    for item in &out.items {
        assert!(
            item.body
                .starts_with("⚑ Anna Schmidt needs medical clearance before training"),
            "{}",
            item.body
        );
        assert_eq!(item.evidence[0].label, "Needs medical clearance");
        assert!(item.evidence[0]
            .value
            .contains("Do you feel pain in your chest"));
    }
}

#[tokio::test]
async fn a_model_picks_among_the_free_slots_only() {
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let bad = json!({ "proposals": [{ "slot": "S99", "reason": "Friday night is free." }] });
    let good = json!({ "proposals": [{ "slot": "S1", "reason": "Client A is free then and it is soon." }] });
    first(&s, 1, ok(&bad.to_string())).await;
    always(&s, ok(&good.to_string())).await;
    let rt = runtime(&setup.db);
    let out = rt
        .run(&RunRequest {
            task_type: "scheduling".into(),
            client_id: Some(anna),
            fresh: false,
        })
        .await
        .unwrap();
    assert_eq!(out.items.len(), 1);
    assert_eq!(
        out.items[0].body,
        "Anna Schmidt is free then and it is soon."
    );
    assert!(requests(&s).await[1]["messages"]
        .to_string()
        .contains("not one of the free slots"));
}

#[tokio::test]
async fn nutrition_targets_are_computed_and_meal_ideas_respect_restrictions() {
    use spotter_core::clients::record::{add_measurement, MeasurementInput, Metric};
    let setup = demo().await;
    let mia = client_id(&setup.db, "Mia Johansson").await;
    let rt = runtime(&setup.db);
    let req = RunRequest {
        task_type: "nutrition".into(),
        client_id: Some(mia.clone()),
        fresh: false,
    };

    // What the record lacks is said, not guessed.
    let before = rt.preview(&req).await.unwrap();
    assert!(before.facts["energy"].as_array().unwrap().is_empty() || before.facts["sex"].is_null());
    assert!(
        before.facts["missing"].to_string().contains("height"),
        "{}",
        before.facts["missing"]
    );

    let c = clients::get(&setup.db, &mia).await.unwrap();
    let input = clients::ClientInput {
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        date_of_birth: Some("1990-06-15".into()),
        goals: "Lose some fat, keep strength".into(),
        tags: vec!["female".into(), "vegetarian".into()],
        ..Default::default()
    };
    clients::update(&setup.db, &mia, &input).await.unwrap();
    let today = spotter_core::time::today_utc()
        .format("%Y-%m-%d")
        .to_string();
    add_measurement(
        &setup.db,
        &mia,
        &MeasurementInput {
            measured_on: today.clone(),
            metric: Some(Metric::BodyWeight),
            value: 70.0,
            unit: "kg".into(),
            custom_name: None,
        },
    )
    .await
    .unwrap();
    add_measurement(
        &setup.db,
        &mia,
        &MeasurementInput {
            measured_on: today,
            metric: Some(Metric::Custom),
            custom_name: Some("height".into()),
            value: 170.0,
            unit: "cm".into(),
        },
    )
    .await
    .unwrap();

    let facts = rt.preview(&req).await.unwrap().facts;
    let age = facts["age"].as_f64().unwrap();
    let bmr = 10.0 * 70.0 + 6.25 * 170.0 - 5.0 * age - 161.0;
    assert_eq!(
        facts["energy"].as_array().unwrap().len(),
        1,
        "sex recorded: one figure"
    );
    assert_eq!(facts["energy"][0]["bmrKcal"].as_f64().unwrap(), bmr.round());
    let factor = facts["activityFactor"].as_f64().unwrap();
    assert_eq!(
        facts["energy"][0]["targetKcal"].as_f64().unwrap(),
        (bmr * factor * 0.8 / 10.0).round() * 10.0,
        "fat loss: 80 % of maintenance"
    );
    assert_eq!(facts["restrictions"], json!(["vegetarian"]));

    // A model's meal idea with chicken for a vegetarian is refused; the retry is kept.
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    let target = facts["energy"][0]["targetKcal"].as_f64().unwrap();
    let bad = json!({ "summary": format!("Client A aims for {target} kcal a day."), "mealIdeas": [{ "name": "Chicken salad", "ingredients": ["chicken", "lettuce"] }] });
    let good = json!({ "summary": format!("Client A aims for {target} kcal a day."), "mealIdeas": [{ "name": "Bean chili", "ingredients": ["kidney beans", "tomato", "rice"] }] });
    first(&s, 1, ok(&bad.to_string())).await;
    always(&s, ok(&good.to_string())).await;
    let out = rt.run(&req).await.unwrap();
    assert!(requests(&s).await[1]["messages"]
        .to_string()
        .contains("breaks the client's restrictions"));
    let item = &out.items[0];
    assert_eq!(item.title, "Nutrition guidance (not medical advice)");
    assert!(
        item.body.starts_with("Mia Johansson aims for")
            && item.body.contains("Bean chili")
            && item.body.contains("not medical advice"),
        "{}",
        item.body
    );
}

#[tokio::test]
async fn asking_about_a_client_streams_a_grounded_answer_and_keeps_the_conversation() {
    use spotter_core::ai::chat;
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    always(
        &s,
        sse(&["Client A ", "squatted ", "more; ", "maybe 250 kg soon."]),
    )
    .await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<AgentEvent>();
    let rt = runtime(&setup.db);
    let sink: spotter_ai::runtime::EventSink = Arc::new(move |e| {
        let _ = tx.send(e);
    });
    let answer = rt
        .ask(&anna, "How is Anna Schmidt's squat going?", sink.clone())
        .await
        .unwrap();
    assert_eq!(
        answer.content,
        "Anna Schmidt squatted more; maybe 250 kg soon."
    );
    assert_eq!(
        answer.unverified,
        vec!["250"],
        "a number that is not a fact is flagged"
    );
    let deltas: Vec<String> = std::iter::from_fn(|| rx.try_recv().ok())
        .filter_map(|e| e.delta)
        .collect();
    assert_eq!(
        deltas.first().map(String::as_str),
        Some("Anna Schmidt "),
        "streamed, names restored"
    );
    assert_eq!(
        deltas.last().map(String::as_str),
        Some("Anna Schmidt squatted more; maybe 250 kg soon.")
    );

    // The second question carries the first turn, pseudonymised.
    rt.ask(&anna, "And her bench?", sink).await.unwrap();
    let bodies = requests(&s).await;
    let second = bodies[1]["messages"].as_array().unwrap();
    let texts: Vec<&str> = second
        .iter()
        .filter_map(|m| m["content"].as_str())
        .collect();
    assert!(
        texts.contains(&"How is Client A's squat going?"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Client A squatted more; maybe 250 kg soon."));
    assert!(!bodies[1].to_string().contains("Anna"));
    let history = chat::history(&setup.db, &anna).await.unwrap();
    assert_eq!(
        history.iter().map(|m| m.role.as_str()).collect::<Vec<_>>(),
        ["user", "assistant", "user", "assistant"]
    );
    assert_eq!(history[0].content, "How is Anna Schmidt's squat going?");
    let err = rt.ask(&anna, "   ", Arc::new(|_| {})).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("question"));
}

#[tokio::test]
async fn cancelling_the_weekly_digest_stops_every_client_run_in_it() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Slow", &s).await;
    always(&s, ok("{}").set_delay(Duration::from_secs(30))).await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<AgentEvent>();
    let rt = Arc::new(runtime(&setup.db).with_events(Arc::new(move |e| {
        let _ = tx.send(e);
    })));
    let r = rt.clone();
    let run = tokio::spawn(async move {
        r.run(&RunRequest {
            task_type: "weekly_digest".into(),
            ..Default::default()
        })
        .await
    });
    // The digest's own id comes first; wait until a client's run is asking the model.
    let digest = rx.recv().await.unwrap();
    assert_eq!(digest.task_type, TaskType::WeeklyDigest);
    loop {
        let e = rx.recv().await.unwrap();
        if e.stage == AgentStage::Model {
            break;
        }
    }
    assert!(rt.cancel(&digest.execution_id));
    let err = run.await.unwrap().unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled, "{}", err.message);
    let log = executions::list(&setup.db, &ExecutionQuery::default())
        .await
        .unwrap();
    assert!(
        log.iter().all(|e| e.status != ExecutionStatus::Running),
        "nothing left running"
    );
    assert_eq!(
        log.iter()
            .find(|e| e.id == digest.execution_id)
            .unwrap()
            .status,
        ExecutionStatus::Cancelled
    );
}

#[tokio::test]
async fn the_optimizer_without_a_plan_says_so_and_asks_no_model() {
    let setup = demo().await;
    let s = server().await;
    add_provider(&setup.db, "Local", &s).await;
    always(&s, ok("{}")).await;
    let mia = client_id(&setup.db, "Mia Johansson").await;
    let out = runtime(&setup.db).run(&optimizer(&mia)).await.unwrap();
    assert_eq!(out.items.len(), 1);
    assert_eq!(out.items[0].title, "No plan to optimise");
    assert!(out.items[0]
        .body
        .starts_with("Mia Johansson has no plan assigned"));
    assert!(requests(&s).await.is_empty(), "no tokens spent");
    // And an item that changes something is accepted as proposed or not at all.
    let anna = with_knee_injury(&setup.db, "Anna Schmidt").await;
    let rt = runtime(&setup.db);
    for p in providers::list(&setup.db).await.unwrap() {
        providers::delete(&setup.db, &p.id).await.unwrap();
    }
    let item = rt.run(&optimizer(&anna)).await.unwrap().items.remove(0);
    let err = review::accept(&setup.db, &item.id, Some("Do it on Monday"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("editedBody"));
}

/// The next event of `task` at `stage`, skipping the others.
async fn next_event(
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<AgentEvent>,
    task: TaskType,
    stage: AgentStage,
) -> AgentEvent {
    loop {
        let e = tokio::time::timeout(Duration::from_secs(20), rx.recv())
            .await
            .expect("the event comes")
            .unwrap();
        if e.task_type == task && e.stage == stage {
            return e;
        }
    }
}

/// Every way a run ends leaves its execution finished and out of the cancel registry: a
/// model that refuses (the agent run and the chat), a chat cancelled mid-answer, and a run
/// whose caller stopped waiting (its task aborted mid-run), which is failed as interrupted.
#[tokio::test]
async fn no_run_is_left_running_after_an_error_a_cancel_or_a_caller_that_stops_waiting() {
    let setup = demo().await;
    let anna = client_id(&setup.db, "Anna Schmidt").await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<AgentEvent>();
    let sink: spotter_ai::runtime::EventSink = Arc::new(move |e| {
        let _ = tx.send(e);
    });
    let rt = Arc::new(runtime(&setup.db).with_events(sink.clone()));
    let fresh = RunRequest {
        fresh: true,
        ..progress(&anna)
    };

    // A provider that refuses every call: both fail, and say why.
    let down = server().await;
    add_provider(&setup.db, "Down", &down).await;
    always(&down, status(401)).await;
    let err = rt.run(&fresh).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Ai, "{}", err.message);
    let err = rt
        .ask(&anna, "How is her squat going?", sink.clone())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Ai, "{}", err.message);
    for p in providers::list(&setup.db).await.unwrap() {
        providers::delete(&setup.db, &p.id).await.unwrap();
    }
    while rx.try_recv().is_ok() {}

    // A provider that thinks for 30 s: the chat is cancelled while it streams.
    let slow = server().await;
    add_provider(&setup.db, "Slow", &slow).await;
    always(&slow, ok("{}").set_delay(Duration::from_secs(30))).await;
    let (r, s, a) = (rt.clone(), sink.clone(), anna.clone());
    let asking = tokio::spawn(async move { r.ask(&a, "And her bench?", s).await });
    let chat_id = next_event(&mut rx, TaskType::ClientChat, AgentStage::Model)
        .await
        .execution_id;
    assert!(rt.cancel(&chat_id));
    let err = asking.await.unwrap().unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled, "{}", err.message);
    let chat = executions::get(&setup.db, &chat_id).await.unwrap();
    assert_eq!(chat.summary.status, ExecutionStatus::Cancelled);
    next_event(&mut rx, TaskType::ClientChat, AgentStage::Cancelled).await;
    while rx.try_recv().is_ok() {}

    // A run whose task is aborted while the model thinks: out of the registry at once,
    // failed as interrupted soon after (not left for the next start-up).
    let r = rt.clone();
    let req = fresh.clone();
    let running = tokio::spawn(async move { r.run(&req).await });
    let run_id = next_event(&mut rx, TaskType::ProgressMonitor, AgentStage::Model)
        .await
        .execution_id;
    running.abort();
    assert!(running.await.unwrap_err().is_cancelled());
    assert!(!rt.cancel(&run_id), "no longer cancellable");
    let mut logged = executions::get(&setup.db, &run_id).await.unwrap();
    for _ in 0..100 {
        if logged.summary.status != ExecutionStatus::Running {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        logged = executions::get(&setup.db, &run_id).await.unwrap();
    }
    assert_eq!(logged.summary.status, ExecutionStatus::Failed);
    assert_eq!(
        logged.summary.error.as_deref(),
        Some(spotter_ai::runtime::INTERRUPTED)
    );
    assert!(logged.summary.finished_at.is_some());
    assert!(
        logged.sent.is_array(),
        "what was sent before the stop is kept"
    );

    let log = executions::list(&setup.db, &ExecutionQuery::default())
        .await
        .unwrap();
    assert_eq!(
        log.len(),
        4,
        "two refused by the model, one cancelled, one interrupted"
    );
    for e in &log {
        assert_ne!(
            e.status,
            ExecutionStatus::Running,
            "{} left running",
            e.task_type
        );
        assert!(e.finished_at.is_some());
        assert!(
            !rt.cancel(&e.id),
            "{} still in the cancel registry",
            e.task_type
        );
    }
}
