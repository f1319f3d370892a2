use leptos::prelude::*;
use leptos_meta::Title;

use super::api::SendContactMessage;
use crate::{
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        form::{LiveField, TextField, action_error},
        live_form::LiveForm,
    },
};

#[component]
pub fn ContactPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::ContactTitle)) />
        <section class="container page narrow">
            <h1>{locale.t(MessageKey::ContactTitle)}</h1>
            <p class="lead">{locale.pick("Une question, un partenariat, un souci avec un événement ? Écrivez-nous, l’équipe répond sous 48 h ouvrées.", "A question, a partnership, a problem with an event? Write to us; the team answers within two working days.")}</p>
            <ContactForm locale />
        </section>
    }
}

/// The form, server-rendered (a plain post without WASM). `LiveForm` checks each field as the person types
/// with the same rules the server applies and sends it without a page load; server errors appear under
/// their field either way.
#[component]
pub fn ContactForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<SendContactMessage>::new();
    let [name, email, subject, message]: [LiveField; 4] =
        std::array::from_fn(|_| LiveField::default());
    let server_error = action_error(action);
    let sent = matches!(action.value().get_untracked(), Some(Ok(())));
    let name_error = name.server_message(server_error, "full_name");
    let email_error = email.server_message(server_error, "email");
    let subject_error = subject.server_message(server_error, "subject");
    let message_error = message.server_message(server_error, "message");
    let summary = match server_error.get_untracked() {
        Some(AppError::Validation(_)) => Some(locale.t(MessageKey::ContactErrorSummary).to_owned()),
        Some(other) => Some(locale.t(other.message_key()).to_owned()),
        None => None,
    };
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                    data-validation=locale.t(MessageKey::ContactErrorSummary)>{summary.clone()}</p>
                <p class="notice notice-success" role="status" data-success hidden=!sent>{locale.pick("Merci ! Votre message a bien été enregistré ; l’équipe vous répondra par e-mail.", "Thank you! Your message has been recorded; the team will answer by email.")}</p>
                <input type="hidden" name="locale" value=locale.code() />
                <TextField locale name="full_name" label=MessageKey::ContactName value=name.value error=name_error
                    autocomplete="name" check="contact_name" />
                <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                    input_type="email" autocomplete="email" check="email" />
                <TextField locale name="subject" label=MessageKey::ContactSubject value=subject.value error=subject_error
                    check="contact_subject" />
                <TextField locale name="message" label=MessageKey::ContactMessage value=message.value error=message_error
                    hint=MessageKey::ContactMessageHint multiline=true check="contact_message" />
                <div class="honeypot" aria-hidden="true">
                    <label for="field-contact-website">{locale.t(MessageKey::RegisterHoneypot)}</label>
                    <input id="field-contact-website" name="website" type="text" tabindex="-1" autocomplete="off" />
                </div>
                <button type="submit" class="button button-primary">{locale.t(MessageKey::ContactSend)}</button>
            </ActionForm>
        </LiveForm>
    }
}
