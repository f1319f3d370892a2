use leptos::prelude::*;

use super::{AccountHead, strength::NewPasswordField};
use crate::{
    accounts::api::Signup,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

/// `/signup`.
#[component]
pub fn SignupPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::SignupTitle />
            <p class="lead">{locale.pick("Gratuit, en une minute : inscrivez-vous aux événements en un geste et publiez les vôtres.", "Free, in a minute: register for events in one tap and publish your own.")}</p>
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
            <p class="lead">{locale.pick("Nous venons d’envoyer un e-mail à l’adresse indiquée. Ouvrez le lien qu’il contient pour confirmer votre adresse, puis connectez-vous.", "We just sent an email to the address you gave. Open the link in it to confirm your address, then sign in.")}</p>
            <p>{locale.pick("Rien reçu d’ici quelques minutes ? Regardez dans les courriers indésirables. Si cette adresse avait déjà un compte, l’e-mail vous explique comment vous connecter.", "Nothing after a few minutes? Look in your spam folder. If this address already had an account, the email explains how to sign in.")}</p>
            <p><a class="button button-primary" href="/login">{locale.t(MessageKey::LoginSubmit)}</a></p>
        </section>
    }
}

/// Server-rendered (a plain post without WASM); `LiveForm` checks each field as the person types, feeds
/// the password meter and sends the form without losing anything typed.
#[component]
pub fn SignupForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<Signup>::new();
    let [full_name, email, password, phone]: [LiveField; 4] =
        std::array::from_fn(|_| LiveField::default());
    let server_error = action_error(action);
    let name_error = full_name.server_message(server_error, "full_name");
    let email_error = email.server_message(server_error, "email");
    let phone_error = phone.server_message(server_error, "phone");
    let terms_error = server_error
        .get_untracked()
        .and_then(|e| e.field_errors().and_then(|f| f.get("terms")));
    let summary = form_summary(
        locale,
        server_error.get_untracked(),
        Some(MessageKey::FormErrorSummary),
    );
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/signup/check-email">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                    data-validation=locale.t(MessageKey::FormErrorSummary)>{summary.clone()}</p>
                <input type="hidden" name="locale" value=locale.code() />
                <TextField locale name="full_name" label=MessageKey::FieldFullName value=full_name.value error=name_error
                    autocomplete="name" check="full_name" />
                <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                    input_type="email" autocomplete="email" check="email" />
                <NewPasswordField locale name="password" label=MessageKey::FieldPassword field=password server_error />
                <TextField locale name="phone" label=MessageKey::FieldPhone value=phone.value error=phone_error
                    input_type="tel" autocomplete="tel" hint=MessageKey::FieldPhoneHint check="phone" />
                <div class="field" class:field-invalid=terms_error.is_some()>
                    <div class="field-checkbox">
                        <input type="checkbox" id="field-terms" name="terms" value="on" data-check="terms"
                            aria-invalid=terms_error.is_some().then_some("true") aria-describedby="field-terms-error" />
                        <label for="field-terms">
                            {locale.t(MessageKey::TermsAccept)} " "
                            <a href="/terms" target="_blank">{locale.t(MessageKey::FooterTerms)}</a>
                        </label>
                    </div>
                    <p class="field-error" id="field-terms-error" aria-live="polite">{terms_error.map(|e| locale.t(e))}</p>
                </div>
                <button type="submit" class="button button-primary">{locale.t(MessageKey::SignupSubmit)}</button>
            </ActionForm>
        </LiveForm>
    }
}
