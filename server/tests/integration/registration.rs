//! Registration against a real PostgreSQL: capacity under a rush, one registration per email, a ticket
//! per seat with a signed QR payload, the confirmation queued in the same transaction.

use crate::common;

use std::time::Duration;

use crate::common::TestApp;
use app::{
    error::AppError,
    i18n::Locale,
    tickets::{
        model::GuestDetails,
        server::{Outcome, Registrant, Request, codes, register},
    },
};
use sqlx::postgres::PgPoolOptions;

const SECRET: &[u8] = b"registration test secret, thirty-two bytes or more";

fn guest(n: usize) -> GuestDetails {
    GuestDetails::parse(
        &format!("Invité {n}"),
        &format!("invite{n}@example.fr"),
        "",
        true,
    )
    .expect("valid guest")
}

async fn event_id(app: &TestApp, title: &str, capacity: Option<i32>, max_seats: i32) -> i64 {
    let slug = app
        .insert_event(title, Duration::from_secs(3 * 24 * 3600), true)
        .await;
    sqlx::query_scalar(
        "UPDATE events SET capacity = $2, max_seats_per_registration = $3 WHERE slug = $1 RETURNING id",
    )
    .bind(slug)
    .bind(capacity)
    .bind(max_seats)
    .fetch_one(&app.pool)
    .await
    .expect("event")
}

/// Registers `who` for `seats` seats (`attendees` naming the others), without answers.
pub async fn attempt(
    pool: &sqlx::PgPool,
    event: i64,
    who: Registrant<'_>,
    seats: u32,
    attendees: &[String],
    locale: Locale,
) -> Result<Outcome, AppError> {
    let request = Request {
        seats,
        attendees,
        answers: serde_json::Map::new(),
        locale,
    };
    register(pool, SECRET, event, who, request).await
}

/// Guest number `n` asks for `seats` seats, in French.
async fn as_guest(app: &TestApp, event: i64, n: usize, seats: u32) -> Result<Outcome, AppError> {
    attempt(
        &app.pool,
        event,
        Registrant::Guest(&guest(n)),
        seats,
        &[],
        Locale::Fr,
    )
    .await
}

fn codes_of(outcome: &Outcome) -> Vec<String> {
    match outcome {
        Outcome::Registered { codes, .. } | Outcome::Existing { codes, .. } => codes.clone(),
        other => panic!("expected tickets, got {other:?}"),
    }
}

