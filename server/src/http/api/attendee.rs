//! Registering (a guest without a token, or the token's owner), cancelling my registration, and my
//! tickets. Registration goes through the service the web form uses: same checks, same capacity rule.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::{IntoResponse, Response},
};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::ToSchema;

use super::{
    gate::Caller,
    io::{JsonBody, read, written},
    problem::{Problem, ProblemBody},
};
use app::{
    accounts::model::Scope,
    error::AppError,
    i18n::MessageKey,
    ssr::{SigningSecret, rate_limit::Limiters},
    tickets::{
        model::TicketStatus,
        server::{self as tickets, Outcome, Submitted, manage, ticket},
    },
};

/// A registration. With a token (scope `write`) its owner registers and the guest fields are
/// ignored; without one, `full_name`, `email` and `consent: true` are needed.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    /// Seats, 1 to the event's `max_seats` (default 1).
    pub seats: Option<u32>,
    pub full_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The guest accepts that the organizer receives these details.
    pub consent: Option<bool>,
    /// Names on seats 2…
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Answers to the event's `questions`, in order.
    #[serde(default)]
    pub answers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationOutcome {
    /// The registration's id (absent when the confirmation was mailed again).
    pub id: Option<i64>,
    /// registered, waitlisted or resent (a guest's email already registered: the tickets went to it).
    pub status: String,
    /// The tickets' codes (`GET /my/tickets/{code}`; a guest opens `/tickets/{code}` on the site).
    pub tickets: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TicketSummary {
    pub code: String,
    pub attendee_name: String,
    /// valid, used or cancelled.
    pub status: String,
    pub event_title: String,
    #[schema(format = DateTime)]
    pub starts_at: String,
    pub past: bool,
}

#[derive(Serialize, ToSchema)]
pub struct TicketBody {
    pub code: String,
    pub attendee_name: String,
    pub status: String,
    pub event_title: String,
    pub event_slug: String,
    #[schema(format = DateTime)]
    pub starts_at: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    /// What the QR code holds (signed): show it as a QR code at the door.
    pub qr_payload: String,
}

fn status_name(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Valid => "valid",
        TicketStatus::Used => "used",
        TicketStatus::Cancelled => "cancelled",
    }
}

const PROBLEM: &str = "application/problem+json";

/// Registers for a published event: tickets at once, or a place on the waitlist when full.
#[utoipa::path(post, path = "/events/{id}/registrations", tag = "registrations",
    security((), ("token" = ["write"])),
    params(("id" = i64, Path)), request_body = RegistrationInput,
    responses(
        (status = 201, description = "Registered or waitlisted", body = RegistrationOutcome),
        (status = 200, description = "Already registered: the same tickets", body = RegistrationOutcome),
        (status = 202, description = "A guest's email already registered: tickets mailed again", body = RegistrationOutcome),
        (status = 400, body = ProblemBody, content_type = PROBLEM), (status = 401, body = ProblemBody, content_type = PROBLEM),
        (status = 403, body = ProblemBody, content_type = PROBLEM), (status = 404, body = ProblemBody, content_type = PROBLEM),
        (status = 409, description = "Sold out", body = ProblemBody, content_type = PROBLEM),
        (status = 422, body = ProblemBody, content_type = PROBLEM), (status = 429, body = ProblemBody, content_type = PROBLEM)))]
