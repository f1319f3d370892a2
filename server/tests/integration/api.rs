//! The REST API (/api/v1) against a real database: tokens made in the profile, scopes, problems for
//! every kind of bad input, ETags, cursors, and the same registration service as the web form.

use axum::body::Body;
use http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::common::{
    Reply, TestApp,
    accounts::{call, signed_in, user},
    join_all,
};
use app::accounts::{model::Scope, server::api_tokens};

async fn token(app: &TestApp, user_id: i64, scopes: &[Scope]) -> String {
    api_tokens::create(&app.pool, user_id, "test", scopes, 30)
        .await
        .expect("token")
        .1
}

async fn api(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Reply {
    let mut builder = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"));
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if body.is_some() {
        builder = builder.header(header::CONTENT_TYPE, "application/json");
    }
    let request = builder
        .body(body.map(|b| Body::from(b.to_owned())).unwrap_or_default())
        .expect("request");
    let reply = app.request(request).await;
    assert!(
        reply.status.as_u16() < 500,
        "{method} {path}: {} {}",
        reply.status,
        reply.body
    );
    reply
}

fn json_of(reply: &Reply) -> Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("JSON: {}", reply.body))
}

/// A problem+json reply with `status`; its document.
fn problem(reply: &Reply, status: u16) -> Value {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.body);
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let body = json_of(reply);
    assert_eq!(body["status"], status);
    assert!(
        body["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("/api/v1/docs#problem-"))
    );
    assert!(!body["detail"].as_str().unwrap_or_default().is_empty());
    body
}

fn event_json(changes: Value) -> String {
    let start = (chrono::Utc::now() + chrono::Duration::days(30)).format("%Y-%m-%d");
    let mut body = json!({
        "title": "Atelier API Meetral",
        "summary": "Un atelier pour brancher son application sur Meetral.",
        "description": "Au programme : **jetons**, webhooks et questions.",
        "category": "networking",
        "starts_at": format!("{start}T18:30:00+01:00"),
        "ends_at": format!("{start}T21:00:00+01:00"),
        "mode": "in_person",
        "venue_name": "H7",
        "address_line": "70 quai Perrache",
        "postal_code": "69002",
        "city": "Lyon",
        "latitude": 45.7421,
        "longitude": 4.8176,
        "capacity": 3,
        "free_food": true,
        "free_food_details": "Pizzas"
    });
    if let (Some(target), Some(changes)) = (body.as_object_mut(), changes.as_object()) {
        for (key, value) in changes {
            target.insert(key.clone(), value.clone());
        }
    }
    body.to_string()
}

fn scan(value: &str) -> String {
    json!({ "value": value }).to_string()
}

async fn preflight(app: &TestApp) -> Reply {
    let request = Request::builder()
        .method("OPTIONS")
        .uri("/api/v1/events")
        .header(header::ORIGIN, "https://app.example.org")
        .header("access-control-request-method", "GET")
        .body(Body::empty())
        .expect("request");
    app.request(request).await
}

async fn published(app: &TestApp, event_id: i64) {
    sqlx::query("UPDATE events SET status = 'published', published_at = now() WHERE id = $1")
        .bind(event_id)
        .execute(&app.pool)
        .await
        .expect("publish");
}