async fn count(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_simultaneous_registrations_fill_fifty_seats_exactly() {
    let app = TestApp::spawn().await;
    let event = event_id(&app, "Rush FreeFood", Some(50), 1).await;
    // A pool of its own, big enough that every attempt is a real simultaneous transaction.
    let pool = PgPoolOptions::new()
        .max_connections(40)
        .acquire_timeout(Duration::from_secs(60))
        .connect(&app.database_url)
        .await
        .expect("pool");
    let attempts: Vec<_> = (0..200)
        .map(|n| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let details = guest(n);
                attempt(
                    &pool,
                    event,
                    Registrant::Guest(&details),
                    1,
                    &[],
                    Locale::Fr,
                )
                .await
            })
        })
        .collect();
    let (mut ok, mut full) = (0, 0);
    for attempt in attempts {
        match attempt.await.expect("task") {
            Ok(Outcome::Registered { .. }) => ok += 1,
            Ok(other) => panic!("a new email is a new registration, got {other:?}"),
            Err(AppError::SoldOut) => full += 1,
            Err(other) => panic!("only 'full' may fail a registration, got {other:?}"),
        }
    }
    assert_eq!((ok, full), (50, 150));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM tickets WHERE event_id = $1",
            event
        )
        .await,
        50
    );
    assert_eq!(
        count(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        50
    );
    assert_eq!(
        count(&app, "SELECT count(*) FROM email_outbox WHERE template = 'registration_confirmed' AND payload #>> '{event,id}' = $1::text", event).await,
        50,
        "one confirmation per registration, queued with it"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_email_takes_no_second_seat_and_gets_its_tickets_again() {
    let app = TestApp::spawn().await;
    let event = event_id(&app, "Atelier une fois", Some(10), 3).await;
    let first = attempt(
        &app.pool,
        event,
        Registrant::Guest(&guest(1)),
        2,
        &["Tom".into()],
        Locale::Fr,
    )
    .await
    .expect("registered");
    let first_codes = codes_of(&first);
    assert_eq!(first_codes.len(), 2, "a ticket per seat");
    // A guest typing a registered address gets the tickets mailed there again, not shown.
    let again = GuestDetails::parse("Autre Nom", "INVITE1@example.fr", "", true).expect("valid");
    let second = attempt(
        &app.pool,
        event,
        Registrant::Guest(&again),
        1,
        &[],
        Locale::Fr,
    )
    .await
    .expect("existing");
    assert_eq!(second, Outcome::Resent);
    let third = attempt(
        &app.pool,
        event,
        Registrant::Guest(&again),
        1,
        &[],
        Locale::Fr,
    )
    .await
    .expect("existing");
    assert_eq!(third, Outcome::Resent);
    assert_eq!(
        count(&app, "SELECT count(*) FROM email_outbox WHERE template = 'registration_confirmed' AND payload #>> '{event,id}' = $1::text", event).await,
        2,
        "the confirmation, then one resend an hour whatever the attempts"
    );
    assert_eq!(
        count(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        2
    );
    let names: Vec<String> =
        sqlx::query_scalar("SELECT attendee_name FROM tickets WHERE event_id = $1 ORDER BY id")
            .bind(event)
            .fetch_all(&app.pool)
            .await
            .expect("names");
    assert_eq!(names, ["Invité 1", "Tom"]);
    for code in &first_codes {
        assert!(code.len() >= 22, "128 random bits: {code}");
    }
    // An account holder registering twice gets their own tickets back.
    let user = common::accounts::user(&app, "compte@example.fr").await;
    let mine = attempt(
        &app.pool,
        event,
        Registrant::Account(user),
        1,
        &[],
        Locale::Fr,
    )
    .await
    .expect("registered");
    let again = attempt(
        &app.pool,
        event,
        Registrant::Account(user),
        1,
        &[],
        Locale::Fr,
    )
    .await
    .expect("existing");
    assert!(matches!(again, Outcome::Existing { .. }));
    assert_eq!(codes_of(&again), codes_of(&mine));
    assert_eq!(
        count(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        3
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn refusals_say_why_and_change_nothing() {
    let app = TestApp::spawn().await;
    let event = event_id(&app, "Petite salle", Some(2), 2).await;
    let too_many = as_guest(&app, event, 1, 3).await;
    assert!(
        matches!(&too_many, Err(e) if e.field_errors().and_then(|f| f.get("seats")).is_some()),
        "{too_many:?}"
    );
    as_guest(&app, event, 2, 1).await.expect("one seat");
    let two_left_one = as_guest(&app, event, 3, 2).await;
    assert!(
        matches!(&two_left_one, Err(e) if e.field_errors().is_some()),
        "fewer seats left than asked: {two_left_one:?}"
    );
    as_guest(&app, event, 4, 1).await.expect("last seat");
    let full = as_guest(&app, event, 5, 1).await;
    assert!(matches!(full, Err(AppError::SoldOut)), "{full:?}");
    let missing = attempt(
        &app.pool,
        999_999,
        Registrant::Guest(&guest(6)),
        1,
        &[],
        Locale::Fr,
    )
    .await;
    assert!(matches!(missing, Err(AppError::NotFound)));
    sqlx::query("UPDATE events SET status = 'draft' WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("unpublish");
    let draft = as_guest(&app, event, 7, 1).await;
    assert!(matches!(draft, Err(AppError::NotFound)));
    // Cancelled or over: refused with a reason, nothing taken.
    let over = event_id(&app, "Deja passe", None, 1).await;
    sqlx::query("UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1")
        .bind(over)
        .execute(&app.pool)
        .await
        .expect("past");
    let past = as_guest(&app, over, 8, 1).await;
    assert!(
        matches!(&past, Err(e) if e.field_errors().and_then(|f| f.get("seats")) == Some(app::i18n::MessageKey::EventRegistrationClosed)),
        "{past:?}"
    );
    let called_off = event_id(&app, "Annule", None, 1).await;
    sqlx::query("UPDATE events SET status = 'cancelled', cancelled_at = now() WHERE id = $1")
        .bind(called_off)
        .execute(&app.pool)
        .await
        .expect("cancel");
    assert!(matches!(
        as_guest(&app, called_off, 9, 1).await,
        Err(AppError::NotFound)
    ));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM event_participants WHERE event_id = $1",
            event
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_qr_payload_of_a_ticket_verifies_with_its_event_key_only() {
    let app = TestApp::spawn().await;
    let event = event_id(&app, "Soirée QR", None, 1).await;
    let registered = attempt(
        &app.pool,
        event,
        Registrant::Guest(&guest(1)),
        1,
        &[],
        Locale::En,
    )
    .await
    .expect("registered");
    let Outcome::Registered {
        participant_id,
        codes: ticket_codes,
    } = registered
    else {
        panic!("registered");
    };
    let payload: String = sqlx::query_scalar(
        "SELECT payload #>> '{tickets,0,qr_payload}' FROM email_outbox WHERE template = 'registration_confirmed'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("mail payload");
    let ticket: i64 = sqlx::query_scalar("SELECT id FROM tickets WHERE code = $1")
        .bind(&ticket_codes[0])
        .fetch_one(&app.pool)
        .await
        .expect("ticket");
    assert_eq!(
        codes::verify(&codes::event_key(SECRET, event), &payload),
        Some((ticket, event, participant_id))
    );
    assert_eq!(
        codes::verify(&codes::event_key(SECRET, event + 1), &payload),
        None
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_guest_registers_through_the_form_and_opens_the_ticket_page() {
    let app = TestApp::spawn().await;
    let event = event_id(&app, "Afterwork billet", Some(20), 1).await;
    let bad = app
        .post_form(
            "/api/fn/register",
            &format!("event_id={event}&seats=1&full_name=&email=pas-un-email&locale=fr"),
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    let error: AppError = serde_json::from_str(&bad.body).expect("AppError JSON");
    let fields = error.field_errors().expect("field errors");
    for field in ["full_name", "email", "consent"] {
        assert!(fields.get(field).is_some(), "{field}: {error:?}");
    }
    let robot = app
        .post_form(
            "/api/fn/register",
            &format!("event_id={event}&seats=1&full_name=Bot&email=bot%40example.fr&consent=on&website=spam&locale=fr"),
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(robot.status, 403, "the honeypot is filled");
    let form = format!(
        "event_id={event}&seats=1&full_name=L%C3%A9a+Martin&email=lea%40example.fr&phone=&consent=on&website=&locale=fr"
    );
    // A plain HTML form post (no WASM) is redirected to the ticket.
    let posted = app
        .post_form("/api/fn/register", &form, &[("accept", "text/html")])
        .await;
    assert!(
        posted.status.is_redirection(),
        "{} {}",
        posted.status,
        posted.body
    );
    let location = posted.headers["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(location.starts_with("/tickets/"), "{location}");
    let page = app.get(&location, &[("accept-language", "fr")]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Léa Martin"));
    assert!(page.body.contains("Afterwork billet"));
    assert!(
        page.body.contains("<svg"),
        "the QR code is drawn on the server"
    );
    assert!(page.body.contains("Valide"));
    assert!(
        page.body.contains(&location["/tickets/".len()..]),
        "the code is readable as text"
    );
    assert_eq!(
        count(&app, "SELECT count(*) FROM email_outbox WHERE template = 'registration_confirmed' AND to_address = 'lea@example.fr' AND $1 > 0", 1).await,
        1
    );
    let unknown = app
        .get("/tickets/inconnu", &[("accept-language", "fr")])
        .await;
    assert_eq!(unknown.status, 404);
    let event_page = app
        .get("/events/afterwork-billet", &[("accept-language", "fr")])
        .await;
    assert!(
        event_page.body.contains("Réserver ma place"),
        "the event page offers the form"
    );
}
