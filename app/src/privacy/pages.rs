//! `/account/data` (download my data, delete my account) and `/account/deleted`.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::api::DeleteMyAccount;
use crate::{
    accounts::pages::{AccountNav, login_redirect},
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

#[component]
pub fn MyDataPage() -> impl IntoView {
    let locale = use_locale();
    let account = Resource::new(|| (), |_| crate::accounts::api::my_account());
    let p = move |fr, en| locale.pick(fr, en).to_owned();
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", p("Mes données", "My data")) />
        <section class="container page narrow">
            <h1>{p("Mes données", "My data")}</h1>
            <AccountNav locale current="/account/data" />
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match account.await {
                        Err(AppError::Unauthorized) => login_redirect("/account/data".into()).into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(_) => view! {
                            <h2>{p("Télécharger mes données", "Download my data")}</h2>
                            <p>{p(
                                "Un fichier ZIP avec tout ce que Meetral conserve sur vous : votre compte, vos inscriptions et billets, les événements que vous organisez, vos appareils connectés, vos notifications, vos messages au support et vos signalements (data.json), plus des tableaux CSV pour les listes.",
                                "A ZIP file with everything Meetral keeps about you: your account, your registrations and tickets, the events you organize, your signed-in devices, your notifications, your messages to support and your reports (data.json), plus CSV tables for the lists.",
                            )}</p>
                            <p><a class="button button-primary" href="/account/export.zip" download>{p("Télécharger (ZIP)", "Download (ZIP)")}</a></p>
                            <h2>{p("Supprimer mon compte", "Delete my account")}</h2>
                            <DeletionNotice locale />
                            <DeletionForm locale />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn DeletionNotice(locale: Locale) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en).to_owned();
    view! {
        <div class="notice notice-warning">
            <p><strong>{p("C’est définitif.", "This cannot be undone.")}</strong></p>
            <ul>
                <li>{p("Vos inscriptions à venir sont annulées et leurs places libérées.", "Your upcoming registrations are cancelled and their seats freed.")}</li>
                <li>{p("Vos événements à venir sont annulés ; leurs inscrits sont prévenus.", "Your upcoming events are cancelled; their registrants are told.")}</li>
                <li>{p("Vos participations passées deviennent anonymes (les organisateurs gardent leurs totaux, plus votre nom).", "Your past participations become anonymous (organizers keep their totals, not your name).")}</li>
                <li>{p("Votre nom, adresse, téléphone, profil, appareils et notifications sont effacés.", "Your name, address, phone, profile, devices and notifications are erased.")}</li>
            </ul>
        </div>
    }
}

#[component]
fn DeletionForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<DeleteMyAccount>::new();
    let (confirm, password) = (LiveField::default(), LiveField::default());
    let server_error = action_error(action);
    let confirm_error = confirm.server_message(server_error, "confirm");
    let password_error = password.server_message(server_error, "password");
    let summary = form_summary(
        locale,
        server_error.get_untracked(),
        Some(MessageKey::FormErrorSummary),
    );
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/account/deleted" attr:id="delete-account">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                    data-validation=locale.t(MessageKey::FormErrorSummary)>{summary.clone()}</p>
                <TextField locale name="confirm" label=MessageKey::DeletionConfirmLabel value=confirm.value error=confirm_error
                    autocomplete="off" check="deletion_confirm" />
                <TextField locale name="password" label=MessageKey::FieldCurrentPassword value=password.value error=password_error
                    input_type="password" autocomplete="current-password" check="password" />
                <button type="submit" class="button button-danger">{locale.pick("Supprimer définitivement mon compte", "Delete my account for good")}</button>
            </ActionForm>
        </LiveForm>
    }
}

#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en).to_owned();
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", p("Compte supprimé", "Account deleted")) />
        <section class="container page narrow">
            <h1>{p("Votre compte est supprimé", "Your account is deleted")}</h1>
            <p role="status">{p(
                "Vos données personnelles ont été effacées. Merci d’avoir utilisé Meetral.",
                "Your personal data has been erased. Thank you for using Meetral.",
            )}</p>
            <p><a class="button button-primary" href="/">{p("Retour à l’accueil", "Back to the home page")}</a></p>
        </section>
    }
}
