//! `/admin/moderation/{id}`: a submission as visitors will see it, with the checks' findings, the
//! organizer's record and history, and the decision forms.

use leptos::prelude::*;

use super::{ActionTable, queue::risk_band};
use crate::{
    admin::pages::{action_notice, record_page},
    events::pages::detail::EventDetailView,
    i18n::Locale,
    moderation::{
        api::{ModerationDecide, moderation_review},
        model::{OrganizerRecord, REASON_TEMPLATES, Review},
    },
    ui::form::action_error,
};

#[component]
pub fn ModerationReviewPage() -> impl IntoView {
    record_page(
        "/admin/moderation",
        "/admin/moderation",
        moderation_review,
        |locale, review| view! { <ReviewBody locale review /> }.into_any(),
    )
}

#[component]
fn ReviewBody(locale: Locale, review: Review) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let id = review.event.id;
    let waiting = review.status == "pending_review";
    let status = crate::events::model::EventStatus::from_db(&review.status);
    view! {
        <section class="review-facts" aria-label=p("Contrôles et contexte", "Checks and context")>
            <div class="review-card">
                <h2>{p("Contrôles automatiques", "Automated checks")}</h2>
                <p>
                    <span class=format!("risk risk-{}", risk_band(review.risk_score.unwrap_or(0))) data-risk-score>{review.risk_score.unwrap_or(0)}</span>
                    " " {p("score de risque sur 100", "risk score out of 100")}
                </p>
                {if review.reasons.is_empty() {
                    view! { <p class="muted">{p("Aucun problème détecté.", "Nothing found.")}</p> }.into_any()
                } else {
                    view! { <ul class="reasons" data-reasons>{review.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any()
                }}
                <p>{p("Statut :", "Status:")} " " <strong data-status=review.status.clone()>{locale.t(status.label())}</strong>
                    {review.hidden_reason.is_some().then(|| format!(" · {}", p("masqué", "hidden")))}</p>
            </div>
            <OrganizerCard locale organizer=review.organizer />
        </section>
        {if waiting {
            view! { <DecisionForms locale id /> }.into_any()
        } else {
            view! { <p class="notice notice-warning">{p("Cet événement n’attend pas de relecture.", "This event is not waiting for review.")}</p> }.into_any()
        }}
        {(!review.reports.is_empty()).then(|| view! {
            <h2>{p("Signalements ouverts", "Open reports")}</h2>
            <super::reports::ReportList locale reports=review.reports />
            <p><a href="/admin/reports">{p("Traiter les signalements", "Handle the reports")}</a></p>
        })}
        <h2>{p("Historique de modération", "Moderation history")}</h2>
        <ActionTable locale lines=review.history />
        <h2>{p("Aperçu : la page telle que les visiteurs la verront", "Preview: the page as visitors will see it")}</h2>
        <div class="review-preview">
            <EventDetailView detail=review.event locale />
        </div>
    }
}

#[component]
fn OrganizerCard(locale: Locale, organizer: OrganizerRecord) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    view! {
        <div class="review-card">
            <h2>{p("Organisateur", "Organizer")}</h2>
            <p><a href=format!("/admin/users/{}", organizer.id)>{organizer.name}</a> " · " {organizer.email}</p>
            <p class="muted">{p("Membre depuis le", "Member since")} " " {organizer.member_since}</p>
            <ul class="facts-inline">
                <li>{organizer.published} " " {p("publié(s)", "published")}</li>
                <li>{organizer.rejected} " " {p("refusé(s)", "rejected")}</li>
                <li>{organizer.reports} " " {p("signalement(s) reçus", "report(s) received")}</li>
                {organizer.trusted.then(|| view! { <li>{p("Organisateur de confiance", "Trusted organizer")}</li> })}
                {organizer.suspended.then(|| view! { <li class="danger">{p("Compte suspendu", "Account suspended")}</li> })}
            </ul>
        </div>
    }
}

/// The reason fields shared by "reject" and "ask for changes": a prepared reason and free text.
#[component]
pub fn ReasonFields(
    locale: Locale,
    error: Option<crate::i18n::MessageKey>,
    /// Prepended to the fields' ids where one page has several of these forms.
    #[prop(optional, into)]
    id_prefix: String,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let id = move |name: &str| format!("{id_prefix}{name}");
    view! {
        <div class="field">
            <label for=id("field-template")>{p("Motif préparé", "Prepared reason")}</label>
            <select id=id("field-template") name="template">
                <option value="">{p("— aucun —", "— none —")}</option>
                {REASON_TEMPLATES.iter().map(|(code, fr, en)| view! { <option value=*code>{locale.pick(fr, en)}</option> }).collect_view()}
            </select>
        </div>
        <div class="field" class:field-invalid=error.is_some()>
            <label for=id("field-reason")>{p("Motif (envoyé à l’organisateur)", "Reason (sent to the organizer)")}</label>
            <textarea id=id("field-reason") name="reason" rows="4" maxlength="2000"
                aria-invalid=error.is_some().then_some("true") aria-describedby=id("field-reason-error")></textarea>
            <p class="field-error" id=id("field-reason-error") aria-live="polite">{error.map(|e| locale.t(e))}</p>
        </div>
    }
}

#[component]
fn DecisionForms(locale: Locale, id: i64) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let action = ServerAction::<ModerationDecide>::new();
    let error = action_error(action).get_untracked();
    let reason_error = error
        .as_ref()
        .and_then(|e| e.field_errors())
        .and_then(|f| f.get("reason"));
    view! {
        {action_notice(locale, error.clone(), None)}
        <div class="decision-forms">
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="event" value=id.to_string() />
                <input type="hidden" name="decision" value="approve" />
                <button type="submit" class="button button-success">{p("Approuver et publier", "Approve and publish")}</button>
            </ActionForm>
            <ActionForm action attr:class="form decision-reason">
                <input type="hidden" name="event" value=id.to_string() />
                <ReasonFields locale error=reason_error />
                <div class="form-actions">
                    <button type="submit" name="decision" value="request_changes" class="button button-ghost">{p("Demander des modifications", "Ask for changes")}</button>
                    <button type="submit" name="decision" value="reject" class="button button-danger">{p("Refuser", "Reject")}</button>
                </div>
            </ActionForm>
        </div>
    }
}
