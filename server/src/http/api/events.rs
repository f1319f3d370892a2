//! Public reads: the catalogue (every filter of /events, cursor pages), one event, the categories.

use axum::{
    extract::{Path, RawQuery, State},
    http::HeaderMap,
    response::Response,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;

use super::{
    gate::Caller,
    io::{query_pairs, read},
    problem::{Problem, ProblemBody},
};
use app::{
    discovery::{model as filters, server::catalogue},
    events::{
        model::EventDetail,
        server::{authoring, page},
    },
};

/// A point on the map (WGS 84 degrees).
#[derive(Serialize, ToSchema)]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
}

/// An event in a list.
#[derive(Serialize, ToSchema)]
pub struct EventSummary {
    pub id: i64,
    pub slug: String,
    /// Its public page.
    pub url: String,
    pub title: String,
    pub summary: String,
    /// The category's name, in the caller's language.
    pub category: String,
    /// ISO 8601 with the event's offset.
    #[schema(format = DateTime)]
    pub starts_at: String,
    pub city: Option<String>,
    /// `in_person`, `online` or `hybrid`.
    pub attendance_mode: String,
    /// "Gratuit", "12,50 €"… in the caller's language.
    pub price: String,
    pub free_food: bool,
    /// Seats left (none: no limit).
    pub seats_left: Option<i32>,
    pub location: Option<Location>,
}

/// One page of the catalogue.
#[derive(Serialize, ToSchema)]
pub struct EventPage {
    pub data: Vec<EventSummary>,
    /// Matching events counted, up to `max(200, end of this page)`.
    pub total: i64,
    /// More match than `total` says.
    pub total_is_lower_bound: bool,
    /// Pass it as `cursor` for the next page; absent on the last one.
    pub next_cursor: Option<String>,
}

/// An event's page, as data.
#[derive(Serialize, ToSchema)]
pub struct EventDetailBody {
    #[serde(flatten)]
    pub summary: EventSummary,
    /// `published` or `cancelled`.
    pub status: String,
    /// The description, as sanitised HTML.
    pub description_html: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub organizer_name: String,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    /// Seats one registration may take.
    pub max_seats: u32,
    pub registration_closed: bool,
    pub free_food_details: Option<String>,
    /// Questions asked at registration; answers go in `answers`, in this order.
    pub questions: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

pub const LIST_PARAMS: &[&str] = &[
    "q", "when", "from", "to", "city", "lat", "lon", "radius", "category", "price", "freefood",
    "mode", "sort", "cursor", "limit",
];
const MAX_LIMIT: i64 = 50;

fn summary(
    base: &str,
    id: i64,
    card: app::events::model::EventCard,
    point: Option<(f64, f64)>,
) -> EventSummary {
    EventSummary {
        id,
        url: format!("{}/events/{}", base.trim_end_matches('/'), card.slug),
        slug: card.slug,
        title: card.title,
        summary: card.summary,
        category: card.category,
        starts_at: card.starts_iso,
        city: card.city,
        attendance_mode: card.mode.as_db().to_owned(),
        price: card.price_label,
        free_food: card.free_food,
        seats_left: card.seats_left,
        location: point.map(|(latitude, longitude)| Location {
            latitude,
            longitude,
        }),
    }
}

/// The cursor is the next page and its size, opaque to clients.
fn encode_cursor(page: u32, limit: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("p{page}l{limit}"))
}

fn decode_cursor(cursor: &str) -> Option<(u32, i64)> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
    let (page, limit) = text.strip_prefix('p')?.split_once('l')?;
    let (page, limit) = (page.parse::<u32>().ok()?, limit.parse::<i64>().ok()?);
    ((1..=10_000).contains(&page) && (1..=MAX_LIMIT).contains(&limit)).then_some((page, limit))
}

/// Each filter is checked alone with the catalogue's own parser, so a value the page would quietly
/// drop is refused here, at its parameter.
fn strict_filters(
    pairs: &[(String, String)],
    caller: &Caller,
) -> Result<filters::Filters, Problem> {
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    for (name, _) in pairs {
        if matches!(name.as_str(), "cursor" | "limit" | "lat" | "lon") {
            continue;
        }
        let (_, notes) = filters::parse(&|key| (key == name).then(|| value(name)).flatten());
        if notes
            .iter()
            .any(|note| *note != app::i18n::MessageKey::CatalogueNoteDatesSwapped)
        {
            return Err(Problem::field(
                caller.locale,
                name,
                "Valeur non reconnue pour ce filtre (voir la documentation).",
                "Unrecognised value for this filter (see the documentation).",
            ));
        }
    }
    let (parsed, notes) = filters::parse(&|key| match key {
        "page" | "view" => None,
        key => value(key),
    });
    if (value("lat").is_some() || value("lon").is_some()) && parsed.near.is_none() {
        return Err(Problem::field(
            caller.locale,
            "lat",
            "lat et lon vont ensemble : deux nombres en degrés (−90…90, −180…180).",
            "lat and lon go together: two numbers in degrees (−90…90, −180…180).",
        ));
    }
    if value("sort").as_deref() == Some("nearest") && parsed.near.is_none() {
        return Err(Problem::field(
            caller.locale,
            "sort",
            "« nearest » demande lat et lon.",
            "“nearest” needs lat and lon.",
        ));
    }
    let _ = notes;
    Ok(parsed)
}

