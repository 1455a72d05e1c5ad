//! Stopping runs: cancelling while the model thinks, cancelling the weekly digest, and no run
//! left running after an error, a cancel or a caller that stops waiting.

use crate::common::*;
use crate::{progress, runtime};
use spotter_ai::RunRequest;
use spotter_core::ai::executions::{self, ExecutionQuery, ExecutionStatus};
use spotter_core::ai::providers;
use spotter_core::ai::{AgentEvent, AgentStage, TaskType};
use spotter_store::ErrorCode;
use std::sync::Arc;
use std::time::Duration;

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
