use leptos::prelude::*;

use super::model::SearchResults;
use crate::error::AppError;

/// Events and organizers matching `q`; accounts too when an admin asks.
#[server(prefix = "/api/fn", endpoint = "global_search")]
pub async fn global_search(q: String) -> Result<SearchResults, AppError> {
    crate::ssr::request::reply(
        async {
            let viewer = crate::accounts::server::current_user().await?;
            let pool = crate::ssr::db::pool()?;
            let query = super::model::normalise(&q);
            super::server::search(
                &pool,
                viewer.as_ref(),
                &query,
                crate::ssr::request::locale(),
            )
            .await
        }
        .await,
    )
}
