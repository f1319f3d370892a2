//! Discovery server functions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::Filters;
use crate::{error::AppError, events::model::EventCard};

/// Events on one map page at most (the list beside it says when there are more).
pub const MAP_LIMIT: i64 = 300;

/// One page of the catalogue with what the filter form needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CataloguePage {
    pub cards: Vec<EventCard>,
    /// Each card's place as degrees in text (the browser parses them), when it has one.
    pub points: Vec<Option<(String, String)>>,
    /// Matches counted (see `more`).
    pub total: i64,
    /// More than `total` match: the count stopped at its cap.
    pub more: bool,
    /// Results after this page.
    pub has_next: bool,
    /// (slug, name in the viewer's language)
    pub categories: Vec<(String, String)>,
}

/// The published public events matching `filters` (already read from the URL by `model::parse`).
#[server(prefix = "/api/fn", endpoint = "catalogue", input = server_fn::codec::Json)]
pub async fn catalogue(filters: Filters) -> Result<CataloguePage, AppError> {
    crate::ssr::request::reply(
        async {
            use super::model::{PAGE_SIZE, View, format_degrees};
            use super::server::cache::{CataloguePages, version};
            let pool = crate::ssr::db::pool()?;
            let locale = crate::ssr::request::locale();
            // The change counter is read only where pages are kept (the router provides them).
            let kept = match use_context::<CataloguePages>() {
                Some(pages) => Some((pages, version(&pool).await?)),
                None => None,
            };
            let key = format!("{}|{filters:?}", locale.code());
            if let Some(page) = kept.as_ref().and_then(|(pages, at)| pages.0.get(&key, *at)) {
                return Ok(page);
            }
            let limit = if filters.view == View::Map {
                MAP_LIMIT
            } else {
                PAGE_SIZE
            };
            let found = super::server::catalogue::search(
                &pool,
                &filters,
                chrono::Utc::now(),
                limit,
                locale,
            )
            .await?;
            let categories = crate::events::server::authoring::categories(&pool, locale).await?;
            let seen = i64::from(filters.page.saturating_sub(1)) * limit + found.cards.len() as i64;
            let page = CataloguePage {
                has_next: found.more || found.total > seen,
                points: found
                    .points
                    .iter()
                    .map(|p| p.map(|(lat, lon)| (format_degrees(lat), format_degrees(lon))))
                    .collect(),
                total: found.total,
                more: found.more,
                cards: found.cards,
                categories,
            };
            if let Some((pages, at)) = kept {
                pages.0.put(key, at, page.clone());
            }
            Ok(page)
        }
        .await,
    )
}

/// An organizer's public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizerProfile {
    pub name: String,
    pub bio: Option<String>,
    /// `(src, srcset)` of the avatar.
    pub avatar: Option<(String, String)>,
    pub links: Vec<String>,
    pub upcoming: Vec<EventCard>,
    pub past: Vec<EventCard>,
}

#[server(prefix = "/api/fn", endpoint = "organizer_page")]
pub async fn organizer_page(slug: String) -> Result<OrganizerProfile, AppError> {
    crate::ssr::request::reply(
        async {
            if slug.len() > 120 {
                return Err(AppError::NotFound);
            }
            let pool = crate::ssr::db::pool()?;
            super::server::organizers::page(&pool, &slug, crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// The home page's event sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeEvents {
    /// Near the position the visitor's browser gave ("near me" keeps it in a cookie), if any.
    pub near: Option<Vec<EventCard>>,
    pub upcoming: Vec<EventCard>,
    pub weekend: Vec<EventCard>,
    pub free_food: Vec<EventCard>,
    pub popular: Vec<EventCard>,
}

#[server(prefix = "/api/fn", endpoint = "home_sections")]
pub async fn home_sections() -> Result<HomeEvents, AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            let near = crate::ssr::request::cookie("meetral_near").and_then(|value| {
                let (lat, lon) = value.split_once(',')?;
                let parse = crate::events::model::form::parse_coordinate;
                Some((parse(lat, 90.0).ok()??, parse(lon, 180.0).ok()??))
            });
            super::server::home::sections(&pool, near, crate::ssr::request::locale()).await
        }
        .await,
    )
}
