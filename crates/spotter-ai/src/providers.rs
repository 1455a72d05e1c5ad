//! The AI providers as this computer can use them: whether the keychain holds each key, the
//! "send one tiny request" check, and the chain of usable providers an agent run tries.
//! Used by the runtime (Settings → AI, every run) and by the health checker, which needs
//! nothing else from the runtime; this module knows nothing of runs or the execution log.

use std::time::Instant;

use spotter_core::ai::agents::Agent;
use spotter_core::ai::providers::{self, Provider, ProviderKind};
use spotter_core::ai::run::ProviderCheck;
use spotter_store::{Database, Result};
use tokio_util::sync::CancellationToken;

use crate::keychain::Keychain;
use crate::llm::{ChatRequest, Llm, LlmError, Message, RetryPolicy, Target};

/// The providers in fallback order, each saying whether the keychain holds its key.
/// A keychain that cannot be reached shows as "no key" here; the runtime's status says why.
pub async fn list(db: &Database, keychain: &Keychain) -> Result<Vec<Provider>> {
    let mut list = providers::list(db).await?;
    for p in &mut list {
        p.has_key = keychain.has(&p.id).await.unwrap_or(false);
    }
    Ok(list)
}

/// "Send one tiny request": one short call to this provider alone, no retries.
pub async fn check(db: &Database, keychain: &Keychain, provider_id: &str) -> Result<ProviderCheck> {
    let p = providers::get(db, provider_id).await?;
    if !providers::address_allowed(&p) {
        return Ok(ProviderCheck {
            ok: false,
            message: insecure_address(&p),
            latency_ms: None,
        });
    }
    let key = match keychain.get(&p.id).await {
        Ok(k) => k,
        Err(e) if p.kind == ProviderKind::Openai => {
            return Ok(ProviderCheck {
                ok: false,
                message: e.message,
                latency_ms: None,
            })
        }
        Err(_) => None,
    };
    if key.is_none() && p.kind == ProviderKind::Openai {
        return Ok(ProviderCheck {
            ok: false,
            message: "No API key yet: add it first".into(),
            latency_ms: None,
        });
    }
    let model = p.model.clone();
    let target = Target {
        provider: p,
        model,
        key,
    };
    let llm = Llm::new(
        RetryPolicy {
            max_retries: 0,
            ..Default::default()
        },
        Default::default(),
    );
    let req = ChatRequest {
        messages: vec![Message::user("Reply with the word OK.")],
        temperature: 0.0,
        schema: None,
        max_tokens: Some(5),
    };
    let started = Instant::now();
    Ok(
        match llm
            .chat(
                std::slice::from_ref(&target),
                &req,
                &CancellationToken::new(),
            )
            .await
        {
            Ok(_) => {
                let ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
                ProviderCheck {
                    ok: true,
                    message: format!("{} answered in {ms} ms", target.model),
                    latency_ms: Some(ms),
                }
            }
            Err(LlmError::AllFailed { reasons, .. }) => ProviderCheck {
                ok: false,
                message: reasons.join("; "),
                latency_ms: None,
            },
            Err(e) => ProviderCheck {
                ok: false,
                message: e.to_string(),
                latency_ms: None,
            },
        },
    )
}

/// The providers to try, in order: the agent's own first, then the rest of the chain.
/// A provider whose key cannot be read is left out (and said so in the reasons).
pub async fn chain(
    db: &Database,
    keychain: &Keychain,
    agent: &Agent,
) -> Result<(Vec<Target>, Vec<String>)> {
    let mut all: Vec<Provider> = providers::list(db)
        .await?
        .into_iter()
        .filter(|p| p.enabled)
        .collect();
    if let Some(first) = &agent.provider_id {
        if let Some(i) = all.iter().position(|p| &p.id == first) {
            let p = all.remove(i);
            all.insert(0, p);
        }
    }
    let mut targets = Vec::with_capacity(all.len());
    let mut skipped = Vec::new();
    for (i, p) in all.into_iter().enumerate() {
        if !providers::address_allowed(&p) {
            skipped.push(insecure_address(&p));
            continue;
        }
        let key = match keychain.get(&p.id).await {
            Ok(k) => k,
            // A local server needs no key: go on without the keychain.
            Err(_) if p.kind == ProviderKind::Compatible => {
                tracing::warn!(provider = %p.name, "keychain unavailable; trying without a key");
                None
            }
            Err(e) => {
                skipped.push(format!("{}: {}", p.name, e.message));
                continue;
            }
        };
        if key.is_none() && p.kind == ProviderKind::Openai {
            skipped.push(format!("{}: no API key (add it in Settings → AI)", p.name));
            continue;
        }
        let model = if i == 0 {
            agent.model.clone().unwrap_or_else(|| p.model.clone())
        } else {
            p.model.clone()
        };
        targets.push(Target {
            provider: p,
            model,
            key,
        });
    }
    Ok((targets, skipped))
}

/// Why a provider saved with a plain-http address to another computer is not used.
fn insecure_address(p: &Provider) -> String {
    format!(
        "{}: its address is plain http to another computer; change it to https:// in Settings → AI",
        p.name
    )
}
