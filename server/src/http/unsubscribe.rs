//! `POST /unsubscribe/{token}`: RFC 8058 one-click unsubscribe from mail clients (body
//! `List-Unsubscribe=One-Click`, no cookies, no Origin) and the button of the unsubscribe page.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Redirect, Response},
};
use http::{StatusCode, header};
use sqlx::PgPool;
use std::sync::Arc;

use app::{notifications::server::unsubscribe, ssr::mail::unsubscribe::verify};

use crate::config::Config;

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

pub async fn one_click(
    State(pool): State<PgPool>,
    State(config): State<Arc<Config>>,
    Path(token): Path<String>,
    body: String,
) -> Response {
    let secret = config.secret().unwrap_or_default();
    let Some((email, kind)) = verify(&secret, &token).filter(|_| !secret.is_empty()) else {
        return plain(
            StatusCode::NOT_FOUND,
            "Lien de désabonnement invalide. / Invalid unsubscribe link.",
        );
    };
    if let Err(error) = unsubscribe(&pool, &email, kind).await {
        tracing::warn!(%error, "unsubscribe failed");
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "Réessayez dans un instant. / Please try again in a moment.",
        );
    }
    tracing::info!(kind = kind.code(), "unsubscribed from an optional mail");
    if body.contains("List-Unsubscribe=One-Click") {
        plain(StatusCode::OK, "Désabonnement enregistré. / Unsubscribed.")
    } else {
        Redirect::to(&format!("/unsubscribe/{token}?done=1")).into_response()
    }
}
