//! The catalogue with JavaScript: results follow the filters as they change (debounced typing, no page
//! reload, the focus stays in the form), the URL follows too (shareable; back and forward work), the
//! pager loads in place, and "near me" asks the browser for its position. Without JavaScript the same
//! form is a plain GET form and every link a normal page load.
//!
//! The server renders the whole page for every URL; this island fetches that HTML and moves the parts
//! that change (`#catalogue-results`, the count, the notes, the view links, the feed link) into the
//! current page, so the rules for what a URL shows live in one place.

use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

/// The "near me" button and its status line, inside the filter form; its attacher gives the whole form
/// the live behaviour.
#[component]
pub fn CatalogueLive(locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    view! {
        <div class="near-me" data-island="catalogue-live">
            // Without JavaScript this submits `near=me`, and the page says the position needs it.
            <button type="submit" name="near" value="me" class="button button-ghost" data-near-me>
                <span aria-hidden="true">"◎ "</span>{t(MessageKey::CatalogueNearMe)}
            </button>
            <span class="near-me-status" role="status" data-near-status
                data-locating=t(MessageKey::CatalogueLocating) data-denied=t(MessageKey::CatalogueLocationDenied)></span>
        </div>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use std::{
        cell::{Cell, RefCell},
        rc::Rc,
    };

    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement};

    use crate::{
        client::dom::{self, by_id},
        i18n::Locale,
    };

    /// Fired on `document` after new results are in the page (the map redraws its markers).
    pub const RESULTS_EVENT: &str = "meetral:results";
    const TYPING_DELAY_MS: i32 = 350;

    fn field<T: JsCast>(form: &HtmlFormElement, name: &str) -> Option<T> {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    }

    /// The form's query string, without empty values (`?q=&when=` says nothing).
    pub fn form_query(form: &HtmlFormElement) -> String {
        let Ok(data) = web_sys::FormData::new_with_form(form) else {
            return String::new();
        };
        let Ok(params) = web_sys::UrlSearchParams::new() else {
            return String::new();
        };
        let entries = js_sys::try_iter(&data).ok().flatten();
        for entry in entries.into_iter().flatten().flatten() {
            let pair = js_sys::Array::from(&entry);
            let (name, value) = (pair.get(0).as_string(), pair.get(1).as_string());
            if let (Some(name), Some(value)) = (name, value)
                && !value.trim().is_empty()
                && name != "near"
            {
                params.append(&name, &value);
            }
        }
        String::from(params.to_string())
    }

    /// Moves what changed from a freshly rendered catalogue page into this one.
    fn swap(html: &str) -> bool {
        let Ok(parser) = web_sys::DomParser::new() else {
            return false;
        };
        let Ok(fresh) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
            return false;
        };
        let part = |id: &str| fresh.get_element_by_id(id);
        let (Some(results), Some(current)) =
            (part("catalogue-results"), by_id("catalogue-results"))
        else {
            return false;
        };
        current.set_inner_html(&results.inner_html());
        let _ = current.set_attribute(
            "data-query",
            &results.get_attribute("data-query").unwrap_or_default(),
        );
        for id in ["catalogue-notes", "catalogue-views", "catalogue-count"] {
            if let (Some(new), Some(old)) = (part(id), by_id(id)) {
                old.set_inner_html(&new.inner_html());
            }
        }
        if let (Some(new), Some(old)) = (part("catalogue-feed"), by_id("catalogue-feed")) {
            let _ = old.set_attribute("href", &new.get_attribute("href").unwrap_or_default());
        }
        if let (Some(new), Some(old)) = (part("catalogue-filters"), by_id("catalogue-filters")) {
            sync_fields(&new, &old);
        }
        if let (Ok(event), Some(document)) = (web_sys::Event::new(RESULTS_EVENT), dom::document()) {
            let _ = document.dispatch_event(&event);
        }
        true
    }

    /// After back/forward: the form shows the filters of the URL it came back to. Only controls the
    /// server may have changed are touched, never the one being typed in.
    fn sync_fields(new: &Element, old: &Element) {
        let Ok(controls) = new.query_selector_all("input[id], select[id]") else {
            return;
        };
        let focused = dom::document()
            .and_then(|d| d.active_element())
            .map(|e| e.id());
        for i in 0..controls.length() {
            let Some(control) = controls.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let id = control.id();
            if Some(&id) == focused.as_ref() {
                continue;
            }
            let Ok(Some(target)) = old.query_selector(&format!("#{id}")) else {
                continue;
            };
            if let (Some(from), Some(to)) = (
                control.dyn_ref::<HtmlInputElement>(),
                target.dyn_ref::<HtmlInputElement>(),
            ) {
                if from.type_() == "checkbox" {
                    to.set_checked(from.has_attribute("checked"));
                } else {
                    to.set_value(&from.get_attribute("value").unwrap_or_default());
                }
                to.set_disabled(from.has_attribute("disabled"));
            } else if let (Some(from), Some(to)) = (
                control.dyn_ref::<HtmlSelectElement>(),
                target.dyn_ref::<HtmlSelectElement>(),
            ) {
                to.set_inner_html(&from.inner_html());
                to.set_disabled(from.has_attribute("disabled"));
            }
        }
        if let (Ok(Some(new)), Ok(Some(old))) = (
            new.query_selector("[data-clear-near]"),
            old.query_selector("[data-clear-near]"),
        ) {
            old.set_outer_html(&new.outer_html());
        }
    }

    /// The live catalogue's state: its form, which load is the latest, and the query last asked for.
    struct Live {
        form: HtmlFormElement,
        generation: Cell<u64>,
        last: RefCell<String>,
    }

    /// Asks for what the form says, unless it was the last thing asked for.
    fn update(live: &Rc<Live>) {
        let query = form_query(&live.form);
        if *live.last.borrow() != query {
            load(live, query, true, false);
        }
    }

    /// Loads `/events?query` into the page; `push` adds a history entry with the page's canonical
    /// query (`data-query`: no empty values, a fixed order). A failed fetch falls back to loading the
    /// page normally.
    fn load(live: &Rc<Live>, query: String, push: bool, focus_results: bool) {
        live.generation.set(live.generation.get() + 1);
        let mine = live.generation.get();
        *live.last.borrow_mut() = query.clone();
        let url = if query.is_empty() {
            "/events".to_owned()
        } else {
            format!("/events?{query}")
        };
        if let Some(results) = by_id("catalogue-results") {
            let _ = results.set_attribute("aria-busy", "true");
        }
        let live = live.clone();
        dom::spawn(async move {
            let fetched = dom::fetch_text(&url).await;
            if live.generation.get() != mine {
                return;
            }
            if let Some(results) = by_id("catalogue-results") {
                let _ = results.remove_attribute("aria-busy");
            }
            match fetched {
                Some(html) if swap(&html) => {
                    *live.last.borrow_mut() = form_query(&live.form);
                    let canonical = by_id("catalogue-results")
                        .and_then(|r| r.get_attribute("data-query"))
                        .map(|q| {
                            if q.is_empty() {
                                "/events".to_owned()
                            } else {
                                format!("/events?{q}")
                            }
                        })
                        .unwrap_or(url);
                    if push && let Some(history) = dom::window().and_then(|w| w.history().ok()) {
                        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&canonical));
                    }
                    if focus_results && let Some(heading) = by_id("catalogue-count") {
                        if let Some(heading) = heading.dyn_ref::<HtmlElement>() {
                            let _ = heading.focus();
                        }
                        heading.scroll_into_view();
                    }
                }
                _ => {
                    if let Some(window) = dom::window() {
                        let _ = window.location().assign(&url);
                    }
                }
            }
        });
    }

    fn current_query() -> String {
        dom::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
            .trim_start_matches('?')
            .to_owned()
    }

    /// Asks the browser where it is, writes the position into the form and sorts nearest first. The
    /// position is also kept (rounded to about a kilometre) in a cookie for the home page's "near you".
    fn locate(form: HtmlFormElement, status: Option<Element>, on_found: Rc<dyn Fn()>) {
        let say = {
            let status = status.clone();
            move |key: &str| {
                if let Some(status) = &status {
                    status.set_text_content(status.get_attribute(key).as_deref());
                }
            }
        };
        let Some(geolocation) = dom::window().and_then(|w| w.navigator().geolocation().ok()) else {
            say("data-denied");
            return;
        };
        say("data-locating");
        let found = {
            let say = say.clone();
            Closure::once_into_js(move |position: JsValue| {
                let read =
                    |from: &JsValue, name: &str| js_sys::Reflect::get(from, &name.into()).ok();
                let coords = read(&position, "coords").unwrap_or_default();
                let degrees = |name: &str| read(&coords, name).and_then(|v| v.as_f64());
                let (Some(lat), Some(lon)) = (degrees("latitude"), degrees("longitude")) else {
                    say("data-denied");
                    return;
                };
                let fixed = |v: f64, digits: u8| {
                    js_sys::Number::from(v)
                        .to_fixed(digits)
                        .map(String::from)
                        .unwrap_or_default()
                };
                for (name, value) in [("lat", fixed(lat, 4)), ("lon", fixed(lon, 4))] {
                    if let Some(input) = field::<HtmlInputElement>(&form, name) {
                        input.set_value(&value);
                    }
                }
                if let Some(radius) = field::<HtmlSelectElement>(&form, "radius") {
                    radius.set_disabled(false);
                }
                if let Some(sort) = field::<HtmlSelectElement>(&form, "sort") {
                    if let Ok(Some(nearest)) = sort.query_selector("option[value=nearest]") {
                        let _ = nearest.remove_attribute("disabled");
                    }
                    sort.set_value("nearest");
                }
                if let Some(city) = field::<HtmlInputElement>(&form, "city") {
                    city.set_value("");
                }
                if let Some(html) =
                    dom::document().and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
                {
                    let _ = html.set_cookie(&format!(
                        "meetral_near={},{}; path=/; max-age=2592000; samesite=lax",
                        fixed(lat, 2),
                        fixed(lon, 2)
                    ));
                }
                say("data-none");
                on_found();
            })
        };
        let failed = Closure::once_into_js(move |_: JsValue| say("data-denied"));
        let options = web_sys::PositionOptions::new();
        options.set_timeout(15_000);
        options.set_maximum_age(600_000);
        let _ = geolocation.get_current_position_with_error_callback_and_options(
            found.unchecked_ref(),
            Some(failed.unchecked_ref()),
            &options,
        );
    }

    pub fn attach(root: &HtmlElement, _: Locale) {
        let (Some(window), Some(document)) = (dom::window(), dom::document()) else {
            return;
        };
        let Some(form) = root
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let live = Rc::new(Live {
            last: RefCell::new(form_query(&form)),
            form: form.clone(),
            generation: Cell::new(0),
        });
        let typing = Rc::new(Cell::new(0u64));
        // Typing waits for a pause; choices apply at once; "Filtrer" (or Enter) too.
        let on_input = {
            let (live, typing) = (live.clone(), typing.clone());
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let is_text = event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    .is_some_and(|i| matches!(i.type_().as_str(), "search" | "text"));
                if !is_text {
                    return;
                }
                typing.set(typing.get() + 1);
                let (mine, typing, live) = (typing.get(), typing.clone(), live.clone());
                dom::set_timeout(
                    move || {
                        if typing.get() == mine {
                            update(&live);
                        }
                    },
                    TYPING_DELAY_MS,
                );
            })
        };
        let on_change = {
            let live = live.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let is_choice = event.target().is_some_and(|t| {
                    t.dyn_ref::<HtmlSelectElement>().is_some()
                        || t.dyn_ref::<HtmlInputElement>()
                            .is_some_and(|i| i.type_() == "checkbox")
                });
                if is_choice {
                    update(&live);
                }
            })
        };
        let status = root.query_selector("[data-near-status]").ok().flatten();
        let on_submit = {
            let (live, typing) = (live.clone(), typing.clone());
            Closure::<dyn Fn(web_sys::SubmitEvent)>::new(move |event: web_sys::SubmitEvent| {
                event.prevent_default();
                typing.set(typing.get() + 1);
                let near_me = event
                    .submitter()
                    .is_some_and(|s| s.has_attribute("data-near-me"));
                if near_me {
                    let found = live.clone();
                    locate(
                        live.form.clone(),
                        status.clone(),
                        Rc::new(move || update(&found)),
                    );
                } else {
                    update(&live);
                }
            })
        };
        // Links that stay in the catalogue (pager, forgetting the position) load in place.
        let on_click = {
            let live = live.clone();
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
                if event.default_prevented()
                    || event.button() != 0
                    || event.ctrl_key()
                    || event.meta_key()
                    || event.shift_key()
                {
                    return;
                }
                let link = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("a[data-live-link]").ok().flatten());
                let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                    return;
                };
                let Some(query) = href.strip_prefix("/events") else {
                    return;
                };
                event.prevent_default();
                let pager = href.contains("page=");
                load(&live, query.trim_start_matches('?').to_owned(), true, pager);
            })
        };
        let on_back = {
            let live = live.clone();
            Closure::<dyn Fn()>::new(move || load(&live, current_query(), false, false))
        };
        let _ = form.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let _ = form.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("popstate", on_back.as_ref().unchecked_ref());
        for closure in [on_input, on_change] {
            closure.forget();
        }
        on_submit.forget();
        on_click.forget();
        on_back.forget();
        let _ = form.set_attribute("data-live", "true");
    }
}
