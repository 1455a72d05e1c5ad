//! Decoding IPC arguments ourselves, so that a malformed argument comes back as the
//! same `{code, message, field}` as any other bad input (naming the nested field),
//! instead of the shell's plain-text deserialisation error.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use ts_rs::{Config, TS};

use spotter_store::{AppError, Result};

pub mod client;
pub mod prelude;

pub fn from_arg<T: DeserializeOwned>(arg: &str, value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { arg.to_owned() } else { path };
        AppError::validation(&field, format!("{field} is not valid: {}", e.inner()))
    })
}

/// JSON built elsewhere (SQLite's `json_group_array`, say) sent to the UI as it is, but typed:
/// the UI sees `T`'s TypeScript type, and a test deserialises the text into `T` to prove it.
pub struct RawJson<T> {
    json: Box<RawValue>,
    shape: PhantomData<fn() -> T>,
}

impl<T> RawJson<T> {
    /// Fails (a bug: the builder wrote something that is not JSON) with an `internal` error.
    pub fn new(json: String) -> Result<Self> {
        let json = RawValue::from_string(json)
            .map_err(|e| AppError::internal(format!("JSON built for the UI is not valid: {e}")))?;
        Ok(Self {
            json,
            shape: PhantomData,
        })
    }

    pub fn get(&self) -> &str {
        self.json.get()
    }
}

impl<T> Serialize for RawJson<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.json.serialize(serializer)
    }
}

impl<T: TS> TS for RawJson<T> {
    type WithoutGenerics = RawJson<ts_rs::Dummy>;
    type OptionInnerType = Self;

    fn name(cfg: &Config) -> String {
        T::name(cfg)
    }

    fn inline(cfg: &Config) -> String {
        T::inline(cfg)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{from_arg, RawJson};
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
    fn raw_json_goes_out_as_built_and_refuses_what_is_not_json() {
        let raw = RawJson::<Vec<u32>>::new("[1, 2,3]".into()).unwrap();
        assert_eq!(serde_json::to_string(&raw).unwrap(), "[1, 2,3]");
        let err = RawJson::<Vec<u32>>::new("[1, 2".into()).err().unwrap();
        assert_eq!(err.code, spotter_store::ErrorCode::Internal);
    }

    #[test]
    fn names_the_argument_when_the_whole_value_is_wrong() {
        let err = from_arg::<bool>("archived", json!("yes")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("archived"));
        let ok: ClientListQuery = from_arg("query", json!({})).unwrap();
        assert_eq!(ok, ClientListQuery::default());
    }
}
