//! The event page: one query for everything it shows, the schema.org description and calendar links.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::{CardRow, access, markdown};
use crate::urls::encode_query_value;
use crate::{
    accounts::model::CurrentUser,
    error::AppError,
    events::model::{EventDetail, EventStatus, ImageView, MyEvent, ShareLinks, form::DIETARY_TAGS},
    i18n::{
        Locale,
        dates::{format_event_start, format_event_start_short, iso_with_offset},
    },
    notifications::server::facts::place_line,
    ssr::{
        BaseUrl,
        calendar::{CalendarEntry, document, event_uid},
        media,
    },
};

struct DetailRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    description_md: String,
    category_fr: String,
    category_en: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    time_zone: String,
    venue_name: Option<String>,
    address_line: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    attendance_mode: String,
    price_cents: i32,
    currency: String,
    capacity: Option<i32>,
    seats_taken: i32,
    registration_deadline: Option<DateTime<Utc>>,
    waitlist_enabled: bool,
    max_seats_per_registration: i32,
    registration_questions: serde_json::Value,
    free_food: bool,
    free_food_details: Option<String>,
    dietary_tags: Vec<String>,
    status: String,
    status_reason: Option<String>,
    cancellation_message: Option<String>,
    organizer_name: String,
    organizer_slug: Option<String>,
}

/// Which event page to read: the public one by slug, or any event by id for its organizer's preview.
enum Which<'a> {
    Public(&'a str),
    Preview(i64),
}

/// One query for both: a public page shows published or cancelled, visible events (unlisted ones too:
/// the link is the key); a preview shows the event whatever its status.
async fn load(pool: &PgPool, which: Which<'_>, locale: Locale) -> Result<EventDetail, AppError> {
    let (slug, id) = match which {
        Which::Public(slug) => (Some(slug), None),
        Which::Preview(id) => (None, Some(id)),
    };
    let row = sqlx::query_as!(
        DetailRow,
        r#"SELECT e.id, e.slug, e.title, e.summary, e.description_md, c.name_fr AS category_fr,
                  c.name_en AS category_en, e.starts_at, e.ends_at, e.time_zone, e.venue_name, e.address_line,
                  e.postal_code, e.city, e.latitude, e.longitude, e.attendance_mode, e.price_cents,
                  e.currency AS "currency!: String", e.capacity, e.seats_taken, e.registration_deadline,
                  e.waitlist_enabled, e.max_seats_per_registration, e.registration_questions, e.free_food, e.free_food_details, e.dietary_tags, e.status,
                  e.status_reason, e.cancellation_message, coalesce(u.display_name, u.full_name) AS "organizer_name!",
                  u.organizer_slug
           FROM events e
           JOIN categories c ON c.id = e.category_id
           JOIN users u ON u.id = e.organizer_id
           WHERE e.deleted_at IS NULL
             AND ((e.slug = $1 AND e.hidden_at IS NULL AND e.status IN ('published', 'cancelled'))
                  OR e.id = $2)"#,
        slug,
        id,
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let images = images(pool, row.id).await?;
    let labels = labels(pool, row.id, row.free_food, locale).await?;
    let mut detail = detail(row, images, locale);
    detail.labels = labels;
    Ok(detail)
}

pub async fn by_slug(pool: &PgPool, slug: &str, locale: Locale) -> Result<EventDetail, AppError> {
    load(pool, Which::Public(slug), locale).await
}

/// The public page of the event with this id (the API's address for it): the same visibility rule.
pub async fn by_id(pool: &PgPool, id: i64, locale: Locale) -> Result<EventDetail, AppError> {
    let slug = sqlx::query_scalar!(
        "SELECT slug FROM events WHERE id = $1 AND deleted_at IS NULL AND hidden_at IS NULL
           AND status IN ('published', 'cancelled')",
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    by_slug(pool, &slug, locale).await
}

/// Any event the user manages, whatever its status: the preview shows exactly the visitors' page.
pub async fn for_organizer(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    locale: Locale,
) -> Result<EventDetail, AppError> {
    let mut conn = pool.acquire().await?;
    access::lock_for(&mut conn, user, event_id).await?;
    drop(conn);
    load(pool, Which::Preview(event_id), locale).await
}

/// The labels the event carries, with what each means: FreeFood's text (editable by admins) when
/// food is offered, then the partner labels an admin gave it.
async fn labels(
    pool: &PgPool,
    event_id: i64,
    free_food: bool,
    locale: Locale,
) -> Result<Vec<(String, String)>, AppError> {
    let rows = sqlx::query!(
        "SELECT l.name_fr, l.name_en, l.description_fr, l.description_en FROM labels l
         WHERE l.deleted_at IS NULL
           AND ((l.built_in AND l.slug = 'freefood' AND $2)
                OR EXISTS (SELECT 1 FROM event_labels el WHERE el.event_id = $1 AND el.label_id = l.id))
         ORDER BY l.built_in DESC, l.name_fr",
        event_id,
        free_food
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                locale.pick(&r.name_fr, &r.name_en).to_owned(),
                locale.pick(&r.description_fr, &r.description_en).to_owned(),
            )
        })
        .collect())
}

