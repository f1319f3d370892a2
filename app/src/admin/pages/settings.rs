//! `/admin/settings`: moderation thresholds, limits and registration rules, and the forbidden
//! words and blocked domains of the automated checks.

use leptos::prelude::*;

use super::{StaffPage, action_notice, query, staff_view};
use crate::{
    admin::{
        api::{AdminAddTerm, AdminRemoveTerm, AdminSaveSettings, SettingsView, admin_settings},
        model::PlatformSettings,
    },
    error::AppError,
    i18n::{Locale, use_locale},
    ui::form::{action_error, field_error},
};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = use_locale();
    let done = query("done");
    let view_data = Resource::new(|| (), |_| admin_settings());
    let save = ServerAction::<AdminSaveSettings>::new();
    let add = ServerAction::<AdminAddTerm>::new();
    let remove = ServerAction::<AdminRemoveTerm>::new();
    let error = action_error(save)
        .get_untracked()
        .or(action_error(add).get_untracked())
        .or(action_error(remove).get_untracked());
    let notice = action_notice(locale, error.clone(), done.as_deref());
    view! {
        <StaffPage path="/admin/settings">
            {notice}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let error = error.clone();
                    Suspend::new(async move {
                        staff_view(view_data.await, "/admin/settings".into(), move |data: SettingsView| view! {
                            <SettingsForm locale settings=data.settings action=save error=error.clone() />
                            <TermLists locale terms=data.terms add remove error />
                        }.into_any())
                    })
                }}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn SettingsForm(
    locale: Locale,
    settings: PlatformSettings,
    action: ServerAction<AdminSaveSettings>,
    error: Option<AppError>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let numbers: [(&'static str, &'static str, &'static str, u32); 7] = [
        (
            "auto_publish_max_score",
            "Score maximal pour la publication immédiate (0–100)",
            "Highest score for immediate publication (0–100)",
            settings.auto_publish_max_score,
        ),
        (
            "max_links",
            "Liens au plus dans une description",
            "Most links in a description",
            settings.max_links,
        ),
        (
            "new_account_days",
            "Un compte est « récent » pendant (jours)",
            "An account is “new” for (days)",
            settings.new_account_days,
        ),
        (
            "burst_limit",
            "Soumissions en 24 h d’un compte récent avant alerte",
            "Submissions in 24 h from a new account before a flag",
            settings.burst_limit,
        ),
        (
            "report_threshold",
            "Signalements qui masquent un événement",
            "Reports that hide an event",
            settings.report_threshold,
        ),
        (
            "max_submissions_per_day",
            "Soumissions par organisateur et par jour",
            "Submissions per organizer and day",
            settings.max_submissions_per_day,
        ),
        (
            "guest_retention_days",
            "Données des invités effacées après l’événement (jours)",
            "Guests’ data erased after the event (days)",
            settings.guest_retention_days,
        ),
    ];
    view! {
        <section class="review-card">
            <h2>{p("Modération, limites et inscriptions", "Moderation, limits and registration")}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <label class="check">
                    <input type="checkbox" name="auto_publish_trusted" value="on" checked=settings.auto_publish_trusted />
                    {p("Publier aussitôt les événements des organisateurs de confiance au score faible",
                       "Publish trusted organizers’ low-score events at once")}
                </label>
                {numbers.into_iter().map(|(name, fr, en, value)| {
                    let problem = field_error(&error, name);
                    view! {
                        <div class="field" class:field-invalid=problem.is_some()>
                            <label for=format!("field-{name}")>{locale.pick(fr, en)}</label>
                            <input id=format!("field-{name}") name=name type="number" inputmode="numeric" value=value.to_string()
                                aria-invalid=problem.is_some().then_some("true") aria-describedby=format!("field-{name}-error") />
                            <p class="field-error" id=format!("field-{name}-error") aria-live="polite">{problem.map(|k| locale.t(k))}</p>
                        </div>
                    }
                }).collect_view()}
                <label class="check">
                    <input type="checkbox" name="guest_registration" value="on" checked=settings.guest_registration />
                    {p("Permettre l’inscription sans compte", "Allow registering without an account")}
                </label>
                <button type="submit" class="button button-primary">{p("Enregistrer", "Save")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TermLists(
    locale: Locale,
    terms: Vec<(i64, String, String)>,
    add: ServerAction<AdminAddTerm>,
    remove: ServerAction<AdminRemoveTerm>,
    error: Option<AppError>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let term_error = field_error(&error, "term");
    let lists = [
        (
            "word_fr",
            p("Mots interdits (français)", "Forbidden words (French)"),
        ),
        (
            "word_en",
            p("Mots interdits (anglais)", "Forbidden words (English)"),
        ),
        (
            "domain",
            p("Domaines de liens bloqués", "Blocked link domains"),
        ),
    ];
    view! {
        <section class="review-card" id="terms">
            <h2>{p("Listes des contrôles automatiques", "Lists of the automated checks")}</h2>
            <div class="term-lists">
                {lists.into_iter().map(|(kind, title)| view! {
                    <div>
                        <h3>{title}</h3>
                        <ul class="terms" data-terms=kind>
                            {terms.iter().filter(|(_, k, _)| k == kind).cloned().map(|(id, _, term)| view! {
                                <li>
                                    <span>{term.clone()}</span>
                                    <ActionForm action=remove attr:class="inline-form">
                                        <input type="hidden" name="id" value=id.to_string() />
                                        <button type="submit" class="link-button" aria-label=format!("{} {term}", p("Retirer", "Remove"))>{p("Retirer", "Remove")}</button>
                                    </ActionForm>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
            </div>
            <ActionForm action=add attr:class="form inline-fields" attr:novalidate=true>
                <div class="field">
                    <label for="field-kind">{p("Liste", "List")}</label>
                    <select id="field-kind" name="kind">
                        <option value="word_fr">{p("Mot (français)", "Word (French)")}</option>
                        <option value="word_en">{p("Mot (anglais)", "Word (English)")}</option>
                        <option value="domain">{p("Domaine", "Domain")}</option>
                    </select>
                </div>
                <div class="field" class:field-invalid=term_error.is_some()>
                    <label for="field-term">{p("Mot, expression ou domaine", "Word, phrase or domain")}</label>
                    <input id="field-term" name="term" type="text" maxlength="80"
                        aria-invalid=term_error.is_some().then_some("true") aria-describedby="field-term-error" />
                    <p class="field-error" id="field-term-error" aria-live="polite">{term_error.map(|k| locale.t(k))}</p>
                </div>
                <button type="submit" class="button button-primary">{p("Ajouter", "Add")}</button>
            </ActionForm>
        </section>
    }
}
