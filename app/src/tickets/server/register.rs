use sqlx::{PgConnection, PgPool};

use super::codes;
use crate::{
    error::AppError,
    events::model::format_price,
    i18n::{Locale, MessageKey},
    notifications::{
        model::NotificationKind,
        server::{InApp, Recipient, deliver, facts},
    },
    ssr::mail::message::{Mail, TicketFacts},
    tickets::model::GuestDetails,
};

/// Who registers: the signed-in person, or a guest with the details they typed.
pub enum Registrant<'a> {
    Account(i64),
    Guest(&'a GuestDetails),
}

/// What a registration asks for besides who: seats, the other attendees' names (seats 2…), the
/// checked answers to the event's questions, the registrant's language.
pub struct Request<'a> {
    pub seats: u32,
    pub attendees: &'a [String],
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub locale: Locale,
}

/// How a registration ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Seats taken: the new tickets' codes.
    Registered {
        participant_id: i64,
        codes: Vec<String>,
    },
    /// The email was already registered: its tickets (given back to its account holder only).
    Existing {
        participant_id: i64,
        codes: Vec<String>,
    },
    /// A guest's email already registered: the confirmation went to that address again.
    Resent,
    /// Full, waitlist open: in line, with the private link to the registration.
    Waitlisted {
        participant_id: i64,
        manage_token: String,
    },
    /// Already in line (or holding an offer).
    AlreadyWaitlisted,
}

/// The questions an event asks at registration (none for an unknown event: registering says why).
pub async fn register_questions(
    pool: &PgPool,
    event_id: i64,
) -> Result<Vec<crate::tickets::questions::Question>, AppError> {
    let stored = sqlx::query_scalar!(
        "SELECT registration_questions FROM events WHERE id = $1",
        event_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(stored
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default())
}

struct Person {
    user_id: Option<i64>,
    email: String,
    full_name: String,
    phone: Option<String>,
}

async fn person(conn: &mut PgConnection, registrant: &Registrant<'_>) -> Result<Person, AppError> {
    Ok(match registrant {
        Registrant::Account(id) => {
            let user = sqlx::query!(
                // KEY SHARE: an account deletion (FOR UPDATE) waits for this registration, or this for it.
                "SELECT email, full_name, phone_number FROM users WHERE id = $1 AND deleted_at IS NULL FOR KEY SHARE",
                id
            )
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(AppError::Unauthorized)?;
            Person {
                user_id: Some(*id),
                email: user.email,
                full_name: user.full_name,
                phone: user.phone_number,
            }
        }
        Registrant::Guest(guest) => Person {
            user_id: None,
            email: guest.email.as_str().to_owned(),
            full_name: guest.full_name.clone(),
            phone: guest.phone.clone(),
        },
    })
}

struct Live {
    participant_id: i64,
    status: String,
    codes: Vec<String>,
}

/// The live registration of `email` for the event (with its valid tickets), if there is one.
async fn existing(
    conn: &mut PgConnection,
    event_id: i64,
    email: &str,
) -> Result<Option<Live>, AppError> {
    let row = sqlx::query!(
        r#"SELECT p.id, p.status,
                  coalesce(array_agg(t.code ORDER BY t.id) FILTER (WHERE t.status <> 'cancelled'), '{}')
                    AS "codes!"
           FROM event_participants p LEFT JOIN tickets t ON t.participant_id = p.id
           WHERE p.event_id = $1 AND lower(p.email) = lower($2) AND p.status <> 'cancelled'
           GROUP BY p.id"#,
        event_id,
        email
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| Live {
        participant_id: row.id,
        status: row.status,
        codes: row.codes,
    }))
}

/// What registering again gives: the tickets to their account holder; to a guest, the same mail
/// again (at most once an hour), never the tickets themselves — an email address is not a secret.
async fn again(
    conn: &mut PgConnection,
    secret: &[u8],
    who: &Person,
    live: Live,
    locale: Locale,
) -> Result<Outcome, AppError> {
    if live.status != "registered" {
        return Ok(Outcome::AlreadyWaitlisted);
    }
    if who.user_id.is_some() {
        return Ok(Outcome::Existing {
            participant_id: live.participant_id,
            codes: live.codes,
        });
    }
    let hour = chrono::Utc::now().format("%Y%m%d%H");
    let key = format!("registration:{}:resent:{hour}", live.participant_id);
    confirm(conn, secret, live.participant_id, None, &key, locale).await?;
    Ok(Outcome::Resent)
}

enum Refusal {
    WaitlistOpen,
    Error(AppError),
}

