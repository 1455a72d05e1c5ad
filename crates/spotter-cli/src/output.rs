//! Printing results: JSON for scripts.

use spotter_store::AppError;

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::internal(format!("cannot encode JSON: {e}")))?;
    println!("{text}");
    Ok(())
}
