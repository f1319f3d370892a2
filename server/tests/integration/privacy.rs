//! Personal data against a real PostgreSQL: the export (mine and nobody else's) and the account
//! deletion (no personal value left in any column of any table, organizers' counts unchanged).

use crate::common;

use std::time::Duration;

use crate::common::{
    TestApp,
    accounts::{JSON, PASSWORD, call, form, signed_in},
};
use app::{
    i18n::Locale,
    tickets::{
        model::GuestDetails,
        server::{Outcome, Registrant, Request, register},
    },
};

const SECRET: &[u8] = b"privacy test secret, thirty-two bytes or more!!";
const NAME: &str = "Zéphyrine Quintard";
const PHONE: &str = "+33698765432";

async fn future_event(app: &TestApp, title: &str, capacity: Option<i32>) -> i64 {
    let slug = app
        .insert_event(title, Duration::from_secs(5 * 24 * 3600), false)
        .await;
    sqlx::query_scalar("UPDATE events SET capacity = $2, max_seats_per_registration = 4 WHERE slug = $1 RETURNING id")
        .bind(slug)
        .bind(capacity)
        .fetch_one(&app.pool)
        .await
        .expect("event")
}

/// A future event handed to `organizer`: its id and slug.
async fn organized_by(
    app: &TestApp,
    organizer: i64,
    title: &str,
    capacity: Option<i32>,
) -> (i64, String) {
    let event = future_event(app, title, capacity).await;
    let slug =
        sqlx::query_scalar("UPDATE events SET organizer_id = $2 WHERE id = $1 RETURNING slug")
            .bind(event)
            .bind(organizer)
            .fetch_one(&app.pool)
            .await
            .expect("organizer");
    (event, slug)
}

async fn join(pool: &sqlx::PgPool, event: i64, who: Registrant<'_>, seats: u32) -> Vec<String> {
    let attendees: Vec<String> = (1..seats).map(|n| format!("Accompagnant {n}")).collect();
    let request = Request {
        seats,
        attendees: &attendees,
        answers: serde_json::Map::new(),
        locale: Locale::Fr,
    };
    match register(pool, SECRET, event, who, request).await {
        Ok(Outcome::Registered { codes, .. }) => codes,
        other => panic!("registration: {other:?}"),
    }
}

