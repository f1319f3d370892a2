//! `/account/public`: what visitors see on the organizer page — display name, bio, links, avatar.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{AccountHead, AccountNav, login_redirect};
use crate::{
    accounts::{
        api::{RemoveAvatar, SavePublicProfile, my_public_profile},
        model::{PROFILE_LINKS_MAX, PublicProfilePage},
    },
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

#[component]
pub fn PublicProfileAccountPage() -> impl IntoView {
    let locale = use_locale();
    let page = Resource::new(|| (), |_| my_public_profile());
    let notice = use_query_map()
        .read_untracked()
        .get("saved")
        .and_then(|saved| match saved.as_str() {
            "public" => Some(locale.pick("Profil public enregistré.", "Public profile saved.")),
            "avatar" => Some(locale.pick("Photo enregistrée.", "Picture saved.")),
            "avatar-removed" => Some(locale.pick("Photo retirée.", "Picture removed.")),
            _ => None,
        });
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::AccountTitle />
            <AccountNav locale current="/account/public" />
            {notice.map(|text| view! { <p class="notice notice-success" role="status">{text}</p> })}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(AppError::Unauthorized) => login_redirect("/account/public".into()).into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(page) => view! { <PublicProfileForms locale page /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PublicProfileForms(locale: Locale, page: PublicProfilePage) -> impl IntoView {
    let lead = locale.pick(
        "Ce que les visiteurs voient sur votre page d’organisateur et sur vos événements. Laissez le nom affiché vide pour montrer votre nom complet.",
        "What visitors see on your organizer page and your events. Leave the display name empty to show your full name.",
    );
    let public_link = page.public_path.clone().map(|path| {
        view! {
            <p><a href=path>{locale.pick("Voir ma page publique", "See my public page")}</a></p>
        }
    });
    let no_page = page.public_path.is_none().then(|| {
        view! {
            <p class="field-hint">{locale.pick(
                "Votre page publique apparaîtra avec votre premier événement.",
                "Your public page appears with your first event.",
            )}</p>
        }
    });
    let initials = page
        .profile
        .display_name
        .as_deref()
        .unwrap_or(&page.full_name)
        .chars()
        .next()
        .unwrap_or('M')
        .to_uppercase()
        .to_string();
    view! {
        <p class="lead">{lead}</p>
        {public_link}
        {no_page}
        <h2>{locale.pick("Photo ou logo", "Picture or logo")}</h2>
        <div class="avatar-row">
            {match page.avatar_url.clone() {
                Some(src) => view! {
                    <img class="avatar avatar-large" src=src alt=locale.pick("Votre photo actuelle", "Your current picture")
                        width="128" height="128" />
                }.into_any(),
                None => view! { <span class="avatar avatar-large avatar-initials" aria-hidden="true">{initials}</span> }.into_any(),
            }}
            {page.avatar_url.is_some().then(|| view! { <RemoveAvatarForm locale /> })}
        </div>
        <AvatarForm locale />
        <h2>{locale.pick("Présentation", "About you")}</h2>
        <PublicProfileForm locale page />
    }
}

/// A plain multipart post; `LiveForm` checks a file is chosen and sends it without a page load.
#[component]
fn AvatarForm(locale: Locale) -> impl IntoView {
    view! {
        <LiveForm>
            <form class="form" method="post" action="/api/fn/upload_avatar" enctype="multipart/form-data" novalidate
                data-success-url="/account/public?saved=avatar">
                <p class="notice notice-error" role="alert" data-summary hidden data-validation=locale.t(MessageKey::FormErrorSummary)></p>
                <div class="field">
                    <label for="field-file">{locale.t(MessageKey::ImageFieldFile)}</label>
                    <input id="field-file" name="file" type="file" accept="image/jpeg,image/png,image/webp"
                        data-check="image_file" aria-describedby="field-file-hint" />
                    <p class="field-hint" id="field-file-hint">
                        {locale.pick("Recadrée en carré. ", "Cropped to a square. ")}
                        {locale.t(MessageKey::ImageFieldFileHint)}
                    </p>
                    <p class="field-error" id="field-file-error" aria-live="polite"></p>
                </div>
                <button type="submit" class="button button-primary">{locale.pick("Envoyer la photo", "Upload the picture")}</button>
            </form>
        </LiveForm>
    }
}

#[component]
fn RemoveAvatarForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<RemoveAvatar>::new();
    view! {
        <ActionForm action attr:class="inline-form">
            <button type="submit" class="button button-ghost">{locale.pick("Retirer la photo", "Remove the picture")}</button>
        </ActionForm>
    }
}

#[component]
fn PublicProfileForm(locale: Locale, page: PublicProfilePage) -> impl IntoView {
    let action = ServerAction::<SavePublicProfile>::new();
    let server_error = action_error(action);
    let (display_name, bio) = (LiveField::default(), LiveField::default());
    display_name
        .value
        .set(page.profile.display_name.unwrap_or_default());
    bio.value.set(page.profile.bio.unwrap_or_default());
    let name_error = display_name.server_message(server_error, "display_name");
    let bio_error = bio.server_message(server_error, "bio");
    const LINK_FIELDS: [&str; PROFILE_LINKS_MAX] = ["link_1", "link_2", "link_3"];
    let links = LINK_FIELDS
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let field = LiveField::default();
            field
                .value
                .set(page.profile.links.get(index).cloned().unwrap_or_default());
            let error = field.server_message(server_error, name);
            view! {
                <TextField locale name label=MessageKey::FieldProfileLink value=field.value error
                    input_type="url" autocomplete="url" check="profile_link" />
            }
        })
        .collect_view();
    let summary = form_summary(
        locale,
        server_error.get_untracked(),
        Some(MessageKey::FormErrorSummary),
    );
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/account/public?saved=public">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                    data-validation=locale.t(MessageKey::FormErrorSummary)>{summary.clone()}</p>
                <TextField locale name="display_name" label=MessageKey::FieldDisplayName value=display_name.value
                    error=name_error autocomplete="nickname" check="display_name" />
                <TextField locale name="bio" label=MessageKey::FieldBio value=bio.value error=bio_error
                    multiline=true check="bio" />
                {links}
                <button type="submit" class="button button-primary">{locale.t(MessageKey::ProfileSave)}</button>
            </ActionForm>
        </LiveForm>
    }
}