#[tokio::test]
async fn a_token_made_in_the_profile_is_shown_once_stored_hashed_and_revocable() {
    let app = TestApp::spawn().await;
    let (user_id, cookie) = signed_in(&app, "dev@api.test").await;
    let made = app
        .post_form(
            "/api/fn/create_api_token",
            "name=Mon+script&lifetime=30&read=on",
            &[("cookie", &cookie), ("accept", "text/html")],
        )
        .await;
    assert!(made.status.is_redirection(), "{}", made.body);
    let page = app.get("/account/tokens", &[("cookie", &cookie)]).await;
    assert_eq!(page.status, 200);
    let secret = page
        .body
        .split("class=\"token-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the new token on the page")
        .to_owned();
    assert!(secret.starts_with("mtl_") && secret.len() > 40, "{secret}");
    assert!(page.body.contains("Mon script"));
    // Shown once: the next visit lists it by its first characters only.
    let again = app.get("/account/tokens", &[("cookie", &cookie)]).await;
    assert!(!again.body.contains(&secret));
    assert!(again.body.contains(&secret[..12]));
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT token_hash FROM api_tokens WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&app.pool)
            .await
            .expect("row");
    assert_eq!(stored.len(), 32);
    assert!(!String::from_utf8_lossy(&stored).contains(&secret[4..]));
    // Bad form input: each field says why, nothing is made.
    let refused = call(&app, "create_api_token", "name=&lifetime=7", &cookie).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("scopes")
            && refused.body.contains("lifetime")
            && refused.body.contains("name")
    );

    let ok = api(&app, "GET", "/my/tickets", Some(&secret), None).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.headers["ratelimit-limit"], "600");
    assert_eq!(ok.headers["ratelimit-remaining"], "599");
    let used: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT last_used_at FROM api_tokens WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&app.pool)
            .await
            .expect("row");
    assert!(used.is_some(), "last use recorded");
    // Read only: writing is refused for the scope.
    let body = problem(
        &api(
            &app,
            "POST",
            "/my/events",
            Some(&secret),
            Some(&event_json(json!({}))),
        )
        .await,
        403,
    );
    assert!(
        body["type"]
            .as_str()
            .unwrap_or_default()
            .ends_with("insufficient-scope")
    );

    let id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let revoked = app
        .post_form(
            "/api/fn/revoke_api_token",
            &format!("id={id}"),
            &[("cookie", &cookie), ("accept", "text/html")],
        )
        .await;
    assert!(revoked.status.is_redirection());
    let after = problem(
        &api(&app, "GET", "/my/tickets", Some(&secret), None).await,
        401,
    );
    assert!(
        after["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("révoqué")
    );
    assert!(after.to_string().contains("invalid-token"));
    // Someone else cannot revoke my token.
    let (_, other_cookie) = signed_in(&app, "other@api.test").await;
    let live = token(&app, user_id, &[Scope::Read]).await;
    let live_id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens WHERE revoked_at IS NULL")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let foreign = call(
        &app,
        "revoke_api_token",
        &format!("id={live_id}"),
        &other_cookie,
    )
    .await;
    assert_eq!(foreign.status, 404);
    assert_eq!(
        api(&app, "GET", "/my/tickets", Some(&live), None)
            .await
            .status,
        200
    );
    // Expired and made-up tokens.
    sqlx::query("UPDATE api_tokens SET expires_at = now() - interval '1 minute'")
        .execute(&app.pool)
        .await
        .expect("expire");
    let expired = problem(
        &api(&app, "GET", "/my/tickets", Some(&live), None).await,
        401,
    );
    assert!(
        expired["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("expiré")
    );
    problem(
        &api(&app, "GET", "/my/tickets", Some("mtl_nope"), None).await,
        401,
    );
    problem(&api(&app, "GET", "/my/tickets", None, None).await, 401);
    let garbled = Request::get("/api/v1/events")
        .header(header::AUTHORIZATION, "Basic abc")
        .body(Body::empty())
        .expect("request");
    problem(&app.request(garbled).await, 401);
}

