//! Small browser helpers the attachers share: timers, tasks, listeners and `fetch`.

use std::future::Future;

use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, EventTarget, Window};

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window().and_then(|w| w.document())
}

pub fn by_id(id: &str) -> Option<Element> {
    document().and_then(|d| d.get_element_by_id(id))
}

/// Runs `f` once, `ms` milliseconds from now.
pub fn set_timeout(f: impl FnOnce() + 'static, ms: i32) {
    if let Some(window) = window() {
        let callback = Closure::once_into_js(f);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}

/// Runs `f` every `ms` milliseconds for the life of the page.
pub fn set_interval(f: impl FnMut() + 'static, ms: i32) {
    if let Some(window) = window() {
        let callback = Closure::<dyn FnMut()>::new(f);
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        );
        callback.forget();
    }
}

pub fn spawn(task: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
}

/// Listens to `kind` events on `target` for the life of the page.
pub fn listen<E: JsCast + 'static>(
    target: &EventTarget,
    kind: &str,
    mut handler: impl FnMut(E) + 'static,
) {
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        if let Ok(event) = event.dyn_into::<E>() {
            handler(event);
        }
    });
    let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
    // Islands live as long as the page.
    callback.forget();
}

/// The element an event happened on, if it is one.
pub fn target_element(event: &web_sys::Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The first element under `root` matching `selector`, as the type asked for.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Every element under `root` matching `selector`.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// Shows or hides an element with the `hidden` attribute.
pub fn set_hidden(element: &Element, hidden: bool) {
    let _ = element.toggle_attribute_with_force("hidden", hidden);
}

/// A fetch's status and body (`None` on a network error).
pub async fn fetch(url: &str, init: Option<&web_sys::RequestInit>) -> Option<(bool, String)> {
    let window = window()?;
    let promise = match init {
        Some(init) => window.fetch_with_str_and_init(url, init),
        None => window.fetch_with_str(url),
    };
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
        .unwrap_or_default();
    Some((response.ok(), text))
}

/// The body of a successful GET of `url` (`None` on a network error or a non-2xx status).
pub async fn fetch_text(url: &str) -> Option<String> {
    fetch(url, None)
        .await
        .filter(|(ok, _)| *ok)
        .map(|(_, text)| text)
}

/// POSTs `body` to `url` as a form would (a `String` urlencoded, a `FormData` as multipart) and asks
/// for JSON: how the attachers call server functions.
pub async fn post(url: &str, body: &JsValue) -> Option<(bool, String)> {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(body);
    let headers = web_sys::Headers::new().ok()?;
    let _ = headers.set("Accept", "application/json");
    if body.is_string() {
        let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
    init.set_headers(&headers);
    fetch(url, Some(&init)).await
}

/// A JSON text parsed by the browser's own `JSON.parse` (read it with `crate::wire`): no JSON or
/// float parser in the WASM.
pub fn parse_json(text: &str) -> Option<JsValue> {
    js_sys::JSON::parse(text).ok()
}

/// A JSON string's value (a server function's answer of type `String`).
pub fn json_text(text: &str) -> Option<String> {
    parse_json(text).and_then(|value| value.as_string())
}