/// Why no seat could be taken: the event is gone, closed, full, or the seat count is not allowed —
/// or it is full with its waitlist open.
async fn refusal(conn: &mut PgConnection, event_id: i64, seats: i32) -> Result<Refusal, AppError> {
    let event = sqlx::query!(
        r#"SELECT status, deleted_at IS NOT NULL OR hidden_at IS NOT NULL AS "gone!",
                  ends_at <= now() OR coalesce(registration_deadline <= now(), false) AS "closed!",
                  max_seats_per_registration, capacity, seats_taken, waitlist_enabled
           FROM events WHERE id = $1"#,
        event_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Refusal::Error(match event {
        None => AppError::NotFound,
        Some(e) if e.gone || e.status != "published" => AppError::NotFound,
        Some(e) if e.closed => AppError::field("seats", MessageKey::EventRegistrationClosed),
        Some(e) if seats > e.max_seats_per_registration => {
            AppError::field("seats", MessageKey::SeatsInvalid)
        }
        Some(e) if e.waitlist_enabled => return Ok(Refusal::WaitlistOpen),
        Some(e) if e.capacity.is_some_and(|c| e.seats_taken < c) => {
            // Fewer seats left than asked for: say so at the seat count.
            AppError::field("seats", MessageKey::SeatsNotEnoughLeft)
        }
        Some(_) => AppError::SoldOut,
    }))
}

/// Registers for a published event. An email already registered gets `again`'s answer; otherwise the
/// seats are taken atomically (never beyond capacity) and the registration, one ticket per seat and
/// the confirmation are written in one transaction. Full with the waitlist open: in line instead.
pub async fn register(
    pool: &PgPool,
    secret: &[u8],
    event_id: i64,
    registrant: Registrant<'_>,
    request: Request<'_>,
) -> Result<Outcome, AppError> {
    let seats = i32::try_from(request.seats)
        .map_err(|_| AppError::field("seats", MessageKey::SeatsInvalid))?;
    let locale = request.locale;
    let mut tx = pool.begin().await?;
    // The platform's registration rules may require an account.
    if matches!(registrant, Registrant::Guest(_))
        && !crate::admin::server::settings::load(&mut tx)
            .await?
            .guest_registration
    {
        return Err(AppError::Unauthorized);
    }
    let who = person(&mut tx, &registrant).await?;
    if let Some(live) = existing(&mut tx, event_id, &who.email).await? {
        let outcome = again(&mut tx, secret, &who, live, locale).await?;
        tx.commit().await?;
        return Ok(outcome);
    }
    // The row lock this takes orders simultaneous registrations; each re-reads seats_taken.
    let taken = sqlx::query_scalar!(
        "UPDATE events SET seats_taken = seats_taken + $2
         WHERE id = $1 AND status = 'published' AND deleted_at IS NULL AND hidden_at IS NULL
           AND ends_at > now() AND (registration_deadline IS NULL OR registration_deadline > now())
           AND $2 BETWEEN 1 AND max_seats_per_registration
           AND (capacity IS NULL OR seats_taken + $2 <= capacity)
         RETURNING id",
        event_id,
        seats
    )
    .fetch_optional(&mut *tx)
    .await?;
    let status = match taken {
        Some(_) => "registered",
        None => match refusal(&mut tx, event_id, seats).await? {
            Refusal::WaitlistOpen => "waitlisted",
            Refusal::Error(why) => return Err(why),
        },
    };
    let (manage_token, manage_hash) = codes::new_token();
    let inserted = sqlx::query_scalar!(
        "INSERT INTO event_participants (event_id, user_id, email, full_name, phone_number, locale, seats,
                answers, manage_token_hash, status, waitlisted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 = 'waitlisted' THEN now() END)
         ON CONFLICT (event_id, lower(email)) WHERE status <> 'cancelled' DO NOTHING
         RETURNING id",
        event_id,
        who.user_id,
        who.email,
        who.full_name,
        who.phone,
        locale.code(),
        seats,
        serde_json::Value::Object(request.answers),
        manage_hash,
        status,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(participant_id) = inserted else {
        // The same email registered at the same moment: answer as for a second attempt, take nothing.
        tx.rollback().await?;
        let mut conn = pool.begin().await?;
        let live = existing(&mut conn, event_id, &who.email)
            .await?
            .ok_or(AppError::Conflict)?;
        let outcome = again(&mut conn, secret, &who, live, locale).await?;
        conn.commit().await?;
        return Ok(outcome);
    };
    if status == "waitlisted" {
        super::waitlist::joined(&mut tx, participant_id, &manage_token).await?;
        tx.commit().await?;
        return Ok(Outcome::Waitlisted {
            participant_id,
            manage_token,
        });
    }
    let codes = issue_tickets(&mut tx, participant_id, request.attendees).await?;
    let key = format!("registration:{participant_id}");
    confirm(
        &mut tx,
        secret,
        participant_id,
        Some(&manage_token),
        &key,
        locale,
    )
    .await?;
    super::organizer::tell(
        &mut tx,
        participant_id,
        crate::ssr::mail::message::ParticipantChange::Registered,
    )
    .await?;
    tx.commit().await?;
    Ok(Outcome::Registered {
        participant_id,
        codes,
    })
}

