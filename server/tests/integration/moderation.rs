//! Moderation through the real router on a real PostgreSQL: every automated check on both sides,
//! immediate publication of trusted organizers, decisions and their notices, two moderators at
//! once, re-review of edited events, reports and their threshold, sanctions.

use crate::common;

use crate::common::{
    TestApp,
    accounts::{PASSWORD, call, form, login, signed_in, staff},
    events::{event_body, field_error, saved_event},
};

async fn scalar<T>(app: &TestApp, sql: &str, id: i64) -> T
where
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send + Unpin,
{
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

/// An organizer account made `days` ago, signed in.
async fn organizer(app: &TestApp, email: &str, days: i64, trusted: bool) -> (i64, String) {
    let (id, cookie) = signed_in(app, email).await;
    sqlx::query("UPDATE users SET created_at = now() - make_interval(days => $2::int), trusted_organizer = $3 WHERE id = $1")
        .bind(id)
        .bind(days as i32)
        .bind(trusted)
        .execute(&app.pool)
        .await
        .expect("age");
    (id, cookie)
}

/// Saves and submits an event; answers its id and the codes of the checks' findings.
async fn submit(app: &TestApp, cookie: &str, changes: &[(&str, &str)]) -> (i64, Vec<String>) {
    let id = saved_event(app, cookie, changes).await;
    let reply = call(app, "submit_event", &format!("event={id}"), cookie).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let reasons: serde_json::Value =
        scalar(app, "SELECT risk_reasons FROM events WHERE id = $1", id).await;
    let codes = reasons
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| r["code"].as_str().unwrap_or_default().to_owned())
        .collect();
    (id, codes)
}

async fn status(app: &TestApp, id: i64) -> String {
    scalar(app, "SELECT status FROM events WHERE id = $1", id).await
}

