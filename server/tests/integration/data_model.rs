//! The schema enforces the rules the application relies on, and the demo data is what the README says.

use crate::common::{TestApp, fresh_database};
use std::process::Command;

#[tokio::test]
async fn constraints_reject_impossible_rows() {
    let app = TestApp::spawn().await;
    let slug = app
        .insert_event(
            "Contrainte de capacité",
            std::time::Duration::from_secs(3600),
            false,
        )
        .await;
    let overbook = sqlx::query("UPDATE events SET capacity = 10, seats_taken = 11 WHERE slug = $1")
        .bind(&slug)
        .execute(&app.pool)
        .await;
    assert!(overbook.is_err(), "seats_taken can never exceed capacity");
    let backwards =
        sqlx::query("UPDATE events SET ends_at = starts_at - interval '1 hour' WHERE slug = $1")
            .bind(&slug)
            .execute(&app.pool)
            .await;
    assert!(backwards.is_err(), "an event ends after it starts");
    let js_link = sqlx::query("UPDATE events SET attendance_mode = 'online', online_url = 'javascript:alert(1)' WHERE slug = $1")
        .bind(&slug)
        .execute(&app.pool)
        .await;
    assert!(js_link.is_err(), "online links are https only");

    sqlx::query("INSERT INTO users (email, full_name) VALUES ('Lea@Exemple.fr', 'Léa')")
        .execute(&app.pool)
        .await
        .expect("first");
    let duplicate =
        sqlx::query("INSERT INTO users (email, full_name) VALUES ('lea@exemple.FR', 'Léa bis')")
            .execute(&app.pool)
            .await;
    assert!(duplicate.is_err(), "emails are unique regardless of case");
    sqlx::query("UPDATE users SET deleted_at = now() WHERE email = 'Lea@Exemple.fr'")
        .execute(&app.pool)
        .await
        .expect("soft delete");
    sqlx::query("INSERT INTO users (email, full_name) VALUES ('lea@exemple.fr', 'Léa')")
        .execute(&app.pool)
        .await
        .expect("email free again after soft delete");
}

#[tokio::test]
async fn french_full_text_search_ignores_accents() {
    let app = TestApp::spawn().await;
    app.insert_event(
        "Soirée découverte de l'économie sociale",
        std::time::Duration::from_secs(3600),
        false,
    )
    .await;
    let found: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE search_vector @@ websearch_to_tsquery('public.french_unaccent', 'economie soiree')",
    )
    .fetch_one(&app.pool)
    .await
    .expect("search");
    assert_eq!(found, 1);
}

#[tokio::test]
async fn demo_data_is_varied_realistic_and_idempotent() {
    let (url, _) = fresh_database().await;
    let seed = || {
        Command::new(env!("CARGO_BIN_EXE_meetral"))
            .arg("seed-demo")
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "off")
            .output()
            .expect("run")
    };
    let first = seed();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stdout = String::from_utf8_lossy(&first.stdout);
    for account in [
        "admin@meetral.test",
        "moderateur@meetral.test",
        "organisatrice@meetral.test",
        "participant@meetral.test",
        "Meetral-Demo-2026",
    ] {
        assert!(stdout.contains(account), "the run prints {account}");
    }
    assert!(seed().status.success(), "a second run succeeds");

    let pool = sqlx::PgPool::connect(&url).await.expect("connect");
    let row: (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT city), count(DISTINCT category_id),
                count(*) FILTER (WHERE price_cents = 0), count(*) FILTER (WHERE price_cents > 0),
                count(*) FILTER (WHERE free_food), count(*) FILTER (WHERE attendance_mode = 'online'),
                count(*) FILTER (WHERE attendance_mode = 'in_person'),
                count(*) FILTER (WHERE ends_at < now()), count(*) FILTER (WHERE starts_at > now())
         FROM events",
    )
    .fetch_one(&pool)
    .await
    .expect("stats");
    let (total, cities, categories, free, paid, free_food, online, in_person, past, upcoming) = row;
    assert!(total >= 60, "{total} events, no duplicates after two runs");
    assert_eq!(total, 66);
    assert!(cities >= 8 && categories == 7);
    assert!(
        free > 0
            && paid > 0
            && free_food > 0
            && online > 0
            && in_person > 0
            && past > 0
            && upcoming > 0
    );
    let no_coordinates: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE attendance_mode <> 'online' AND latitude IS NULL",
    )
    .fetch_one(&pool)
    .await
    .expect("coords");
    assert_eq!(
        no_coordinates, 0,
        "every in-person event has real coordinates"
    );
    let roles: Vec<String> = sqlx::query_scalar("SELECT DISTINCT role FROM users ORDER BY role")
        .fetch_all(&pool)
        .await
        .expect("roles");
    assert_eq!(roles, ["admin", "moderator", "user"]);
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = 'admin@meetral.test'")
            .fetch_one(&pool)
            .await
            .expect("hash");
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "argon2id with OWASP parameters"
    );
    // Staff must sign in with a second factor: the demo staff have it on, the others not.
    let with_2fa: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM users WHERE totp_enabled_at IS NOT NULL AND totp_secret IS NOT NULL ORDER BY email",
    )
    .fetch_all(&pool)
    .await
    .expect("2fa");
    assert_eq!(with_2fa, ["admin@meetral.test", "moderateur@meetral.test"]);
}

#[tokio::test]
async fn demo_data_is_refused_in_production_mode() {
    let (url, _) = fresh_database().await;
    let output = Command::new(env!("CARGO_BIN_EXE_meetral"))
        .args(["seed-demo"])
        .env("DATABASE_URL", &url)
        .env("MEETRAL_ENV", "production")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("never loaded in production"));
    let pool = sqlx::PgPool::connect(&url).await.expect("connect");
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(users, 0);
}