fn guest(n: usize) -> GuestDetails {
    GuestDetails::parse(
        &format!("Invité {n}"),
        &format!("invite{n}@example.fr"),
        "",
        true,
    )
    .expect("guest")
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

/// Every column of every table that can hold text, with the rows holding `needle`.
async fn columns_containing(app: &TestApp, needle: &str) -> Vec<String> {
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_schema, table_name, column_name FROM information_schema.columns
         WHERE table_schema IN ('public', 'tower_sessions')
           AND data_type IN ('text', 'jsonb', 'json', 'character varying', 'character', 'ARRAY', 'inet', 'bytea')
           AND table_name NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(&app.pool)
    .await
    .expect("columns");
    assert!(
        columns.len() > 60,
        "only {} text columns found",
        columns.len()
    );
    let mut found = Vec::new();
    for (schema, table, column) in columns {
        let sql = format!(
            "SELECT count(*) FROM {schema}.{table} WHERE position(lower($1) in lower(\"{column}\"::text)) > 0"
        );
        let n: i64 = sqlx::query_scalar(&sql)
            .bind(needle)
            .fetch_one(&app.pool)
            .await
            .expect(&sql);
        if n > 0 {
            found.push(format!("{table}.{column} ({n})"));
        }
    }
    found
}

#[tokio::test]
async fn deletion_leaves_no_personal_data_while_organizers_counts_stay_right() {
    let app = TestApp::spawn().await;
    let email = "zephyrine@exemple.fr";
    let (me, cookie) = signed_in(&app, email).await;
    sqlx::query("UPDATE users SET full_name = $2, phone_number = $3, bio = 'Passionnée de Lyon', display_name = 'Zéphy Q.' WHERE id = $1")
        .bind(me)
        .bind(NAME)
        .bind(PHONE)
        .execute(&app.pool)
        .await
        .expect("profile");

    // A past event I attended (registered while it was ahead, then it happened; checked in).
    let past = future_event(&app, "Atelier passé", Some(10)).await;
    join(&app.pool, past, Registrant::Account(me), 2).await;
    join(&app.pool, past, Registrant::Guest(&guest(1)), 1).await;
    sqlx::query("UPDATE events SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '2 hours' WHERE id = $1")
        .bind(past)
        .execute(&app.pool)
        .await
        .expect("past");
    sqlx::query("UPDATE tickets SET status = 'used', checked_in_at = now() - interval '3 days' WHERE event_id = $1")
        .bind(past)
        .execute(&app.pool)
        .await
        .expect("check-in");
    // An upcoming event I registered for, and one I organize with a guest registered.
    let upcoming = future_event(&app, "Soirée à venir", Some(10)).await;
    join(&app.pool, upcoming, Registrant::Account(me), 3).await;
    let mine = future_event(&app, "Mon apéro", Some(20)).await;
    sqlx::query("UPDATE events SET organizer_id = $2 WHERE id = $1")
        .bind(mine)
        .bind(me)
        .execute(&app.pool)
        .await
        .expect("organizer");
    join(&app.pool, mine, Registrant::Guest(&guest(2)), 1).await;
    let contact = form(&[
        ("full_name", NAME),
        ("email", email),
        ("subject", "Une question"),
        ("message", "Bonjour, une question sur mes billets."),
        ("locale", "fr"),
    ]);
    assert_eq!(call(&app, "contact", &contact, &cookie).await.status, 200);

    let count_past = |sql: &'static str| scalar(&app, sql, past);
    let participants_before = count_past(
        "SELECT count(*) FROM event_participants WHERE event_id = $1 AND status = 'registered'",
    )
    .await;
    let checked_in_before =
        count_past("SELECT count(*) FROM tickets WHERE event_id = $1 AND status = 'used'").await;
    let seats_before = count_past("SELECT seats_taken::bigint FROM events WHERE id = $1").await;
    assert!(
        !columns_containing(&app, email).await.is_empty(),
        "the set-up holds the address"
    );

    // Refusals first: the confirmation word and the password, at their fields; nothing changes.
    let wrong_word = call(
        &app,
        "delete_my_account",
        &form(&[("confirm", "oui"), ("password", PASSWORD)]),
        &cookie,
    )
    .await;
    assert_eq!(wrong_word.status, 422, "{}", wrong_word.body);
    assert_eq!(
        common::events::field_error(&wrong_word, "confirm").as_deref(),
        Some("DeletionConfirmWord")
    );
    let wrong_password = call(
        &app,
        "delete_my_account",
        &form(&[("confirm", "SUPPRIMER"), ("password", "nope")]),
        &cookie,
    )
    .await;
    assert_eq!(wrong_password.status, 422);
    assert_eq!(
        common::events::field_error(&wrong_password, "password").as_deref(),
        Some("PasswordCurrentWrong")
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM users WHERE id = $1 AND deleted_at IS NULL",
            me
        )
        .await,
        1
    );

    let done = call(
        &app,
        "delete_my_account",
        &form(&[("confirm", "supprimer"), ("password", PASSWORD)]),
        &cookie,
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);

    for needle in [email, NAME, PHONE, "Passionnée de Lyon", "Zéphy Q."] {
        assert_eq!(
            columns_containing(&app, needle).await,
            Vec::<String>::new(),
            "{needle} is still stored"
        );
    }
    // The organizer of the past event keeps the same totals.
    assert_eq!(
        count_past(
            "SELECT count(*) FROM event_participants WHERE event_id = $1 AND status = 'registered'"
        )
        .await,
        participants_before
    );
    assert_eq!(
        count_past("SELECT count(*) FROM tickets WHERE event_id = $1 AND status = 'used'").await,
        checked_in_before
    );
    assert_eq!(
        count_past("SELECT seats_taken::bigint FROM events WHERE id = $1").await,
        seats_before
    );
    // The upcoming registration gave its seats back; my own event is cancelled, its guest told.
    assert_eq!(
        scalar(
            &app,
            "SELECT seats_taken::bigint FROM events WHERE id = $1",
            upcoming
        )
        .await,
        0
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM events WHERE id = $1 AND status = 'cancelled'",
            mine
        )
        .await,
        1
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM email_outbox WHERE template = 'event_cancelled' AND to_address = 'invite2@example.fr' AND $1 > 0", 1).await,
        1
    );
    // Twice: the session is gone, so is the account.
    let again = call(
        &app,
        "delete_my_account",
        &form(&[("confirm", "SUPPRIMER"), ("password", PASSWORD)]),
        &cookie,
    )
    .await;
    assert_eq!(again.status, 401);
    assert_eq!(
        app.get("/account/export.zip", &[("cookie", &cookie)])
            .await
            .status,
        303
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM activity_logs WHERE action = 'account_erased' AND target_id = $1",
            me
        )
        .await,
        1
    );
}

