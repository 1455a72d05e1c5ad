//! Spotter's AI agents, run locally: providers and their keys (OS keychain only), the
//! model calls with fallback, retries and circuit breakers, and the runtime that routes,
//! logs, caches and cancels runs. The data side (facts, execution log, review queue)
//! is in spotter-core's `ai` module; nothing here knows about Tauri.

pub mod agents;
pub mod cost;
pub mod keychain;
pub mod llm;
pub mod providers;
pub mod runtime;

pub use keychain::Keychain;
pub use llm::Llm;
pub use runtime::{RunOutcome, RunPreview, RunRequest, Runtime};
