//! Reminders from the jobs table, notifications that honour preferences, event changes and
//! cancellations, and one-click unsubscribe — on a real PostgreSQL and a real SMTP server.

use crate::common::{
    BASE_URL, TestApp,
    smtp::{SmtpSink, free_port, smtp},
};
use app::{
    notifications::{
        model::NotificationKind,
        server::{event_updates, reminders},
    },
    ssr::{
        jobs::{JobSettings, JobsReport, run_due},
        mail::worker::{WorkerSettings, run_once},
    },
};
use std::time::Duration;

const DAYS_3: Duration = Duration::from_secs(3 * 24 * 3600);

struct Fixture {
    app: TestApp,
    event_id: i64,
}

impl Fixture {
    /// A published event in three days with default reminders (24 h and 2 h) scheduled.
    async fn new() -> Fixture {
        let app = TestApp::spawn().await;
        let slug = app.insert_event("Atelier pâtisserie", DAYS_3, true).await;
        let event_id: i64 = sqlx::query_scalar("SELECT id FROM events WHERE slug = $1")
            .bind(&slug)
            .fetch_one(&app.pool)
            .await
            .expect("event");
        let fixture = Fixture { app, event_id };
        fixture.reschedule().await;
        fixture
    }

    async fn reschedule(&self) {
        let mut tx = self.app.pool.begin().await.expect("begin");
        reminders::reschedule(&mut tx, self.event_id)
            .await
            .expect("reschedule");
        tx.commit().await.expect("commit");
    }

    /// A registration with one valid ticket; `user` links it to a new account.
    async fn participant(&self, email: &str, locale: &str, status: &str, user: bool) -> i64 {
        let user_id: Option<i64> = if user {
            Some(
                sqlx::query_scalar(
                    "INSERT INTO users (email, full_name, locale) VALUES ($1, 'Membre', $2) RETURNING id",
                )
                .bind(email)
                .bind(locale)
                .fetch_one(&self.app.pool)
                .await
                .expect("user"),
            )
        } else {
            None
        };
        let participant: i64 = sqlx::query_scalar(
            "INSERT INTO event_participants (event_id, user_id, email, full_name, locale, status, waitlisted_at)
             VALUES ($1, $2, $3, 'Camille', $4, $5, CASE WHEN $5 = 'waitlisted' THEN now() END) RETURNING id",
        )
        .bind(self.event_id)
        .bind(user_id)
        .bind(email)
        .bind(locale)
        .bind(status)
        .fetch_one(&self.app.pool)
        .await
        .expect("participant");
        if status == "registered" {
            sqlx::query(
                "INSERT INTO tickets (code, event_id, participant_id, attendee_name)
                 VALUES ('TICKET-' || $1 || '-abcdefghijklmnopqrstuv', $2, $1, 'Camille')",
            )
            .bind(participant)
            .bind(self.event_id)
            .execute(&self.app.pool)
            .await
            .expect("ticket");
        }
        user_id.unwrap_or(participant)
    }

    /// Time passes until the reminder `offset_min` is due.
    async fn make_due(&self, offset_min: i32) {
        sqlx::query(
            "UPDATE jobs SET run_at = now() WHERE event_id = $1 AND payload->>'offset_min' = $2",
        )
        .bind(self.event_id)
        .bind(offset_min.to_string())
        .execute(&self.app.pool)
        .await
        .expect("time passes");
    }

    async fn run_jobs(&self) -> JobsReport {
        run_due(&self.app.pool, &JobSettings::default())
            .await
            .expect("jobs")
    }

    async fn outbox(&self, template: &str) -> Vec<(String, String)> {
        sqlx::query_as(
            "SELECT to_address, locale FROM email_outbox WHERE template = $1 ORDER BY to_address, id",
        )
        .bind(template)
        .fetch_all(&self.app.pool)
        .await
        .expect("outbox")
    }

