//! Clients: the people a trainer works with.

pub mod clearance;
mod model;
pub mod overview;
pub mod record;
mod search;
mod store;
mod validate;

pub use model::{
    Client, ClientInput, ClientListQuery, ClientStatus, ClientStatusFilter, FitnessLevel,
    BODY_AREAS,
};
pub use search::fts_query;
pub use store::{
    all_including_deleted, create, delete, get, insert_validated, list, restore, set_archived,
    update,
};
pub use validate::{limits, validate, ValidClient};
