//! `GET /sitemap.xml`, `GET /robots.txt` and `GET /events/calendar.ics?<catalogue filters>`.

use axum::{
    extract::{Query, State},
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};
use sqlx::PgPool;
use std::{collections::HashMap, sync::Arc};

use app::{
    discovery::{model::parse, server::feeds},
    error::AppError,
    ssr::BaseUrl,
};

use crate::config::Config;

fn answer(result: Result<String, AppError>, content_type: &'static str) -> Response {
    match result {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "public, max-age=600"),
            ],
            body,
        )
            .into_response(),
        Err(AppError::Unavailable) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

pub async fn sitemap(State(pool): State<PgPool>, State(config): State<Arc<Config>>) -> Response {
    let base = BaseUrl(config.base_url.as_str().into());
    answer(
        feeds::sitemap(&pool, &base).await,
        "application/xml; charset=utf-8",
    )
}

pub async fn robots(State(config): State<Arc<Config>>) -> Response {
    let base = BaseUrl(config.base_url.as_str().into());
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /organizer/\nDisallow: /account\n\nSitemap: {}\n",
        base.join("/sitemap.xml")
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

pub async fn calendar_feed(
    State(pool): State<PgPool>,
    State(config): State<Arc<Config>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let (filters, _) = parse(&|name| params.get(name).cloned());
    let base = BaseUrl(config.base_url.as_str().into());
    answer(
        feeds::calendar_feed(&pool, &filters, &base).await,
        "text/calendar; charset=utf-8",
    )
}
