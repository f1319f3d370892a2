use leptos::prelude::*;

use super::{AccountHead, strength::NewPasswordField};
use crate::{
    accounts::{api::Signup, model},
    i18n::{Locale, MessageKey, use_locale},
    ui::form::{LiveField, TextField, action_error, form_summary},
};

/// `/signup`.
#[component]
pub fn SignupPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::SignupTitle />
            <p class="lead">{locale.t(MessageKey::SignupLead)}</p>
            <SignupForm locale />
            <p class="form-links"><a href="/login">{locale.t(MessageKey::SignupHaveAccount)}</a></p>
        </section>
    }
}

/// `/signup/check-email`: where signing up leads, whether or not the address was new.
#[component]
pub fn CheckEmailPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::CheckEmailTitle />
            <p class="lead">{locale.t(MessageKey::CheckEmailLead)}</p>
            <p>{locale.t(MessageKey::CheckEmailSpam)}</p>
            <p><a class="button button-primary" href="/login">{locale.t(MessageKey::LoginSubmit)}</a></p>
        </section>
    }
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn SignupForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<Signup>::new();
    // Four distinct fields (`[LiveField::default(); 4]` would copy one field's signals four times).
    let [full_name, email, password, phone] = std::array::from_fn(|_| LiveField::default());
    let terms = RwSignal::new(false);
    let terms_touched = RwSignal::new(false);
    let server_error = action_error(action);
    let name_error = full_name.error(server_error, "full_name", |v| {
        model::check_full_name(v).err()
    });
    let email_error = email.error(server_error, "email", |v| {
        crate::validation::Email::parse(v).err()
    });
    let phone_error = phone.error(server_error, "phone", |v| model::check_phone(v).err());
    let terms_error = Signal::derive(move || {
        if terms_touched.get() {
            (!terms.get()).then_some(MessageKey::TermsRequired)
        } else {
            server_error
                .get()
                .and_then(|e| e.field_errors().and_then(|f| f.get("terms")))
        }
    });
    let inputs = Signal::derive(move || (email.value.get(), full_name.value.get()));
    let summary = move || {
        form_summary(
            locale,
            server_error.get(),
            Some(MessageKey::FormErrorSummary),
        )
    };
    Effect::new(move |_| {
        if action.pending().get() {
            [full_name, email, password, phone]
                .iter()
                .for_each(|f| f.submitted());
            terms_touched.set(false);
        }
        if let Some(Ok(())) = action.value().get() {
            let _ = window().location().set_href("/signup/check-email");
        }
    });
    let live = crate::ui::live_marker();
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:data-live=live>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <input type="hidden" name="locale" value=locale.code() />
            <TextField locale name="full_name" label=MessageKey::FieldFullName value=full_name.value error=name_error
                autocomplete="name" on_blur=full_name.touch() />
            <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                input_type="email" autocomplete="email" on_blur=email.touch() />
            <NewPasswordField locale name="password" label=MessageKey::FieldPassword field=password server_error inputs />
            <TextField locale name="phone" label=MessageKey::FieldPhone value=phone.value error=phone_error
                input_type="tel" autocomplete="tel" hint=MessageKey::FieldPhoneHint on_blur=phone.touch() />
            <div class="field" class:field-invalid=move || terms_error.get().is_some()>
                <div class="field-checkbox">
                    <input type="checkbox" id="field-terms" name="terms" value="on"
                        aria-invalid=move || terms_error.get().is_some().then_some("true")
                        aria-describedby="field-terms-error"
                        prop:checked=move || terms.get()
                        on:change=move |ev| { terms.set(event_target_checked(&ev)); terms_touched.set(true); } />
                    <label for="field-terms">
                        {locale.t(MessageKey::TermsAccept)} " "
                        <a href="/terms" target="_blank">{locale.t(MessageKey::FooterTerms)}</a>
                    </label>
                </div>
                <p class="field-error" id="field-terms-error" aria-live="polite">
                    {move || terms_error.get().map(|e| locale.t(e))}
                </p>
            </div>
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {locale.t(MessageKey::SignupSubmit)}
            </button>
        </ActionForm>
    }
}