    async fn notifications(&self, kind: &str) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM notifications WHERE kind = $1")
            .bind(kind)
            .fetch_one(&self.app.pool)
            .await
            .expect("count")
    }

    async fn jobs(&self) -> Vec<(String, bool)> {
        sqlx::query_as(
            "SELECT payload->>'offset_min', done_at IS NOT NULL FROM jobs WHERE event_id = $1 ORDER BY 1",
        )
        .bind(self.event_id)
        .fetch_all(&self.app.pool)
        .await
        .expect("jobs")
    }
}

#[tokio::test]
async fn reminders_are_planned_24h_and_2h_before_and_sent_once_to_registered_people() {
    let f = Fixture::new().await;
    f.participant("lea@exemple.fr", "fr", "registered", false)
        .await;
    f.participant("tom@example.com", "en", "registered", true)
        .await;
    f.participant("attente@exemple.fr", "fr", "waitlisted", false)
        .await;

    let planned: Vec<(i32, bool)> = sqlx::query_as(
        "SELECT (payload->>'offset_min')::int,
                abs(extract(epoch FROM (e.starts_at - j.run_at)) - (payload->>'offset_min')::int * 60) < 1
         FROM jobs j JOIN events e ON e.id = j.event_id ORDER BY 1",
    )
    .fetch_all(&f.app.pool)
    .await
    .expect("jobs");
    assert_eq!(planned, vec![(120, true), (1440, true)]);
    assert_eq!(f.run_jobs().await, JobsReport::default(), "nothing due yet");

    f.make_due(1440).await;
    assert_eq!(f.run_jobs().await.done, 1);
    assert_eq!(
        f.outbox("event_reminder").await,
        vec![
            ("lea@exemple.fr".to_owned(), "fr".to_owned()),
            ("tom@example.com".to_owned(), "en".to_owned())
        ],
        "registered people only, each in their language"
    );
    assert_eq!(
        f.notifications("event_reminder").await,
        1,
        "in-app for the account holder"
    );

    // Restarted or raced workers never send it twice: the job is done, the mail keys are taken.
    f.reschedule().await;
    f.make_due(1440).await;
    assert_eq!(f.run_jobs().await, JobsReport::default());
    assert_eq!(f.outbox("event_reminder").await.len(), 2);
    assert_eq!(
        f.jobs().await,
        vec![("120".into(), false), ("1440".into(), true)]
    );
}

#[tokio::test]
async fn when_an_event_moves_its_reminders_move_and_fire_again_for_the_new_date() {
    let f = Fixture::new().await;
    f.participant("lea@exemple.fr", "fr", "registered", false)
        .await;
    f.make_due(1440).await;
    f.run_jobs().await;
    assert_eq!(f.outbox("event_reminder").await.len(), 1);

    // The organizer moves the event one week later.
    let before: chrono::DateTime<chrono::Utc> = sqlx::query_scalar(
        "UPDATE events SET starts_at = starts_at + interval '7 days', ends_at = ends_at + interval '7 days'
         WHERE id = $1 RETURNING starts_at - interval '7 days'",
    )
    .bind(f.event_id)
    .fetch_one(&f.app.pool)
    .await
    .expect("move");
    let mut tx = f.app.pool.begin().await.expect("begin");
    let told = event_updates::event_changed(&mut tx, f.event_id, Some(before), None)
        .await
        .expect("changed");
    tx.commit().await.expect("commit");
    assert_eq!(told, 1);
    assert_eq!(f.outbox("event_changed").await.len(), 1);

    let moved: Vec<bool> = sqlx::query_scalar(
        "SELECT done_at IS NULL AND run_at > now() + interval '8 days' FROM jobs WHERE event_id = $1",
    )
    .bind(f.event_id)
    .fetch_all(&f.app.pool)
    .await
    .expect("jobs");
    assert_eq!(
        moved,
        vec![true, true],
        "both reminders re-armed for the new date"
    );
    assert_eq!(
        f.run_jobs().await,
        JobsReport::default(),
        "not due any more"
    );

    f.make_due(1440).await;
    f.run_jobs().await;
    assert_eq!(
        f.outbox("event_reminder").await.len(),
        2,
        "one reminder per date"
    );

    // Saving the same date again tells nobody twice.
    let mut tx = f.app.pool.begin().await.expect("begin");
    event_updates::event_changed(&mut tx, f.event_id, Some(before), None)
        .await
        .expect("changed");
    tx.commit().await.expect("commit");
    assert_eq!(f.outbox("event_changed").await.len(), 1);
}

