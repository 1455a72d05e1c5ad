//! The circuit breakers of [`Llm`]: one per provider, with its policy and time source.
//! After repeated failed calls a provider is skipped for a while (open), then one trial call
//! is let through (half-open); its outcome closes or re-opens the circuit.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::Llm;

#[derive(Debug, Clone)]
pub struct BreakerPolicy {
    /// Consecutive failed calls (after retries) that open the circuit.
    pub failures_to_open: u32,
    pub open_for: Duration,
}

impl Default for BreakerPolicy {
    fn default() -> Self {
        Self {
            failures_to_open: 3,
            open_for: Duration::from_secs(60),
        }
    }
}

/// The time source of the circuit breakers (tests move it by hand).
pub trait Clock: Send + Sync {
    fn now(&self) -> Instant;
}

struct SystemClock;
impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

#[derive(Debug, Default)]
pub(super) struct Breaker {
    failures: u32,
    open_until: Option<Instant>,
    trial_running: bool,
}

impl Breaker {
    fn state(&self, now: Instant) -> BreakerState {
        match self.open_until {
            None => BreakerState::Closed,
            Some(until) if now < until => BreakerState::Open,
            Some(_) => BreakerState::HalfOpen,
        }
    }
}

impl Llm {
    pub fn breaker_state(&self, provider_id: &str) -> BreakerState {
        let now = self.clock.now();
        self.breakers
            .lock()
            .map(|b| {
                b.get(provider_id)
                    .map_or(BreakerState::Closed, |b| b.state(now))
            })
            .unwrap_or(BreakerState::Closed)
    }

    /// Whether a call may go to this provider now; a half-open circuit lets one through.
    pub(super) fn admit(&self, provider_id: &str) -> bool {
        let now = self.clock.now();
        let Ok(mut all) = self.breakers.lock() else {
            return true;
        };
        let b = all.entry(provider_id.to_owned()).or_default();
        match b.state(now) {
            BreakerState::Closed => true,
            BreakerState::Open => false,
            BreakerState::HalfOpen if b.trial_running => false,
            BreakerState::HalfOpen => {
                b.trial_running = true;
                true
            }
        }
    }

    pub(super) fn record(&self, provider_id: &str, ok: bool) {
        let now = self.clock.now();
        let Ok(mut all) = self.breakers.lock() else {
            return;
        };
        let b = all.entry(provider_id.to_owned()).or_default();
        let was_trial = b.trial_running;
        b.trial_running = false;
        if ok {
            *b = Breaker::default();
        } else {
            b.failures += 1;
            if was_trial || b.failures >= self.breaker.failures_to_open {
                b.open_until = Some(now + self.breaker.open_for);
                tracing::warn!(
                    provider = provider_id,
                    "circuit opened for this AI provider"
                );
            }
        }
    }

    /// A cancelled call says nothing about the provider's health: a trial it held is given back.
    pub(super) fn release_trial(&self, provider_id: &str) {
        if let Ok(mut all) = self.breakers.lock() {
            if let Some(b) = all.get_mut(provider_id) {
                b.trial_running = false;
            }
        }
    }
}

/// The clock a new [`Llm`] uses unless a test gives it another.
pub(super) fn system_clock() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}
