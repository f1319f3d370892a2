//! My events (create, change, submit, cancel), their participants (list, CSV) and their door
//! (scan, offline list). Each handler checks the token's scope, then calls the service the web
//! pages call — which checks that the token's owner manages the event.

use axum::{
    extract::{Path, RawQuery, State},
    http::HeaderMap,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, FixedOffset};
use http::{StatusCode, header};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::ToSchema;

use super::{
    gate::Caller,
    io::{JsonBody, query_pairs, read, written},
    problem::{Problem, ProblemBody},
};
use app::{
    accounts::model::{CurrentUser, Scope},
    checkin::{
        model::Verdict,
        participants::ParticipantFilter,
        server::{export, participants, scan},
    },
    error::AppError,
    events::{
        model::{EventStatus, MyEvent, form::EventForm},
        server::{authoring, lifecycle, page},
    },
    i18n::{Locale, dates::parse_time_zone},
    moderation::server::intake::Intake,
    ssr::SigningSecret,
};

/// An event I organize or co-manage.
#[derive(Serialize, ToSchema)]
pub struct MyEventBody {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// draft, pending_review, published, rejected, changes_requested or cancelled.
    pub status: String,
    #[schema(format = DateTime)]
    pub starts_at: String,
    pub seats_taken: i32,
    pub capacity: Option<i32>,
    /// Why moderation rejected it or asks for changes.
    pub moderation_reason: Option<String>,
}

/// An event's fields. On create, `title`, `summary`, `description`, `category`, `starts_at` and
/// `ends_at` are needed (and the place or the link, by `mode`); on update only the fields sent change.
/// The same rules as the web form apply.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    /// A category slug (GET /categories).
    pub category: Option<String>,
    /// ISO 8601 with an offset (`2027-03-14T18:30:00+01:00`), or a local time in `time_zone`.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// IANA zone, default Europe/Paris.
    pub time_zone: Option<String>,
    /// in_person, online or hybrid.
    pub mode: Option<String>,
    pub venue_name: Option<String>,
    pub address_line: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: Option<String>,
    /// 0: free.
    pub price_cents: Option<u32>,
    /// None (null): no limit.
    pub capacity: Option<u32>,
    pub registration_deadline: Option<String>,
    pub waitlist: Option<bool>,
    pub max_seats: Option<u32>,
    pub cancel_cutoff_hours: Option<u32>,
    pub offer_hours: Option<u32>,
    pub free_food: Option<bool>,
    pub free_food_details: Option<String>,
    /// public or unlisted.
    pub visibility: Option<String>,
}

