//! `/dashboard` and `/organizer/events/{id}/stats`.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{
    api::{my_dashboard, organizer_event_stats},
    model::{Dashboard, EventStats, fill_rate},
};
use crate::{
    accounts::pages::login_redirect,
    error::AppError,
    events::model::EventStatus,
    i18n::{Locale, use_locale},
    tickets::model::WalletTicket,
    ui::{chart::BarChart, error_view::ErrorPanel},
};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new(|| (), |_| my_dashboard());
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.pick("Tableau de bord", "Dashboard")) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(AppError::Unauthorized) => login_redirect("/dashboard".into()).into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(dashboard) => view! { <DashboardView dashboard locale /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardView(dashboard: Dashboard, locale: Locale) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en).to_owned();
    let counters = dashboard.counters;
    let greeting = match locale {
        Locale::Fr => format!("Bonjour {}", dashboard.first_name),
        Locale::En => format!("Hello {}", dashboard.first_name),
    };
    view! {
        <section class="container page dashboard">
            <p class="eyebrow">{p("Tableau de bord", "Dashboard")}</p>
            <h1>{greeting}</h1>
            <ul class="counters" aria-label=p("Vos chiffres", "Your figures")>
                <li><strong data-counter="organized">{counters.events_organized}</strong> " " {p("événements organisés", "events organized")}</li>
                <li><strong data-counter="participations">{counters.participations}</strong> " " {p("participations", "registrations")}</li>
                <li><strong data-counter="check-ins">{counters.check_ins}</strong> " " {p("entrées validées", "check-ins")}</li>
            </ul>
            <div class="dashboard-grid">
                <section class="card dashboard-card" aria-labelledby="dash-upcoming">
                    <h2 id="dash-upcoming">{p("Mes prochains billets", "My upcoming tickets")}</h2>
                    {if dashboard.upcoming.is_empty() {
                        view! {
                            <p class="muted">{p("Aucun billet à venir.", "No upcoming tickets.")}</p>
                            <a class="button button-primary" href="/events">{p("Trouver un événement", "Find an event")}</a>
                        }.into_any()
                    } else {
                        view! { <TicketList tickets=dashboard.upcoming locale upcoming=true /> }.into_any()
                    }}
                </section>
                <section class="card dashboard-card" aria-labelledby="dash-organized">
                    <div class="card-head">
                        <h2 id="dash-organized">{p("Mes événements", "My events")}</h2>
                        <a href="/organizer/events/new">{p("Créer", "Create")}</a>
                    </div>
                    {if dashboard.organized.is_empty() {
                        view! { <p class="muted">{p("Vous n’organisez encore aucun événement.", "You are not organizing any event yet.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="dashboard-list" data-organized>
                                {dashboard.organized.into_iter().take(8).map(|event| {
                                    let rate = fill_rate(event.seats_taken, event.capacity);
                                    let seats = match event.capacity {
                                        Some(capacity) => format!("{} / {capacity}", event.seats_taken),
                                        None => event.seats_taken.to_string(),
                                    };
                                    let open = matches!(event.status, EventStatus::Published | EventStatus::Cancelled);
                                    view! {
                                        <li>
                                            <span class=format!("status status-{:?}", event.status).to_lowercase()>{locale.t(event.status.label())}</span>
                                            " "
                                            <a href=if open { format!("/organizer/events/{}/stats", event.id) } else { format!("/organizer/events/{}/preview", event.id) }>
                                                <strong>{event.title}</strong>
                                            </a>
                                            <br /><span class="muted">{event.starts_label} " · " {p("inscrits", "registered")} " " {seats}</span>
                                            {rate.map(|rate| view! {
                                                <meter class="fill" min="0" max="100" value=rate
                                                    aria-label=format!("{} {rate} %", p("Taux de remplissage", "Fill rate"))>{rate} " %"</meter>
                                            })}
                                            {event.moderation_reason.map(|reason| view! {
                                                <p class="notice notice-warning" data-moderation-reason>
                                                    <strong>{p("Motif :", "Reason:")}</strong> " " {reason}
                                                </p>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <a href="/organizer/events">{p("Tous mes événements", "All my events")}</a>
                        }.into_any()
                    }}
                </section>
                <section class="card dashboard-card" aria-labelledby="dash-notifications">
                    <div class="card-head">
                        <h2 id="dash-notifications">{p("Notifications récentes", "Recent notifications")}</h2>
                        <a href="/notifications">{p("Tout voir", "See all")}</a>
                    </div>
                    {if dashboard.notifications.is_empty() {
                        view! { <p class="muted">{p("Rien de nouveau.", "Nothing new.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="dashboard-list">
                                {dashboard.notifications.into_iter().map(|item| view! {
                                    <li class:notification-unread=!item.read>
                                        <a href=item.link.clone()>{locale.t(crate::notifications::pages::notice_key(&item))} " " <strong>{item.subject.clone()}</strong></a>
                                        <br /><time class="muted" datetime=item.when_iso>{item.when_label}</time>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                <section class="card dashboard-card" aria-labelledby="dash-attended">
                    <h2 id="dash-attended">{p("Événements passés", "Past events")}</h2>
                    {if dashboard.attended.is_empty() {
                        view! { <p class="muted">{p("Aucun événement passé pour l’instant.", "No past events yet.")}</p> }.into_any()
                    } else {
                        view! { <TicketList tickets=dashboard.attended locale upcoming=false /> }.into_any()
                    }}
                </section>
            </div>
        </section>
    }
}

#[component]
fn TicketList(tickets: Vec<WalletTicket>, locale: Locale, upcoming: bool) -> impl IntoView {
    view! {
        <ul class="dashboard-list" data-upcoming=upcoming.then_some("") data-attended=(!upcoming).then_some("")>
            {tickets.into_iter().map(|ticket| view! {
                <li>
                    <a href=format!("/tickets/{}", ticket.code) class="ticket-link">
                        <strong>{ticket.event_title}</strong>
                        {upcoming.then(|| view! { <span class="ticket-cta">{locale.pick("Afficher le QR code", "Show the QR code")}</span> })}
                    </a>
                    <br /><span class="muted">{ticket.when} " · " {ticket.attendee_name} " · " {locale.t(ticket.status.label())}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn EventStatsPage() -> impl IntoView {
    let locale = use_locale();
    let event_id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let Some(event_id) = event_id else {
        return view! { <ErrorPanel error=AppError::NotFound /> }.into_any();
    };
    let stats = Resource::new(|| (), move |_| organizer_event_stats(event_id));
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.pick("Statistiques", "Statistics")) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match stats.await {
                    Err(AppError::Unauthorized) => login_redirect(format!("/organizer/events/{event_id}/stats")).into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(stats) => view! { <StatsView stats locale /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn StatsView(stats: EventStats, locale: Locale) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en).to_owned();
    let rate = fill_rate(stats.seats_taken, stats.capacity);
    let checkin_rate = stats.checkin_rate();
    let seats = match stats.capacity {
        Some(capacity) => format!("{} / {capacity}", stats.seats_taken),
        None => stats.seats_taken.to_string(),
    };
    let percent = |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v} %"));
    let base = format!("/organizer/events/{}", stats.id);
    view! {
        <section class="container page stats">
            <p><a href="/organizer/events">"← " {p("Mes événements", "My events")}</a></p>
            <p class="eyebrow">{p("Statistiques", "Statistics")}</p>
            <h1>{stats.title.clone()}</h1>
            <p class="muted">{stats.when.clone()}</p>
            <dl class="stat-grid">
                <div><dt>{p("Places prises", "Seats taken")}</dt><dd data-stat="seats">{seats}</dd></div>
                <div><dt>{p("Remplissage", "Fill rate")}</dt><dd data-stat="fill">{percent(rate)}</dd></div>
                <div><dt>{p("Inscriptions", "Registrations")}</dt><dd data-stat="registered">{stats.registered}</dd></div>
                <div><dt>{p("Billets", "Tickets")}</dt><dd data-stat="tickets">{stats.tickets}</dd></div>
                <div><dt>{p("Entrées validées", "Checked in")}</dt><dd data-stat="checked-in">{stats.checked_in}</dd></div>
                <div><dt>{p("Taux de présence", "Check-in rate")}</dt><dd data-stat="checkin-rate">{percent(checkin_rate)}</dd></div>
                <div><dt>{p("Annulations", "Cancellations")}</dt><dd data-stat="cancelled">{stats.cancelled}</dd></div>
                <div><dt>{p("Liste d’attente", "Waitlist")}</dt><dd data-stat="waitlist">{stats.waitlisted}</dd></div>
                <div><dt>{p("Vues de la page", "Page views")}</dt><dd data-stat="views">{stats.page_views}</dd></div>
            </dl>
            <BarChart title=p("Inscriptions par jour", "Registrations per day") bars=stats.registrations_by_day />
            <BarChart title=p("Vues de la page par jour", "Page views per day") bars=stats.views_by_day />
            <p class="muted small">{p(
                "Les vues sont comptées sans cookie ni donnée personnelle : un simple total par jour, robots exclus.",
                "Views are counted without cookies or personal data: a plain total per day, robots excluded.",
            )}</p>
            <p class="actions">
                <a class="button button-ghost" href=format!("{base}/participants")>{p("Participants", "Participants")}</a>
                <a class="button button-ghost" href=format!("{base}/checkin")>{p("Contrôle des entrées", "Check-in")}</a>
                <a class="button button-ghost" href=format!("/events/{}", stats.slug)>{p("Page publique", "Public page")}</a>
            </p>
        </section>
    }
}
