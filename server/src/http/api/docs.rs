//! `/api/v1/docs`: the OpenAPI document as a readable page (server-rendered, no script), with the
//! rules every endpoint shares and an anchor per problem type.

use axum::response::{IntoResponse, Response};
use http::header;
use serde_json::Value;

use app::ssr::mail::render::escape;

const PROBLEMS: &[(&str, &str)] = &[
    (
        "validation",
        "422 — a field is refused; `errors` lists each field with a code and a message.",
    ),
    ("invalid-json", "400 — the body is not well-formed JSON."),
    (
        "unsupported-media-type",
        "415 — send `Content-Type: application/json`.",
    ),
    ("payload-too-large", "413 — bodies are limited to 64 KiB."),
    ("unauthorized", "401 — this endpoint needs a token."),
    (
        "invalid-token",
        "401 — the token is unknown, revoked or expired, or its account is closed.",
    ),
    (
        "insufficient-scope",
        "403 — the token lacks the scope this endpoint needs.",
    ),
    (
        "forbidden",
        "403 — the token's owner may not do this (someone else's event).",
    ),
    (
        "email-unverified",
        "403 — confirm the account's email address first.",
    ),
    ("not-found", "404 — no such resource, or not yours."),
    (
        "method-not-allowed",
        "405 — this address does not take that method.",
    ),
    (
        "conflict",
        "409 — the resource is not in a state that allows this.",
    ),
    ("sold-out", "409 — no seat left and no waitlist."),
    ("rate-limited", "429 — wait `Retry-After` seconds."),
    (
        "unavailable",
        "503 — the database is unreachable; retry later.",
    ),
];

fn schema_name(value: &Value) -> String {
    if let Some(reference) = value.get("$ref").and_then(Value::as_str) {
        return reference.rsplit('/').next().unwrap_or_default().to_owned();
    }
    if let Some(items) = value.get("items") {
        return format!("[{}]", schema_name(items));
    }
    value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

fn operations(document: &Value) -> String {
    let mut html = String::new();
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return html;
    };
    for (path, item) in paths {
        let Some(methods) = item.as_object() else {
            continue;
        };
        for (method, op) in methods {
            let summary = op
                .get("summary")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let scopes: Vec<String> = op
                .get("security")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|s| s.get("token").and_then(Value::as_array))
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            let auth = if scopes.is_empty() {
                "public".to_owned()
            } else {
                format!("token: {}", scopes.join(", "))
            };
            html.push_str(&format!(
                "<section class=\"op\"><h3><span class=\"method\">{}</span> <code>/api/v1{}</code></h3><p>{}</p><p class=\"auth\">{}</p>",
                escape(&method.to_uppercase()), escape(path), escape(summary), escape(&auth)
            ));
            if let Some(params) = op.get("parameters").and_then(Value::as_array) {
                html.push_str("<table><tr><th>Parameter</th><th>In</th><th>Description</th></tr>");
                for p in params {
                    let field = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or_default();
                    html.push_str(&format!(
                        "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                        escape(field("name")),
                        escape(field("in")),
                        escape(field("description"))
                    ));
                }
                html.push_str("</table>");
            }
            if let Some(body) = op.pointer("/requestBody/content/application~1json/schema") {
                html.push_str(&format!(
                    "<p>Body: <a href=\"#schema-{0}\"><code>{0}</code></a></p>",
                    escape(&schema_name(body))
                ));
            }
            if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                html.push_str("<ul class=\"responses\">");
                for (status, response) in responses {
                    let description = response
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let schema = response
                        .pointer("/content/application~1json/schema")
                        .map(schema_name)
                        .map(|n| format!(" → <code>{}</code>", escape(&n)))
                        .unwrap_or_default();
                    html.push_str(&format!(
                        "<li><strong>{}</strong> {}{}</li>",
                        escape(status),
                        escape(description),
                        schema
                    ));
                }
                html.push_str("</ul>");
            }
            html.push_str("</section>");
        }
    }
    html
}

