//! The browser entry point: attaches the behaviour of the server-rendered page's islands.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::client::start();
}
