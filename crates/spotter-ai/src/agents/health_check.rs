//! Health checker: the local checks from spotter-core plus the keychain and each enabled
//! provider ("send one tiny request"). The report is the status light; a run from the
//! agent console also queues a suggestion for each problem not already waiting there.

use spotter_core::ai::facts::health::{self, HealthCheck, HealthReport, HealthStatus};
use spotter_core::ai::grounding::AllowedNumbers;
use spotter_core::ai::privacy::Pseudonyms;
use spotter_core::ai::review::{Evidence, NewReviewItem, ReviewKind};
use spotter_store::paths::DataDir;
use spotter_store::{Database, Result};

use super::{insights_schema, Prepared};
use crate::keychain::Keychain;
use crate::llm::Message;
use crate::providers;

pub const SYSTEM_PROMPT: &str = "You are the health checker in Spotter, an app for personal trainers. \
You get the results of Spotter's own checks (database, backups, disk, keychain, AI providers, recent errors). \
For each check that is not ok, explain in plain words what it means for the trainer and what to do, as a suggestion. \
Rules: use only numbers that appear in the checks; cite each check's \"ref\" in \"evidence\". Answer with JSON only.";

/// Every check, local and remote.
pub async fn report(
    db: &Database,
    keychain: &Keychain,
    data_dir: &DataDir,
    log_dir: &std::path::Path,
) -> Result<HealthReport> {
    let mut checks = health::local_checks(db, data_dir, log_dir).await?;
    checks.push(match keychain.check().await {
        Ok(()) => HealthCheck {
            key: "keychain".into(),
            label: "Keychain".into(),
            status: HealthStatus::Ok,
            detail: "The system keychain answers.".into(),
            fix: None,
        },
        Err(e) => HealthCheck {
            key: "keychain".into(),
            label: "Keychain".into(),
            // Without a keychain only OpenAI keys are out of reach; local servers still work.
            status: HealthStatus::Warn,
            detail: "The system keychain cannot be used, so API keys cannot be read.".into(),
            fix: Some(e.message),
        },
    });
    for p in providers::list(db, keychain)
        .await?
        .into_iter()
        .filter(|p| p.enabled)
    {
        let c = providers::check(db, keychain, &p.id).await?;
        checks.push(HealthCheck {
            key: "provider".into(),
            label: format!("AI provider {}", p.name),
            status: if c.ok { HealthStatus::Ok } else { HealthStatus::Warn },
            detail: c.message,
            fix: (!c.ok).then(|| "Check the address, the model and the key in Settings → AI; the next provider in the list is used meanwhile.".to_owned()),
        });
    }
    Ok(HealthReport::new(checks))
}

/// The report as an agent run's facts: one suggestion per problem. `names` knows every
/// client, so a name that reached a log line is replaced before anything is sent.
pub fn prepare(report: &HealthReport, mut names: Pseudonyms) -> Prepared {
    let checks: Vec<serde_json::Value> = report
        .checks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            serde_json::json!({ "ref": format!("H{}", i + 1), "check": c.label, "status": c.status,
                "detail": names.scrub(&c.detail), "fix": c.fix.as_deref().map(|f| names.scrub(f)) })
        })
        .collect();
    let facts = serde_json::json!({ "overall": report.overall, "checks": checks });
    let evidence = report
        .checks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                format!("H{}", i + 1),
                Evidence {
                    label: c.label.clone(),
                    value: c.detail.clone(),
                },
            )
        })
        .collect();
    let computed = report
        .checks
        .iter()
        .filter(|c| c.status != HealthStatus::Ok)
        .map(|c| NewReviewItem {
            client_id: None,
            kind: ReviewKind::Suggestion,
            title: format!(
                "{}: {}",
                c.label,
                if c.status == HealthStatus::Fail {
                    "needs attention now"
                } else {
                    "worth a look"
                }
            ),
            body: match &c.fix {
                Some(fix) => format!("{} {fix}", c.detail),
                None => c.detail.clone(),
            },
            evidence: vec![Evidence {
                label: c.label.clone(),
                value: c.detail.clone(),
            }],
            from_model: false,
            action: None,
            booking: None,
        })
        .collect();
    let messages = vec![
        Message::system(SYSTEM_PROMPT),
        Message::user(format!(
            "Checks:\n{}",
            serde_json::to_string_pretty(&facts).unwrap_or_default()
        )),
    ];
    Prepared {
        allowed: AllowedNumbers::from_facts(&facts),
        facts,
        messages,
        schema: insights_schema(),
        computed,
        names,
        evidence,
        client_id: None,
        checker: super::Checker::Insights,
    }
}
