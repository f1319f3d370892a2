//! After registering, against a real PostgreSQL: the waitlist (promotion, expiry, acceptance),
//! self-cancel through the private link, the QR read back by a decoder, check-in at the door (one
//! winner, other event, forged, offline replay), and the organizer's participants page and exports.

use crate::common;

use std::time::Duration;

use crate::common::{
    TestApp,
    accounts::{call, signed_in},
};
use app::{
    error::AppError,
    i18n::Locale,
    ssr::{jobs, qr},
    tickets::{
        model::GuestDetails,
        server::{Outcome, Registrant, Request, codes, manage, register, waitlist},
    },
};
use serde_json::Value;

const SECRET: &[u8] = b"lifecycle test secret, thirty-two bytes or more!!";

fn guest(n: usize) -> GuestDetails {
    GuestDetails::parse(
        &format!("Invité {n}"),
        &format!("g{n}@example.fr"),
        "",
        true,
    )
    .expect("guest")
}

async fn join(app: &TestApp, event: i64, n: usize, seats: u32) -> Result<Outcome, AppError> {
    let request = Request {
        seats,
        attendees: &[],
        answers: serde_json::Map::new(),
        locale: Locale::Fr,
    };
    register(
        &app.pool,
        SECRET,
        event,
        Registrant::Guest(&guest(n)),
        request,
    )
    .await
}

