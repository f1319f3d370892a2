//! `/admin`: users, events by status, tickets and check-in rate, the queues, registrations of the
//! last 30 days (SVG chart) and the latest admin actions.

use leptos::prelude::*;

use super::{StaffPage, audit::AuditTable, staff_view};
use crate::{
    admin::{api::admin_dashboard, model::Dashboard},
    events::model::EventStatus,
    i18n::{Locale, format_count, use_locale},
    ui::chart::{Bar, BarChart},
};

#[component]
pub fn DashboardPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new(|| (), |_| admin_dashboard());
    view! {
        <StaffPage path="/admin">
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(data.await, "/admin".into(), move |d| view! { <DashboardBody locale d /> }.into_any())
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn DashboardBody(locale: Locale, d: Dashboard) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let n = move |v: i64| format_count(v, locale);
    let tiles = [
        (
            p("Utilisateurs", "Users"),
            n(d.users),
            format!(
                "{} {}",
                n(d.new_users_week),
                p("cette semaine", "this week")
            ),
            "/admin/users",
        ),
        (
            p("Comptes suspendus", "Suspended accounts"),
            n(d.suspended_users),
            String::new(),
            "/admin/users?state=suspended",
        ),
        (
            p("Billets émis", "Tickets issued"),
            n(d.tickets_issued),
            format!("{} {}", n(d.tickets_used), p("scannés", "scanned")),
            "/admin/tickets",
        ),
        (
            p("Taux de présence", "Check-in rate"),
            d.checkin_rate.map_or("—".to_owned(), |r| format!("{r} %")),
            p("événements passés", "past events").to_owned(),
            "/admin/events",
        ),
        (
            p("À relire", "To review"),
            n(d.pending_reviews),
            String::new(),
            "/admin/moderation",
        ),
        (
            p("Signalements ouverts", "Open reports"),
            n(d.open_reports),
            String::new(),
            "/admin/reports",
        ),
        (
            p("E-mails en échec", "Failed emails"),
            n(d.failed_mails),
            String::new(),
            "/admin/notifications",
        ),
    ];
    let most = d
        .events_by_status
        .iter()
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1);
    let status_rows = d
        .events_by_status
        .iter()
        .map(|(status, count)| {
            let label = locale.t(EventStatus::from_db(status).label());
            // An SVG bar: the width is an attribute (the CSP allows no inline styles).
            let width = (count * 100 / most).max(1).to_string();
            view! {
                <li>
                    <a href=format!("/admin/events?status={status}")>{label}</a>
                    <svg class="status-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                        <rect width=width height="4" rx="2" />
                    </svg>
                    <strong>{n(*count)}</strong>
                </li>
            }
        })
        .collect_view();
    let day_bars = d
        .registrations
        .iter()
        .enumerate()
        .map(|(i, (_, label, count))| Bar {
            // Every fifth day is labelled: thirty labels do not fit on a phone.
            label: if i % 5 == 0 {
                label.clone()
            } else {
                String::new()
            },
            description: format!("{label} : {count}"),
            value: *count,
        })
        .collect::<Vec<_>>();
    view! {
        <ul class="tiles" data-dashboard>
            {tiles.into_iter().map(|(title, value, note, href)| view! {
                <li class="tile"><a href=href>
                    <span class="tile-title">{title}</span>
                    <strong class="tile-value">{value}</strong>
                    <span class="tile-note">{note}</span>
                </a></li>
            }).collect_view()}
        </ul>
        <div class="charts">
            <BarChart title=p("Inscriptions par jour (30 derniers jours)", "Registrations per day (last 30 days)").to_owned() bars=day_bars />
            <section aria-labelledby="events-by-status">
                <h2 id="events-by-status">{p("Événements par statut", "Events by status")}</h2>
                <ul class="status-bars">{status_rows}</ul>
            </section>
        </div>
        <h2>{p("Dernières actions", "Latest actions")}</h2>
        <AuditTable locale lines=d.recent />
        <p><a href="/admin/audit">{p("Tout le journal d’audit", "The whole audit log")}</a></p>
    }
}
