//! `GET /events/{slug}/calendar.ics`: a published event as an iCalendar file for any calendar app.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};
use sqlx::PgPool;
use std::sync::Arc;

use app::{error::AppError, events::server::page, ssr::BaseUrl};

use crate::config::Config;

pub async fn event_ics(
    State(pool): State<PgPool>,
    State(config): State<Arc<Config>>,
    Path(slug): Path<String>,
) -> Response {
    if slug.len() > 120 {
        return StatusCode::NOT_FOUND.into_response();
    }
    let base = BaseUrl(config.base_url.as_str().into());
    match page::calendar(&pool, &slug, &base).await {
        Ok(ics) => (
            [
                (
                    header::CONTENT_TYPE,
                    "text/calendar; charset=utf-8".to_owned(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{slug}.ics\""),
                ),
                (header::CACHE_CONTROL, "no-cache".to_owned()),
            ],
            ics,
        )
            .into_response(),
        Err(AppError::NotFound) => (
            StatusCode::NOT_FOUND,
            "Événement introuvable. / Event not found.",
        )
            .into_response(),
        Err(AppError::Unavailable) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
