//! One island for every form: the form itself is server-rendered (an `<ActionForm>` that works as a plain
//! post), and this island, wrapped around it, checks fields as people type and sends the form with
//! `fetch` so nothing typed is lost when the server answers with errors. A per-form island would ship
//! that form's whole view in the WASM (about 40 KB raw each); this one ships once.
//!
//! The form's markup says what to do (see `TextField`): `data-check="rule"` on a control names its live
//! rule (`crate::forms::check`); its message goes in `#field-{name}-error`; `data-meter` on a new-password
//! input feeds the `.strength` meter from the server's `rate_password`; `[data-summary]` receives errors
//! that belong to no field (its `data-validation` holds the sentence for field errors); on success the page
//! goes where the server function answered (a path), else to the form's `data-success-url`, else the
//! `[data-success]` notice is shown and the form emptied.
//!
//! Long forms may also ask for: `data-autosave="/api/fn/…"` on the form (the whole form is posted there
//! 1.5 s after typing stops, and `[data-draft-status]` says so), `[data-show-when="name=a|b"]` sections
//! shown only while that field holds one of those values, and `[data-preview-of="name"]` that shows the
//! server's rendering of that field's Markdown.

use leptos::prelude::*;

/// Server-rendered wrapper; [`client::attach`] gives the form inside it its live behaviour.
#[component]
pub fn LiveForm(children: Children) -> impl IntoView {
    view! { <div class="live-form" data-island="live-form">{children()}</div> }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use std::{cell::Cell, rc::Rc};

    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, Event, HtmlElement, HtmlFormElement};

    use crate::{
        accounts::model::{PasswordVerdict, check_new_password},
        client::dom::{self, set_timeout},
        error::AppError,
        i18n::{Locale, MessageKey},
        ui::form::form_summary,
    };

    pub fn attach(root: &HtmlElement, locale: Locale) {
        let Some(form) = root
            .query_selector("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let meter_generation = Rc::new(Cell::new(0u64));
        listen(&form, "focusout", move |ev| {
            if let Some(control) = checked_control(&ev) {
                let _ = control.set_attribute("data-touched", "");
                validate(&control, locale);
            }
        });
        let extras = Rc::new(Extras::new(&form));
        extras.refresh(&form);
        let (form_for_extras, extras_for_input) = (form.clone(), extras.clone());
        listen(&form, "input", move |ev| {
            extras_for_input.changed(&form_for_extras, &ev, locale)
        });
        let (form_for_extras, extras_for_change) = (form.clone(), extras.clone());
        listen(&form, "change", move |ev| {
            extras_for_change.changed(&form_for_extras, &ev, locale)
        });
        let form_for_input = form.clone();
        listen(&form, "input", move |ev| {
            let Some(control) = checked_control(&ev) else {
                return;
            };
            // The meter's last verdict was about the value before this edit.
            let _ = control.remove_attribute("data-weak");
            if control.has_attribute("data-touched") {
                validate(&control, locale);
            } else {
                // The server's message was about the value before this edit.
                show_error(&control, None, locale);
            }
            if control.has_attribute("data-meter") {
                rate(&form_for_input, &control, locale, meter_generation.clone());
            }
        });
        listen(&form, "change", move |ev| {
            if let Some(control) = checked_control(&ev).filter(|c| attr(c, "type") == "checkbox") {
                let _ = control.set_attribute("data-touched", "");
                validate(&control, locale);
            }
        });
        let form_for_submit = form.clone();
        listen(&form, "submit", move |ev| {
            ev.prevent_default();
            submit(form_for_submit.clone(), locale);
        });
        if let Some(picker) = form
            .query_selector("[data-map-picker]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            crate::ui::map::client::attach_picker(&form, &picker);
            crate::ui::map::client::attach_geocoder(&form, &picker);
        }
        let _ = form.set_attribute("data-live", "true");
    }

    fn listen(form: &HtmlFormElement, name: &str, handler: impl FnMut(Event) + 'static) {
        dom::listen(form, name, handler);
    }

    fn attr(element: &Element, name: &str) -> String {
        element.get_attribute(name).unwrap_or_default()
    }

    fn checked_control(ev: &Event) -> Option<Element> {
        ev.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .filter(|e| e.has_attribute("data-check"))
    }

    fn value(control: &Element) -> String {
        js_sys::Reflect::get(control, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    fn is_checked(control: &Element) -> bool {
        js_sys::Reflect::get(control, &JsValue::from_str("checked"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }

    /// The live rule's verdict on a control's current value.
    fn live_error(control: &Element) -> Option<MessageKey> {
        let rule = attr(control, "data-check");
        if attr(control, "type") == "checkbox" {
            return crate::forms::check_box(&rule, is_checked(control));
        }
        let form = control
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok());
        let other = |name: &str| {
            form.as_ref()
                .map(|f| named_value(f, name))
                .unwrap_or_default()
        };
        crate::forms::check(&rule, &value(control), &other)
    }

    /// What the form would send for `name` (a ticked checkbox's "on", the chosen radio), or "".
    fn named_value(form: &HtmlFormElement, name: &str) -> String {
        web_sys::FormData::new_with_form(form)
            .ok()
            .and_then(|data| data.get(name).as_string())
            .unwrap_or_default()
    }

    /// Autosave, conditional sections and Markdown previews of one form.
    struct Extras {
        autosave: Option<String>,
        generation: Cell<u64>,
        preview_generation: Cell<u64>,
    }

    impl Extras {
        fn new(form: &HtmlFormElement) -> Extras {
            Extras {
                autosave: form.get_attribute("data-autosave"),
                generation: Cell::new(0),
                preview_generation: Cell::new(0),
            }
        }

        fn changed(self: &Rc<Self>, form: &HtmlFormElement, ev: &Event, locale: Locale) {
            self.refresh(form);
            // A rule comparing fields (an end after its start) follows the field it compares with.
            for control in controls(form) {
                if control.has_attribute("data-touched") {
                    validate(&control, locale);
                }
            }
            let name = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map(|e| attr(&e, "name"))
                .unwrap_or_default();
            self.preview(form, &name);
            self.schedule_save(form);
        }

        /// Shows the sections whose condition holds, hides the others.
        fn refresh(&self, form: &HtmlFormElement) {
            for section in all(form, "[data-show-when]") {
                let condition = attr(&section, "data-show-when");
                let Some((name, values)) = condition.split_once('=') else {
                    continue;
                };
                let current = named_value(form, name);
                let shown = values.split('|').any(|v| v == current);
                if shown {
                    let _ = section.remove_attribute("hidden");
                } else {
                    let _ = section.set_attribute("hidden", "");
                }
            }
        }

        fn preview(self: &Rc<Self>, form: &HtmlFormElement, name: &str) {
            let selector = format!("[data-preview-of=\"{name}\"]");
            let Some(preview) = form.query_selector(&selector).ok().flatten() else {
                return;
            };
            let text = named_value(form, name);
            self.preview_generation
                .set(self.preview_generation.get() + 1);
            let (mine, extras) = (self.preview_generation.get(), self.clone());
            set_timeout(
                move || {
                    if extras.preview_generation.get() != mine {
                        return;
                    }
                    dom::spawn(async move {
                        let body = format!("text={}", js_sys::encode_uri_component(&text));
                        let html = post("/api/fn/preview_markdown", &body)
                            .await
                            .ok()
                            .and_then(|answer| dom::json_text(&answer));
                        let target = preview.query_selector("[data-preview-body]").ok().flatten();
                        if let (Some(html), Some(target)) = (html, target)
                            && extras.preview_generation.get() == mine
                        {
                            // Sanitised on the server (the same function as the event page).
                            target.set_inner_html(&html);
                        }
                    });
                },
                400,
            );
        }

        /// Posts the whole form to the autosave endpoint once typing pauses for 1.5 s.
        fn schedule_save(self: &Rc<Self>, form: &HtmlFormElement) {
            let Some(url) = self.autosave.clone() else {
                return;
            };
            self.generation.set(self.generation.get() + 1);
            let (mine, extras, form) = (self.generation.get(), self.clone(), form.clone());
            set_timeout(
                move || {
                    // A draft saved after the form itself would come back on the next visit.
                    if extras.generation.get() != mine || form.has_attribute("data-submitting") {
                        return;
                    }
                    let status = form.query_selector("[data-draft-status]").ok().flatten();
                    if let Some(status) = &status {
                        status.set_text_content(status.get_attribute("data-saving").as_deref());
                    }
                    let body = form_body(&form);
                    dom::spawn(async move {
                        let saved = post(&url, &body).await.is_ok();
                        if let (Some(status), true) = (status, saved) {
                            let _ = status.set_attribute(
                                "data-saved-at",
                                &(js_sys::Date::now() as u64).to_string(),
                            );
                            status.set_text_content(status.get_attribute("data-saved").as_deref());
                        }
                    });
                },
                1500,
            );
        }
    }

    fn all(form: &HtmlFormElement, selector: &str) -> Vec<Element> {
        let Ok(list) = form.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .collect()
    }

    /// Shows the live rule's verdict; a new password the meter found weak keeps that warning (the server
    /// would refuse it too), so leaving the field or pressing the button does not hide it.
    fn validate(control: &Element, locale: Locale) -> bool {
        let message = live_error(control)
            .map(|key| locale.t(key).to_owned())
            .or_else(|| control.get_attribute("data-weak"));
        let valid = message.is_none();
        show_error(control, message, locale);
        valid
    }

    /// Writes (or clears) the message under a control and marks it for assistive technology.
    fn show_error(control: &Element, message: Option<String>, _locale: Locale) {
        let id = control.id();
        if let Some(slot) = dom::by_id(&format!("{id}-error")) {
            slot.set_text_content(message.as_deref());
        }
        let field = control.closest(".field").ok().flatten();
        match message {
            Some(_) => {
                let _ = control.set_attribute("aria-invalid", "true");
                let _ = control.set_attribute("aria-describedby", &format!("{id}-error"));
                if let Some(field) = field {
                    let _ = field.class_list().add_1("field-invalid");
                }
            }
            None => {
                let _ = control.remove_attribute("aria-invalid");
                if let Some(field) = field {
                    let _ = field.class_list().remove_1("field-invalid");
                }
            }
        }
    }

    /// The checked controls, except those in a hidden section (they are not part of the event).
    fn controls(form: &HtmlFormElement) -> Vec<Element> {
        all(form, "[data-check]")
            .into_iter()
            .filter(|c| c.closest("[hidden]").ok().flatten().is_none())
            .collect()
    }

    fn summary(form: &HtmlFormElement, text: Option<String>) {
        if let Ok(Some(slot)) = form.query_selector("[data-summary]") {
            slot.set_text_content(text.as_deref());
            if text.is_some() {
                let _ = slot.remove_attribute("hidden");
            } else {
                let _ = slot.set_attribute("hidden", "");
            }
        }
    }

    fn submit(form: HtmlFormElement, locale: Locale) {
        let mut first_invalid = None;
        for control in controls(&form) {
            let _ = control.set_attribute("data-touched", "");
            if !validate(&control, locale) && first_invalid.is_none() {
                first_invalid = Some(control);
            }
        }
        if let Some(control) = first_invalid {
            summary(
                &form,
                Some(attr(&form_summary_slot(&form), "data-validation")),
            );
            if let Ok(element) = control.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
            return;
        }
        summary(&form, None);
        let _ = form.set_attribute("data-submitting", "");
        let button = form.query_selector("[type=submit]").ok().flatten();
        if let Some(button) = &button {
            let _ = button.set_attribute("disabled", "");
        }
        dom::spawn(async move {
            // Files go as multipart (as the browser would post the form), the rest urlencoded.
            let answer = if form.enctype() == "multipart/form-data" {
                match web_sys::FormData::new_with_form(&form) {
                    Ok(data) => send(&form.action(), &data).await,
                    Err(_) => Err(AppError::Internal),
                }
            } else {
                post(&form.action(), &form_body(&form)).await
            };
            if let Some(button) = &button {
                let _ = button.remove_attribute("disabled");
            }
            match answer {
                Ok(text) => succeed(&form, &text),
                Err(error) => {
                    let _ = form.remove_attribute("data-submitting");
                    fail(&form, error, locale)
                }
            }
        });
    }

    fn form_summary_slot(form: &HtmlFormElement) -> Element {
        form.query_selector("[data-summary]")
            .ok()
            .flatten()
            .unwrap_or_else(|| form.clone().unchecked_into())
    }

    fn form_body(form: &HtmlFormElement) -> String {
        web_sys::FormData::new_with_form(form)
            .ok()
            .and_then(|data| web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok())
            .map(|params| String::from(params.to_string()))
            .unwrap_or_default()
    }

    /// POSTs a urlencoded body (or `FormData`) to a server function and reads its JSON answer (`Err`
    /// for non-2xx, with the server's `AppError` when it sent one).
    pub async fn post(url: &str, body: &str) -> Result<String, AppError> {
        send(url, &JsValue::from_str(body)).await
    }

    async fn send(url: &str, body: &JsValue) -> Result<String, AppError> {
        match dom::post(url, body).await {
            None => Err(AppError::Request("network".into())),
            Some((true, text)) => Ok(text),
            Some((false, text)) => Err(dom::parse_json(&text)
                .and_then(|value| crate::wire::app_error(&value))
                .unwrap_or(AppError::Internal)),
        }
    }

    fn succeed(form: &HtmlFormElement, answer: &str) {
        let path = dom::json_text(answer).filter(|p| p.starts_with('/') && !p.starts_with("//"));
        let target = path.or_else(|| form.get_attribute("data-success-url"));
        if let (Some(target), Some(window)) = (target, dom::window()) {
            let _ = window.location().set_href(&target);
            return;
        }
        if let Ok(Some(notice)) = form.query_selector("[data-success]") {
            let _ = notice.remove_attribute("hidden");
        }
        form.reset();
    }

    fn fail(form: &HtmlFormElement, error: AppError, locale: Locale) {
        if let Some(fields) = error.field_errors() {
            for control in controls(form) {
                let _ = control.remove_attribute("data-touched");
                show_error(&control, None, locale);
            }
            // Every field the server names, whether or not it has a live rule.
            for (name, key) in &fields.0 {
                if let Some(control) = dom::by_id(&format!("field-{name}")) {
                    show_error(&control, Some(locale.t(*key).to_owned()), locale);
                }
            }
        }
        let validation = attr(&form_summary_slot(form), "data-validation");
        let text = form_summary(locale, Some(error), None)
            .or_else(|| (!validation.is_empty()).then_some(validation));
        summary(form, text);
    }

    /// Asks the server how guessable the new password is, 300 ms after typing stops.
    fn rate(form: &HtmlFormElement, control: &Element, locale: Locale, generation: Rc<Cell<u64>>) {
        generation.set(generation.get() + 1);
        let mine = generation.get();
        let password = value(control);
        let meter = form.query_selector(".strength").ok().flatten();
        let Some(meter) = meter else { return };
        if check_new_password(&password).is_err() {
            let _ = control.remove_attribute("data-weak");
            draw_meter(&meter, None, locale);
            return;
        }
        let named = |name: &str| {
            form.query_selector(&format!("[name={name}]"))
                .ok()
                .flatten()
                .map(|e| value(&e))
                .unwrap_or_default()
        };
        let body = format!(
            "password={}&email={}&full_name={}",
            js_sys::encode_uri_component(&password),
            js_sys::encode_uri_component(&named("email")),
            js_sys::encode_uri_component(&named("full_name")),
        );
        let control = control.clone();
        set_timeout(
            move || {
                if generation.get() != mine {
                    return;
                }
                dom::spawn(async move {
                    let answer = post("/api/fn/rate_password", &body).await;
                    let verdict = answer
                        .ok()
                        .and_then(|text| dom::parse_json(&text))
                        .and_then(|value| crate::wire::password_verdict(&value));
                    if generation.get() != mine {
                        return;
                    }
                    draw_meter(&meter, verdict, locale);
                    let weak = verdict.filter(|v| !v.acceptable).map(|v| {
                        locale
                            .t(v.warning.unwrap_or(MessageKey::PasswordTooWeak))
                            .to_owned()
                    });
                    match &weak {
                        Some(text) => {
                            let _ = control.set_attribute("data-weak", text);
                        }
                        None => {
                            let _ = control.remove_attribute("data-weak");
                        }
                    }
                    if control.has_attribute("data-touched") {
                        show_error(&control, weak, locale);
                    }
                });
            },
            300,
        );
    }

    fn draw_meter(meter: &Element, verdict: Option<PasswordVerdict>, locale: Locale) {
        let score = verdict.map(|v| v.score).unwrap_or(0);
        let _ = meter.set_attribute("data-score", &score.to_string());
        let _ = meter.set_attribute(
            "data-acceptable",
            &verdict.is_some_and(|v| v.acceptable).to_string(),
        );
        let level = match verdict {
            None => MessageKey::PasswordMeterEmpty,
            Some(v) if !v.acceptable => MessageKey::PasswordMeterWeak,
            Some(v) if v.score == 3 => MessageKey::PasswordMeterGood,
            Some(_) => MessageKey::PasswordMeterStrong,
        };
        if let Ok(Some(label)) = meter.query_selector(".strength-label") {
            label.set_text_content(Some(&format!(
                "{} {}",
                locale.t(MessageKey::PasswordMeterLabel),
                locale.t(level)
            )));
        }
    }
}
