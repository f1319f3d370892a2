//! Static files. Built assets in `/pkg` carry a content hash in their name and are cached for a year;
//! other public files for an hour. Anything else falls through to the branded 404 page.

use axum::{Router, body::Body, handler::HandlerWithoutStateExt};
use http::{HeaderValue, Request, header};
use std::{future::Future, path::Path, pin::Pin};
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

use super::AppState;

/// Reads `pkg/hash.txt` (written by `scripts/build.sh`) to learn the hashed asset names.
pub fn load_assets(site_root: &Path) -> Result<app::Assets, String> {
    let hash_file = site_root.join("pkg").join("hash.txt");
    let text = std::fs::read_to_string(&hash_file).map_err(|error| {
        format!(
            "cannot read {}: {error} (run scripts/build.sh first)",
            hash_file.display()
        )
    })?;
    let hash = |kind: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(kind)?.strip_prefix(':'))
            .map(str::trim)
            .ok_or_else(|| format!("{} has no {kind} line", hash_file.display()))
    };
    Ok(app::Assets {
        stylesheet: format!("/pkg/meetral.{}.css", hash("css")?),
        script: format!("/pkg/meetral.{}.js", hash("js")?),
        wasm: format!("/pkg/meetral.{}.wasm", hash("wasm")?),
    })
}

pub type PageFuture = Pin<Box<dyn Future<Output = http::Response<Body>> + Send>>;

/// Uploaded images: a new upload gets a new key, so every file is immutable.
pub fn media_routes(media_dir: &Path) -> Router<AppState> {
    Router::new().nest_service(
        "/media",
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                |response: &http::Response<_>| {
                    response
                        .status()
                        .is_success()
                        .then(|| HeaderValue::from_static("public, max-age=31536000, immutable"))
                },
            ))
            .service(ServeDir::new(media_dir)),
    )
}

pub fn static_routes<H>(site_root: &Path, not_found: H) -> Router<AppState>
where
    H: Fn(Request<Body>) -> PageFuture + Clone + Send + Sync + 'static,
{
    let pkg = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let public = ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        .not_found_service(not_found.into_service());
    Router::new()
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    |response: &http::Response<_>| {
                        // Only found files are immutable; a missing hashed file must not be cached as missing.
                        response.status().is_success().then(|| {
                            HeaderValue::from_static("public, max-age=31536000, immutable")
                        })
                    },
                ))
                .service(pkg),
        )
        .fallback_service(
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=3600"),
                ))
                .service(public),
        )
}
