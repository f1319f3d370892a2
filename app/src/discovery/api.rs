//! Discovery server functions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::Filters;
use crate::{error::AppError, events::model::EventCard};

/// One page of the catalogue with what the filter form needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CataloguePage {
    pub cards: Vec<EventCard>,
    pub total: i64,
    pub pages: i64,
    /// (slug, name in the viewer's language)
    pub categories: Vec<(String, String)>,
}

/// The published public events matching `filters` (already read from the URL by `model::parse`).
#[server(prefix = "/api/fn", endpoint = "catalogue", input = server_fn::codec::Json)]
pub async fn catalogue(filters: Filters) -> Result<CataloguePage, AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            let locale = crate::ssr::request::locale();
            let now = chrono::Utc::now();
            let page_size = super::model::PAGE_SIZE;
            let results =
                super::server::catalogue::search(&pool, &filters, now, page_size, locale).await?;
            let categories = crate::events::server::authoring::categories(&pool, locale).await?;
            Ok(CataloguePage {
                pages: (results.total + super::model::PAGE_SIZE - 1) / super::model::PAGE_SIZE,
                total: results.total,
                cards: results.cards,
                categories,
            })
        }
        .await,
    )
}
