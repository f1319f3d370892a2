//! Signing in (sessions) and the notification centre, through the same router the binary serves.

use crate::common::{
    TestApp,
    accounts::{JSON, PASSWORD, form, login, session_cookie, signed_in, user},
};

async fn notify(app: &TestApp, user_id: i64, title: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO notifications (user_id, kind, payload, link) VALUES ($1, 'event_reminder', jsonb_build_object('event_title', $2::text), '/events/x') RETURNING id",
    )
    .bind(user_id)
    .bind(title)
    .fetch_one(&app.pool)
    .await
    .expect("notification")
}

async fn unread(app: &TestApp, cookie: &str) -> i64 {
    let reply = app
        .post_form("/api/fn/unread_count", "", &[JSON, ("cookie", cookie)])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body.parse().expect("a number")
}

#[tokio::test]
async fn login_sets_a_safe_cookie_records_the_device_and_answers_the_same_for_unknown_emails() {
    let app = TestApp::spawn().await;
    let (id, _) = signed_in(&app, "camille@exemple.fr").await;
    let reply = login(&app, "camille@exemple.fr", PASSWORD, None).await;
    assert_eq!(reply.body, "\"/notifications\"");
    let header = reply.headers["set-cookie"].to_str().expect("ascii");
    assert!(
        header.starts_with("meetral_session=")
            && header.contains("HttpOnly")
            && header.contains("SameSite=Lax"),
        "{header}"
    );
    let sessions: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .expect("count");
    assert_eq!(sessions, 2, "one row per signed-in device");

    let wrong = login(&app, "camille@exemple.fr", "not it", None).await;
    let unknown = login(&app, "personne@exemple.fr", "not it", None).await;
    assert_eq!((wrong.status.as_u16(), unknown.status.as_u16()), (422, 422));
    assert_eq!(wrong.body, unknown.body, "no hint whether the email exists");
    assert!(!wrong.headers.contains_key("set-cookie"));
    let logged: Vec<String> = sqlx::query_scalar("SELECT action FROM activity_logs ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .expect("logs");
    assert_eq!(logged, ["login", "login", "login_failed", "login_failed"]);
    let failed_target: Option<i64> = sqlx::query_scalar(
        "SELECT target_id FROM activity_logs WHERE action = 'login_failed' ORDER BY id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .expect("log");
    assert_eq!(
        failed_target,
        Some(id),
        "a failure on a known account is logged against it"
    );

    let over_https = TestApp::with_base_url("https://meetral.test").await;
    user(&over_https, "camille@exemple.fr").await;
    let reply = login(&over_https, "camille@exemple.fr", PASSWORD, None).await;
    let header = reply.headers["set-cookie"].to_str().expect("ascii");
    assert!(
        header.starts_with("__Host-meetral_session=")
            && header.contains("Secure")
            && header.contains("Path=/"),
        "{header}"
    );
}

#[tokio::test]
async fn the_session_id_changes_at_login_and_logout_or_revocation_ends_it() {
    let app = TestApp::spawn().await;
    let (id, first) = signed_in(&app, "camille@exemple.fr").await;
    assert_eq!(unread(&app, &first).await, 0);
    notify(&app, id, "Atelier").await;
    assert_eq!(unread(&app, &first).await, 1);

    // Signing in again from a browser that already holds a session gives it a new id.
    let again = login(&app, "camille@exemple.fr", PASSWORD, Some(&first)).await;
    let second = session_cookie(&again);
    assert_ne!(first, second, "no session fixation");
    assert_eq!(unread(&app, &first).await, 0, "the old id is gone");
    assert_eq!(unread(&app, &second).await, 1);

    // Revoked from elsewhere (the sessions page, an admin): signed out at the next request.
    sqlx::query("UPDATE user_sessions SET revoked_at = now() WHERE user_id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .expect("revoke");
    assert_eq!(unread(&app, &second).await, 0);

    let (_, third) = (
        id,
        session_cookie(&login(&app, "camille@exemple.fr", PASSWORD, None).await),
    );
    assert_eq!(unread(&app, &third).await, 1);
    let out = app
        .post_form("/api/fn/logout", "", &[JSON, ("cookie", &third)])
        .await;
    assert_eq!(out.status, 200);
    assert_eq!(unread(&app, &third).await, 0, "signed out");
    let page = app.get("/notifications", &[("cookie", &third)]).await;
    assert_eq!(page.status, 302);
    assert_eq!(
        page.headers["location"],
        "/login?next=/notifications%3Fpage%3D1"
    );
}

#[tokio::test]
async fn a_suspended_account_cannot_sign_in_and_is_signed_out() {
    let app = TestApp::spawn().await;
    let (id, cookie) = signed_in(&app, "camille@exemple.fr").await;
    sqlx::query("UPDATE users SET status = 'suspended', suspension_reason = 'Spam' WHERE id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .expect("suspend");
    notify(&app, id, "Atelier").await;
    assert_eq!(unread(&app, &cookie).await, 0, "the open session ends");
    let reply = login(&app, "camille@exemple.fr", PASSWORD, None).await;
    assert_eq!(reply.status, 403);
    assert!(
        reply.body.contains("AccountSuspended") && reply.body.contains("Spam"),
        "the reason is shown: {}",
        reply.body
    );
}

#[tokio::test]
async fn the_notification_centre_lists_marks_read_and_never_touches_someone_elses() {
    let app = TestApp::spawn().await;
    let (me, cookie) = signed_in(&app, "camille@exemple.fr").await;
    let other = user(&app, "autre@exemple.fr").await;
    for i in 0..22 {
        notify(&app, me, &format!("Événement {i:02}")).await;
    }
    let theirs = notify(&app, other, "Pas à vous").await;
    assert_eq!(unread(&app, &cookie).await, 22);

    let first = app
        .get(
            "/notifications",
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert_eq!(first.status, 200);
    assert!(
        first.body.contains("Événement 21") && !first.body.contains("Événement 01"),
        "newest first, 20 a page"
    );
    assert!(
        first.body.contains(r#"href="/notifications?page=2""#)
            && !first.body.contains("Pas à vous")
    );
    let second = app
        .get("/notifications?page=2", &[("cookie", &cookie)])
        .await;
    assert!(second.body.contains("Événement 01") && second.body.contains("Événement 00"));

    // Someone else's id: nothing happens.
    let reply = app
        .post_form(
            "/api/fn/mark_notification_read",
            &format!("id={theirs}"),
            &[JSON, ("cookie", &cookie)],
        )
        .await;
    assert_eq!(reply.status, 200);
    let still_unread: bool =
        sqlx::query_scalar("SELECT read_at IS NULL FROM notifications WHERE id = $1")
            .bind(theirs)
            .fetch_one(&app.pool)
            .await
            .expect("row");
    assert!(still_unread);

    // A plain form post (no JavaScript) comes back to the page it came from.
    let mine: i64 = sqlx::query_scalar("SELECT max(id) FROM notifications WHERE user_id = $1")
        .bind(me)
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let reply = app
        .post_form(
            "/api/fn/mark_notification_read",
            &format!("id={mine}"),
            &[
                ("accept", "text/html"),
                ("referer", "http://meetral.test/notifications"),
                ("cookie", &cookie),
            ],
        )
        .await;
    assert_eq!(reply.status, 302);
    assert_eq!(unread(&app, &cookie).await, 21);

    // "Mark all" spares what arrived after the page was shown.
    let shown_at = "2000-01-01T00:00:00Z";
    app.post_form(
        "/api/fn/mark_all_notifications_read",
        &form(&[("up_to", shown_at)]),
        &[JSON, ("cookie", &cookie)],
    )
    .await;
    assert_eq!(unread(&app, &cookie).await, 21);
    let now = chrono::Utc::now().to_rfc3339();
    app.post_form(
        "/api/fn/mark_all_notifications_read",
        &form(&[("up_to", &now)]),
        &[JSON, ("cookie", &cookie)],
    )
    .await;
    assert_eq!(unread(&app, &cookie).await, 0);
}

#[tokio::test]
async fn preferences_are_saved_from_the_form_and_essential_mails_stay_on() {
    let app = TestApp::spawn().await;
    let (me, cookie) = signed_in(&app, "camille@exemple.fr").await;
    sqlx::query(
        "INSERT INTO mail_opt_outs (email, kind) VALUES ('camille@exemple.fr', 'report_update')",
    )
    .execute(&app.pool)
    .await
    .expect("opt-out");
    // Everything on except reminder mails and in-app cancellations; the essential email boxes are
    // absent (disabled in the page) and must stay on.
    let body = form(&[
        ("app_event_reminder", "on"),
        ("email_report_update", "on"),
        ("app_report_update", "on"),
        ("app_registration_confirmed", "on"),
        ("app_event_changed", "on"),
        ("app_waitlist_offer", "on"),
        ("app_moderation_decision", "on"),
    ]);
    let reply = app
        .post_form(
            "/api/fn/save_notification_preferences",
            &body,
            &[
                ("accept", "text/html"),
                ("referer", "http://meetral.test/account/notifications"),
                ("cookie", &cookie),
            ],
        )
        .await;
    assert_eq!(reply.status, 302);
    assert!(
        reply.headers["location"]
            .to_str()
            .expect("ascii")
            .ends_with("/account/notifications?saved=1")
    );
    let rows: Vec<(String, bool, bool)> = sqlx::query_as(
        "SELECT kind, by_email, in_app FROM notification_preferences WHERE user_id = $1 ORDER BY kind",
    )
    .bind(me)
    .fetch_all(&app.pool)
    .await
    .expect("rows");
    assert!(rows.contains(&("event_reminder".into(), false, true)));
    assert!(
        rows.contains(&("event_cancelled".into(), true, false)),
        "cancellation mails cannot be refused"
    );
    assert!(rows.contains(&("report_update".into(), true, true)));
    let opt_outs: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_opt_outs")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(
        opt_outs, 0,
        "switching a mail back on lifts the unsubscribe"
    );

    let page = app
        .get(
            "/account/notifications?saved=1",
            &[("cookie", &cookie), ("accept-language", "en")],
        )
        .await;
    assert!(page.body.contains("Preferences saved."));
    assert!(
        page.body
            .contains(r#"name="app_event_reminder" value="on" checked"#),
        "{}",
        page.body
    );
    assert!(
        !page
            .body
            .contains(r#"name="email_event_reminder" value="on" checked"#)
    );
}

#[tokio::test]
async fn signed_out_visitors_get_401_from_server_functions_and_a_login_redirect_from_pages() {
    let app = TestApp::spawn().await;
    for function in [
        "my_notifications",
        "mark_notification_read",
        "notification_preferences",
    ] {
        let reply = app
            .post_form(&format!("/api/fn/{function}"), "page=1&id=1", &[JSON])
            .await;
        assert_eq!(reply.status, 401, "{function}");
    }
    assert_eq!(unread(&app, "meetral_session=forged").await, 0);
    let page = app.get("/account/notifications", &[]).await;
    assert_eq!(page.status, 302);
    assert_eq!(
        page.headers["location"],
        "/login?next=/account/notifications"
    );
    let home = app.get("/", &[("accept-language", "fr")]).await;
    assert!(home.body.contains(r#"href="/login""#) && !home.body.contains(r#"class="bell""#));
}

#[tokio::test]
async fn too_many_failed_sign_ins_lock_the_account_for_a_while_with_429_and_retry_after() {
    let app = TestApp::spawn().await;
    user(&app, "camille@exemple.fr").await;
    for _ in 0..10 {
        assert_eq!(
            login(&app, "camille@exemple.fr", "wrong", None)
                .await
                .status,
            422
        );
    }
    // Even the right password waits now: guessing cannot continue on this account.
    let limited = login(&app, "camille@exemple.fr", PASSWORD, None).await;
    assert_eq!(limited.status, 429);
    let retry_after: u64 = limited.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!(
        (800..=900).contains(&retry_after),
        "about 15 minutes, got {retry_after}"
    );
    assert!(!limited.headers.contains_key("set-cookie"));
    // Other accounts are not affected.
    user(&app, "autre@exemple.fr").await;
    assert_eq!(
        login(&app, "autre@exemple.fr", PASSWORD, None).await.status,
        200
    );
    // Once the failures are older than the window, signing in works again.
    sqlx::query("UPDATE activity_logs SET created_at = now() - interval '16 minutes'")
        .execute(&app.pool)
        .await
        .expect("time passes");
    assert_eq!(
        login(&app, "camille@exemple.fr", PASSWORD, None)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn one_address_cannot_try_more_than_its_burst_of_sign_ins() {
    let app = TestApp::spawn().await;
    let attempt =
        |ip: [u8; 4], n: usize| {
            let body = form(&[
                ("email", &format!("inconnu{n}@exemple.fr")),
                ("password", "x"),
            ]);
            let mut request = http::Request::post("/api/fn/login")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "application/json")
                .body(axum::body::Body::from(body))
                .expect("request");
            request.extensions_mut().insert(axum::extract::ConnectInfo(
                std::net::SocketAddr::from((ip, 40000)),
            ));
            request
        };
    for n in 0..20 {
        assert_eq!(
            app.request(attempt([203, 0, 113, 7], n)).await.status,
            422,
            "attempt {n}"
        );
    }
    let limited = app.request(attempt([203, 0, 113, 7], 20)).await;
    assert_eq!(limited.status, 429);
    assert!(limited.headers.contains_key("retry-after"));
    assert_eq!(
        app.request(attempt([198, 51, 100, 1], 21)).await.status,
        422,
        "another address is fine"
    );
}

#[tokio::test]
async fn expired_sessions_do_not_load_and_are_purged() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "camille@exemple.fr").await;
    sqlx::query("UPDATE tower_sessions.session SET expiry_date = now() - interval '1 second'")
        .execute(&app.pool)
        .await
        .expect("expire");
    let page = app
        .get("/account/notifications", &[("cookie", &cookie)])
        .await;
    assert_eq!(page.status, 302, "an expired session is no session");
    let store = app::ssr::session_store::PgSessionStore::new(app.pool.clone());
    assert_eq!(store.delete_expired().await.expect("purge"), 1);
}
