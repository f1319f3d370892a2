//! Accounts end to end through the router: signup and verification, password reset and change, email
//! change, sessions, two-factor sign-in, roles and suspensions, enumeration safety, CSRF and limits.

use crate::common::{
    Reply, TestApp,
    accounts::{
        JSON, PASSWORD, call, enrol, form, login, session_cookie, signed_in, totp_now, user,
        user_with_role,
    },
    events::field_error,
};

const NEW_PASSWORD: &str = "grenadine pamplemousse vélo";

async fn signup(app: &TestApp, email: &str, name: &str, password: &str) -> Reply {
    let body = form(&[
        ("email", email),
        ("full_name", name),
        ("password", password),
        ("phone", ""),
        ("terms", "on"),
        ("locale", "fr"),
    ]);
    app.post_form("/api/fn/signup", &body, &[JSON]).await
}

/// The token in the newest `template` mail queued for `to`.
async fn mailed_token(app: &TestApp, to: &str, template: &str) -> String {
    let payload: serde_json::Value = sqlx::query_scalar(
        "SELECT payload FROM email_outbox WHERE to_address = $1 AND template = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(to)
    .bind(template)
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|_| panic!("a {template} mail to {to}"));
    payload["token"].as_str().expect("token").to_owned()
}

async fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT template FROM email_outbox WHERE to_address = $1 ORDER BY id")
        .bind(to)
        .fetch_all(&app.pool)
        .await
        .expect("outbox")
}

/// Whether `cookie` still opens a signed-in session.
async fn is_signed_in(app: &TestApp, cookie: &str) -> bool {
    let reply = call(app, "my_account", "", cookie).await;
    match reply.status.as_u16() {
        200 => true,
        401 => false,
        other => panic!("my_account answered {other}: {}", reply.body),
    }
}

