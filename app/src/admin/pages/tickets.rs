//! `/admin/tickets`: tickets by event, by person (email or name) or by code, with status changes.

use leptos::prelude::*;

use super::{StaffPage, action_notice, query, staff_view};
use crate::{
    admin::{
        api::{AdminSetTicketStatus, admin_tickets},
        model::TicketLine,
    },
    i18n::{Locale, use_locale},
    ui::form::action_error,
};

#[component]
pub fn TicketsPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let event = query("event").and_then(|e| e.parse::<i64>().ok());
    let person = query("person").filter(|v| !v.trim().is_empty());
    let code = query("code").filter(|v| !v.trim().is_empty());
    let done = query("done");
    let searched = event.is_some() || person.is_some() || code.is_some();
    let (person_value, code_value) = (
        person.clone().unwrap_or_default(),
        code.clone().unwrap_or_default(),
    );
    let lines = Resource::new(
        move || (event, person.clone(), code.clone()),
        |(event, person, code)| admin_tickets(event, person, code),
    );
    let back = leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        + &leptos_router::hooks::use_query_map()
            .read_untracked()
            .to_query_string();
    let action = ServerAction::<AdminSetTicketStatus>::new();
    let error = action_error(action).get_untracked();
    view! {
        <StaffPage path="/admin/tickets">
            {action_notice(locale, error, done.as_deref())}
            <form method="get" action="/admin/tickets" class="filters" role="search">
                <div class="field"><label for="f-event">{p("Événement (n°)", "Event (id)")}</label>
                    <input id="f-event" name="event" inputmode="numeric" value=event.map(|e| e.to_string()).unwrap_or_default() /></div>
                <div class="field"><label for="f-person">{p("Participant (e-mail ou nom)", "Participant (email or name)")}</label>
                    <input id="f-person" name="person" type="search" value=person_value /></div>
                <div class="field"><label for="f-code">{p("Code du billet", "Ticket code")}</label>
                    <input id="f-code" name="code" value=code_value /></div>
                <button type="submit" class="button button-primary">{p("Chercher", "Search")}</button>
            </form>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let back = back.clone();
                    Suspend::new(async move {
                        staff_view(lines.await, "/admin/tickets".into(), move |lines: Vec<TicketLine>| {
                            if searched {
                                view! { <TicketTable locale lines back /> }.into_any()
                            } else {
                                view! { <p class="muted">{p("Cherchez par événement, par participant ou par code.", "Search by event, by participant or by code.")}</p> }.into_any()
                            }
                        })
                    })
                }}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn TicketTable(locale: Locale, lines: Vec<TicketLine>, back: String) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if lines.is_empty() {
        return view! { <p class="empty">{p("Aucun billet.", "No tickets.")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" data-tickets>
                <thead><tr>
                    <th scope="col">{p("Code", "Code")}</th><th scope="col">{p("Titulaire", "Attendee")}</th>
                    <th scope="col">{p("Événement", "Event")}</th><th scope="col">{p("Statut", "Status")}</th>
                    <th scope="col">{p("Actions", "Actions")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|t| view! {
                        <tr data-ticket=t.code.clone()>
                            <td><a href=format!("/tickets/{}", t.code)><code>{t.code.chars().take(10).collect::<String>()}"…"</code></a></td>
                            <td>{t.attendee}<br /><span class="muted">{t.email}</span></td>
                            <td><a href=format!("/admin/events/{}", t.event_id)>{t.event_title}</a></td>
                            <td data-status=t.status.clone()>{t.status.clone()}{t.checked_in_label.map(|at| format!(" · {at}"))}</td>
                            <td><TicketActions locale ticket=t.id status=t.status back=back.clone() /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}

/// The status changes a ticket allows: cancel it, restore it, or undo its check-in.
#[component]
pub fn TicketActions(locale: Locale, ticket: i64, status: String, back: String) -> impl IntoView {
    let action = ServerAction::<AdminSetTicketStatus>::new();
    let choices: &[(&str, &str, &str)] = match status.as_str() {
        "valid" => &[("cancelled", "Annuler", "Cancel")],
        "used" => &[
            ("valid", "Annuler le passage", "Undo check-in"),
            ("cancelled", "Annuler", "Cancel"),
        ],
        _ => &[("valid", "Rétablir", "Restore")],
    };
    choices
        .iter()
        .map(|(to, fr, en)| {
            let back = back.clone();
            view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="ticket" value=ticket.to_string() />
                    <input type="hidden" name="status" value=*to />
                    <input type="hidden" name="back" value=back />
                    <button type="submit" class="link-button">{locale.pick(fr, en)}</button>
                </ActionForm>
            }
        })
        .collect_view()
}