/// The names in a ZIP and the text of one of its files, read by Python's zipfile (an independent reader).
fn read_zip(bytes: &[u8], name: &str) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("export.zip");
    std::fs::write(&path, bytes).expect("write");
    let script = format!(
        "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint('\\n'.join(z.namelist()))\nprint('---')\nprint(z.read('{name}').decode('utf-8'))"
    );
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let (names, content) = text.split_once("---\n").expect("separator");
    (
        names.lines().map(str::to_owned).collect(),
        content.to_owned(),
    )
}

#[tokio::test]
async fn the_export_holds_my_data_and_nobody_elses() {
    let app = TestApp::spawn().await;
    let (me, cookie) = signed_in(&app, "moi@exemple.fr").await;
    let (other, _) = signed_in(&app, "autre@exemple.fr").await;
    let event = future_event(&app, "Atelier commun", None).await;
    let codes = join(&app.pool, event, Registrant::Account(me), 1).await;
    join(&app.pool, event, Registrant::Account(other), 1).await;
    join(&app.pool, event, Registrant::Guest(&guest(3)), 1).await;

    let reply = app.get("/account/export.zip", &[("cookie", &cookie)]).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.headers["content-type"], "application/zip");
    let (names, json) = read_zip(&reply.bytes, "data.json");
    assert_eq!(
        names,
        [
            "data.json",
            "inscriptions.csv",
            "billets.csv",
            "evenements-organises.csv",
            "sessions.csv"
        ]
    );
    let data: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(data["account"]["email"], "moi@exemple.fr");
    assert_eq!(data["registrations"].as_array().map(Vec::len), Some(1));
    assert_eq!(data["tickets"][0]["code"], codes[0].as_str());
    assert!(!data["sessions"].as_array().expect("sessions").is_empty());
    assert!(!json.contains("autre@exemple.fr") && !json.contains("invite3@example.fr"));
    let (_, csv) = read_zip(&reply.bytes, "billets.csv");
    assert!(csv.contains(&codes[0]), "{csv}");
    // Signed out: to the sign-in page, never someone's file.
    assert_eq!(app.get("/account/export.zip", &[]).await.status, 303);
    assert_eq!(scalar(&app, "SELECT count(*) FROM activity_logs WHERE action = 'personal_data_exported' AND actor_user_id = $1", me).await, 1);
}
#[tokio::test]
async fn statistics_and_dashboard_match_what_happened() {
    let app = TestApp::spawn().await;
    let (organizer, cookie) = signed_in(&app, "orga@exemple.fr").await;
    let (_, stranger) = signed_in(&app, "curieux@exemple.fr").await;
    let (event, slug) = organized_by(&app, organizer, "Conférence comptée", Some(4)).await;
    let first = join(&app.pool, event, Registrant::Guest(&guest(1)), 2).await;
    join(&app.pool, event, Registrant::Guest(&guest(2)), 1).await;
    join(&app.pool, event, Registrant::Guest(&guest(3)), 1).await;
    // Full: the next one waits; one cancels (seats back, the waitlist gets an offer).
    let waiting = GuestDetails::parse("Invité 4", "invite4@example.fr", "", true).expect("guest");
    sqlx::query("UPDATE events SET waitlist_enabled = true WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("waitlist");
    let request = Request {
        seats: 1,
        attendees: &[],
        answers: serde_json::Map::new(),
        locale: Locale::Fr,
    };
    let queued = register(
        &app.pool,
        SECRET,
        event,
        Registrant::Guest(&waiting),
        request,
    )
    .await
    .expect("waitlisted");
    assert!(matches!(queued, Outcome::Waitlisted { .. }), "{queued:?}");
    sqlx::query("UPDATE tickets SET status = 'used', checked_in_at = now() WHERE code = $1")
        .bind(&first[0])
        .execute(&app.pool)
        .await
        .expect("check-in");
    for ua in [
        "Mozilla/5.0 (Linux; Android 14) Mobile",
        "Mozilla/5.0 (X11; Linux x86_64)",
        "Googlebot/2.1",
    ] {
        assert_eq!(
            app.get(&format!("/events/{slug}"), &[("user-agent", ua)])
                .await
                .status,
            200
        );
    }

    let stats = call(&app, "event_stats", &format!("event={event}"), &cookie).await;
    assert_eq!(stats.status, 200, "{}", stats.body);
    let stats: serde_json::Value = serde_json::from_str(&stats.body).expect("json");
    assert_eq!(stats["registered"], 3);
    assert_eq!(stats["seats_taken"], 4);
    assert_eq!(stats["tickets"], 4);
    assert_eq!(stats["checked_in"], 1);
    assert_eq!(stats["waitlisted"], 1);
    assert_eq!(stats["cancelled"], 0);
    assert_eq!(stats["page_views"], 2, "robots are not counted");
    let per_day: i64 = stats["registrations_by_day"]
        .as_array()
        .expect("bars")
        .iter()
        .map(|b| b["value"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(per_day, 3);
    let page = app
        .get(
            &format!("/organizer/events/{event}/stats"),
            &[("cookie", &cookie)],
        )
        .await;
    assert!(
        page.body.contains(r#"data-stat="checked-in">1<"#),
        "{}",
        page.body
    );
    assert!(page.body.contains("<svg"));

    // Someone else's event: refused; signed out: asked to sign in.
    let refused = call(&app, "event_stats", &format!("event={event}"), &stranger).await;
    assert_eq!(refused.status, 403);
    let anonymous = app
        .post_form("/api/fn/event_stats", &format!("event={event}"), &[JSON])
        .await;
    assert_eq!(anonymous.status, 401);
    assert_eq!(
        call(&app, "event_stats", "event=999999", &cookie)
            .await
            .status,
        404
    );

    // The organizer's dashboard lists the event with its fill rate; a participant's lists the ticket.
    let dashboard = app.get("/dashboard", &[("cookie", &cookie)]).await;
    assert!(dashboard.body.contains("Conférence comptée"));
    assert!(
        dashboard.body.contains(r#"value="100""#),
        "a full event is 100 %"
    );
    let (me, mine) = signed_in(&app, "participante@exemple.fr").await;
    let other = future_event(&app, "Atelier ouvert", None).await;
    let codes = join(&app.pool, other, Registrant::Account(me), 1).await;
    let data = call(&app, "my_dashboard", "", &mine).await;
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("json");
    assert_eq!(data["upcoming"][0]["code"], codes[0].as_str());
    assert_eq!(data["counters"]["participations"], 1);
    let page = app.get("/dashboard", &[("cookie", &mine)]).await;
    assert!(
        page.body.contains(&format!("/tickets/{}", codes[0])),
        "one tap to the QR code"
    );
    let signed_out = app.get("/dashboard", &[]).await;
    assert_eq!(signed_out.status, 302, "signed out: sent to sign in");
    assert_eq!(
        signed_out.headers["location"].to_str().ok(),
        Some("/login?next=/dashboard")
    );
}

/// Page views are counted in memory and written in batches: a burst of concurrent visits loses none,
/// they land in one row per day, and the statistics read them at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_page_views_is_counted_exactly() {
    let app = TestApp::spawn().await;
    let (organizer, cookie) = signed_in(&app, "vues@exemple.fr").await;
    let (event, slug) = organized_by(&app, organizer, "Concert très demandé", None).await;
    let visits: Vec<_> = (0..60)
        .map(|n| {
            let (app, path) = (&app, format!("/events/{slug}"));
            async move {
                let agent = format!("Mozilla/5.0 (visitor {n})");
                app.get(&path, &[("user-agent", agent.as_str())])
                    .await
                    .status
                    .as_u16()
            }
        })
        .collect();
    let statuses = common::join_all(visits).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let stats = call(&app, "event_stats", &format!("event={event}"), &cookie).await;
    let stats: serde_json::Value = serde_json::from_str(&stats.body).expect("json");
    assert_eq!(stats["page_views"], 60);
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM event_page_views WHERE event_id = $1",
            event
        )
        .await,
        1,
        "one row per day"
    );
    // Written, not only kept: a second read adds nothing.
    let again = call(&app, "event_stats", &format!("event={event}"), &cookie).await;
    let again: serde_json::Value = serde_json::from_str(&again.body).expect("json");
    assert_eq!(again["page_views"], 60);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_deletion_racing_registrations_leaves_consistent_rows() {
    let app = TestApp::spawn().await;
    let event = future_event(&app, "Course contre la montre", Some(100)).await;
    for round in 0..8 {
        let (me, _) = signed_in(&app, &format!("presse{round}@exemple.fr")).await;
        let (pool_a, pool_b) = (app.pool.clone(), app.pool.clone());
        let registering = tokio::spawn(async move {
            let request = Request {
                seats: 2,
                attendees: &[],
                answers: serde_json::Map::new(),
                locale: Locale::Fr,
            };
            let attendees = ["Ami".to_owned()];
            let request = Request {
                attendees: &attendees,
                ..request
            };
            register(&pool_a, SECRET, event, Registrant::Account(me), request)
                .await
                .map(|_| ())
        });
        let erasing = tokio::spawn(async move {
            app::privacy::server::erase::erase_account(&pool_b, me, None)
                .await
                .map(|_| ())
        });
        let (registered, erased) = (
            registering.await.expect("task"),
            erasing.await.expect("task"),
        );
        assert!(erased.is_ok(), "{erased:?}");
        if let Err(error) = registered {
            assert_eq!(error, app::error::AppError::Unauthorized, "round {round}");
        }
        assert_eq!(
            scalar(
                &app,
                "SELECT count(*) FROM event_participants WHERE user_id = $1",
                me
            )
            .await,
            0
        );
    }
    let (taken, held): (i32, i64) = sqlx::query_as(
        "SELECT e.seats_taken, coalesce((SELECT sum(seats) FROM event_participants WHERE event_id = e.id AND status = 'registered'), 0)
         FROM events e WHERE e.id = $1",
    )
    .bind(event)
    .fetch_one(&app.pool)
    .await
    .expect("seats");
    assert_eq!(
        (taken as i64, held),
        (0, 0),
        "every seat taken in the race went back"
    );
}

#[tokio::test]
async fn guests_data_is_erased_after_the_retention_time() {
    let app = TestApp::spawn().await;
    let old = future_event(&app, "Il y a longtemps", None).await;
    let recent = future_event(&app, "La semaine dernière", None).await;
    join(&app.pool, old, Registrant::Guest(&guest(7)), 1).await;
    join(&app.pool, recent, Registrant::Guest(&guest(8)), 1).await;
    sqlx::query("UPDATE events SET starts_at = now() - $2::interval, ends_at = now() - $2::interval + interval '1 hour' WHERE id = $1")
        .bind(old)
        .bind("200 days")
        .execute(&app.pool)
        .await
        .expect("old");
    sqlx::query("UPDATE events SET starts_at = now() - $2::interval, ends_at = now() - $2::interval + interval '1 hour' WHERE id = $1")
        .bind(recent)
        .bind("10 days")
        .execute(&app.pool)
        .await
        .expect("recent");
    let erased = app::privacy::server::retention::erase_past_guests(&app.pool)
        .await
        .expect("job");
    assert_eq!(erased, 1);
    assert!(
        columns_containing(&app, "invite7@example.fr")
            .await
            .is_empty()
    );
    assert!(columns_containing(&app, "Invité 7").await.is_empty());
    assert!(
        !columns_containing(&app, "invite8@example.fr")
            .await
            .is_empty(),
        "within 180 days: kept"
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM event_participants WHERE event_id = $1 AND status = 'registered'",
            old
        )
        .await,
        1
    );
    assert_eq!(
        app::privacy::server::retention::erase_past_guests(&app.pool)
            .await
            .expect("job"),
        0,
        "done once"
    );
}
