//! Record ids: UUIDv7 made on the device, so records created offline on
//! several laptops never collide and sort by creation time.

use uuid::Uuid;

pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// Checks that an id from the UI or a file is a UUID (any of its spellings) before it
/// reaches a query, and returns it in the canonical hyphenated form the database uses.
pub fn parse_id(field: &str, raw: &str) -> crate::Result<String> {
    Uuid::try_parse(raw.trim())
        .map(|u| u.to_string())
        .map_err(|_| {
            crate::AppError::validation(field, format!("'{}' is not a valid id", truncate(raw, 40)))
        })
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}
