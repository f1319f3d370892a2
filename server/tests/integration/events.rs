//! Event authoring through the real router on a real PostgreSQL: validation, drafts, ownership,
//! submission, cancellation with notifications, the event page's metadata and its calendar file.

use crate::common;

use crate::common::{
    Reply, TestApp,
    accounts::{JSON, call, form, login, session_cookie, signed_in, user},
    events::{event_body, field_error, jpeg_with_exif, post_multipart, saved_event},
};

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

async fn publish(app: &TestApp, id: i64) {
    sqlx::query("UPDATE events SET status = 'published', published_at = now() WHERE id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .expect("publish");
}

async fn slug_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT slug FROM events WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("slug")
}

/// A registration with one valid ticket, as the registration feature will write it.
async fn registrant(app: &TestApp, event: i64, email: &str) {
    let participant: i64 = sqlx::query_scalar(
        "INSERT INTO event_participants (event_id, email, full_name) VALUES ($1, $2, 'Alex Martin') RETURNING id",
    )
    .bind(event)
    .bind(email)
    .fetch_one(&app.pool)
    .await
    .expect("participant");
    sqlx::query(
        "INSERT INTO tickets (code, event_id, participant_id, attendee_name)
         VALUES (md5(random()::text) || md5(random()::text), $1, $2, 'Alex Martin')",
    )
    .bind(event)
    .bind(participant)
    .execute(&app.pool)
    .await
    .expect("ticket");
    sqlx::query("UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("seat");
}

#[tokio::test]
async fn invalid_input_gets_field_errors_and_only_the_draft_is_kept() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let body = event_body(&[
        ("title", "<script>alert(1)</script>"),
        ("ends_at", "2020-01-01T10:00"),
        ("capacity", "0"),
        ("price", "-5"),
        ("mode", "hybrid"),
        ("online_url", "javascript:alert(1)"),
        ("free_food_details", ""),
    ]);
    let reply = call(&app, "save_event", &body, &cookie).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(
        field_error(&reply, "ends_at").as_deref(),
        Some("EndBeforeStart")
    );
    assert_eq!(
        field_error(&reply, "capacity").as_deref(),
        Some("CapacityInvalid")
    );
    assert_eq!(
        field_error(&reply, "price").as_deref(),
        Some("PriceInvalid")
    );
    assert_eq!(
        field_error(&reply, "online_url").as_deref(),
        Some("LinkMustBeHttps")
    );
    assert_eq!(
        field_error(&reply, "free_food_details").as_deref(),
        Some("FreeFoodDetailsRequired")
    );
    assert_eq!(count(&app, "SELECT count(*) FROM events").await, 0);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM activity_logs WHERE target_type = 'event'"
        )
        .await,
        0
    );
    // What was typed is kept: the form shows it again.
    let form = call(&app, "load_event_form", "", &cookie).await;
    assert!(
        form.body.contains("javascript:alert(1)") && form.body.contains("\"from_draft\":true"),
        "{}",
        form.body
    );

    // A start in the past is refused at the field; nothing is written.
    let past = event_body(&[
        ("starts_at", "2024-01-01T10:00"),
        ("ends_at", "2024-01-01T12:00"),
    ]);
    let reply = call(&app, "save_event", &past, &cookie).await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        field_error(&reply, "starts_at").as_deref(),
        Some("DateMustBeFuture")
    );
    assert_eq!(count(&app, "SELECT count(*) FROM events").await, 0);

    // Garbage that is not even a form of the right shape never becomes a 500.
    let reply = call(&app, "save_event", "event=abc&title=x", &cookie).await;
    assert!(
        reply.status.is_client_error(),
        "{} {}",
        reply.status,
        reply.body
    );
    // Signed out: nothing is saved.
    let reply = app
        .post_form("/api/fn/save_event", &event_body(&[]), &[JSON])
        .await;
    assert_eq!(reply.status, 401);
}

