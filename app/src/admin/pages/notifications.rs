//! `/admin/notifications`: send an announcement to a segment, see past ones, retry failed mails.

use leptos::prelude::*;

use super::{StaffPage, action_notice, query, staff_view};
use crate::{
    admin::{
        api::{AdminAnnounce, AdminRetryMail, admin_mail_overview},
        model::{AnnouncementLine, FailedMail, SEGMENTS},
    },
    i18n::{Locale, use_locale},
    ui::form::action_error,
};

fn segment_label(segment: &str, locale: Locale) -> &'static str {
    match segment {
        "organizers" => locale.pick("Organisateurs", "Organizers"),
        "participants" => locale.pick("Participants", "Participants"),
        "staff" => locale.pick("Équipe (modération, admin)", "Staff (moderators, admins)"),
        _ => locale.pick("Tous les membres", "All members"),
    }
}

#[component]
pub fn NotificationsAdminPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let sent = query("sent");
    let retried = query("retried");
    let overview = Resource::new(|| (), |_| admin_mail_overview());
    let announce = ServerAction::<AdminAnnounce>::new();
    let retry = ServerAction::<AdminRetryMail>::new();
    let error = action_error(announce)
        .get_untracked()
        .or(action_error(retry).get_untracked());
    let field = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.field_errors())
            .and_then(|f| f.get(name))
    };
    let (subject_error, body_error) = (field("subject"), field("body"));
    view! {
        <StaffPage path="/admin/notifications">
            {action_notice(locale, error.clone(), None)}
            {sent.map(|n| view! { <p class="notice notice-success" role="status" data-sent=n.clone()>{format!("{n} {}", p("e-mail(s) en file d’envoi.", "email(s) queued."))}</p> })}
            {retried.map(|n| view! { <p class="notice notice-success" role="status">{format!("{n} {}", p("e-mail(s) remis en file.", "email(s) queued again."))}</p> })}
            <section class="review-card">
                <h2>{p("Envoyer une annonce", "Send an announcement")}</h2>
                <ActionForm action=announce attr:class="form" attr:novalidate=true>
                    <div class="field"><label for="f-segment">{p("Destinataires", "Recipients")}</label>
                        <select id="f-segment" name="segment">
                            {SEGMENTS.map(|s| view! { <option value=s>{segment_label(s, locale)}</option> }).collect_view()}
                        </select></div>
                    <div class="field" class:field-invalid=subject_error.is_some()>
                        <label for="f-subject">{p("Objet", "Subject")}</label>
                        <input id="f-subject" name="subject" maxlength="120" aria-describedby="f-subject-error" />
                        <p class="field-error" id="f-subject-error">{subject_error.map(|k| locale.t(k))}</p>
                    </div>
                    <div class="field" class:field-invalid=body_error.is_some()>
                        <label for="f-body">{p("Message", "Message")}</label>
                        <textarea id="f-body" name="body" rows="6" maxlength="5000" aria-describedby="f-body-error"></textarea>
                        <p class="field-error" id="f-body-error">{body_error.map(|k| locale.t(k))}</p>
                    </div>
                    <button type="submit" class="button button-primary">{p("Envoyer", "Send")}</button>
                </ActionForm>
            </section>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(overview.await, "/admin/notifications".into(), move |(history, failed)| view! {
                        <History locale history />
                        <Failed locale failed retry />
                    }.into_any())
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn History(locale: Locale, history: Vec<AnnouncementLine>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    view! {
        <h2>{p("Annonces envoyées", "Announcements sent")}</h2>
        {if history.is_empty() {
            view! { <p class="empty">{p("Aucune annonce pour l’instant.", "No announcements yet.")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list" data-announcements>
                    {history.into_iter().map(|a| view! {
                        <li><strong>{a.subject}</strong> " · " {segment_label(&a.segment, locale)} " · " {a.recipients} " "
                            {p("destinataire(s)", "recipient(s)")} " · " {a.author} " · " {a.when_label}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Failed(
    locale: Locale,
    failed: Vec<FailedMail>,
    retry: ServerAction<AdminRetryMail>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    view! {
        <h2>{p("E-mails en échec", "Failed emails")}</h2>
        {if failed.is_empty() {
            view! { <p class="empty">{p("Aucun e-mail en échec.", "No failed emails.")}</p> }.into_any()
        } else {
            view! {
                <ActionForm action=retry attr:class="inline-form">
                    <button type="submit" class="button button-ghost">{p("Tout renvoyer", "Retry all")}</button>
                </ActionForm>
                <div class="table-scroll">
                    <table class="admin-table" data-failed-mails>
                        <thead><tr><th scope="col">{p("Destinataire", "To")}</th><th scope="col">{p("Modèle", "Template")}</th>
                            <th scope="col">{p("Essais", "Attempts")}</th><th scope="col">{p("Erreur", "Error")}</th><th scope="col"></th></tr></thead>
                        <tbody>
                            {failed.into_iter().map(|m| view! {
                                <tr>
                                    <td>{m.to}<br /><span class="muted">{m.when_label}</span></td>
                                    <td><code>{m.template}</code></td><td>{m.attempts}</td>
                                    <td class="pre-line">{m.error.unwrap_or_default()}</td>
                                    <td><ActionForm action=retry attr:class="inline-form">
                                        <input type="hidden" name="id" value=m.id.to_string() />
                                        <button type="submit" class="link-button">{p("Renvoyer", "Retry")}</button>
                                    </ActionForm></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
