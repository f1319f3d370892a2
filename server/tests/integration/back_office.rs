//! The back-office: every staff server function and page refuses anonymous visitors, participants
//! and organizers (and moderators where admins only are meant); the pages render for their staff;
//! the admin tools change what they say and log before/after.

use crate::common;

use crate::common::{
    TestApp,
    accounts::{call, form, signed_in, staff},
    events::{field_error, saved_event},
};

/// Every registered server function of the staff (`admin_…`, `moderation_…`), found by name in the
/// server-function registry, so a new one cannot escape this test.
fn staff_functions() -> Vec<String> {
    let mut names: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .filter_map(|(path, _)| path.strip_prefix("/api/fn/").map(str::to_owned))
        .filter(|name| name.starts_with("admin_") || name.starts_with("moderation_"))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Arguments that every staff function accepts (each reads the ones it needs and ignores the rest):
/// authorization must answer before anything else.
const ANY_ARGUMENTS: &str = "event=1&user=1&user_id=1&id=1&ticket=1&label=1&decision=approve&verdict=dismiss&reason=Motif+de+test\
&role=user&kind=category&slug=test&name_fr=Test&name_en=Test&term=test&segment=all&subject=Sujet&body=Message\
&status=valid&deleted=false&given=true&trusted=true&auto_publish_max_score=19&max_links=5&new_account_days=7\
&burst_limit=3&report_threshold=3&max_submissions_per_day=10&guest_retention_days=180&filter[page]=0&filter[deleted]=false";

fn admin_only(function: &str) -> bool {
    function.starts_with("admin_")
}

#[tokio::test]
async fn every_staff_function_and_page_refuses_anonymous_participants_and_organizers() {
    let app = TestApp::spawn().await;
    let functions = staff_functions();
    for expected in [
        "admin_dashboard",
        "admin_users",
        "admin_set_ticket_status",
        "admin_audit",
        "admin_save_settings",
        "admin_set_role",
        "admin_suspend_user",
        "moderation_decide",
        "moderation_resolve_reports",
        "moderation_queue",
    ] {
        assert!(
            functions.iter().any(|f| f == expected),
            "{expected} is found in the registry: {functions:?}"
        );
    }
    assert!(functions.len() >= 30, "{functions:?}");

    let (_, participant) = signed_in(&app, "participante@exemple.fr").await;
    let (_, organizer) = signed_in(&app, "organisatrice@exemple.fr").await;
    saved_event(&app, &organizer, &[]).await;
    let (_, moderator) = staff(&app, "modo@exemple.fr", "moderator").await;

    for function in &functions {
        let path = format!("/api/fn/{function}");
        let anonymous = app
            .post_form(&path, ANY_ARGUMENTS, &[("accept", "application/json")])
            .await;
        assert_eq!(
            anonymous.status, 401,
            "{function} as anonymous: {}",
            anonymous.body
        );
        for (who, cookie) in [("participant", &participant), ("organizer", &organizer)] {
            let reply = call(&app, function, ANY_ARGUMENTS, cookie).await;
            assert_eq!(reply.status, 403, "{function} as {who}: {}", reply.body);
        }
        let by_moderator = call(&app, function, ANY_ARGUMENTS, &moderator).await;
        if admin_only(function) {
            assert_eq!(by_moderator.status, 403, "{function} as moderator");
        } else {
            assert!(
                !matches!(by_moderator.status.as_u16(), 401 | 403),
                "{function} as moderator: {}",
                by_moderator.status
            );
        }
    }

    let mut pages: Vec<(String, bool)> = app::admin::pages::STAFF_PAGES
        .iter()
        .map(|(path, _, _, role)| {
            (
                (*path).to_owned(),
                *role == app::accounts::model::Role::Admin,
            )
        })
        .collect();
    pages.extend([
        ("/admin/moderation/1".to_owned(), false),
        ("/admin/users/1".to_owned(), true),
        ("/admin/events/1".to_owned(), true),
    ]);
    for (page, admin) in &pages {
        let anonymous = app.get(page, &[]).await;
        assert_eq!(anonymous.status, 302, "{page} as anonymous");
        let to = anonymous.headers["location"].to_str().expect("ascii");
        assert!(to.starts_with("/login?next="), "{page}: {to}");
        for (who, cookie) in [("participant", &participant), ("organizer", &organizer)] {
            let reply = app.get(page, &[("cookie", cookie)]).await;
            assert_eq!(reply.status, 403, "{page} as {who}");
        }
        let by_moderator = app.get(page, &[("cookie", &moderator)]).await;
        assert_eq!(
            by_moderator.status == 403,
            *admin,
            "{page} as moderator: {}",
            by_moderator.status
        );
    }
}

#[tokio::test]
async fn staff_without_two_factor_are_sent_to_turn_it_on() {
    let app = TestApp::spawn().await;
    common::accounts::user_with_role(&app, "admin@exemple.fr", "admin").await;
    let cookie = common::accounts::session_cookie(
        &common::accounts::login(&app, "admin@exemple.fr", common::accounts::PASSWORD, None).await,
    );
    let reply = call(&app, "admin_dashboard", "", &cookie).await;
    assert_eq!(
        (reply.status.as_u16(), reply.body.as_str()),
        (403, r#""TwoFactorRequired""#)
    );
}

#[tokio::test]
async fn every_back_office_page_renders_for_an_admin_with_real_figures() {
    let app = TestApp::spawn().await;
    let (admin_id, admin) = staff(&app, "admin@exemple.fr", "admin").await;
    let (_, organizer) = signed_in(&app, "organisatrice@exemple.fr").await;
    let event = saved_event(&app, &organizer, &[]).await;
    call(&app, "submit_event", &format!("event={event}"), &organizer).await;
    for (page, expect) in [
        ("/admin", "Inscriptions par jour"),
        ("/admin/moderation", "Apéro des développeurs lyonnais"),
        (
            "/admin/moderation?order=risk",
            "Apéro des développeurs lyonnais",
        ),
        (
            &format!("/admin/moderation/{event}") as &str,
            "Approuver et publier",
        ),
        ("/admin/reports", "Aucun signalement ouvert"),
        ("/admin/moderation/log", "Contrôles automatiques"),
        ("/admin/users", "organisatrice@exemple.fr"),
        ("/admin/users?q=organisatrice", "organisatrice@exemple.fr"),
        (
            &format!("/admin/users/{admin_id}") as &str,
            "Changer le rôle",
        ),
        ("/admin/events", "Apéro des développeurs lyonnais"),
        (
            "/admin/events?status=pending_review&from=2000-01-01",
            "Apéro des développeurs lyonnais",
        ),
        (
            &format!("/admin/events/{event}") as &str,
            "Participants et billets",
        ),
        ("/admin/tickets", "Cherchez par événement"),
        (
            &format!("/admin/tickets?event={event}") as &str,
            "Aucun billet",
        ),
        ("/admin/notifications", "Envoyer une annonce"),
        ("/admin/categories", "Networking"),
        ("/admin/settings", "Mots interdits (français)"),
        ("/admin/audit", "event_submitted"),
    ] {
        let reply = app.get(page, &[("cookie", &admin)]).await;
        assert_eq!(reply.status, 200, "{page}");
        assert!(reply.body.contains(expect), "{page} shows {expect:?}");
    }
    // Filters that make no sense are ignored, not errors.
    let odd = app
        .get(
            "/admin/events?status=nope&from=demain&page=-4",
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(odd.status, 200);
    assert_eq!(
        app.get("/admin/users/999999", &[("cookie", &admin)])
            .await
            .status,
        404
    );
    assert_eq!(
        app.get("/admin/events/abc", &[("cookie", &admin)])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn admins_change_tickets_categories_labels_and_announce_and_each_change_is_audited() {
    let app = TestApp::spawn().await;
    let (_, admin) = staff(&app, "admin@exemple.fr", "admin").await;
    let slug = app
        .insert_event(
            "Atelier compost",
            std::time::Duration::from_secs(3 * 86_400),
            true,
        )
        .await;
    let event: i64 = sqlx::query_scalar("SELECT id FROM events WHERE slug = $1")
        .bind(&slug)
        .fetch_one(&app.pool)
        .await
        .expect("id");
    sqlx::query("UPDATE events SET capacity = 1 WHERE id = $1")
        .bind(event)
        .execute(&app.pool)
        .await
        .expect("capacity");
    let register = form(&[
        ("event_id", &event.to_string()),
        ("full_name", "Alex Martin"),
        ("email", "alex@exemple.fr"),
        ("consent", "on"),
        ("seats", "1"),
        ("locale", "fr"),
    ]);
    let reply = app
        .post_form(
            "/api/fn/register",
            &register,
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let ticket: i64 = sqlx::query_scalar("SELECT id FROM tickets WHERE event_id = $1")
        .bind(event)
        .fetch_one(&app.pool)
        .await
        .expect("ticket");

    // Cancel: the seat comes back. Restore: taken again. A second restore: nothing to do.
    let cancel = call(
        &app,
        "admin_set_ticket_status",
        &format!("ticket={ticket}&status=cancelled"),
        &admin,
    )
    .await;
    assert_eq!(cancel.status, 200, "{}", cancel.body);
    let seats: i32 = sqlx::query_scalar("SELECT seats_taken FROM events WHERE id = $1")
        .bind(event)
        .fetch_one(&app.pool)
        .await
        .expect("seats");
    assert_eq!(seats, 0);
    assert_eq!(
        call(
            &app,
            "admin_set_ticket_status",
            &format!("ticket={ticket}&status=valid"),
            &admin
        )
        .await
        .status,
        200
    );
    assert_eq!(
        call(
            &app,
            "admin_set_ticket_status",
            &format!("ticket={ticket}&status=valid"),
            &admin
        )
        .await
        .status,
        409
    );
    assert_eq!(
        call(
            &app,
            "admin_set_ticket_status",
            &format!("ticket={ticket}&status=used"),
            &admin
        )
        .await
        .status,
        422
    );
    let audit: Vec<serde_json::Value> = sqlx::query_scalar(
        "SELECT details FROM activity_logs WHERE action = 'ticket_status_changed' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("audit");
    assert_eq!(audit.len(), 2);
    assert_eq!(
        (audit[0]["before"].as_str(), audit[0]["after"].as_str()),
        (Some("valid"), Some("cancelled"))
    );
    let list = call(&app, "admin_tickets", "person=alex", &admin).await;
    assert!(list.body.contains("Alex Martin"), "{}", list.body);

    // Categories: created, renamed, a taken slug refused at its field, removed.
    let created = call(
        &app,
        "admin_save_named",
        "kind=category&slug=atelier&name_fr=Atelier&name_en=Workshop&position=8",
        &admin,
    )
    .await;
    assert_eq!(created.status, 200, "{}", created.body);
    let taken = call(
        &app,
        "admin_save_named",
        "kind=category&slug=atelier&name_fr=Autre&name_en=Other",
        &admin,
    )
    .await;
    assert_eq!(field_error(&taken, "slug").as_deref(), Some("SlugTaken"));
    let bad = call(
        &app,
        "admin_save_named",
        "kind=category&slug=Pas+Bon&name_fr=&name_en=x",
        &admin,
    )
    .await;
    assert_eq!(field_error(&bad, "slug").as_deref(), Some("SlugInvalid"));
    assert_eq!(
        field_error(&bad, "name_fr").as_deref(),
        Some("FieldRequired")
    );
    let id: i64 = sqlx::query_scalar("SELECT id FROM categories WHERE slug = 'atelier'")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let renamed = call(
        &app,
        "admin_save_named",
        &format!(
            "kind=category&id={id}&slug=atelier&name_fr=Ateliers&name_en=Workshops&position=8"
        ),
        &admin,
    )
    .await;
    assert_eq!(renamed.status, 200);
    let change: serde_json::Value =
        sqlx::query_scalar("SELECT details FROM activity_logs WHERE action = 'category_updated'")
            .fetch_one(&app.pool)
            .await
            .expect("audit");
    assert_eq!(
        (
            change["before"]["name_fr"].as_str(),
            change["after"]["name_fr"].as_str()
        ),
        (Some("Atelier"), Some("Ateliers"))
    );
    assert_eq!(
        call(
            &app,
            "admin_remove_named",
            &format!("kind=category&id={id}"),
            &admin
        )
        .await
        .status,
        200
    );
    assert_eq!(
        call(
            &app,
            "admin_remove_named",
            &format!("kind=category&id={id}"),
            &admin
        )
        .await
        .status,
        404
    );

    // Labels: FreeFood's text edited (its slug kept) shows on the event page; a partner label given.
    let freefood: i64 = sqlx::query_scalar("SELECT id FROM labels WHERE slug = 'freefood'")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let edit = form(&[
        ("kind", "label"),
        ("id", &freefood.to_string()),
        ("slug", "autre"),
        ("name_fr", "FreeFood"),
        ("name_en", "FreeFood"),
        ("description_fr", "Collation offerte par l’organisateur."),
        ("description_en", "Snacks from the organizer."),
    ]);
    assert_eq!(
        call(&app, "admin_save_named", &edit, &admin).await.status,
        200
    );
    assert_eq!(
        call(
            &app,
            "admin_remove_named",
            &format!("kind=label&id={freefood}"),
            &admin
        )
        .await
        .status,
        404,
        "built in"
    );
    let partner = call(
        &app,
        "admin_save_named",
        "kind=label&slug=ville-de-lyon&name_fr=Partenaire+Ville+de+Lyon&name_en=Lyon+City+partner",
        &admin,
    )
    .await;
    assert_eq!(partner.status, 200);
    let label: i64 = sqlx::query_scalar("SELECT id FROM labels WHERE slug = 'ville-de-lyon'")
        .fetch_one(&app.pool)
        .await
        .expect("id");
    assert_eq!(
        call(
            &app,
            "admin_set_label",
            &format!("event={event}&label={label}&given=true"),
            &admin
        )
        .await
        .status,
        200
    );
    let page = app.get(&format!("/events/{slug}"), &[]).await;
    assert!(
        page.body.contains("Collation offerte par l’organisateur.")
            && page.body.contains("Partenaire Ville de Lyon")
    );
    assert_eq!(
        sqlx::query_scalar::<_, String>("SELECT slug FROM labels WHERE id = $1")
            .bind(freefood)
            .fetch_one(&app.pool)
            .await
            .expect("slug"),
        "freefood"
    );

    // Announcements: one mail per member of the segment, through the outbox, with its history.
    signed_in(&app, "membre@exemple.fr").await;
    let bad = call(
        &app,
        "admin_announce",
        "segment=all&subject=a&body=",
        &admin,
    )
    .await;
    assert_eq!(
        field_error(&bad, "subject").as_deref(),
        Some("FieldTooShort")
    );
    assert_eq!(field_error(&bad, "body").as_deref(), Some("FieldRequired"));
    let sent = call(
        &app,
        "admin_announce",
        &form(&[
            ("segment", "all"),
            ("subject", "Nouveautés de décembre"),
            ("body", "Bonjour à toutes et à tous."),
        ]),
        &admin,
    )
    .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let mails: i64 =
        sqlx::query_scalar("SELECT count(*) FROM email_outbox WHERE template = 'announcement'")
            .fetch_one(&app.pool)
            .await
            .expect("mails");
    let members: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE deleted_at IS NULL AND status = 'active' AND email_verified_at IS NOT NULL").fetch_one(&app.pool).await.expect("members");
    assert_eq!(mails, members);
    let overview = call(&app, "admin_mail_overview", "", &admin).await;
    assert!(overview.body.contains("Nouveautés de décembre"));

    // Failed mails go back to the queue.
    sqlx::query("UPDATE email_outbox SET status = 'failed', last_error = 'refusé' WHERE template = 'announcement'").execute(&app.pool).await.expect("fail");
    let retried = call(&app, "admin_retry_mail", "", &admin).await;
    assert_eq!(retried.status, 200);
    let pending: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM email_outbox WHERE template = 'announcement' AND status = 'pending'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("pending");
    assert_eq!(pending, members);
    assert_eq!(
        call(&app, "admin_retry_mail", "id=999999", &admin)
            .await
            .status,
        404
    );
}
