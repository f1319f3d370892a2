//! Webhooks against a real database and a real HTTP receiver on loopback: endpoints made on the
//! page, notices emitted in the same transactions as the changes, signed deliveries that a receiver
//! can verify, retries after a failure, and the log the organizer sees.

use axum::{Router, body::Bytes, extract::State, http::HeaderMap, routing::post};
use hmac::{Hmac, Mac};
use http::StatusCode;
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::{Arc, Mutex};

use crate::common::{
    TestApp,
    accounts::{call, signed_in},
};
use app::webhooks::server::{DeliveryReport, client, deliver_due};

/// One request as the receiver got it.
type Received = (HeaderMap, Vec<u8>);

#[derive(Clone, Default)]
struct Receiver {
    seen: Arc<Mutex<Vec<Received>>>,
    /// Answers to give, in order (then 200).
    answers: Arc<Mutex<Vec<u16>>>,
}

async fn hook(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    receiver
        .seen
        .lock()
        .expect("lock")
        .push((headers, body.to_vec()));
    let next = {
        let mut answers = receiver.answers.lock().expect("lock");
        if answers.is_empty() {
            200
        } else {
            answers.remove(0)
        }
    };
    StatusCode::from_u16(next).unwrap_or(StatusCode::OK)
}

async fn start_receiver(receiver: Receiver) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let app = Router::new()
        .route("/hook", post(hook))
        .with_state(receiver);
    tokio::spawn(async move { axum::serve(listener, app).await.ok() });
    format!("http://{address}/hook")
}

/// What a receiver does: recompute the signature from the key, the id, the timestamp and the body.
fn verify(secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(
        format!(
            "{}.{}.",
            header("meetral-webhook-id"),
            header("meetral-webhook-timestamp")
        )
        .as_bytes(),
    );
    mac.update(body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    header("meetral-signature") == format!("v1={expected}")
}

fn secret_on(page: &str) -> String {
    page.split("class=\"token-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the key on the page")
        .to_owned()
}

#[tokio::test]
async fn organizers_get_signed_retried_deliveries_and_see_them_in_their_log() {
    let app = TestApp::with_args(&["--webhook-allow-private", "true"]).await;
    let receiver = Receiver::default();
    let url = start_receiver(receiver.clone()).await;
    let (organizer, cookie) = signed_in(&app, "hooks@orga.test").await;
    // Only the kinds ticked: registrations and check-ins, not status changes.
    let body = format!(
        "url={}&events[0]=registration.created&events[1]=checkin.created",
        url.replace(':', "%3A").replace('/', "%2F")
    );
    let made = app
        .post_form(
            "/api/fn/create_webhook",
            &body,
            &[("cookie", &cookie), ("accept", "text/html")],
        )
        .await;
    assert!(
        made.status.is_redirection(),
        "{} {}",
        made.status,
        made.body
    );
    let page = app.get("/account/webhooks", &[("cookie", &cookie)]).await;
    let secret = secret_on(&page.body);
    assert!(secret.starts_with("whsec_"));
    assert!(
        !app.get("/account/webhooks", &[("cookie", &cookie)])
            .await
            .body
            .contains(&secret),
        "shown once"
    );
    // Bad input: refused at its field, nothing made.
    let refused = call(
        &app,
        "create_webhook",
        "url=javascript%3Aalert(1)&events[0]=nope",
        &cookie,
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("\"url\"") && refused.body.contains("\"events\""));

    let slug = app
        .insert_event(
            "Webhooks en direct",
            std::time::Duration::from_secs(5 * 86_400),
            true,
        )
        .await;
    let event_id: i64 = sqlx::query_scalar(
        "UPDATE events SET organizer_id = $1, capacity = 10 WHERE slug = $2 RETURNING id",
    )
    .bind(organizer)
    .bind(&slug)
    .fetch_one(&app.pool)
    .await
    .expect("event");
    // A guest registers through the web form's service (here via the API): one notice, queued in the
    // registration's transaction.
    let guest = json!({"full_name": "Maëlle Hook", "email": "maelle@example.org", "consent": true})
        .to_string();
    let request = http::Request::post(format!("/api/v1/events/{event_id}/registrations"))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(guest))
        .expect("request");
    let registered = app.request(request).await;
    assert_eq!(registered.status, 201, "{}", registered.body);
    let code = serde_json::from_str::<Value>(&registered.body).expect("json")["tickets"][0]
        .as_str()
        .expect("ticket")
        .to_owned();

    // The receiver fails the first time: retried later, then delivered.
    receiver.answers.lock().expect("lock").push(500);
    let http = client();
    assert_eq!(
        deliver_due(&app.pool, &http).await.expect("round"),
        DeliveryReport {
            delivered: 0,
            retried: 1,
            failed: 0
        }
    );
    let (attempts, status, last): (i32, String, Option<i32>) =
        sqlx::query_as("SELECT attempts, status, last_status FROM webhook_deliveries")
            .fetch_one(&app.pool)
            .await
            .expect("delivery");
    assert_eq!((attempts, status.as_str(), last), (1, "pending", Some(500)));
    assert_eq!(
        deliver_due(&app.pool, &http).await.expect("round"),
        DeliveryReport::default(),
        "not before its time"
    );
    sqlx::query("UPDATE webhook_deliveries SET next_attempt_at = now()")
        .execute(&app.pool)
        .await
        .expect("due");
    assert_eq!(
        deliver_due(&app.pool, &http)
            .await
            .expect("round")
            .delivered,
        1
    );

    let seen = receiver.seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 2);
    let (headers, body) = &seen[1];
    assert!(
        verify(&secret, headers, body),
        "the signature checks out with the endpoint's key"
    );
    assert!(!verify("whsec_someone-else", headers, body));
    let mut tampered = body.clone();
    tampered.push(b' ');
    assert!(!verify(&secret, headers, &tampered), "a changed body fails");
    assert_eq!(
        headers["meetral-webhook-id"], seen[0].0["meetral-webhook-id"],
        "retries keep the id"
    );
    let notice: Value = serde_json::from_slice(body).expect("json");
    assert_eq!(notice["type"], "registration.created");
    assert_eq!(notice["data"]["event_id"], event_id);
    assert_eq!(notice["data"]["full_name"], "Maëlle Hook");

    // A check-in at the door: one more notice. Cancelling the event: none (not subscribed).
    let token = app::accounts::server::api_tokens::create(
        &app.pool,
        organizer,
        "door",
        &[
            app::accounts::model::Scope::Checkin,
            app::accounts::model::Scope::Write,
        ],
        30,
    )
    .await
    .expect("token")
    .1;
    let scan = http::Request::post(format!("/api/v1/my/events/{event_id}/checkin"))
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::from(json!({"value": code}).to_string()))
        .expect("request");
    assert_eq!(app.request(scan).await.status, 200);
    let cancel = http::Request::post(format!("/api/v1/my/events/{event_id}/cancel"))
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::from("{}"))
        .expect("request");
    assert_eq!(app.request(cancel).await.status, 200);
    assert_eq!(
        deliver_due(&app.pool, &http)
            .await
            .expect("round")
            .delivered,
        1
    );
    let seen = receiver.seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 3);
    let checkin: Value = serde_json::from_slice(&seen[2].1).expect("json");
    assert_eq!(checkin["type"], "checkin.created");
    assert!(verify(&secret, &seen[2].0, &seen[2].1));

    // The organizer's log, newest first; another account sees none of it and cannot delete it.
    let log = app
        .get("/account/webhooks", &[("cookie", &cookie)])
        .await
        .body;
    assert!(
        log.contains("checkin.created")
            && log.contains("registration.created")
            && log.contains("Reçu (200)"),
        "{log}"
    );
    let (_, other) = signed_in(&app, "nosy@orga.test").await;
    let theirs = app
        .get("/account/webhooks", &[("cookie", &other)])
        .await
        .body;
    assert!(!theirs.contains("data-delivery-status") && !theirs.contains(&url));
    let id: i64 = sqlx::query_scalar("SELECT id FROM webhook_endpoints")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    assert_eq!(
        call(&app, "delete_webhook", &format!("id={id}"), &other)
            .await
            .status,
        404
    );
    assert_eq!(
        call(&app, "delete_webhook", &format!("id={id}"), &cookie)
            .await
            .status,
        200
    );
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM webhook_deliveries")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(left, 0, "the log goes with its endpoint");
}

