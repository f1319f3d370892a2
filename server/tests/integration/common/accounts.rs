//! Accounts for the tests: users made directly in the database, and signing in through the router.

use argon2::{Argon2, PasswordHasher, password_hash::SaltString};

use super::{Reply, TestApp};

pub const PASSWORD: &str = "correct horse battery staple";
/// What `fetch` sends from the islands: server functions then answer JSON with real status codes.
pub const JSON: (&str, &str) = ("accept", "application/json");

/// A verified account with `PASSWORD` and the given role.
pub async fn user_with_role(app: &TestApp, email: &str, role: &str) -> i64 {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    let hash = Argon2::default()
        .hash_password(PASSWORD.as_bytes(), &salt)
        .expect("hash")
        .to_string();
    sqlx::query_scalar(
        "INSERT INTO users (email, email_verified_at, password_hash, full_name, role) VALUES ($1, now(), $2, 'Camille Dupont', $3) RETURNING id",
    )
    .bind(email)
    .bind(hash)
    .bind(role)
    .fetch_one(&app.pool)
    .await
    .expect("user")
}

pub async fn user(app: &TestApp, email: &str) -> i64 {
    user_with_role(app, email, "user").await
}

/// An urlencoded form body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let value: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    other => format!("%{other:02X}"),
                })
                .collect();
            format!("{k}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub async fn login(app: &TestApp, email: &str, password: &str, cookie: Option<&str>) -> Reply {
    let body = form(&[
        ("email", email),
        ("password", password),
        ("next", "/notifications"),
    ]);
    match cookie {
        Some(cookie) => {
            app.post_form("/api/fn/login", &body, &[JSON, ("cookie", cookie)])
                .await
        }
        None => app.post_form("/api/fn/login", &body, &[JSON]).await,
    }
}

/// `name=value` of the session cookie the reply sets.
pub fn session_cookie(reply: &Reply) -> String {
    let header = reply.headers["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    header.split(';').next().expect("pair").to_owned()
}

pub async fn signed_in(app: &TestApp, email: &str) -> (i64, String) {
    let id = user(app, email).await;
    let reply = login(app, email, PASSWORD, None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    (id, session_cookie(&reply))
}

/// A JSON call of a server function as a signed-in browser makes it.
pub async fn call(app: &TestApp, function: &str, body: &str, cookie: &str) -> Reply {
    app.post_form(
        &format!("/api/fn/{function}"),
        body,
        &[JSON, ("cookie", cookie)],
    )
    .await
}

pub fn totp_now(secret_grouped: &str, offset_steps: i64) -> String {
    let encoded: String = secret_grouped.split_whitespace().collect();
    let secret = totp_rs::Secret::Encoded(encoded)
        .to_bytes()
        .expect("base32");
    let totp = totp_rs::TOTP::new_unchecked(totp_rs::Algorithm::SHA1, 6, 1, 30, secret);
    let now = chrono::Utc::now().timestamp() + offset_steps * 30;
    totp.generate(now.max(0) as u64)
}

/// Turns 2FA on for the signed-in `cookie`; answers the new cookie, the secret and the recovery codes.
pub async fn enrol(app: &TestApp, cookie: &str) -> (String, String, Vec<String>) {
    let setup = call(app, "begin_two_factor", "", cookie).await;
    assert_eq!(setup.status, 200, "{}", setup.body);
    let setup: serde_json::Value = serde_json::from_str(&setup.body).expect("json");
    let secret = setup["secret_grouped"].as_str().expect("secret").to_owned();
    assert!(
        setup["otpauth_uri"]
            .as_str()
            .expect("uri")
            .starts_with("otpauth://totp/Meetral:")
    );
    assert!(setup["qr_svg"].as_str().expect("svg").contains("<svg"));
    let wrong = call(app, "confirm_two_factor", "code=000000", cookie).await;
    assert_eq!(wrong.status, 422);
    let done = call(
        app,
        "confirm_two_factor",
        &format!("code={}", totp_now(&secret, 0)),
        cookie,
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let codes: Vec<String> = serde_json::from_str(&done.body).expect("codes");
    (session_cookie(&done), secret, codes)
}

/// A signed-in staff member (`moderator` or `admin`) with two-factor sign-in turned on, as staff
/// must be to use the back-office: answers their id and session cookie.
pub async fn staff(app: &TestApp, email: &str, role: &str) -> (i64, String) {
    let id = user_with_role(app, email, role).await;
    let first = session_cookie(&login(app, email, PASSWORD, None).await);
    let (cookie, _, _) = enrol(app, &first).await;
    (id, cookie)
}