fn schemas(document: &Value) -> String {
    let mut html = String::new();
    let Some(schemas) = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return html;
    };
    for (name, schema) in schemas {
        html.push_str(&format!(
            "<section class=\"schema\" id=\"schema-{0}\"><h3>{0}</h3>",
            escape(name)
        ));
        if let Some(text) = schema.get("description").and_then(Value::as_str) {
            html.push_str(&format!("<p>{}</p>", escape(text)));
        }
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            html.push_str("<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>");
            for (field, prop) in props {
                let kind = match prop.get("type") {
                    Some(Value::Array(kinds)) => kinds
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" | "),
                    Some(Value::String(kind)) => kind.clone(),
                    _ => schema_name(prop),
                };
                let description = prop
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let mark = if required.contains(&field.as_str()) {
                    " (required)"
                } else {
                    ""
                };
                html.push_str(&format!(
                    "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(field),
                    mark,
                    escape(&kind),
                    escape(description)
                ));
            }
            html.push_str("</table>");
        }
        html.push_str("</section>");
    }
    html
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;color:#333;background:#F5F7FA;margin:0;line-height:1.5}\
main{max-width:60rem;margin:0 auto;padding:1rem}h1{color:#007BFF}h2{border-bottom:2px solid #3CD070;padding-bottom:.25rem}\
.op,.schema{background:#fff;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;overflow-x:auto}\
.method{background:#0056b3;color:#fff;border-radius:.25rem;padding:0 .4rem;font-size:.9rem}\
.auth{color:#555;font-size:.9rem}table{border-collapse:collapse;width:100%;font-size:.9rem}\
td,th{border-bottom:1px solid #ddd;text-align:left;padding:.25rem .5rem;vertical-align:top}code{word-break:break-word}\
a{color:#0056b3}";

pub async fn page() -> Response {
    let document: Value = serde_json::from_str(super::document()).unwrap_or(Value::Null);
    let problems: String = PROBLEMS
        .iter()
        .map(|(code, text)| {
            format!(
                "<li id=\"problem-{code}\"><code>{code}</code> — {}</li>",
                escape(text)
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Meetral API v1</title><style>{STYLE}</style></head><body><main>\
<h1>Meetral API v1</h1><p><a href=\"/\">Meetral</a> · <a href=\"/api/v1/openapi.json\">OpenAPI 3.1 document</a> · <a href=\"/account/tokens\">Your tokens</a></p>\
<h2>Using it</h2><ul>\
<li>Base address <code>/api/v1</code>; JSON in and out (<code>Content-Type: application/json</code>, bodies up to 64 KiB, unknown fields refused).</li>\
<li>Public reads need nothing. Everything under <code>/my</code> needs a personal access token: <code>Authorization: Bearer mtl_…</code>, made in your profile with the scopes <code>read</code>, <code>write</code>, <code>checkin</code>. A guest registers without a token.</li>\
<li>Ids are integers; tickets are named by their code. Timestamps are ISO 8601 with the event's offset.</li>\
<li>Reads answer with an <code>ETag</code>; send it back in <code>If-None-Match</code> to get <code>304 Not Modified</code>.</li>\
<li>Each token may make 600 requests a minute (callers without a token: 150 per address); every answer says where you stand in <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>.</li>\
<li>Messages follow <code>Accept-Language</code> (fr, en). Browsers on other sites are refused unless the operator allows their origin (<code>API_CORS_ORIGINS</code>).</li>\
<li>Lists of events are paged: pass <code>next_cursor</code> as <code>cursor</code>.</li></ul>\
<h2 id=\"webhooks\">Webhooks</h2><p>Organizers add addresses in <a href=\"/account/webhooks\">/account/webhooks</a> and pick what they hear about: \
<code>registration.created</code>, <code>registration.cancelled</code>, <code>checkin.created</code>, <code>event.status_changed</code>. \
Each notice is a POST of <code>{{\"type\", \"created_at\", \"data\"}}</code> (JSON) with three headers: <code>Meetral-Webhook-Id</code> (the delivery's id, the same on every retry), \
<code>Meetral-Webhook-Timestamp</code> (Unix seconds) and <code>Meetral-Signature: v1=&lt;hex&gt;</code>, the HMAC-SHA256 with the address's key of <code>{{id}}.{{timestamp}}.{{body}}</code>. \
Recompute it, compare in constant time and refuse timestamps more than 5 minutes old. Answer 2xx within 10 s; anything else is retried with growing waits (30 s, 1 min, 2 min… up to 8 attempts), redirects are not followed. \
The page shows each address's latest deliveries and their outcome.</p>\
<h2>Endpoints</h2>{}<h2>Errors</h2><p>Every error is an RFC 9457 problem (<code>application/problem+json</code>) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and, for refused fields, <code>errors</code>.</p><ul>{problems}</ul>\
<h2>Schemas</h2>{}</main></body></html>",
        operations(&document),
        schemas(&document),
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        html,
    )
        .into_response()
}
