//! Moderation pages: the queue, one submission, the reports, the log (back-office), and the report
//! form of the event page.

pub mod queue;
pub mod report_form;
pub mod reports;
pub mod review;

use leptos::prelude::*;

use super::model::ActionLine;
use crate::i18n::Locale;

/// A history of moderation actions as a table (who, when, what, why).
#[component]
pub fn ActionTable(
    locale: Locale,
    lines: Vec<ActionLine>,
    #[prop(default = false)] with_event: bool,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if lines.is_empty() {
        return view! { <p class="empty">{p("Aucune action pour l’instant.", "No actions yet.")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table">
                <thead><tr>
                    <th scope="col">{p("Quand", "When")}</th>
                    <th scope="col">{p("Qui", "Who")}</th>
                    <th scope="col">{p("Action", "Action")}</th>
                    {with_event.then(|| view! { <th scope="col">{p("Sur", "On")}</th> })}
                    <th scope="col">{p("Motif", "Reason")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let on = match (line.event_id, line.event_title, line.target_user) {
                            (Some(id), Some(title), _) => view! { <a href=format!("/admin/moderation/{id}")>{title}</a> }.into_any(),
                            (_, _, Some(user)) => view! { <span>{user}</span> }.into_any(),
                            _ => ().into_any(),
                        };
                        view! {
                            <tr>
                                <td>{line.when_label}</td>
                                <td>{line.who.unwrap_or_else(|| p("Contrôles automatiques", "Automated checks").to_owned())}</td>
                                <td>{line.action}</td>
                                {with_event.then(|| view! { <td>{on}</td> })}
                                <td class="pre-line">{line.reason.unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}

/// The moderation log (`/admin/moderation/log`): every action, newest first.
#[component]
pub fn ModerationLogPage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let lines = Resource::new(|| (), |_| super::api::moderation_log());
    view! {
        <crate::admin::pages::StaffPage path="/admin/moderation/log">
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    crate::admin::pages::staff_view(lines.await, "/admin/moderation/log".into(), |lines| {
                        view! { <ActionTable locale lines with_event=true /> }.into_any()
                    })
                })}
            </Suspense>
        </crate::admin::pages::StaffPage>
    }
}
