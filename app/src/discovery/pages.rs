//! `/events`: the catalogue. A plain GET form (works without JavaScript; every filter in the URL, so
//! links are shareable and back/forward work), the result count, notes about ignored parameters, the
//! cards and a pager.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    api::{CataloguePage, catalogue},
    model::{Filters, Sort, When, parse},
};
use crate::{
    events::pages::EventCardView,
    i18n::{Locale, MessageKey, use_locale},
    ui::error_view::ErrorPanel,
};

#[component]
pub fn CatalogueView() -> impl IntoView {
    let locale = use_locale();
    let (filters, notes) = {
        let query = use_query_map();
        let query = query.read_untracked();
        parse(&|name| query.get(name))
    };
    let results = Resource::new(
        {
            let filters = filters.clone();
            move || filters.clone()
        },
        catalogue,
    );
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::EventsTitle)) />
        <section class="container page catalogue">
            <h1>{locale.t(MessageKey::EventsTitle)}</h1>
            <p class="lead">{locale.t(MessageKey::EventsLead)}</p>
            {(!notes.is_empty()).then(|| view! {
                <ul class="notice notice-warning catalogue-notes" role="status">
                    {notes.iter().map(|key| view! { <li>{locale.t(*key)}</li> }).collect_view()}
                </ul>
            })}
            <Suspense fallback=|| view! { <div class="event-grid skeleton" aria-hidden="true"></div> }>
                {move || {
                    let filters = filters.clone();
                    Suspend::new(async move {
                        match results.await {
                            Ok(page) => view! { <Catalogue locale filters page /> }.into_any(),
                            Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn Catalogue(locale: Locale, filters: Filters, page: CataloguePage) -> impl IntoView {
    let t = move |key| locale.t(key);
    let count = match page.total {
        0 => t(MessageKey::CatalogueCountNone).to_owned(),
        1 => t(MessageKey::CatalogueCountOne).to_owned(),
        n => format!("{n} {}", t(MessageKey::CatalogueCountMany)),
    };
    let current = filters.page.max(1);
    let pager = (page.pages > 1).then(|| {
        let link = |n: u32| format!("/events?{}", filters.to_query(n));
        view! {
            <nav class="pager" aria-label=t(MessageKey::CataloguePager)>
                {(current > 1).then(|| view! { <a class="button button-ghost" rel="prev" href=link(current - 1)>{t(MessageKey::CataloguePrevious)}</a> })}
                <span>{format!("{current} / {}", page.pages)}</span>
                {(i64::from(current) < page.pages).then(|| view! { <a class="button button-ghost" rel="next" href=link(current + 1)>{t(MessageKey::CatalogueNext)}</a> })}
            </nav>
        }
    });
    view! {
        <FilterForm locale filters=filters.clone() categories=page.categories />
        <div class="catalogue-head">
            <p class="catalogue-count" role="status">{count}</p>
            <a class="calendar-feed" href=format!("/events/calendar.ics?{}", filters.to_query(1))>
                {t(MessageKey::CatalogueSubscribe)}
            </a>
        </div>
        {if page.cards.is_empty() {
            view! {
                <div class="empty">
                    <p>{t(MessageKey::CatalogueEmpty)}</p>
                    <p><a href="/events">{t(MessageKey::CatalogueReset)}</a></p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="event-grid">
                    {page.cards.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
                </div>
            }.into_any()
        }}
        {pager}
    }
}

#[component]
fn FilterForm(
    locale: Locale,
    filters: Filters,
    categories: Vec<(String, String)>,
) -> impl IntoView {
    let t = move |key| locale.t(key);
    let when = match filters.when {
        Some(When::Today) => "today",
        Some(When::Weekend) => "weekend",
        Some(When::Week) => "week",
        Some(When::Month) => "month",
        Some(When::Range) => "range",
        None => "",
    };
    let option = move |value: &'static str, key: MessageKey, current: &str| {
        view! { <option value=value selected=value == current>{t(key)}</option> }
    };
    let price = match filters.free {
        Some(true) => "free",
        Some(false) => "paid",
        None => "",
    };
    let mode = match filters.online {
        Some(true) => "online",
        Some(false) => "in_person",
        None => "",
    };
    let sort = match filters.sort {
        Some(Sort::Newest) => "newest",
        Some(Sort::Nearest) => "nearest",
        _ => "soonest",
    };
    let category = filters.category.clone().unwrap_or_default();
    view! {
        <form class="filters" method="get" action="/events" role="search">
            <div class="field filter-q">
                <label for="filter-q">{t(MessageKey::CatalogueSearch)}</label>
                <input id="filter-q" name="q" type="search" maxlength="200" value=filters.q.clone().unwrap_or_default()
                    placeholder=t(MessageKey::CatalogueSearchHint) />
            </div>
            <div class="field">
                <label for="filter-when">{t(MessageKey::CatalogueWhen)}</label>
                <select id="filter-when" name="when">
                    {option("", MessageKey::CatalogueAnyDate, when)}
                    {option("today", MessageKey::CatalogueToday, when)}
                    {option("weekend", MessageKey::CatalogueWeekend, when)}
                    {option("week", MessageKey::CatalogueWeek, when)}
                    {option("month", MessageKey::CatalogueMonth, when)}
                </select>
            </div>
            <div class="field">
                <label for="filter-city">{t(MessageKey::EventFieldCity)}</label>
                <input id="filter-city" name="city" type="text" maxlength="80" autocomplete="address-level2"
                    value=filters.city.clone().unwrap_or_default() />
            </div>
            <div class="field">
                <label for="filter-category">{t(MessageKey::EventCategory)}</label>
                <select id="filter-category" name="category">
                    <option value="">{t(MessageKey::CatalogueAnyCategory)}</option>
                    {categories.into_iter().map(|(slug, name)| {
                        let selected = slug == category;
                        view! { <option value=slug selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-price">{t(MessageKey::EventPrice)}</label>
                <select id="filter-price" name="price">
                    {option("", MessageKey::CatalogueAnyPrice, price)}
                    {option("free", MessageKey::PriceFree, price)}
                    {option("paid", MessageKey::CataloguePaid, price)}
                </select>
            </div>
            <div class="field">
                <label for="filter-mode">{t(MessageKey::EventFieldMode)}</label>
                <select id="filter-mode" name="mode">
                    {option("", MessageKey::CatalogueAnyMode, mode)}
                    {option("in_person", MessageKey::InPerson, mode)}
                    {option("online", MessageKey::Online, mode)}
                </select>
            </div>
            <div class="field">
                <label for="filter-sort">{t(MessageKey::CatalogueSort)}</label>
                <select id="filter-sort" name="sort">
                    {option("soonest", MessageKey::CatalogueSortSoonest, sort)}
                    {option("newest", MessageKey::CatalogueSortNewest, sort)}
                </select>
            </div>
            <label class="choice filter-freefood" for="filter-freefood">
                <input id="filter-freefood" type="checkbox" name="freefood" value="1" checked=filters.free_food />
                <span>{t(MessageKey::CatalogueFreeFoodOnly)}</span>
            </label>
            <button type="submit" class="button button-primary">{t(MessageKey::CatalogueApply)}</button>
        </form>
    }
}