#[tokio::test]
async fn a_valid_event_is_saved_as_a_draft_previewed_then_submitted() {
    let app = TestApp::spawn().await;
    let (id, cookie) = signed_in(&app, "orga@exemple.fr").await;
    // An autosaved draft exists before the save; saving removes it.
    let draft = call(
        &app,
        "save_event_draft",
        &event_body(&[("title", "Ap")]),
        &cookie,
    )
    .await;
    assert_eq!(draft.status, 200, "{}", draft.body);
    let event = saved_event(&app, &cookie, &[("price", "12,50"), ("waitlist", "on")]).await;
    assert_eq!(count(&app, "SELECT count(*) FROM event_drafts").await, 0);
    let row: (String, i32, Option<i32>, bool, Vec<String>, i64) = sqlx::query_as(
        "SELECT status, price_cents, capacity, waitlist_enabled, dietary_tags, organizer_id FROM events WHERE id = $1",
    )
    .bind(event)
    .fetch_one(&app.pool)
    .await
    .expect("event");
    assert_eq!(
        row,
        (
            "draft".into(),
            1250,
            Some(50),
            true,
            vec!["vegetarian".into()],
            id
        )
    );

    // The preview is the visitors' page, drafts included; the public page does not show drafts.
    let preview = app
        .get(
            &format!("/organizer/events/{event}/preview"),
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert_eq!(preview.status, 200);
    assert!(preview.body.contains("Apéro des développeurs lyonnais"));
    assert!(
        preview.body.contains("<strong>démos</strong>"),
        "Markdown is rendered"
    );
    assert!(preview.body.contains("Soumettre à la modération"));
    let slug = slug_of(&app, event).await;
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 404);

    let reply = call(&app, "submit_event", &format!("event={event}"), &cookie).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let status: String = sqlx::query_scalar("SELECT status FROM events WHERE id = $1")
        .bind(event)
        .fetch_one(&app.pool)
        .await
        .expect("status");
    assert_eq!(status, "pending_review");
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM activity_logs WHERE target_type = 'event' AND target_id = $1 ORDER BY id",
    )
    .bind(event)
    .fetch_all(&app.pool)
    .await
    .expect("log");
    assert_eq!(actions, ["event_created", "event_submitted"]);
    // Submitting twice is a conflict, not a second submission.
    assert_eq!(
        call(&app, "submit_event", &format!("event={event}"), &cookie)
            .await
            .status,
        409
    );
}

#[tokio::test]
async fn an_unverified_account_saves_drafts_but_cannot_submit() {
    let app = TestApp::spawn().await;
    let (id, cookie) = signed_in(&app, "nouveau@exemple.fr").await;
    sqlx::query("UPDATE users SET email_verified_at = NULL WHERE id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .expect("unverify");
    let event = saved_event(&app, &cookie, &[]).await;
    let reply = call(&app, "submit_event", &format!("event={event}"), &cookie).await;
    assert_eq!(reply.status, 403);
    assert!(reply.body.contains("EmailUnverified"), "{}", reply.body);
}

#[tokio::test]
async fn only_the_organizer_edits_previews_or_cancels() {
    let app = TestApp::spawn().await;
    let (_, owner) = signed_in(&app, "orga@exemple.fr").await;
    let event = saved_event(&app, &owner, &[]).await;
    let (_, other) = signed_in(&app, "intrus@exemple.fr").await;
    let id = event.to_string();
    let edit = call(
        &app,
        "save_event",
        &event_body(&[("event", &id), ("title", "Volé")]),
        &other,
    )
    .await;
    assert_eq!(edit.status, 403);
    let draft = call(
        &app,
        "save_event_draft",
        &event_body(&[("event", &id)]),
        &other,
    )
    .await;
    assert_eq!(draft.status, 403);
    assert_eq!(
        call(&app, "load_event_form", &format!("event={id}"), &other)
            .await
            .status,
        403
    );
    assert_eq!(
        call(&app, "event_preview", &format!("event={id}"), &other)
            .await
            .status,
        403
    );
    assert_eq!(
        call(&app, "submit_event", &format!("event={id}"), &other)
            .await
            .status,
        403
    );
    let cancel = call(
        &app,
        "cancel_event",
        &format!("event={id}&message=non"),
        &other,
    )
    .await;
    assert_eq!(cancel.status, 403);
    let title: String = sqlx::query_scalar("SELECT title FROM events WHERE id = $1")
        .bind(event)
        .fetch_one(&app.pool)
        .await
        .expect("title");
    assert_eq!(title, "Apéro des développeurs lyonnais");
    assert_eq!(count(&app, "SELECT count(*) FROM event_drafts").await, 0);
    // An event that does not exist is not found, not forbidden.
    assert_eq!(
        call(&app, "event_preview", "event=999999", &owner)
            .await
            .status,
        404
    );
    // The owner edits it.
    let edit = call(
        &app,
        "save_event",
        &event_body(&[("event", &id), ("title", "Apéro renommé")]),
        &owner,
    )
    .await;
    assert_eq!(edit.status, 200, "{}", edit.body);
}

#[tokio::test]
async fn cancelling_tells_every_registrant_and_cancels_their_tickets() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let event = saved_event(&app, &cookie, &[]).await;
    publish(&app, event).await;
    registrant(&app, event, "alex@exemple.fr").await;
    registrant(&app, event, "sam@exemple.fr").await;
    let long = "x".repeat(2001);
    let reply = call(
        &app,
        "cancel_event",
        &form(&[("event", &event.to_string()), ("message", &long)]),
        &cookie,
    )
    .await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        field_error(&reply, "message").as_deref(),
        Some("FieldTooLong")
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM tickets WHERE status = 'cancelled'"
        )
        .await,
        0
    );

    let body = form(&[
        ("event", &event.to_string()),
        ("message", "La salle est inondée, désolé !"),
    ]);
    let reply = call(&app, "cancel_event", &body, &cookie).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        count(&app, "SELECT count(*) FROM tickets WHERE status = 'valid'").await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM tickets WHERE status = 'cancelled'"
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM email_outbox WHERE template = 'event_cancelled'"
        )
        .await,
        2
    );
    let message: String = sqlx::query_scalar(
        "SELECT payload::text FROM email_outbox WHERE to_address = 'alex@exemple.fr' AND template = 'event_cancelled'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("mail");
    assert!(message.contains("La salle est inondée"), "{message}");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM activity_logs WHERE action = 'event_cancelled'"
        )
        .await,
        1
    );
    // The public page says so, with the message; cancelling again is a conflict.
    let slug = slug_of(&app, event).await;
    let page = app
        .get(&format!("/events/{slug}"), &[("accept-language", "fr")])
        .await;
    assert!(page.body.contains("Cet événement est annulé."));
    assert!(page.body.contains("La salle est inondée"));
    assert!(page.body.contains("https://schema.org/EventCancelled"));
    assert_eq!(call(&app, "cancel_event", &body, &cookie).await.status, 409);
    // A cancelled event is not edited any more.
    let edit = call(
        &app,
        "save_event",
        &event_body(&[("event", &event.to_string())]),
        &cookie,
    )
    .await;
    assert_eq!(edit.status, 409);
}

