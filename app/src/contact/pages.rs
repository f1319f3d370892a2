use leptos::prelude::*;
use leptos_meta::Title;

use super::{api::SendContactMessage, model};
use crate::{
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::form::{LiveField, TextField, action_error},
};

#[component]
pub fn ContactPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::ContactTitle)) />
        <section class="container page narrow">
            <h1>{locale.t(MessageKey::ContactTitle)}</h1>
            <p class="lead">{locale.t(MessageKey::ContactLead)}</p>
            <ContactForm locale />
        </section>
    }
}

/// The form. Each field is checked as the person types (after leaving it once) with the same rules the
/// server applies; server errors appear under their field too, with or without WASM.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ContactForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<SendContactMessage>::new();
    let fields: [LiveField; 4] = std::array::from_fn(|_| LiveField::default());
    let [name, email, subject, message] = fields;
    let server_error = action_error(action);
    let sent = move || matches!(action.value().get(), Some(Ok(())));

    let name_error = name.error(server_error, "full_name", |v| model::check_name(v).err());
    let email_error = email.error(server_error, "email", |v| model::check_email(v).err());
    let subject_error = subject.error(server_error, "subject", |v| model::check_subject(v).err());
    let message_error = message.error(server_error, "message", |v| model::check_message(v).err());

    // A successful send empties the form; a new submission lets server errors show again.
    Effect::new(move |_| {
        if action.pending().get() {
            fields.iter().for_each(|f| f.submitted());
        }
        if sent() {
            fields.iter().for_each(|f| f.value.set(String::new()));
        }
    });

    let summary = move || match server_error.get() {
        Some(AppError::Validation(_)) => Some(locale.t(MessageKey::ContactErrorSummary)),
        Some(other) => Some(locale.t(other.message_key())),
        None => None,
    };
    let live = crate::ui::live_marker();

    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:data-live=live>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <p class="notice notice-success" role="status" hidden=move || !sent()>{locale.t(MessageKey::ContactSent)}</p>
            <input type="hidden" name="locale" value=locale.code() />
            <TextField locale name="full_name" label=MessageKey::ContactName value=name.value error=name_error
                autocomplete="name" on_blur=name.touch() />
            <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                input_type="email" autocomplete="email" on_blur=email.touch() />
            <TextField locale name="subject" label=MessageKey::ContactSubject value=subject.value error=subject_error
                on_blur=subject.touch() />
            <TextField locale name="message" label=MessageKey::ContactMessage value=message.value error=message_error
                hint=MessageKey::ContactMessageHint multiline=true on_blur=message.touch() />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {move || locale.t(if action.pending().get() { MessageKey::ContactSending } else { MessageKey::ContactSend })}
            </button>
        </ActionForm>
    }
}
