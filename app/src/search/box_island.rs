//! The header's search box: a combobox (ARIA 1.2 pattern) that suggests events, organizers and — for
//! admins — accounts as people type. Without the WASM it is a plain GET form to `/search`.
//!
//! Suggestions are the `/search` page itself, fetched and read (`pages.rs` marks its groups and
//! links): the rules for what matches live on the server only, and the island stays small.

use leptos::prelude::*;

use crate::i18n::Locale;

/// Suggestions shown per group (the page has more).
#[cfg(feature = "hydrate")]
const PER_GROUP: usize = 4;
#[cfg(feature = "hydrate")]
const TYPING_DELAY_MS: u64 = 200;

/// One line of the list: its group's label (set on the group's first line only), text and target.
#[derive(Debug, Clone, PartialEq)]
struct Suggestion {
    group: Option<String>,
    title: String,
    detail: String,
    href: String,
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn GlobalSearch(locale: Locale) -> impl IntoView {
    let p = move |fr: &'static str, en: &'static str| locale.pick(fr, en);
    let suggestions = RwSignal::new(Vec::<Suggestion>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let typed = RwSignal::new(String::new());
    let generation = StoredValue::new(0u64);
    let all_results = p("Voir tous les résultats", "See all results");
    let none = p("Aucun résultat", "No results");

    let search = move |query: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        typed.set(query.clone());
        if query.trim().chars().count() < super::model::MIN_CHARS {
            suggestions.set(Vec::new());
            open.set(false);
            active.set(None);
            return;
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (mine, all_results);
        #[cfg(feature = "hydrate")]
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let url = format!("/search?q={}", js_sys::encode_uri_component(&query));
                    let Some(html) = crate::ui::map::client::fetch_text(&url).await else {
                        return;
                    };
                    if generation.get_value() != mine {
                        return;
                    }
                    let mut found = client::read(&html);
                    found.push(Suggestion {
                        group: None,
                        title: all_results.to_owned(),
                        detail: String::new(),
                        href: url,
                    });
                    suggestions.set(found);
                    active.set(None);
                    open.set(true);
                });
            },
            std::time::Duration::from_millis(TYPING_DELAY_MS),
        );
    };
    let go = move |index: usize| {
        if let Some(target) = suggestions.with_untracked(|s| s.get(index).map(|s| s.href.clone())) {
            open.set(false);
            #[cfg(feature = "hydrate")]
            let _ = window().location().assign(&target);
            #[cfg(not(feature = "hydrate"))]
            let _ = target;
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = suggestions.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                event.prevent_default();
                open.set(true);
                let down = event.key() == "ArrowDown";
                active.update(|index| {
                    *index = Some(match (*index, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(i), true) => (i + 1) % count,
                        (Some(i), false) => (i + count - 1) % count,
                    })
                });
            }
            "Enter" => {
                if let (true, Some(index)) = (open.get_untracked(), active.get_untracked()) {
                    event.prevent_default();
                    go(index);
                }
            }
            "Escape" if open.get_untracked() => {
                event.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = |index: usize| format!("global-search-option-{index}");
    let status = move || {
        if !open.get() {
            return String::new();
        }
        let count = suggestions.with(Vec::len).saturating_sub(1);
        if count == 0 {
            none.to_owned()
        } else {
            format!("{count} {}", p("suggestions", "suggestions"))
        }
    };
    view! {
        <form class="global-search" role="search" action="/search" method="get">
            <label for="global-search-q" class="visually-hidden">
                {p("Recherche sur Meetral (événements, organisateurs)", "Search Meetral (events, organizers)")}
            </label>
            <input id="global-search-q" name="q" type="search" maxlength="100" autocomplete="off"
                placeholder=p("Rechercher…", "Search…")
                role="combobox" aria-autocomplete="list" aria-controls="global-search-list"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(option_id)
                on:input=move |event| search(event_target_value(&event))
                on:keydown=on_keydown
                on:focus=move |_| open.set(!suggestions.with_untracked(Vec::is_empty) && !typed.get_untracked().is_empty())
                on:blur=move |_| open.set(false) />
            <button type="submit" class="global-search-submit">
                <span aria-hidden="true">"⌕"</span>
                <span class="visually-hidden">{p("Lancer la recherche", "Run the search")}</span>
            </button>
            <div id="global-search-list" class="global-search-list" role="listbox"
                aria-label=p("Suggestions", "Suggestions") hidden=move || !open.get()>
                {move || suggestions.get().into_iter().enumerate().map(|(index, suggestion)| {
                    let selected = move || active.get() == Some(index);
                    view! {
                        {suggestion.group.map(|label| view! {
                            <div class="global-search-group" role="presentation">{label}</div>
                        })}
                        <div role="option" id=option_id(index) class="global-search-option"
                            class:global-search-active=selected
                            aria-selected=move || if selected() { "true" } else { "false" }
                            on:mousedown=move |event| { event.prevent_default(); go(index) }>
                            <span class="global-search-title">{suggestion.title}</span>
                            {(!suggestion.detail.is_empty()).then(|| view! {
                                <span class="global-search-detail">{suggestion.detail}</span>
                            })}
                        </div>
                    }
                }).collect_view()}
            </div>
            <p class="visually-hidden" role="status">{status}</p>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::wasm_bindgen::JsCast;

    use super::{PER_GROUP, Suggestion};

    /// The suggestions in a rendered `/search` page: its groups' first links.
    pub fn read(html: &str) -> Vec<Suggestion> {
        let mut found = Vec::new();
        let Some(page) = web_sys::DomParser::new().ok().and_then(|parser| {
            parser
                .parse_from_string(html, web_sys::SupportedType::TextHtml)
                .ok()
        }) else {
            return found;
        };
        let Ok(groups) = page.query_selector_all("#search-results [data-group]") else {
            return found;
        };
        for g in 0..groups.length() {
            let Some(group) = groups
                .item(g)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let label = group.get_attribute("aria-label").unwrap_or_default();
            let Ok(links) = group.query_selector_all("a[data-result]") else {
                continue;
            };
            for l in 0..links.length().min(PER_GROUP as u32) {
                let Some(link) = links
                    .item(l)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
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
                found.push(Suggestion {
                    group: (l == 0).then(|| label.clone()),
                    title: text("strong"),
                    detail: text(".search-hit-detail"),
                    href: link.get_attribute("href").unwrap_or_default(),
                });
            }
        }
        found
    }
}
