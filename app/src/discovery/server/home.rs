//! The home page's sections, each one catalogue query: near the visitor (when their browser gave a
//! position), this weekend, FreeFood picks and the most popular.

use chrono::Utc;
use sqlx::PgPool;

use super::catalogue::search;
use crate::{
    discovery::{
        api::HomeEvents,
        model::{DEFAULT_RADIUS_KM, Filters, Sort, When},
    },
    error::AppError,
    i18n::Locale,
};

/// Events per section.
const SECTION_SIZE: i64 = 6;

pub async fn sections(
    pool: &PgPool,
    near: Option<(f64, f64)>,
    locale: Locale,
) -> Result<HomeEvents, AppError> {
    let now = Utc::now();
    let base = Filters {
        radius_km: DEFAULT_RADIUS_KM,
        page: 1,
        ..Filters::default()
    };
    let near_you = Filters {
        near,
        ..base.clone()
    };
    let weekend = Filters {
        when: Some(When::Weekend),
        ..base.clone()
    };
    let free_food = Filters {
        free_food: true,
        ..base.clone()
    };
    let popular = Filters {
        sort: Some(Sort::Popular),
        ..base.clone()
    };
    let near_query = async {
        match near {
            Some(_) => search(pool, &near_you, now, SECTION_SIZE, locale)
                .await
                .map(|r| Some(r.cards)),
            None => Ok(None),
        }
    };
    let (near, upcoming, weekend, free_food, popular) = tokio::try_join!(
        near_query,
        search(pool, &base, now, SECTION_SIZE, locale),
        search(pool, &weekend, now, SECTION_SIZE, locale),
        search(pool, &free_food, now, SECTION_SIZE, locale),
        search(pool, &popular, now, SECTION_SIZE, locale),
    )?;
    Ok(HomeEvents {
        near: near.filter(|cards| !cards.is_empty()),
        upcoming: upcoming.cards,
        weekend: weekend.cards,
        free_food: free_food.cards,
        popular: popular.cards,
    })
}
