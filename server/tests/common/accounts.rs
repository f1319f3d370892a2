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
