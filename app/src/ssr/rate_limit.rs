//! Rate limits that live in this process (per client IP). Per-account limits are counted in the
//! database instead (see `accounts::server`), so they hold across several server processes.

use governor::{DefaultKeyedRateLimiter, Quota, clock::Clock};
use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use crate::error::AppError;

/// One limit per client IP: a burst, then one more attempt every `refill_every`.
#[derive(Clone)]
pub struct IpLimiter(Arc<DefaultKeyedRateLimiter<IpAddr>>);

/// The per-IP limits of the account forms, provided to server functions as one context value.
#[derive(Clone)]
pub struct Limiters {
    /// Sign-in (password and second factor): 20, then 1 every 15 s.
    pub login: IpLimiter,
    /// New accounts: 10, then 1 a minute.
    pub signup: IpLimiter,
    /// Password-reset requests and verification resends: 10, then 1 a minute.
    pub mail_links: IpLimiter,
    /// Registrations for events (guests and accounts): 30, then 1 every 10 s.
    pub registration: IpLimiter,
    /// Reports of events: 10, then 1 a minute.
    pub reports: IpLimiter,
    /// Contact form messages: 5, then 1 every 2 minutes.
    pub contact: IpLimiter,
    /// Image uploads (event images, avatars; each costs a decode and re-encode): 30, then 1 every 10 s.
    pub uploads: IpLimiter,
}

impl Default for Limiters {
    fn default() -> Self {
        Self::scaled(1)
    }
}

impl Limiters {
    /// Every burst multiplied by `factor` (a browser test suite signs in many times from one address).
    pub fn scaled(factor: u32) -> Self {
        let factor = factor.max(1);
        Self {
            login: IpLimiter::new(20 * factor, Duration::from_secs(15)),
            signup: IpLimiter::new(10 * factor, Duration::from_secs(60)),
            mail_links: IpLimiter::new(10 * factor, Duration::from_secs(60)),
            registration: IpLimiter::new(30 * factor, Duration::from_secs(10)),
            reports: IpLimiter::new(10 * factor, Duration::from_secs(60)),
            contact: IpLimiter::new(5 * factor, Duration::from_secs(120)),
            uploads: IpLimiter::new(30 * factor, Duration::from_secs(10)),
        }
    }
}

/// Applies one of the per-IP limits to the request being served (no-op outside a request).
pub fn check(pick: fn(&Limiters) -> &IpLimiter) -> Result<(), AppError> {
    match (leptos::prelude::use_context::<Limiters>(), client_ip()) {
        (Some(limiters), Some(ip)) => pick(&limiters).check(ip),
        _ => Ok(()),
    }
}

impl IpLimiter {
    pub fn new(burst: u32, refill_every: Duration) -> Self {
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(refill_every)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        Self(Arc::new(DefaultKeyedRateLimiter::keyed(quota)))
    }

    /// One attempt from `ip`, or `RateLimited` with the wait in seconds.
    pub fn check(&self, ip: IpAddr) -> Result<(), AppError> {
        self.0.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
            AppError::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            }
        })?;
        // Forget idle clients now and then so the map stays small.
        if self.0.len() > 10_000 {
            self.0.retain_recent();
        }
        Ok(())
    }
}

/// The client's address as the server's front middleware worked it out: the TCP peer, or, when that
/// peer is a trusted proxy (a load balancer), the address that proxy appended to `X-Forwarded-For`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The client behind `peer`: the rightmost `X-Forwarded-For` entry that is not itself a trusted
/// proxy, when the peer is one. Entries further left were written by the client and prove nothing.
pub fn client_behind(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    forwarded_for
        .into_iter()
        .flat_map(|header| header.rsplit(','))
        .map_while(|entry| entry.trim().parse::<IpAddr>().ok())
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

/// The client's IP address for the request being served, when known.
pub fn client_ip() -> Option<IpAddr> {
    leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<ClientIp>()
            .map(|client| client.0)
            .or_else(|| {
                parts
                    .extensions
                    .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                    .map(|info| info.0.ip())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_burst_passes_then_the_client_waits() {
        let limiter = IpLimiter::new(3, Duration::from_secs(60));
        let ip: IpAddr = [127, 0, 0, 1].into();
        for _ in 0..3 {
            assert!(limiter.check(ip).is_ok());
        }
        match limiter.check(ip) {
            Err(AppError::RateLimited { retry_after_secs }) => {
                assert!((50..=60).contains(&retry_after_secs))
            }
            other => panic!("expected a rate limit, got {other:?}"),
        }
        assert!(
            limiter.check([10, 0, 0, 1].into()).is_ok(),
            "other clients are not affected"
        );
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_about_the_client() {
        let proxy: IpAddr = [10, 0, 0, 2].into();
        let client: IpAddr = [203, 0, 113, 7].into();
        let trusted = [proxy];
        // The load balancer appends the address it saw; whatever the client wrote comes before.
        let header = Some("6.6.6.6, 203.0.113.7");
        assert_eq!(client_behind(proxy, header, &trusted), client);
        assert_eq!(
            client_behind(client, Some("6.6.6.6"), &trusted),
            client,
            "a direct client cannot pick its address"
        );
        assert_eq!(client_behind(proxy, None, &trusted), proxy);
        assert_eq!(
            client_behind(proxy, Some("not an address"), &trusted),
            proxy
        );
        assert_eq!(
            client_behind(proxy, Some("203.0.113.7, 10.0.0.2"), &trusted),
            client,
            "proxies in a chain are skipped"
        );
    }
}