#[tokio::test]
async fn the_catalogue_pages_by_cursor_answers_304_and_refuses_bad_filters_at_their_name() {
    let app = TestApp::spawn().await;
    for (title, days) in [("API Un", 3u64), ("API Deux", 4), ("API Trois", 5)] {
        app.insert_event(
            title,
            std::time::Duration::from_secs(days * 86_400),
            days == 4,
        )
        .await;
    }
    let first = api(&app, "GET", "/events?limit=2", None, None).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let page = json_of(&first);
    assert_eq!(page["data"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["data"][0]["title"], "API Un");
    assert!(
        page["data"][0]["starts_at"]
            .as_str()
            .unwrap_or_default()
            .ends_with("+01:00")
            || page["data"][0]["starts_at"]
                .as_str()
                .unwrap_or_default()
                .ends_with("+02:00")
    );
    assert_eq!(page["total"], 3);
    let cursor = page["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let second = json_of(&api(&app, "GET", &format!("/events?cursor={cursor}"), None, None).await);
    assert_eq!(second["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(second["data"][0]["title"], "API Trois");
    assert!(second["next_cursor"].is_null());
    let food = json_of(&api(&app, "GET", "/events?freefood=1", None, None).await);
    assert_eq!(food["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(food["data"][0]["title"], "API Deux");

    let etag = first.headers[header::ETAG]
        .to_str()
        .expect("etag")
        .to_owned();
    let cached = app
        .request(
            Request::get("/api/v1/events?limit=2")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(cached.status, StatusCode::NOT_MODIFIED);
    assert!(cached.body.is_empty());

    for (query, field) in [
        ("when=someday", "when"),
        ("limit=500", "limit"),
        ("cursor=zzz", "cursor"),
        ("lat=91&lon=2", "lat"),
        ("colour=red", "colour"),
        ("sort=nearest", "sort"),
    ] {
        let body = problem(
            &api(&app, "GET", &format!("/events?{query}"), None, None).await,
            422,
        );
        assert_eq!(body["errors"][0]["field"], field, "{query}: {body}");
    }
    let id: i64 = sqlx::query_scalar("SELECT id FROM events WHERE slug = 'api-un'")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let detail = json_of(&api(&app, "GET", &format!("/events/{id}"), None, None).await);
    assert_eq!(detail["slug"], "api-un");
    assert_eq!(detail["status"], "published");
    problem(&api(&app, "GET", "/events/999999", None, None).await, 404);
    problem(&api(&app, "GET", "/events/abc", None, None).await, 404);
    let english = app
        .request(
            Request::get("/api/v1/events/999999")
                .header(header::ACCEPT_LANGUAGE, "en")
                .body(Body::empty())
                .expect("r"),
        )
        .await;
    assert!(
        english
            .body
            .contains("\"detail\":\"This content could not be found.\""),
        "{}",
        english.body
    );
    let categories = json_of(&api(&app, "GET", "/categories", None, None).await);
    assert!(
        categories
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["slug"] == "networking"))
    );
    problem(&api(&app, "GET", "/nowhere", None, None).await, 404);
    problem(&api(&app, "DELETE", "/events", None, None).await, 405);
}

#[tokio::test]
async fn organizers_write_their_events_and_bad_bodies_write_nothing() {
    let app = TestApp::spawn().await;
    let organizer = user(&app, "orga@api.test").await;
    let stranger = user(&app, "stranger@api.test").await;
    let all = [Scope::Read, Scope::Write, Scope::Checkin];
    let (mine, theirs) = (
        token(&app, organizer, &all).await,
        token(&app, stranger, &all).await,
    );
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM events")
            .fetch_one(&app.pool)
            .await
            .expect("count")
    };

    // Each kind of bad body, and where its problem points (`errors[0].field`, or its detail).
    let huge = format!("{{\"title\": \"{}\"}}", "x".repeat(100_000));
    let cases: Vec<(String, u16, &str)> = vec![
        (event_json(json!({"title": ""})), 422, "title"),
        (event_json(json!({"capacity": "ten"})), 422, "capacity"),
        (event_json(json!({"colour": "red"})), 422, "colour"),
        (
            event_json(
                json!({"starts_at": "2001-01-01T10:00:00+01:00", "ends_at": "2001-01-01T12:00:00+01:00"}),
            ),
            422,
            "starts_at",
        ),
        ("{\"title\": ".to_owned(), 400, ""),
        ("[1,2]".to_owned(), 422, ""),
        (huge, 413, ""),
    ];
    for (body, status, field) in &cases {
        let reply = api(&app, "POST", "/my/events", Some(&mine), Some(body)).await;
        let problem = problem(&reply, *status);
        if !field.is_empty() {
            let error = &problem["errors"][0];
            assert!(
                error["field"] == *field
                    || error["detail"].as_str().unwrap_or_default().contains(field),
                "{field}: {problem}"
            );
        }
    }
    let plain = Request::post("/api/v1/my/events")
        .header(header::AUTHORIZATION, format!("Bearer {mine}"))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("title=x"))
        .expect("request");
    problem(&app.request(plain).await, 415);
    assert_eq!(
        count().await,
        0,
        "refused bodies write nothing (not even a draft)"
    );

    let created = api(
        &app,
        "POST",
        "/my/events",
        Some(&mine),
        Some(&event_json(json!({}))),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let event = json_of(&created);
    let id = event["id"].as_i64().expect("id");
    assert_eq!(event["status"], "draft");
    assert!(
        event["starts_at"]
            .as_str()
            .unwrap_or_default()
            .contains("T18:30:00+01:00")
    );
    assert_eq!(
        created.headers[header::LOCATION],
        format!("/api/v1/my/events/{id}").as_str()
    );
    let changed = json_of(
        &api(
            &app,
            "PATCH",
            &format!("/my/events/{id}"),
            Some(&mine),
            Some("{\"title\": \"Atelier API (complet)\"}"),
        )
        .await,
    );
    assert_eq!(changed["title"], "Atelier API (complet)");
    assert_eq!(changed["capacity"], 3, "fields not sent keep their value");
    let bad_patch = problem(
        &api(
            &app,
            "PATCH",
            &format!("/my/events/{id}"),
            Some(&mine),
            Some("{\"capacity\": 0}"),
        )
        .await,
        422,
    );
    assert_eq!(bad_patch["errors"][0]["field"], "capacity");
    // Someone else's event.
    problem(
        &api(
            &app,
            "PATCH",
            &format!("/my/events/{id}"),
            Some(&theirs),
            Some("{\"title\": \"Pris\"}"),
        )
        .await,
        403,
    );
    problem(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/submit"),
            Some(&theirs),
            None,
        )
        .await,
        403,
    );
    problem(
        &api(
            &app,
            "GET",
            &format!("/my/events/{id}/participants"),
            Some(&theirs),
            None,
        )
        .await,
        403,
    );
    problem(
        &api(
            &app,
            "GET",
            &format!("/my/events/{id}/checkin/offline"),
            Some(&theirs),
            None,
        )
        .await,
        403,
    );
    problem(
        &api(&app, "PATCH", "/my/events/424242", Some(&mine), Some("{}")).await,
        404,
    );
    let theirs_list = json_of(&api(&app, "GET", "/my/events", Some(&theirs), None).await);
    assert_eq!(theirs_list.as_array().map(Vec::len), Some(0));

    let submitted = json_of(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/submit"),
            Some(&mine),
            None,
        )
        .await,
    );
    assert!(
        matches!(
            submitted["status"].as_str(),
            Some("published" | "pending_review")
        ),
        "{submitted}"
    );
    problem(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/submit"),
            Some(&mine),
            None,
        )
        .await,
        409,
    );
    published(&app, id).await;

    // A guest registers through the API; the organizer sees them, exports them and admits them.
    let guest = json!({"full_name": "Inès Martin", "email": "ines@example.org", "consent": true})
        .to_string();
    let registered = api(
        &app,
        "POST",
        &format!("/events/{id}/registrations"),
        None,
        Some(&guest),
    )
    .await;
    assert_eq!(registered.status, 201, "{}", registered.body);
    let code = json_of(&registered)["tickets"][0]
        .as_str()
        .expect("a ticket")
        .to_owned();
    let list = json_of(
        &api(
            &app,
            "GET",
            &format!("/my/events/{id}/participants"),
            Some(&mine),
            None,
        )
        .await,
    );
    assert_eq!(list["data"][0]["email"], "ines@example.org");
    problem(
        &api(
            &app,
            "GET",
            &format!("/my/events/{id}/participants?status=gone"),
            Some(&mine),
            None,
        )
        .await,
        422,
    );
    let csv = api(
        &app,
        "GET",
        &format!("/my/events/{id}/participants.csv"),
        Some(&mine),
        None,
    )
    .await;
    assert!(
        csv.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert!(csv.body.contains("ines@example.org"));
    let kit = json_of(
        &api(
            &app,
            "GET",
            &format!("/my/events/{id}/checkin/offline"),
            Some(&mine),
            None,
        )
        .await,
    );
    assert_eq!(kit["tickets"][0]["code"], code.as_str());
    let admitted = json_of(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/checkin"),
            Some(&mine),
            Some(&scan(&code)),
        )
        .await,
    );
    assert_eq!(admitted["verdict"], "admitted");
    assert_eq!(admitted["checked_in"], 1);
    let twice = json_of(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/checkin"),
            Some(&mine),
            Some(&scan(&code)),
        )
        .await,
    );
    assert_eq!(twice["verdict"], "already_used");
    problem(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/checkin"),
            Some(&mine),
            Some("{\"value\": \"\"}"),
        )
        .await,
        422,
    );
    let read_only = token(&app, organizer, &[Scope::Read]).await;
    problem(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/checkin"),
            Some(&read_only),
            Some(&scan(&code)),
        )
        .await,
        403,
    );

    let cancelled = json_of(
        &api(
            &app,
            "POST",
            &format!("/my/events/{id}/cancel"),
            Some(&mine),
            Some("{\"message\": \"Salle indisponible\"}"),
        )
        .await,
    );
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["notified"], 1);
}

