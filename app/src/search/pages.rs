//! `/search?q=…`: every group's results, server-rendered. The header's suggestions read this page's
//! `#search-results` (each link `data-result`, each group `data-group` with its `aria-label`).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::{
    api::global_search,
    model::{SearchHit, SearchResults},
};
use crate::{
    i18n::{Locale, use_locale},
    ui::error_view::ErrorPanel,
};

#[component]
pub fn SearchPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let results = Resource::new(
        move || query.read().get("q").unwrap_or_default(),
        global_search,
    );
    let title = locale.pick("Recherche", "Search");
    view! {
        <Title text=format!("{title} · Meetral") />
        <Meta name="robots" content="noindex" />
        <section class="container page narrow search-page">
            <h1>{title}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(results) => view! { <Results locale results /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Results(locale: Locale, results: SearchResults) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let searched = super::model::searchable(&results.query);
    let summary = if !searched {
        p(
            "Tapez au moins deux caractères.",
            "Type at least two characters.",
        )
        .to_owned()
    } else if results.is_empty() {
        format!(
            "{} « {} ».",
            p("Aucun résultat pour", "No results for"),
            results.query
        )
    } else {
        format!(
            "{} « {} »",
            p("Résultats pour", "Results for"),
            results.query
        )
    };
    let empty = searched && results.is_empty();
    let groups = [
        ("events", p("Événements", "Events"), Some(results.events)),
        (
            "organizers",
            p("Organisateurs", "Organizers"),
            Some(results.organizers),
        ),
        (
            "users",
            p("Comptes (administration)", "Accounts (admin)"),
            results.users,
        ),
    ];
    view! {
        <form class="search-form" role="search" action="/search" method="get">
            <label for="search-page-q">{p("Rechercher un événement, un organisateur", "Search for an event, an organizer")}</label>
            <div class="search-form-row">
                <input id="search-page-q" name="q" type="search" value=results.query.clone() maxlength="100" />
                <button type="submit" class="button button-primary">{p("Rechercher", "Search")}</button>
            </div>
        </form>
        <p class="search-summary" role="status">{summary}</p>
        {empty.then(|| view! {
            <p><a href=format!("/events?q={}", crate::urls::encode_query_value(&results.query))>
                {p("Chercher dans le catalogue avec les filtres", "Search the catalogue with filters")}
            </a></p>
        })}
        <div id="search-results">
            {groups.into_iter().filter_map(|(key, label, hits)| {
                let hits = hits.filter(|hits| !hits.is_empty())?;
                Some(view! { <HitGroup key label hits /> })
            }).collect_view()}
        </div>
    }
}

#[component]
fn HitGroup(key: &'static str, label: &'static str, hits: Vec<SearchHit>) -> impl IntoView {
    view! {
        <section class="search-group" data-group=key aria-label=label>
            <h2>{label}</h2>
            <ul class="search-hits">
                {hits.into_iter().map(|hit| view! {
                    <li>
                        <a data-result href=hit.href>
                            <strong>{hit.title}</strong>
                            <span class="search-hit-detail">{hit.detail}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
