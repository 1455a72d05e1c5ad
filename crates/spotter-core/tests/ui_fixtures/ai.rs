//! The AI fixture: the agents the core sets up, the execution and review items one run
//! leaves (an insight about Anna), and the answers to Settings → AI's and the review queue's
//! calls: providers and their errors, agent settings and theirs, dismissing and accepting; and
//! the local health checks when all is well (a backup made today, an empty log).

use serde_json::{json, Value};
use spotter_core::ai::agents::{self, AgentInput};
use spotter_core::ai::executions::{self, ExecutionQuery};
use spotter_core::ai::facts::health;
use spotter_core::ai::providers::{self, ProviderInput, ProviderKind};
use spotter_core::ai::review::{self, Evidence, NewReviewItem, ReviewKind, ReviewQuery};
use spotter_core::ai::TaskType;
use spotter_core::clients::{self, ClientInput};
use spotter_store::backups::{self, BackupReason};
use spotter_store::paths::DataDir;
use spotter_store::Database;

use super::recorder::Recorder;

pub async fn record(db: &Database, data_dir: &DataDir, rec: &mut Recorder) -> Value {
    let anna = clients::create(
        db,
        &ClientInput {
            name: "Anna Berg".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    rec.alias(&anna.id, "c1");
    agents::ensure_agents(db).await.unwrap();
    let agent_list = agents::list(db).await.unwrap();
    for a in &agent_list {
        rec.alias(&a.id, &format!("agent-{}", a.task_type.as_str()));
    }

    // One run's leftovers: its log entry and two items waiting for review.
    let monitor = agents::for_task(db, TaskType::ProgressMonitor)
        .await
        .unwrap();
    let exec = executions::start(
        db,
        TaskType::ProgressMonitor,
        Some(&monitor.id),
        Some(&anna.id),
        "fingerprint",
    )
    .await
    .unwrap();
    rec.alias(&exec, "exec-seed");
    let item = |kind, title: &str, body: &str, evidence: (&str, &str)| NewReviewItem {
        client_id: Some(anna.id.clone()),
        kind,
        title: title.into(),
        body: body.into(),
        evidence: vec![Evidence {
            label: evidence.0.into(),
            value: evidence.1.into(),
        }],
        from_model: true,
        action: None,
        booking: None,
    };
    let items = review::add(
        db,
        &exec,
        TaskType::ProgressMonitor,
        &[
            item(
                ReviewKind::Insight,
                "Squat is climbing steadily",
                "Anna added 10 kg to the estimated squat 1RM in 6 weeks.",
                ("Back Squat estimated 1RM", "100 kg → 110 kg in 6 weeks"),
            ),
            item(
                ReviewKind::Suggestion,
                "Keep the attendance streak going",
                "Anna came to 7 of 8 sessions; say well done.",
                ("Sessions attended (4 weeks)", "7 of 8"),
            ),
        ],
    )
    .await
    .unwrap();
    rec.alias(&items[0].id, "review-1");
    rec.alias(&items[1].id, "review-2");
    let execution = executions::get(db, &exec).await.unwrap();
    // On a database of its own, with nothing in it but a backup made today: the checks as a
    // sound database passes them. (It once also kept this fixture steady while quick_check
    // called the client search index malformed on some pooled connections; fixed in 5518263.)
    let sound = DataDir::new(data_dir.root().join("health"));
    let sound_db = Database::open(&sound).await.unwrap();
    backups::take(&sound_db, &sound, BackupReason::Manual)
        .await
        .unwrap();
    let log_dir = sound.root().join("empty-logs");
    std::fs::create_dir_all(&log_dir).unwrap();
    let mut local_checks = health::local_checks(&sound_db, &sound, &log_dir)
        .await
        .unwrap();
    // The one value that depends on the machine: how much disk is free.
    let free = regex::Regex::new(r"^[0-9.]+ [KMGT]?B free\.$").unwrap();
    for c in local_checks.iter_mut().filter(|c| c.key == "disk") {
        assert!(free.is_match(&c.detail), "{}", c.detail);
        c.detail = "120 GB free.".into();
    }
    let data = json!({
        "clients": [anna],
        "agents": agent_list,
        "review": items,
        "execution": execution,
        "localChecks": local_checks,
    });

    // Settings → AI: providers, in the order the core checks their fields.
    let provider = |name: &str, url: &str, model: &str, timeout: Option<u32>| ProviderInput {
        name: name.into(),
        kind: None,
        base_url: url.into(),
        model: model.into(),
        timeout_seconds: timeout,
        enabled: None,
    };
    let mut created = 0;
    for input in [
        provider(" ", "http://localhost:11434/v1", "llama3.1:8b", None),
        provider("Ollama", "localhost:11434", "llama3.1:8b", None),
        provider(
            "Ollama",
            "http://192.168.1.20:11434/v1",
            "llama3.1:8b",
            None,
        ),
        provider(
            "Proxy",
            "https://me:secret@llm.example.com/v1",
            "gpt-4o-mini",
            None,
        ),
        provider("Ollama", "http://localhost:11434/v1", " ", None),
        provider(
            "Ollama",
            "http://localhost:11434/v1",
            "llama3.1:8b",
            Some(0),
        ),
        provider(
            "Ollama on this laptop",
            " http://localhost:11434/v1/ ",
            " llama3.1:8b ",
            None,
        ),
        ProviderInput {
            kind: Some(ProviderKind::Openai),
            ..provider("OpenAI", "", "gpt-4o-mini", Some(30))
        },
    ] {
        let answer = providers::create(db, &input).await;
        if let Ok(p) = &answer {
            created += 1;
            rec.alias(&p.id, &format!("p-new-{created}"));
        }
        rec.call("ai_provider_create", json!({ "input": input }), &answer);
    }
    let list = providers::list(db).await.unwrap();
    let ids: Vec<String> = list.iter().map(|p| p.id.clone()).collect();
    let answer = providers::reorder(db, &ids[..1]).await;
    rec.call("ai_providers_reorder", json!({ "ids": &ids[..1] }), &answer);
    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    let answer = providers::reorder(db, &reversed).await;
    rec.call("ai_providers_reorder", json!({ "ids": reversed }), &answer);

    // Agent settings.
    let digest = agents::for_task(db, TaskType::WeeklyDigest).await.unwrap();
    let health = agents::for_task(db, TaskType::HealthCheck).await.unwrap();
    let setting = |temperature: f64, provider: Option<&str>, settings: Value| AgentInput {
        enabled: true,
        provider_id: provider.map(str::to_owned),
        model: None,
        temperature,
        settings,
    };
    const NOWHERE: &str = "0190a0a0-0000-7000-8000-0000000000ff";
    rec.alias(NOWHERE, "nowhere");
    for (agent, input) in [
        (&monitor.id, setting(2.5, None, json!({}))),
        (&monitor.id, setting(0.2, Some(NOWHERE), json!({}))),
        (
            &health.id,
            setting(0.2, None, json!({ "intervalMinutes": 0 })),
        ),
        (&digest.id, setting(0.2, None, json!({ "concurrency": 17 }))),
        (
            &digest.id,
            setting(0.7, Some(&ids[0]), json!({ "concurrency": 2 })),
        ),
    ] {
        let answer = agents::update(db, agent, &input).await;
        rec.call(
            "ai_agent_update",
            json!({ "id": agent, "input": input }),
            &answer,
        );
    }

    // The review queue: the log's list, a dismissal needs a reason, decided items stay decided.
    let answer = executions::list(db, &ExecutionQuery::default()).await;
    rec.call(
        "ai_executions_list",
        json!({ "query": ExecutionQuery::default() }),
        &answer,
    );
    let answer = review::list(db, &ReviewQuery::default()).await;
    rec.call(
        "ai_review_list",
        json!({ "query": ReviewQuery::default() }),
        &answer,
    );
    let (first, second) = (&items[0].id, &items[1].id);
    for (id, reason) in [(second, "  "), (second, "already known"), (second, "again")] {
        let answer = review::dismiss(db, id, reason).await;
        rec.call(
            "ai_review_dismiss",
            json!({ "id": id, "reason": reason }),
            &answer,
        );
    }
    let answer = review::accept(db, first, None).await;
    rec.call(
        "ai_review_accept",
        json!({ "id": first, "edited": null }),
        &answer,
    );
    let answer = review::accept(db, first, None).await;
    rec.call(
        "ai_review_accept",
        json!({ "id": first, "edited": null }),
        &answer,
    );
    data
}
