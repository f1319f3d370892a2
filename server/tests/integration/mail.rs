//! The outbox and its worker against a real SMTP server on loopback (aiosmtpd, `smtp_sink.py`).

use crate::common;

use crate::common::{
    TestApp,
    smtp::{SmtpSink, free_port, smtp},
};
use app::{
    i18n::Locale,
    ssr::mail::{
        message::Mail,
        outbox::{OutgoingMail, enqueue},
        transport::MailTransport,
        worker::{BatchReport, WorkerSettings, run_once},
    },
};
use std::time::Duration;

fn settings() -> WorkerSettings {
    WorkerSettings::new(
        "Meetral <no-reply@meetral.fr>".parse().expect("mailbox"),
        common::BASE_URL,
        b"test-secret",
    )
}

/// One batch of a worker with the default settings, sending to the sink on `port`.
async fn send_due(app: &TestApp, port: u16) -> BatchReport {
    run_once(&app.pool, &smtp(port), &settings())
        .await
        .expect("batch")
}

/// Time passes: every pending mail is due now (instead of waiting for its backoff).
async fn make_due(app: &TestApp) {
    sqlx::query("UPDATE email_outbox SET next_attempt_at = now()")
        .execute(&app.pool)
        .await
        .expect("time passes");
}

async fn queue(app: &TestApp, key: &str, to: &str) {
    let mail = Mail::ContactFormTeam {
        contact_message_id: 1,
        from_name: "Léa".into(),
        reply_to: "lea@exemple.fr".into(),
        subject: format!("Hello {key}"),
    };
    queue_mail(app, key, to, Locale::En, &mail).await;
}

/// Enqueues `mail` in its own committed transaction.
async fn queue_mail(app: &TestApp, key: &str, to: &str, locale: Locale, mail: &Mail) {
    let mut tx = app.pool.begin().await.expect("begin");
    let outgoing = OutgoingMail {
        idempotency_key: key,
        to,
        locale,
        mail,
    };
    enqueue(&mut tx, outgoing).await.expect("enqueue");
    tx.commit().await.expect("commit");
}

async fn status_of(app: &TestApp, key: &str) -> (String, i32, Option<String>) {
    sqlx::query_as(
        "SELECT status, attempts, last_error FROM email_outbox WHERE idempotency_key = $1",
    )
    .bind(key)
    .fetch_one(&app.pool)
    .await
    .expect("row")
}

#[tokio::test]
async fn a_contact_message_is_delivered_with_the_right_headers_parts_and_language() {
    let app = TestApp::spawn().await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    let form = "full_name=L%C3%A9a+Martin&email=lea%40exemple.fr&subject=Partenariat&message=Bonjour%2C+un+atelier+%3F&locale=en";
    assert_eq!(
        app.post_form("/api/fn/contact", form, &[("accept", "application/json")])
            .await
            .status,
        200
    );

    let report = send_due(&app, port).await;
    assert_eq!(
        report,
        BatchReport {
            sent: 2,
            retried: 0,
            failed: 0
        }
    );
    let messages = sink.messages();
    assert_eq!(
        messages.len(),
        2,
        "one to the team, one acknowledgement to the visitor"
    );
    let mail = messages
        .iter()
        .find(|m| m.contains("To: contact@meetral.fr"))
        .expect("the team's mail");
    for expected in [
        "Subject: [Contact] Partenariat",
        "From: Meetral <no-reply@meetral.fr>",
        "Message-ID: <contact-message-1@outbox.meetral>",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "Nouveau message",
    ] {
        assert!(mail.contains(expected), "missing {expected:?} in\n{mail}");
    }
    let copy = messages
        .iter()
        .find(|m| m.contains("To: lea@exemple.fr"))
        .expect("the visitor's acknowledgement");
    // In the visitor's language (locale=en), with the subject but never the message text.
    assert!(
        copy.contains("Subject: Message received") && copy.contains("Partenariat"),
        "{copy}"
    );
    assert!(
        !copy.contains("un atelier"),
        "the visitor's text is not relayed"
    );
    assert!(
        !copy.contains("List-Unsubscribe"),
        "an acknowledgement is not optional mail"
    );
    assert!(mail.contains("Reply-To:") && mail.contains("lea@exemple.fr"));
    assert_eq!(status_of(&app, "contact-message-1").await.0, "sent");
    assert_eq!(status_of(&app, "contact-copy-1").await.0, "sent");
    assert_eq!(
        send_due(&app, port).await,
        BatchReport::default(),
        "never twice"
    );
}

