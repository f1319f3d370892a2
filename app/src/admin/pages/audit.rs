//! `/admin/audit`: every change with who, when, from where, and before/after.

use leptos::prelude::*;

use super::{Pager, StaffPage, query, staff_view};
use crate::{
    admin::{api::admin_audit, model::AuditLine},
    i18n::{Locale, use_locale},
};

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let number = |name: &str| query(name).and_then(|v| v.parse::<i64>().ok());
    let (actor, action, target_type, target_id, page) = (
        number("actor"),
        query("action").filter(|a| !a.is_empty()),
        query("target_type").filter(|a| !a.is_empty()),
        number("target_id"),
        number("page").unwrap_or(0).max(0),
    );
    let action_value = action.clone().unwrap_or_default();
    let target_value = target_type.clone().unwrap_or_default();
    let lines = Resource::new(
        move || (actor, action.clone(), target_type.clone(), target_id, page),
        |(actor, action, target_type, target_id, page)| {
            admin_audit(actor, action, target_type, target_id, Some(page))
        },
    );
    view! {
        <StaffPage path="/admin/audit">
            <form method="get" action="/admin/audit" class="filters">
                <div class="field"><label for="f-action">{p("Action (début du nom)", "Action (start of the name)")}</label>
                    <input id="f-action" name="action" value=action_value /></div>
                <div class="field"><label for="f-target">{p("Type de cible", "Target type")}</label>
                    <select id="f-target" name="target_type">
                        <option value="">{p("Toutes", "All")}</option>
                        {["user", "event", "ticket", "report", "category", "label", "platform", "moderation_term", "announcement", "mail"].map(|t| view! {
                            <option value=t selected=target_value == t>{t}</option>
                        }).collect_view()}
                    </select></div>
                <div class="field"><label for="f-actor">{p("Auteur (n°)", "Actor (id)")}</label>
                    <input id="f-actor" name="actor" inputmode="numeric" value=actor.map(|a| a.to_string()).unwrap_or_default() /></div>
                <button type="submit" class="button button-primary">{p("Filtrer", "Filter")}</button>
            </form>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(lines.await, "/admin/audit".into(), move |lines: Vec<AuditLine>| {
                        let more = lines.len() == 100;
                        view! { <AuditTable locale lines /><Pager locale page more /> }.into_any()
                    })
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
pub fn AuditTable(locale: Locale, lines: Vec<AuditLine>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if lines.is_empty() {
        return view! { <p class="empty">{p("Aucune entrée.", "No entries.")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" data-audit>
                <thead><tr>
                    <th scope="col">{p("Quand", "When")}</th>
                    <th scope="col">{p("Qui", "Who")}</th>
                    <th scope="col">{p("Action", "Action")}</th>
                    <th scope="col">{p("Cible", "Target")}</th>
                    <th scope="col">{p("Avant / après", "Before / after")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let target = match (line.target_type.as_deref(), line.target_id) {
                            (Some("user"), Some(id)) => view! { <a href=format!("/admin/users/{id}")>{format!("user #{id}")}</a> }.into_any(),
                            (Some("event"), Some(id)) => view! { <a href=format!("/admin/events/{id}")>{format!("event #{id}")}</a> }.into_any(),
                            (Some(kind), Some(id)) => format!("{kind} #{id}").into_any(),
                            (Some(kind), None) => kind.to_owned().into_any(),
                            _ => ().into_any(),
                        };
                        let who = match (line.actor, line.actor_id) {
                            (Some(name), Some(id)) => view! { <a href=format!("/admin/users/{id}")>{name}</a> }.into_any(),
                            _ => p("Système", "System").into_any(),
                        };
                        view! {
                            <tr>
                                <td>{line.when_label}{line.ip.map(|ip| view! { <br /><span class="muted">{ip}</span> })}</td>
                                <td>{who}</td>
                                <td><code>{line.action}</code></td>
                                <td>{target}</td>
                                <td><pre class="details" tabindex="0">{line.details}</pre></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}
