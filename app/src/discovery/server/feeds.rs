//! Machine-readable discovery: the sitemap and calendar feeds of any filtered catalogue URL.

use sqlx::PgPool;

use super::catalogue::search;
use crate::{discovery::model::Filters, error::AppError, i18n::Locale, ssr::BaseUrl};

/// Pages every visitor can reach, for the sitemap.
const STATIC_PAGES: &[&str] = &[
    "/", "/events", "/faq", "/contact", "/legal", "/privacy", "/terms",
];
/// Events in one calendar feed at most.
pub const FEED_LIMIT: i64 = 200;

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `sitemap.xml`: the static pages and every published public event (ended ones included: their
/// pages stay), with the date each last changed.
pub async fn sitemap(pool: &PgPool, base: &BaseUrl) -> Result<String, AppError> {
    let events = sqlx::query!(
        "SELECT slug, updated_at FROM events
         WHERE status IN ('published', 'cancelled') AND visibility = 'public' AND deleted_at IS NULL
           AND hidden_at IS NULL
         ORDER BY updated_at DESC LIMIT 45000"
    )
    .fetch_all(pool)
    .await?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in STATIC_PAGES {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&base.join(path))
        ));
    }
    for event in events {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml_escape(&base.join(&format!("/events/{}", event.slug))),
            event.updated_at.format("%Y-%m-%dT%H:%M:%SZ"),
        ));
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}

/// The events of a filtered catalogue as one iCalendar feed (subscribed to by calendar apps, which
/// fetch it again now and then).
pub async fn calendar_feed(
    pool: &PgPool,
    filters: &Filters,
    base: &BaseUrl,
) -> Result<String, AppError> {
    let found = search(pool, filters, chrono::Utc::now(), FEED_LIMIT, Locale::Fr).await?;
    crate::events::server::page::calendar_of(pool, &found.ids, base).await
}