#[tokio::test]
async fn moving_a_published_event_tells_registrants_once() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let event = saved_event(&app, &cookie, &[]).await;
    publish(&app, event).await;
    registrant(&app, event, "alex@exemple.fr").await;
    let id = event.to_string();
    // Same date and place: nobody is told. (A new capacity, not a new text: texts go back to
    // moderation, see moderation.rs.)
    let same = call(
        &app,
        "save_event",
        &event_body(&[("event", &id), ("capacity", "60")]),
        &cookie,
    )
    .await;
    assert_eq!(same.status, 200, "{}", same.body);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM email_outbox WHERE template = 'event_changed'"
        )
        .await,
        0
    );
    let later = (chrono::Utc::now() + chrono::Duration::days(31))
        .format("%Y-%m-%d")
        .to_string();
    let moved = event_body(&[
        ("event", &id),
        ("starts_at", &format!("{later}T19:00")),
        ("ends_at", &format!("{later}T22:00")),
    ]);
    assert_eq!(call(&app, "save_event", &moved, &cookie).await.status, 200);
    assert_eq!(call(&app, "save_event", &moved, &cookie).await.status, 200);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM email_outbox WHERE template = 'event_changed'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications WHERE kind = 'event_changed'"
        )
        .await,
        0,
        "the registrant has no account: mail only"
    );
    // Capacity under the seats already taken is refused at the field.
    let reply = call(
        &app,
        "save_event",
        &event_body(&[("event", &id), ("capacity", "0")]),
        &cookie,
    )
    .await;
    assert_eq!(
        field_error(&reply, "capacity").as_deref(),
        Some("CapacityInvalid")
    );
    sqlx::query("UPDATE events SET seats_taken = 3 WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("seats");
    let reply = call(
        &app,
        "save_event",
        &event_body(&[("event", &id), ("capacity", "2")]),
        &cookie,
    )
    .await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(
        field_error(&reply, "capacity").as_deref(),
        Some("CapacityBelowTaken")
    );
}

