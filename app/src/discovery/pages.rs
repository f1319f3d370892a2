//! `/events`: the catalogue. A plain GET form (works without JavaScript; every filter in the URL, so
//! links are shareable and back/forward work), the result count, notes about ignored parameters, the
//! results as a grid, a list or a map, and a pager. `live::CatalogueLive` updates it in place.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    api::{CataloguePage, MAP_LIMIT, catalogue},
    live::CatalogueLive,
    map::CatalogueMap,
    model::{DEFAULT_RADIUS_KM, Filters, Sort, View, When, parse},
};
use crate::{
    events::{model::EventCard, pages::EventCardView},
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        badge::FreeFoodBadge,
        error_view::ErrorPanel,
        map::{LeafletAssets, tile_template},
    },
};

#[component]
pub fn CatalogueView() -> impl IntoView {
    let locale = use_locale();
    let (filters, notes) = {
        let query = use_query_map();
        let query = query.read_untracked();
        parse(&|name| query.get(name))
    };
    let is_map = filters.view == View::Map;
    let results = Resource::new(
        {
            let filters = filters.clone();
            move || filters.clone()
        },
        catalogue,
    );
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::EventsTitle)) />
        {is_map.then(|| view! { <LeafletAssets clusters=true /> })}
        <section class="container page catalogue" class:catalogue-with-map=is_map>
            <h1>{locale.t(MessageKey::EventsTitle)}</h1>
            <p class="lead">{locale.t(MessageKey::EventsLead)}</p>
            <div id="catalogue-notes">
                {(!notes.is_empty()).then(|| view! {
                    <ul class="notice notice-warning catalogue-notes">
                        {notes.iter().map(|key| view! { <li>{locale.t(*key)}</li> }).collect_view()}
                    </ul>
                })}
            </div>
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

fn count_text(locale: Locale, page: &CataloguePage) -> String {
    let t = move |key| locale.t(key);
    match (page.total, page.more) {
        (n, true) => format!(
            "{} {} {}",
            t(MessageKey::CatalogueCountMoreThan),
            crate::i18n::format_count(n, locale),
            t(MessageKey::CatalogueCountMany)
        ),
        (0, _) => t(MessageKey::CatalogueCountNone).to_owned(),
        (1, _) => t(MessageKey::CatalogueCountOne).to_owned(),
        (n, _) => format!(
            "{} {}",
            crate::i18n::format_count(n, locale),
            t(MessageKey::CatalogueCountMany)
        ),
    }
}

#[component]
fn Catalogue(locale: Locale, filters: Filters, page: CataloguePage) -> impl IntoView {
    let t = move |key| locale.t(key);
    let count = count_text(locale, &page);
    let view_kind = filters.view;
    let views = [
        (View::Grid, MessageKey::CatalogueViewGrid),
        (View::List, MessageKey::CatalogueViewList),
        (View::Map, MessageKey::CatalogueViewMap),
    ]
    .into_iter()
    .map(|(kind, key)| {
        let href = match filters.to_query_in(1, kind) {
            q if q.is_empty() => "/events".to_owned(),
            q => format!("/events?{q}"),
        };
        let current = (kind == view_kind).then_some("page");
        view! { <a href=href aria-current=current>{t(key)}</a> }
    })
    .collect_view();
    let capped = view_kind == View::Map && page.has_next && filters.page <= 1;
    // The live catalogue puts this canonical query in the address bar.
    let canonical = filters.to_query(filters.page.max(1));
    view! {
        <FilterForm locale filters=filters.clone() categories=page.categories.clone() />
        <div class="catalogue-head">
            <p id="catalogue-count" class="catalogue-count" role="status" tabindex="-1">{count}</p>
            <nav id="catalogue-views" class="view-switch" aria-label=t(MessageKey::CatalogueViews)>{views}</nav>
            <a id="catalogue-feed" class="calendar-feed" href=format!("/events/calendar.ics?{}", filters.to_query_in(1, View::Grid))>
                {t(MessageKey::CatalogueSubscribe)}
            </a>
        </div>
        <div class="catalogue-body">
            {(view_kind == View::Map).then(|| view! { <CatalogueMap locale tiles=tile_template() /> })}
            <div id="catalogue-results" class="catalogue-results" data-query=canonical>
                // The cards' titles are h3s: their section needs its h2.
                <h2 class="visually-hidden">{locale.pick("Résultats", "Results")}</h2>
                <Results locale filters page capped />
            </div>
        </div>
    }
}