/// Published public events, soonest first (or `sort`).
#[utoipa::path(get, path = "/events", tag = "events",
    params(
        ("q" = Option<String>, Query, description = "Words to find (title, summary, description, place)"),
        ("when" = Option<String>, Query, description = "today | weekend | week | month"),
        ("from" = Option<String>, Query, description = "First day, YYYY-MM-DD"),
        ("to" = Option<String>, Query, description = "Last day, YYYY-MM-DD"),
        ("city" = Option<String>, Query),
        ("lat" = Option<f64>, Query, description = "With lon: events within radius km"),
        ("lon" = Option<f64>, Query),
        ("radius" = Option<u32>, Query, description = "Kilometres, 1–200 (default 25)"),
        ("category" = Option<String>, Query, description = "A category slug (see /categories)"),
        ("price" = Option<String>, Query, description = "free | paid"),
        ("freefood" = Option<String>, Query, description = "1: FreeFood events only"),
        ("mode" = Option<String>, Query, description = "online | in_person"),
        ("sort" = Option<String>, Query, description = "soonest | newest | popular | nearest (needs lat/lon)"),
        ("cursor" = Option<String>, Query, description = "next_cursor of the previous page"),
        ("limit" = Option<i64>, Query, description = "Events per page, 1–50 (default 24)"),
    ),
    responses(
        (status = 200, description = "One page", body = EventPage),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 422, description = "A filter is invalid", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Rate limited", body = ProblemBody, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(pool): State<PgPool>,
    State(config): State<std::sync::Arc<crate::config::Config>>,
    caller: Caller,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let pairs = query_pairs(raw.as_deref(), LIST_PARAMS, caller.locale)?;
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let mut filters = strict_filters(&pairs, &caller)?;
    let mut limit = match value("limit") {
        None => filters::PAGE_SIZE,
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                Problem::field(
                    caller.locale,
                    "limit",
                    "Un entier de 1 à 50.",
                    "A whole number from 1 to 50.",
                )
            })?,
    };
    filters.page = 1;
    if let Some(cursor) = value("cursor") {
        let (page, size) = decode_cursor(&cursor).ok_or_else(|| {
            Problem::field(
                caller.locale,
                "cursor",
                "Curseur illisible : reprenez next_cursor tel quel.",
                "Unreadable cursor: pass next_cursor as it came.",
            )
        })?;
        filters.page = page;
        limit = size;
    }
    let results = catalogue::search(&pool, &filters, chrono::Utc::now(), limit, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    let end = i64::from(filters.page - 1) * limit + results.cards.len() as i64;
    let has_next = results.cards.len() as i64 == limit && (end < results.total || results.more);
    let data = results
        .cards
        .into_iter()
        .zip(results.ids)
        .zip(results.points)
        .map(|((card, id), point)| summary(&config.base_url, id, card, point))
        .collect();
    let page = EventPage {
        data,
        total: results.total,
        total_is_lower_bound: results.more,
        next_cursor: has_next.then(|| encode_cursor(filters.page + 1, limit)),
    };
    Ok(read(&headers, &page))
}

fn detail_body(base: &str, detail: EventDetail) -> EventDetailBody {
    EventDetailBody {
        status: if detail.is_cancelled() {
            "cancelled"
        } else {
            "published"
        }
        .to_owned(),
        description_html: detail.description_html,
        ends_at: detail.ends_iso,
        venue_name: detail.venue_name,
        address: detail.address,
        organizer_name: detail.organizer_name,
        capacity: detail.capacity,
        waitlist: detail.waitlist,
        max_seats: detail.max_seats,
        registration_closed: detail.registration_closed || detail.is_past,
        free_food_details: detail.free_food_details,
        questions: detail.questions.iter().map(|q| q.label.clone()).collect(),
        summary: summary(base, detail.id, detail.card, detail.coordinates),
    }
}

/// A published (or cancelled) event by id.
#[utoipa::path(get, path = "/events/{id}", tag = "events",
    params(("id" = i64, Path, description = "The event's id")),
    responses(
        (status = 200, body = EventDetailBody),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No such public event", body = ProblemBody, content_type = "application/problem+json"),
    ))]
pub async fn detail(
    State(pool): State<PgPool>,
    State(config): State<std::sync::Arc<crate::config::Config>>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let id = caller.id(&id)?;
    let detail = page::by_id(&pool, id, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    Ok(read(&headers, &detail_body(&config.base_url, detail)))
}

/// The event categories, in the caller's language.
#[utoipa::path(get, path = "/categories", tag = "events",
    responses((status = 200, body = Vec<Category>), (status = 304, description = "Not modified")))]
pub async fn categories(
    State(pool): State<PgPool>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let list: Vec<Category> = authoring::categories(&pool, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?
        .into_iter()
        .map(|(slug, name)| Category { slug, name })
        .collect();
    Ok(read(&headers, &list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        assert_eq!(decode_cursor(&encode_cursor(3, 10)), Some((3, 10)));
        assert_eq!(decode_cursor("nope"), None);
        assert_eq!(decode_cursor(&URL_SAFE_NO_PAD.encode("p1l500")), None);
    }
}