#[tokio::test]
async fn the_event_page_describes_itself_to_search_engines_and_calendars() {
    let app = TestApp::with_base_url("https://meetral.example").await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let event = saved_event(
        &app,
        &cookie,
        &[
            ("mode", "hybrid"),
            ("online_url", "https://visio.exemple.fr/salle-secrete"),
            ("price", "15"),
            (
                "description",
                "Bonjour <script>alert('x')</script> <img src=x onerror=alert(1)>",
            ),
        ],
    )
    .await;
    publish(&app, event).await;
    let slug = slug_of(&app, event).await;
    let page = app
        .get(&format!("/events/{slug}"), &[("accept-language", "fr")])
        .await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("alert('x')") && !page.body.contains("onerror"),
        "sanitised"
    );
    assert!(
        !page.body.contains("salle-secrete"),
        "the visio link is for ticket holders only"
    );
    let canonical = format!("https://meetral.example/events/{slug}");
    assert!(
        page.body
            .contains(&format!(r#"<link href="{canonical}" rel="canonical">"#)),
        "canonical"
    );
    assert!(
        page.body
            .contains(r#"property="og:title" content="Apéro des développeurs lyonnais""#)
    );
    assert!(page.body.contains(r#"name="twitter:card""#));

    let start = page
        .body
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = start + page.body[start..].find("</script>").expect("end");
    let ld: serde_json::Value =
        serde_json::from_str(&page.body[start..end]).expect("JSON-LD parses");
    assert_eq!(ld["@type"], "Event");
    assert_eq!(ld["name"], "Apéro des développeurs lyonnais");
    let starts = ld["startDate"].as_str().expect("startDate");
    assert!(
        chrono::DateTime::parse_from_rfc3339(starts).is_ok()
            && (starts.ends_with("+01:00") || starts.ends_with("+02:00")),
        "{starts}"
    );
    assert!(ld["endDate"].as_str().is_some());
    assert_eq!(ld["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        ld["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    let locations = ld["location"]
        .as_array()
        .expect("place and virtual location");
    assert_eq!(locations[0]["@type"], "Place");
    assert_eq!(locations[0]["address"]["@type"], "PostalAddress");
    assert_eq!(locations[0]["address"]["addressLocality"], "Lyon");
    assert_eq!(locations[0]["geo"]["@type"], "GeoCoordinates");
    assert_eq!(locations[1]["@type"], "VirtualLocation");
    assert_eq!(ld["organizer"]["name"], "Camille Dupont");
    assert_eq!(ld["offers"]["price"], "15.00");
    assert_eq!(ld["offers"]["priceCurrency"], "EUR");
    assert_eq!(ld["offers"]["availability"], "https://schema.org/InStock");

    let ics = app.get(&format!("/events/{slug}/calendar.ics"), &[]).await;
    assert_eq!(ics.status, 200);
    assert!(
        ics.headers["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/calendar")
    );
    let body = &ics.body;
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.trim_end().ends_with("END:VCALENDAR"));
    for required in [
        "VERSION:2.0",
        "PRODID:",
        "BEGIN:VEVENT",
        "DTSTAMP:",
        "END:VEVENT",
    ] {
        assert!(body.contains(required), "{required} in {body}");
    }
    assert!(body.contains(&format!("UID:event-{event}@meetral.fr")));
    let dtstart = body
        .lines()
        .find(|l| l.starts_with("DTSTART"))
        .expect("DTSTART");
    assert!(dtstart.ends_with('Z'), "UTC times: {dtstart}");
    assert!(
        body.split("\r\n").all(|line| line.len() <= 75),
        "folded lines"
    );
    assert!(!body.replace("\r\n", "").contains('\n'), "CRLF line ends");
    assert_eq!(app.get("/events/nope/calendar.ics", &[]).await.status, 404);
}

#[tokio::test]
async fn the_organizer_list_shows_each_event_with_its_status() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    saved_event(&app, &cookie, &[("title", "Premier atelier")]).await;
    let second = saved_event(&app, &cookie, &[("title", "Second atelier")]).await;
    publish(&app, second).await;
    let page = app
        .get(
            "/organizer/events",
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert!(page.body.contains("Premier atelier") && page.body.contains("Second atelier"));
    assert!(page.body.contains("Brouillon") && page.body.contains("Publié"));
    let stranger = login(&app, "nobody@exemple.fr", "x", None).await;
    assert_eq!(stranger.status, 422);
    user(&app, "autre@exemple.fr").await;
    let other =
        session_cookie(&login(&app, "autre@exemple.fr", common::accounts::PASSWORD, None).await);
    let page = app.get("/organizer/events", &[("cookie", &other)]).await;
    assert!(!page.body.contains("Premier atelier"));
    // Signed out, the page asks to sign in.
    let page = app.get("/organizer/events", &[]).await;
    assert!(
        page.body.contains("/login?next=") || page.status.is_redirection(),
        "{}",
        page.status
    );
}

async fn upload(app: &TestApp, cookie: &str, event: i64, alt: &str, file: Option<&[u8]>) -> Reply {
    let id = event.to_string();
    let fields = [("event", id.as_str()), ("kind", "cover"), ("alt", alt)];
    post_multipart(app, "/api/fn/upload_event_image", cookie, &fields, file).await
}

#[tokio::test]
async fn images_are_checked_by_content_stripped_and_served_in_several_widths() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let event = saved_event(&app, &cookie, &[]).await;
    let photo = jpeg_with_exif(2000, 1200);

    let fake = upload(
        &app,
        &cookie,
        event,
        "Affiche",
        Some(b"<?php echo 'not an image'; ?>"),
    )
    .await;
    assert_eq!(fake.status, 422, "{}", fake.body);
    assert_eq!(field_error(&fake, "file").as_deref(), Some("ImageType"));
    // A JPEG that stops right after its headers: no picture in it.
    let corrupt = photo[..300].to_vec();
    let broken = upload(&app, &cookie, event, "Affiche", Some(&corrupt)).await;
    assert_eq!(
        field_error(&broken, "file").as_deref(),
        Some("ImageCorrupt"),
        "{}",
        broken.body
    );
    let mut huge = photo.clone();
    huge.resize(11 * 1024 * 1024, 0);
    let too_big = upload(&app, &cookie, event, "Affiche", Some(&huge)).await;
    assert_eq!(
        field_error(&too_big, "file").as_deref(),
        Some("ImageTooLarge")
    );
    let no_alt = upload(&app, &cookie, event, " ", Some(&photo)).await;
    assert_eq!(
        field_error(&no_alt, "alt").as_deref(),
        Some("ImageAltRequired")
    );
    let (_, stranger) = signed_in(&app, "intrus@exemple.fr").await;
    assert_eq!(
        upload(&app, &stranger, event, "Affiche", Some(&photo))
            .await
            .status,
        403
    );
    assert_eq!(count(&app, "SELECT count(*) FROM event_images").await, 0);

    let ok = upload(
        &app,
        &cookie,
        event,
        "Des développeurs autour d’une table",
        Some(&photo),
    )
    .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let (key, widths): (String, Vec<i32>) =
        sqlx::query_as("SELECT storage_key, widths FROM event_images WHERE event_id = $1")
            .bind(event)
            .fetch_one(&app.pool)
            .await
            .expect("image row");
    assert_eq!(widths, [480, 960, 1600]);
    for width in &widths {
        let path = format!("/media/{key}-{width}.webp");
        let served = app
            .request(
                http::Request::get(&path)
                    .body(axum::body::Body::empty())
                    .expect("get"),
            )
            .await;
        assert_eq!(served.status, 200, "{path}");
        assert!(
            served.headers["cache-control"]
                .to_str()
                .expect("ascii")
                .contains("immutable")
        );
        let file = std::fs::read(
            app.mail_dir()
                .with_file_name("media")
                .join(format!("{key}-{width}.webp")),
        )
        .expect("stored");
        assert_eq!(&file[..4], b"RIFF");
        assert_eq!(&file[8..12], b"WEBP");
        let decoded = image::load_from_memory(&file).expect("valid webp");
        assert_eq!(decoded.width(), *width as u32);
        assert!(
            !file.windows(4).any(|w| w == b"Exif" || w == b"EXIF")
                && !file.windows(9).any(|w| w == b"SecretCam"),
            "metadata stripped"
        );
    }
    publish(&app, event).await;
    let page = app
        .get(&format!("/events/{}", slug_of(&app, event).await), &[])
        .await;
    assert!(
        page.body.contains(&format!("/media/{key}-480.webp 480w")),
        "srcset"
    );
    assert!(
        page.body
            .contains(r#"alt="Des développeurs autour d’une table""#)
    );
    assert!(page.body.contains(r#"property="og:image""#));
    // A new cover replaces the old one, files included.
    assert_eq!(
        upload(&app, &cookie, event, "Nouvelle affiche", Some(&photo))
            .await
            .status,
        200
    );
    assert_eq!(count(&app, "SELECT count(*) FROM event_images").await, 1);
    let old = app
        .mail_dir()
        .with_file_name("media")
        .join(format!("{key}-480.webp"));
    assert!(!old.exists(), "the replaced cover's files are deleted");
    let actions = count(
        &app,
        "SELECT count(*) FROM activity_logs WHERE action = 'event_image_added'",
    )
    .await;
    assert_eq!(actions, 2);
}

#[tokio::test]
async fn a_first_event_gives_its_organizer_a_public_page() {
    let app = TestApp::spawn().await;
    let (id, cookie) = signed_in(&app, "orga@exemple.fr").await;
    sqlx::query("UPDATE users SET full_name = 'Zoé Écoles & Co' WHERE id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .expect("name");
    let slug_now = || async {
        sqlx::query_scalar::<_, Option<String>>("SELECT organizer_slug FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .expect("slug")
    };
    assert_eq!(slug_now().await, None);
    let first = saved_event(&app, &cookie, &[]).await;
    let slug = slug_now().await.expect("a slug after the first event");
    assert!(slug.starts_with("zoe-ecoles-co-"), "{slug}");
    saved_event(&app, &cookie, &[("title", "Deuxième rendez-vous")]).await;
    assert_eq!(
        slug_now().await.as_deref(),
        Some(slug.as_str()),
        "it never changes"
    );

    publish(&app, first).await;
    let event = app
        .get(&format!("/events/{}", slug_of(&app, first).await), &[])
        .await;
    assert!(
        event
            .body
            .contains(&format!(r#"href="/organizers/{slug}""#))
    );
    let page = app.get(&format!("/organizers/{slug}"), &[]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Zoé Écoles &amp; Co"));
    assert!(page.body.contains("Apéro des développeurs lyonnais"));
    assert!(
        !page.body.contains("Deuxième rendez-vous"),
        "drafts stay private"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_rules_are_checked_saved_and_shown_again() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "regles@exemple.fr").await;
    let bad = event_body(&[
        ("max_seats", "21"),
        ("cancel_cutoff_hours", "-1"),
        ("offer_hours", "abc"),
        ("questions", "a\nb\nc\nd\ne\nf"),
    ]);
    let reply = call(&app, "save_event", &bad, &cookie).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    for field in ["max_seats", "cancel_cutoff_hours", "offer_hours"] {
        assert_eq!(
            field_error(&reply, field).as_deref(),
            Some("NumberOutOfRange"),
            "{field}"
        );
    }
    assert_eq!(
        field_error(&reply, "questions").as_deref(),
        Some("QuestionsTooMany")
    );
    let lone = call(
        &app,
        "save_event",
        &event_body(&[("questions", "Taille : M")]),
        &cookie,
    )
    .await;
    assert_eq!(
        field_error(&lone, "questions").as_deref(),
        Some("QuestionsChoicesInvalid")
    );
    assert_eq!(count(&app, "SELECT count(*) FROM events").await, 0);

    let id = saved_event(
        &app,
        &cookie,
        &[
            ("max_seats", "4"),
            ("cancel_cutoff_hours", "48"),
            ("waitlist", "on"),
            ("offer_hours", "6"),
            ("questions", "Entreprise\nRégime : Aucun / Végétarien"),
        ],
    )
    .await;
    let row: (i32, i32, i32, serde_json::Value) = sqlx::query_as(
        "SELECT max_seats_per_registration, cancellation_cutoff_min, waitlist_offer_min, registration_questions
         FROM events WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .expect("event");
    assert_eq!((row.0, row.1, row.2), (4, 48 * 60, 6 * 60));
    assert_eq!(row.3[1]["choices"][1], "Végétarien");
    let form = call(&app, "load_event_form", &format!("event={id}"), &cookie).await;
    assert!(
        form.body.contains("Régime : Aucun / Végétarien"),
        "{}",
        form.body
    );
    publish(&app, id).await;
    let page = app
        .get(
            &format!("/events/{}", slug_of(&app, id).await),
            &[("accept-language", "fr")],
        )
        .await;
    assert!(
        page.body.contains("name=\"answers[1]\""),
        "the question is asked"
    );
    assert!(
        page.body.contains("Participant 4"),
        "names for the other seats"
    );
}
