//! Demo data for development: accounts for every role and a varied French catalogue. Idempotent: rows
//! that already exist (same email, same slug) are left alone, so a second run changes nothing.

mod catalog;
pub mod synthetic;

use chrono::{Duration, Timelike, Utc};
use sqlx::PgPool;

use catalog::{Mode, TEMPLATES, VENUES};

/// Password of every demo account (development only; listed in the README).
pub const DEMO_PASSWORD: &str = "Meetral-Demo-2026";
/// Two-factor key of the demo admin and moderator (staff must sign in with a second factor): add it to
/// any authenticator app. Development only; listed in the README.
pub const DEMO_STAFF_TOTP_KEY: &str = "MEETRALDEMOSTAFFTOTPSECRET234567";

struct DemoUser {
    email: &'static str,
    name: &'static str,
    role: &'static str,
    organizer_slug: Option<&'static str>,
}

const USERS: &[DemoUser] = &[
    DemoUser {
        email: "admin@meetral.test",
        name: "Alice Admin",
        role: "admin",
        organizer_slug: None,
    },
    DemoUser {
        email: "moderateur@meetral.test",
        name: "Maxime Modérateur",
        role: "moderator",
        organizer_slug: None,
    },
    DemoUser {
        email: "organisatrice@meetral.test",
        name: "Camille Martin",
        role: "user",
        organizer_slug: Some("camille-martin"),
    },
    DemoUser {
        email: "participant@meetral.test",
        name: "Karim Benali",
        role: "user",
        organizer_slug: None,
    },
    DemoUser {
        email: "fabrique@meetral.test",
        name: "La Fabrique Numérique",
        role: "user",
        organizer_slug: Some("la-fabrique-numerique"),
    },
    DemoUser {
        email: "cultures@meetral.test",
        name: "Cultures Croisées",
        role: "user",
        organizer_slug: Some("cultures-croisees"),
    },
];

/// Number of demo events: every template appears at least twice, across every city.
const EVENT_COUNT: usize = 66;