#[tokio::test]
async fn a_stale_job_sends_nothing_and_cancelling_removes_reminders_and_tells_everyone() {
    let f = Fixture::new().await;
    f.participant("lea@exemple.fr", "fr", "registered", false)
        .await;
    f.participant("attente@exemple.fr", "en", "waitlisted", false)
        .await;
    // The event moved without rescheduling (a bug elsewhere, or a race): the old job is stale.
    sqlx::query("UPDATE events SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1")
        .bind(f.event_id)
        .execute(&f.app.pool)
        .await
        .expect("move");
    f.make_due(1440).await;
    assert_eq!(f.run_jobs().await.done, 1);
    assert!(
        f.outbox("event_reminder").await.is_empty(),
        "no reminder with the wrong date"
    );

    sqlx::query("UPDATE events SET status = 'cancelled', cancelled_at = now() WHERE id = $1")
        .bind(f.event_id)
        .execute(&f.app.pool)
        .await
        .expect("cancel");
    let mut tx = f.app.pool.begin().await.expect("begin");
    let told = event_updates::event_cancelled(&mut tx, f.event_id, Some("Salle inondée".into()))
        .await
        .expect("cancelled");
    tx.commit().await.expect("commit");
    assert_eq!(told, 2, "registered and waitlisted people");
    let pending: i64 =
        sqlx::query_scalar("SELECT count(*) FROM jobs WHERE event_id = $1 AND done_at IS NULL")
            .bind(f.event_id)
            .fetch_one(&f.app.pool)
            .await
            .expect("count");
    assert_eq!(pending, 0, "no reminder for a cancelled event");
}

#[tokio::test]
async fn preferences_are_honoured_but_essential_mails_are_always_sent() {
    let f = Fixture::new().await;
    let user = f
        .participant("membre@exemple.fr", "fr", "registered", true)
        .await;
    sqlx::query(
        "INSERT INTO notification_preferences (user_id, kind, by_email, in_app) VALUES
            ($1, 'event_reminder', false, true), ($1, 'event_cancelled', false, false)",
    )
    .bind(user)
    .execute(&f.app.pool)
    .await
    .expect("preferences");
    f.make_due(1440).await;
    f.run_jobs().await;
    assert!(
        f.outbox("event_reminder").await.is_empty(),
        "reminder mails switched off"
    );
    assert_eq!(
        f.notifications("event_reminder").await,
        1,
        "still shown in the app"
    );

    let mut tx = f.app.pool.begin().await.expect("begin");
    event_updates::event_cancelled(&mut tx, f.event_id, None)
        .await
        .expect("cancelled");
    tx.commit().await.expect("commit");
    assert_eq!(
        f.outbox("event_cancelled").await.len(),
        1,
        "a cancellation is always mailed"
    );
    assert_eq!(
        f.notifications("event_cancelled").await,
        0,
        "in-app switched off"
    );
}

