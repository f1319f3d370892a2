//! What the webhooks page shows, and the rules of a new endpoint.

use serde::{Deserialize, Serialize};

use crate::{error::FieldErrors, i18n::MessageKey};

/// The kinds of notice an endpoint may subscribe to.
pub const EVENT_TYPES: [&str; 4] = [
    "registration.created",
    "registration.cancelled",
    "checkin.created",
    "event.status_changed",
];
pub const MAX_ENDPOINTS: i64 = 10;
/// Deliveries shown per endpoint.
pub const LOG_SIZE: i64 = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryView {
    pub id: i64,
    pub event_type: String,
    /// pending, delivered or failed.
    pub status: String,
    pub attempts: i32,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    pub created: String,
    pub deliveries: Vec<DeliveryView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhooksPage {
    pub endpoints: Vec<WebhookView>,
    /// The signing key of the endpoint just made (shown this once).
    pub fresh_secret: Option<String>,
}

/// The host of an http(s) URL, lower-cased, without port or brackets.
fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.contains('@') {
        return None;
    }
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?.to_owned()
    } else {
        authority
            .rsplit_once(':')
            .map_or(authority, |(h, _)| h)
            .to_owned()
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Loopback, private, link-local or unspecified addresses (and `localhost`): a webhook there would
/// let anyone reach the server's own network.
pub fn is_private_host(host: &str) -> bool {
    if host == "localhost" || host.ends_with(".localhost") || host.ends_with(".internal") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => {
            ip.is_loopback()
                || ip.is_private()
                || ip.is_link_local()
                || ip.is_unspecified()
                || ip.is_broadcast()
        }
        Ok(std::net::IpAddr::V6(ip)) => {
            ip.is_loopback()
                || ip.is_unspecified()
                || (ip.segments()[0] & 0xfe00) == 0xfc00
                || (ip.segments()[0] & 0xffc0) == 0xfe80
        }
        Err(_) => false,
    }
}

/// A new endpoint: an https URL (http and private hosts only where the operator allows them, e.g.
/// tests) and at least one known kind of notice.
pub fn check_webhook(
    url: &str,
    events: &[String],
    allow_private: bool,
) -> Result<(String, Vec<String>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let url = url.trim();
    match host_of(url) {
        _ if url.is_empty() => errors.add("url", MessageKey::FieldRequired),
        _ if url.len() > 500 || url.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            errors.add("url", MessageKey::LinkInvalid)
        }
        None => errors.add("url", MessageKey::LinkInvalid),
        Some(host)
            if !allow_private && (is_private_host(&host) || !url.starts_with("https://")) =>
        {
            errors.add("url", MessageKey::LinkInvalid)
        }
        Some(_) => {}
    }
    let mut kinds: Vec<String> = events
        .iter()
        .filter(|e| EVENT_TYPES.contains(&e.as_str()))
        .cloned()
        .collect();
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        errors.add("events", MessageKey::FieldRequired);
    }
    if errors.is_empty() {
        Ok((url.to_owned(), kinds))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_rules() {
        let all = vec!["checkin.created".to_owned()];
        assert!(check_webhook("https://hooks.example.org/meetral", &all, false).is_ok());
        for bad in [
            "http://hooks.example.org/x",
            "https://127.0.0.1/x",
            "https://localhost:8080/x",
            "https://10.1.2.3/",
            "https://[::1]/x",
            "https://user@evil/",
            "ftp://x.org",
            "https://",
        ] {
            assert!(check_webhook(bad, &all, false).is_err(), "{bad}");
        }
        assert!(check_webhook("http://127.0.0.1:9000/hook", &all, true).is_ok());
        let errors =
            check_webhook("https://a.example/x", &["nope".to_owned()], false).expect_err("no kind");
        assert_eq!(errors.get("events"), Some(MessageKey::FieldRequired));
    }
}
