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
use memchr::memmem;

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

/// One pass over the markup for the placeholders, then two searches (from the end for `</body></html>`,
/// SIMD `memmem` for the descriptions): this runs on every page, and `str::find` over the whole page
/// several times cost the catalogue about 8 % of its CPU (docs/PERFORMANCE.md).
pub fn tidy_html(html: &str) -> String {
    let mut text = without_placeholders(html);
    const END: &str = "</body></html>";
    if let Some(at) = memmem::rfind(text.as_bytes(), END.as_bytes())
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
/// attribute values never hold a raw `<`: tachys escapes them, so every `<` starts a tag or a comment.
fn without_placeholders(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 1024);
    let (mut copied, mut at) = (0, 0);
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!>") {
            out.push_str(&html[copied..start]);
            out.push_str("<!---->");
            at = start + 3;
            copied = at;
        } else if rest.starts_with(b"<script") {
            at = memmem::find(rest, b"</script>").map_or(bytes.len(), |end| start + end + 9);
        } else {
            at = start + 1;
        }
    }
    out.push_str(&html[copied..]);
    out
}

fn keep_last_description(mut html: String) -> String {
    const TAG: &[u8] = b"<meta name=\"description\"";
    let starts: Vec<usize> = memmem::find_iter(html.as_bytes(), TAG).collect();
    // From the end, so earlier positions stay valid while later tags are cut.
    for &start in starts.iter().rev().skip(1) {
        if let Some(close) = memchr::memchr(b'>', &html.as_bytes()[start..]) {
            html.replace_range(start..start + close + 1, "");
        }
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
        let three = r#"<meta name="description" content="a"><meta name="description" content="b"><meta name="description" content="c">"#;
        assert_eq!(tidy_html(three), r#"<meta name="description" content="c">"#);
    }

    #[test]
    fn text_around_the_rewrites_is_kept_byte_for_byte() {
        let html = "<p>Été <!>à Lyon — « FreeFood »</p><!><script>if (a<b) x(\"<!>\")</script><i>ça</i><!>";
        assert_eq!(
            tidy_html(html),
            "<p>Été <!---->à Lyon — « FreeFood »</p><!----><script>if (a<b) x(\"<!>\")</script><i>ça</i><!---->"
        );
        // A script left open keeps the rest as script text.
        assert_eq!(tidy_html("<!><script>x<!>"), "<!----><script>x<!>");
        assert_eq!(tidy_html(""), "");
    }
}
