//! Decoding IPC arguments ourselves, so that a malformed argument comes back as the
//! same `{code, message, field}` as any other bad input (naming the nested field),
//! instead of the shell's plain-text deserialisation error.

use serde::de::DeserializeOwned;

use crate::{AppError, Result};

pub fn from_arg<T: DeserializeOwned>(arg: &str, value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { arg.to_owned() } else { path };
        AppError::validation(&field, format!("{field} is not valid: {}", e.inner()))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::from_arg;
    use crate::clients::{ClientInput, ClientListQuery};

    #[test]
    fn names_the_nested_field() {
        let err = from_arg::<ClientInput>("input", json!({"name": "A", "email": 5})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("email"));
        let err = from_arg::<ClientListQuery>("query", json!({"status": "sleeping"})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("status"));
        assert!(err.message.contains("sleeping"), "{}", err.message);
    }

    #[test]
    fn names_the_argument_when_the_whole_value_is_wrong() {
        let err = from_arg::<bool>("archived", json!("yes")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("archived"));
        let ok: ClientListQuery = from_arg("query", json!({})).unwrap();
        assert_eq!(ok, ClientListQuery::default());
    }
}