#[tokio::test]
async fn while_smtp_is_down_mails_wait_and_are_delivered_once_when_it_returns() {
    let app = TestApp::spawn().await;
    let port = free_port();
    queue(&app, "down-1", "lea@exemple.fr").await;
    let report = send_due(&app, port).await;
    assert_eq!(report.retried, 1);
    let (status, attempts, error) = status_of(&app, "down-1").await;
    assert_eq!((status.as_str(), attempts), ("pending", 1));
    assert!(error.is_some());
    let later: bool = sqlx::query_scalar(
        "SELECT next_attempt_at > now() + interval '20 seconds' FROM email_outbox",
    )
    .fetch_one(&app.pool)
    .await
    .expect("schedule");
    assert!(later, "backed off");

    let sink = SmtpSink::start(port);
    make_due(&app).await;
    assert_eq!(send_due(&app, port).await.sent, 1);
    assert_eq!(send_due(&app, port).await, BatchReport::default());
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test]
async fn two_workers_never_send_a_mail_twice() {
    let app = TestApp::spawn().await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    for i in 0..30 {
        queue(&app, &format!("pair-{i}"), "lea@exemple.fr").await;
    }
    let mut small_batches = settings();
    small_batches.batch_size = 3;
    let drain = |pool: sqlx::PgPool, settings: WorkerSettings| async move {
        let transport = smtp(port);
        let mut sent = 0;
        loop {
            let report = run_once(&pool, &transport, &settings).await.expect("batch");
            if report == BatchReport::default() {
                return sent;
            }
            sent += report.sent;
        }
    };
    let (a, b) = tokio::join!(
        tokio::spawn(drain(app.pool.clone(), small_batches.clone())),
        tokio::spawn(drain(app.pool.clone(), small_batches.clone()))
    );
    assert_eq!(a.expect("worker a") + b.expect("worker b"), 30);
    let messages = sink.messages();
    assert_eq!(messages.len(), 30);
    let mut ids: Vec<_> = messages
        .iter()
        .filter_map(|m| {
            m.lines()
                .find(|l| l.starts_with("Message-ID:"))
                .map(str::to_owned)
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 30, "30 distinct mails");
}

#[tokio::test]
async fn permanent_failures_are_marked_failed_and_not_retried_transient_ones_are() {
    let app = TestApp::spawn().await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    queue(&app, "rejected", "reject@exemple.fr").await;
    queue(&app, "invalid", "pas une adresse").await;
    queue(&app, "busy", "busy@exemple.fr").await;
    let report = send_due(&app, port).await;
    assert_eq!(
        report,
        BatchReport {
            sent: 0,
            retried: 1,
            failed: 2
        }
    );
    let (status, _, error) = status_of(&app, "rejected").await;
    assert_eq!(status, "failed");
    assert!(error.expect("reason").contains("550"));
    assert_eq!(status_of(&app, "invalid").await.0, "failed");
    assert_eq!(status_of(&app, "busy").await.0, "pending");
    make_due(&app).await;
    let again = send_due(&app, port).await;
    assert_eq!(
        again,
        BatchReport {
            sent: 0,
            retried: 1,
            failed: 0
        },
        "failed mails are not claimed again"
    );
    assert!(sink.messages().is_empty());
}

#[tokio::test]
async fn a_transient_failure_gives_up_after_the_last_attempt() {
    let app = TestApp::spawn().await;
    let port = free_port();
    let _sink = SmtpSink::start(port);
    queue(&app, "always-busy", "busy@exemple.fr").await;
    let mut few = settings();
    few.max_attempts = 2;
    assert_eq!(
        run_once(&app.pool, &smtp(port), &few)
            .await
            .expect("batch")
            .retried,
        1
    );
    make_due(&app).await;
    assert_eq!(
        run_once(&app.pool, &smtp(port), &few)
            .await
            .expect("batch")
            .failed,
        1
    );
    assert_eq!(status_of(&app, "always-busy").await.0, "failed");
}

#[tokio::test]
async fn a_rolled_back_transaction_sends_nothing_and_keys_are_idempotent() {
    let app = TestApp::spawn().await;
    let mut tx = app.pool.begin().await.expect("begin");
    let content = Mail::PasswordReset {
        full_name: "Léa".into(),
        token: "t".into(),
    };
    let mail = |key| OutgoingMail {
        idempotency_key: key,
        to: "lea@exemple.fr",
        locale: Locale::Fr,
        mail: &content,
    };
    assert!(
        enqueue(&mut tx, mail("rolled-back"))
            .await
            .expect("enqueue")
    );
    tx.rollback().await.expect("rollback");
    let port = free_port();
    let sink = SmtpSink::start(port);
    assert_eq!(send_due(&app, port).await, BatchReport::default());
    assert!(sink.messages().is_empty());

    let mut tx = app.pool.begin().await.expect("begin");
    assert!(enqueue(&mut tx, mail("once")).await.expect("first"));
    assert!(
        !enqueue(&mut tx, mail("once")).await.expect("second"),
        "same key: no second mail"
    );
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn a_worker_killed_mid_batch_loses_nothing() {
    let app = TestApp::spawn().await;
    queue(&app, "crash-1", "lea@exemple.fr").await;
    queue(&app, "crash-2", "lea@exemple.fr").await;
    // An SMTP server that accepts the connection and never answers: the worker hangs mid-send…
    let hanging = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let hanging_port = hanging.local_addr().expect("addr").port();
    let mut short_lease = settings();
    short_lease.lease = Duration::from_secs(1);
    let killed = tokio::time::timeout(
        Duration::from_millis(500),
        run_once(&app.pool, &smtp(hanging_port), &short_lease),
    )
    .await;
    assert!(killed.is_err(), "…and is killed");
    assert_eq!(
        run_once(&app.pool, &smtp(hanging_port), &short_lease)
            .await
            .expect("batch"),
        BatchReport::default(),
        "leased rows are not taken by another worker yet"
    );

    tokio::time::sleep(Duration::from_millis(1100)).await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    assert_eq!(
        send_due(&app, port).await.sent,
        2,
        "after the lease, another worker delivers them"
    );
    assert_eq!(sink.messages().len(), 2);
    drop(hanging);
}

#[tokio::test]
async fn the_dev_mailbox_shows_what_the_dev_transport_wrote() {
    let app = TestApp::spawn().await;
    assert!(
        app.get("/dev/mailbox", &[])
            .await
            .body
            .contains("No mail yet")
    );
    queue(&app, "dev-1", "lea@exemple.fr").await;
    let folder = MailTransport::directory(app.mail_dir()).expect("dev transport");
    assert_eq!(
        run_once(&app.pool, &folder, &settings())
            .await
            .expect("batch")
            .sent,
        1
    );

    let list = app.get("/dev/mailbox", &[]).await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("[Contact] Hello dev-1") && list.body.contains("lea@exemple.fr"));
    assert!(
        list.headers["content-security-policy"]
            .to_str()
            .expect("ascii")
            .contains("style-src 'unsafe-inline'"),
        "its own styles apply"
    );
    let id = list
        .body
        .split("/dev/mailbox/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link")
        .to_owned();

    let mail = app.get(&format!("/dev/mailbox/{id}"), &[]).await;
    assert_eq!(mail.status, 200);
    assert!(
        mail.body
            .contains("New message received through the contact form from Léa")
    );
    let html = app.get(&format!("/dev/mailbox/{id}/html"), &[]).await;
    assert!(html.body.contains("Meet. Connect. Enjoy."));
    assert!(
        html.headers["content-security-policy"]
            .to_str()
            .expect("ascii")
            .starts_with("default-src 'none'")
    );

    for bad in [
        "/dev/mailbox/..%2F..%2Fetc%2Fpasswd",
        "/dev/mailbox/not-hex!",
        "/dev/mailbox/0000/attachments/0",
    ] {
        assert_eq!(app.get(bad, &[]).await.status, 404, "{bad}");
    }
}

#[tokio::test]
async fn there_is_no_dev_mailbox_in_production_or_with_smtp() {
    for args in [
        &["--env", "production"][..],
        &["--smtp-url", "smtp://127.0.0.1:2525"][..],
    ] {
        let app = TestApp::with_args(args).await;
        let reply = app.get("/dev/mailbox", &[("accept-language", "en")]).await;
        assert_eq!(reply.status, 404, "{args:?}");
        assert!(reply.body.contains("Page not found"), "the branded 404");
    }
}

#[tokio::test]
async fn a_registration_confirmation_carries_its_qr_inline_and_the_event_as_ics() {
    use mail_parser::{MessageParser, MimeHeaders};

    let app = TestApp::spawn().await;
    let confirmation = confirmation_mail();
    queue_mail(
        &app,
        "registration-1",
        "tom@example.com",
        Locale::En,
        &confirmation,
    )
    .await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    assert_eq!(send_due(&app, port).await.sent, 1);
    let raw = sink.messages().pop().expect("delivered");
    let message = MessageParser::default()
        .parse(raw.as_bytes())
        .expect("parses");
    assert_eq!(message.subject(), Some("Your ticket — Afterwork"));
    assert!(
        message
            .body_text(0)
            .is_some_and(|t| t.contains("Saturday, December 5, 2026 · 7:00 PM"))
    );
    let html = message.body_html(0).expect("html part");
    assert!(
        html.contains("cid:ticket-0@meetral")
            && html.contains("http://meetral.test/tickets/CODE123")
    );
    let parts: Vec<_> = message.attachments().collect();
    let qr = parts
        .iter()
        .find(|p| p.content_id() == Some("ticket-0@meetral"))
        .expect("the inline QR image");
    assert!(
        qr.content_type()
            .is_some_and(|c| c.ctype() == "image" && c.subtype() == Some("png"))
    );
    assert!(qr.contents().starts_with(b"\x89PNG"));
    let ics = parts
        .iter()
        .find(|p| p.attachment_name() == Some("afterwork.ics"))
        .expect("the .ics attachment");
    let ics = String::from_utf8_lossy(ics.contents());
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART:20261205T180000Z"));
    assert!(
        !raw.contains("List-Unsubscribe"),
        "a ticket is not optional mail"
    );
}

#[tokio::test]
async fn an_admin_can_list_failed_mails_and_queue_them_again() {
    use app::ssr::mail::outbox::{failed, retry_failed};
    let app = TestApp::spawn().await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    queue(&app, "rejected-1", "reject@exemple.fr").await;
    queue(&app, "rejected-2", "reject@exemple.fr").await;
    queue(&app, "fine", "lea@exemple.fr").await;
    assert_eq!(send_due(&app, port).await.failed, 2);
    let listed = failed(&app.pool, 50).await.expect("list");
    assert_eq!(listed.len(), 2);
    assert!(
        listed[0]
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("550"))
    );

    // The recipient's server now accepts it (the admin fixed the address): retry one, then all.
    sqlx::query("UPDATE email_outbox SET to_address = 'lea@exemple.fr' WHERE status = 'failed'")
        .execute(&app.pool)
        .await
        .expect("fix address");
    assert_eq!(
        retry_failed(
            &mut app.pool.acquire().await.expect("conn"),
            Some(listed[0].id)
        )
        .await
        .expect("retry"),
        1
    );
    assert_eq!(send_due(&app, port).await.sent, 1);
    assert_eq!(
        retry_failed(&mut app.pool.acquire().await.expect("conn"), None)
            .await
            .expect("retry all"),
        1
    );
    assert_eq!(send_due(&app, port).await.sent, 1);
    assert!(failed(&app.pool, 50).await.expect("list").is_empty());
    assert_eq!(sink.messages().len(), 3);
}

