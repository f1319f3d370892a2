//! `/admin/events` (filters by status, dates, organizer, deleted) and `/admin/events/{id}` (facts,
//! labels, participants with their tickets, deletion, history).

use leptos::prelude::*;

use super::{
    Pager, StaffPage, action_notice, audit::AuditTable, query, record_page, staff_view,
    tickets::TicketActions,
};
use crate::{
    admin::{
        api::{AdminSetEventDeleted, AdminSetLabel, admin_event, admin_events},
        model::{EventAdminDetail, EventFilter, EventRow},
    },
    events::model::EventStatus,
    i18n::{Locale, use_locale},
    ui::form::action_error,
};

const STATUSES: [&str; 6] = [
    "draft",
    "pending_review",
    "published",
    "changes_requested",
    "rejected",
    "cancelled",
];

#[component]
pub fn EventsPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let filter = EventFilter::from_query(&|name| query(name));
    let f = filter.clone();
    let rows = Resource::new(move || filter.clone(), admin_events);
    let status = f.status.clone().unwrap_or_default();
    view! {
        <StaffPage path="/admin/events">
            <form method="get" action="/admin/events" class="filters" role="search">
                <div class="field"><label for="f-q">{p("Titre", "Title")}</label>
                    <input id="f-q" name="q" type="search" value=f.q.clone().unwrap_or_default() /></div>
                <div class="field"><label for="f-status">{p("Statut", "Status")}</label>
                    <select id="f-status" name="status">
                        <option value="">{p("Tous", "All")}</option>
                        {STATUSES.map(|s| view! { <option value=s selected=status == s>{locale.t(EventStatus::from_db(s).label())}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="f-from">{p("Du", "From")}</label>
                    <input id="f-from" name="from" type="date" value=f.from.clone().unwrap_or_default() /></div>
                <div class="field"><label for="f-to">{p("Au", "To")}</label>
                    <input id="f-to" name="to" type="date" value=f.to.clone().unwrap_or_default() /></div>
                <div class="field"><label for="f-organizer">{p("Organisateur (n°)", "Organizer (id)")}</label>
                    <input id="f-organizer" name="organizer" inputmode="numeric" value=f.organizer.map(|o| o.to_string()).unwrap_or_default() /></div>
                <label class="check"><input type="checkbox" name="deleted" value="1" checked=f.deleted />{p("Supprimés", "Deleted")}</label>
                <button type="submit" class="button button-primary">{p("Filtrer", "Filter")}</button>
            </form>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(rows.await, "/admin/events".into(), move |rows: Vec<EventRow>| {
                        let more = rows.len() as i64 == 50;
                        view! { <EventTable locale rows /><Pager locale page=f.page more /> }.into_any()
                    })
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
pub fn EventTable(locale: Locale, rows: Vec<EventRow>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if rows.is_empty() {
        return view! { <p class="empty">{p("Aucun événement.", "No events.")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" data-events>
                <thead><tr>
                    <th scope="col">{p("Titre", "Title")}</th><th scope="col">{p("Statut", "Status")}</th>
                    <th scope="col">{p("Date", "Date")}</th><th scope="col">{p("Organisateur", "Organizer")}</th>
                    <th scope="col">{p("Places", "Seats")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|e| view! {
                        <tr>
                            <td><a href=format!("/admin/events/{}", e.id)>{e.title}</a>
                                {e.deleted.then(|| view! { " " <span class="chip chip-danger">{p("supprimé", "deleted")}</span> })}
                                {e.hidden.map(|_| view! { " " <span class="chip">{p("masqué", "hidden")}</span> })}</td>
                            <td>{locale.t(EventStatus::from_db(&e.status).label())}</td>
                            <td>{e.starts_label}</td>
                            <td><a href=format!("/admin/users/{}", e.organizer_id)>{e.organizer_name}</a></td>
                            <td>{match e.capacity { Some(c) => format!("{} / {c}", e.seats_taken), None => e.seats_taken.to_string() }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}

#[component]
pub fn EventAdminPage() -> impl IntoView {
    record_page(
        "/admin/events",
        "/admin/events",
        admin_event,
        |locale, d| view! { <EventAdminBody locale d done=query("done") /> }.into_any(),
    )
}

#[component]
fn EventAdminBody(locale: Locale, d: EventAdminDetail, done: Option<String>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let id = d.row.id;
    let delete = ServerAction::<AdminSetEventDeleted>::new();
    let label = ServerAction::<AdminSetLabel>::new();
    let error = action_error(delete)
        .get_untracked()
        .or(action_error(label).get_untracked());
    let back = format!("/admin/events/{id}");
    view! {
        {action_notice(locale, error, done.as_deref())}
        <section class="review-card" data-event-admin=id>
            <h2>{d.row.title.clone()}</h2>
            <p>{locale.t(EventStatus::from_db(&d.row.status).label())} " · " {d.row.starts_label.clone()} " · "
                <a href=format!("/admin/users/{}", d.row.organizer_id)>{d.row.organizer_name.clone()}</a></p>
            <p class="banner-actions">
                {(!d.row.deleted).then(|| view! { <a class="button button-ghost" href=format!("/events/{}", d.row.slug)>{p("Page publique", "Public page")}</a> })}
                <a class="button button-ghost" href=format!("/admin/moderation/{id}")>{p("Modération", "Moderation")}</a>
                <a class="button button-ghost" href=format!("/admin/tickets?event={id}")>{p("Billets", "Tickets")}</a>
            </p>
            {if d.row.deleted {
                view! {
                    <ActionForm action=delete attr:class="inline-form">
                        <input type="hidden" name="event" value=id.to_string() />
                        <input type="hidden" name="deleted" value="false" />
                        <button type="submit" class="button button-success">{p("Restaurer l’événement", "Restore the event")}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <details>
                        <summary>{p("Supprimer l’événement…", "Delete the event…")}</summary>
                        <ActionForm action=delete attr:class="form">
                            <input type="hidden" name="event" value=id.to_string() />
                            <input type="hidden" name="deleted" value="true" />
                            <div class="field"><label for="f-delete-reason">{p("Motif", "Reason")}</label>
                                <textarea id="f-delete-reason" name="reason" rows="2" maxlength="2000"></textarea></div>
                            <button type="submit" class="button button-danger">{p("Supprimer (restaurable)", "Delete (can be restored)")}</button>
                        </ActionForm>
                    </details>
                }.into_any()
            }}
        </section>
        {(!d.labels.is_empty()).then(|| view! {
            <section class="review-card">
                <h2>{p("Labels partenaires", "Partner labels")}</h2>
                <ul class="plain-list">
                    {d.labels.into_iter().map(|(label_id, name, given)| view! {
                        <li>
                            <ActionForm action=label attr:class="inline-form">
                                <input type="hidden" name="event" value=id.to_string() />
                                <input type="hidden" name="label" value=label_id.to_string() />
                                <input type="hidden" name="given" value=(!given).to_string() />
                                <span>{name.clone()} {given.then(|| format!(" ✓ {}", p("attribué", "given")))}</span> " "
                                <button type="submit" class="link-button">{if given { p("Retirer", "Remove") } else { p("Attribuer", "Give") }}</button>
                            </ActionForm>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <h2>{p("Participants et billets", "Participants and tickets")}</h2>
        {if d.participants.is_empty() {
            view! { <p class="empty">{p("Personne n’est inscrit.", "Nobody registered.")}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="admin-table" data-participants>
                        <thead><tr><th scope="col">{p("Nom", "Name")}</th><th scope="col">{p("E-mail", "Email")}</th>
                            <th scope="col">{p("Statut", "Status")}</th><th scope="col">{p("Billets", "Tickets")}</th></tr></thead>
                        <tbody>
                            {d.participants.into_iter().map(|person| {
                                let back = back.clone();
                                view! {
                                    <tr>
                                        <td>{person.name}</td><td>{person.email}</td>
                                        <td>{person.status} " · " {person.seats} " " {p("place(s)", "seat(s)")}</td>
                                        <td>{person.tickets.into_iter().map(|t| view! {
                                            <div class="ticket-line"><code>{t.code.chars().take(8).collect::<String>()}</code> " " {t.attendee} " · " {t.status.clone()} " "
                                                <TicketActions locale ticket=t.id status=t.status back=back.clone() /></div>
                                        }).collect_view()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h2>{p("Historique", "History")}</h2>
        <AuditTable locale lines=d.history />
    }
}