/// Any live event by id, whatever its status, for moderators (who are checked by the caller).
pub async fn for_staff(
    pool: &PgPool,
    event_id: i64,
    locale: Locale,
) -> Result<EventDetail, AppError> {
    load(pool, Which::Preview(event_id), locale).await
}

/// The event's images, cover first, as the page shows them.
async fn images(pool: &PgPool, event_id: i64) -> Result<Vec<(bool, ImageView)>, AppError> {
    let rows = sqlx::query!(
        "SELECT id, kind, storage_key, alt_text, widths FROM event_images
         WHERE event_id = $1 ORDER BY kind = 'cover' DESC, position, id",
        event_id
    )
    .fetch_all(pool)
    .await?;
    let media = media::Media::current();
    Ok(rows
        .into_iter()
        .map(|row| {
            let widths: Vec<u32> = row.widths.iter().map(|w| (*w).max(1) as u32).collect();
            let largest = widths
                .iter()
                .copied()
                .filter(|w| *w <= 1600)
                .max()
                .unwrap_or(480);
            let srcset = widths
                .iter()
                .map(|w| format!("{} {w}w", media.url(&row.storage_key, *w)))
                .collect::<Vec<_>>()
                .join(", ");
            let view = ImageView {
                id: row.id,
                src: media.url(&row.storage_key, largest),
                srcset,
                alt: row.alt_text,
            };
            (row.kind == "cover", view)
        })
        .collect())
}

