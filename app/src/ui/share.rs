//! Share an event: the phone's share sheet where there is one, else the link copied to the clipboard.

use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ShareButton(locale: Locale, url: String, title: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        client::share(&url, &title, copied);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&url, &title);
    };
    view! {
        <button type="button" class="button button-ghost share-button" data-share on:click=on_click>
            {move || if copied.get() { locale.t(MessageKey::ShareCopied) } else { locale.t(MessageKey::ShareEvent) }}
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::prelude::*;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    pub fn share(url: &str, title: &str, copied: RwSignal<bool>) {
        let navigator = window().navigator();
        let can_share =
            js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
        let (url, title) = (url.to_owned(), title.to_owned());
        leptos::task::spawn_local(async move {
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
                copied.set(true);
            }
        });
    }
}
