//! Settings → AI through the runtime: the provider list with each key's state, keys into
//! and out of the keychain, edits that move a provider to another server (its key goes),
//! deleting, the one-request check, and the status (keychain and circuits).

use spotter_core::ai::address::Server;
use spotter_core::ai::providers::{self, Provider, ProviderInput};
use spotter_store::Result;

use super::{AiStatus, ProviderCheck, ProviderStatus, Runtime};
use crate::llm::BreakerState;

impl Runtime {
    /// The providers in fallback order, each saying whether the keychain holds its key.
    /// A keychain that cannot be reached shows as "no key" here; [`Self::status`] says why.
    pub async fn providers(&self) -> Result<Vec<Provider>> {
        crate::providers::list(&self.db, &self.keychain).await
    }

    /// Stores (or replaces) a provider's key in the keychain.
    pub async fn set_key(&self, provider_id: &str, key: &str) -> Result<Provider> {
        let p = providers::get(&self.db, provider_id).await?;
        self.keychain.set(&p.id, key).await?;
        Ok(Provider { has_key: true, ..p })
    }

    /// Saves a provider's settings. A key belongs to the server it was given for: when the
    /// address now names another server (host or port), the key is removed from the keychain
    /// first, and the trainer is asked for it again (`hasKey` false).
    pub async fn update_provider(
        &self,
        provider_id: &str,
        input: &ProviderInput,
    ) -> Result<Provider> {
        let before = providers::get(&self.db, provider_id).await?;
        let next = providers::checked_base_url(input)?;
        let moved = match (Server::of(&before.base_url), Server::of(&next)) {
            (Some(a), Some(b)) => !a.same_server(&b),
            _ => true,
        };
        if moved {
            self.keychain.delete(&before.id).await?;
        }
        let after = providers::update(&self.db, &before.id, input).await?;
        let has_key = self.keychain.has(&after.id).await.unwrap_or(false);
        Ok(Provider { has_key, ..after })
    }

    pub async fn remove_key(&self, provider_id: &str) -> Result<Provider> {
        let p = providers::get(&self.db, provider_id).await?;
        self.keychain.delete(&p.id).await?;
        Ok(Provider {
            has_key: false,
            ..p
        })
    }

    /// Deletes a provider (a tombstone) and its key.
    pub async fn delete_provider(&self, provider_id: &str) -> Result<()> {
        let p = providers::get(&self.db, provider_id).await?;
        self.keychain.delete(&p.id).await?;
        providers::delete(&self.db, &p.id).await
    }

    /// "Send one tiny request": one short call to this provider alone, no retries.
    pub async fn check_provider(&self, provider_id: &str) -> Result<ProviderCheck> {
        crate::providers::check(&self.db, &self.keychain, provider_id).await
    }

    /// Keychain reachability and each provider's circuit.
    pub async fn status(&self) -> Result<AiStatus> {
        let keychain = self.keychain.check().await;
        let providers = providers::list(&self.db)
            .await?
            .into_iter()
            .map(|p| ProviderStatus {
                circuit: match self.llm.breaker_state(&p.id) {
                    BreakerState::Closed => "closed",
                    BreakerState::Open => "open",
                    BreakerState::HalfOpen => "half_open",
                }
                .to_owned(),
                provider_id: p.id,
                name: p.name,
            })
            .collect();
        Ok(AiStatus {
            keychain_ok: keychain.is_ok(),
            keychain_message: keychain.err().map(|e| e.message),
            providers,
        })
    }
}
