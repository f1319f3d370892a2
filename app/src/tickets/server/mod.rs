//! Registration (server only): the seat count is taken by one conditional UPDATE inside the
//! registration's transaction, so capacity holds under any number of simultaneous attempts.

pub mod codes;
pub mod document;
pub mod manage;
pub mod organizer;
mod register;
pub mod ticket;
pub mod waitlist;

pub use register::{
    Outcome, Registrant, Request, Submitted, register, register_questions, register_submitted,
};

/// Gives an account the guest registrations made with its (confirmed) address.
pub async fn attach_guest_registrations(
    conn: &mut sqlx::PgConnection,
    user_id: i64,
) -> Result<u64, crate::error::AppError> {
    let attached = sqlx::query!(
        "UPDATE event_participants p SET user_id = u.id
         FROM users u
         WHERE u.id = $1 AND u.email_verified_at IS NOT NULL AND p.user_id IS NULL
           AND lower(p.email) = lower(u.email)",
        user_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(attached.rows_affected())
}
