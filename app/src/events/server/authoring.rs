//! Creating and editing events, and the drafts that keep what an organizer typed.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use sqlx::{PgConnection, PgPool};

use super::access;
use crate::moderation::server::intake;
use crate::{
    accounts::model::CurrentUser,
    error::AppError,
    events::model::form::{EventForm, REMINDERS, ValidEvent},
    i18n::{Locale, MessageKey, dates::parse_time_zone},
    notifications::server::event_updates,
};

/// The event id a form is about (`None` for a new event).
fn event_id_of(form: &EventForm) -> Result<Option<i64>, AppError> {
    match form.event.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| AppError::NotFound),
    }
}

/// A local time in the event's zone as an instant; a time skipped by a clock change is refused.
fn resolve(local: NaiveDateTime, time_zone: &str, field: &str) -> Result<DateTime<Utc>, AppError> {
    parse_time_zone(time_zone)
        .from_local_datetime(&local)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| AppError::field(field, MessageKey::DateInvalid))
}

/// Keeps the form as typed (valid or not) for this organizer: the next visit starts from it.
pub async fn save_draft(
    pool: &PgPool,
    user: &CurrentUser,
    form: &EventForm,
) -> Result<(), AppError> {
    let event_id = event_id_of(form)?;
    let mut tx = pool.begin().await?;
    if let Some(id) = event_id {
        access::lock_for(&mut tx, user, id).await?;
    }
    let fields = serde_json::to_value(form).map_err(|_| AppError::Internal)?;
    let updated = sqlx::query!(
        "UPDATE event_drafts SET fields = $3, updated_at = now()
         WHERE user_id = $1 AND event_id IS NOT DISTINCT FROM $2",
        user.id,
        event_id,
        fields,
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        sqlx::query!(
            "INSERT INTO event_drafts (user_id, event_id, fields) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            user.id,
            event_id,
            fields,
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn draft(
    pool: &PgPool,
    user_id: i64,
    event_id: Option<i64>,
) -> Result<Option<EventForm>, AppError> {
    let fields = sqlx::query_scalar!(
        "SELECT fields FROM event_drafts WHERE user_id = $1 AND event_id IS NOT DISTINCT FROM $2",
        user_id,
        event_id,
    )
    .fetch_optional(pool)
    .await?;
    Ok(fields.and_then(|value| serde_json::from_value(value).ok()))
}

async fn discard_draft(
    conn: &mut PgConnection,
    user_id: i64,
    event_id: Option<i64>,
) -> Result<(), AppError> {
    sqlx::query!(
        "DELETE FROM event_drafts WHERE user_id = $1 AND event_id IS NOT DISTINCT FROM $2",
        user_id,
        event_id,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What the form shows: the unsaved draft when there is one, else the event as saved (or a blank
/// new event). The flag says whether it came from a draft.
pub async fn form_for(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: Option<i64>,
) -> Result<(EventForm, bool), AppError> {
    if let Some(id) = event_id {
        let mut conn = pool.acquire().await?;
        access::lock_for(&mut conn, user, id).await?;
    }
    if let Some(form) = draft(pool, user.id, event_id).await? {
        return Ok((form, true));
    }
    match event_id {
        None => Ok((EventForm::new_event(), false)),
        Some(id) => Ok((saved_form(pool, id).await?, false)),
    }
}

/// The event as saved (never an unsaved draft), for someone who manages it: what an API update
/// starts from.
pub async fn saved_form_for(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
) -> Result<EventForm, AppError> {
    let mut conn = pool.acquire().await?;
    access::lock_for(&mut conn, user, event_id).await?;
    drop(conn);
    saved_form(pool, event_id).await
}

/// The saved event as the form shows it (local times in its own zone).
async fn saved_form(pool: &PgPool, id: i64) -> Result<EventForm, AppError> {
    let row = sqlx::query!(
        r#"SELECT e.title, e.summary, e.description_md, c.slug AS category, e.starts_at, e.ends_at, e.time_zone,
                  e.attendance_mode, e.venue_name, e.address_line, e.postal_code, e.city, e.latitude, e.longitude,
                  e.online_url, e.price_cents, e.capacity, e.registration_deadline, e.waitlist_enabled,
                  e.free_food, e.free_food_details, e.dietary_tags, e.visibility, e.organizer_notify,
                  e.reminder_offsets_min, e.max_seats_per_registration, e.cancellation_cutoff_min,
                  e.waitlist_offer_min, e.registration_questions
           FROM events e JOIN categories c ON c.id = e.category_id WHERE e.id = $1"#,
        id,
    )
    .fetch_one(pool)
    .await?;
    let tz = parse_time_zone(&row.time_zone);
    let local = |at: DateTime<Utc>| at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
    let on = |flag: bool| if flag { "on".to_owned() } else { String::new() };
    let diet = |tag: &str| on(row.dietary_tags.iter().any(|t| t == tag));
    let price = if row.price_cents == 0 {
        String::new()
    } else if row.price_cents % 100 == 0 {
        (row.price_cents / 100).to_string()
    } else {
        format!("{},{:02}", row.price_cents / 100, row.price_cents % 100)
    };
    Ok(EventForm {
        event: id.to_string(),
        title: row.title,
        summary: row.summary,
        description: row.description_md,
        category: row.category,
        starts_at: local(row.starts_at),
        ends_at: local(row.ends_at),
        time_zone: row.time_zone.clone(),
        mode: row.attendance_mode,
        venue_name: row.venue_name.unwrap_or_default(),
        address_line: row.address_line.unwrap_or_default(),
        postal_code: row.postal_code.unwrap_or_default(),
        city: row.city.unwrap_or_default(),
        latitude: row.latitude.map(|v| format!("{v:.6}")).unwrap_or_default(),
        longitude: row.longitude.map(|v| format!("{v:.6}")).unwrap_or_default(),
        online_url: row.online_url.unwrap_or_default(),
        price,
        capacity: row.capacity.map(|c| c.to_string()).unwrap_or_default(),
        registration_deadline: row.registration_deadline.map(local).unwrap_or_default(),
        waitlist: on(row.waitlist_enabled),
        max_seats: row.max_seats_per_registration.to_string(),
        cancel_cutoff_hours: (row.cancellation_cutoff_min / 60).to_string(),
        offer_hours: (row.waitlist_offer_min / 60).to_string(),
        questions: crate::tickets::questions::questions_text(
            &serde_json::from_value::<Vec<crate::tickets::questions::Question>>(
                row.registration_questions,
            )
            .unwrap_or_default(),
        ),
        free_food: on(row.free_food),
        free_food_details: row.free_food_details.unwrap_or_default(),
        diet_vegetarian: diet("vegetarian"),
        diet_vegan: diet("vegan"),
        diet_halal: diet("halal"),
        diet_kosher: diet("kosher"),
        diet_gluten_free: diet("gluten_free"),
        diet_lactose_free: diet("lactose_free"),
        visibility: row.visibility,
        organizer_notify: row.organizer_notify,
        reminders: REMINDERS
            .iter()
            .find(|(_, offsets, _)| *offsets == row.reminder_offsets_min.as_slice())
            .map(|(choice, _, _)| (*choice).to_owned())
            .unwrap_or_else(|| "1440,120".into()),
    })
}

/// Instants of a valid form, with the rules that need the clock and the time-zone database.
struct Times {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    deadline: Option<DateTime<Utc>>,
}

fn times(valid: &ValidEvent, previous_start: Option<DateTime<Utc>>) -> Result<Times, AppError> {
    let starts_at = resolve(valid.starts_at, &valid.time_zone, "starts_at")?;
    let ends_at = resolve(valid.ends_at, &valid.time_zone, "ends_at")?;
    let deadline = valid
        .registration_deadline
        .map(|local| resolve(local, &valid.time_zone, "registration_deadline"))
        .transpose()?;
    // A new date must lie ahead; an event that already started keeps its date when edited.
    if previous_start != Some(starts_at) && starts_at <= Utc::now() {
        return Err(AppError::field("starts_at", MessageKey::DateMustBeFuture));
    }
    if ends_at <= starts_at {
        return Err(AppError::field("ends_at", MessageKey::EndBeforeStart));
    }
    Ok(Times {
        starts_at,
        ends_at,
        deadline,
    })
}

/// Lower case without accents, every run of other characters than letters and digits made one `-`
/// ("Saint-Étienne !" → "saint-etienne-"): slugs, and comparing words the way the search does.
pub(crate) fn folded(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ÿ' | 'ý' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(plain);
    }
    out
}

/// A URL-safe slug from a title or a name, with a random tail so two never collide and nothing is
/// checked before inserting; `fallback` when nothing of the text is left.
pub(crate) fn slug_for(text: &str, fallback: &str) -> String {
    let slug = folded(text);
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut base = String::new();
    for word in words {
        if base.len() + word.len() + 1 > 80 {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(word);
    }
    let tail = random_tail();
    if base.is_empty() {
        format!("{fallback}-{tail}")
    } else {
        format!("{base}-{tail}")
    }
}

/// Six random base-36 characters.
fn random_tail() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut n = OsRng.next_u64();
    (0..6)
        .map(|_| {
            let digit = (n % 36) as u32;
            n /= 36;
            char::from_digit(digit, 36).unwrap_or('0')
        })
        .collect()
}

/// Saves a form: a new event (a draft until submitted) or changes to one the user manages. Invalid
/// input is kept as a draft and answered with field errors; nothing else is written. Returns the id.
pub async fn save(
    pool: &PgPool,
    user: &CurrentUser,
    form: &EventForm,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let event_id = event_id_of(form)?;
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => {
            save_draft(pool, user, form).await?;
            return Err(AppError::Validation(errors));
        }
    };
    let result = write(pool, user, event_id, &valid, ip).await;
    if matches!(result, Err(AppError::Validation(_))) {
        save_draft(pool, user, form).await?;
    }
    result
}

async fn write(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: Option<i64>,
    valid: &ValidEvent,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let locked = match event_id {
        Some(id) => Some(access::lock_for(&mut tx, user, id).await?),
        None => None,
    };
    if locked.as_ref().is_some_and(|l| l.status == "cancelled") {
        return Err(AppError::Conflict);
    }
    let times = times(valid, locked.as_ref().map(|l| l.starts_at))?;
    let category_id = sqlx::query_scalar!(
        "SELECT id FROM categories WHERE slug = $1 AND deleted_at IS NULL",
        valid.category
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::field("category", MessageKey::CategoryRequired))?;
    // What moderators approved of a published event, to tell whether this edit changes it.
    let approved = match (&locked, event_id) {
        (Some(l), Some(id)) if l.status == "published" => {
            Some(intake::snapshot(&mut tx, id).await?)
        }
        _ => None,
    };
    let id = match event_id {
        None => insert(&mut tx, user.id, category_id, valid, &times).await?,
        Some(id) => {
            update(&mut tx, id, category_id, valid, &times).await?;
            id
        }
    };
    set_registration_rules(&mut tx, id, valid).await?;
    discard_draft(&mut tx, user.id, event_id).await?;
    match &locked {
        None => {
            access::log(
                &mut tx,
                user.id,
                id,
                "event_created",
                serde_json::json!({}),
                ip,
            )
            .await?
        }
        Some(before) => {
            access::log(
                &mut tx,
                user.id,
                id,
                "event_updated",
                serde_json::json!({}),
                ip,
            )
            .await?;
            if before.status == "published" {
                // Registrants hear about a new date or place; reminders follow the new start.
                let now = crate::notifications::server::facts::load(&mut tx, id)
                    .await?
                    .facts;
                let moved = now.starts_at != before.starts_at;
                let relocated = now.place != before.place;
                if moved || relocated {
                    event_updates::event_changed(
                        &mut tx,
                        id,
                        moved.then_some(before.starts_at),
                        relocated.then(|| before.place.clone()).flatten(),
                    )
                    .await?;
                } else {
                    crate::notifications::server::reminders::reschedule(&mut tx, id).await?;
                }
                // A larger capacity frees seats for the waitlist.
                crate::tickets::server::waitlist::offer_next(&mut tx, id).await?;
            }
            if let Some(approved) = approved
                && intake::snapshot(&mut tx, id).await? != approved
            {
                intake::run(&mut tx, id, intake::Cause::ContentEdited).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(id)
}

async fn insert(
    conn: &mut PgConnection,
    organizer_id: i64,
    category_id: i64,
    valid: &ValidEvent,
    times: &Times,
) -> Result<i64, AppError> {
    let (latitude, longitude) = valid.coordinates.unzip();
    let id = sqlx::query_scalar!(
        "INSERT INTO events (slug, organizer_id, category_id, title, summary, description_md, attendance_mode,
                starts_at, ends_at, time_zone, venue_name, address_line, postal_code, city, latitude, longitude,
                online_url, price_cents, capacity, registration_deadline, waitlist_enabled, free_food,
                free_food_details, dietary_tags, visibility, organizer_notify, reminder_offsets_min)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                 $21, $22, $23, $24, $25, $26, $27)
         RETURNING id",
        slug_for(&valid.title, "evenement"),
        organizer_id,
        category_id,
        valid.title,
        valid.summary,
        valid.description,
        valid.mode.as_db(),
        times.starts_at,
        times.ends_at,
        valid.time_zone,
        valid.venue_name,
        valid.address_line,
        valid.postal_code,
        valid.city,
        latitude,
        longitude,
        valid.online_url,
        valid.price_cents,
        valid.capacity,
        times.deadline,
        valid.waitlist,
        valid.free_food,
        valid.free_food_details,
        &valid.dietary_tags,
        valid.visibility(),
        valid.organizer_notify,
        &valid.reminder_offsets,
    )
    .fetch_one(&mut *conn)
    .await?;
    give_organizer_page(conn, organizer_id).await?;
    Ok(id)
}

/// Seats per registration, the self-cancel cutoff, the waitlist's offer window and the questions.
async fn set_registration_rules(
    conn: &mut PgConnection,
    id: i64,
    valid: &ValidEvent,
) -> Result<(), AppError> {
    let questions = serde_json::to_value(&valid.questions).map_err(|_| AppError::Internal)?;
    sqlx::query!(
        "UPDATE events SET max_seats_per_registration = $2, cancellation_cutoff_min = $3,
                waitlist_offer_min = $4, registration_questions = $5
         WHERE id = $1",
        id,
        valid.max_seats,
        valid.cancel_cutoff_min,
        valid.offer_min,
        questions,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A first event gives its organizer a public page (`/organizers/{slug}`, named after them).
async fn give_organizer_page(conn: &mut PgConnection, user_id: i64) -> Result<(), AppError> {
    let name = sqlx::query_scalar!(
        "SELECT full_name FROM users WHERE id = $1 AND organizer_slug IS NULL",
        user_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(name) = name {
        sqlx::query!(
            "UPDATE users SET organizer_slug = $2 WHERE id = $1 AND organizer_slug IS NULL",
            user_id,
            slug_for(&name, "organisateur"),
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The slug never changes: links already shared keep working.
async fn update(
    conn: &mut PgConnection,
    id: i64,
    category_id: i64,
    valid: &ValidEvent,
    times: &Times,
) -> Result<(), AppError> {
    let (latitude, longitude) = valid.coordinates.unzip();
    sqlx::query!(
        "UPDATE events SET category_id = $2, title = $3, summary = $4, description_md = $5,
                attendance_mode = $6, starts_at = $7, ends_at = $8, time_zone = $9, venue_name = $10,
                address_line = $11, postal_code = $12, city = $13, latitude = $14, longitude = $15,
                online_url = $16, price_cents = $17, capacity = $18, registration_deadline = $19,
                waitlist_enabled = $20, free_food = $21, free_food_details = $22, dietary_tags = $23,
                visibility = $24, organizer_notify = $25, reminder_offsets_min = $26, updated_at = now()
         WHERE id = $1",
        id,
        category_id,
        valid.title,
        valid.summary,
        valid.description,
        valid.mode.as_db(),
        times.starts_at,
        times.ends_at,
        valid.time_zone,
        valid.venue_name,
        valid.address_line,
        valid.postal_code,
        valid.city,
        latitude,
        longitude,
        valid.online_url,
        valid.price_cents,
        valid.capacity,
        times.deadline,
        valid.waitlist,
        valid.free_food,
        valid.free_food_details,
        &valid.dietary_tags,
        valid.visibility(),
        valid.organizer_notify,
        &valid.reminder_offsets,
    )
    .execute(&mut *conn)
    .await
    .map_err(capacity_below_taken)?;
    Ok(())
}

/// A capacity below the seats already taken breaks the table's CHECK: say so at the field.
fn capacity_below_taken(error: sqlx::Error) -> AppError {
    let constraint = error
        .as_database_error()
        .and_then(|e| e.constraint().map(str::to_owned));
    match constraint.as_deref() {
        Some("events_check1") => AppError::field("capacity", MessageKey::CapacityBelowTaken),
        _ => error.into(),
    }
}

/// The category list for the form, in the viewer's language.
pub async fn categories(pool: &PgPool, locale: Locale) -> Result<Vec<(String, String)>, AppError> {
    let rows = sqlx::query!(
        "SELECT slug, name_fr, name_en FROM categories WHERE deleted_at IS NULL ORDER BY position, id"
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let name = match locale {
                Locale::Fr => row.name_fr,
                Locale::En => row.name_en,
            };
            (row.slug, name)
        })
        .collect())
}
