//! `/organizer/events/{id}/preview`: the event page exactly as visitors will see it, under a banner
//! with its status and what the organizer can do: edit, submit for moderation, cancel.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    accounts::pages::login_redirect,
    error::AppError,
    events::{
        api::{CancelEvent, DeleteEventImage, SubmitEvent, event_preview},
        model::{EventDetail, EventStatus},
        pages::detail::EventDetailView,
    },
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

#[component]
pub fn EventPreviewPage() -> impl IntoView {
    let locale = use_locale();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let saved = use_query_map().read_untracked().get("saved");
    let Some(id) = id else {
        return view! { <ErrorPanel error=AppError::NotFound /> }.into_any();
    };
    let event = Resource::new(move || id, event_preview);
    view! {
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || {
                let saved = saved.clone();
                Suspend::new(async move {
                    match event.await {
                        Err(AppError::Unauthorized) => {
                            login_redirect(format!("/organizer/events/{id}/preview")).into_any()
                        }
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(detail) => view! {
                            <OrganizerBanner locale detail=detail.clone() saved />
                            <EventDetailView detail locale />
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn OrganizerBanner(locale: Locale, detail: EventDetail, saved: Option<String>) -> impl IntoView {
    let t = move |key| locale.t(key);
    let id = detail.id;
    let notice = saved.and_then(|saved| match saved.as_str() {
        "1" => Some(MessageKey::PreviewSaved),
        "submitted" => Some(MessageKey::PreviewSubmitted),
        "published" => Some(MessageKey::PreviewPublishedAtOnce),
        "cancelled" => Some(MessageKey::PreviewCancelled),
        "image" => Some(MessageKey::PreviewImageSaved),
        "image-removed" => Some(MessageKey::PreviewImageRemoved),
        _ => None,
    });
    let explanation = match detail.status {
        EventStatus::Draft => MessageKey::PreviewDraftLead,
        EventStatus::PendingReview => MessageKey::PreviewPendingLead,
        EventStatus::Published => MessageKey::PreviewPublishedLead,
        EventStatus::Rejected => MessageKey::PreviewRejectedLead,
        EventStatus::ChangesRequested => MessageKey::PreviewChangesLead,
        EventStatus::Cancelled => MessageKey::PreviewCancelledLead,
    };
    let can_submit = matches!(
        detail.status,
        EventStatus::Draft | EventStatus::Rejected | EventStatus::ChangesRequested
    ) && !detail.is_past;
    let can_cancel = !matches!(detail.status, EventStatus::Cancelled) && !detail.is_past;
    view! {
        <aside class="organizer-banner" aria-label=t(MessageKey::PreviewBannerLabel)>
            <div class="container">
                {notice.map(|key| view! { <p class="notice notice-success" role="status">{t(key)}</p> })}
                <p>
                    <span class=format!("status status-{:?}", detail.status).to_lowercase()>{t(detail.status.label())}</span>
                    " " {t(explanation)}
                </p>
                {matches!(detail.status, EventStatus::Rejected | EventStatus::ChangesRequested).then(|| detail.status_reason.clone()).flatten().map(|reason| view! {
                    <p class="notice notice-warning" data-moderation-reason><strong>{t(MessageKey::ModerationReasonLabel)}</strong> " " {reason}</p>
                })}
                <div class="banner-actions">
                    {detail.status.editable().then(|| view! {
                        <a class="button button-ghost" href=format!("/organizer/events/{id}/edit")>{t(MessageKey::EditorEdit)}</a>
                    })}
                    {can_submit.then(|| view! { <SubmitForm locale id /> })}
                </div>
                {detail.status.editable().then(|| view! { <ImagesPanel locale detail=detail.clone() /> })}
                {can_cancel.then(|| view! { <CancelForm locale id /> })}
            </div>
        </aside>
    }
}

#[component]
fn SubmitForm(locale: Locale, id: i64) -> impl IntoView {
    let action = ServerAction::<SubmitEvent>::new();
    let server_error = action_error(action);
    let summary = form_summary(locale, server_error.get_untracked(), None);
    view! {
        <LiveForm>
            <ActionForm action attr:class="inline-form">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                <input type="hidden" name="event" value=id.to_string() />
                <button type="submit" class="button button-primary">{locale.t(MessageKey::PreviewSubmit)}</button>
            </ActionForm>
        </LiveForm>
    }
}

#[component]
fn CancelForm(locale: Locale, id: i64) -> impl IntoView {
    let action = ServerAction::<CancelEvent>::new();
    let server_error = action_error(action);
    let message = LiveField::default();
    let message_error = message.server_message(server_error, "message");
    let summary = form_summary(locale, server_error.get_untracked(), None);
    view! {
        <details class="cancel-event">
            <summary>{locale.t(MessageKey::CancelEventTitle)}</summary>
            <p>{locale.pick("Chaque inscrit reçoit un e-mail et une notification avec votre message ; les billets sont annulés. Cette action est définitive.", "Everyone registered gets an email and a notification with your message; tickets are cancelled. This cannot be undone.")}</p>
            <LiveForm>
                <ActionForm action attr:class="form" attr:novalidate=true>
                    <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                    <input type="hidden" name="event" value=id.to_string() />
                    <TextField locale name="message" label=MessageKey::CancelEventMessage value=message.value
                        error=message_error multiline=true check="cancel_message" />
                    <button type="submit" class="button button-danger">{locale.t(MessageKey::CancelEventSubmit)}</button>
                </ActionForm>
            </LiveForm>
        </details>
    }
}

/// The cover and flyers: what is there (with its alt text), a form to add one, a button to remove one.
#[component]
fn ImagesPanel(locale: Locale, detail: EventDetail) -> impl IntoView {
    let t = move |key| locale.t(key);
    let id = detail.id;
    let images = detail
        .cover
        .into_iter()
        .map(|image| (MessageKey::ImageKindCover, image))
        .chain(
            detail
                .flyers
                .into_iter()
                .map(|image| (MessageKey::ImageKindFlyer, image)),
        )
        .collect::<Vec<_>>();
    let alt = LiveField::default();
    let none_yet = images.is_empty();
    view! {
        <details class="images-panel" open=none_yet>
            <summary>{t(MessageKey::ImagesTitle)} " (" {images.len()} ")"</summary>
            <ul class="image-list">
                {images.into_iter().map(|(kind, image)| view! {
                    <li>
                        <img src=image.src.clone() alt=image.alt.clone() width="96" height="64" loading="lazy" />
                        <span><strong>{t(kind)}</strong><br />{image.alt}</span>
                        <DeleteImageForm locale image=image.id />
                    </li>
                }).collect_view()}
            </ul>
            <LiveForm>
                <form class="form" method="post" action="/api/fn/upload_event_image" enctype="multipart/form-data" novalidate>
                    <p class="notice notice-error" role="alert" data-summary hidden data-validation=t(MessageKey::FormErrorSummary)></p>
                    <input type="hidden" name="event" value=id.to_string() />
                    <div class="field">
                        <label for="field-file">{t(MessageKey::ImageFieldFile)}</label>
                        <input id="field-file" name="file" type="file" accept="image/jpeg,image/png,image/webp"
                            data-check="image_file" aria-describedby="field-file-hint" />
                        <p class="field-hint" id="field-file-hint">{t(MessageKey::ImageFieldFileHint)}</p>
                        <p class="field-error" id="field-file-error" aria-live="polite"></p>
                    </div>
                    <TextField locale name="alt" label=MessageKey::ImageFieldAlt value=alt.value
                        error=Signal::derive(|| None) check="image_alt" hint=MessageKey::ImageFieldAltHint />
                    <fieldset class="field choice-group">
                        <legend>{t(MessageKey::ImageFieldKind)}</legend>
                        <div class="choices">
                            <label class="choice" for="field-kind">
                                <input type="radio" id="field-kind" name="kind" value="cover" checked />
                                <span>{t(MessageKey::ImageKindCover)}</span>
                            </label>
                            <label class="choice" for="field-kind-flyer">
                                <input type="radio" id="field-kind-flyer" name="kind" value="flyer" />
                                <span>{t(MessageKey::ImageKindFlyer)}</span>
                            </label>
                        </div>
                    </fieldset>
                    <button type="submit" class="button button-primary">{t(MessageKey::ImageUpload)}</button>
                </form>
            </LiveForm>
        </details>
    }
}

#[component]
fn DeleteImageForm(locale: Locale, image: i64) -> impl IntoView {
    let action = ServerAction::<DeleteEventImage>::new();
    view! {
        <LiveForm>
            <ActionForm action attr:class="inline-form">
                <p class="notice notice-error" role="alert" data-summary hidden></p>
                <input type="hidden" name="image" value=image.to_string() />
                <button type="submit" class="button button-ghost">{locale.t(MessageKey::ImageDelete)}</button>
            </ActionForm>
        </LiveForm>
    }
}
