//! Finding a client or a plan by id or by exact name, as the commands take them.

use spotter_core::clients::{self, ClientListQuery, ClientStatusFilter};
use spotter_core::training::plans::{self, PlanListQuery};
use spotter_store::{AppError, Database};

/// A client by id, or by exact (case-insensitive) name when that names exactly one.
pub async fn find_client(db: &Database, key: &str) -> Result<String, AppError> {
    if let Ok(c) = clients::get(db, key).await {
        return Ok(c.id);
    }
    let query = ClientListQuery {
        search: Some(key.to_owned()),
        status: ClientStatusFilter::All,
        limit: Some(50),
    };
    let hits: Vec<_> = clients::list(db, &query)
        .await?
        .into_iter()
        .filter(|c| c.name.eq_ignore_ascii_case(key.trim()))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(AppError::validation(
            "client",
            format!("no client is called '{key}'"),
        )),
        _ => Err(AppError::validation(
            "client",
            format!(
                "{} clients are called '{key}'; use the id (clients list)",
                hits.len()
            ),
        )),
    }
}

/// A plan or template by id, or by exact (case-insensitive) name when that names exactly one.
pub async fn find_plan(db: &Database, key: &str) -> Result<String, AppError> {
    if let Ok(p) = plans::get(db, key).await {
        return Ok(p.id);
    }
    let hits: Vec<_> = plans::list(db, &PlanListQuery::default())
        .await?
        .into_iter()
        .filter(|p| p.name.eq_ignore_ascii_case(key.trim()))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(AppError::validation(
            "plan",
            format!("no plan is called '{key}'"),
        )),
        _ => Err(AppError::validation(
            "plan",
            format!(
                "{} plans are called '{key}'; use the id (plans list)",
                hits.len()
            ),
        )),
    }
}