pub async fn register(
    State(pool): State<PgPool>,
    secret: axum::Extension<SigningSecret>,
    limiters: axum::Extension<Limiters>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<RegistrationInput>,
) -> Result<Response, Problem> {
    let id = caller.id(&id)?;
    let account = match &caller.principal {
        Some(_) => Some(caller.require(Scope::Write)?.user.id),
        None => None,
    };
    if let Some(ip) = caller.ip {
        limiters
            .registration
            .check(ip)
            .map_err(|e| caller.fail(e))?;
    }
    let submitted = Submitted {
        seats: input.seats.map(|n| n.to_string()),
        full_name: input.full_name,
        email: input.email,
        phone: input.phone,
        consent: input.consent.unwrap_or(false),
        attendees: input.attendees,
        answers: input.answers,
        locale: caller.locale,
    };
    let outcome = tickets::register_submitted(&pool, &secret.0.0, id, account, submitted)
        .await
        .map_err(|e| caller.fail(e))?;
    let (status, body) = match outcome {
        Outcome::Registered {
            participant_id,
            codes,
        } => (
            StatusCode::CREATED,
            RegistrationOutcome {
                id: Some(participant_id),
                status: "registered".into(),
                tickets: codes,
            },
        ),
        Outcome::Existing {
            participant_id,
            codes,
        } => (
            StatusCode::OK,
            RegistrationOutcome {
                id: Some(participant_id),
                status: "registered".into(),
                tickets: codes,
            },
        ),
        Outcome::Waitlisted { participant_id, .. } => (
            StatusCode::CREATED,
            RegistrationOutcome {
                id: Some(participant_id),
                status: "waitlisted".into(),
                tickets: Vec::new(),
            },
        ),
        Outcome::Resent => (
            StatusCode::ACCEPTED,
            RegistrationOutcome {
                id: None,
                status: "resent".into(),
                tickets: Vec::new(),
            },
        ),
        Outcome::AlreadyWaitlisted => {
            return Err(caller.fail(AppError::field(
                "seats",
                MessageKey::RegisterAlreadyWaitlisted,
            )));
        }
    };
    Ok(written(status, &body))
}

/// Cancels one of my registrations (its seats go to the waitlist).
#[utoipa::path(delete, path = "/my/registrations/{id}", tag = "registrations", security(("token" = ["write"])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Cancelled"), (status = 401, body = ProblemBody, content_type = PROBLEM),
              (status = 403, body = ProblemBody, content_type = PROBLEM), (status = 404, body = ProblemBody, content_type = PROBLEM),
              (status = 422, description = "Too late, or a ticket was used", body = ProblemBody, content_type = PROBLEM)))]
pub async fn cancel_registration(
    State(pool): State<PgPool>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Write)?;
    let id = caller.id(&id)?;
    manage::cancel_own(&pool, principal.user.id, id)
        .await
        .map_err(|e| caller.fail(e))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// My tickets: coming events first, then past ones.
#[utoipa::path(get, path = "/my/tickets", tag = "tickets", security(("token" = ["read"])),
    responses((status = 200, body = Vec<TicketSummary>), (status = 401, body = ProblemBody, content_type = PROBLEM)))]
pub async fn my_tickets(
    State(pool): State<PgPool>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let list: Vec<TicketSummary> = ticket::of_user(&pool, principal.user.id, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?
        .into_iter()
        .map(|t| TicketSummary {
            code: t.code,
            attendee_name: t.attendee_name,
            status: status_name(t.status).to_owned(),
            event_title: t.event_title,
            starts_at: t.starts_iso,
            past: t.past,
        })
        .collect();
    Ok(read(&headers, &list))
}

/// One of my tickets with its QR payload (someone else's ticket: 404).
#[utoipa::path(get, path = "/my/tickets/{code}", tag = "tickets", security(("token" = ["read"])),
    params(("code" = String, Path)),
    responses((status = 200, body = TicketBody), (status = 401, body = ProblemBody, content_type = PROBLEM),
              (status = 404, body = ProblemBody, content_type = PROBLEM)))]
pub async fn my_ticket(
    State(pool): State<PgPool>,
    secret: axum::Extension<SigningSecret>,
    caller: Caller,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    if ticket::holder(&pool, &code)
        .await
        .map_err(|e| caller.fail(e))?
        != Some(principal.user.id)
    {
        return Err(caller.fail(AppError::NotFound));
    }
    let (view, payload) = ticket::with_payload(&pool, &secret.0.0, &code, caller.locale)
        .await
        .map_err(|e| caller.fail(e))?;
    Ok(read(
        &headers,
        &TicketBody {
            code: view.code,
            attendee_name: view.attendee_name,
            status: status_name(view.status).to_owned(),
            event_title: view.event_title,
            event_slug: view.event_slug,
            starts_at: view.starts_iso,
            place: view.place,
            online_url: view.online_url,
            qr_payload: payload,
        },
    ))
}