fn day(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A check's example: its name, the form fields it changes, the finding expected (or none).
type Case = (
    &'static str,
    Vec<(&'static str, String)>,
    Option<&'static str>,
);

#[tokio::test]
async fn each_automated_check_flags_what_it_should_and_nothing_else() {
    let app = TestApp::spawn().await;
    let (_, old) = organizer(&app, "ancienne@exemple.fr", 400, false).await;
    // Many submissions from one organizer today: past the default daily limit.
    sqlx::query(r#"UPDATE platform_settings SET settings = '{"max_submissions_per_day": 100}'"#)
        .execute(&app.pool)
        .await
        .expect("settings");

    // Nothing to find: score 0, and still waiting for a moderator (not a trusted organizer).
    let (plain, none) = submit(&app, &old, &[]).await;
    assert!(none.is_empty(), "{none:?}");
    assert_eq!(status(&app, plain).await, "pending_review");
    assert_eq!(
        scalar::<i32>(&app, "SELECT risk_score FROM events WHERE id = $1", plain).await,
        0
    );

    let cases: Vec<Case> = vec![
        (
            "forbidden word",
            vec![("title", "De l’argent facile ce soir".into())],
            Some("forbidden_word"),
        ),
        (
            "a word inside another word",
            vec![("title", "Les arnaqueurs du web : un documentaire".into())],
            None,
        ),
        (
            "blocked domain",
            vec![(
                "description",
                "Inscription sur https://bit.ly/soiree".into(),
            )],
            Some("blocked_domain"),
        ),
        (
            "a domain that only looks alike",
            vec![(
                "description",
                "Programme : https://habit.ly.example.org/x".into(),
            )],
            None,
        ),
        (
            "too many links",
            vec![(
                "description",
                "https://a.fr https://b.fr https://c.fr https://d.fr https://e.fr https://f.fr"
                    .into(),
            )],
            Some("too_many_links"),
        ),
        (
            "five links",
            vec![(
                "description",
                "https://a.fr https://b.fr https://c.fr https://d.fr https://e.fr".into(),
            )],
            None,
        ),
        (
            "shouting",
            vec![("title", "GRANDE SOIRÉE GRATUITE À LYON".into())],
            Some("shouting"),
        ),
        (
            "acronyms",
            vec![("title", "Soirée IA et RGPD à Lyon".into())],
            None,
        ),
        (
            "implausible price",
            vec![("price", "2500".into())],
            Some("implausible_price"),
        ),
        ("a real price", vec![("price", "45".into())], None),
        (
            "implausible date",
            vec![
                ("starts_at", format!("{}T18:30", day(700))),
                ("ends_at", format!("{}T21:00", day(700))),
            ],
            Some("implausible_date"),
        ),
    ];
    for (name, mut changes, expected) in cases {
        // A title of its own, so no case is a duplicate of another.
        if !changes.iter().any(|(k, _)| *k == "title") {
            changes.push(("title", format!("Atelier : {name}")));
        }
        let borrowed: Vec<(&str, &str)> = changes.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (_, codes) = submit(&app, &old, &borrowed).await;
        match expected {
            Some(code) => assert_eq!(codes, [code], "{name}"),
            None => assert!(codes.is_empty(), "{name}: {codes:?}"),
        }
    }

    // Duplicates: the same title around the same date as a live event (the first one above).
    let (_, codes) = submit(&app, &old, &[]).await;
    assert_eq!(codes, ["duplicate"]);
    let (_, codes) = submit(
        &app,
        &old,
        &[
            ("starts_at", &format!("{}T18:30", day(60))),
            ("ends_at", &format!("{}T21:00", day(60))),
        ],
    )
    .await;
    assert!(
        codes.is_empty(),
        "a month apart is another edition: {codes:?}"
    );

    // A new account: flagged as new; its fourth submission of the day is a burst.
    let (_, fresh) = organizer(&app, "nouvelle@exemple.fr", 1, false).await;
    for n in 0..3 {
        let (_, codes) = submit(
            &app,
            &fresh,
            &[("title", &format!("Atelier couture numéro {n}"))],
        )
        .await;
        assert_eq!(codes, ["new_account"], "submission {n}");
    }
    let (burst, codes) = submit(&app, &fresh, &[("title", "Atelier couture numéro 4")]).await;
    assert_eq!(codes, ["new_account", "submission_burst"]);
    assert_eq!(
        scalar::<i32>(&app, "SELECT risk_score FROM events WHERE id = $1", burst).await,
        40
    );

    // A word an admin adds takes effect on the next submission.
    let (_, admin) = staff(&app, "admin@exemple.fr", "admin").await;
    let added = call(
        &app,
        "admin_add_term",
        "kind=word_fr&term=Tupperware",
        &admin,
    )
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    let (_, codes) = submit(&app, &old, &[("title", "Réunion Tupperware du jeudi")]).await;
    assert_eq!(codes, ["forbidden_word"]);
    let bad = call(
        &app,
        "admin_add_term",
        "kind=domain&term=pas+un+domaine",
        &admin,
    )
    .await;
    assert_eq!(field_error(&bad, "term").as_deref(), Some("LinkInvalid"));
}

#[tokio::test]
async fn trusted_organizers_publish_at_once_unless_the_checks_find_something() {
    let app = TestApp::spawn().await;
    let (_, trusted) = organizer(&app, "confiance@exemple.fr", 400, true).await;
    let id = saved_event(&app, &trusted, &[]).await;
    let reply = call(&app, "submit_event", &format!("event={id}"), &trusted).await;
    assert!(reply.body.contains("saved=published"), "{}", reply.body);
    assert_eq!(status(&app, id).await, "published");
    let slug: String = scalar(&app, "SELECT slug FROM events WHERE id = $1", id).await;
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 200);
    assert_eq!(
        scalar::<String>(
            &app,
            "SELECT action FROM moderation_actions WHERE event_id = $1",
            id
        )
        .await,
        "auto_approve"
    );

    let (flagged, codes) = submit(&app, &trusted, &[("title", "Une arnaque en or")]).await;
    assert_eq!(codes, ["forbidden_word"]);
    assert_eq!(status(&app, flagged).await, "pending_review");

    // With the setting off, even trusted organizers wait.
    let (_, admin) = staff(&app, "admin@exemple.fr", "admin").await;
    let settings = form(&[
        ("auto_publish_max_score", "19"),
        ("max_links", "5"),
        ("new_account_days", "7"),
        ("burst_limit", "3"),
        ("report_threshold", "3"),
        ("max_submissions_per_day", "10"),
        ("guest_registration", "on"),
        ("guest_retention_days", "180"),
    ]);
    assert_eq!(
        call(&app, "admin_save_settings", &settings, &admin)
            .await
            .status,
        200
    );
    let (waiting, _) = submit(&app, &trusted, &[("title", "Atelier du dimanche")]).await;
    assert_eq!(status(&app, waiting).await, "pending_review");
    let audit: serde_json::Value =
        sqlx::query_scalar("SELECT details FROM activity_logs WHERE action = 'settings_changed'")
            .fetch_one(&app.pool)
            .await
            .expect("audit");
    assert_eq!(audit["after"]["auto_publish_trusted"], false);
    assert_eq!(audit["before"], serde_json::json!({}));
    let bad = call(
        &app,
        "admin_save_settings",
        &settings.replace("max_links=5", "max_links=abc"),
        &admin,
    )
    .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        field_error(&bad, "max_links").as_deref(),
        Some("NumberOutOfRange")
    );
}

#[tokio::test]
async fn moderators_approve_reject_or_ask_for_changes_and_the_organizer_is_told() {
    let app = TestApp::spawn().await;
    let (_, orga) = organizer(&app, "orga@exemple.fr", 400, false).await;
    let (moderator_id, moderator) = staff(&app, "modo@exemple.fr", "moderator").await;

    let (approved, _) = submit(&app, &orga, &[("title", "Atelier vélo")]).await;
    let queue = call(&app, "moderation_queue", "", &moderator).await;
    assert!(queue.body.contains("Atelier vélo"), "{}", queue.body);
    let reply = call(
        &app,
        "moderation_decide",
        &format!("event={approved}&decision=approve"),
        &moderator,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(status(&app, approved).await, "published");
    let row: (i64, String) = sqlx::query_as("SELECT moderator_id, action FROM moderation_actions WHERE event_id = $1 AND moderator_id IS NOT NULL")
        .bind(approved)
        .fetch_one(&app.pool)
        .await
        .expect("action");
    assert_eq!(row, (moderator_id, "approve".to_owned()));
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM activity_logs WHERE target_id = $1 AND action = 'moderation_approve'", approved).await,
        1
    );
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM email_outbox WHERE template = 'moderation_decision' AND payload->>'event_id' = $1::text", approved).await,
        1
    );

    // Rejecting needs a reason: a prepared one, free text, or both.
    let (rejected, _) = submit(&app, &orga, &[("title", "Soirée floue")]).await;
    let no_reason = call(
        &app,
        "moderation_decide",
        &format!("event={rejected}&decision=reject"),
        &moderator,
    )
    .await;
    assert_eq!(
        field_error(&no_reason, "reason").as_deref(),
        Some("FieldRequired")
    );
    let long = "x".repeat(2001);
    let too_long = call(
        &app,
        "moderation_decide",
        &form(&[
            ("event", &rejected.to_string()),
            ("decision", "reject"),
            ("reason", &long),
        ]),
        &moderator,
    )
    .await;
    assert_eq!(
        field_error(&too_long, "reason").as_deref(),
        Some("FieldTooLong")
    );
    assert_eq!(
        status(&app, rejected).await,
        "pending_review",
        "nothing changed"
    );
    let reply = call(
        &app,
        "moderation_decide",
        &form(&[
            ("event", &rejected.to_string()),
            ("decision", "reject"),
            ("template", "incomplete"),
            ("reason", "Où a-t-il lieu ?"),
        ]),
        &moderator,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let reason: String = scalar(
        &app,
        "SELECT status_reason FROM events WHERE id = $1",
        rejected,
    )
    .await;
    assert!(
        reason.starts_with("Informations incomplètes") && reason.ends_with("Où a-t-il lieu ?"),
        "{reason}"
    );
    let preview = app
        .get(
            &format!("/organizer/events/{rejected}/preview"),
            &[("cookie", &orga)],
        )
        .await;
    assert!(
        preview.body.contains("Où a-t-il lieu ?"),
        "the organizer sees the reason"
    );
    let notice: i64 = scalar(
        &app,
        "SELECT count(*) FROM notifications WHERE event_id = $1 AND kind = 'moderation_decision'",
        rejected,
    )
    .await;
    assert_eq!(notice, 1, "in-app notice");

    // Asking for changes: the organizer edits and submits again.
    let (changes, _) = submit(&app, &orga, &[("title", "Atelier à préciser")]).await;
    let reply = call(
        &app,
        "moderation_decide",
        &form(&[
            ("event", &changes.to_string()),
            ("decision", "request_changes"),
            ("reason", "Ajoutez le programme."),
        ]),
        &moderator,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(status(&app, changes).await, "changes_requested");
    assert_eq!(
        call(&app, "submit_event", &format!("event={changes}"), &orga)
            .await
            .status,
        200
    );
    assert_eq!(status(&app, changes).await, "pending_review");

    // Already decided, deleted or unknown events; nobody moderates their own event.
    let again = call(
        &app,
        "moderation_decide",
        &format!("event={approved}&decision=approve"),
        &moderator,
    )
    .await;
    assert_eq!(
        (again.status.as_u16(), again.body.as_str()),
        (409, r#""Conflict""#)
    );
    sqlx::query("UPDATE events SET deleted_at = now() WHERE id = $1")
        .bind(changes)
        .execute(&app.pool)
        .await
        .expect("delete");
    assert_eq!(
        call(
            &app,
            "moderation_decide",
            &format!("event={changes}&decision=approve"),
            &moderator
        )
        .await
        .status,
        404
    );
    assert_eq!(
        call(
            &app,
            "moderation_decide",
            "event=999999&decision=approve",
            &moderator
        )
        .await
        .status,
        404
    );
    let (own, _) = submit(&app, &moderator, &[("title", "Mon propre atelier")]).await;
    assert_eq!(
        call(
            &app,
            "moderation_decide",
            &format!("event={own}&decision=approve"),
            &moderator
        )
        .await
        .status,
        403
    );
}

#[tokio::test]
async fn two_moderators_approving_at_once_one_wins_and_the_other_is_told() {
    let app = TestApp::spawn().await;
    let (_, orga) = organizer(&app, "orga@exemple.fr", 400, false).await;
    let (_, first) = staff(&app, "modo1@exemple.fr", "moderator").await;
    let (_, second) = staff(&app, "modo2@exemple.fr", "moderator").await;
    for round in 0..5 {
        let (id, _) = submit(
            &app,
            &orga,
            &[("title", &format!("Atelier numéro {round}"))],
        )
        .await;
        let approve = format!("event={id}&decision=approve");
        let reject = form(&[
            ("event", &id.to_string()),
            ("decision", "reject"),
            ("reason", "Hors sujet"),
        ]);
        let (a, b) = tokio::join!(
            call(&app, "moderation_decide", &approve, &first),
            call(&app, "moderation_decide", &reject, &second)
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(
            statuses,
            [200, 409],
            "round {round}: {} / {}",
            a.body,
            b.body
        );
        assert_eq!(
            scalar::<i64>(&app, "SELECT count(*) FROM moderation_actions WHERE event_id = $1 AND moderator_id IS NOT NULL", id).await,
            1
        );
        assert_eq!(
            scalar::<i64>(&app, "SELECT count(*) FROM email_outbox WHERE template = 'moderation_decision' AND payload->>'event_id' = $1::text", id).await,
            1
        );
        let expected = if a.status == 200 {
            "published"
        } else {
            "rejected"
        };
        assert_eq!(status(&app, id).await, expected);
    }
}

#[tokio::test]
async fn editing_what_moderators_approved_sends_the_event_back_but_a_new_date_does_not() {
    let app = TestApp::spawn().await;
    let (_, orga) = organizer(&app, "orga@exemple.fr", 400, false).await;
    let (_, moderator) = staff(&app, "modo@exemple.fr", "moderator").await;
    let (id, _) = submit(&app, &orga, &[]).await;
    assert_eq!(
        call(
            &app,
            "moderation_decide",
            &format!("event={id}&decision=approve"),
            &moderator
        )
        .await
        .status,
        200
    );

    let moved = event_body(&[
        ("event", &id.to_string()),
        ("starts_at", &format!("{}T19:00", day(31))),
        ("ends_at", &format!("{}T22:00", day(31))),
    ]);
    assert_eq!(call(&app, "save_event", &moved, &orga).await.status, 200);
    assert_eq!(
        status(&app, id).await,
        "published",
        "dates and places stay published"
    );

    let retitled = event_body(&[
        ("event", &id.to_string()),
        ("title", "Apéro des développeuses lyonnaises"),
        ("starts_at", &format!("{}T19:00", day(31))),
        ("ends_at", &format!("{}T22:00", day(31))),
    ]);
    assert_eq!(call(&app, "save_event", &retitled, &orga).await.status, 200);
    assert_eq!(
        status(&app, id).await,
        "pending_review",
        "a new title is reviewed again"
    );
    assert_eq!(
        scalar::<String>(
            &app,
            "SELECT action FROM moderation_actions WHERE event_id = $1 ORDER BY id DESC LIMIT 1",
            id
        )
        .await,
        "resubmit"
    );
}

/// A report as a browser sends it from `ip`, signed in (`cookie`) or not.
async fn report(
    app: &TestApp,
    ip: [u8; 4],
    slug: &str,
    fields: &[(&str, &str)],
    cookie: Option<&str>,
) -> common::Reply {
    let mut pairs = vec![("slug", slug)];
    pairs.extend_from_slice(fields);
    let mut request = http::Request::post("/api/fn/report_event")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("origin", "http://127.0.0.1:3000")
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let mut request = request
        .body(axum::body::Body::from(form(&pairs)))
        .expect("request");
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            ip, 40000,
        ))));
    app.request(request).await
}

