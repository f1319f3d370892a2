//! The contact server function: typed `AppError` over the wire, field errors, nothing half written.

use crate::common::TestApp;

const VALID: &str = "full_name=Jeanne+Dupont&email=jeanne%40exemple.fr&subject=Partenariat&message=Bonjour%2C+je+voudrais+organiser+un+atelier.&locale=fr";

async fn counts(app: &TestApp) -> (i64, i64) {
    let messages = sqlx::query_scalar("SELECT count(*) FROM contact_messages")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    let mails = sqlx::query_scalar("SELECT count(*) FROM email_outbox")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    (messages, mails)
}

#[tokio::test]
async fn invalid_input_returns_field_errors_with_422_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let reply = app
        .post_form(
            "/api/fn/contact",
            "full_name=&email=pas-un-email&subject=ok&message=court&locale=fr",
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(
        reply.status, 422,
        "validation is not a server error: {}",
        reply.body
    );
    let error: app::error::AppError = serde_json::from_str(&reply.body).expect("AppError JSON");
    let fields = error.field_errors().expect("validation error");
    use app::i18n::MessageKey::*;
    assert_eq!(fields.get("full_name"), Some(FieldRequired));
    assert_eq!(fields.get("email"), Some(FieldEmailInvalid));
    assert_eq!(fields.get("subject"), Some(FieldTooShort));
    assert_eq!(fields.get("message"), Some(FieldTooShort));
    assert_eq!(counts(&app).await, (0, 0));
}

#[tokio::test]
async fn malformed_arguments_are_a_client_error_not_a_500() {
    let app = TestApp::spawn().await;
    for body in [
        "",
        "locale=klingon&full_name=a",
        "full_name=%FF%FE",
        &format!("{VALID}&message={}", "x".repeat(200_000)),
    ] {
        let reply = app
            .post_form("/api/fn/contact", body, &[("accept", "application/json")])
            .await;
        assert!(
            reply.status.is_client_error(),
            "{body:.40}… gave {}",
            reply.status
        );
    }
    assert_eq!(counts(&app).await, (0, 0));
}

#[tokio::test]
async fn a_valid_message_is_stored_with_its_outbox_mail_in_one_transaction() {
    let app = TestApp::spawn().await;
    let reply = app
        .post_form("/api/fn/contact", VALID, &[("accept", "application/json")])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        counts(&app).await,
        (1, 2),
        "the mail to the team and the acknowledgement"
    );
    let (email, template): (String, String) =
        sqlx::query_as("SELECT m.email, o.template FROM contact_messages m JOIN email_outbox o ON o.idempotency_key = 'contact-message-' || m.id")
            .fetch_one(&app.pool)
            .await
            .expect("joined rows");
    assert_eq!(
        (email.as_str(), template.as_str()),
        ("jeanne@exemple.fr", "contact_form_team")
    );
}

#[tokio::test]
async fn when_the_outbox_insert_fails_the_message_is_rolled_back_too() {
    let app = TestApp::spawn().await;
    // Make the second insert of the transaction fail.
    sqlx::query("ALTER TABLE email_outbox ADD CONSTRAINT test_refuse CHECK (template <> 'contact_form_team')")
        .execute(&app.pool)
        .await
        .expect("constraint");
    let reply = app
        .post_form("/api/fn/contact", VALID, &[("accept", "application/json")])
        .await;
    assert_eq!(reply.status, 500);
    let error: app::error::AppError = serde_json::from_str(&reply.body).expect("AppError JSON");
    assert_eq!(
        error,
        app::error::AppError::Internal,
        "the cause stays in the log"
    );
    assert_eq!(counts(&app).await, (0, 0), "no half-written row");
}

#[tokio::test]
async fn a_plain_html_form_post_is_redirected_back_with_the_error() {
    let app = TestApp::spawn().await;
    let reply = app
        .post_form(
            "/api/fn/contact",
            "full_name=&email=x&subject=&message=&locale=fr",
            &[
                ("accept", "text/html"),
                ("referer", "http://meetral.test/contact"),
            ],
        )
        .await;
    assert_eq!(reply.status, 302);
    let location = reply.headers["location"].to_str().expect("ascii");
    assert!(
        location.starts_with("http://meetral.test/contact?__path=") && location.contains("__err=")
    );

    // Following it renders the errors next to their fields, without any WASM.
    let path = location.trim_start_matches("http://meetral.test");
    let page = app.get(path, &[("accept-language", "fr")]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Ce champ est obligatoire."));
    assert!(page.body.contains("Saisissez une adresse e-mail valide"));
    assert!(page.body.contains(r#"aria-invalid="true""#));
}
