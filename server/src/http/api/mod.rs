//! REST API v1 (`/api/v1`): JSON for the mobile app and integrations, over the same domain services
//! as the pages. Bearer personal access tokens (scopes read / write / checkin), anonymous public
//! reads, RFC 9457 problems, ETags on reads, RateLimit headers, CORS closed unless configured.
//! The OpenAPI 3.1 document is generated from these handlers' annotations (`openapi.json`).

mod attendee;
mod docs;
mod events;
mod gate;
mod io;
mod organizer;
mod problem;

use axum::{
    Extension, Router,
    response::{IntoResponse, Response},
    routing::{delete, get, patch, post},
};
use http::{HeaderName, HeaderValue, Method, StatusCode, header};
use tower_http::cors::{AllowOrigin, CorsLayer};
use utoipa::OpenApi;

use super::AppState;
use app::{i18n::Locale, ssr::SigningSecret, ssr::rate_limit::Limiters};
use problem::Problem;

#[derive(OpenApi)]
#[openapi(
    info(title = "Meetral API", version = "1.0.0",
         description = "Events in France: find them, register, show tickets, check people in. \
                        Errors are RFC 9457 problem details; reads carry ETags; timestamps are ISO 8601 with offsets."),
    servers((url = "/api/v1")),
    paths(
        events::list, events::detail, events::categories,
        attendee::register, attendee::cancel_registration, attendee::my_tickets, attendee::my_ticket,
        organizer::list_mine, organizer::create, organizer::update, organizer::submit, organizer::cancel,
        organizer::participant_list, organizer::participant_csv, organizer::checkin, organizer::offline_kit,
    ),
    modifiers(&TokenScheme),
    tags((name = "events", description = "Public catalogue"), (name = "registrations"), (name = "tickets"),
         (name = "my events", description = "Events I organize"), (name = "participants"), (name = "check-in")),
)]
pub struct ApiDoc;

struct TokenScheme;

impl utoipa::Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal access token made in /account/tokens"))
                    .build(),
            ),
        );
    }
}

/// The document, made once.
pub fn document() -> &'static str {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_default())
}

async fn openapi_json() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        document(),
    )
        .into_response()
}

async fn no_route(caller: Option<gate::Caller>) -> Problem {
    let locale = caller.map(|c| c.locale).unwrap_or(Locale::Fr);
    Problem::new(
        StatusCode::NOT_FOUND,
        "not-found",
        locale,
        "Aucune ressource à cette adresse (voir /api/v1/docs).",
        "No resource at this address (see /api/v1/docs).",
    )
}

async fn wrong_method(caller: Option<gate::Caller>) -> Problem {
    let locale = caller.map(|c| c.locale).unwrap_or(Locale::Fr);
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        locale,
        "Méthode non prise en charge à cette adresse.",
        "Method not supported at this address.",
    )
}

impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for gate::Caller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<gate::Caller>().cloned())
    }
}

fn cors(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter(|o| !o.trim().is_empty())
        .filter_map(|o| HeaderValue::from_str(o.trim().trim_end_matches('/')).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            header::ACCEPT_LANGUAGE,
        ])
        .expose_headers([
            header::ETAG,
            header::RETRY_AFTER,
            header::LOCATION,
            HeaderName::from_static("ratelimit-limit"),
            HeaderName::from_static("ratelimit-remaining"),
            HeaderName::from_static("ratelimit-reset"),
            HeaderName::from_static("ratelimit-policy"),
        ])
        .max_age(std::time::Duration::from_secs(600))
}

pub fn router(state: &AppState, secret: SigningSecret, limiters: Limiters) -> Router<AppState> {
    let windows = gate::Windows::new(state.config.api_rate_limit, state.config.rate_limit_factor);
    let api = Router::new()
        .route("/events", get(events::list))
        .route("/events/{id}", get(events::detail))
        .route("/events/{id}/registrations", post(attendee::register))
        .route("/categories", get(events::categories))
        .route(
            "/my/events",
            get(organizer::list_mine).post(organizer::create),
        )
        .route("/my/events/{id}", patch(organizer::update))
        .route("/my/events/{id}/submit", post(organizer::submit))
        .route("/my/events/{id}/cancel", post(organizer::cancel))
        .route(
            "/my/events/{id}/participants",
            get(organizer::participant_list),
        )
        .route(
            "/my/events/{id}/participants.csv",
            get(organizer::participant_csv),
        )
        .route("/my/events/{id}/checkin", post(organizer::checkin))
        .route(
            "/my/events/{id}/checkin/offline",
            get(organizer::offline_kit),
        )
        .route(
            "/my/registrations/{id}",
            delete(attendee::cancel_registration),
        )
        .route("/my/tickets", get(attendee::my_tickets))
        .route("/my/tickets/{code}", get(attendee::my_ticket))
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            gate::gate,
        ))
        .layer(Extension(windows))
        .layer(Extension(secret))
        .layer(Extension(limiters))
        .route("/openapi.json", get(openapi_json))
        .route("/docs", get(docs::page))
        .layer(cors(&state.config.api_cors_origins));
    Router::new().nest("/api/v1", api)
}
