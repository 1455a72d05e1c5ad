//! Model providers: OpenAI or any OpenAI-compatible server (a local Ollama or llama.cpp
//! works with no key). Only the address and model are stored; the key, if any, is in the
//! OS keychain under the provider's id (see `spotter-ai`'s keychain), never here.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use spotter_store::ids::{new_id, parse_id};
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

pub const OPENAI_BASE_URL: &str = "https://api.openai.com/v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// api.openai.com: a key is required.
    Openai,
    /// Any server speaking the chat-completions API: the key is optional.
    Compatible,
}

impl ProviderKind {
    fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Openai => "openai",
            ProviderKind::Compatible => "compatible",
        }
    }
    fn parse(s: &str) -> ProviderKind {
        if s == "openai" {
            ProviderKind::Openai
        } else {
            ProviderKind::Compatible
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    pub base_url: String,
    pub model: String,
    /// 1 is tried first; the next on failure.
    pub position: u32,
    pub timeout_seconds: u32,
    pub enabled: bool,
    /// Whether the keychain holds a key for it (filled in by the caller that can ask the keychain).
    pub has_key: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProviderInput {
    pub name: String,
    #[ts(optional = nullable)]
    pub kind: Option<ProviderKind>,
    pub base_url: String,
    pub model: String,
    #[ts(optional = nullable)]
    pub timeout_seconds: Option<u32>,
    #[ts(optional = nullable)]
    pub enabled: Option<bool>,
}

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    kind: String,
    base_url: String,
    model: String,
    position: i64,
    timeout_seconds: i64,
    enabled: i64,
}

impl From<Row> for Provider {
    fn from(r: Row) -> Self {
        Provider {
            id: r.id,
            name: r.name,
            kind: ProviderKind::parse(&r.kind),
            base_url: r.base_url,
            model: r.model,
            position: u32::try_from(r.position).unwrap_or(0),
            timeout_seconds: u32::try_from(r.timeout_seconds).unwrap_or(60),
            enabled: r.enabled != 0,
            has_key: false,
        }
    }
}

struct Valid {
    name: String,
    kind: ProviderKind,
    base_url: String,
    model: String,
    timeout_seconds: u32,
    enabled: bool,
}

fn validate(input: &ProviderInput) -> Result<Valid> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(AppError::validation(
            "name",
            "Give the provider a name, e.g. \"OpenAI\" or \"Ollama on this laptop\"",
        ));
    }
    if name.chars().count() > 80 {
        return Err(AppError::validation(
            "name",
            "The name is too long (at most 80 characters)",
        ));
    }
    let kind = input.kind.unwrap_or(ProviderKind::Compatible);
    let mut base_url = input.base_url.trim().trim_end_matches('/').to_owned();
    if base_url.is_empty() && kind == ProviderKind::Openai {
        base_url = OPENAI_BASE_URL.to_owned();
    }
    let scheme_ok = base_url.starts_with("http://") || base_url.starts_with("https://");
    let host = base_url.split("://").nth(1).unwrap_or("");
    if !scheme_ok || host.is_empty() || base_url.chars().any(char::is_whitespace) {
        return Err(AppError::validation(
            "baseUrl",
            "The base URL must start with http:// or https://, e.g. http://localhost:11434/v1",
        ));
    }
    let server = super::address::Server::of(&base_url).ok_or_else(|| {
        AppError::validation(
            "baseUrl",
            "The base URL must start with http:// or https://, e.g. http://localhost:11434/v1",
        )
    })?;
    if !server.is_private_enough() {
        // The key and every request would cross the network readable by anyone on the way.
        return Err(AppError::validation(
            "baseUrl",
            format!(
                "Use https:// for {}: plain http is only allowed to this computer (localhost, 127.0.0.1, ::1)",
                server.host
            ),
        ));
    }
    if base_url.contains('@') {
        // user:password@host would put a secret in the database.
        return Err(AppError::validation(
            "baseUrl",
            "Put no password in the URL; add the key with \"Add key\" instead",
        ));
    }
    let model = input.model.trim();
    if model.is_empty() {
        return Err(AppError::validation(
            "model",
            "Name the model, e.g. gpt-4o-mini or llama3.1:8b",
        ));
    }
    if model.chars().count() > 120 {
        return Err(AppError::validation("model", "The model name is too long"));
    }
    let timeout_seconds = input.timeout_seconds.unwrap_or(60);
    if !(1..=600).contains(&timeout_seconds) {
        return Err(AppError::validation(
            "timeoutSeconds",
            "The timeout must be between 1 and 600 seconds",
        ));
    }
    Ok(Valid {
        name: name.to_owned(),
        kind,
        base_url,
        model: model.to_owned(),
        timeout_seconds,
        enabled: input.enabled.unwrap_or(true),
    })
}

/// The address an input would be stored with, after every check (the runtime compares it
/// with the stored one before saving: a new server means the key is dropped).
pub fn checked_base_url(input: &ProviderInput) -> Result<String> {
    validate(input).map(|v| v.base_url)
}

/// Whether calls (and a key) may go to this provider's stored address: https, or this
/// computer. Addresses saved before that rule are refused at send time.
pub fn address_allowed(p: &Provider) -> bool {
    super::address::Server::of(&p.base_url).is_some_and(|s| s.is_private_enough())
}

const COLUMNS: &str = "id, name, kind, base_url, model, position, timeout_seconds, enabled";