/// A published event in three days with `capacity`, waitlist on, two seats per registration.
async fn event(app: &TestApp, title: &str, capacity: i32) -> i64 {
    let slug = app
        .insert_event(title, Duration::from_secs(3 * 86_400), false)
        .await;
    sqlx::query_scalar(
        "UPDATE events SET capacity = $2, waitlist_enabled = true, max_seats_per_registration = 2,
                waitlist_offer_min = 30
         WHERE slug = $1 RETURNING id",
    )
    .bind(slug)
    .bind(capacity)
    .fetch_one(&app.pool)
    .await
    .expect("event")
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

async fn status_of(app: &TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT status FROM event_participants WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .expect("participant")
}

/// A token that went out in a mail to `to` (template and JSON field given).
async fn mailed_token(app: &TestApp, template: &str, to: &str, field: &str) -> String {
    sqlx::query_scalar(
        "SELECT payload ->> $3 FROM email_outbox WHERE template = $1 AND to_address = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(template)
    .bind(to)
    .bind(field)
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|_| panic!("{template} to {to}"))
}

async fn expire_offers_now(app: &TestApp) {
    sqlx::query("UPDATE event_participants SET offer_expires_at = now() - interval '1 second' WHERE status = 'offered'")
        .execute(&app.pool)
        .await
        .expect("age offers");
    sqlx::query("UPDATE jobs SET run_at = now() WHERE kind = $1 AND done_at IS NULL")
        .bind(waitlist::EXPIRY_KIND)
        .execute(&app.pool)
        .await
        .expect("due");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_freed_seat_goes_down_the_waitlist_until_someone_accepts_it() {
    let app = TestApp::spawn().await;
    let event = event(&app, "Liste attente", 1).await;
    assert!(matches!(
        join(&app, event, 1, 1).await,
        Ok(Outcome::Registered { .. })
    ));
    assert!(matches!(
        join(&app, event, 2, 1).await,
        Ok(Outcome::Waitlisted { .. })
    ));
    assert!(matches!(
        join(&app, event, 3, 1).await,
        Ok(Outcome::Waitlisted { .. })
    ));
    assert_eq!(
        join(&app, event, 2, 1).await.expect("again"),
        Outcome::AlreadyWaitlisted
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        1
    );

    // The first registrant cancels through the link in their mail: the seat is offered to guest 2.
    let manage_token = mailed_token(
        &app,
        "registration_confirmed",
        "g1@example.fr",
        "manage_token",
    )
    .await;
    manage::cancel(&app.pool, &manage_token)
        .await
        .expect("cancelled");
    assert_eq!(status_of(&app, "g1@example.fr").await, "cancelled");
    assert_eq!(status_of(&app, "g2@example.fr").await, "offered");
    assert_eq!(
        scalar(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        1,
        "held for the offer"
    );
    assert!(
        matches!(
            join(&app, event, 4, 1).await,
            Ok(Outcome::Waitlisted { .. })
        ),
        "no jumping the line"
    );
    let cancelled_tickets = scalar(
        &app,
        "SELECT count(*) FROM tickets WHERE event_id = $1 AND status = 'cancelled'",
        event,
    )
    .await;
    assert_eq!(cancelled_tickets, 1);

    // Guest 2 lets the offer lapse: the job gives it to guest 3.
    let lapsed_token = mailed_token(&app, "waitlist_offer", "g2@example.fr", "token").await;
    expire_offers_now(&app).await;
    let report = jobs::run_due(&app.pool, &jobs::JobSettings::default())
        .await
        .expect("jobs");
    assert_eq!(report.done, 1);
    assert_eq!(status_of(&app, "g2@example.fr").await, "cancelled");
    assert_eq!(status_of(&app, "g3@example.fr").await, "offered");
    assert!(matches!(
        waitlist::accept(&app.pool, SECRET, &lapsed_token).await,
        Err(AppError::Conflict)
    ));

    // Guest 3 accepts (twice: a double click): one ticket, the seat stays counted once.
    let token = mailed_token(&app, "waitlist_offer", "g3@example.fr", "token").await;
    let code = waitlist::accept(&app.pool, SECRET, &token)
        .await
        .expect("accepted");
    assert_eq!(
        waitlist::accept(&app.pool, SECRET, &token)
            .await
            .expect("again"),
        code
    );
    assert_eq!(status_of(&app, "g3@example.fr").await, "registered");
    assert_eq!(
        scalar(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM tickets WHERE event_id = $1 AND status = 'valid'",
            event
        )
        .await,
        1
    );
    assert_eq!(status_of(&app, "g4@example.fr").await, "waitlisted");
    assert!(matches!(
        waitlist::accept(&app.pool, SECRET, "not-a-token").await,
        Err(AppError::NotFound)
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn self_cancel_stops_at_the_cutoff_and_after_the_door() {
    let app = TestApp::spawn().await;
    let event = event(&app, "Annulation tardive", 10).await;
    join(&app, event, 1, 2).await.expect("registered");
    let token = mailed_token(
        &app,
        "registration_confirmed",
        "g1@example.fr",
        "manage_token",
    )
    .await;
    let page = app
        .get(&format!("/manage/{token}"), &[("accept-language", "fr")])
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Annuler mon inscription"),
        "open before the cutoff"
    );
    // The organizer closes self-cancel 4 days before the start (it is in 3 days).
    sqlx::query("UPDATE events SET cancellation_cutoff_min = 4 * 24 * 60 WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("cutoff");
    let late = manage::cancel(&app.pool, &token).await;
    assert!(
        matches!(&late, Err(e) if e.field_errors().and_then(|f| f.get("cancel")).is_some()),
        "{late:?}"
    );
    sqlx::query("UPDATE events SET cancellation_cutoff_min = 0 WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("no cutoff");
    sqlx::query("UPDATE tickets SET status = 'used', checked_in_at = now() WHERE id = (SELECT min(id) FROM tickets WHERE event_id = $1)")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("used");
    assert!(
        manage::cancel(&app.pool, &token).await.is_err(),
        "a ticket was used at the door"
    );
    assert_eq!(status_of(&app, "g1@example.fr").await, "registered");
    assert_eq!(
        scalar(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            event
        )
        .await,
        2
    );
    let missing = app
        .get(
            "/manage/AAAAAAAAAAAAAAAAAAAAAA",
            &[("accept-language", "fr")],
        )
        .await;
    assert_eq!(missing.status, 404);
}

/// Decodes a PNG QR code with a decoder crate (not ours).
fn decode(png: &[u8]) -> String {
    let image = image::load_from_memory(png).expect("png").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        image.width() as usize,
        image.height() as usize,
        |x, y| image.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}

async fn organizer_of(app: &TestApp, event: i64, email: &str) -> String {
    let (id, cookie) = signed_in(app, email).await;
    hand_over(app, event, id).await;
    cookie
}

async fn hand_over(app: &TestApp, event: i64, organizer: i64) {
    sqlx::query("UPDATE events SET organizer_id = $2 WHERE id = $1")
        .bind(event)
        .bind(organizer)
        .execute(&app.pool)
        .await
        .expect("organizer");
}

fn json(reply: &common::Reply) -> Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("{} {}", reply.status, reply.body))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_door_admits_a_ticket_once_and_says_why_it_refuses_the_others() {
    let app = TestApp::spawn().await;
    let event = event(&app, "Soirée porte", 10).await;
    let other = event_for_other(&app).await;
    join(&app, event, 1, 1).await.expect("registered");
    let payload: String = sqlx::query_scalar(
        "SELECT payload #>> '{tickets,0,qr_payload}' FROM email_outbox WHERE template = 'registration_confirmed' AND to_address = 'g1@example.fr'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("payload");
    // The QR in the mail decodes, with a decoder of its own, to a payload that verifies; one byte
    // changed and it does not.
    let read = decode(&qr::png(&payload).expect("png"));
    assert_eq!(read, payload);
    let key = codes::event_key(SECRET, event);
    assert!(codes::verify(&key, &read).is_some());
    for at in 0..read.len() {
        let mut bytes = read.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(bytes).expect("ascii");
        assert!(
            codes::verify(&key, &changed).is_none(),
            "byte {at} changed: {changed}"
        );
    }

    // The router signs with its dev secret: scan what it issues.
    let (organizer, cookie) = signed_in(&app, "orga-porte@example.fr").await;
    hand_over(&app, event, organizer).await;
    hand_over(&app, other, organizer).await;
    let body = format!(
        "event_id={event}&seats=1&full_name=Lina+Porte&email=lina%40example.fr&consent=on&locale=fr"
    );
    let registered = app
        .post_form("/api/fn/register", &body, &[("accept", "application/json")])
        .await;
    assert_eq!(registered.status, 200, "{}", registered.body);
    let issued: String = sqlx::query_scalar(
        "SELECT payload #>> '{tickets,0,qr_payload}' FROM email_outbox WHERE to_address = 'lina@example.fr'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("issued");
    let scan = |value: String, event: i64| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            let body = format!(
                "event_id={event}&value={}",
                app::urls::encode_query_value(&value)
            );
            call(app, "checkin_scan", &body, &cookie).await
        }
    };
    // Two devices at once: exactly one admits.
    let (a, b) = tokio::join!(scan(issued.clone(), event), scan(issued.clone(), event));
    let verdicts = [json(&a)["verdict"].clone(), json(&b)["verdict"].clone()];
    assert!(verdicts.contains(&Value::from("admitted")), "{verdicts:?}");
    assert!(
        verdicts.contains(&Value::from("already_used")),
        "{verdicts:?}"
    );
    let again = json(&scan(issued.clone(), event).await);
    assert_eq!(again["verdict"], "already_used");
    assert_eq!(again["attendee_name"], "Lina Porte");
    assert!(
        again["used_at"].as_str().is_some_and(|t| t.len() == 5),
        "HH:MM: {again}"
    );
    assert_eq!(again["counts"]["checked_in"], 1);
    // Another event's door, a forged and a truncated payload, an unknown code.
    let wrong = call(
        &app,
        "checkin_scan",
        &format!(
            "event_id={other}&value={}",
            app::urls::encode_query_value(&issued)
        ),
        &cookie,
    )
    .await;
    assert_eq!(json(&wrong)["verdict"], "other_event");
    let forged = issued.replacen(".", ".9", 1);
    assert_eq!(json(&scan(forged, event).await)["verdict"], "unknown");
    assert_eq!(
        json(&scan(issued[..issued.len() - 4].to_owned(), event).await)["verdict"],
        "unknown"
    );
    assert_eq!(
        json(&scan("AAAAAAAAAAAAAAAAAAAAAA".into(), event).await)["verdict"],
        "unknown"
    );

    // Someone who is not on the door team: 403; signed out: 401. Nothing changes.
    let (_, stranger) = signed_in(&app, "passant@example.fr").await;
    let refused = call(
        &app,
        "checkin_scan",
        &format!("event_id={event}&value=x"),
        &stranger,
    )
    .await;
    assert_eq!(refused.status, 403);
    let anonymous = app
        .post_form(
            "/api/fn/checkin_scan",
            &format!("event_id={event}&value=x"),
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(anonymous.status, 401);
    let kit = call(
        &app,
        "checkin_offline",
        &format!("event_id={event}"),
        &stranger,
    )
    .await;
    assert_eq!(kit.status, 403, "the event key is for the door team only");
}

async fn event_for_other(app: &TestApp) -> i64 {
    event(app, "Autre soiree", 10).await
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_scans_replay_and_report_conflicts_and_a_co_organizer_can_scan() {
    let app = TestApp::spawn().await;
    let event = event(&app, "Sous-sol", 10).await;
    let cookie = organizer_of(&app, event, "orga-soussol@example.fr").await;
    for n in 1..=2 {
        let body = format!(
            "event_id={event}&seats=1&full_name=P{n}&email=p{n}%40example.fr&consent=on&locale=fr"
        );
        let reply = app
            .post_form("/api/fn/register", &body, &[("accept", "application/json")])
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    let kit = json(
        &call(
            &app,
            "checkin_offline",
            &format!("event_id={event}"),
            &cookie,
        )
        .await,
    );
    assert_eq!(kit["tickets"].as_array().map(Vec::len), Some(2));
    assert!(
        kit["key"].as_str().is_some_and(|k| k.len() == 43),
        "32 bytes, base64url"
    );
    let payloads: Vec<String> = sqlx::query_scalar(
        "SELECT payload #>> '{tickets,0,qr_payload}' FROM email_outbox WHERE template = 'registration_confirmed' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("payloads");
    // The first ticket is admitted online by another device while this one is offline.
    let online = call(
        &app,
        "checkin_scan",
        &format!(
            "event_id={event}&value={}",
            app::urls::encode_query_value(&payloads[0])
        ),
        &cookie,
    )
    .await;
    assert_eq!(json(&online)["verdict"], "admitted");
    let now = chrono::Utc::now().timestamp_millis();
    let scans = serde_json::json!([{ "value": payloads[0], "at": now - 1000 }, { "value": payloads[1], "at": now - 500 }]);
    let synced = call(
        &app,
        "checkin_sync",
        &format!(
            "event_id={event}&scans={}",
            app::urls::encode_query_value(&scans.to_string())
        ),
        &cookie,
    )
    .await;
    let results = json(&synced);
    assert_eq!(results[0]["conflict"], true);
    assert_eq!(results[0]["verdict"], "already_used");
    assert_eq!(results[1]["conflict"], false);
    assert_eq!(results[1]["verdict"], "admitted");
    let bad = call(
        &app,
        "checkin_sync",
        &format!("event_id={event}&scans=nope"),
        &cookie,
    )
    .await;
    assert_eq!(bad.status, 422);

    // A co-organizer invited by email joins the door team through the link.
    let invited = call(
        &app,
        "invite_co_organizer",
        &format!("event_id={event}&email=aide%40example.fr&locale=fr"),
        &cookie,
    )
    .await;
    assert_eq!(invited.status, 200, "{}", invited.body);
    let token = mailed_token(&app, "co_organizer_invitation", "aide@example.fr", "token").await;
    let (_, helper) = signed_in(&app, "aide@example.fr").await;
    let before = call(
        &app,
        "checkin_counts",
        &format!("event_id={event}"),
        &helper,
    )
    .await;
    assert_eq!(before.status, 403);
    let accepted = call(
        &app,
        "accept_invitation",
        &format!("token={token}"),
        &helper,
    )
    .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let counts = json(
        &call(
            &app,
            "checkin_counts",
            &format!("event_id={event}"),
            &helper,
        )
        .await,
    );
    assert_eq!(counts["checked_in"], 2);
    let reused = call(
        &app,
        "accept_invitation",
        &format!("token={token}"),
        &helper,
    )
    .await;
    assert_eq!(reused.status, 409);
    let participants = call(
        &app,
        "participants",
        &format!("event_id={event}&locale=fr&filter%5Bq%5D=&filter%5Bstatus%5D="),
        &helper,
    )
    .await;
    assert_eq!(
        participants.status, 403,
        "the door team does not see the list"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn organizers_see_search_export_and_message_their_participants() {
    let app = TestApp::spawn().await;
    let event = event(&app, "Liste export", 10).await;
    sqlx::query("UPDATE events SET registration_questions = '[{\"label\": \"Régime\", \"choices\": [\"Aucun\", \"Vegan\"]}]' WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("questions");
    let cookie = organizer_of(&app, event, "orga-liste@example.fr").await;
    let body = format!(
        "event_id={event}&seats=2&attendees%5B0%5D=Marc+Dupont&full_name=Zo%C3%A9+Durand&email=zoe%40example.fr&consent=on&answers%5B0%5D=Vegan&locale=fr"
    );
    let reply = app
        .post_form("/api/fn/register", &body, &[("accept", "application/json")])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let wrong_answer = format!(
        "event_id={event}&seats=1&full_name=Bob&email=bob%40example.fr&consent=on&answers%5B0%5D=Pizza&locale=fr"
    );
    let refused = app
        .post_form(
            "/api/fn/register",
            &wrong_answer,
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("answer_1"), "{}", refused.body);

    let page = app
        .get(
            &format!("/organizer/events/{event}/participants?q=zoe"),
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Zoé Durand")
            && page.body.contains("Marc Dupont")
            && page.body.contains("Vegan")
    );
    let nobody = app
        .get(
            &format!("/organizer/events/{event}/participants?q=personne"),
            &[("cookie", &cookie)],
        )
        .await;
    assert!(!nobody.body.contains("Zoé Durand"));

    let csv = app
        .get(
            &format!("/organizer/events/{event}/participants.csv?sep=semicolon"),
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    assert!(csv.body.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        csv.body.contains("Zoé Durand;zoe@example.fr;"),
        "{}",
        csv.body
    );
    assert!(
        csv.body
            .lines()
            .next()
            .is_some_and(|h| h.ends_with("Régime"))
    );
    let pdf = app
        .get(
            &format!("/organizer/events/{event}/participants.pdf"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with("%PDF-1.4"));
    let (_, stranger) = signed_in(&app, "curieux@example.fr").await;
    let forbidden = app
        .get(
            &format!("/organizer/events/{event}/participants.csv"),
            &[("cookie", &stranger)],
        )
        .await;
    assert_eq!(forbidden.status, 403);
    let anonymous = app
        .get(&format!("/organizer/events/{event}/participants.pdf"), &[])
        .await;
    assert_eq!(anonymous.status, 401);

    // The ticket's PDF, for whoever holds the code.
    let code: String =
        sqlx::query_scalar("SELECT code FROM tickets WHERE attendee_name = 'Marc Dupont'")
            .fetch_one(&app.pool)
            .await
            .expect("code");
    let ticket = app.get(&format!("/tickets/{code}/ticket.pdf"), &[]).await;
    assert_eq!(ticket.status, 200);
    assert!(ticket.body.starts_with("%PDF-1.4") && ticket.body.contains("Marc Dupont"));
    assert_eq!(
        app.get("/tickets/AAAAAAAAAAAAAAAAAAAAAA/ticket.pdf", &[])
            .await
            .status,
        404
    );

    // A message to all: queued per participant, three a day at most.
    for n in 1..=3 {
        let sent = call(
            &app,
            "message_participants",
            &format!("event_id={event}&subject=Info+{n}&body=Rendez-vous+au+2e+%C3%A9tage."),
            &cookie,
        )
        .await;
        assert_eq!(json(&sent), Value::from(1), "{}", sent.body);
    }
    let fourth = call(
        &app,
        "message_participants",
        &format!("event_id={event}&subject=Encore&body=Un+message+de+trop."),
        &cookie,
    )
    .await;
    assert_eq!(fourth.status, 422);
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM email_outbox WHERE template = 'participant_message' AND $1 > 0",
            1
        )
        .await,
        3
    );
    let stranger_message = call(
        &app,
        "message_participants",
        &format!("event_id={event}&subject=Spam&body=Un+message+de+trop."),
        &stranger,
    )
    .await;
    assert_eq!(stranger_message.status, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn guest_registrations_join_the_account_that_confirms_the_address() {
    let app = TestApp::spawn().await;
    let event = event(&app, "Rattachement", 10).await;
    join(&app, event, 7, 1).await.expect("registered");
    let user: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, full_name) VALUES ('G7@example.fr', 'Sept') RETURNING id",
    )
    .fetch_one(&app.pool)
    .await
    .expect("user");
    let mut conn = app.pool.acquire().await.expect("conn");
    let attached = app::tickets::server::attach_guest_registrations(&mut conn, user)
        .await
        .expect("attach");
    assert_eq!(attached, 0, "an unconfirmed address proves nothing");
    sqlx::query("UPDATE users SET email_verified_at = now() WHERE id = $1")
        .bind(user)
        .execute(&app.pool)
        .await
        .expect("verify");
    let attached = app::tickets::server::attach_guest_registrations(&mut conn, user)
        .await
        .expect("attach");
    assert_eq!(attached, 1);
    let tickets = app::tickets::server::ticket::of_user(&app.pool, user, Locale::Fr)
        .await
        .expect("tickets");
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0].event_title, "Rattachement");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_organizer_hears_of_registrations_as_their_setting_says() {
    let app = TestApp::spawn().await;
    let each = event(&app, "Chaque fois", 10).await;
    let daily = event(&app, "Une fois par jour", 10).await;
    let never = event(&app, "Jamais", 10).await;
    for (id, setting) in [(each, "each"), (daily, "daily"), (never, "none")] {
        sqlx::query("UPDATE events SET organizer_notify = $2 WHERE id = $1")
            .bind(id)
            .bind(setting)
            .execute(&app.pool)
            .await
            .expect("setting");
    }
    let activity = |id: i64| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM email_outbox WHERE template IN ('organizer_activity', 'organizer_digest')
                   AND payload #>> '{event,id}' = $1::text",
            )
            .bind(id)
            .fetch_one(&pool)
            .await
            .expect("count")
        }
    };
    for (n, id) in [(1, each), (2, daily), (3, never)] {
        join(&app, id, n, 1).await.expect("registered");
    }
    assert_eq!(activity(each).await, 1, "a mail for each registration");
    assert_eq!(
        activity(daily).await,
        0,
        "the summary waits for the evening"
    );
    assert_eq!(activity(never).await, 0);
    let token = mailed_token(
        &app,
        "registration_confirmed",
        "g1@example.fr",
        "manage_token",
    )
    .await;
    manage::cancel(&app.pool, &token).await.expect("cancelled");
    assert_eq!(activity(each).await, 2, "and for each cancellation");
    // The evening comes: one summary for the daily event, none for the others.
    sqlx::query("UPDATE jobs SET run_at = now() WHERE kind = $1")
        .bind(app::tickets::server::organizer::DIGEST_KIND)
        .execute(&app.pool)
        .await
        .expect("evening");
    jobs::run_due(&app.pool, &jobs::JobSettings::default())
        .await
        .expect("jobs");
    assert_eq!(activity(daily).await, 1);
    assert_eq!(activity(never).await, 0);
    let digest: Value =
        sqlx::query_scalar("SELECT payload FROM email_outbox WHERE template = 'organizer_digest'")
            .fetch_one(&app.pool)
            .await
            .expect("digest");
    assert_eq!(digest["registered"], 1);
}
