//! `/admin/moderation`: the events waiting for review, oldest first or riskiest first.

use leptos::prelude::*;

use crate::{
    admin::pages::{StaffPage, action_notice, query, staff_view},
    i18n::use_locale,
    moderation::{api::moderation_queue, model::QueueItem},
};

#[component]
pub fn ModerationQueuePage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let order = query("order");
    let by_risk = order.as_deref() == Some("risk");
    let done = query("done");
    let items = Resource::new(move || order.clone(), moderation_queue);
    view! {
        <StaffPage path="/admin/moderation">
            {action_notice(locale, None, done.as_deref())}
            <p class="admin-tabs">
                <span>{p("Trier par :", "Sort by:")}</span>
                <a href="/admin/moderation" aria-current=(!by_risk).then_some("page")>{p("ancienneté", "age")}</a>
                <a href="/admin/moderation?order=risk" aria-current=by_risk.then_some("page")>{p("risque", "risk")}</a>
            </p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(items.await, "/admin/moderation".into(), move |items: Vec<QueueItem>| {
                        if items.is_empty() {
                            return view! { <p class="empty">{p("Rien à relire : la file est vide.", "Nothing to review: the queue is empty.")}</p> }.into_any();
                        }
                        view! {
                            <ul class="queue" data-queue>
                                {items.into_iter().map(|item| view! {
                                    <li class="queue-item">
                                        <span class=format!("risk risk-{}", risk_band(item.risk_score))
                                            title=p("Score de risque", "Risk score")>{item.risk_score}</span>
                                        <div>
                                            <h2><a href=format!("/admin/moderation/{}", item.id)>{item.title}</a></h2>
                                            <p class="muted">{item.organizer_name} " · " {p("soumis le", "submitted")} " " {item.submitted_label}
                                                {(item.open_reports > 0).then(|| format!(" · {} {}", item.open_reports, p("signalement(s)", "report(s)")))}</p>
                                            {(!item.reasons.is_empty()).then(|| view! {
                                                <ul class="reasons">{item.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                                            })}
                                        </div>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                })}
            </Suspense>
        </StaffPage>
    }
}

/// Low (under 20), medium (under 50) or high, for the badge's colour.
pub fn risk_band(score: i32) -> &'static str {
    match score {
        ..20 => "low",
        20..50 => "medium",
        _ => "high",
    }
}
