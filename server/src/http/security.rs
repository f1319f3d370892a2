//! Security headers and the CSRF origin check (Leptos server functions have no CSRF protection of
//! their own, so every state-changing request from a foreign origin is refused here).

use axum::{
    body::Body,
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderValue, Method, StatusCode, header};
use leptos::prelude::use_context;
use std::sync::Arc;

use crate::config::Config;

/// Sets the page's Content-Security-Policy with this response's nonce, so the inline hydration script
/// runs and nothing else inline does. Called while the HTML shell renders. `geocoder` is the origin the
/// event form may ask for coordinates, when one is configured.
pub fn page_csp(https: bool, geocoder: Option<&str>) {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let upgrade = if https {
        "; upgrade-insecure-requests"
    } else {
        ""
    };
    let connect = match geocoder {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: https:; font-src 'self'; connect-src {connect}; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'{upgrade}"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

pub async fn security_headers(
    State(config): State<Arc<Config>>,
    request: Request,
    next: Next,
) -> Response {
    // The ticket app's service worker fetches pages and assets of this origin: its script's policy
    // governs those fetches, so it gets 'self' where every other file gets nothing.
    let service_worker = request.uri().path() == "/sw.js";
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self), geolocation=(self), microphone=(), payment=()"),
    );
    if service_worker {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'; base-uri 'none'"),
        );
    } else if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        );
    }
    if config.is_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// Refuses state-changing requests that a browser marks as coming from another site.
pub async fn reject_cross_origin(
    State(config): State<Arc<Config>>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe_method(request.method()) || is_same_origin(&request, &config.origin()) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-origin request refused");
        let body = "Requête refusée : elle ne provient pas de Meetral. / Request refused: it does not come from Meetral.";
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            Body::from(body),
        )
            .into_response()
    }
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Same-origin when `Sec-Fetch-Site` says so, or, for browsers without it, when `Origin` matches.
/// Requests with neither header do not come from a browser page (curl, server-to-server) and pass.
fn is_same_origin(request: &Request, expected_origin: &str) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers
        .get(header::ORIGIN)
        .map(|v| v.to_str().unwrap_or("invalid"))
    {
        Some(origin) => origin == expected_origin,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(Method::POST).uri("/lang");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::empty()).expect("request")
    }

    #[test]
    fn origin_rules() {
        let origin = "https://meetral.fr";
        assert!(is_same_origin(
            &request(&[("sec-fetch-site", "same-origin")]),
            origin
        ));
        assert!(!is_same_origin(
            &request(&[("sec-fetch-site", "cross-site"), ("origin", origin)]),
            origin
        ));
        assert!(!is_same_origin(
            &request(&[("sec-fetch-site", "same-site")]),
            origin
        ));
        assert!(is_same_origin(&request(&[("origin", origin)]), origin));
        assert!(!is_same_origin(
            &request(&[("origin", "https://evil.example")]),
            origin
        ));
        assert!(!is_same_origin(&request(&[("origin", "null")]), origin));
        assert!(is_same_origin(&request(&[]), origin));
    }
}
