//! Co-organizers: the organizer invites an address; the mail's link (7 days, single use) makes
//! whoever signs in and opens it a door-team member (`event_organizers`, role `checkin`).

use sqlx::{PgConnection, PgPool};

use super::access::{self, Need};
use crate::{
    accounts::model::CurrentUser,
    checkin::model::TeamMember,
    error::AppError,
    i18n::{Locale, MessageKey},
    notifications::server::facts,
    ssr::mail::{
        message::Mail,
        outbox::{OutgoingMail, enqueue},
    },
    tickets::server::codes,
    validation::Email,
};

pub async fn team(conn: &mut PgConnection, event_id: i64) -> Result<Vec<TeamMember>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT u.full_name AS "name!", u.email AS "email!", false AS "pending!"
           FROM event_organizers o JOIN users u ON u.id = o.user_id WHERE o.event_id = $1
           UNION ALL
           SELECT '' AS "name!", i.email AS "email!", true AS "pending!"
           FROM event_invitations i
           WHERE i.event_id = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
           ORDER BY 3, 2"#,
        event_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| TeamMember {
            name: r.name,
            email: r.email,
            pending: r.pending,
        })
        .collect())
}

/// Mails an invitation to `email` (at most 20 open invitations per event).
pub async fn invite(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    email: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|key| AppError::field("email", key))?;
    let mut tx = pool.begin().await?;
    access::check(&mut tx, user, event_id, Need::Manage).await?;
    let open = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM event_invitations
           WHERE event_id = $1 AND accepted_at IS NULL AND expires_at > now()"#,
        event_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if open >= 20 {
        return Err(AppError::field("email", MessageKey::InviteTooMany));
    }
    let (token, hash) = codes::new_token();
    let id = sqlx::query_scalar!(
        "INSERT INTO event_invitations (event_id, email, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + interval '7 days') RETURNING id",
        event_id,
        email.as_str(),
        hash,
        user.id,
    )
    .fetch_one(&mut *tx)
    .await?;
    let event = facts::load(&mut tx, event_id).await?.facts;
    let mail = Mail::CoOrganizerInvitation {
        event,
        inviter_name: user.full_name.clone(),
        token,
    };
    enqueue(
        &mut tx,
        OutgoingMail {
            idempotency_key: &format!("invitation:{id}"),
            to: email.as_str(),
            locale,
            mail: &mail,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The invitation's event title and whether it can still be accepted.
pub async fn view(pool: &PgPool, token: &str) -> Result<(i64, String, bool), AppError> {
    if !codes::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let row = sqlx::query!(
        r#"SELECT i.event_id, e.title, i.accepted_at IS NULL AND i.expires_at > now() AS "open!"
           FROM event_invitations i JOIN events e ON e.id = i.event_id
           WHERE i.token_hash = $1 AND e.deleted_at IS NULL"#,
        codes::token_hash(token)
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((row.event_id, row.title, row.open))
}

/// Joins the door team; returns the event id. A used or expired link is a conflict.
pub async fn accept(pool: &PgPool, user: &CurrentUser, token: &str) -> Result<i64, AppError> {
    if !codes::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let mut tx = pool.begin().await?;
    let invitation = sqlx::query!(
        r#"SELECT id, event_id, role, accepted_at IS NULL AND expires_at > now() AS "open!"
           FROM event_invitations WHERE token_hash = $1 FOR UPDATE"#,
        codes::token_hash(token)
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if !invitation.open {
        return Err(AppError::Conflict);
    }
    sqlx::query!(
        "INSERT INTO event_organizers (event_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (event_id, user_id) DO NOTHING",
        invitation.event_id,
        user.id,
        invitation.role,
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE event_invitations SET accepted_by = $2, accepted_at = now() WHERE id = $1",
        invitation.id,
        user.id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(invitation.event_id)
}
