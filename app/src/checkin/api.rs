//! Door and participants server functions: signed in first, then the service (which checks the
//! person's role for the event). The scanner page's script calls the door ones with plain form posts.

use leptos::prelude::*;

use super::{
    model::{Counts, DoorEvent, DoorTicket, OfflineKit, ScanResult, SyncedScan},
    participants::{ParticipantFilter, ParticipantList},
};
use crate::{error::AppError, i18n::Locale};

#[cfg(feature = "ssr")]
use crate::{accounts::server::require_user as signed_in, ssr::SigningSecret};

/// The check-in page's event, counters and team.
#[server(prefix = "/api/fn", endpoint = "checkin_event")]
pub async fn checkin_event(event_id: i64, locale: Locale) -> Result<DoorEvent, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::scan::door_event(&pool, &user, event_id, locale).await
        }
        .await,
    )
}

/// Judges a scanned QR payload or a ticket code and admits a valid ticket.
#[server(prefix = "/api/fn", endpoint = "checkin_scan")]
pub async fn checkin_scan(event_id: i64, value: String) -> Result<ScanResult, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::scan::scan(&pool, &SigningSecret::current()?.0, &user, event_id, &value)
                .await
        }
        .await,
    )
}

/// Tickets by attendee, name, email or code.
#[server(prefix = "/api/fn", endpoint = "checkin_search")]
pub async fn checkin_search(event_id: i64, q: String) -> Result<Vec<DoorTicket>, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::scan::search(&pool, &user, event_id, &q).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "checkin_counts")]
pub async fn checkin_counts(event_id: i64) -> Result<Counts, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::scan::door_counts(&pool, &user, event_id).await
        }
        .await,
    )
}

/// The event's key and ticket list for offline judging.
#[server(prefix = "/api/fn", endpoint = "checkin_offline")]
pub async fn checkin_offline(event_id: i64) -> Result<OfflineKit, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::scan::offline_kit(&pool, &SigningSecret::current()?.0, &user, event_id)
                .await
        }
        .await,
    )
}

/// Replays offline scans; `scans` is a JSON array of `{value, at}`.
#[server(prefix = "/api/fn", endpoint = "checkin_sync")]
pub async fn checkin_sync(event_id: i64, scans: String) -> Result<Vec<SyncedScan>, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let scans = serde_json::from_str(&scans)
                .map_err(|_| AppError::field("scans", crate::i18n::MessageKey::FieldRequired))?;
            let pool = crate::ssr::db::pool()?;
            super::server::scan::sync(&pool, &SigningSecret::current()?.0, &user, event_id, scans)
                .await
        }
        .await,
    )
}

/// Invites a co-organizer by email.
#[server(prefix = "/api/fn", endpoint = "invite_co_organizer")]
pub async fn invite_co_organizer(
    event_id: i64,
    email: String,
    locale: Locale,
) -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            crate::ssr::rate_limit::check(|l| &l.registration)?;
            let pool = crate::ssr::db::pool()?;
            super::server::invite::invite(&pool, &user, event_id, &email, locale).await?;
            crate::ssr::request::redirect_form_post(&format!(
                "/organizer/events/{event_id}/checkin"
            ));
            Ok(())
        }
        .await,
    )
}

/// An invitation's event and whether it is still open.
#[server(prefix = "/api/fn", endpoint = "invitation")]
pub async fn invitation(token: String) -> Result<(i64, String, bool), AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            super::server::invite::view(&pool, &token).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            let event_id = super::server::invite::accept(&pool, &user, &token).await?;
            let path = format!("/organizer/events/{event_id}/checkin");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "participants")]
pub async fn participants(
    event_id: i64,
    filter: ParticipantFilter,
    locale: Locale,
) -> Result<ParticipantList, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::participants::list(&pool, &user, event_id, &filter, locale).await
        }
        .await,
    )
}

/// A message to every registered participant.
#[server(prefix = "/api/fn", endpoint = "message_participants")]
pub async fn message_participants(
    event_id: i64,
    subject: String,
    body: String,
) -> Result<i64, AppError> {
    crate::ssr::request::reply(
        async {
            let user = signed_in().await?;
            let pool = crate::ssr::db::pool()?;
            let sent =
                super::server::participants::message_all(&pool, &user, event_id, &subject, &body)
                    .await?;
            crate::ssr::request::redirect_form_post(&format!(
                "/organizer/events/{event_id}/participants?sent={sent}"
            ));
            Ok(sent)
        }
        .await,
    )
}