#[tokio::test]
async fn a_failing_job_is_retried_with_backoff_then_given_up_with_its_error() {
    let f = Fixture::new().await;
    sqlx::query("INSERT INTO jobs (kind, payload, run_at) VALUES ('no_such_job', '{}', now())")
        .execute(&f.app.pool)
        .await
        .expect("job");
    let settings = JobSettings {
        max_attempts: 2,
        ..JobSettings::default()
    };
    assert_eq!(
        run_due(&f.app.pool, &settings).await.expect("run").retried,
        1
    );
    let later: bool = sqlx::query_scalar(
        "SELECT run_at > now() + interval '20 seconds' FROM jobs WHERE kind = 'no_such_job'",
    )
    .fetch_one(&f.app.pool)
    .await
    .expect("row");
    assert!(later, "backed off");
    sqlx::query("UPDATE jobs SET run_at = now() WHERE kind = 'no_such_job'")
        .execute(&f.app.pool)
        .await
        .expect("due");
    assert_eq!(
        run_due(&f.app.pool, &settings).await.expect("run").given_up,
        1
    );
    let (done, error): (bool, Option<String>) = sqlx::query_as(
        "SELECT done_at IS NOT NULL, last_error FROM jobs WHERE kind = 'no_such_job'",
    )
    .fetch_one(&f.app.pool)
    .await
    .expect("row");
    assert!(done && error.is_some_and(|e| e.contains("unknown job kind")));
}

#[tokio::test]
async fn a_reminder_arrives_with_list_unsubscribe_and_one_click_stops_the_next_ones() {
    let f = Fixture::new().await;
    f.participant("lea@exemple.fr", "fr", "registered", false)
        .await;
    f.make_due(1440).await;
    f.run_jobs().await;
    let port = free_port();
    let sink = SmtpSink::start(port);
    let settings = WorkerSettings::new(
        "Meetral <no-reply@meetral.fr>".parse().expect("mailbox"),
        BASE_URL,
        b"meetral-development-secret-not-for-production",
    );
    assert_eq!(
        run_once(&f.app.pool, &smtp(port), &settings)
            .await
            .expect("send")
            .sent,
        1
    );
    let mails = sink.messages();
    let mail = mails.first().expect("delivered");
    for expected in [
        "List-Unsubscribe: <http://meetral.test/unsubscribe/event_reminder.",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "/tickets/TICKET-",
        "text/html",
    ] {
        assert!(mail.contains(expected), "missing {expected:?} in\n{mail}");
    }
    let path = mail
        .split("List-Unsubscribe: <http://meetral.test")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("unsubscribe link")
        .replace("\r\n ", "");

    // Opening the link changes nothing; it shows what will stop.
    let page = f.app.get(&path, &[("accept-language", "fr")]).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Rappels avant un événement") && page.body.contains("lea@exemple.fr")
    );
    let opted_out = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM mail_opt_outs")
            .fetch_one(&f.app.pool)
            .await
            .expect("count")
    };
    assert_eq!(opted_out().await, 0);

    // The mail client's one-click POST (no Origin, no cookie).
    let request = http::Request::post(&path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from("List-Unsubscribe=One-Click"))
        .expect("request");
    assert_eq!(f.app.request(request).await.status, 200);
    assert_eq!(opted_out().await, 1);

    // The 2 h reminder is not mailed any more.
    f.make_due(120).await;
    f.run_jobs().await;
    assert_eq!(f.outbox("event_reminder").await.len(), 1);

    // The page's own button: same effect, then the confirmation.
    let reply = f.app.post_form(&path, "", &[]).await;
    assert_eq!(reply.status, 303);
    let done = f
        .app
        .get(
            reply.headers["location"].to_str().expect("ascii"),
            &[("accept-language", "en")],
        )
        .await;
    assert!(
        done.body
            .contains("Done: you will no longer receive by email")
    );
}

#[tokio::test]
async fn forged_or_broken_unsubscribe_links_do_nothing() {
    let app = TestApp::spawn().await;
    let forged = format!(
        "/unsubscribe/event_reminder.{}.AAAA",
        "bGVhQGV4ZW1wbGUuZnI" // lea@exemple.fr
    );
    for path in [
        forged.as_str(),
        "/unsubscribe/x",
        "/unsubscribe/report_update.%%%.zz",
    ] {
        assert_eq!(app.get(path, &[]).await.status, 404, "{path}");
        assert_eq!(
            app.post_form(path, "List-Unsubscribe=One-Click", &[])
                .await
                .status,
            404,
            "{path}"
        );
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_opt_outs")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(count, 0);
    assert!(NotificationKind::EventReminder.email_optional());
}
