use leptos::prelude::*;

use super::model::{EventCard, EventDetail};
use crate::error::AppError;

/// The next published public events, soonest first (at most 48).
#[server(prefix = "/api/fn", endpoint = "upcoming_events")]
pub async fn upcoming_events(limit: i64) -> Result<Vec<EventCard>, AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            super::server::upcoming(&pool, limit.clamp(1, 48), crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// One published (public or unlisted) event by its slug.
#[server(prefix = "/api/fn", endpoint = "event_by_slug")]
pub async fn event_by_slug(slug: String) -> Result<EventDetail, AppError> {
    crate::ssr::request::reply(
        async {
            if slug.len() > 120 {
                return Err(AppError::NotFound);
            }
            let pool = crate::ssr::db::pool()?;
            super::server::by_slug(&pool, &slug, crate::ssr::request::locale()).await
        }
        .await,
    )
}