/// One ticket per seat of the registration: the registrant holds the first, `attendees` name the
/// others (a blank name becomes "Registrant (2)").
pub(super) async fn issue_tickets(
    conn: &mut PgConnection,
    participant_id: i64,
    attendees: &[String],
) -> Result<Vec<String>, AppError> {
    let p = sqlx::query!(
        "SELECT event_id, full_name, seats FROM event_participants WHERE id = $1",
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut codes = Vec::new();
    for seat in 0..usize::try_from(p.seats).unwrap_or(1) {
        let attendee = match seat {
            0 => p.full_name.clone(),
            n => attendees
                .get(n - 1)
                .map(|name| name.trim())
                .filter(|name| !name.is_empty())
                .map(|name| name.chars().take(100).collect())
                .unwrap_or_else(|| format!("{} ({})", p.full_name, n + 1)),
        };
        let code = codes::new_code();
        sqlx::query!(
            "INSERT INTO tickets (code, event_id, participant_id, attendee_name) VALUES ($1, $2, $3, $4)",
            code,
            p.event_id,
            participant_id,
            attendee,
        )
        .execute(&mut *conn)
        .await?;
        codes.push(code);
    }
    Ok(codes)
}

/// Queues the confirmation (tickets with their QR codes, .ics, the manage link when known) and the
/// in-app notice, under `key` (a second call with the same key does nothing).
pub(super) async fn confirm(
    conn: &mut PgConnection,
    secret: &[u8],
    participant_id: i64,
    manage_token: Option<&str>,
    key: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let p = sqlx::query!(
        r#"SELECT p.event_id, p.user_id, p.email, p.full_name, e.price_cents,
                  e.currency AS "currency!: String"
           FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.id = $1"#,
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let tickets = sqlx::query!(
        "SELECT id, code, attendee_name FROM tickets
         WHERE participant_id = $1 AND status <> 'cancelled' ORDER BY id",
        participant_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|t| TicketFacts {
        qr_payload: codes::qr_payload(secret, t.id, p.event_id, participant_id),
        code: t.code,
        attendee_name: t.attendee_name,
    })
    .collect::<Vec<_>>();
    let event = facts::load(&mut *conn, p.event_id).await?.facts;
    let link = format!(
        "/tickets/{}",
        tickets.first().map_or("", |t| t.code.as_str())
    );
    let mail = Mail::RegistrationConfirmed {
        full_name: p.full_name.clone(),
        pay_on_site: (p.price_cents > 0).then(|| format_price(p.price_cents, &p.currency, locale)),
        event: event.clone(),
        tickets,
        manage_token: manage_token.map(str::to_owned),
    };
    let recipient = Recipient {
        user_id: p.user_id,
        email: &p.email,
        locale,
    };
    let in_app = InApp {
        event_id: Some(p.event_id),
        link: &link,
        payload: serde_json::json!({ "event_title": event.title }),
    };
    deliver(
        conn,
        &recipient,
        NotificationKind::RegistrationConfirmed,
        key,
        &mail,
        Some(in_app),
    )
    .await?;
    Ok(())
}

/// A registration as a form or an API client sends it: text as typed, checked here once for both.
#[derive(Debug, Default)]
pub struct Submitted {
    pub seats: Option<String>,
    pub full_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub consent: bool,
    pub attendees: Vec<String>,
    pub answers: Vec<String>,
    pub locale: Locale,
}

/// Checks what was sent (seats, answers to the event's questions, a guest's details when nobody is
/// signed in), then registers. The web form and the REST API both come through here.
pub async fn register_submitted(
    pool: &PgPool,
    secret: &[u8],
    event_id: i64,
    account: Option<i64>,
    submitted: Submitted,
) -> Result<Outcome, AppError> {
    use crate::tickets::{model, questions};
    let seats = model::check_seats(submitted.seats.as_deref().unwrap_or("1"), model::SEATS_MAX)
        .map_err(|e| AppError::field("seats", e))?;
    let asked = register_questions(pool, event_id).await?;
    let answers =
        questions::check_answers(&asked, &submitted.answers).map_err(AppError::Validation)?;
    if submitted.attendees.len() > model::SEATS_MAX as usize {
        return Err(AppError::field("seats", MessageKey::SeatsInvalid));
    }
    let guest;
    let registrant = match account {
        Some(id) => Registrant::Account(id),
        None => {
            guest = GuestDetails::parse(
                submitted.full_name.as_deref().unwrap_or_default(),
                submitted.email.as_deref().unwrap_or_default(),
                submitted.phone.as_deref().unwrap_or_default(),
                submitted.consent,
            )
            .map_err(AppError::Validation)?;
            Registrant::Guest(&guest)
        }
    };
    let request = Request {
        seats,
        attendees: &submitted.attendees,
        answers,
        locale: submitted.locale,
    };
    register(pool, secret, event_id, registrant, request).await
}