#[tokio::test]
async fn reports_past_the_threshold_hide_the_event_until_a_moderator_decides() {
    let app = TestApp::spawn().await;
    let slug = app
        .insert_event(
            "Buffet gratuit douteux",
            std::time::Duration::from_secs(5 * 86_400),
            true,
        )
        .await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM events WHERE slug = $1")
        .bind(&slug)
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let spam = [
        ("reason", "misleading_food"),
        ("details", "Aucun buffet la dernière fois."),
    ];

    // Bad input: unknown reason, "other" without a word, oversized text, bad address, robots.
    let bad = report(&app, [198, 51, 100, 1], &slug, &[("reason", "nope")], None).await;
    assert_eq!(
        field_error(&bad, "reason").as_deref(),
        Some("FieldRequired")
    );
    let bad = report(
        &app,
        [198, 51, 100, 1],
        &slug,
        &[("reason", "other"), ("details", "")],
        None,
    )
    .await;
    assert_eq!(
        field_error(&bad, "details").as_deref(),
        Some("ReportDetailsNeeded")
    );
    let huge = "x".repeat(2001);
    let bad = report(
        &app,
        [198, 51, 100, 1],
        &slug,
        &[("reason", "spam"), ("details", &huge)],
        None,
    )
    .await;
    assert_eq!(
        field_error(&bad, "details").as_deref(),
        Some("ReportDetailsTooLong")
    );
    let bad = report(
        &app,
        [198, 51, 100, 1],
        &slug,
        &[("reason", "spam"), ("email", "pas-une-adresse")],
        None,
    )
    .await;
    assert_eq!(bad.status, 422);
    let robot = report(
        &app,
        [198, 51, 100, 1],
        &slug,
        &[("reason", "spam"), ("website", "http://spam.example")],
        None,
    )
    .await;
    assert_eq!(robot.status, 403);
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM reports WHERE event_id = $1", id).await,
        0
    );

    // The same visitor twice counts once; a visitor leaving an address gets an acknowledgement.
    let first = report(
        &app,
        [198, 51, 100, 1],
        &slug,
        &[spam[0], spam[1], ("email", "temoin@exemple.fr")],
        None,
    )
    .await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(
        report(&app, [198, 51, 100, 1], &slug, &spam, None)
            .await
            .status,
        200
    );
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM reports WHERE event_id = $1", id).await,
        1
    );
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM email_outbox WHERE template = 'report_acknowledgement' AND to_address = 'temoin@exemple.fr' AND $1 > 0", 1).await,
        1
    );
    // A member's report: acknowledged in the notification centre too.
    let (_, member) = signed_in(&app, "membre@exemple.fr").await;
    assert_eq!(
        report(&app, [198, 51, 100, 2], &slug, &spam, Some(&member))
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(&format!("/events/{slug}"), &[]).await.status,
        200,
        "two reports: still online"
    );
    assert_eq!(
        report(&app, [198, 51, 100, 3], &slug, &spam, None)
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(&format!("/events/{slug}"), &[]).await.status,
        404,
        "three reports: hidden"
    );
    let catalogue = app.get("/events?q=buffet", &[]).await;
    assert!(!catalogue.body.contains(&slug));
    assert_eq!(
        scalar::<String>(
            &app,
            "SELECT action FROM moderation_actions WHERE event_id = $1",
            id
        )
        .await,
        "hide"
    );

    // Reporting is rate limited per address.
    let mut limited = None;
    for n in 0..12 {
        let reply = report(&app, [203, 0, 113, 9], &slug, &spam, None).await;
        if reply.status == 429 {
            limited = Some(n);
            break;
        }
    }
    assert_eq!(limited, Some(10), "ten reports, then a wait");

    // A moderator dismisses them: the event is back.
    let (_, moderator) = staff(&app, "modo@exemple.fr", "moderator").await;
    let groups = call(&app, "moderation_reports", "", &moderator).await;
    assert!(groups.body.contains("Aucun buffet"), "{}", groups.body);
    assert_eq!(
        call(
            &app,
            "moderation_resolve_reports",
            &format!("event={id}&verdict=dismiss"),
            &moderator
        )
        .await
        .status,
        200
    );
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 200);
    let again = call(
        &app,
        "moderation_resolve_reports",
        &format!("event={id}&verdict=dismiss"),
        &moderator,
    )
    .await;
    assert_eq!(again.status, 409, "already handled");

    // New reports, taken down: rejected with the reason, the organizer told.
    for n in 10..13 {
        report(&app, [198, 51, 100, n], &slug, &spam, None).await;
    }
    let no_reason = call(
        &app,
        "moderation_resolve_reports",
        &format!("event={id}&verdict=take_down"),
        &moderator,
    )
    .await;
    assert_eq!(
        field_error(&no_reason, "reason").as_deref(),
        Some("FieldRequired")
    );
    let down = call(
        &app,
        "moderation_resolve_reports",
        &format!("event={id}&verdict=take_down&template=misleading_food"),
        &moderator,
    )
    .await;
    assert_eq!(down.status, 200, "{}", down.body);
    assert_eq!(status(&app, id).await, "rejected");
    assert_eq!(
        scalar::<i64>(
            &app,
            "SELECT count(*) FROM reports WHERE event_id = $1 AND status = 'open'",
            id
        )
        .await,
        0
    );
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM email_outbox WHERE template = 'moderation_decision' AND payload->>'event_id' = $1::text", id).await,
        1
    );
}

