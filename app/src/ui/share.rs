//! Share an event: the phone's share sheet where there is one, else the link copied to the clipboard.

use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

#[component]
pub fn ShareButton(locale: Locale, url: String, title: String) -> impl IntoView {
    view! {
        <button type="button" class="button button-ghost share-button" data-share data-island="share"
            data-url=url data-title=title data-copied=locale.t(MessageKey::ShareCopied)>
            {locale.t(MessageKey::ShareEvent)}
        </button>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Event, HtmlElement};

    use crate::{client::dom, i18n::Locale};

    pub fn attach(button: &HtmlElement, _: Locale) {
        let clicked = button.clone();
        dom::listen(button, "click", move |_: Event| share(&clicked));
        let _ = button.set_attribute("data-live", "true");
    }

    fn share(button: &HtmlElement) {
        let Some(navigator) = dom::window().map(|w| w.navigator()) else {
            return;
        };
        let can_share =
            js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
        let data = |name: &str| button.get_attribute(name).unwrap_or_default();
        let (url, title, copied) = (data("data-url"), data("data-title"), data("data-copied"));
        let button = button.clone();
        dom::spawn(async move {
            if can_share {
                let data = web_sys::ShareData::new();
                data.set_title(&title);
                data.set_url(&url);
                // Dismissing the sheet rejects the promise: nothing to report.
                let _ = JsFuture::from(navigator.share_with_data(&data)).await;
            } else if JsFuture::from(navigator.clipboard().write_text(&url))
                .await
                .is_ok()
            {
                button.set_text_content(Some(&copied));
            }
        });
    }
}
