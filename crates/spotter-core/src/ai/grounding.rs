//! Every number a model states must be one of the facts.
//!
//! The facts are JSON that Rust computed; the numbers in them (and their rounded forms,
//! so "82.46" may be said as "82.5" or "82") are the only numbers a model's text may
//! contain. Labels like "Client A" carry no digits; dates in the facts are split into
//! their parts, so "12 November 2026" or "2026-11-12" are allowed when the date is a fact.

use std::collections::BTreeSet;

use regex::Regex;
use serde_json::Value;

static NUMBER: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)?").expect("number pattern"));

/// The numbers that may be stated, as canonical strings ("82.5", "82", "12").
#[derive(Debug, Default, Clone)]
pub struct AllowedNumbers {
    set: BTreeSet<String>,
}

impl AllowedNumbers {
    pub fn from_facts(facts: &Value) -> Self {
        let mut this = Self::default();
        this.walk(facts);
        this
    }

    /// Numbers the prompt itself states (e.g. "the last 8 weeks").
    pub fn allow(&mut self, n: f64) {
        self.add_number(n);
    }

    fn walk(&mut self, v: &Value) {
        match v {
            Value::Number(n) => {
                if let Some(f) = n.as_f64() {
                    self.add_number(f);
                }
            }
            Value::String(s) => {
                for m in NUMBER.find_iter(s) {
                    if let Ok(f) = m.as_str().replace(',', ".").parse::<f64>() {
                        self.add_number(f);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| self.walk(i)),
            Value::Object(map) => map.values().for_each(|i| self.walk(i)),
            Value::Bool(_) | Value::Null => {}
        }
    }

    fn add_number(&mut self, f: f64) {
        if !f.is_finite() {
            return;
        }
        let f = f.abs();
        for decimals in 0..=2 {
            self.set.insert(canonical(round_to(f, decimals)));
        }
        // Shares are facts as 0.83; a model says "83%".
        if f <= 1.0 {
            self.set.insert(canonical((f * 100.0).round()));
            self.set.insert(canonical(round_to(f * 100.0, 1)));
        }
    }

    /// The numbers in `text` that are not facts, in order of appearance.
    pub fn unsupported(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for m in NUMBER.find_iter(text) {
            let raw = m.as_str();
            // A digit glued to letters is a label or a name ("Client A1", "5x5" is fine: split).
            let Ok(f) = raw.replace(',', ".").parse::<f64>() else {
                continue;
            };
            if !self.set.contains(&canonical(f)) && !out.contains(&raw.to_owned()) {
                out.push(raw.to_owned());
            }
        }
        out
    }
}

fn round_to(f: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (f * p).round() / p
}

fn canonical(f: f64) -> String {
    let s = format!("{:.2}", f);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_numbers_from_the_facts_may_be_stated() {
        let facts = json!({
            "client": "Client A",
            "e1rm": [{"exercise": "Back Squat", "slopeKgPerWeek": 1.234, "latestKg": 102.46, "weeks": 12}],
            "adherence": 0.83,
            "since": "2026-09-07"
        });
        let allowed = AllowedNumbers::from_facts(&facts);
        assert!(allowed
            .unsupported("Back squat rose 1.2 kg a week over 12 weeks to 102.5 kg; adherence 83%.")
            .is_empty());
        assert!(allowed
            .unsupported("Since 7 September 2026 (2026-09-07) squats went to 102 kg.")
            .is_empty());
        assert_eq!(
            allowed.unsupported("She will squat 120 kg in 6 weeks, adherence 83%."),
            vec!["120", "6"]
        );
        assert_eq!(
            allowed.unsupported("1,2 kg a week"),
            Vec::<String>::new(),
            "a decimal comma is the same number"
        );
    }
}
