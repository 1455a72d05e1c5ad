//! A cost estimate per call from the model's list price (USD per million tokens).
//! Local and unknown models count as free; the figure is an estimate for the trainer's
//! budget, not a bill.

/// (model prefix, input, output) in USD per 1M tokens, longest prefix first.
const PRICES: &[(&str, f64, f64)] = &[
    ("gpt-4.1-nano", 0.10, 0.40),
    ("gpt-4.1-mini", 0.40, 1.60),
    ("gpt-4.1", 2.00, 8.00),
    ("gpt-4o-mini", 0.15, 0.60),
    ("gpt-4o", 2.50, 10.00),
    ("gpt-5-nano", 0.05, 0.40),
    ("gpt-5-mini", 0.25, 2.00),
    ("gpt-5", 1.25, 10.00),
    ("o4-mini", 1.10, 4.40),
    ("o3-mini", 1.10, 4.40),
    ("o3", 2.00, 8.00),
];

pub fn estimate_usd(model: &str, prompt_tokens: u32, completion_tokens: u32) -> f64 {
    let m = model.to_lowercase();
    PRICES
        .iter()
        .find(|(prefix, _, _)| m.starts_with(prefix))
        .map_or(0.0, |(_, input, output)| {
            (f64::from(prompt_tokens) * input + f64::from(completion_tokens) * output) / 1_000_000.0
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn priced_by_longest_prefix_and_local_models_are_free() {
        let c = super::estimate_usd("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000);
        assert!((c - 0.75).abs() < 1e-9, "{c}");
        assert_eq!(super::estimate_usd("llama3.1:8b", 5000, 5000), 0.0);
    }
}