/// In fallback order.
pub async fn list(db: &Database) -> Result<Vec<Provider>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM ai_providers WHERE deleted_at IS NULL ORDER BY position, local_key"
    ))
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Provider::from).collect())
}

pub async fn get(db: &Database, id: &str) -> Result<Provider> {
    let id = parse_id("id", id)?;
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM ai_providers WHERE id = ? AND deleted_at IS NULL"
    ))
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    row.map(Provider::from)
        .ok_or_else(|| AppError::not_found("provider"))
}

/// Adds a provider at the end of the fallback chain.
pub async fn create(db: &Database, input: &ProviderInput) -> Result<Provider> {
    let v = validate(input)?;
    let id = new_id();
    let now = now_utc();
    sqlx::query(
        "INSERT INTO ai_providers (id, name, kind, base_url, model, position, timeout_seconds, enabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM ai_providers WHERE deleted_at IS NULL), ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&v.name)
    .bind(v.kind.as_str())
    .bind(&v.base_url)
    .bind(&v.model)
    .bind(i64::from(v.timeout_seconds))
    .bind(v.enabled)
    .bind(&now)
    .bind(&now)
    .execute(db.pool())
    .await?;
    get(db, &id).await
}

pub async fn update(db: &Database, id: &str, input: &ProviderInput) -> Result<Provider> {
    let v = validate(input)?;
    let id = get(db, id).await?.id;
    sqlx::query(
        "UPDATE ai_providers SET name = ?, kind = ?, base_url = ?, model = ?, timeout_seconds = ?, enabled = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&v.name)
    .bind(v.kind.as_str())
    .bind(&v.base_url)
    .bind(&v.model)
    .bind(i64::from(v.timeout_seconds))
    .bind(v.enabled)
    .bind(now_utc())
    .bind(&id)
    .execute(db.pool())
    .await?;
    get(db, &id).await
}

/// A tombstone; the caller removes the key from the keychain.
pub async fn delete(db: &Database, id: &str) -> Result<()> {
    let id = get(db, id).await?.id;
    let now = now_utc();
    sqlx::query("UPDATE ai_providers SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(&now)
        .bind(&now)
        .bind(&id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Sets the fallback order: `ids` first to last. Every live provider must be named once.
pub async fn reorder(db: &Database, ids: &[String]) -> Result<Vec<Provider>> {
    let current = list(db).await?;
    let mut wanted: Vec<String> = Vec::with_capacity(ids.len());
    for raw in ids {
        let id = parse_id("ids", raw)?;
        if wanted.contains(&id) || !current.iter().any(|p| p.id == id) {
            return Err(AppError::validation(
                "ids",
                "Name every provider exactly once",
            ));
        }
        wanted.push(id);
    }
    if wanted.len() != current.len() {
        return Err(AppError::validation(
            "ids",
            "Name every provider exactly once",
        ));
    }
    let mut tx = db.pool().begin().await?;
    let now = now_utc();
    for (i, id) in wanted.iter().enumerate() {
        sqlx::query("UPDATE ai_providers SET position = ?, updated_at = ? WHERE id = ?")
            .bind(i64::try_from(i + 1).unwrap_or(i64::MAX))
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    list(db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_provider_input_is_refused_at_its_field() {
        let ok = ProviderInput {
            name: "Ollama".into(),
            base_url: "http://localhost:11434/v1/".into(),
            model: "llama3.1".into(),
            ..Default::default()
        };
        let v = validate(&ok).unwrap();
        assert_eq!(v.base_url, "http://localhost:11434/v1");
        let openai = ProviderInput {
            name: "OpenAI".into(),
            kind: Some(ProviderKind::Openai),
            model: "gpt-4o-mini".into(),
            ..Default::default()
        };
        assert_eq!(validate(&openai).unwrap().base_url, OPENAI_BASE_URL);
        let field = |i: ProviderInput| validate(&i).err().and_then(|e| e.field);
        assert_eq!(
            field(ProviderInput {
                name: " ".into(),
                ..ok.clone()
            })
            .as_deref(),
            Some("name")
        );
        assert_eq!(
            field(ProviderInput {
                base_url: "localhost:11434".into(),
                ..ok.clone()
            })
            .as_deref(),
            Some("baseUrl")
        );
        assert_eq!(
            field(ProviderInput {
                base_url: "https://me:sk-secret@host/v1".into(),
                ..ok.clone()
            })
            .as_deref(),
            Some("baseUrl")
        );
        for plain in ["http://192.168.1.20:11434/v1", "http://api.example.com/v1"] {
            let Err(err) = validate(&ProviderInput {
                base_url: plain.into(),
                ..ok.clone()
            }) else {
                panic!("{plain} was accepted");
            };
            assert_eq!(err.field.as_deref(), Some("baseUrl"), "{plain}");
            assert!(err.message.contains("https://"), "{}", err.message);
        }
        for fine in [
            "http://127.0.0.1:8080/v1",
            "http://[::1]:11434/v1",
            "https://api.example.com/v1",
        ] {
            assert!(
                validate(&ProviderInput {
                    base_url: fine.into(),
                    ..ok.clone()
                })
                .is_ok(),
                "{fine}"
            );
        }
        assert_eq!(
            field(ProviderInput {
                model: "".into(),
                ..ok.clone()
            })
            .as_deref(),
            Some("model")
        );
        assert_eq!(
            field(ProviderInput {
                timeout_seconds: Some(0),
                ..ok
            })
            .as_deref(),
            Some("timeoutSeconds")
        );
    }
}
