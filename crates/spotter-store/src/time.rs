//! Timestamps are stored in UTC as RFC 3339 text with millisecond precision,
//! which sorts lexicographically and survives the trip to Postgres.

use chrono::{SecondsFormat, Utc};

pub fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn today_utc() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