/// Why an event is cancelled (told to everyone registered).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CancelInput {
    pub message: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SubmitOutcome {
    /// `published` (trusted organizer, clean checks) or `pending_review`.
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct CancelOutcome {
    pub status: String,
    /// People told.
    pub notified: usize,
}

/// A ticket to judge at the door: the QR code's text or the ticket's code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanInput {
    pub value: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScanOutcome {
    /// admitted, already_used, other_event, cancelled or unknown.
    pub verdict: String,
    /// The verdict in the caller's language.
    pub message: String,
    pub attendee_name: Option<String>,
    pub ticket_id: Option<i64>,
    pub checked_in: i64,
    pub registered: i64,
}

#[derive(Serialize, ToSchema)]
pub struct OfflineTicketBody {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub status: String,
}

/// What a scanner needs to judge tickets without the network: the event's HMAC key (base64url) and
/// its tickets.
#[derive(Serialize, ToSchema)]
pub struct OfflineKitBody {
    pub event_id: i64,
    pub key: String,
    pub tickets: Vec<OfflineTicketBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantBody {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub seats: i32,
    /// registered, waitlisted, offered or cancelled.
    pub status: String,
    pub checked_in: i64,
    pub attendees: String,
    pub answers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantListBody {
    pub event_id: i64,
    pub questions: Vec<String>,
    pub data: Vec<ParticipantBody>,
}

fn my_event(event: MyEvent) -> MyEventBody {
    let status = match event.status {
        EventStatus::Draft => "draft",
        EventStatus::PendingReview => "pending_review",
        EventStatus::Published => "published",
        EventStatus::Rejected => "rejected",
        EventStatus::ChangesRequested => "changes_requested",
        EventStatus::Cancelled => "cancelled",
    };
    MyEventBody {
        id: event.id,
        slug: event.slug,
        title: event.title,
        status: status.to_owned(),
        starts_at: event.starts_iso,
        seats_taken: event.seats_taken,
        capacity: event.capacity,
        moderation_reason: event.moderation_reason,
    }
}

async fn my_event_by_id(
    pool: &PgPool,
    user: &CurrentUser,
    id: i64,
    locale: Locale,
) -> Result<MyEventBody, AppError> {
    page::mine(pool, user, locale)
        .await?
        .into_iter()
        .find(|event| event.id == id)
        .map(my_event)
        .ok_or(AppError::NotFound)
}

/// An instant with an offset as the form's local time in the event's zone; anything else is left as
/// sent, for the form's rule to judge at that field.
fn local_time(value: String, zone: &str) -> String {
    match DateTime::<FixedOffset>::parse_from_rfc3339(&value) {
        Ok(at) => at
            .with_timezone(&parse_time_zone(zone))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        Err(_) => value,
    }
}

/// Lays the sent fields over `form` (a new event's defaults, or the event as saved).
fn apply(input: EventInput, form: &mut EventForm) {
    let on = |flag: bool| if flag { "on".to_owned() } else { String::new() };
    let set = |slot: &mut String, value: Option<String>| {
        if let Some(value) = value {
            *slot = value;
        }
    };
    set(&mut form.time_zone, input.time_zone);
    let zone = form.time_zone.clone();
    set(&mut form.title, input.title);
    set(&mut form.summary, input.summary);
    set(&mut form.description, input.description);
    set(&mut form.category, input.category);
    set(
        &mut form.starts_at,
        input.starts_at.map(|v| local_time(v, &zone)),
    );
    set(
        &mut form.ends_at,
        input.ends_at.map(|v| local_time(v, &zone)),
    );
    set(
        &mut form.registration_deadline,
        input.registration_deadline.map(|v| local_time(v, &zone)),
    );
    set(&mut form.mode, input.mode);
    set(&mut form.venue_name, input.venue_name);
    set(&mut form.address_line, input.address_line);
    set(&mut form.postal_code, input.postal_code);
    set(&mut form.city, input.city);
    set(&mut form.latitude, input.latitude.map(|v| v.to_string()));
    set(&mut form.longitude, input.longitude.map(|v| v.to_string()));
    set(&mut form.online_url, input.online_url);
    set(
        &mut form.price,
        input.price_cents.map(|c| {
            if c == 0 {
                String::new()
            } else {
                format!("{}.{:02}", c / 100, c % 100)
            }
        }),
    );
    set(&mut form.capacity, input.capacity.map(|c| c.to_string()));
    set(&mut form.waitlist, input.waitlist.map(on));
    set(&mut form.max_seats, input.max_seats.map(|n| n.to_string()));
    set(
        &mut form.cancel_cutoff_hours,
        input.cancel_cutoff_hours.map(|n| n.to_string()),
    );
    set(
        &mut form.offer_hours,
        input.offer_hours.map(|n| n.to_string()),
    );
    set(&mut form.free_food, input.free_food.map(on));
    set(&mut form.free_food_details, input.free_food_details);
    set(&mut form.visibility, input.visibility);
}

/// Validates first: a refused body writes nothing (the web form keeps a draft; an API client keeps
/// its own copy).
async fn save(
    pool: &PgPool,
    user: &CurrentUser,
    form: &EventForm,
    ip: Option<String>,
) -> Result<i64, AppError> {
    form.validate().map_err(AppError::Validation)?;
    authoring::save(pool, user, form, ip.as_deref()).await
}

const PROBLEM: &str = "application/problem+json";

/// The events I organize or co-manage, newest first.
#[utoipa::path(get, path = "/my/events", tag = "my events", security(("token" = ["read"])),
    responses((status = 200, body = Vec<MyEventBody>), (status = 401, body = ProblemBody, content_type = PROBLEM),
              (status = 403, body = ProblemBody, content_type = PROBLEM)))]
pub async fn list_mine(
    State(pool): State<PgPool>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let events: Vec<MyEventBody> = page::mine(&pool, &principal.user, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?
        .into_iter()
        .map(my_event)
        .collect();
    Ok(read(&headers, &events))
}

/// Creates an event (a draft until submitted).
#[utoipa::path(post, path = "/my/events", tag = "my events", security(("token" = ["write"])),
    request_body = EventInput,
    responses((status = 201, body = MyEventBody), (status = 400, body = ProblemBody, content_type = PROBLEM),
              (status = 401, body = ProblemBody, content_type = PROBLEM), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 413, body = ProblemBody, content_type = PROBLEM), (status = 415, body = ProblemBody, content_type = PROBLEM),
              (status = 422, body = ProblemBody, content_type = PROBLEM)))]