#[tokio::test]
async fn registrations_share_the_web_service_capacity_holds_and_tickets_stay_private() {
    let app = TestApp::spawn().await;
    let slug = app
        .insert_event(
            "API Places comptées",
            std::time::Duration::from_secs(7 * 86_400),
            false,
        )
        .await;
    let id: i64 = sqlx::query_scalar("UPDATE events SET capacity = 3 WHERE slug = $1 RETURNING id")
        .bind(&slug)
        .fetch_one(&app.pool)
        .await
        .expect("capacity");
    // Eight guests at once for three seats.
    let attempts = (0..8).map(|n| {
        let app = &app;
        async move {
            let body = json!({"full_name": format!("Invité {n}"), "email": format!("guest{n}@example.org"), "consent": true}).to_string();
            api(app, "POST", &format!("/events/{id}/registrations"), None, Some(&body)).await.status.as_u16()
        }
    });
    let statuses = join_all(attempts.collect()).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        5,
        "{statuses:?}"
    );
    let taken: i32 = sqlx::query_scalar("SELECT seats_taken FROM events WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("seats");
    assert_eq!(taken, 3);
    // The guest rules of the web form, field by field.
    let refused = problem(
        &api(
            &app,
            "POST",
            &format!("/events/{id}/registrations"),
            None,
            Some("{\"email\": \"nope\"}"),
        )
        .await,
        422,
    );
    let fields: Vec<&str> = refused["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"email") && fields.contains(&"full_name") && fields.contains(&"consent"),
        "{fields:?}"
    );
    problem(
        &api(
            &app,
            "POST",
            &format!("/events/{id}/registrations"),
            None,
            Some("{\"seats\": -1}"),
        )
        .await,
        422,
    );

    // An account registers with its token, sees its ticket; another account cannot.
    sqlx::query("UPDATE events SET capacity = 10, max_seats_per_registration = 4 WHERE id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .expect("more seats");
    let holder = user(&app, "holder@api.test").await;
    let other = user(&app, "nosy@api.test").await;
    let (write, nosy) = (
        token(&app, holder, &[Scope::Read, Scope::Write]).await,
        token(&app, other, &[Scope::Read, Scope::Write]).await,
    );
    let read_only = token(&app, holder, &[Scope::Read]).await;
    problem(
        &api(
            &app,
            "POST",
            &format!("/events/{id}/registrations"),
            Some(&read_only),
            Some("{}"),
        )
        .await,
        403,
    );
    let mine = api(
        &app,
        "POST",
        &format!("/events/{id}/registrations"),
        Some(&write),
        Some("{\"seats\": 2, \"attendees\": [\"Léa\"]}"),
    )
    .await;
    assert_eq!(mine.status, 201, "{}", mine.body);
    let mine = json_of(&mine);
    assert_eq!(mine["tickets"].as_array().map(Vec::len), Some(2));
    let again = api(
        &app,
        "POST",
        &format!("/events/{id}/registrations"),
        Some(&write),
        Some("{}"),
    )
    .await;
    assert_eq!(again.status, 200, "already registered: the same tickets");
    let code = mine["tickets"][0].as_str().expect("code").to_owned();
    let tickets = json_of(&api(&app, "GET", "/my/tickets", Some(&write), None).await);
    assert_eq!(tickets.as_array().map(Vec::len), Some(2));
    let ticket = json_of(
        &api(
            &app,
            "GET",
            &format!("/my/tickets/{code}"),
            Some(&write),
            None,
        )
        .await,
    );
    assert_eq!(ticket["event_slug"], slug.as_str());
    assert!(!ticket["qr_payload"].as_str().unwrap_or_default().is_empty());
    problem(
        &api(
            &app,
            "GET",
            &format!("/my/tickets/{code}"),
            Some(&nosy),
            None,
        )
        .await,
        404,
    );
    let registration = mine["id"].as_i64().expect("registration id");
    problem(
        &api(
            &app,
            "DELETE",
            &format!("/my/registrations/{registration}"),
            Some(&nosy),
            None,
        )
        .await,
        404,
    );
    let gone = api(
        &app,
        "DELETE",
        &format!("/my/registrations/{registration}"),
        Some(&write),
        None,
    )
    .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let taken: i32 = sqlx::query_scalar("SELECT seats_taken FROM events WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("seats");
    assert_eq!(taken, 3, "the two seats went back");
}

#[tokio::test]
async fn the_openapi_document_the_docs_page_and_cors() {
    let app = TestApp::spawn().await;
    let document = json_of(&app.get("/api/v1/openapi.json", &[]).await);
    assert_eq!(document["openapi"], "3.1.0");
    for path in [
        "/events",
        "/events/{id}/registrations",
        "/my/events/{id}",
        "/my/tickets/{code}",
        "/my/events/{id}/checkin",
    ] {
        assert!(document["paths"][path].is_object(), "{path} documented");
    }
    assert!(document["components"]["schemas"]["ProblemBody"].is_object());
    let docs = app.get("/api/v1/docs", &[]).await;
    assert_eq!(docs.status, 200);
    assert!(
        docs.body
            .contains("/api/v1/my/events/{id}/participants.csv")
            && docs.body.contains("id=\"problem-validation\"")
    );
    // Closed by default: no other site may read the API from a browser.
    assert!(
        preflight(&app)
            .await
            .headers
            .get("access-control-allow-origin")
            .is_none()
    );
    let open = TestApp::with_args(&["--api-cors-origins", "https://app.example.org"]).await;
    let allowed = preflight(&open).await;
    assert_eq!(
        allowed.headers["access-control-allow-origin"],
        "https://app.example.org"
    );
    // A cross-site POST is not refused by the pages' CSRF check: the API reads no cookie.
    let cross = Request::post("/api/v1/events/1/registrations")
        .header(header::ORIGIN, "https://app.example.org")
        .header("sec-fetch-site", "cross-site")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            r#"{"full_name": "Zoé Roux", "email": "zoe@example.org", "consent": true}"#,
        ))
        .expect("request");
    let reply = open.request(cross).await;
    assert_eq!(reply.status, 404, "{}", reply.body);
}
