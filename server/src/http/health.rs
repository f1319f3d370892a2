use axum::{Json, extract::State, http::StatusCode, response::IntoResponse};
use serde_json::json;
use sqlx::PgPool;
use std::time::Duration;

/// `GET /healthz`: 200 when the database answers within two seconds, 503 otherwise.
pub async fn healthz(State(pool): State<PgPool>) -> impl IntoResponse {
    let probe = tokio::time::timeout(
        Duration::from_secs(2),
        sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&pool),
    );
    let database_up = matches!(probe.await, Ok(Ok(1)));
    let status = if database_up {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": if database_up { "ok" } else { "unavailable" },
        "database": if database_up { "up" } else { "down" },
        "version": env!("CARGO_PKG_VERSION"),
    });
    (
        status,
        [(http::header::CACHE_CONTROL, "no-store")],
        Json(body),
    )
}