pub async fn create(
    State(pool): State<PgPool>,
    caller: Caller,
    JsonBody(input): JsonBody<EventInput>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Write)?;
    let mut form = EventForm::new_event();
    apply(input, &mut form);
    let ip = caller.ip.map(|ip| ip.to_string());
    let id = save(&pool, &principal.user, &form, ip)
        .await
        .map_err(|e| caller.fail(e))?;
    let body = my_event_by_id(&pool, &principal.user, id, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    let mut response = written(StatusCode::CREATED, &body);
    if let Ok(location) = format!("/api/v1/my/events/{id}").parse() {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Changes the fields sent; the others keep their saved values.
#[utoipa::path(patch, path = "/my/events/{id}", tag = "my events", security(("token" = ["write"])),
    params(("id" = i64, Path)), request_body = EventInput,
    responses((status = 200, body = MyEventBody), (status = 400, body = ProblemBody, content_type = PROBLEM),
              (status = 401, body = ProblemBody, content_type = PROBLEM), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM), (status = 422, body = ProblemBody, content_type = PROBLEM)))]
pub async fn update(
    State(pool): State<PgPool>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<EventInput>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Write)?;
    let id = caller.id(&id)?;
    let mut form = authoring::saved_form_for(&pool, &principal.user, id)
        .await
        .map_err(|e| caller.fail(e))?;
    apply(input, &mut form);
    let ip = caller.ip.map(|ip| ip.to_string());
    save(&pool, &principal.user, &form, ip)
        .await
        .map_err(|e| caller.fail(e))?;
    let body = my_event_by_id(&pool, &principal.user, id, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    Ok(written(StatusCode::OK, &body))
}

/// Sends a draft (or a rejected / to-change event) to moderation; it may be published at once.
#[utoipa::path(post, path = "/my/events/{id}/submit", tag = "my events", security(("token" = ["write"])),
    params(("id" = i64, Path)),
    responses((status = 200, body = SubmitOutcome), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM), (status = 409, body = ProblemBody, content_type = PROBLEM),
              (status = 422, body = ProblemBody, content_type = PROBLEM)))]
pub async fn submit(
    State(pool): State<PgPool>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Write)?;
    let id = caller.id(&id)?;
    app::accounts::server::authz::check_can_publish(&principal.user).map_err(|e| caller.fail(e))?;
    let ip = caller.ip.map(|ip| ip.to_string());
    let outcome = lifecycle::submit(&pool, &principal.user, id, ip.as_deref())
        .await
        .map_err(|e| caller.fail(e))?;
    let status = match outcome {
        Intake::Published => "published",
        Intake::Queued => "pending_review",
    };
    Ok(written(
        StatusCode::OK,
        &SubmitOutcome {
            status: status.to_owned(),
        },
    ))
}

/// Cancels the event: tickets cancelled, everyone registered told with the message.
#[utoipa::path(post, path = "/my/events/{id}/cancel", tag = "my events", security(("token" = ["write"])),
    params(("id" = i64, Path)), request_body = CancelInput,
    responses((status = 200, body = CancelOutcome), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM), (status = 409, body = ProblemBody, content_type = PROBLEM),
              (status = 422, body = ProblemBody, content_type = PROBLEM)))]
pub async fn cancel(
    State(pool): State<PgPool>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<CancelInput>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Write)?;
    let id = caller.id(&id)?;
    let ip = caller.ip.map(|ip| ip.to_string());
    let notified = lifecycle::cancel(&pool, &principal.user, id, input.message, ip.as_deref())
        .await
        .map_err(|e| caller.fail(e))?;
    Ok(written(
        StatusCode::OK,
        &CancelOutcome {
            status: "cancelled".to_owned(),
            notified,
        },
    ))
}

fn participant_filter(raw: Option<&str>, caller: &Caller) -> Result<ParticipantFilter, Problem> {
    let pairs = query_pairs(raw, &["q", "status"], caller.locale)?;
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let status = value("status");
    if !matches!(
        status.as_str(),
        "" | "registered" | "waitlisted" | "offered" | "cancelled" | "checked_in"
    ) {
        return Err(Problem::field(
            caller.locale,
            "status",
            "registered, waitlisted, offered, cancelled ou checked_in.",
            "registered, waitlisted, offered, cancelled or checked_in.",
        ));
    }
    Ok(ParticipantFilter {
        q: value("q"),
        status,
    })
}

