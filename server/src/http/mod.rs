//! The HTTP application: Leptos pages and server functions, machine endpoints, static files and the
//! middleware stack (request ids, tracing, compression, security headers, CSRF origin check).

mod api;
mod assets;
mod calendar;
mod client_ip;
mod discovery;
mod documents;
mod header_account;
mod health;
mod lang;
mod mailbox;
mod nul_bytes;
mod security;
mod tidy_html;
mod unsubscribe;

use axum::{
    Router,
    extract::FromRef,
    routing::{get, post},
};
use http::{HeaderName, Request};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use std::sync::{Arc, OnceLock};
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::TraceLayer,
};

use crate::config::Config;
pub use assets::load_assets;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub config: Arc<Config>,
    /// Event page views not yet written (`serve` flushes them periodically and when it stops).
    pub page_views: app::dashboard::server::PageViews,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn router(state: AppState, assets: app::Assets) -> Router {
    let routes = route_list();
    // Without a valid secret (production misconfigured) a random one: signed links then never verify.
    let secret = app::ssr::SigningSecret(
        state
            .config
            .secret()
            .unwrap_or_else(|_| uuid::Uuid::new_v4().as_bytes().to_vec())
            .into(),
    );
    let limiters = app::ssr::rate_limit::Limiters::scaled(state.config.rate_limit_factor);
    let base_url = app::ssr::BaseUrl(state.config.base_url.as_str().into());
    // `serve` refuses an incomplete S3 configuration before getting here.
    let media = state.config.media().unwrap_or_else(|error| {
        tracing::error!(%error, "media store misconfigured: keeping images locally");
        app::ssr::media::Media::local(state.config.media_dir.clone())
    });
    let tiles = app::ui::map::MapTiles {
        tiles: state.config.map_tile_url.clone(),
        geocoder: state
            .config
            .geocoder_origin()
            .and(state.config.geocoder_url.clone()),
    };
    let secret_for_downloads = secret.clone();
    // The REST API reads no cookies: it sits outside the session and the CSRF check (gate.rs).
    let api = api::router(&state, secret.clone(), limiters.clone());
    let webhook_policy = app::webhooks::server::WebhookPolicy {
        allow_private: state.config.webhook_allow_private,
    };
    let catalogue_pages = app::discovery::server::cache::CataloguePages::default();
    let context = {
        let (pool, page_views) = (state.pool.clone(), state.page_views.clone());
        move || {
            provide_context(catalogue_pages.clone());
            provide_context(page_views.clone());
            provide_context(pool.clone());
            provide_context(base_url.clone());
            provide_context(media.clone());
            provide_context(tiles.clone());
            provide_context(secret.clone());
            provide_context(limiters.clone());
            provide_context(webhook_policy);
        }
    };
    let shell = {
        let (options, assets, config) = (
            state.leptos_options.clone(),
            assets.clone(),
            state.config.clone(),
        );
        move || {
            security::page_csp(config.is_https(), config.geocoder_origin().as_deref());
            app::shell(options.clone(), assets.clone())
        }
    };
    let not_found = {
        let handler =
            leptos_axum::render_app_to_stream_with_context(context.clone(), shell.clone());
        move |request: Request<axum::body::Body>| {
            let page = handler(request);
            Box::pin(async move {
                let mut response = page.await;
                response.headers_mut().insert(
                    http::header::CACHE_CONTROL,
                    http::HeaderValue::from_static("no-cache"),
                );
                response
            }) as assets::PageFuture
        }
    };

    // The dev mailbox exists only where mails go to the dev folder.
    let dev_mailbox =
        state.config.env == crate::config::Environment::Dev && state.config.smtp_url.is_none();
    Router::new()
        .merge(if dev_mailbox { mailbox::routes() } else { Router::new() })
        .route("/healthz", get(health::healthz))
        .route("/lang", post(lang::switch_language))
        .route("/unsubscribe/{token}", post(unsubscribe::one_click))
        .route("/events/calendar.ics", get(discovery::calendar_feed))
        .route("/events/{slug}/calendar.ics", get(calendar::event_ics))
        .route("/tickets/{code}/ticket.pdf", get(documents::ticket_pdf))
        .route("/account/export.zip", get(documents::my_data_zip))
        .route("/organizer/events/{id}/participants.csv", get(documents::participants_csv))
        .route("/organizer/events/{id}/participants.pdf", get(documents::participants_pdf))
        .route("/sitemap.xml", get(discovery::sitemap))
        .route("/robots.txt", get(discovery::robots))
        .leptos_routes_with_context(&state, routes, context, shell)
        .merge(assets::media_routes(&state.config.media_dir))
        .merge(assets::static_routes(&state.config.site_root, not_found))
        .layer(axum::middleware::from_fn(nul_bytes::drop_nul))
        .layer(axum::middleware::from_fn_with_state(state.pool.clone(), header_account::load))
        .layer(axum::Extension(secret_for_downloads))
        .layer(session_layer(&state))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::reject_cross_origin))
        .merge(api)
        .layer(axum::middleware::from_fn(tidy_html::tidy))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::security_headers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), client_ip::resolve))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                    let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
                }))
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(CompressionLayer::new()),
        )
        .with_state(state)
}

/// The page routes, generated once per process. Generating runs the app with resource loading
/// suppressed by a process-wide flag (leptos#4773): a page rendered meanwhile on another thread
/// would wait forever, which happened when tests built routers while others rendered.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Server-side sessions in PostgreSQL. The cookie holds only the random id: `__Host-` prefixed,
/// Secure over https, HttpOnly, SameSite=Lax. Loaded only when a handler asks for the session.
fn session_layer(
    state: &AppState,
) -> tower_sessions::SessionManagerLayer<app::ssr::session_store::PgSessionStore> {
    let https = state.config.is_https();
    tower_sessions::SessionManagerLayer::new(app::ssr::session_store::PgSessionStore::new(
        state.pool.clone(),
    ))
    .with_name(if https {
        "__Host-meetral_session"
    } else {
        "meetral_session"
    })
    .with_secure(https)
    .with_http_only(true)
    .with_same_site(tower_sessions::cookie::SameSite::Lax)
    .with_path("/")
    .with_expiry(tower_sessions::Expiry::OnInactivity(
        tower_sessions::cookie::time::Duration::hours(12),
    ))
}

/// Leptos options for the built site in `config.site_root` (content-hashed asset names).
pub fn leptos_options(config: &Config) -> Result<LeptosOptions, String> {
    let site_root = config
        .site_root
        .canonicalize()
        .map_err(|e| format!("site root {}: {e}", config.site_root.display()))?;
    Ok(LeptosOptions::builder()
        .output_name("meetral")
        .site_root(site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .hash_files(true)
        // Leptos joins this to the executable's folder; an absolute path makes it the site's own file.
        .hash_file(Arc::from(
            site_root
                .join("pkg")
                .join("hash.txt")
                .to_string_lossy()
                .as_ref(),
        ))
        .build())
}
