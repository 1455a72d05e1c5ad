//! Sessions and series: create, move, edit one/following/all, status, attendance,
//! cancel, delete (tombstones) and the calendar's range query.
//!
//! Every write checks conflicts first (unless the trainer overrode them) and then runs
//! in one transaction, so a series is saved whole or not at all.
//!
//! One part per job: `validate`, `write` (create and the shared row helpers), `edit` (one,
//! following or all), `status` (status, attendance, cancel, delete), `read` and `range`.

mod edit;
mod range;
mod read;
mod status;
mod validate;
mod write;

pub const TITLE_MAX: usize = 200;
pub const NOTES_MAX: usize = 20_000;
pub const CAPACITY_MAX: u32 = 500;
/// The calendar never returns more than this many sessions for one range.
pub const RANGE_LIMIT: i64 = 50_000;

pub use edit::update;
pub use range::{range, range_json, range_json_sql, range_lower_bound, range_sql};
pub use read::{check_conflicts, detailed, for_client, get, get_many, series_recurrence};
pub use status::{cancel, delete, restore, set_attendance, set_status};
pub use validate::{validate, ValidSession};
pub use write::create;
pub(crate) use write::{
    create_in, insert_series_row, insert_session_row, refresh_names_for_client, Created,
};

use range::*;
use read::*;
use write::*;