/// The event's participants (organizer and managers only).
#[utoipa::path(get, path = "/my/events/{id}/participants", tag = "participants", security(("token" = ["read"])),
    params(("id" = i64, Path), ("q" = Option<String>, Query, description = "Name, email or code"),
           ("status" = Option<String>, Query, description = "registered | waitlisted | offered | cancelled | checked_in")),
    responses((status = 200, body = ParticipantListBody), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM), (status = 422, body = ProblemBody, content_type = PROBLEM)))]
pub async fn participant_list(
    State(pool): State<PgPool>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let id = caller.id(&id)?;
    let filter = participant_filter(raw.as_deref(), &caller)?;
    let list = participants::list(&pool, &principal.user, id, &filter, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    let body = ParticipantListBody {
        event_id: list.event_id,
        questions: list.questions,
        data: list
            .participants
            .into_iter()
            .map(|p| ParticipantBody {
                id: p.id,
                full_name: p.full_name,
                email: p.email,
                phone: p.phone,
                seats: p.seats,
                status: p.status,
                checked_in: p.checked_in,
                attendees: p.attendees,
                answers: p.answers,
            })
            .collect(),
    };
    Ok(read(&headers, &body))
}

/// The same list as CSV (UTF-8, comma-separated; the web page's export).
#[utoipa::path(get, path = "/my/events/{id}/participants.csv", tag = "participants", security(("token" = ["read"])),
    params(("id" = i64, Path), ("q" = Option<String>, Query), ("status" = Option<String>, Query)),
    responses((status = 200, description = "CSV", content_type = "text/csv"), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM)))]
pub async fn participant_csv(
    State(pool): State<PgPool>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let id = caller.id(&id)?;
    let filter = participant_filter(raw.as_deref(), &caller)?;
    let list = participants::list(&pool, &principal.user, id, &filter, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    let csv = export::csv(&list, false, caller.locale);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"participants-{id}.csv\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        csv,
    )
        .into_response())
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Admitted => "admitted",
        Verdict::AlreadyUsed => "already_used",
        Verdict::OtherEvent => "other_event",
        Verdict::Cancelled => "cancelled",
        Verdict::Unknown => "unknown",
    }
}

/// Judges one ticket at the door and admits it when valid (each ticket once).
#[utoipa::path(post, path = "/my/events/{id}/checkin", tag = "check-in", security(("token" = ["checkin"])),
    params(("id" = i64, Path)), request_body = ScanInput,
    responses((status = 200, body = ScanOutcome), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM), (status = 422, body = ProblemBody, content_type = PROBLEM)))]
pub async fn checkin(
    State(pool): State<PgPool>,
    secret: axum::Extension<SigningSecret>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<ScanInput>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Checkin)?;
    let id = caller.id(&id)?;
    if input.value.trim().is_empty() || input.value.len() > 1000 {
        return Err(Problem::field(
            caller.locale,
            "value",
            "Le contenu du QR code ou le code du billet (1 à 1000 caractères).",
            "The QR code's text or the ticket's code (1 to 1000 characters).",
        ));
    }
    let result = scan::scan(&pool, &secret.0.0, &principal.user, id, input.value.trim())
        .await
        .map_err(|e| caller.fail(e))?;
    Ok(written(
        StatusCode::OK,
        &ScanOutcome {
            verdict: verdict_name(result.verdict).to_owned(),
            message: caller.locale.t(result.verdict.message()).to_owned(),
            attendee_name: result.attendee_name,
            ticket_id: result.ticket_id,
            checked_in: result.counts.checked_in,
            registered: result.counts.registered,
        },
    ))
}

/// The event's key and ticket list, for scanning offline.
#[utoipa::path(get, path = "/my/events/{id}/checkin/offline", tag = "check-in", security(("token" = ["checkin"])),
    params(("id" = i64, Path)),
    responses((status = 200, body = OfflineKitBody), (status = 403, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM)))]
pub async fn offline_kit(
    State(pool): State<PgPool>,
    secret: axum::Extension<SigningSecret>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Checkin)?;
    let id = caller.id(&id)?;
    let kit = scan::offline_kit(&pool, &secret.0.0, &principal.user, id)
        .await
        .map_err(|e| caller.fail(e))?;
    let body = OfflineKitBody {
        event_id: kit.event_id,
        key: kit.key,
        tickets: kit
            .tickets
            .into_iter()
            .map(|t| OfflineTicketBody {
                id: t.id,
                code: t.code,
                name: t.name,
                status: t.status,
            })
            .collect(),
    };
    Ok(read(&headers, &body))
}
