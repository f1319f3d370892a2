//! `/admin/reports`: open reports grouped per event, most reported first; dismiss them or take
//! the event down with a reason.

use leptos::prelude::*;

use super::review::ReasonFields;
use crate::{
    admin::pages::{StaffPage, action_notice, query, staff_view},
    i18n::{Locale, use_locale},
    moderation::{
        api::{ModerationResolveReports, moderation_reports},
        model::{ReportGroup, ReportLine},
    },
    ui::form::action_error,
};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let done = query("done");
    let groups = Resource::new(|| (), |_| moderation_reports());
    let action = ServerAction::<ModerationResolveReports>::new();
    let error = action_error(action).get_untracked();
    view! {
        <StaffPage path="/admin/reports">
            {action_notice(locale, error, done.as_deref())}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(groups.await, "/admin/reports".into(), move |groups: Vec<ReportGroup>| {
                        if groups.is_empty() {
                            return view! { <p class="empty">{p("Aucun signalement ouvert.", "No open reports.")}</p> }.into_any();
                        }
                        groups.into_iter().map(|group| view! { <ReportGroupCard locale group action /> }).collect_view().into_any()
                    })
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn ReportGroupCard(
    locale: Locale,
    group: ReportGroup,
    action: ServerAction<ModerationResolveReports>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let id = group.event_id.to_string();
    let take_down_id = id.clone();
    let reason_ids = format!("report-{id}-");
    view! {
        <article class="review-card report-group" data-report-group=group.slug.clone()>
            <h2><a href=format!("/admin/moderation/{}", group.event_id)>{group.title}</a></h2>
            <p class="muted">
                {group.count} " " {p("signalement(s), le dernier le", "report(s), the latest on")} " " {group.latest_label}
                {group.hidden.then(|| view! { " · " <strong class="danger">{p("masqué en attendant la relecture", "hidden until reviewed")}</strong> })}
            </p>
            <ReportList locale reports=group.reports />
            <div class="decision-forms">
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="event" value=id />
                    <input type="hidden" name="verdict" value="dismiss" />
                    <button type="submit" class="button button-ghost">{p("Rejeter les signalements (l’événement reste en ligne)", "Dismiss the reports (the event stays online)")}</button>
                </ActionForm>
                <details>
                    <summary>{p("Retirer l’événement…", "Take the event down…")}</summary>
                    <ActionForm action attr:class="form">
                        <input type="hidden" name="event" value=take_down_id />
                        <input type="hidden" name="verdict" value="take_down" />
                        <ReasonFields locale error=None id_prefix=reason_ids />
                        <button type="submit" class="button button-danger">{p("Retirer et prévenir l’organisateur", "Take down and tell the organizer")}</button>
                    </ActionForm>
                </details>
            </div>
        </article>
    }
}

#[component]
pub fn ReportList(locale: Locale, reports: Vec<ReportLine>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    view! {
        <ul class="report-lines">
            {reports.into_iter().map(|r| view! {
                <li>
                    <strong>{locale.t(r.reason.label())}</strong>
                    " · " {r.when_label} " · " {if r.by_account { p("membre", "member") } else { p("visiteur", "visitor") }}
                    {(!r.details.is_empty()).then(|| view! { <p class="pre-line">{r.details}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
}
