//! `/dev/mailbox`: the mails the dev folder transport wrote (`MEETRAL_MAIL_DIR`), so a developer can read
//! and click them without any mail server. Mounted only in dev mode without `SMTP_URL`.

use axum::{
    Router,
    extract::{Path, State},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use http::{HeaderValue, StatusCode, header};
use mail_parser::{Message, MessageParser, MimeHeaders};
use std::{path::PathBuf, sync::Arc, time::SystemTime};

use super::AppState;
use crate::config::Config;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dev/mailbox", get(list))
        .route("/dev/mailbox/{id}", get(show))
        .route("/dev/mailbox/{id}/html", get(html_part))
        .route("/dev/mailbox/{id}/attachments/{index}", get(attachment))
}

/// A mail's id is its file name without `.eml` (a UUID): anything else never touches the disk.
fn mail_path(config: &Config, id: &str) -> Option<PathBuf> {
    let valid =
        !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    valid.then(|| config.mail_dir.join(format!("{id}.eml")))
}

fn read(config: &Config, id: &str) -> Option<Vec<u8>> {
    std::fs::read(mail_path(config, id)?).ok()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Inline styles only: neither these pages nor the mails they show may run a script.
const NO_SCRIPT_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

fn page(title: &str, body: &str) -> Response {
    let html = Html(format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{} · Dev mailbox</title><meta name="robots" content="noindex"></head><body style="font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#333;background:#F5F7FA"><p><a href="/dev/mailbox">Dev mailbox</a> · development mode only</p>{}</body></html>"#,
        escape(title),
        body
    ));
    let mut response = html.into_response();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(NO_SCRIPT_CSP),
    );
    response
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "No such mail").into_response()
}

fn to_of(message: &Message) -> String {
    message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or("?")
        .to_owned()
}

async fn list(State(config): State<Arc<Config>>) -> Response {
    let mut mails: Vec<(SystemTime, String, String, String)> = std::fs::read_dir(&config.mail_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let id = path.file_name()?.to_str()?.strip_suffix(".eml")?.to_owned();
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            let bytes = std::fs::read(&path).ok()?;
            let message = MessageParser::default().parse(&bytes)?;
            Some((
                modified,
                id,
                message.subject().unwrap_or("(no subject)").to_owned(),
                to_of(&message),
            ))
        })
        .collect();
    mails.sort_by_key(|mail| std::cmp::Reverse(mail.0));
    let rows: String = mails
        .iter()
        .map(|(_, id, subject, to)| {
            format!(
                r#"<li><a href="/dev/mailbox/{id}">{}</a> — {}</li>"#,
                escape(subject),
                escape(to)
            )
        })
        .collect();
    let body = if rows.is_empty() {
        "<p>No mail yet.</p>".to_owned()
    } else {
        format!("<ol>{rows}</ol>")
    };
    page(
        "Dev mailbox",
        &format!(
            "<h1>Dev mailbox ({} mails, newest first)</h1>{body}",
            mails.len()
        ),
    )
}

async fn show(State(config): State<Arc<Config>>, Path(id): Path<String>) -> Response {
    let Some(bytes) = read(&config, &id) else {
        return not_found();
    };
    let Some(message) = MessageParser::default().parse(&bytes) else {
        return not_found();
    };
    let subject = message.subject().unwrap_or("(no subject)");
    let text = message
        .body_text(0)
        .map(|t| t.into_owned())
        .unwrap_or_default();
    let attachments: String = message
        .attachments()
        .enumerate()
        .map(|(i, part)| {
            format!(
                r#"<li><a href="/dev/mailbox/{id}/attachments/{i}">{}</a></li>"#,
                escape(part.attachment_name().unwrap_or("attachment"))
            )
        })
        .collect();
    let html_link = if message.body_html(0).is_some() {
        format!(r#"<p><a href="/dev/mailbox/{id}/html">HTML version</a></p>"#)
    } else {
        String::new()
    };
    page(
        subject,
        &format!(
            "<h1>{}</h1><p>To: {}</p>{html_link}<h2>Text</h2><pre style=\"white-space:pre-wrap;background:#fff;padding:1rem\">{}</pre>{}",
            escape(subject),
            escape(&to_of(&message)),
            escape(&text),
            if attachments.is_empty() {
                String::new()
            } else {
                format!("<h2>Attachments</h2><ul>{attachments}</ul>")
            }
        ),
    )
}

/// The HTML part as the recipient sees it, under a CSP that lets it run no script.
async fn html_part(State(config): State<Arc<Config>>, Path(id): Path<String>) -> Response {
    let Some(bytes) = read(&config, &id) else {
        return not_found();
    };
    let Some(message) = MessageParser::default().parse(&bytes) else {
        return not_found();
    };
    let Some(mut html) = message.body_html(0).map(|h| h.into_owned()) else {
        return not_found();
    };
    // Inline images (`cid:` links, e.g. ticket QR codes) point at their attachment here.
    for (index, part) in message.attachments().enumerate() {
        if let Some(content_id) = part.content_id() {
            html = html.replace(
                &format!("cid:{content_id}"),
                &format!("/dev/mailbox/{id}/attachments/{index}"),
            );
        }
    }
    let mut response = Html(html).into_response();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(NO_SCRIPT_CSP),
    );
    response
}

async fn attachment(
    State(config): State<Arc<Config>>,
    Path((id, index)): Path<(String, usize)>,
) -> Response {
    let Some(bytes) = read(&config, &id) else {
        return not_found();
    };
    let Some(message) = MessageParser::default().parse(&bytes) else {
        return not_found();
    };
    let Some(part) = message.attachments().nth(index) else {
        return not_found();
    };
    let content_type = part
        .content_type()
        .map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("octet-stream")))
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    let disposition = format!(
        "attachment; filename=\"{}\"",
        part.attachment_name()
            .unwrap_or("attachment")
            .replace(['"', '\\', '\r', '\n'], "_")
    );
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
        ),
    ];
    (headers, part.contents().to_vec()).into_response()
}
