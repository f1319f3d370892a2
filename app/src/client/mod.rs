//! The browser side: plain `wasm-bindgen` attachers for the islands of server-rendered pages.
//!
//! Pages are rendered by Leptos on the server only. An element that needs behaviour carries
//! `data-island="name"`; once the WASM has loaded, [`start`] finds each such element and hands it to
//! its attacher, which listens to the existing markup (nothing is rendered twice) and marks it
//! `data-live="true"`. No reactive runtime, view code or props decoder reaches the client, which keeps
//! it a fraction of a Leptos hydration bundle (docs/PERFORMANCE.md).

pub mod dom;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::i18n::Locale;

/// Gives one island element its behaviour.
type Attach = fn(&HtmlElement, Locale);

/// The islands by name: what the server writes in `data-island` and what attaches to it.
const ISLANDS: [(&str, Attach); 8] = [
    ("live-form", crate::ui::live_form::client::attach),
    ("menu", crate::ui::layout::client::attach_menu),
    ("share", crate::ui::share::client::attach),
    ("event-map", crate::ui::map::client::attach_event_map),
    ("catalogue-map", crate::discovery::map::client::attach),
    ("catalogue-live", crate::discovery::live::client::attach),
    ("search", crate::search::box_island::client::attach),
    ("bell", crate::notifications::bell::client::attach),
];

/// Attaches every island of the page (each once, even if called again).
pub fn start() {
    let Some(document) = dom::document() else {
        return;
    };
    let locale = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| Locale::from_tag(&lang))
        .unwrap_or_default();
    let Ok(found) = document.query_selector_all("[data-island]") else {
        return;
    };
    for i in 0..found.length() {
        let Some(element) = found
            .item(i)
            .and_then(|node| node.dyn_into::<HtmlElement>().ok())
        else {
            continue;
        };
        if element.has_attribute("data-attached") {
            continue;
        }
        let name = element.get_attribute("data-island").unwrap_or_default();
        if let Some((_, attach)) = ISLANDS.iter().find(|(known, _)| *known == name) {
            let _ = element.set_attribute("data-attached", "");
            attach(&element, locale);
        }
    }
}