#[tokio::test]
async fn unreachable_endpoints_are_given_up_after_eight_attempts_and_private_ones_are_refused() {
    let app = TestApp::spawn().await;
    let (organizer, cookie) = signed_in(&app, "gone@orga.test").await;
    // Without the operator's permission, loopback and plain http are refused.
    let refused = call(
        &app,
        "create_webhook",
        "url=http%3A%2F%2F127.0.0.1%3A9%2Fhook&events[0]=checkin.created",
        &cookie,
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    // A closed port, written directly (as with the permission).
    let (endpoint, _) = app::webhooks::server::create(
        &app.pool,
        organizer,
        "http://127.0.0.1:9/hook",
        &["event.status_changed".to_owned()],
    )
    .await
    .expect("endpoint");
    let slug = app
        .insert_event(
            "Webhooks perdus",
            std::time::Duration::from_secs(5 * 86_400),
            false,
        )
        .await;
    let event_id: i64 =
        sqlx::query_scalar("UPDATE events SET organizer_id = $1 WHERE slug = $2 RETURNING id")
            .bind(organizer)
            .bind(&slug)
            .fetch_one(&app.pool)
            .await
            .expect("event");
    let mut conn = app.pool.acquire().await.expect("conn");
    app::webhooks::server::emit_status(&mut conn, event_id, "cancelled")
        .await
        .expect("emit");
    drop(conn);
    let http = client();
    for round in 1..=8 {
        sqlx::query("UPDATE webhook_deliveries SET next_attempt_at = now()")
            .execute(&app.pool)
            .await
            .expect("due");
        let report = deliver_due(&app.pool, &http).await.expect("round");
        let expected = if round < 8 {
            DeliveryReport {
                retried: 1,
                ..Default::default()
            }
        } else {
            DeliveryReport {
                failed: 1,
                ..Default::default()
            }
        };
        assert_eq!(report, expected, "round {round}");
    }
    let (status, error): (String, Option<String>) =
        sqlx::query_as("SELECT status, last_error FROM webhook_deliveries WHERE endpoint_id = $1")
            .bind(endpoint)
            .fetch_one(&app.pool)
            .await
            .expect("delivery");
    assert_eq!(status, "failed");
    assert_eq!(error.as_deref(), Some("connection refused or unreachable"));
    sqlx::query("UPDATE webhook_deliveries SET next_attempt_at = now()")
        .execute(&app.pool)
        .await
        .expect("due");
    assert_eq!(
        deliver_due(&app.pool, &http).await.expect("round"),
        DeliveryReport::default(),
        "given up for good"
    );
}
