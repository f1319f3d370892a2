//! What every handler needs: the caller (with scope checks), strict JSON bodies, query strings and
//! path ids that fail as problems, and reads answered with an ETag (304 when it still matches).

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    response::{IntoResponse, Response},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts};
use serde::{Serialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};

use super::{gate::Caller, problem::Problem};
use app::{
    accounts::{model::Scope, server::api_tokens::ApiPrincipal},
    i18n::Locale,
};

/// Bodies larger than this are refused (413) before being parsed.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or_else(|| Problem::app(app::error::AppError::Internal, Locale::default()))
    }
}

impl Caller {
    pub fn fail(&self, error: app::error::AppError) -> Problem {
        Problem::app(error, self.locale)
    }

    /// The token's principal when it carries `scope`: 401 without a token, 403 without the scope.
    pub fn require(&self, scope: Scope) -> Result<&ApiPrincipal, Problem> {
        let principal = self.principal.as_ref().ok_or_else(|| {
            Problem::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                self.locale,
                "Un jeton d’accès est nécessaire (en-tête Authorization: Bearer).",
                "An access token is required (Authorization: Bearer header).",
            )
            .challenge("invalid_request")
        })?;
        if principal.allows(scope) {
            Ok(principal)
        } else {
            Err(Problem::new(
                StatusCode::FORBIDDEN,
                "insufficient-scope",
                self.locale,
                &format!("Ce jeton n’a pas le droit « {} ».", scope.as_str()),
                &format!("This token lacks the “{}” scope.", scope.as_str()),
            )
            .challenge("insufficient_scope"))
        }
    }

    /// A numeric id from the path (anything else names nothing: 404).
    pub fn id(&self, raw: &str) -> Result<i64, Problem> {
        raw.parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| self.fail(app::error::AppError::NotFound))
    }
}

/// A JSON body: `application/json`, at most 64 KiB, well formed, of the right shape (unknown fields
/// refused by the types). Each failure says where.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, _: &S) -> Result<Self, Self::Rejection> {
        let locale = request
            .extensions()
            .get::<Caller>()
            .map(|c| c.locale)
            .unwrap_or_default();
        let json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .is_some_and(|v| v == "application/json" || v.ends_with("+json"));
        if !json {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                locale,
                "Le corps doit être du JSON (Content-Type: application/json).",
                "The body must be JSON (Content-Type: application/json).",
            ));
        }
        let bytes = axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                Problem::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload-too-large",
                    locale,
                    "Le corps dépasse 64 Kio.",
                    "The body is larger than 64 KiB.",
                )
            })?;
        parse_json(&bytes, locale).map(JsonBody)
    }
}

/// Parses `bytes` as `T`: 400 for broken JSON, 422 naming the field for the wrong shape.
pub fn parse_json<T: DeserializeOwned>(bytes: &Bytes, locale: Locale) -> Result<T, Problem> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let parsed: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
    let value = parsed.map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "invalid-json",
                locale,
                &format!("JSON invalide : {inner}."),
                &format!("Invalid JSON: {inner}."),
            )
        } else {
            let field = if path == "." { "body".to_owned() } else { path };
            Problem::field(
                locale,
                &field,
                &format!("Valeur refusée : {inner}."),
                &format!("Value refused: {inner}."),
            )
        }
    })?;
    deserializer.end().map_err(|_| {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "invalid-json",
            locale,
            "JSON invalide : du texte suit le document.",
            "Invalid JSON: text follows the document.",
        )
    })?;
    Ok(value)
}

/// The query string's pairs; names outside `allowed` and repeated names are refused (400), so a
/// misspelt filter never silently returns everything.
pub fn query_pairs(
    raw: Option<&str>,
    allowed: &[&str],
    locale: Locale,
) -> Result<Vec<(String, String)>, Problem> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or_default()).unwrap_or_default();
    for (index, (name, _)) in pairs.iter().enumerate() {
        if !allowed.contains(&name.as_str()) {
            return Err(Problem::field(
                locale,
                name,
                &format!("Paramètre inconnu. Acceptés : {}.", allowed.join(", ")),
                &format!("Unknown parameter. Accepted: {}.", allowed.join(", ")),
            ));
        }
        if pairs[..index].iter().any(|(other, _)| other == name) {
            return Err(Problem::field(
                locale,
                name,
                "Paramètre répété.",
                "Repeated parameter.",
            ));
        }
    }
    Ok(pairs)
}

/// A read's answer: JSON with a strong ETag over its bytes, or 304 when `If-None-Match` has it.
pub fn read<T: Serialize>(request_headers: &HeaderMap, value: &T) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(body) => body,
        Err(_) => {
            return Problem::app(app::error::AppError::Internal, Locale::default()).into_response();
        }
    };
    let digest = Sha256::digest(&body);
    let etag = format!("\"{}\"", URL_SAFE_NO_PAD.encode(&digest[..18]));
    let matches = request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*");
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    response
}

/// A write's answer: JSON with `status`, never cached.
pub fn written<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response(),
        Err(_) => Problem::app(app::error::AppError::Internal, Locale::default()).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_failures_say_where() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Body {
            seats: u32,
        }
        let broken = parse_json::<Body>(&Bytes::from_static(b"{\"seats\": "), Locale::En);
        assert_eq!(
            broken.expect_err("refused").status(),
            StatusCode::BAD_REQUEST
        );
        let wrong = parse_json::<Body>(&Bytes::from_static(b"{\"seats\": \"two\"}"), Locale::En);
        assert_eq!(
            wrong.expect_err("refused").status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let unknown =
            parse_json::<Body>(&Bytes::from_static(b"{\"seats\": 1, \"x\": 1}"), Locale::En);
        assert_eq!(
            unknown.expect_err("refused").status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert!(parse_json::<Body>(&Bytes::from_static(b"{\"seats\": 2}"), Locale::En).is_ok());
    }

    #[test]
    fn unknown_and_repeated_parameters_are_refused() {
        assert!(query_pairs(Some("q=a&city=Lyon"), &["q", "city"], Locale::Fr).is_ok());
        assert!(query_pairs(Some("qq=a"), &["q"], Locale::Fr).is_err());
        assert!(query_pairs(Some("q=a&q=b"), &["q"], Locale::Fr).is_err());
    }

    #[test]
    fn etag_answers_304_when_it_matches() {
        let first = read(&HeaderMap::new(), &serde_json::json!({"a": 1}));
        let etag = first.headers()[header::ETAG].clone();
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(
            read(&headers, &serde_json::json!({"a": 1})).status(),
            StatusCode::NOT_MODIFIED
        );
        assert_eq!(
            read(&headers, &serde_json::json!({"a": 2})).status(),
            StatusCode::OK
        );
    }
}