fn detail(row: DetailRow, images: Vec<(bool, ImageView)>, locale: Locale) -> EventDetail {
    let (covers, flyers): (Vec<_>, Vec<_>) = images.into_iter().partition(|(cover, _)| *cover);
    let cover = covers.into_iter().next().map(|(_, view)| view);
    let flyers = flyers.into_iter().map(|(_, view)| view).collect();
    let base = BaseUrl::current();
    let now = Utc::now();
    let place = (row.attendance_mode != "online")
        .then(|| {
            place_line(
                None,
                row.address_line.as_deref(),
                row.postal_code.as_deref(),
                row.city.as_deref(),
            )
        })
        .flatten();
    let canonical = base.join(&format!("/events/{}", row.slug));
    // Local files are paths on this site; a bucket gives full URLs already.
    let image = cover.as_ref().map(|view| {
        if view.src.starts_with('/') {
            base.join(&view.src)
        } else {
            view.src.clone()
        }
    });
    let location_line = place_line(
        row.venue_name.as_deref(),
        row.address_line.as_deref(),
        row.postal_code.as_deref(),
        row.city.as_deref(),
    );
    let share = ShareLinks {
        ics: format!("/events/{}/calendar.ics", row.slug),
        google: google_link(&row, location_line.as_deref(), &canonical),
        outlook: outlook_link(&row, location_line.as_deref(), &canonical),
        canonical,
        image,
    };
    let json_ld = json_ld(&row, &share);
    let status = EventStatus::from_db(&row.status);
    let dietary = DIETARY_TAGS
        .iter()
        .filter(|(tag, _)| row.dietary_tags.iter().any(|t| t == tag))
        .map(|(_, key)| *key)
        .collect();
    let card = CardRow {
        slug: row.slug.clone(),
        title: row.title.clone(),
        summary: row.summary.clone(),
        category_fr: row.category_fr.clone(),
        category_en: row.category_en.clone(),
        starts_at: row.starts_at,
        time_zone: row.time_zone.clone(),
        city: row.city.clone(),
        attendance_mode: row.attendance_mode.clone(),
        price_cents: row.price_cents,
        currency: row.currency.clone(),
        free_food: row.free_food,
        capacity: row.capacity,
        seats_taken: row.seats_taken,
    }
    .into_card(locale);
    EventDetail {
        id: row.id,
        card,
        status,
        status_reason: row
            .cancellation_message
            .clone()
            .or(row.status_reason.clone()),
        description_html: markdown::to_safe_html(&row.description_md),
        starts_label_long: format_event_start(row.starts_at, &row.time_zone, locale),
        ends_label: format_event_start(row.ends_at, &row.time_zone, locale),
        ends_iso: iso_with_offset(row.ends_at, &row.time_zone),
        venue_name: row
            .venue_name
            .clone()
            .filter(|_| row.attendance_mode != "online"),
        address: place,
        coordinates: row.latitude.zip(row.longitude),
        organizer_name: row.organizer_name.clone(),
        organizer_slug: row.organizer_slug.clone(),
        free_food_details: row.free_food_details.clone(),
        dietary,
        cover,
        flyers,
        capacity: row.capacity,
        waitlist: row.waitlist_enabled,
        max_seats: u32::try_from(row.max_seats_per_registration).unwrap_or(1),
        questions: serde_json::from_value(row.registration_questions.clone()).unwrap_or_default(),
        is_past: row.ends_at < now,
        registration_closed: row.registration_deadline.is_some_and(|d| d < now),
        share,
        json_ld,
        labels: Vec::new(),
    }
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn google_link(row: &DetailRow, location: Option<&str>, url: &str) -> String {
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}&ctz={}",
        encode_query_value(&row.title),
        utc_stamp(row.starts_at),
        utc_stamp(row.ends_at),
        encode_query_value(&format!("{}\n{url}", row.summary)),
        encode_query_value(location.unwrap_or("")),
        encode_query_value(&row.time_zone),
    )
}

fn outlook_link(row: &DetailRow, location: Option<&str>, url: &str) -> String {
    format!(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
        encode_query_value(&row.title),
        encode_query_value(&row.starts_at.to_rfc3339()),
        encode_query_value(&row.ends_at.to_rfc3339()),
        encode_query_value(&format!("{}\n{url}", row.summary)),
        encode_query_value(location.unwrap_or("")),
    )
}

/// schema.org `Event` for search engines. The visio link is for ticket holders: the virtual location
/// points at the event page instead.
fn json_ld(row: &DetailRow, share: &ShareLinks) -> String {
    use serde_json::json;
    let attendance = match row.attendance_mode.as_str() {
        "online" => "https://schema.org/OnlineEventAttendanceMode",
        "hybrid" => "https://schema.org/MixedEventAttendanceMode",
        _ => "https://schema.org/OfflineEventAttendanceMode",
    };
    let status = if row.status == "cancelled" {
        "https://schema.org/EventCancelled"
    } else {
        "https://schema.org/EventScheduled"
    };
    let mut locations = Vec::new();
    if row.attendance_mode != "online" {
        let mut place = json!({
            "@type": "Place",
            "name": row.venue_name.clone().or(row.city.clone()).unwrap_or_default(),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": row.address_line,
                "postalCode": row.postal_code,
                "addressLocality": row.city,
                "addressCountry": "FR",
            },
        });
        if let (Some(lat), Some(lon)) = (row.latitude, row.longitude) {
            place["geo"] = json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon });
        }
        locations.push(place);
    }
    if row.attendance_mode != "in_person" {
        locations.push(json!({ "@type": "VirtualLocation", "url": share.canonical }));
    }
    let full = row.capacity.is_some_and(|c| row.seats_taken >= c);
    let availability = if full {
        "https://schema.org/SoldOut"
    } else {
        "https://schema.org/InStock"
    };
    let mut event = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": row.title,
        "description": row.summary,
        "startDate": iso_with_offset(row.starts_at, &row.time_zone),
        "endDate": iso_with_offset(row.ends_at, &row.time_zone),
        "eventStatus": status,
        "eventAttendanceMode": attendance,
        "location": if locations.len() == 1 { locations.remove(0) } else { json!(locations) },
        "organizer": { "@type": "Person", "name": row.organizer_name },
        "url": share.canonical,
        "offers": {
            "@type": "Offer",
            "price": format!("{}.{:02}", row.price_cents / 100, row.price_cents % 100),
            "priceCurrency": row.currency,
            "availability": availability,
            "url": share.canonical,
        },
    });
    if let Some(image) = &share.image {
        event["image"] = json!([image]);
    }
    // No `<` inside the script element, whatever the organizer typed: neither `</script>` nor `<!--`
    // (which would make the element swallow the rest of the page) can appear.
    event.to_string().replace('<', "\\u003c")
}