#[tokio::test]
async fn signup_sends_a_single_use_link_and_unverified_accounts_sign_in_but_cannot_publish() {
    let app = TestApp::spawn().await;
    let reply = signup(&app, "lea@exemple.fr", "Léa <b>Martin</b>", NEW_PASSWORD).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let row: (Option<chrono::DateTime<chrono::Utc>>, Option<chrono::DateTime<chrono::Utc>>, String, String) =
        sqlx::query_as("SELECT email_verified_at, terms_accepted_at, password_hash, full_name FROM users WHERE email = 'lea@exemple.fr'")
            .fetch_one(&app.pool)
            .await
            .expect("account");
    assert!(row.0.is_none() && row.1.is_some());
    assert!(
        row.2.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{}",
        row.2
    );
    assert_eq!(
        row.3, "Léa <b>Martin</b>",
        "stored as typed, escaped when shown"
    );
    let token = mailed_token(&app, "lea@exemple.fr", "account_verification").await;
    let stored: Vec<u8> = sqlx::query_scalar("SELECT token_hash FROM user_tokens")
        .fetch_one(&app.pool)
        .await
        .expect("token row");
    assert_ne!(stored, token.as_bytes(), "only a digest is stored");

    // Unverified: can sign in (browse, register) but not publish.
    let signed = login(&app, "lea@exemple.fr", NEW_PASSWORD, None).await;
    assert_eq!(signed.status, 200, "{}", signed.body);
    let cookie = session_cookie(&signed);
    let account = call(&app, "my_account", "", &cookie).await;
    assert!(
        account.body.contains(r#""email_verified":false"#),
        "{}",
        account.body
    );
    let page = app
        .get(
            "/account",
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert!(
        page.body.contains("pas encore confirmée"),
        "the page says so"
    );
    assert!(
        page.body.contains("Léa &lt;b&gt;Martin&lt;/b&gt;"),
        "names are escaped"
    );

    // The link page itself changes nothing (mail scanners follow links); its POST does, once.
    let shown = app.get(&format!("/verify/{token}"), &[]).await;
    assert_eq!(shown.status, 200);
    let still: bool = sqlx::query_scalar("SELECT email_verified_at IS NULL FROM users")
        .fetch_one(&app.pool)
        .await
        .expect("row");
    assert!(still, "GET does not verify");
    let confirmed = call(&app, "confirm_email", &form(&[("token", &token)]), &cookie).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert_eq!(confirmed.body, r#""/account?saved=verified""#);
    let again = call(&app, "confirm_email", &form(&[("token", &token)]), &cookie).await;
    assert_eq!(again.status, 404, "single use");
    let account = call(&app, "my_account", "", &cookie).await;
    assert!(
        account.body.contains(r#""email_verified":true"#),
        "{}",
        account.body
    );
}

#[tokio::test]
async fn signup_checks_every_field_and_writes_nothing_on_bad_input() {
    let app = TestApp::spawn().await;
    let long_name = "é".repeat(101);
    let long_password = "x".repeat(2000);
    // (field, what is typed in it, the error expected under it); an empty value leaves the field out.
    let cases = [
        ("email", "pas-une-adresse", "FieldEmailInvalid"),
        ("email", "lеa@exemple.fr", "FieldEmailAscii"), // Cyrillic "е"
        ("full_name", "   ", "FieldRequired"),
        ("full_name", long_name.as_str(), "FieldTooLong"),
        ("full_name", "Ad\u{202E}nimda", "FieldControlChars"),
        ("password", "court", "PasswordTooShort"),
        ("password", "password", "PasswordCommon"),
        ("password", "aaaaaaaaaaaa", "PasswordRepeats"),
        ("password", long_password.as_str(), "FieldTooLong"),
        ("phone", "'; DROP TABLE users;--", "PhoneInvalid"),
        ("terms", "", "TermsRequired"),
    ];
    for (field, value, expected) in cases {
        let mut fields = vec![
            ("email", "lea@exemple.fr"),
            ("full_name", "Léa Martin"),
            ("password", NEW_PASSWORD),
            ("phone", ""),
            ("terms", "on"),
            ("locale", "fr"),
        ];
        fields.retain(|(n, _)| *n != field);
        if !value.is_empty() {
            fields.push((field, value));
        }
        let reply = app
            .post_form("/api/fn/signup", &form(&fields), &[JSON])
            .await;
        assert_eq!(reply.status, 422, "{field}: {}", reply.body);
        assert_eq!(
            field_error(&reply, field).as_deref(),
            Some(expected),
            "{field}: {}",
            reply.body
        );
    }
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(users, 0);
    // A 64-character passphrase (and longer) is welcome.
    let long = "une phrase de passe longue comme un jour sans pain et sans fin ok";
    assert!(long.chars().count() >= 64);
    assert_eq!(
        signup(&app, "long@exemple.fr", "Léa", long).await.status,
        200
    );
}

#[tokio::test]
async fn signup_login_and_reset_answer_the_same_for_known_and_unknown_addresses() {
    let app = TestApp::spawn().await;
    user(&app, "camille@exemple.fr").await;
    let known = signup(&app, "camille@exemple.fr", "Quelqu’un", NEW_PASSWORD).await;
    let fresh = signup(&app, "nouveau@exemple.fr", "Quelqu’un", NEW_PASSWORD).await;
    assert_eq!((known.status, &known.body), (fresh.status, &fresh.body));
    assert_eq!(
        mails_to(&app, "camille@exemple.fr").await,
        ["account_exists"],
        "the owner is told instead"
    );
    let accounts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE lower(email) = 'camille@exemple.fr'")
            .fetch_one(&app.pool)
            .await
            .expect("count");
    assert_eq!(accounts, 1);

    let known = app
        .post_form(
            "/api/fn/forgot_password",
            "email=camille%40exemple.fr",
            &[JSON],
        )
        .await;
    let unknown = app
        .post_form(
            "/api/fn/forgot_password",
            "email=personne%40exemple.fr",
            &[JSON],
        )
        .await;
    assert_eq!((known.status, &known.body), (unknown.status, &unknown.body));
    assert!(
        mails_to(&app, "camille@exemple.fr")
            .await
            .contains(&"password_reset".to_owned())
    );
    assert!(mails_to(&app, "personne@exemple.fr").await.is_empty());

    let wrong = login(&app, "camille@exemple.fr", "pas le bon", None).await;
    let nobody = login(&app, "personne@exemple.fr", "pas le bon", None).await;
    assert_eq!((wrong.status, &wrong.body), (nobody.status, &nobody.body));

    // Past 3 reset mails an hour the account gets no more, and the answer still does not change.
    for _ in 0..4 {
        let again = app
            .post_form(
                "/api/fn/forgot_password",
                "email=camille%40exemple.fr",
                &[JSON],
            )
            .await;
        assert_eq!((again.status, &again.body), (unknown.status, &unknown.body));
    }
    let resets = mails_to(&app, "camille@exemple.fr")
        .await
        .iter()
        .filter(|t| *t == "password_reset")
        .count();
    assert_eq!(resets, 3);
}

#[tokio::test]
async fn a_reset_link_works_once_within_an_hour_and_signs_every_device_out() {
    let app = TestApp::spawn().await;
    let (_, phone) = signed_in(&app, "camille@exemple.fr").await;
    let laptop = session_cookie(&login(&app, "camille@exemple.fr", PASSWORD, None).await);
    app.post_form(
        "/api/fn/forgot_password",
        "email=camille%40exemple.fr",
        &[JSON],
    )
    .await;
    let token = mailed_token(&app, "camille@exemple.fr", "password_reset").await;

    let weak = app
        .post_form(
            "/api/fn/reset_password",
            &form(&[("token", &token), ("password", "motdepasse")]),
            &[JSON],
        )
        .await;
    assert_eq!(weak.status, 422);
    assert_eq!(
        field_error(&weak, "password").as_deref(),
        Some("PasswordCommon")
    );
    let page = app.get(&format!("/password/reset/{token}"), &[]).await;
    assert!(
        page.body.contains(r#"name="password""#),
        "a weak try leaves the link usable"
    );

    let reset = app
        .post_form(
            "/api/fn/reset_password",
            &form(&[("token", &token), ("password", NEW_PASSWORD)]),
            &[JSON],
        )
        .await;
    assert_eq!(reset.status, 200, "{}", reset.body);
    assert!(!is_signed_in(&app, &phone).await && !is_signed_in(&app, &laptop).await);
    assert_eq!(
        login(&app, "camille@exemple.fr", PASSWORD, None)
            .await
            .status,
        422
    );
    assert_eq!(
        login(&app, "camille@exemple.fr", NEW_PASSWORD, None)
            .await
            .status,
        200
    );
    assert!(
        mails_to(&app, "camille@exemple.fr")
            .await
            .contains(&"security_notice".to_owned())
    );
    let reused = app
        .post_form(
            "/api/fn/reset_password",
            &form(&[("token", &token), ("password", "autre phrase secrète")]),
            &[JSON],
        )
        .await;
    assert_eq!(reused.status, 404);
    let page = app
        .get(
            &format!("/password/reset/{token}"),
            &[("accept-language", "fr")],
        )
        .await;
    assert!(page.body.contains("Ce lien ne fonctionne plus"));

    // An hour later a fresh link has expired.
    app.post_form(
        "/api/fn/forgot_password",
        "email=camille%40exemple.fr",
        &[JSON],
    )
    .await;
    let late = mailed_token(&app, "camille@exemple.fr", "password_reset").await;
    sqlx::query(
        "UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL",
    )
    .execute(&app.pool)
    .await
    .expect("time passes");
    let expired = app
        .post_form(
            "/api/fn/reset_password",
            &form(&[("token", &late), ("password", "autre phrase secrète")]),
            &[JSON],
        )
        .await;
    assert_eq!(expired.status, 404);
}

#[tokio::test]
async fn changing_the_password_asks_the_current_one_rotates_this_session_and_ends_the_others() {
    let app = TestApp::spawn().await;
    let (id, here) = signed_in(&app, "camille@exemple.fr").await;
    let elsewhere = session_cookie(&login(&app, "camille@exemple.fr", PASSWORD, None).await);
    let wrong = call(
        &app,
        "change_password",
        &form(&[("current_password", "nope"), ("new_password", NEW_PASSWORD)]),
        &here,
    )
    .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(
        field_error(&wrong, "current_password").as_deref(),
        Some("PasswordCurrentWrong")
    );
    let changed = call(
        &app,
        "change_password",
        &form(&[
            ("current_password", PASSWORD),
            ("new_password", NEW_PASSWORD),
        ]),
        &here,
    )
    .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    let rotated = session_cookie(&changed);
    assert_ne!(rotated, here, "a new session id");
    assert!(is_signed_in(&app, &rotated).await);
    assert!(!is_signed_in(&app, &here).await, "the old id opens nothing");
    assert!(
        !is_signed_in(&app, &elsewhere).await,
        "other devices are signed out"
    );
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM activity_logs WHERE target_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&app.pool)
            .await
            .expect("log");
    assert!(
        actions.contains(&"password_check_failed".to_owned())
            && actions.contains(&"password_changed".to_owned())
    );
    let logged: String =
        sqlx::query_scalar("SELECT string_agg(details::text, ' ') FROM activity_logs")
            .fetch_one(&app.pool)
            .await
            .expect("details");
    assert!(
        !logged.contains(PASSWORD) && !logged.contains(NEW_PASSWORD),
        "no secret in the log"
    );
}

#[tokio::test]
async fn changing_the_email_confirms_the_new_address_and_tells_the_old_one() {
    let app = TestApp::spawn().await;
    let (id, cookie) = signed_in(&app, "camille@exemple.fr").await;
    user(&app, "pris@exemple.fr").await;
    let body = form(&[
        ("new_email", "camille.d@exemple.fr"),
        ("password", PASSWORD),
    ]);
    assert_eq!(call(&app, "change_email", &body, &cookie).await.status, 200);
    assert_eq!(
        mails_to(&app, "camille@exemple.fr").await,
        ["email_change_notice"]
    );
    let token = mailed_token(&app, "camille.d@exemple.fr", "email_change_confirmation").await;
    let account = call(&app, "my_account", "", &cookie).await;
    assert!(
        account
            .body
            .contains(r#""pending_email":"camille.d@exemple.fr""#),
        "{}",
        account.body
    );
    assert_eq!(
        call(&app, "confirm_email", &form(&[("token", &token)]), &cookie)
            .await
            .status,
        200
    );
    let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("email");
    assert_eq!(email, "camille.d@exemple.fr");
    // An address that has an account: same answer, but no link is sent to it.
    let taken = call(
        &app,
        "change_email",
        &form(&[("new_email", "pris@exemple.fr"), ("password", PASSWORD)]),
        &cookie,
    )
    .await;
    assert_eq!(taken.status, 200);
    assert!(mails_to(&app, "pris@exemple.fr").await.is_empty());
    let wrong = call(
        &app,
        "change_email",
        &form(&[("new_email", "x@exemple.fr"), ("password", "nope")]),
        &cookie,
    )
    .await;
    assert_eq!(
        field_error(&wrong, "password").as_deref(),
        Some("PasswordCurrentWrong")
    );
}

#[tokio::test]
async fn sessions_are_listed_and_one_or_all_can_be_signed_out() {
    let app = TestApp::spawn().await;
    let (_, here) = signed_in(&app, "camille@exemple.fr").await;
    let other_reply = app
        .post_form(
            "/api/fn/login",
            &form(&[("email", "camille@exemple.fr"), ("password", PASSWORD)]),
            &[
                JSON,
                (
                    "user-agent",
                    "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36",
                ),
            ],
        )
        .await;
    let other = session_cookie(&other_reply);
    let list = call(&app, "my_sessions", "", &here).await;
    let sessions: Vec<serde_json::Value> = serde_json::from_str(&list.body).expect("json");
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    let phone = sessions
        .iter()
        .find(|s| s["device"] == "Chrome · Android")
        .expect("the phone");
    assert!(
        !list.body.contains(other.split('=').nth(1).expect("id")),
        "secret ids are never shown"
    );

    // Someone else cannot revoke it.
    let (_, stranger) = signed_in(&app, "autre@exemple.fr").await;
    let id = phone["id"].to_string();
    assert_eq!(
        call(&app, "revoke_session", &format!("id={id}"), &stranger)
            .await
            .status,
        404
    );
    assert!(is_signed_in(&app, &other).await);
    assert_eq!(
        call(&app, "revoke_session", &format!("id={id}"), &here)
            .await
            .status,
        200
    );
    assert!(!is_signed_in(&app, &other).await, "revoked");
    assert!(is_signed_in(&app, &here).await);

    let page = app
        .get(
            "/account/security",
            &[("cookie", &here), ("accept-language", "fr")],
        )
        .await;
    assert!(page.body.contains("cet appareil") && page.body.contains("Se déconnecter partout"));
    assert_eq!(
        call(&app, "sign_out_everywhere", "", &here).await.status,
        200
    );
    assert!(!is_signed_in(&app, &here).await);
}

#[tokio::test]
async fn two_factor_sign_in_needs_a_fresh_code_or_an_unused_recovery_code() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "camille@exemple.fr").await;
    let (rotated, secret, codes) = enrol(&app, &cookie).await;
    assert_eq!(codes.len(), 10);
    assert_ne!(
        rotated, cookie,
        "enabling 2FA is a privilege change: new session id"
    );
    assert!(is_signed_in(&app, &rotated).await && !is_signed_in(&app, &cookie).await);

    // The password alone now leads to the second step, not to a session.
    let first = login(&app, "camille@exemple.fr", PASSWORD, None).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.body, r#""/login/2fa?next=/notifications""#);
    let pending = session_cookie(&first);
    assert!(!is_signed_in(&app, &pending).await);
    // The code used at enrolment cannot be replayed; a wrong one is refused.
    let replay = call(
        &app,
        "login_second_factor",
        &format!("code={}", totp_now(&secret, 0)),
        &pending,
    )
    .await;
    assert_eq!(replay.status, 422, "{}", replay.body);
    let next = call(
        &app,
        "login_second_factor",
        &format!("code={}", totp_now(&secret, 1)),
        &pending,
    )
    .await;
    assert_eq!(next.status, 200, "{}", next.body);
    assert!(is_signed_in(&app, &session_cookie(&next)).await);

    // A recovery code works once.
    let again = session_cookie(&login(&app, "camille@exemple.fr", PASSWORD, None).await);
    let used = call(
        &app,
        "login_second_factor",
        &form(&[("code", &codes[0].to_uppercase())]),
        &again,
    )
    .await;
    assert_eq!(used.status, 200, "{}", used.body);
    let once_more = session_cookie(&login(&app, "camille@exemple.fr", PASSWORD, None).await);
    assert_eq!(
        call(
            &app,
            "login_second_factor",
            &form(&[("code", &codes[0])]),
            &once_more
        )
        .await
        .status,
        422
    );
    // Without the password step there is nothing to complete.
    assert_eq!(
        call(
            &app,
            "login_second_factor",
            &form(&[("code", &codes[1])]),
            "meetral_session=forged"
        )
        .await
        .status,
        401
    );
    let status = call(&app, "my_two_factor", "", &session_cookie(&used)).await;
    assert!(
        status.body.contains(r#""recovery_codes_left":9"#),
        "{}",
        status.body
    );
}

/// Enrolment as a browser without JavaScript does it: plain form posts that come back to the security
/// page, which shows the secret being enrolled, then the recovery codes once.
#[tokio::test]
async fn two_factor_enrolment_works_as_plain_form_posts() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "plain@exemple.fr").await;
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let before = app.get("/account/security", &html).await;
    assert!(before.body.contains("Activer la double authentification"));
    assert!(!before.body.contains("totp-secret"));

    let begun = app.post_form("/api/fn/begin_two_factor", "", &html).await;
    assert_eq!(begun.status, 302, "{}", begun.body);
    assert!(
        begun.headers["location"]
            .to_str()
            .expect("ascii")
            .starts_with("/account/security")
    );
    let page = app.get("/account/security", &html).await;
    assert!(page.body.contains("<svg"), "the QR code");
    let secret = page
        .body
        .split(r#"class="totp-secret">"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the secret is on the page")
        .to_owned();
    assert_eq!(secret.split_whitespace().collect::<String>().len(), 32);
    // Reloading shows the same secret (the one in the session), not a new one.
    assert!(
        app.get("/account/security", &html)
            .await
            .body
            .contains(&secret)
    );

    let confirmed = app
        .post_form(
            "/api/fn/confirm_two_factor",
            &format!("code={}", totp_now(&secret, 0)),
            &html,
        )
        .await;
    assert_eq!(confirmed.status, 302, "{}", confirmed.body);
    let rotated = session_cookie(&confirmed);
    let signed = [("cookie", rotated.as_str()), ("accept", "text/html")];
    let shown = app.get("/account/security", &signed).await;
    assert!(
        shown
            .body
            .contains("La double authentification est active.")
    );
    assert_eq!(
        shown.body.matches("<li><code>").count(),
        10,
        "{}",
        shown.body
    );
    let again = app.get("/account/security", &signed).await;
    assert_eq!(
        again.body.matches("<li><code>").count(),
        0,
        "codes show once"
    );
    assert!(!again.body.contains("totp-secret"));
}

#[tokio::test]
async fn staff_need_two_factor_and_every_admin_function_refuses_lower_roles() {
    let app = TestApp::spawn().await;
    let target = user(&app, "cible@exemple.fr").await;
    let target_cookie = session_cookie(&login(&app, "cible@exemple.fr", PASSWORD, None).await);
    user_with_role(&app, "admin@exemple.fr", "admin").await;
    user_with_role(&app, "modo@exemple.fr", "moderator").await;
    let (_, plain_user) = signed_in(&app, "membre@exemple.fr").await;

    let admin_login = login(&app, "admin@exemple.fr", PASSWORD, None).await;
    assert_eq!(
        admin_login.body, r#""/account/security?required=1""#,
        "staff set up 2FA first"
    );
    let admin_no_2fa = session_cookie(&admin_login);
    let modo = session_cookie(&login(&app, "modo@exemple.fr", PASSWORD, None).await);
    let (modo, _, _) = enrol(&app, &modo).await;

    let calls: [(&str, String); 3] = [
        ("admin_set_role", format!("user_id={target}&role=moderator")),
        (
            "admin_suspend_user",
            format!("user_id={target}&reason=Spam+r%C3%A9p%C3%A9t%C3%A9&until=2099-01-01"),
        ),
        ("admin_reinstate_user", format!("user_id={target}")),
    ];
    for (function, body) in &calls {
        assert_eq!(
            app.post_form(&format!("/api/fn/{function}"), body, &[JSON])
                .await
                .status,
            401,
            "{function}: anonymous"
        );
        assert_eq!(
            call(&app, function, body, &plain_user).await.status,
            403,
            "{function}: user"
        );
        let by_modo = call(&app, function, body, &modo).await;
        assert_eq!(
            (by_modo.status.as_u16(), by_modo.body.as_str()),
            (403, r#""Forbidden""#),
            "{function}: moderator"
        );
        let no_2fa = call(&app, function, body, &admin_no_2fa).await;
        assert_eq!(
            (no_2fa.status.as_u16(), no_2fa.body.as_str()),
            (403, r#""TwoFactorRequired""#),
            "{function}"
        );
    }
    let (admin, _, _) = enrol(&app, &admin_no_2fa).await;
    let (function, body) = &calls[1];
    assert_eq!(call(&app, function, body, &admin).await.status, 200);
    assert!(
        !is_signed_in(&app, &target_cookie).await,
        "a suspension ends the sessions"
    );
    let refused = login(&app, "cible@exemple.fr", PASSWORD, None).await;
    assert_eq!(refused.status, 403);
    assert!(
        refused.body.contains("Spam répété") && refused.body.contains("2099"),
        "{}",
        refused.body
    );
    assert_eq!(
        call(&app, "admin_reinstate_user", &calls[2].1, &admin)
            .await
            .status,
        200
    );
    assert_eq!(
        login(&app, "cible@exemple.fr", PASSWORD, None).await.status,
        200
    );
    assert_eq!(
        call(&app, "admin_set_role", &calls[0].1, &admin)
            .await
            .status,
        200
    );
    let audit: Vec<String> = sqlx::query_scalar("SELECT action FROM activity_logs WHERE target_id = $1 AND actor_user_id IS NOT NULL AND action LIKE 'user_%' OR action = 'role_changed' ORDER BY id")
        .bind(target)
        .fetch_all(&app.pool)
        .await
        .expect("audit");
    assert_eq!(audit, ["user_suspended", "user_reinstated", "role_changed"]);
    // Nobody changes their own role, and staff cannot turn 2FA off.
    let own = sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = 'admin@exemple.fr'")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    assert_eq!(
        call(
            &app,
            "admin_set_role",
            &format!("user_id={own}&role=user"),
            &admin
        )
        .await
        .status,
        403
    );
}

#[tokio::test]
async fn create_admin_bootstraps_or_promotes_with_the_usual_password_rules() {
    let app = TestApp::spawn().await;
    use app::accounts::server::admin::create_admin;
    assert!(
        create_admin(&app.pool, "chef@exemple.fr", "Cheffe", "password")
            .await
            .is_err()
    );
    assert_eq!(
        create_admin(&app.pool, "chef@exemple.fr", "Cheffe", NEW_PASSWORD).await,
        Ok(true)
    );
    user(&app, "promu@exemple.fr").await;
    assert_eq!(
        create_admin(&app.pool, "promu@exemple.fr", "Promu", NEW_PASSWORD).await,
        Ok(false)
    );
    let roles: Vec<String> = sqlx::query_scalar("SELECT role FROM users ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .expect("roles");
    assert_eq!(roles, ["admin", "admin"]);
    assert_eq!(
        login(&app, "chef@exemple.fr", NEW_PASSWORD, None)
            .await
            .body,
        r#""/account/security?required=1""#
    );
}

#[tokio::test]
async fn account_requests_from_another_site_are_refused() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_in(&app, "camille@exemple.fr").await;
    for function in [
        "signup",
        "login",
        "logout",
        "forgot_password",
        "reset_password",
        "change_password",
        "change_email",
        "revoke_session",
        "sign_out_everywhere",
        "begin_two_factor",
        "confirm_two_factor",
        "disable_two_factor",
        "admin_set_role",
        "save_profile",
    ] {
        let reply = app
            .post_form(
                &format!("/api/fn/{function}"),
                "",
                &[
                    ("sec-fetch-site", "cross-site"),
                    ("origin", "https://evil.example"),
                    ("cookie", &cookie),
                ],
            )
            .await;
        assert_eq!(reply.status, 403, "{function}");
    }
    assert!(is_signed_in(&app, &cookie).await);
}

#[tokio::test]
async fn signup_reset_and_resend_are_rate_limited_with_a_wait_in_minutes() {
    let app = TestApp::spawn().await;
    let from =
        |path: &str, body: String| {
            let mut request = http::Request::post(path)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "application/json")
                .body(axum::body::Body::from(body))
                .expect("request");
            request.extensions_mut().insert(axum::extract::ConnectInfo(
                std::net::SocketAddr::from(([203, 0, 113, 9], 4000)),
            ));
            request
        };
    for n in 0..10 {
        let body = form(&[
            ("email", &format!("p{n}@exemple.fr")),
            ("full_name", "P"),
            ("password", NEW_PASSWORD),
            ("terms", "on"),
            ("locale", "fr"),
        ]);
        assert_eq!(
            app.request(from("/api/fn/signup", body)).await.status,
            200,
            "signup {n}"
        );
    }
    let body = form(&[
        ("email", "p10@exemple.fr"),
        ("full_name", "P"),
        ("password", NEW_PASSWORD),
        ("terms", "on"),
        ("locale", "fr"),
    ]);
    let limited = app.request(from("/api/fn/signup", body)).await;
    assert_eq!(limited.status, 429);
    assert!(limited.headers.contains_key("retry-after"));
    for n in 0..10 {
        app.request(from(
            "/api/fn/forgot_password",
            format!("email=x{n}%40exemple.fr"),
        ))
        .await;
    }
    assert_eq!(
        app.request(from(
            "/api/fn/forgot_password",
            "email=y%40exemple.fr".into()
        ))
        .await
        .status,
        429
    );

    // Verification mails: 3 an hour per account (signup sent the first).
    signup(&app, "lent@exemple.fr", "Lent", NEW_PASSWORD).await;
    let cookie = session_cookie(&login(&app, "lent@exemple.fr", NEW_PASSWORD, None).await);
    for _ in 0..2 {
        assert_eq!(
            call(&app, "resend_verification", "", &cookie).await.status,
            200
        );
    }
    let refused = call(&app, "resend_verification", "", &cookie).await;
    assert_eq!(refused.status, 429);
    let wait: u64 = refused.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("secs");
    assert!((3000..=3600).contains(&wait), "{wait}");
}

#[tokio::test]
async fn without_javascript_a_rate_limited_sign_in_comes_back_to_the_form_with_the_wait() {
    let app = TestApp::spawn().await;
    user(&app, "camille@exemple.fr").await;
    for _ in 0..10 {
        login(&app, "camille@exemple.fr", "wrong", None).await;
    }
    let posted = app
        .post_form(
            "/api/fn/login",
            &form(&[("email", "camille@exemple.fr"), ("password", PASSWORD)]),
            &[
                ("accept", "text/html"),
                ("referer", "http://meetral.test/login"),
            ],
        )
        .await;
    assert_eq!(posted.status, 302, "{}", posted.body);
    let location = posted.headers["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let page = app.get(&location, &[("accept-language", "fr")]).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Trop de tentatives. Réessayez dans 15 min."),
        "{location}"
    );
}

#[tokio::test]
async fn the_create_admin_command_reads_the_password_from_stdin_and_works_in_production() {
    use std::io::Write;
    let app = TestApp::spawn().await;
    let run = |password: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_meetral"))
            .args([
                "create-admin",
                "--email",
                "chef@exemple.fr",
                "--name",
                "Cheffe",
            ])
            .env("DATABASE_URL", &app.database_url)
            .env("MEETRAL_ENV", "production")
            .env("SESSION_SECRET", "x".repeat(40))
            .env_remove("MEETRAL_ADMIN_PASSWORD")
            .env("RUST_LOG", "off")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run meetral");
        writeln!(child.stdin.take().expect("stdin"), "{password}").expect("write");
        child.wait_with_output().expect("output")
    };
    let weak = run("password");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password too weak"));
    let done = run(NEW_PASSWORD);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(String::from_utf8_lossy(&done.stdout).contains("chef@exemple.fr is a new admin"));
    let role: String = sqlx::query_scalar("SELECT role FROM users WHERE email = 'chef@exemple.fr'")
        .fetch_one(&app.pool)
        .await
        .expect("admin");
    assert_eq!(role, "admin");
    // No account exists by default in production: the demo data refuses to load.
    let demo = std::process::Command::new(env!("CARGO_BIN_EXE_meetral"))
        .arg("seed-demo")
        .env("DATABASE_URL", &app.database_url)
        .env("MEETRAL_ENV", "production")
        .env("RUST_LOG", "off")
        .output()
        .expect("run meetral");
    assert!(!demo.status.success());
}

#[tokio::test]
async fn the_profile_is_checked_saved_and_sets_the_site_language() {
    let app = TestApp::spawn().await;
    let (id, cookie) = signed_in(&app, "camille@exemple.fr").await;
    let bad = call(
        &app,
        "save_profile",
        &form(&[("full_name", " "), ("phone", "abc"), ("locale", "en")]),
        &cookie,
    )
    .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        field_error(&bad, "full_name").as_deref(),
        Some("FieldRequired")
    );
    assert_eq!(field_error(&bad, "phone").as_deref(), Some("PhoneInvalid"));
    let saved = call(
        &app,
        "save_profile",
        &form(&[
            ("full_name", "Camille <i>D.</i>"),
            ("phone", "+33 6 12 34 56 78"),
            ("locale", "en"),
        ]),
        &cookie,
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(
        saved
            .headers
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.starts_with("meetral_lang=en")))
    );
    let row: (String, Option<String>, String) =
        sqlx::query_as("SELECT full_name, phone_number, locale FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .expect("row");
    assert_eq!(
        row,
        (
            "Camille <i>D.</i>".into(),
            Some("+33612345678".into()),
            "en".into()
        )
    );
    let page = app.get("/account", &[("cookie", &cookie)]).await;
    assert!(
        page.body.contains("Camille &lt;i&gt;D.&lt;/i&gt;") && !page.body.contains("<i>D.</i>")
    );
    assert_eq!(
        app.post_form("/api/fn/save_profile", "full_name=X&locale=fr", &[JSON])
            .await
            .status,
        401
    );
}