/// A registration confirmation with one ticket, in an event on 5 December 2026 at 19:00 in Paris.
fn confirmation_mail() -> Mail {
    use app::ssr::mail::message::{EventFacts, TicketFacts};
    use chrono::TimeZone;
    let starts = chrono::Utc
        .with_ymd_and_hms(2026, 12, 5, 18, 0, 0)
        .single()
        .expect("date");
    Mail::RegistrationConfirmed {
        full_name: "Tom".into(),
        event: EventFacts {
            id: 3,
            slug: "afterwork".into(),
            title: "Afterwork".into(),
            starts_at: starts,
            ends_at: starts + chrono::Duration::hours(2),
            time_zone: "Europe/Paris".into(),
            place: Some("H7, Lyon".into()),
            online: false,
        },
        tickets: vec![TicketFacts {
            code: "CODE123".into(),
            attendee_name: "Tom".into(),
            qr_payload: "MEETRAL:CODE123".into(),
        }],
        pay_on_site: None,
        manage_token: None,
    }
}

#[tokio::test]
async fn the_dev_mailbox_shows_inline_qr_codes() {
    let app = TestApp::spawn().await;
    let confirmation = confirmation_mail();
    queue_mail(
        &app,
        "registration-dev",
        "tom@example.com",
        Locale::Fr,
        &confirmation,
    )
    .await;
    let folder = MailTransport::directory(app.mail_dir()).expect("dev transport");
    assert_eq!(
        run_once(&app.pool, &folder, &settings())
            .await
            .expect("batch")
            .sent,
        1
    );
    let list = app.get("/dev/mailbox", &[]).await;
    let id = list
        .body
        .split("/dev/mailbox/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link")
        .to_owned();
    let html = app.get(&format!("/dev/mailbox/{id}/html"), &[]).await;
    let image = format!("/dev/mailbox/{id}/attachments/0");
    assert!(html.body.contains(&format!(r#"src="{image}""#)) && !html.body.contains("cid:"));
    let png = app.get(&image, &[]).await;
    assert_eq!(png.headers["content-type"], "image/png");
}
