//! NUL characters out of query strings and form posts. PostgreSQL's text cannot hold U+0000, so a `%00`
//! in a catalogue filter reached the database as an error (a 500, found by the wapiti scan). No one types
//! NUL: it is dropped before any handler sees the request, wherever it was put.

use axum::{
    body::Body,
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{StatusCode, Uri, header};

/// Form posts are small; the server functions' own limit applies to anything bigger.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

pub async fn drop_nul(request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Some(uri) = without_nul_in_uri(&parts.uri) {
        parts.uri = uri;
    }
    let form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Formulaire trop volumineux. / Form too large.",
        )
            .into_response();
    };
    // Almost every post has no NUL: its bytes go on as they came, without a copy.
    if !contains_encoded_nul(&bytes) {
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    }
    let cleaned = strip_encoded_nul(&bytes);
    parts.headers.remove(header::CONTENT_LENGTH);
    next.run(Request::from_parts(parts, Body::from(cleaned)))
        .await
}

fn without_nul_in_uri(uri: &Uri) -> Option<Uri> {
    let path_and_query = uri.path_and_query()?.as_str();
    if !contains_encoded_nul(path_and_query.as_bytes()) {
        return None;
    }
    let cleaned = String::from_utf8(strip_encoded_nul(path_and_query.as_bytes())).ok()?;
    let mut builder = Uri::builder().path_and_query(cleaned);
    if let Some(scheme) = uri.scheme() {
        builder = builder.scheme(scheme.clone());
    }
    if let Some(authority) = uri.authority() {
        builder = builder.authority(authority.clone());
    }
    builder.build().ok()
}

fn is_encoded_nul(bytes: &[u8]) -> bool {
    bytes.len() >= 3 && bytes[0] == b'%' && bytes[1] == b'0' && bytes[2] == b'0'
}

fn contains_encoded_nul(bytes: &[u8]) -> bool {
    bytes.windows(3).any(is_encoded_nul) || bytes.contains(&0)
}

/// Removes `%00` and raw NUL bytes.
fn strip_encoded_nul(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if is_encoded_nul(&bytes[i..]) {
            i += 3;
        } else {
            if bytes[i] != 0 {
                out.push(bytes[i]);
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_goes_from_queries_and_forms_and_nothing_else_changes() {
        let uri: Uri = "/events?city=Ly%00on&q=caf%C3%A9".parse().expect("uri");
        assert_eq!(
            without_nul_in_uri(&uri).expect("changed").to_string(),
            "/events?city=Lyon&q=caf%C3%A9"
        );
        let clean: Uri = "/events?q=100%25".parse().expect("uri");
        assert!(without_nul_in_uri(&clean).is_none());
        assert_eq!(
            strip_encoded_nul(b"name=A%00b&x=%2500\0"),
            b"name=Ab&x=%2500"
        );
    }
}
