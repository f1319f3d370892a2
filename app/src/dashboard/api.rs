use leptos::prelude::*;

use super::model::{Dashboard, EventStats};
use crate::error::AppError;

/// The signed-in person's dashboard (`Unauthorized` when signed out).
#[server(prefix = "/api/fn", endpoint = "my_dashboard")]
pub async fn my_dashboard() -> Result<Dashboard, AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::dashboard(&pool, &user, crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// One event's statistics, for those who may see its participants.
#[server(prefix = "/api/fn", endpoint = "event_stats")]
pub async fn organizer_event_stats(event: i64) -> Result<EventStats, AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::stats(&pool, &user, event, crate::ssr::request::locale()).await
        }
        .await,
    )
}
