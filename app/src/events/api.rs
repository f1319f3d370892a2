//! Event server functions: thin (authorization first, then one service call).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{EventDetail, MyEvent, form::EventForm};
use crate::error::AppError;

/// One published (public or unlisted) event by its slug.
#[server(prefix = "/api/fn", endpoint = "event_by_slug")]
pub async fn event_by_slug(slug: String) -> Result<EventDetail, AppError> {
    crate::ssr::request::reply(
        async {
            if slug.len() > 120 {
                return Err(AppError::NotFound);
            }
            let pool = crate::ssr::db::pool()?;
            let event =
                super::server::page::by_slug(&pool, &slug, crate::ssr::request::locale()).await?;
            count_view(&event);
            Ok(event)
        }
        .await,
    )
}

/// A page view of a published event by a person (not a robot), counted in memory (`PageViews`).
#[cfg(feature = "ssr")]
fn count_view(event: &EventDetail) {
    use crate::dashboard::server::{PageViews, is_robot};
    let user_agent = crate::accounts::server::Client::current()
        .user_agent
        .unwrap_or_default();
    if event.status != super::model::EventStatus::Published || is_robot(&user_agent) {
        return;
    }
    if let Some(views) = use_context::<PageViews>() {
        views.count(event.id);
    }
}

/// What the event form needs: the values to show and the category list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFormData {
    pub form: EventForm,
    /// The values come from an unsaved draft.
    pub from_draft: bool,
    pub categories: Vec<(String, String)>,
}

/// The form for a new event (`event` = None) or for editing one the user manages.
#[server(prefix = "/api/fn", endpoint = "load_event_form")]
pub async fn load_event_form(event: Option<i64>) -> Result<EventFormData, AppError> {
    use crate::accounts::server::require_user;
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let (form, from_draft) =
                super::server::authoring::form_for(&pool, &user, event).await?;
            let categories =
                super::server::authoring::categories(&pool, crate::ssr::request::locale()).await?;
            Ok(EventFormData {
                form,
                from_draft,
                categories,
            })
        }
        .await,
    )
}

/// Keeps the form as typed, valid or not (called as the organizer types).
#[server(prefix = "/api/fn", endpoint = "save_event_draft")]
pub async fn save_event_draft(#[server(flatten)] form: EventForm) -> Result<(), AppError> {
    use crate::accounts::server::require_user;
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::authoring::save_draft(&pool, &user, &form).await
        }
        .await,
    )
}

/// Saves the event (a new one starts as a draft) and answers with its preview page.
#[server(prefix = "/api/fn", endpoint = "save_event")]
pub async fn save_event(#[server(flatten)] form: EventForm) -> Result<String, AppError> {
    use crate::accounts::server::{Client, require_user};
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            let id = super::server::authoring::save(&pool, &user, &form, ip.as_deref()).await?;
            let path = format!("/organizer/events/{id}/preview?saved=1");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// The description's Markdown as the event page will show it (sanitised HTML).
#[server(prefix = "/api/fn", endpoint = "preview_markdown")]
pub async fn preview_markdown(text: String) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            crate::accounts::server::require_user().await?;
            if text.chars().count() > 20_000 {
                return Err(AppError::field(
                    "description",
                    crate::i18n::MessageKey::FieldTooLong,
                ));
            }
            Ok(super::server::markdown::to_safe_html(&text))
        }
        .await,
    )
}

/// An event the user manages, exactly as visitors will see it, whatever its status.
#[server(prefix = "/api/fn", endpoint = "event_preview")]
pub async fn event_preview(event: i64) -> Result<EventDetail, AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::page::for_organizer(&pool, &user, event, crate::ssr::request::locale())
                .await
        }
        .await,
    )
}

/// Sends a draft to moderation. Needs a confirmed email address.
#[server(prefix = "/api/fn", endpoint = "submit_event")]
pub async fn submit_event(event: i64) -> Result<String, AppError> {
    use crate::accounts::server::{Client, authz::require_publisher};
    crate::ssr::request::reply(
        async {
            let user = require_publisher().await?;
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            let outcome =
                super::server::lifecycle::submit(&pool, &user, event, ip.as_deref()).await?;
            let saved = match outcome {
                crate::moderation::server::intake::Intake::Published => "published",
                crate::moderation::server::intake::Intake::Queued => "submitted",
            };
            let path = format!("/organizer/events/{event}/preview?saved={saved}");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// Cancels an event; everyone registered is told with `message`.
#[server(prefix = "/api/fn", endpoint = "cancel_event")]
pub async fn cancel_event(event: i64, message: String) -> Result<String, AppError> {
    use crate::accounts::server::{Client, require_user};
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let message = super::model::form::check_cancellation_message(&message)
                .map_err(|key| AppError::field("message", key))?;
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            super::server::lifecycle::cancel(&pool, &user, event, message, ip.as_deref()).await?;
            let path = format!("/organizer/events/{event}/preview?saved=cancelled");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// The events the signed-in person organizes.
#[server(prefix = "/api/fn", endpoint = "my_events")]
pub async fn my_events() -> Result<Vec<MyEvent>, AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            super::server::page::mine(&pool, &user, crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// Adds a cover or a flyer to an event (multipart: `event`, `kind`, `alt`, `file`).
#[server(prefix = "/api/fn", endpoint = "upload_event_image", input = server_fn::codec::MultipartFormData)]
pub async fn upload_event_image(data: server_fn::codec::MultipartData) -> Result<String, AppError> {
    use super::server::images::{ImageKind, MAX_BYTES, Upload, add};
    use crate::{
        accounts::server::{Client, require_user},
        ssr::upload,
    };
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            crate::ssr::rate_limit::check(|l| &l.uploads)?;
            let mut fields = upload::read_fields(data, MAX_BYTES).await?;
            let event = upload::text(&fields, "event")
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::NotFound)?;
            let kind = ImageKind::parse(upload::text(&fields, "kind").trim());
            let alt = upload::text(&fields, "alt");
            let file = upload::file(&mut fields)?;
            let pool = crate::ssr::db::pool()?;
            let media = use_context::<crate::ssr::media::Media>().ok_or(AppError::Internal)?;
            let ip = Client::current().ip;
            let upload = Upload {
                event_id: event,
                kind: kind.unwrap_or(ImageKind::Flyer),
                alt,
                bytes: file,
            };
            add(&pool, &media, &user, upload, ip.as_deref()).await?;
            let path = format!("/organizer/events/{event}/preview?saved=image");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// Removes an image from an event the user manages.
#[server(prefix = "/api/fn", endpoint = "delete_event_image")]
pub async fn delete_event_image(image: i64) -> Result<String, AppError> {
    use crate::accounts::server::{Client, require_user};
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let media = use_context::<crate::ssr::media::Media>().ok_or(AppError::Internal)?;
            let ip = Client::current().ip;
            let event =
                super::server::images::remove(&pool, &media, &user, image, ip.as_deref()).await?;
            let path = format!("/organizer/events/{event}/preview?saved=image-removed");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}
