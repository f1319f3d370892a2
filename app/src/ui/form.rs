use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::{Locale, MessageKey},
};

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
    /// The live rule `ui::live_form` applies as the person types (`crate::forms::check`).
    #[prop(optional)]
    check: Option<&'static str>,
    /// Feed the password-strength meter that follows the field.
    #[prop(default = false)]
    meter: bool,
    #[prop(optional)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let on_blur = move || {
        if let Some(callback) = on_blur {
            callback.run(());
        }
    };
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
                data-check=check prop:value=move || value.get() on:input=on_input on:blur=move |_| on_blur()>
                {value.get_untracked()}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=input_type autocomplete=autocomplete aria-invalid=invalid
                aria-describedby=describedby data-check=check data-meter=meter.then_some("")
                value=value.get_untracked() prop:value=move || value.get() on:input=on_input
                on:blur=move |_| on_blur() />
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

/// One field's state in a live form: its value, whether the person has left it once (from then on it
/// is checked as they type), and the value last sent (the server's error about it holds until edited).
#[derive(Clone, Copy)]
pub struct LiveField {
    pub value: RwSignal<String>,
    pub touched: RwSignal<bool>,
    sent: RwSignal<Option<String>>,
}

impl Default for LiveField {
    fn default() -> Self {
        Self {
            value: RwSignal::new(String::new()),
            touched: RwSignal::new(false),
            sent: RwSignal::new(None),
        }
    }
}

impl LiveField {
    /// Call when the form is sent: the server's answer about this value shows until it is edited.
    pub fn submitted(self) {
        self.touched.set(false);
        self.sent.set(Some(self.value.get_untracked()));
    }

    /// The server's error for `key`, while the field still holds the value it was about. (Hiding it on
    /// the first keystroke, not when the field is left, keeps the button still under a pointer: a
    /// message vanishing on blur would move it between press and release and lose the click.)
    pub fn server_error(
        self,
        server_error: Signal<Option<AppError>>,
        key: &'static str,
    ) -> Option<MessageKey> {
        let unchanged = self
            .sent
            .with(|sent| sent.as_ref().is_none_or(|sent| *sent == self.value.get()));
        if unchanged {
            server_error
                .get()
                .and_then(|e| e.field_errors().and_then(|errors| errors.get(key)))
        } else {
            None
        }
    }

    /// What the server said about this field, for server-rendered forms (`LiveForm` checks them live).
    pub fn server_message(
        self,
        server_error: Signal<Option<AppError>>,
        key: &'static str,
    ) -> Signal<Option<MessageKey>> {
        Signal::derive(move || self.server_error(server_error, key))
    }

    /// The live error once the field was left, else what the server said about its value.
    pub fn error(
        self,
        server_error: Signal<Option<AppError>>,
        key: &'static str,
        check: fn(&str) -> Option<MessageKey>,
    ) -> Signal<Option<MessageKey>> {
        Signal::derive(move || {
            if self.touched.get() {
                check(&self.value.get())
            } else {
                self.server_error(server_error, key)
            }
        })
    }

    pub fn touch(self) -> Callback<()> {
        Callback::new(move |_| self.touched.set(true))
    }
}

/// The sentence above a form for an error that belongs to no field (rate limits say how long to wait;
/// a suspension says why and until when). `None` for field errors: they sit under their fields.
pub fn form_summary(
    locale: Locale,
    error: Option<AppError>,
    validation: Option<MessageKey>,
) -> Option<String> {
    match error? {
        AppError::Validation(_) => validation.map(|key| locale.t(key).to_owned()),
        AppError::RateLimited { retry_after_secs } => Some(format!(
            "{} {} min.",
            locale.t(MessageKey::ErrorRateLimitedRetryIn),
            retry_after_secs.div_ceil(60)
        )),
        AppError::AccountSuspended { reason, until } => {
            let until = match until {
                Some(until) => format!(" {} {until}.", locale.t(MessageKey::SuspendedUntil)),
                None => String::new(),
            };
            let quoted = match locale {
                Locale::Fr => format!("« {reason} »"),
                Locale::En => format!("“{reason}”"),
            };
            Some(format!(
                "{} {} {quoted}.{until} {}",
                locale.t(MessageKey::LoginSuspended),
                locale.t(MessageKey::SuspendedReason),
                locale.t(MessageKey::SuspendedContact)
            ))
        }
        other => Some(locale.t(other.message_key()).to_owned()),
    }
}

/// The message for field `name` in a server error, if it names that field.
pub fn field_error(error: &Option<AppError>, name: &str) -> Option<MessageKey> {
    error
        .as_ref()
        .and_then(|e| e.field_errors())
        .and_then(|f| f.get(name))
}

/// The error of an action's last answer, as a signal the fields can share.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// A labelled `<select>`; `LiveForm` shows its server error under it like any field.
#[component]
pub fn SelectField(
    locale: Locale,
    name: &'static str,
    label: MessageKey,
    options: Vec<(String, String)>,
    selected: String,
    error: Signal<Option<MessageKey>>,
    #[prop(optional)] check: Option<&'static str>,
    #[prop(optional)] placeholder: Option<MessageKey>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{locale.t(label)}</label>
            <select id=id name=name data-check=check aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=error_id.clone()>
                {placeholder.map(|p| view! { <option value="">{locale.t(p)}</option> })}
                {options.into_iter().map(|(value, text)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|e| locale.t(e))}</p>
        </div>
    }
}

/// Radio buttons in a fieldset; the group's error sits after the last one.
#[component]
pub fn RadioGroup(
    locale: Locale,
    name: &'static str,
    legend: MessageKey,
    options: Vec<(&'static str, MessageKey)>,
    selected: String,
    error: Signal<Option<MessageKey>>,
) -> impl IntoView {
    let error_id = format!("field-{name}-error");
    view! {
        <fieldset class="field choice-group" class:field-invalid=move || error.get().is_some()>
            <legend>{locale.t(legend)}</legend>
            <div class="choices">
                {options.into_iter().enumerate().map(|(index, (value, text))| {
                    // The first radio carries the group's id so a server error finds its place.
                    let id = if index == 0 { format!("field-{name}") } else { format!("field-{name}-{value}") };
                    let label_for = id.clone();
                    view! {
                        <label class="choice" for=label_for>
                            <input type="radio" id=id name=name value=value checked=value == selected />
                            <span>{locale.t(text)}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|e| locale.t(e))}</p>
        </fieldset>
    }
}

/// One checkbox with its label (sends "on" when ticked).
#[component]
pub fn CheckboxField(
    locale: Locale,
    name: &'static str,
    label: MessageKey,
    checked: bool,
    #[prop(optional)] hint: Option<MessageKey>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let label_for = id.clone();
    view! {
        <div class="field field-check">
            <label class="choice" for=label_for>
                <input type="checkbox" id=id name=name checked=checked />
                <span>{locale.t(label)}</span>
            </label>
            {hint.map(|h| view! { <p class="field-hint">{locale.t(h)}</p> })}
        </div>
    }
}
