use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::{
    events::{api::event_by_slug, model::EventDetail},
    i18n::{Locale, MessageKey, use_locale},
    moderation::pages::report_form::ReportForm,
    tickets::pages::RegisterForm,
    ui::{
        badge::FreeFoodBadge,
        error_view::ErrorPanel,
        map::{EventMap, LeafletAssets, tile_template},
        share::ShareButton,
    },
};

/// `/events/{slug}`: the event as visitors see it.
#[component]
pub fn EventPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let event = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        event_by_slug,
    );
    let reported = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("reported")
        .is_some();
    view! {
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match event.await {
                    Ok(detail) => {
                        let slug = detail.card.slug.clone();
                        view! {
                            <EventHead detail=detail.clone() />
                            <EventDetailView detail locale />
                            <div class="container report-area">
                                <ReportForm locale slug signed_in=signed_in().is_some() sent=reported />
                            </div>
                        }.into_any()
                    }
                    // A report that hid the event: the thanks, above the page that is gone.
                    Err(error) => view! {
                        {reported.then(|| view! {
                            <div class="container report-area">
                                <p class="notice notice-success" role="status" data-report-sent>{locale.t(MessageKey::ReportSent)}</p>
                            </div>
                        })}
                        <ErrorPanel error />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What search engines and link previews read: title, description, canonical URL, OpenGraph, Twitter
/// card and schema.org JSON-LD. (The organizer's preview has none of it: it is not a public page.)
#[component]
fn EventHead(detail: EventDetail) -> impl IntoView {
    let card = detail.card;
    let share = detail.share;
    let image = share.image.clone();
    view! {
        <Link rel="canonical" href=share.canonical.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:title" content=card.title.clone() />
        <Meta property="og:description" content=card.summary.clone() />
        <Meta property="og:url" content=share.canonical.clone() />
        <Meta property="og:site_name" content="Meetral" />
        {image.clone().map(|image| view! { <Meta property="og:image" content=image /> })}
        <Meta name="twitter:card" content=if image.is_some() { "summary_large_image" } else { "summary" } />
        <Meta name="twitter:title" content=card.title />
        <Meta name="twitter:description" content=card.summary />
        {image.map(|image| view! { <Meta name="twitter:image" content=image /> })}
        <script type="application/ld+json" inner_html=detail.json_ld></script>
    }
}

#[component]
pub fn EventDetailView(detail: EventDetail, locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    let card = detail.card.clone();
    let status_note = if detail.is_cancelled() {
        Some(t(MessageKey::EventCancelled))
    } else if detail.is_past {
        Some(t(MessageKey::EventPast))
    } else if detail.is_full() && !detail.waitlist {
        Some(t(MessageKey::EventFull))
    } else if detail.registration_closed {
        Some(t(MessageKey::EventRegistrationClosed))
    } else {
        None
    };
    // What the registration box needs, taken before the view moves parts of `detail`.
    let register = (
        detail.id,
        detail.max_seats,
        detail.questions.clone(),
        detail.is_full(),
    );
    let cancel_message = detail
        .is_cancelled()
        .then(|| detail.status_reason.clone())
        .flatten();
    let capacity = match (detail.capacity, card.seats_left) {
        (Some(_), Some(0)) if detail.waitlist => t(MessageKey::EventFullWaitlist).to_owned(),
        (Some(_), Some(0)) => t(MessageKey::SoldOut).to_owned(),
        (Some(capacity), Some(left)) => format!("{left} {} / {capacity}", t(MessageKey::SeatsLeft)),
        _ => t(MessageKey::EventNoLimit).to_owned(),
    };
    let directions = detail
        .coordinates
        .map(|(lat, lon)| crate::events::model::directions_link(lat, lon));
    let online = card.mode != crate::events::model::AttendanceMode::InPerson;
    let in_person = card.mode != crate::events::model::AttendanceMode::Online;
    let dietary = detail
        .dietary
        .iter()
        .map(|key| t(*key))
        .collect::<Vec<_>>()
        .join(" · ");
    let share = detail.share.clone();
    let free_food = card.free_food;
    let map_label = format!(
        "{} — {}",
        t(MessageKey::EventMapLabel),
        detail
            .venue_name
            .clone()
            .or(detail.address.clone())
            .unwrap_or_default()
    );
    view! {
        <Title text=format!("{} · Meetral", card.title) />
        <Meta name="description" content=card.summary.clone() />
        <article class="container page event-page">
            <p><a href="/events">"← " {t(MessageKey::EventBackToList)}</a></p>
            {detail.cover.clone().map(|image| view! {
                <img class="event-cover" src=image.src srcset=image.srcset sizes="(min-width: 60rem) 56rem, 100vw"
                    alt=image.alt width="1200" height="630" fetchpriority="high" />
            })}
            <div class="event-card-top">
                <span class="chip">{card.category}</span>
                {card.free_food.then(|| view! { <FreeFoodBadge locale /> })}
            </div>
            <h1>{card.title.clone()}</h1>
            {status_note.map(|note| view! { <p class="notice notice-warning" role="status">{note}</p> })}
            {cancel_message.map(|message| view! { <blockquote class="cancel-message">{message}</blockquote> })}
            <p class="lead">{card.summary}</p>
            {(!detail.labels.is_empty()).then(|| view! {
                <ul class="event-labels">
                    {detail.labels.clone().into_iter().map(|(name, meaning)| view! {
                        <li><strong>{name}</strong> {(!meaning.is_empty()).then(|| format!(" — {meaning}"))}</li>
                    }).collect_view()}
                </ul>
            })}
            <dl class="facts">
                <dt>{t(MessageKey::EventWhen)}</dt>
                <dd>
                    <time datetime=card.starts_iso>{detail.starts_label_long}</time>
                    " → " <time datetime=detail.ends_iso>{detail.ends_label}</time>
                </dd>
                <dt>{t(MessageKey::EventWhere)}</dt>
                <dd class="event-place">
                    {in_person.then(|| view! {
                        {detail.venue_name.clone().map(|venue| view! { <strong>{venue}</strong><br /> })}
                        {detail.address.clone()}
                        {detail.coordinates.map(|(lat, lon)| view! {
                            <LeafletAssets />
                            <EventMap lat=format!("{lat:.6}") lon=format!("{lon:.6}") tiles=tile_template() label=map_label.clone() free_food />
                        })}
                        {directions.map(|href| view! {
                            <a class="directions" href=href rel="noopener" target="_blank">{t(MessageKey::EventDirections)}</a>
                        })}
                    })}
                    {online.then(|| view! { <span class="chip">{t(MessageKey::Online)}</span> " " {t(MessageKey::EventOnlineLinkLater)} })}
                </dd>
                <dt>{t(MessageKey::EventPrice)}</dt>
                <dd>{card.price_label}</dd>
                <dt>{t(MessageKey::EventCapacity)}</dt>
                <dd>{capacity}</dd>
                <dt>{t(MessageKey::EventOrganizer)}</dt>
                <dd>{match detail.organizer_slug {
                    Some(slug) => view! { <a href=format!("/organizers/{slug}")>{detail.organizer_name}</a> }.into_any(),
                    None => detail.organizer_name.into_any(),
                }}</dd>
                {detail.free_food_details.map(|offered| view! {
                    <dt>{t(MessageKey::EventFreeFoodOffered)}</dt>
                    <dd>{offered} {(!dietary.is_empty()).then(|| view! { <br /><span class="muted">{dietary}</span> })}</dd>
                })}
            </dl>
            {status_note.is_none().then(|| view! {
                <RegisterForm locale event_id=register.0 max_seats=register.1
                    questions=register.2 waitlist=register.3 user=signed_in() />
            })}
            <div class="event-actions">
                <a class="button button-ghost" href=share.ics download>{t(MessageKey::CalendarIcs)}</a>
                <a class="button button-ghost" href=share.google rel="noopener" target="_blank">{t(MessageKey::CalendarGoogle)}</a>
                <a class="button button-ghost" href=share.outlook rel="noopener" target="_blank">{t(MessageKey::CalendarOutlook)}</a>
                <ShareButton locale url=share.canonical title=card.title />
            </div>
            <div class="event-description" inner_html=detail.description_html></div>
            {(!detail.flyers.is_empty()).then(|| view! {
                <ul class="flyers">
                    {detail.flyers.clone().into_iter().map(|image| view! {
                        <li><img src=image.src srcset=image.srcset sizes="(min-width: 40rem) 50vw, 100vw"
                            alt=image.alt loading="lazy" /></li>
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}

/// The signed-in person, as the server read them for this page load (islands: pages render on the
/// server only).
fn signed_in() -> Option<crate::accounts::model::CurrentUser> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<crate::ui::layout::HeaderAccount>()
                    .cloned()
            })
            .and_then(|known| known.0.0)
    }
    #[cfg(not(feature = "ssr"))]
    None
}
