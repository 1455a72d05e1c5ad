//! Clients: the people a trainer works with.

mod model;
mod search;
mod store;
mod validate;

pub use model::{Client, ClientInput, ClientListQuery, ClientStatusFilter};
pub use search::fts_query;
pub use store::{create, delete, get, list, restore, set_archived, update, all_including_deleted, insert_validated};
pub use validate::{validate, ValidClient, limits};
