//! Reads the signed-in person and their unread count once per page load, before rendering, and hands
//! it to the header through the request's extensions (no async work inside the page's header).

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use http::{Method, header};
use sqlx::PgPool;
use tower_sessions::Session;

use app::{
    accounts::server::user_of, notifications::server::inbox::unread_count,
    ui::layout::HeaderAccount,
};

pub async fn load(State(pool): State<PgPool>, mut request: Request, next: Next) -> Response {
    let is_page = request.method() == Method::GET
        && !request.uri().path().starts_with("/pkg/")
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_none_or(|accept| accept.contains("text/html") || accept.contains("*/*"));
    if is_page && let Some(session) = request.extensions().get::<Session>().cloned() {
        let account = match user_of(&pool, &session).await {
            Ok(Some(user)) => {
                let unread = unread_count(&pool, user.id).await.unwrap_or(0);
                (Some(user), unread)
            }
            // A database hiccup shows the signed-out header; the page itself reports the outage.
            Ok(None) | Err(_) => (None, 0),
        };
        request.extensions_mut().insert(HeaderAccount(account));
    }
    next.run(request).await
}