#[component]
fn Results(locale: Locale, filters: Filters, page: CataloguePage, capped: bool) -> impl IntoView {
    let t = move |key| locale.t(key);
    if page.cards.is_empty() {
        return view! {
            <div class="empty">
                <p>{locale.pick("Aucun événement ne correspond à ces filtres. Essayez une autre date, une autre ville ou moins de filtres.", "No event matches these filters. Try another date, another city or fewer filters.")}</p>
                <p><a href="/events">{t(MessageKey::CatalogueReset)}</a></p>
            </div>
        }
        .into_any();
    }
    let current = filters.page.max(1);
    let pager = (current > 1 || page.has_next).then(|| {
        let link = |n: u32| format!("/events?{}", filters.to_query(n));
        view! {
            <nav class="pager" aria-label=t(MessageKey::CataloguePager)>
                {(current > 1).then(|| view! { <a class="button button-ghost" rel="prev" data-live-link href=link(current - 1)>{t(MessageKey::CataloguePrevious)}</a> })}
                <span>{format!("{} {current}", t(MessageKey::CataloguePage))}</span>
                {page.has_next.then(|| view! { <a class="button button-ghost" rel="next" data-live-link href=link(current + 1)>{t(MessageKey::CatalogueNext)}</a> })}
            </nav>
        }
    });
    let list = match filters.view {
        View::Grid => view! {
            <div class="event-grid">
                {page.cards.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
            </div>
        }
        .into_any(),
        View::List => view! {
            <div class="event-list">
                {page.cards.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
            </div>
        }
        .into_any(),
        View::Map => {
            let online = page.points.iter().filter(|p| p.is_none()).count();
            view! {
                {capped.then(|| view! { <p class="notice">{format!("{} {MAP_LIMIT}.", locale.pick("La carte montre les premiers événements trouvés ; affinez les filtres pour voir les autres. Au plus", "The map shows the first events found; narrow the filters to see the others. At most"))}</p> })}
                {(online > 0).then(|| view! { <p class="map-online">{format!("{online} {}", t(MessageKey::CatalogueMapOnline))}</p> })}
                <ol class="map-list">
                    {page.cards.into_iter().zip(page.points).map(|(event, point)| view! { <MapItem locale event point /> }).collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    view! { {list} {pager} }.into_any()
}

/// One result beside the map; its place (as data attributes) is what the map draws.
#[component]
fn MapItem(locale: Locale, event: EventCard, point: Option<(String, String)>) -> impl IntoView {
    let (lat, lon) = point.unzip();
    let place = event
        .city
        .clone()
        .unwrap_or_else(|| locale.t(event.mode.label()).to_owned());
    view! {
        <li class="map-item" data-lat=lat data-lon=lon data-freefood=event.free_food.then_some("")>
            <a href=format!("/events/{}", event.slug)>{event.title}</a>
            <span class="map-item-meta">
                <time datetime=event.starts_iso>{event.starts_label}</time>" · "{place}
            </span>
            {event.free_food.then(|| view! { <FreeFoodBadge locale /> })}
        </li>
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
        Some(Sort::Popular) => "popular",
        _ => "soonest",
    };
    let near = filters.near.is_some();
    let (lat, lon) = filters
        .near
        .map(|(a, b)| {
            (
                super::model::format_degrees(a),
                super::model::format_degrees(b),
            )
        })
        .unzip();
    let radius = if near {
        filters.radius_km
    } else {
        DEFAULT_RADIUS_KM
    };
    let clear_near = if near {
        let without = Filters {
            near: None,
            sort: filters.sort.filter(|s| *s != Sort::Nearest),
            ..filters.clone()
        };
        let href = match without.to_query(1) {
            q if q.is_empty() => "/events".to_owned(),
            q => format!("/events?{q}"),
        };
        view! { <a data-clear-near data-live-link class="clear-near" href=href>{t(MessageKey::CatalogueClearPosition)}</a> }.into_any()
    } else {
        view! { <span data-clear-near hidden></span> }.into_any()
    };
    let category = filters.category.clone().unwrap_or_default();
    view! {
        <form id="catalogue-filters" class="filters" method="get" action="/events" role="search">
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
                    {(when == "range").then(|| option("range", MessageKey::CatalogueRange, when))}
                </select>
            </div>
            {filters.from.map(|d| view! { <input type="hidden" name="from" value=d.to_string() /> })}
            {filters.to.map(|d| view! { <input type="hidden" name="to" value=d.to_string() /> })}
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
                    {option("popular", MessageKey::CatalogueSortPopular, sort)}
                    <option value="nearest" selected=sort == "nearest" disabled=!near>{t(MessageKey::CatalogueSortNearest)}</option>
                </select>
            </div>
            <input id="filter-lat" type="hidden" name="lat" value=lat.unwrap_or_default() />
            <input id="filter-lon" type="hidden" name="lon" value=lon.unwrap_or_default() />
            {(filters.view != View::Grid).then(|| view! { <input type="hidden" name="view" value=filters.view.as_param() /> })}
            <label class="choice filter-freefood" for="filter-freefood">
                <input id="filter-freefood" type="checkbox" name="freefood" value="1" checked=filters.free_food />
                <span>{t(MessageKey::CatalogueFreeFoodOnly)}</span>
            </label>
            <button type="submit" class="button button-primary">{t(MessageKey::CatalogueApply)}</button>
            <div class="filter-position">
                <CatalogueLive locale />
                <div class="field filter-radius">
                    <label for="filter-radius">{t(MessageKey::CatalogueRadius)}</label>
                    <select id="filter-radius" name="radius" disabled=!near>
                        {[2u32, 5, 10, 25, 50, 100, 200].into_iter().map(|km| view! {
                            <option value=km.to_string() selected=km == radius>{format!("{km} km")}</option>
                        }).collect_view()}
                    </select>
                </div>
                {clear_near}
            </div>
        </form>
    }
}