#[tokio::test]
async fn a_suspended_or_deleted_organizer_cannot_sign_in_and_their_events_leave_the_site() {
    let app = TestApp::spawn().await;
    let (_, admin) = staff(&app, "admin@exemple.fr", "admin").await;
    let (orga_id, orga) = organizer(&app, "orga@exemple.fr", 400, true).await;
    let id = saved_event(&app, &orga, &[]).await;
    call(&app, "submit_event", &format!("event={id}"), &orga).await;
    let slug: String = scalar(&app, "SELECT slug FROM events WHERE id = $1", id).await;
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 200);

    let until = day(10);
    let body = form(&[
        ("user_id", &orga_id.to_string()),
        ("reason", "Annonces trompeuses"),
        ("until", &until),
    ]);
    assert_eq!(
        call(&app, "admin_suspend_user", &body, &admin).await.status,
        200
    );
    assert_eq!(
        login(&app, "orga@exemple.fr", PASSWORD, None).await.status,
        403
    );
    assert_eq!(
        app.get(&format!("/events/{slug}"), &[]).await.status,
        404,
        "hidden while suspended"
    );
    assert_eq!(
        scalar::<i64>(&app, "SELECT count(*) FROM jobs WHERE kind = 'suspension_end' AND payload->>'user_id' = $1::text AND done_at IS NULL", orga_id).await,
        1,
        "the suspension lifts itself at its date"
    );
    // The end date passes: the job gives the account and its events back.
    sqlx::query("UPDATE users SET suspended_until = now() - interval '1 minute' WHERE id = $1")
        .bind(orga_id)
        .execute(&app.pool)
        .await
        .expect("time");
    sqlx::query(
        "UPDATE jobs SET run_at = now() - interval '1 minute' WHERE kind = 'suspension_end'",
    )
    .execute(&app.pool)
    .await
    .expect("time");
    app::ssr::jobs::run_due(&app.pool, &app::ssr::jobs::JobSettings::default())
        .await
        .expect("jobs");
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 200);
    assert_eq!(
        login(&app, "orga@exemple.fr", PASSWORD, None).await.status,
        200
    );

    // Deleted: same, until restored; everything logged with who and why.
    let body = form(&[
        ("user_id", &orga_id.to_string()),
        ("reason", "Demande de l’utilisateur"),
    ]);
    assert_eq!(
        call(&app, "admin_delete_user", &body, &admin).await.status,
        200
    );
    assert_ne!(
        login(&app, "orga@exemple.fr", PASSWORD, None).await.status,
        200
    );
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 404);
    assert_eq!(
        call(&app, "admin_delete_user", &body, &admin).await.status,
        404,
        "twice"
    );
    assert_eq!(
        call(
            &app,
            "admin_restore_user",
            &format!("user_id={orga_id}"),
            &admin
        )
        .await
        .status,
        200
    );
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 200);
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM moderation_actions WHERE target_user_id = $1 AND event_id IS NULL ORDER BY id")
        .bind(orga_id)
        .fetch_all(&app.pool)
        .await
        .expect("actions");
    assert_eq!(
        actions,
        [
            "suspend_user",
            "restore_user",
            "delete_user",
            "restore_user"
        ]
    );
    let audit: Vec<String> = sqlx::query_scalar("SELECT action FROM activity_logs WHERE target_type = 'user' AND target_id = $1 AND action LIKE 'user_%' ORDER BY id")
        .bind(orga_id)
        .fetch_all(&app.pool)
        .await
        .expect("audit");
    assert_eq!(
        audit,
        [
            "user_suspended",
            "user_reinstated",
            "user_deleted",
            "user_restored"
        ]
    );

    // Events: deleted softly and restored.
    let del = call(
        &app,
        "admin_set_event_deleted",
        &format!("event={id}&deleted=true&reason=Doublon"),
        &admin,
    )
    .await;
    assert_eq!(del.status, 200, "{}", del.body);
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 404);
    assert_eq!(
        call(
            &app,
            "admin_set_event_deleted",
            &format!("event={id}&deleted=true&reason=Doublon"),
            &admin
        )
        .await
        .status,
        409
    );
    assert_eq!(
        call(
            &app,
            "admin_set_event_deleted",
            &format!("event={id}&deleted=false"),
            &admin
        )
        .await
        .status,
        200
    );
    assert_eq!(app.get(&format!("/events/{slug}"), &[]).await.status, 200);
}

#[tokio::test]
async fn submissions_per_organizer_and_day_are_limited_by_the_settings() {
    let app = TestApp::spawn().await;
    sqlx::query(r#"UPDATE platform_settings SET settings = '{"max_submissions_per_day": 2}'"#)
        .execute(&app.pool)
        .await
        .expect("settings");
    let (_, orga) = organizer(&app, "orga@exemple.fr", 400, false).await;
    for n in 0..2 {
        submit(&app, &orga, &[("title", &format!("Atelier {n}"))]).await;
    }
    let third = saved_event(&app, &orga, &[("title", "Atelier 3")]).await;
    let refused = call(&app, "submit_event", &format!("event={third}"), &orga).await;
    assert_eq!(refused.status, 429);
    assert!(refused.headers.contains_key("retry-after"));
    assert_eq!(status(&app, third).await, "draft", "nothing changed");
}
