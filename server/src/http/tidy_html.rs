//! Valid HTML from Leptos's output (the test command checks every page with vnu). Three things the
//! framework writes that the HTML standard does not allow, fixed on the way out:
//! - `<!>`, tachys's empty placeholder comment, is a parse error ("bogus comment"); `<!---->` is the same
//!   empty comment node in the DOM;
//! - the resolved-resources script that `leptos_axum` streams after the document ends moves inside
//!   `<body>` (it still runs last);
//! - `leptos_meta` keeps every `<Meta name="description">` where it replaces titles: the page's own
//!   (registered after the app's default) is kept, the default dropped.

use axum::{
    body::Body,
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};

/// Pages are tens of kilobytes; anything bigger than this is passed through untouched.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

pub async fn tidy(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "page body could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let body = match std::str::from_utf8(&bytes) {
        Ok(text) => Body::from(tidy_html(text)),
        Err(_) => Body::from(bytes),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
}

pub fn tidy_html(html: &str) -> String {
    let mut text = without_placeholders(html);
    const END: &str = "</body></html>";
    if let Some(at) = text.find(END)
        && at + END.len() < text.len()
    {
        let trailing = text.split_off(at + END.len());
        text.truncate(at);
        text.push_str(&trailing);
        text.push_str(END);
    }
    keep_last_description(text)
}

/// `<!>` → `<!---->` everywhere but inside `<script>` elements (whose text is not markup). Text and
/// attribute values never hold a raw `<`: tachys escapes them.
fn without_placeholders(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        push_without_placeholders(&mut out, &rest[..start]);
        let end = rest[start..]
            .find("</script>")
            .map_or(rest.len(), |end| start + end + "</script>".len());
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    push_without_placeholders(&mut out, rest);
    out
}

/// Appends `markup` with each `<!>` written `<!---->`, in one pass, without a string of its own.
fn push_without_placeholders(out: &mut String, markup: &str) {
    let mut pieces = markup.split("<!>");
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    for piece in pieces {
        out.push_str("<!---->");
        out.push_str(piece);
    }
}

fn keep_last_description(mut html: String) -> String {
    const TAG: &str = "<meta name=\"description\"";
    while html.matches(TAG).nth(1).is_some() {
        let Some(first) = html.find(TAG) else { break };
        let Some(close) = html[first..].find('>') else {
            break;
        };
        html.replace_range(first..first + close + 1, "");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_valid_empty_comments_outside_scripts() {
        let html = r#"<p><!>a</p><script>let s = "<!>";</script><b><!></b>"#;
        assert_eq!(
            tidy_html(html),
            r#"<p><!---->a</p><script>let s = "<!>";</script><b><!----></b>"#
        );
    }

    #[test]
    fn late_scripts_move_inside_the_body() {
        let html = r#"<head></head><body>x</body></html><script nonce="abc">r()</script>"#;
        assert_eq!(
            tidy_html(html),
            r#"<head></head><body>x<script nonce="abc">r()</script></body></html>"#
        );
    }

    #[test]
    fn the_page_description_replaces_the_default() {
        let html = r#"<meta name="description" content="site"><meta name="description" content="page"><title>t</title>"#;
        assert_eq!(
            tidy_html(html),
            r#"<meta name="description" content="page"><title>t</title>"#
        );
        let single = r#"<meta name="description" content="site">"#;
        assert_eq!(tidy_html(single), single);
    }
}
