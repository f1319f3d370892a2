//! Who the client is: the TCP peer, or behind a trusted load balancer the address it forwarded.

use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use std::{net::SocketAddr, sync::Arc};

use crate::config::Config;
use app::ssr::rate_limit::{ClientIp, client_behind};

pub async fn resolve(
    State(config): State<Arc<Config>>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(peer) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
    {
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|value| value.to_str().ok());
        let client = client_behind(peer, forwarded, &config.trusted_proxies);
        request.extensions_mut().insert(ClientIp(client));
    }
    next.run(request).await
}
