//! "Download my data": everything the platform holds about the signed-in person, as `data.json`
//! plus CSV files of the lists, in one ZIP. The JSON is assembled by PostgreSQL (one query per
//! section), so a new column is one line here.

use sqlx::PgPool;

use super::zip::archive;
use crate::{checkin::server::export::cell, error::AppError};

/// The sections of the export, each a JSON array (the account is an object).
pub async fn personal_data(pool: &PgPool, user_id: i64) -> Result<serde_json::Value, AppError> {
    let data = sqlx::query_scalar!(
        r#"SELECT jsonb_build_object(
            'exported_at', now(),
            'account', (SELECT jsonb_build_object(
                'id', u.id, 'email', u.email, 'full_name', u.full_name, 'phone_number', u.phone_number,
                'locale', u.locale, 'role', u.role, 'status', u.status, 'created_at', u.created_at,
                'email_verified_at', u.email_verified_at, 'terms_accepted_at', u.terms_accepted_at,
                'two_factor', u.totp_enabled_at IS NOT NULL, 'organizer_slug', u.organizer_slug,
                'display_name', u.display_name, 'bio', u.bio, 'profile_links', to_jsonb(u.profile_links),
                'avatar', u.avatar_key IS NOT NULL)
                FROM users u WHERE u.id = $1),
            'registrations', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'event', e.title, 'event_starts_at', e.starts_at, 'status', p.status, 'seats', p.seats,
                'full_name', p.full_name, 'email', p.email, 'phone_number', p.phone_number,
                'answers', p.answers, 'registered_at', p.created_at, 'cancelled_at', p.cancelled_at)
                ORDER BY p.created_at), '[]'::jsonb)
                FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.user_id = $1),
            'tickets', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'code', t.code, 'event', e.title, 'attendee_name', t.attendee_name, 'status', t.status,
                'checked_in_at', t.checked_in_at, 'issued_at', t.created_at) ORDER BY t.id), '[]'::jsonb)
                FROM tickets t JOIN event_participants p ON p.id = t.participant_id
                JOIN events e ON e.id = t.event_id WHERE p.user_id = $1),
            'events_organized', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'title', e.title, 'slug', e.slug, 'status', e.status, 'starts_at', e.starts_at,
                'city', e.city, 'created_at', e.created_at) ORDER BY e.created_at), '[]'::jsonb)
                FROM events e WHERE e.organizer_id = $1 AND e.deleted_at IS NULL),
            'sessions', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'created_at', s.created_at, 'last_seen_at', s.last_seen_at, 'ip_address', host(s.ip_address),
                'user_agent', s.user_agent, 'revoked_at', s.revoked_at) ORDER BY s.created_at), '[]'::jsonb)
                FROM user_sessions s WHERE s.user_id = $1),
            'notifications', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'kind', n.kind, 'content', n.payload, 'created_at', n.created_at, 'read_at', n.read_at)
                ORDER BY n.created_at), '[]'::jsonb)
                FROM notifications n WHERE n.user_id = $1),
            'notification_preferences', (SELECT coalesce(jsonb_agg(to_jsonb(np) - 'user_id'), '[]'::jsonb)
                FROM notification_preferences np WHERE np.user_id = $1),
            'contact_messages', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'subject', c.subject, 'message', c.message, 'sent_at', c.created_at) ORDER BY c.created_at), '[]'::jsonb)
                FROM contact_messages c WHERE c.user_id = $1
                   OR lower(c.email) = (SELECT lower(email) FROM users WHERE id = $1)),
            'reports', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'event', e.title, 'reason', r.reason, 'details', r.details, 'status', r.status,
                'created_at', r.created_at) ORDER BY r.created_at), '[]'::jsonb)
                FROM reports r JOIN events e ON e.id = r.event_id WHERE r.reporter_user_id = $1),
            'activity', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'action', a.action, 'at', a.created_at, 'ip_address', host(a.ip_address))
                ORDER BY a.created_at), '[]'::jsonb)
                FROM activity_logs a WHERE a.actor_user_id = $1)
        ) AS "data!""#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    Ok(data)
}

/// One CSV (UTF-8 with BOM, `;`) of a JSON array of flat objects: a column per key of the first row.
fn csv_of(rows: &serde_json::Value) -> Vec<u8> {
    let rows = rows.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut out = String::from("\u{feff}");
    let Some(serde_json::Value::Object(first)) = rows.first() else {
        return out.into_bytes();
    };
    let columns: Vec<&String> = first.keys().collect();
    let line = |cells: Vec<String>| cells.join(";") + "\r\n";
    out += &line(columns.iter().map(|c| cell(c, ';')).collect());
    for row in rows {
        out += &line(
            columns
                .iter()
                .map(|c| match row.get(c.as_str()) {
                    None | Some(serde_json::Value::Null) => String::new(),
                    Some(serde_json::Value::String(s)) => cell(s, ';'),
                    Some(other) => cell(&other.to_string(), ';'),
                })
                .collect(),
        );
    }
    out.into_bytes()
}

/// The ZIP a person downloads: `data.json` (everything) and a CSV per list.
pub async fn export_zip(pool: &PgPool, user_id: i64) -> Result<Vec<u8>, AppError> {
    let data = personal_data(pool, user_id).await?;
    let json = serde_json::to_vec_pretty(&data).map_err(|_| AppError::Internal)?;
    let mut entries = vec![("data.json", json)];
    for section in ["registrations", "tickets", "events_organized", "sessions"] {
        let name = match section {
            "registrations" => "inscriptions.csv",
            "tickets" => "billets.csv",
            "events_organized" => "evenements-organises.csv",
            _ => "sessions.csv",
        };
        entries.push((name, csv_of(&data[section])));
    }
    Ok(archive(&entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_become_csv_with_a_header_and_safe_cells() {
        let rows = serde_json::json!([
            { "event": "Apéro", "seats": 2, "note": null },
            { "event": "=HYPERLINK()", "seats": 1, "note": "a;b" }
        ]);
        let text = String::from_utf8(csv_of(&rows)).unwrap_or_default();
        assert_eq!(
            text,
            "\u{feff}event;note;seats\r\nApéro;;2\r\n'=HYPERLINK();\"a;b\";1\r\n"
        );
        assert_eq!(csv_of(&serde_json::json!([])), "\u{feff}".as_bytes());
    }
}
