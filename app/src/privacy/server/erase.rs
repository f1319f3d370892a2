//! Account deletion: everything personal is erased or anonymised in one transaction. The user row
//! stays as an empty shell (ids in logs and in past events point to it); past registrations stay as
//! anonymous rows so organizers' counts do not change; future ones are withdrawn and their seats
//! freed; the person's own upcoming events are cancelled with a notice to their registrants.

use sqlx::{PgConnection, PgPool};

use crate::{error::AppError, ssr::audit};

/// What the participant rows of erased people read.
pub const ANONYMOUS_NAME: &str = "Anonyme";

/// The message registrants of a deleted organizer's events receive.
const ORGANIZER_GONE: &str = "L’organisateur a supprimé son compte Meetral : l’événement est annulé. \
     / The organizer deleted their Meetral account: the event is cancelled.";

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub registrations_withdrawn: usize,
    pub registrations_anonymised: u64,
    pub events_cancelled: usize,
}

/// Erases the account `user_id`. `NotFound` when it is already deleted (a second request).
/// Returns the storage key of the avatar to remove once committed.
pub async fn erase_account(
    pool: &PgPool,
    user_id: i64,
    ip: Option<&str>,
) -> Result<(Erased, Option<String>), AppError> {
    let mut tx = pool.begin().await?;
    // FOR UPDATE: registrations in flight for this account hold KEY SHARE and finish first; new ones
    // wait and then find the account gone.
    let user = sqlx::query!(
        "SELECT email, avatar_key FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
        user_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut done = Erased::default();

    // Upcoming registrations: withdrawn like a cancellation, so seats go back and the waitlist moves.
    let live = sqlx::query_scalar!(
        "SELECT p.id FROM event_participants p JOIN events e ON e.id = p.event_id
         WHERE p.user_id = $1 AND p.status <> 'cancelled' AND e.ends_at > now()
         ORDER BY p.event_id",
        user_id
    )
    .fetch_all(&mut *tx)
    .await?;
    for participant in &live {
        crate::tickets::server::manage::withdraw(&mut tx, *participant).await?;
    }
    done.registrations_withdrawn = live.len();

    done.events_cancelled = cancel_own_events(&mut tx, user_id, ip).await?;
    let mine = sqlx::query_scalar!(
        "SELECT id FROM event_participants WHERE user_id = $1",
        user_id
    )
    .fetch_all(&mut *tx)
    .await?;
    done.registrations_anonymised = anonymise_ids(&mut tx, &mine).await?;
    forget_everything_else(&mut tx, user_id, &user.email).await?;

    audit::record(
        &mut tx,
        Some(user_id),
        audit::Target::User(user_id),
        "account_erased",
        serde_json::json!({
            "registrations_withdrawn": done.registrations_withdrawn,
            "registrations_anonymised": done.registrations_anonymised,
            "events_cancelled": done.events_cancelled,
        }),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok((done, user.avatar_key))
}

/// Cancels the person's events that have not ended (with a notice to registrants) and deletes
/// their unpublished ones.
async fn cancel_own_events(
    tx: &mut PgConnection,
    user_id: i64,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let upcoming = sqlx::query_scalar!(
        "SELECT id FROM events
         WHERE organizer_id = $1 AND deleted_at IS NULL AND status = 'published' AND ends_at > now()
         ORDER BY id",
        user_id
    )
    .fetch_all(&mut *tx)
    .await?;
    // The account as the owner of its events (the same lock and checks as a cancellation by hand).
    let owner = crate::accounts::model::CurrentUser {
        id: user_id,
        full_name: String::new(),
        role: crate::accounts::model::Role::User,
        email_verified: true,
        two_factor: false,
    };
    for event_id in &upcoming {
        let locked = crate::events::server::access::lock_for(&mut *tx, &owner, *event_id).await?;
        crate::events::server::lifecycle::cancel_locked(
            &mut *tx,
            user_id,
            &locked,
            Some(ORGANIZER_GONE.to_owned()),
            ip,
        )
        .await?;
    }
    sqlx::query!(
        "UPDATE events SET deleted_at = now(), updated_at = now()
         WHERE organizer_id = $1 AND deleted_at IS NULL
           AND status IN ('draft', 'pending_review', 'changes_requested', 'rejected')",
        user_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(upcoming.len())
}

/// Anonymises the given participant rows, their tickets and the mails sent to them.
pub async fn anonymise_ids(tx: &mut PgConnection, ids: &[i64]) -> Result<u64, sqlx::Error> {
    if ids.is_empty() {
        return Ok(0);
    }
    let emails = sqlx::query_scalar!(
        "SELECT lower(email) AS \"email!\" FROM event_participants WHERE id = ANY($1)",
        ids
    )
    .fetch_all(&mut *tx)
    .await?;
    let done = sqlx::query!(
        "UPDATE event_participants
         SET user_id = NULL, email = 'anonyme-' || id || '@invalid', full_name = $2, phone_number = NULL,
             answers = '{}'::jsonb, manage_token_hash = NULL, offer_token_hash = NULL,
             anonymised_at = now()
         WHERE id = ANY($1)",
        ids,
        ANONYMOUS_NAME
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query!(
        "UPDATE tickets SET attendee_name = $2 WHERE participant_id = ANY($1)",
        ids,
        ANONYMOUS_NAME
    )
    .execute(&mut *tx)
    .await?;
    forget_mail_to(tx, &emails).await?;
    // The organizer's "new registration / cancellation" mails quote the person's name.
    let keys: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    sqlx::query!(
        "DELETE FROM email_outbox
         WHERE idempotency_key LIKE 'organizer:%' AND split_part(idempotency_key, ':', 2) = ANY($1)",
        &keys
    )
    .execute(&mut *tx)
    .await?;
    Ok(done)
}

/// Mails to these addresses leave the outbox, and mails to others that quoted them (an
/// organizer's "new registration" notice) lose their content once sent.
async fn forget_mail_to(tx: &mut PgConnection, emails: &[String]) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM email_outbox WHERE lower(to_address) = ANY($1)",
        emails
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM mail_opt_outs WHERE lower(email) = ANY($1)",
        emails
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Sessions, tokens, notifications, drafts, roles, messages, reports' contact details, logs' IP
/// addresses, and the user row itself.
async fn forget_everything_else(
    tx: &mut PgConnection,
    user_id: i64,
    email: &str,
) -> Result<(), AppError> {
    crate::accounts::server::sessions::revoke_all(&mut *tx, user_id, None).await?;
    let email = email.to_lowercase();
    // The person's own name as mails to others may quote it (a co-organizer invitation, a digest).
    let full_name = sqlx::query_scalar!("SELECT full_name FROM users WHERE id = $1", user_id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM user_sessions WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM user_tokens WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM api_tokens WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM webhook_endpoints WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "DELETE FROM user_recovery_codes WHERE user_id = $1",
        user_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("DELETE FROM user_identities WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "DELETE FROM notification_preferences WHERE user_id = $1",
        user_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("DELETE FROM notifications WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM event_drafts WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM event_organizers WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM contact_messages WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("UPDATE reports SET reporter_user_id = NULL, reporter_email = NULL WHERE reporter_user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "UPDATE activity_logs SET ip_address = NULL WHERE actor_user_id = $1",
        user_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM contact_messages WHERE lower(email) = $1",
        email
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM event_invitations WHERE lower(email) = $1",
        email
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE reports SET reporter_email = NULL WHERE lower(reporter_email) = $1",
        email
    )
    .execute(&mut *tx)
    .await?;
    forget_mail_to(tx, std::slice::from_ref(&email)).await?;
    // Mails to others that quote the person: not sent yet, they are dropped; sent, they keep
    // their record, not their content.
    sqlx::query!(
        "DELETE FROM email_outbox
         WHERE status = 'pending'
           AND (payload::text ILIKE '%' || $1 || '%' OR (length($2) >= 3 AND payload::text ILIKE '%' || $2 || '%'))",
        email,
        full_name
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE email_outbox SET payload = '{}'::jsonb
         WHERE status <> 'pending'
           AND (payload::text ILIKE '%' || $1 || '%' OR (length($2) >= 3 AND payload::text ILIKE '%' || $2 || '%'))",
        email,
        full_name
    )
    .execute(&mut *tx)
    .await?;
    // Audit lines about the account keep who did what and when, not the values they quoted.
    sqlx::query!(
        "UPDATE activity_logs SET details = '{}'::jsonb
         WHERE (target_type = 'user' AND target_id = $1) OR details::text ILIKE '%' || $2 || '%'
            OR (length($3) >= 3 AND details::text ILIKE '%' || $3 || '%')",
        user_id,
        email,
        full_name
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE users SET email = 'supprime-' || id || '@invalid', full_name = $2, phone_number = NULL,
                password_hash = NULL, bio = NULL, avatar_key = NULL, display_name = NULL,
                profile_links = '{}', organizer_slug = NULL, totp_secret = NULL, totp_enabled_at = NULL,
                totp_last_step = NULL, suspension_reason = NULL, suspended_until = NULL, status = 'active',
                email_verified_at = NULL, deleted_at = now(), erased_at = now(), updated_at = now()
         WHERE id = $1",
        user_id,
        ANONYMOUS_NAME
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
