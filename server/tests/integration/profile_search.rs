//! The public organizer profile (fields, avatar upload through the image pipeline, the organizer page)
//! and the global search (groups, who sees accounts, hostile queries) against a real PostgreSQL.

use crate::common;

use crate::common::{
    TestApp,
    accounts::{call, form, signed_in, staff},
    events::{field_error, jpeg_with_exif, post_multipart},
};

async fn organizer_with_page(app: &TestApp, email: &str, slug: &str) -> (i64, String) {
    let (id, cookie) = signed_in(app, email).await;
    sqlx::query("UPDATE users SET organizer_slug = $2 WHERE id = $1")
        .bind(id)
        .bind(slug)
        .execute(&app.pool)
        .await
        .expect("slug");
    (id, cookie)
}

#[tokio::test]
async fn the_public_profile_is_checked_saved_and_shown_with_its_avatar() {
    let app = TestApp::spawn().await;
    let (id, cookie) = organizer_with_page(&app, "saveurs@exemple.fr", "collectif-saveurs").await;

    let long_bio = "b".repeat(501);
    let refused = call(
        &app,
        "save_public_profile",
        &form(&[
            ("display_name", "Collectif Saveurs"),
            ("bio", &long_bio),
            ("link_1", "javascript:alert(1)"),
            ("link_2", "https://ok.exemple.fr"),
        ]),
        &cookie,
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(
        field_error(&refused, "bio").as_deref(),
        Some("FieldTooLong")
    );
    assert_eq!(
        field_error(&refused, "link_1").as_deref(),
        Some("LinkMustBeHttps")
    );
    let untouched: Option<String> =
        sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .expect("row");
    assert_eq!(untouched, None, "nothing is saved from a refused form");

    let saved = call(
        &app,
        "save_public_profile",
        &form(&[
            ("display_name", "  Collectif Saveurs "),
            ("bio", "Des ateliers de cuisine <b>ouverts</b>."),
            ("link_1", ""),
            ("link_2", "https://saveurs.exemple.fr/"),
            ("link_3", ""),
        ]),
        &cookie,
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.body);

    // The avatar: a non-image and a too small picture are refused at the file field; a photo is
    // cropped square, stored at two widths with its metadata gone.
    let fake = post_multipart(
        &app,
        "/api/fn/upload_avatar",
        &cookie,
        &[],
        Some(b"GIF89a nope"),
    )
    .await;
    assert_eq!(
        field_error(&fake, "file").as_deref(),
        Some("ImageType"),
        "{}",
        fake.body
    );
    let tiny = post_multipart(
        &app,
        "/api/fn/upload_avatar",
        &cookie,
        &[],
        Some(&jpeg_with_exif(120, 90)),
    )
    .await;
    assert_eq!(field_error(&tiny, "file").as_deref(), Some("ImageTooSmall"));
    let missing = post_multipart(&app, "/api/fn/upload_avatar", &cookie, &[], None).await;
    assert_eq!(
        field_error(&missing, "file").as_deref(),
        Some("ImageMissing")
    );
    let photo = jpeg_with_exif(900, 600);
    let uploaded = post_multipart(&app, "/api/fn/upload_avatar", &cookie, &[], Some(&photo)).await;
    assert_eq!(uploaded.status, 200, "{}", uploaded.body);
    let key: String = sqlx::query_scalar("SELECT avatar_key FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("key");
    assert!(key.starts_with(&format!("avatars/{id}/")), "{key}");
    for width in [128u32, 320] {
        let file = app.get(&format!("/media/{key}-{width}.webp"), &[]).await;
        assert_eq!(file.status, 200, "{key}-{width}");
        let decoded = image::load_from_memory(&file.bytes).expect("webp");
        assert_eq!(
            (decoded.width(), decoded.height()),
            (width, width),
            "square"
        );
        assert!(
            !file.bytes.windows(9).any(|w| w == b"SecretCam"),
            "metadata dropped"
        );
    }

    let page = app.get("/organizers/collectif-saveurs", &[]).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<h1>Collectif Saveurs</h1>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("Des ateliers de cuisine &lt;b&gt;ouverts&lt;/b&gt;."),
        "escaped bio"
    );
    assert!(
        page.body
            .contains(r#"href="https://saveurs.exemple.fr/" rel="nofollow ugc noopener""#)
    );
    assert!(page.body.contains(&format!("/media/{key}-128.webp")));

    // A new avatar replaces the files of the previous one; removing it leaves none.
    let again = post_multipart(&app, "/api/fn/upload_avatar", &cookie, &[], Some(&photo)).await;
    assert_eq!(again.status, 200);
    assert_eq!(
        app.get(&format!("/media/{key}-128.webp"), &[]).await.status,
        404
    );
    let removed = call(&app, "remove_avatar", "", &cookie).await;
    assert_eq!(removed.status, 200, "{}", removed.body);
    let none: Option<String> = sqlx::query_scalar("SELECT avatar_key FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("row");
    assert_eq!(none, None);

    // Signed out: nothing to edit.
    let anonymous = app
        .post_form(
            "/api/fn/save_public_profile",
            "display_name=X&bio=",
            &[common::accounts::JSON],
        )
        .await;
    assert_eq!(anonymous.status, 401);
    let anonymous = post_multipart(&app, "/api/fn/upload_avatar", "", &[], Some(&photo)).await;
    assert_eq!(anonymous.status, 401);
}

async fn search(app: &TestApp, q: &str, cookie: &str) -> serde_json::Value {
    let reply = call(app, "global_search", &form(&[("q", q)]), cookie).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    serde_json::from_str(&reply.body).expect("json")
}

#[tokio::test]
async fn the_global_search_finds_events_and_organizers_and_accounts_only_for_admins() {
    let app = TestApp::spawn().await;
    app.insert_event(
        "Atelier pâtisserie du dimanche",
        std::time::Duration::from_secs(86_400),
        true,
    )
    .await;
    let (organizer, _) =
        organizer_with_page(&app, "boulange@exemple.fr", "boulangerie-zephyr").await;
    sqlx::query("UPDATE users SET display_name = 'Boulangerie Zéphyr' WHERE id = $1")
        .bind(organizer)
        .execute(&app.pool)
        .await
        .expect("name");
    let (_, participant) = signed_in(&app, "curieuse@exemple.fr").await;
    let (_, admin) = staff(&app, "cheffe@exemple.fr", "admin").await;

    // Prefixes, accents and case ignored.
    let found = search(&app, "PATISS", &participant).await;
    assert_eq!(
        found["events"][0]["title"],
        "Atelier pâtisserie du dimanche"
    );
    assert!(
        found["events"][0]["href"]
            .as_str()
            .unwrap_or_default()
            .starts_with("/events/")
    );
    let found = search(&app, "zephyr", &participant).await;
    assert_eq!(found["organizers"][0]["title"], "Boulangerie Zéphyr");
    assert_eq!(
        found["organizers"][0]["href"],
        "/organizers/boulangerie-zephyr"
    );
    assert!(found["users"].is_null(), "participants never see accounts");

    let as_admin = search(&app, "curieuse@", &admin).await;
    assert_eq!(as_admin["users"][0]["detail"], "curieuse@exemple.fr");
    let as_moderator = {
        let (_, moderator) = staff(&app, "modo@exemple.fr", "moderator").await;
        search(&app, "curieuse@", &moderator).await
    };
    assert!(
        as_moderator["users"].is_null(),
        "accounts are for admins only"
    );

    // Hostile or odd queries: an answer, never an error.
    for q in [
        "a",
        "' OR 1=1 --",
        "!!! :* & |",
        "%_%",
        "\u{202E}zephyr",
        &"x".repeat(5000),
    ] {
        let reply = call(&app, "global_search", &form(&[("q", q)]), "").await;
        assert_eq!(reply.status, 200, "{q:?}: {}", reply.body);
    }
    let wildcard = search(&app, "%_%", "").await;
    assert_eq!(
        wildcard["organizers"],
        serde_json::json!([]),
        "LIKE wildcards are literal"
    );

    // The page behind the header box, without JavaScript.
    let page = app.get("/search?q=zephyr", &[]).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(r#"data-group="organizers""#),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(r#"href="/organizers/boulangerie-zephyr""#)
    );
    let page = app
        .get("/search?q=curieuse", &[("cookie", &participant)])
        .await;
    assert!(!page.body.contains(r#"data-group="users""#));
}
