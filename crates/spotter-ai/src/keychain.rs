//! API keys in the OS keychain (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows) through the keyring crate, and nowhere else.
//!
//! A key is written and read here only; it never enters SQLite, a log line, an error
//! message or an IPC response ([`ApiKey`]'s Debug prints "[redacted]"). Without a
//! keychain the trainer is told so and how to fix it: there is no plaintext fallback.

use spotter_store::{AppError, ErrorCode, Result};

/// The service name entries are stored under; the account is the provider's id.
pub const SERVICE: &str = "Spotter AI provider";

/// A key read from the keychain. Not `Display`, not `Serialize`; Debug is redacted.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key typed in (or read from the keychain by the caller). It still never prints.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey([redacted])")
    }
}

#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

impl Default for Keychain {
    fn default() -> Self {
        Self {
            service: SERVICE.to_owned(),
        }
    }
}

#[cfg(target_os = "linux")]
const HOW_TO_FIX: &str = "Spotter keeps API keys only in the system keychain (Secret Service), and none is available. \
Install and unlock GNOME Keyring or KWallet (on Debian/Ubuntu: sudo apt install gnome-keyring, then log out and in), \
then try again. Local servers such as Ollama need no key.";
#[cfg(target_os = "macos")]
const HOW_TO_FIX: &str =
    "Spotter keeps API keys only in the macOS Keychain, and it could not be used. \
Unlock the login keychain in Keychain Access and try again.";
#[cfg(target_os = "windows")]
const HOW_TO_FIX: &str =
    "Spotter keeps API keys only in the Windows Credential Manager, and it could not be used. \
Sign in to Windows with your user account and try again.";
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const HOW_TO_FIX: &str =
    "Spotter keeps API keys only in the system keychain, and none is available on this system.";

fn unavailable(err: &keyring::Error) -> AppError {
    // The platform's error names the D-Bus service or the OS call, never the secret.
    tracing::warn!(error = %err, "keychain unavailable");
    AppError::new(ErrorCode::Keychain, HOW_TO_FIX)
}

impl Keychain {
    /// A keychain under another service name: tests use their own, so they never touch
    /// the trainer's entries.
    pub fn with_service(service: &str) -> Self {
        Self {
            service: service.to_owned(),
        }
    }

    fn entry(&self, provider_id: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, provider_id).map_err(|e| unavailable(&e))
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(Keychain) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        // The keychain talks D-Bus (or the OS) synchronously; keep it off the async threads.
        let this = self.clone();
        tokio::task::spawn_blocking(move || f(this))
            .await
            .map_err(|_| {
                AppError::new(
                    ErrorCode::Internal,
                    "The keychain call stopped unexpectedly",
                )
            })?
    }

    pub async fn set(&self, provider_id: &str, key: &str) -> Result<()> {
        let key = validate_key(key)?;
        let id = provider_id.to_owned();
        self.blocking(move |k| {
            k.entry(&id)?
                .set_password(&key)
                .map_err(|e| unavailable(&e))
        })
        .await
    }

    pub async fn get(&self, provider_id: &str) -> Result<Option<ApiKey>> {
        let id = provider_id.to_owned();
        self.blocking(move |k| match k.entry(&id)?.get_password() {
            Ok(p) => Ok(Some(ApiKey(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable(&e)),
        })
        .await
    }

    pub async fn has(&self, provider_id: &str) -> Result<bool> {
        Ok(self.get(provider_id).await?.is_some())
    }

    /// Removing a key that is not there is not an error.
    pub async fn delete(&self, provider_id: &str) -> Result<()> {
        let id = provider_id.to_owned();
        self.blocking(move |k| match k.entry(&id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(&e)),
        })
        .await
    }

    /// Whether the keychain can be reached at all (the health checker's question).
    pub async fn check(&self) -> Result<()> {
        self.get("spotter-keychain-check").await.map(|_| ())
    }
}

fn validate_key(key: &str) -> Result<String> {
    let key = key.trim();
    if key.is_empty() {
        return Err(AppError::validation(
            "apiKey",
            "Paste the API key (it is kept in the system keychain)",
        ));
    }
    if key.chars().count() > 1000 {
        return Err(AppError::validation(
            "apiKey",
            "That is too long to be an API key",
        ));
    }
    if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::validation(
            "apiKey",
            "An API key has no spaces or line breaks; paste just the key",
        ));
    }
    Ok(key.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_checked_and_never_printed() {
        assert_eq!(super::validate_key("  sk-abc123 ").unwrap(), "sk-abc123");
        for bad in ["", "   ", "sk abc", "sk-abc\n123"] {
            let err = super::validate_key(bad).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("apiKey"));
            assert!(
                !err.message.contains("abc"),
                "the key is not echoed: {}",
                err.message
            );
        }
        assert_eq!(
            format!("{:?}", super::ApiKey("sk-secret".into())),
            "ApiKey([redacted])"
        );
    }
}
