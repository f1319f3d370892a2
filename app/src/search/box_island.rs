//! The header's search box: a combobox (ARIA 1.2 pattern) that suggests events, organizers and — for
//! admins — accounts as people type. Without the WASM it is a plain GET form to `/search`.
//!
//! The form is server-rendered with its copy; the island inside it is an empty marker its attacher
//! starts from (as `discovery::live` does), so no text and no view code of it weighs on the WASM.
//! Suggestions are the `/search` page itself, fetched and read (`pages.rs` marks its groups and
//! links): the rules for what matches live on the server only.

use leptos::prelude::*;

use crate::i18n::Locale;

#[component]
pub fn GlobalSearch(locale: Locale) -> impl IntoView {
    let p = move |fr: &'static str, en: &'static str| locale.pick(fr, en);
    view! {
        <form class="global-search" role="search" action="/search" method="get"
            data-all=p("Voir tous les résultats", "See all results") data-none=p("Aucun résultat", "No results")
            data-count=p("suggestions", "suggestions")>
            <label for="global-search-q" class="visually-hidden">
                {p("Recherche sur Meetral (événements, organisateurs)", "Search Meetral (events, organizers)")}
            </label>
            <input id="global-search-q" name="q" type="text" inputmode="search" enterkeyhint="search" maxlength="100" autocomplete="off"
                placeholder=p("Rechercher…", "Search…")
                role="combobox" aria-autocomplete="list" aria-controls="global-search-list" aria-expanded="false" />
            <button type="submit" class="global-search-submit">
                <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor"
                    stroke-width="2.5" stroke-linecap="round"><circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5 21 21" /></svg>
                <span class="visually-hidden">{p("Lancer la recherche", "Run the search")}</span>
            </button>
            <div id="global-search-list" class="global-search-list" role="listbox"
                aria-label=p("Suggestions", "Suggestions") hidden></div>
            // Not `role="status"`: pages keep that role for their own messages; a live region is enough.
            <p class="visually-hidden" aria-live="polite" data-search-status></p>
            // The island: attaching to it gives its form the combobox behaviour.
            <span hidden data-island="search"></span>
        </form>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use std::{cell::Cell, rc::Rc};

    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    use crate::{client::dom, i18n::Locale};

    /// Suggestions shown per group (the page has more).
    const PER_GROUP: u32 = 4;
    const TYPING_DELAY_MS: i32 = 200;

    struct Combobox {
        form: Element,
        input: HtmlInputElement,
        list: Element,
        /// Which fetch is the latest (older answers are dropped).
        generation: Cell<u32>,
        active: Cell<Option<u32>>,
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    impl Combobox {
        fn options(&self) -> web_sys::NodeList {
            self.list
                .query_selector_all("[role=option]")
                .unwrap_or_else(|_| self.list.child_nodes())
        }

        fn open(&self, open: bool) {
            let open = open && self.options().length() > 0;
            self.list.toggle_attribute_with_force("hidden", !open).ok();
            let _ = self
                .input
                .set_attribute("aria-expanded", if open { "true" } else { "false" });
            if !open {
                self.select(None);
            }
        }

        fn select(&self, index: Option<u32>) {
            self.active.set(index);
            let options = self.options();
            for i in 0..options.length() {
                if let Some(option) = options.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let on = Some(i) == index;
                    let _ =
                        option.set_attribute("aria-selected", if on { "true" } else { "false" });
                    let _ = option
                        .class_list()
                        .toggle_with_force("global-search-active", on);
                    if on {
                        let _ = self
                            .input
                            .set_attribute("aria-activedescendant", &option.id());
                        option.scroll_into_view_with_bool(false);
                    }
                }
            }
            if index.is_none() {
                let _ = self.input.remove_attribute("aria-activedescendant");
            }
        }

        fn go(&self, index: u32) {
            let target = self
                .options()
                .item(index)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .and_then(|option| option.get_attribute("data-href"));
            if let (Some(target), Some(window)) = (target, dom::window()) {
                let _ = window.location().assign(&target);
            }
        }

        fn say(&self, text: &str) {
            if let Ok(Some(status)) = self.form.query_selector("[data-search-status]") {
                status.set_text_content(Some(text));
            }
        }

        /// Fills the list from a rendered `/search` page: each group's first links, then "see all".
        fn fill(&self, html: &str, url: &str) {
            let Some(page) = web_sys::DomParser::new().ok().and_then(|parser| {
                parser
                    .parse_from_string(html, web_sys::SupportedType::TextHtml)
                    .ok()
            }) else {
                return;
            };
            let mut out = String::new();
            let mut count = 0u32;
            let option = |count: u32, href: &str, title: &str, detail: &str| {
                format!(
                    r#"<div role="option" id="global-search-option-{count}" class="global-search-option" aria-selected="false" data-href="{}"><span class="global-search-title">{}</span><span class="global-search-detail">{}</span></div>"#,
                    escape(href),
                    escape(title),
                    escape(detail)
                )
            };
            if let Ok(groups) = page.query_selector_all("#search-results [data-group]") {
                for g in 0..groups.length() {
                    let Some(group) = groups.item(g).and_then(|n| n.dyn_into::<Element>().ok())
                    else {
                        continue;
                    };
                    let Ok(links) = group.query_selector_all("a[data-result]") else {
                        continue;
                    };
                    out.push_str(&format!(
                        r#"<div class="global-search-group" role="presentation">{}</div>"#,
                        escape(&group.get_attribute("aria-label").unwrap_or_default())
                    ));
                    for l in 0..links.length().min(PER_GROUP) {
                        let Some(link) = links.item(l).and_then(|n| n.dyn_into::<Element>().ok())
                        else {
                            continue;
                        };
                        let text = |selector: &str| {
                            link.query_selector(selector)
                                .ok()
                                .flatten()
                                .and_then(|e| e.text_content())
                                .unwrap_or_default()
                        };
                        out.push_str(&option(
                            count,
                            &link.get_attribute("href").unwrap_or_default(),
                            &text("strong"),
                            &text(".search-hit-detail"),
                        ));
                        count += 1;
                    }
                }
            }
            let data = |name: &str| self.form.get_attribute(name).unwrap_or_default();
            self.say(&if count == 0 {
                data("data-none")
            } else {
                format!("{count} {}", data("data-count"))
            });
            out.push_str(&option(count, url, &data("data-all"), ""));
            self.list.set_inner_html(&out);
            self.open(true);
        }

        fn search(self: &Rc<Self>) {
            self.generation.set(self.generation.get() + 1);
            let mine = self.generation.get();
            let query = self.input.value();
            if query.trim().chars().count() < crate::search::model::MIN_CHARS {
                self.list.set_inner_html("");
                self.open(false);
                return;
            }
            let me = self.clone();
            dom::set_timeout(
                move || {
                    if me.generation.get() != mine {
                        return;
                    }
                    dom::spawn(async move {
                        let url = format!("/search?q={}", js_sys::encode_uri_component(&query));
                        let html = dom::fetch_text(&url).await;
                        if let (Some(html), true) = (html, me.generation.get() == mine) {
                            me.fill(&html, &url);
                        }
                    });
                },
                TYPING_DELAY_MS,
            );
        }

        fn key(&self, event: &web_sys::KeyboardEvent) {
            let count = self.options().length();
            let open = self.input.get_attribute("aria-expanded").as_deref() == Some("true");
            match event.key().as_str() {
                "ArrowDown" | "ArrowUp" if count > 0 => {
                    event.prevent_default();
                    self.open(true);
                    let down = event.key() == "ArrowDown";
                    self.select(Some(match (self.active.get(), down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(i), true) => (i + 1) % count,
                        (Some(i), false) => (i + count - 1) % count,
                    }));
                }
                "Enter" if open => {
                    if let Some(index) = self.active.get() {
                        event.prevent_default();
                        self.go(index);
                    }
                }
                "Escape" if open => {
                    event.prevent_default();
                    self.open(false);
                }
                _ => {}
            }
        }
    }

    fn listen(target: &Element, kind: &str, handler: impl Fn(web_sys::Event) + 'static) {
        dom::listen(target, kind, handler);
    }

    pub fn attach(marker: &HtmlElement, _: Locale) {
        let Some(form) = marker.closest("form").ok().flatten() else {
            return;
        };
        let (Ok(Some(input)), Ok(Some(list))) = (
            form.query_selector("input[role=combobox]"),
            form.query_selector("[role=listbox]"),
        ) else {
            return;
        };
        let Ok(input) = input.dyn_into::<HtmlInputElement>() else {
            return;
        };
        let combobox = Rc::new(Combobox {
            form,
            input: input.clone(),
            list: list.clone(),
            generation: Cell::new(0),
            active: Cell::new(None),
        });
        let input: Element = input.into();
        let me = combobox.clone();
        listen(&input, "input", move |_| me.search());
        let me = combobox.clone();
        listen(&input, "keydown", move |event| {
            if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                me.key(event);
            }
        });
        let me = combobox.clone();
        listen(&input, "blur", move |_| me.open(false));
        let me = combobox.clone();
        listen(&input, "focus", move |_| {
            me.open(me.input.value().trim().chars().count() >= crate::search::model::MIN_CHARS)
        });
        // Pressing an option keeps the focus in the field (no blur that would close the list first).
        let me = combobox;
        listen(&list, "mousedown", move |event| {
            event.prevent_default();
            let index = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[role=option]").ok().flatten())
                .and_then(|option| option.id().rsplit('-').next()?.parse::<u32>().ok());
            if let Some(index) = index {
                me.go(index);
            }
        });
        let _ = marker.set_attribute("data-live", "true");
    }
}
