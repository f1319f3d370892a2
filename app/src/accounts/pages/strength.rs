//! A new-password field followed by its strength meter. The meter is fed by `ui::live_form`, which asks
//! the server's own rule (`rate_password`) 300 ms after typing stops; the length rules run in the browser.

use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::{Locale, MessageKey},
    ui::form::{LiveField, TextField},
};

#[component]
pub(super) fn NewPasswordField(
    locale: Locale,
    name: &'static str,
    label: MessageKey,
    field: LiveField,
    server_error: Signal<Option<AppError>>,
) -> impl IntoView {
    let error = Signal::derive(move || field.server_error(server_error, name));
    view! {
        <TextField locale name label value=field.value error input_type="password" autocomplete="new-password"
            hint=MessageKey::PasswordHint check="new_password" meter=true />
        <div class="strength" data-score="0" aria-live="polite">
            <span class="strength-bar" aria-hidden="true"><span></span></span>
            <span class="strength-label">
                {format!("{} {}", locale.t(MessageKey::PasswordMeterLabel), locale.t(MessageKey::PasswordMeterEmpty))}
            </span>
        </div>
    }
}
