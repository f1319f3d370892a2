//! A new-password field with a strength meter fed by the server's own rules (`rate_password`), asked
//! 300 ms after the person stops typing; the length rules run in the browser at once.

use leptos::prelude::*;

use crate::{
    accounts::model::{PasswordVerdict, check_new_password},
    error::AppError,
    i18n::{Locale, MessageKey},
    ui::form::{LiveField, TextField},
};

/// The verdict for the current value; `None` while it is too short to judge or not yet judged.
pub(super) fn watch_strength(
    password: LiveField,
    inputs: Signal<(String, String)>,
) -> RwSignal<Option<PasswordVerdict>> {
    let verdict = RwSignal::new(None);
    #[cfg(feature = "hydrate")]
    {
        let generation = StoredValue::new(0u64);
        Effect::new(move |_| {
            let value = password.value.get();
            let (email, full_name) = inputs.get();
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            if check_new_password(&value).is_err() {
                verdict.set(None);
                return;
            }
            set_timeout(
                move || {
                    if generation.get_value() != mine {
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        let answer =
                            crate::accounts::api::rate_password(value, email, full_name).await;
                        if let (Ok(answer), true) = (answer, generation.get_value() == mine) {
                            verdict.set(Some(answer));
                        }
                    });
                },
                std::time::Duration::from_millis(300),
            );
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (password, inputs);
    verdict
}

/// The password field of a form that sets a new password, with its meter.
#[component]
pub(super) fn NewPasswordField(
    locale: Locale,
    name: &'static str,
    label: MessageKey,
    field: LiveField,
    server_error: Signal<Option<AppError>>,
    /// Email and name typed in the same form (they make a password guessable).
    #[prop(into)]
    inputs: Signal<(String, String)>,
) -> impl IntoView {
    let verdict = watch_strength(field, inputs);
    let error = Signal::derive(move || {
        if field.touched.get() {
            check_new_password(&field.value.get()).err().or_else(|| {
                verdict
                    .get()
                    .filter(|v| !v.acceptable)
                    .and_then(|v| v.warning)
            })
        } else {
            field.server_error(server_error, name)
        }
    });
    let score = move || verdict.get().map(|v| v.score).unwrap_or(0);
    let label_key = move || match verdict.get() {
        None => MessageKey::PasswordMeterEmpty,
        Some(v) if !v.acceptable => MessageKey::PasswordMeterWeak,
        Some(v) if v.score == 3 => MessageKey::PasswordMeterGood,
        Some(_) => MessageKey::PasswordMeterStrong,
    };
    view! {
        <TextField locale name label value=field.value error input_type="password" autocomplete="new-password"
            hint=MessageKey::PasswordHint on_blur=field.touch() />
        <div class="strength" data-score=score aria-live="polite">
            <span class="strength-bar" aria-hidden="true"><span></span></span>
            <span class="strength-label">
                {move || format!("{} {}", locale.t(MessageKey::PasswordMeterLabel), locale.t(label_key()))}
            </span>
        </div>
    }
}