/// The event as an iCalendar document (times in UTC, a stable UID so updates replace the entry).
pub async fn calendar(pool: &PgPool, slug: &str, base: &BaseUrl) -> Result<String, AppError> {
    let id = sqlx::query_scalar!(
        "SELECT id FROM events WHERE slug = $1 AND deleted_at IS NULL AND hidden_at IS NULL
           AND status IN ('published', 'cancelled')",
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    calendar_of(pool, &[id], base).await
}

/// Events (by id) as one iCalendar document, soonest first: one event's file or a catalogue feed.
pub async fn calendar_of(pool: &PgPool, ids: &[i64], base: &BaseUrl) -> Result<String, AppError> {
    let rows = sqlx::query!(
        "SELECT id, slug, title, summary, starts_at, ends_at, venue_name, address_line, postal_code, city,
                attendance_mode, status
         FROM events WHERE id = ANY($1) ORDER BY starts_at, id",
        ids,
    )
    .fetch_all(pool)
    .await?;
    let places: Vec<(String, Option<String>)> = rows
        .iter()
        .map(|row| {
            let place = (row.attendance_mode != "online")
                .then(|| {
                    place_line(
                        row.venue_name.as_deref(),
                        row.address_line.as_deref(),
                        row.postal_code.as_deref(),
                        row.city.as_deref(),
                    )
                })
                .flatten();
            (base.join(&format!("/events/{}", row.slug)), place)
        })
        .collect();
    let entries: Vec<CalendarEntry> = rows
        .iter()
        .zip(&places)
        .map(|(row, (url, place))| CalendarEntry {
            uid: event_uid(row.id),
            title: &row.title,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            location: place.as_deref(),
            url: url.clone(),
            description: Some(&row.summary),
            cancelled: row.status == "cancelled",
        })
        .collect();
    let name = match rows.as_slice() {
        [one] => one.title.as_str(),
        _ => "Meetral",
    };
    Ok(document(name, &entries))
}

/// The events a person organizes (or co-manages), newest first.
pub async fn mine(
    pool: &PgPool,
    user: &CurrentUser,
    locale: Locale,
) -> Result<Vec<MyEvent>, AppError> {
    let rows = sqlx::query!(
        "SELECT e.id, e.slug, e.title, e.status, e.starts_at, e.time_zone, e.seats_taken, e.capacity,
                CASE WHEN e.status IN ('rejected', 'changes_requested') THEN e.status_reason END AS moderation_reason
         FROM events e
         WHERE e.deleted_at IS NULL
           AND (e.organizer_id = $1 OR e.id IN (SELECT event_id FROM event_organizers
                                                 WHERE user_id = $1 AND role = 'manager'))
         ORDER BY e.created_at DESC, e.id DESC
         LIMIT 200",
        user.id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| MyEvent {
            id: row.id,
            slug: row.slug,
            title: row.title,
            status: EventStatus::from_db(&row.status),
            starts_label: format_event_start_short(row.starts_at, &row.time_zone, locale),
            starts_iso: iso_with_offset(row.starts_at, &row.time_zone),
            seats_taken: row.seats_taken,
            capacity: row.capacity,
            moderation_reason: row.moderation_reason,
        })
        .collect())
}