pub async fn seed(pool: &PgPool) -> Result<String, String> {
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let mut organizer_ids = Vec::new();
    for user in USERS {
        let id = ensure_user(&mut tx, user).await?;
        if user.organizer_slug.is_some() {
            organizer_ids.push(id);
        }
    }
    let mut created = 0;
    let today = Utc::now()
        .with_hour(0)
        .and_then(|d| d.with_minute(0))
        .and_then(|d| d.with_second(0))
        .unwrap_or_else(Utc::now);
    for i in 0..EVENT_COUNT {
        let template = &TEMPLATES[i % TEMPLATES.len()];
        let venue = &VENUES[(i * 7) % VENUES.len()];
        // Spread from three weeks ago to ten weeks ahead; Paris is UTC+1/+2, so hour - 1 is close enough.
        let day_offset = (i as i64 * 5) % 91 - 21;
        let starts_at = today
            + Duration::days(day_offset)
            + Duration::hours(i64::from(template.start_hour) - 1);
        let ends_at = starts_at + Duration::hours(template.duration_hours);
        let status = match i {
            7 => "pending_review",
            19 => "draft",
            31 => "cancelled",
            43 => "rejected",
            _ => "published",
        };
        let title = if template.mode == Mode::Online {
            template.title.to_owned()
        } else {
            format!("{} — {}", template.title, venue.city)
        };
        // Online events repeat under the same title, so their date tells them apart.
        let slug = match template.mode {
            Mode::Online => slug::slugify(format!("{title} {}", starts_at.format("%Y-%m-%d"))),
            _ => slug::slugify(&title),
        };
        let seats_taken = template
            .capacity
            .map(|c| {
                if i % 11 == 3 {
                    c
                } else {
                    (c * ((i as i32 * 13) % 70)) / 100
                }
            })
            .unwrap_or((i as i32 * 3) % 40);
        let in_person = template.mode != Mode::Online;
        let online_url =
            (template.mode != Mode::InPerson).then(|| format!("https://visio.meetral.fr/{slug}"));
        let inserted = sqlx::query_scalar!(
            r#"INSERT INTO events (slug, organizer_id, category_id, title, summary, description_md, status, status_reason,
                   visibility, attendance_mode, starts_at, ends_at, venue_name, address_line, postal_code, city,
                   latitude, longitude, online_url, price_cents, capacity, seats_taken, waitlist_enabled, free_food,
                   free_food_details, dietary_tags, submitted_at, published_at, cancelled_at, cancellation_message)
               SELECT $1, $2, c.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                   $21, $22, $23, $24, $25, now(), CASE WHEN $6 IN ('published', 'cancelled') THEN now() END,
                   CASE WHEN $6 = 'cancelled' THEN now() END, $26
               FROM categories c WHERE c.slug = $27 AND c.deleted_at IS NULL
               ON CONFLICT (slug) WHERE deleted_at IS NULL DO NOTHING
               RETURNING id"#,
            slug,
            organizer_ids[i % organizer_ids.len()],
            title,
            template.summary,
            template.description,
            status,
            (status == "rejected").then_some("Le descriptif ne précise pas le lieu exact."),
            if i == 23 { "unlisted" } else { "public" },
            match template.mode { Mode::InPerson => "in_person", Mode::Online => "online", Mode::Hybrid => "hybrid" },
            starts_at,
            ends_at,
            in_person.then_some(venue.name),
            in_person.then_some(venue.address),
            in_person.then_some(venue.postal_code),
            in_person.then_some(venue.city),
            in_person.then_some(venue.latitude),
            in_person.then_some(venue.longitude),
            online_url,
            template.price_cents,
            template.capacity,
            seats_taken,
            template.capacity.is_some() && i % 4 == 0,
            template.free_food.is_some(),
            template.free_food,
            &template.dietary.iter().map(|d| (*d).to_owned()).collect::<Vec<_>>(),
            (status == "cancelled").then_some("L’intervenant est malheureusement indisponible ; toutes nos excuses."),
            template.category,
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(|e| format!("event {slug}: {e}"))?;
        created += usize::from(inserted.is_some());
        // Published events get their reminder jobs, as publication does in the app.
        if let Some(event_id) = inserted.filter(|_| status == "published") {
            app::notifications::server::reminders::reschedule(&mut tx, event_id)
                .await
                .map_err(|e| format!("reminders of {slug}: {e}"))?;
        }
    }
    tx.commit().await.map_err(|e| e.to_string())?;

    let mut summary = format!(
        "Demo data ready: {created} new events ({EVENT_COUNT} in the demo catalogue).\nDemo accounts (password: {DEMO_PASSWORD}):\n"
    );
    for user in USERS.iter().take(4) {
        summary.push_str(&format!("  {:<11} {}\n", user.role_label(), user.email));
    }
    summary.push_str(&format!(
        "Admin and moderator sign in with a second factor: add the key {DEMO_STAFF_TOTP_KEY} to an authenticator app.\n"
    ));
    Ok(summary)
}

impl DemoUser {
    fn role_label(&self) -> &'static str {
        match (self.role, self.organizer_slug) {
            ("admin", _) => "admin",
            ("moderator", _) => "moderator",
            (_, Some(_)) => "organizer",
            _ => "participant",
        }
    }
}

async fn ensure_user(tx: &mut sqlx::PgConnection, user: &DemoUser) -> Result<i64, String> {
    let existing = sqlx::query_scalar!(
        "SELECT id FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL",
        user.email
    )
    .fetch_optional(&mut *tx)
    .await
    .map_err(|e| e.to_string())?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let hash = app::accounts::server::passwords::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| e.to_string())?;
    let staff = matches!(user.role, "admin" | "moderator");
    let totp_secret = staff
        .then(|| app::accounts::server::two_factor::decode_secret(DEMO_STAFF_TOTP_KEY))
        .flatten();
    sqlx::query_scalar!(
        "INSERT INTO users (email, email_verified_at, password_hash, full_name, role, organizer_slug, trusted_organizer,
                            terms_accepted_at, totp_secret, totp_enabled_at)
         VALUES ($1, now(), $2, $3, $4, $5, $6, now(), $7, CASE WHEN $7::bytea IS NULL THEN NULL ELSE now() END)
         RETURNING id",
        user.email,
        hash,
        user.name,
        user.role,
        user.organizer_slug,
        user.organizer_slug.is_some(),
        totp_secret,
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| e.to_string())
}
