//! The browser entry point: hydrates the server-rendered page.

// In islands mode nothing here names `app`; this use makes rustc link it, and with it the
// `#[wasm_bindgen]` hydrate functions of every island.
#[cfg(feature = "islands")]
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "islands")]
    leptos::mount::hydrate_islands();
    #[cfg(not(feature = "islands"))]
    leptos::mount::hydrate_body(app::App);
}
