//! In front of every API route: the caller's language, their token (Bearer), and the rate limit of
//! the token (or, without one, of the client's IP address) with RateLimit headers on every answer.
//! Cookies are never read here: a browser's session opens nothing in the API, so cross-site requests
//! carry no authority and need no CSRF check.

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use std::{
    collections::HashMap,
    net::IpAddr,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use super::problem::Problem;
use crate::http::AppState;
use app::{
    accounts::server::api_tokens::{self, ApiPrincipal, TokenRefusal},
    i18n::{Locale, negotiate::accept_language_only},
    ssr::rate_limit::ClientIp,
};

const WINDOW: Duration = Duration::from_secs(60);

/// Who is calling: a token's principal, or nobody (public reads, guest registration).
#[derive(Clone)]
pub struct Caller {
    pub principal: Option<ApiPrincipal>,
    pub locale: Locale,
    pub ip: Option<IpAddr>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Token(i64),
    Address(IpAddr),
}

/// Fixed one-minute windows per key: exact figures for the RateLimit headers (a sliding limiter
/// cannot say how many requests remain).
#[derive(Clone)]
pub struct Windows {
    per_token: u32,
    per_address: u32,
    counts: Arc<Mutex<HashMap<Key, (Instant, u32)>>>,
}

struct Verdict {
    limit: u32,
    remaining: u32,
    reset_secs: u64,
    allowed: bool,
}

impl Windows {
    pub fn new(per_token: u32, factor: u32) -> Windows {
        let per_token = per_token.max(1).saturating_mul(factor.max(1));
        Windows {
            per_token,
            per_address: (per_token / 4).max(1),
            counts: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    fn take(&self, key: Key) -> Verdict {
        let limit = match key {
            Key::Token(_) => self.per_token,
            Key::Address(_) => self.per_address,
        };
        let now = Instant::now();
        let mut counts = match self.counts.lock() {
            Ok(counts) => counts,
            Err(poisoned) => poisoned.into_inner(),
        };
        if counts.len() > 50_000 {
            counts.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let entry = counts.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        let allowed = entry.1 < limit;
        if allowed {
            entry.1 += 1;
        }
        let reset_secs = WINDOW
            .saturating_sub(now.duration_since(entry.0))
            .as_secs()
            .max(1);
        Verdict {
            limit,
            remaining: limit - entry.1.min(limit),
            reset_secs,
            allowed,
        }
    }
}

fn bearer(headers: &HeaderMap) -> Option<Result<&str, ()>> {
    let value = headers.get(header::AUTHORIZATION)?;
    let text = value.to_str().map_err(|_| ());
    Some(text.and_then(|text| {
        let (scheme, token) = text.split_once(' ').ok_or(())?;
        if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() {
            Ok(token.trim())
        } else {
            Err(())
        }
    }))
}

fn refusal_problem(refusal: TokenRefusal, locale: Locale) -> Problem {
    let (fr, en) = match refusal {
        TokenRefusal::Unknown => (
            "Jeton inconnu : vérifiez l’en-tête Authorization: Bearer.",
            "Unknown token: check the Authorization: Bearer header.",
        ),
        TokenRefusal::Revoked => (
            "Ce jeton a été révoqué : créez-en un autre dans votre profil.",
            "This token was revoked: create another one in your profile.",
        ),
        TokenRefusal::Expired => (
            "Ce jeton a expiré : créez-en un autre dans votre profil.",
            "This token has expired: create another one in your profile.",
        ),
        TokenRefusal::AccountClosed => (
            "Le compte de ce jeton est suspendu ou supprimé.",
            "This token’s account is suspended or deleted.",
        ),
    };
    Problem::new(StatusCode::UNAUTHORIZED, "invalid-token", locale, fr, en)
        .challenge("invalid_token")
}

pub async fn gate(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let windows = request.extensions().get::<Windows>().cloned();
    let locale = accept_language_only(request.headers());
    let ip = request.extensions().get::<ClientIp>().map(|c| c.0);
    let principal = match bearer(request.headers()) {
        None => None,
        Some(Err(())) => {
            return Problem::new(
                StatusCode::UNAUTHORIZED,
                "invalid-token",
                locale,
                "En-tête Authorization illisible : attendu « Bearer <jeton> ».",
                "Unreadable Authorization header: expected “Bearer <token>”.",
            )
            .challenge("invalid_request")
            .into_response();
        }
        Some(Ok(secret)) => match api_tokens::authenticate(&state.pool, secret).await {
            Ok(Ok(principal)) => Some(principal),
            Ok(Err(refusal)) => return refusal_problem(refusal, locale).into_response(),
            Err(error) => return Problem::app(error, locale).into_response(),
        },
    };
    let verdict = windows.map(|windows| {
        let key = match (&principal, ip) {
            (Some(p), _) => Key::Token(p.token_id),
            (None, Some(ip)) => Key::Address(ip),
            (None, None) => Key::Address(IpAddr::from([0, 0, 0, 0])),
        };
        windows.take(key)
    });
    let mut response = match &verdict {
        Some(v) if !v.allowed => Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            locale,
            "Trop de requêtes : attendez la fin de la minute (voir RateLimit-Reset).",
            "Too many requests: wait for the minute to end (see RateLimit-Reset).",
        )
        .retry_after(v.reset_secs)
        .into_response(),
        _ => {
            request.extensions_mut().insert(Caller {
                principal,
                locale,
                ip,
            });
            next.run(request).await
        }
    };
    let headers = response.headers_mut();
    if let Some(v) = verdict {
        for (name, value) in [
            ("ratelimit-limit", v.limit.to_string()),
            ("ratelimit-remaining", v.remaining.to_string()),
            ("ratelimit-reset", v.reset_secs.to_string()),
            ("ratelimit-policy", format!("{};w=60", v.limit)),
        ] {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Authorization, Accept-Language, Origin"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_count_down_and_refuse_past_the_limit() {
        let windows = Windows::new(8, 1);
        let key = Key::Token(1);
        let first = windows.take(key.clone());
        assert_eq!((first.limit, first.remaining, first.allowed), (8, 7, true));
        for _ in 0..7 {
            assert!(windows.take(key.clone()).allowed);
        }
        let over = windows.take(key);
        assert!(!over.allowed);
        assert_eq!(over.remaining, 0);
        // Anonymous callers get a quarter, per address.
        assert_eq!(
            windows
                .take(Key::Address(IpAddr::from([127, 0, 0, 1])))
                .limit,
            2
        );
    }

    #[test]
    fn bearer_header_forms() {
        let mut headers = HeaderMap::new();
        assert!(bearer(&headers).is_none());
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer mtl_x"),
        );
        assert_eq!(bearer(&headers), Some(Ok("mtl_x")));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&headers), Some(Err(())));
    }
}
