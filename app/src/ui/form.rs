use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

/// A labelled input whose error (live or from the server) sits right under it and is announced.
#[component]
pub fn TextField(
    locale: Locale,
    name: &'static str,
    label: MessageKey,
    value: RwSignal<String>,
    error: Signal<Option<MessageKey>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<MessageKey>,
    #[prop(default = false)] multiline: bool,
    on_blur: Callback<()>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let describedby = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let on_input = move |ev| value.set(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea id=id.clone() name=name rows="6" aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get() on:input=on_input on:blur=move |_| on_blur.run(())>
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=input_type autocomplete=autocomplete aria-invalid=invalid
                aria-describedby=describedby prop:value=move || value.get() on:input=on_input
                on:blur=move |_| on_blur.run(()) />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{locale.t(label)}</label>
            {control}
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{locale.t(h)}</p> })}
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get().map(|e| locale.t(e))}
            </p>
        </div>
    }
}
