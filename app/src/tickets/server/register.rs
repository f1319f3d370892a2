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

/// The registration's tickets; `existing` when this email was already registered (nothing new taken).
#[derive(Debug)]
pub struct Registered {
    pub participant_id: i64,
    pub codes: Vec<String>,
    pub existing: bool,
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
                "SELECT email, full_name, phone_number FROM users WHERE id = $1 AND deleted_at IS NULL",
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

/// The tickets of the live registration of `email` for the event, if there is one.
async fn existing(
    conn: &mut PgConnection,
    event_id: i64,
    email: &str,
) -> Result<Option<Registered>, AppError> {
    let row = sqlx::query!(
        r#"SELECT p.id, array_remove(array_agg(t.code ORDER BY t.id), NULL) AS "codes!"
           FROM event_participants p LEFT JOIN tickets t ON t.participant_id = p.id
           WHERE p.event_id = $1 AND lower(p.email) = lower($2) AND p.status <> 'cancelled'
           GROUP BY p.id"#,
        event_id,
        email
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| Registered {
        participant_id: row.id,
        codes: row.codes,
        existing: true,
    }))
}

/// Why no seat could be taken: the event is gone, closed, full, or the seat count is not allowed.
async fn refusal(conn: &mut PgConnection, event_id: i64, seats: i32) -> Result<AppError, AppError> {
    let event = sqlx::query!(
        r#"SELECT status, deleted_at IS NOT NULL OR hidden_at IS NOT NULL AS "gone!",
                  ends_at <= now() OR coalesce(registration_deadline <= now(), false) AS "closed!",
                  max_seats_per_registration, capacity, seats_taken
           FROM events WHERE id = $1"#,
        event_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match event {
        None => AppError::NotFound,
        Some(e) if e.gone || e.status != "published" => AppError::NotFound,
        Some(e) if e.closed => AppError::field("seats", MessageKey::EventRegistrationClosed),
        Some(e) if seats > e.max_seats_per_registration => {
            AppError::field("seats", MessageKey::SeatsInvalid)
        }
        Some(e) if e.capacity.is_some_and(|c| e.seats_taken < c) => {
            // Fewer seats left than asked for: say so at the seat count.
            AppError::field("seats", MessageKey::SeatsNotEnoughLeft)
        }
        Some(_) => AppError::SoldOut,
    })
}

/// Registers for a published event: returns the existing tickets when this email already holds a
/// registration; otherwise takes `seats` atomically (never beyond capacity), writes the registration,
/// one ticket per seat (`attendees` name seats 2…, the registrant has the first), and queues the
/// confirmation mail and in-app notice — all in one transaction.
pub async fn register(
    pool: &PgPool,
    secret: &[u8],
    event_id: i64,
    registrant: Registrant<'_>,
    seats: u32,
    attendees: &[String],
    locale: Locale,
) -> Result<Registered, AppError> {
    let seats =
        i32::try_from(seats).map_err(|_| AppError::field("seats", MessageKey::SeatsInvalid))?;
    let mut tx = pool.begin().await?;
    let who = person(&mut tx, &registrant).await?;
    if let Some(found) = existing(&mut tx, event_id, &who.email).await? {
        return Ok(found);
    }
    // The row lock this takes orders simultaneous registrations; each re-reads seats_taken.
    let taken = sqlx::query!(
        r#"UPDATE events SET seats_taken = seats_taken + $2
           WHERE id = $1 AND status = 'published' AND deleted_at IS NULL AND hidden_at IS NULL
             AND ends_at > now() AND (registration_deadline IS NULL OR registration_deadline > now())
             AND $2 BETWEEN 1 AND max_seats_per_registration
             AND (capacity IS NULL OR seats_taken + $2 <= capacity)
           RETURNING price_cents, currency AS "currency!: String""#,
        event_id,
        seats
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(taken) = taken else {
        let why = refusal(&mut tx, event_id, seats).await?;
        return Err(why);
    };
    let inserted = sqlx::query_scalar!(
        "INSERT INTO event_participants (event_id, user_id, email, full_name, phone_number, locale, seats)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (event_id, lower(email)) WHERE status <> 'cancelled' DO NOTHING
         RETURNING id",
        event_id,
        who.user_id,
        who.email,
        who.full_name,
        who.phone,
        locale.code(),
        seats,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(participant_id) = inserted else {
        // The same email registered at the same moment: give back that registration, take nothing.
        tx.rollback().await?;
        let mut conn = pool.acquire().await?;
        return existing(&mut conn, event_id, &who.email)
            .await?
            .ok_or(AppError::Conflict);
    };
    let mut tickets = Vec::new();
    for seat in 0..seats as usize {
        let attendee = match seat {
            0 => who.full_name.clone(),
            n => attendees
                .get(n - 1)
                .filter(|name| !name.trim().is_empty())
                .map(|name| name.trim().to_owned())
                .unwrap_or_else(|| format!("{} ({})", who.full_name, n + 1)),
        };
        let code = codes::new_code();
        let id = sqlx::query_scalar!(
            "INSERT INTO tickets (code, event_id, participant_id, attendee_name)
             VALUES ($1, $2, $3, $4) RETURNING id",
            code,
            event_id,
            participant_id,
            attendee,
        )
        .fetch_one(&mut *tx)
        .await?;
        tickets.push(TicketFacts {
            qr_payload: codes::qr_payload(secret, id, event_id, participant_id),
            code,
            attendee_name: attendee,
        });
    }
    let event = facts::load(&mut tx, event_id).await?.facts;
    let codes: Vec<String> = tickets.iter().map(|t| t.code.clone()).collect();
    // At least one seat was taken, so there is a first ticket.
    let link = format!("/tickets/{}", codes.first().map_or("", String::as_str));
    let mail = Mail::RegistrationConfirmed {
        full_name: who.full_name.clone(),
        pay_on_site: (taken.price_cents > 0)
            .then(|| format_price(taken.price_cents, &taken.currency, locale)),
        event: event.clone(),
        tickets,
    };
    let recipient = Recipient {
        user_id: who.user_id,
        email: &who.email,
        locale,
    };
    let in_app = InApp {
        event_id: Some(event_id),
        link: &link,
        payload: serde_json::json!({ "event_title": event.title }),
    };
    deliver(
        &mut tx,
        &recipient,
        NotificationKind::RegistrationConfirmed,
        &format!("registration:{participant_id}"),
        &mail,
        Some(in_app),
    )
    .await?;
    tx.commit().await?;
    Ok(Registered {
        participant_id,
        codes,
        existing: false,
    })
}
