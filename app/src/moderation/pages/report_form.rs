//! "Report this event", at the foot of the event page: a reason, optional details and (for
//! visitors) an optional address for the acknowledgement. A plain form that works without WASM.

use leptos::prelude::*;

use crate::{
    i18n::{Locale, MessageKey},
    moderation::{api::ReportEvent, model::ReportReason},
    ui::form::{action_error, form_summary},
};

#[component]
pub fn ReportForm(locale: Locale, slug: String, signed_in: bool, sent: bool) -> impl IntoView {
    let t = move |key| locale.t(key);
    let action = ServerAction::<ReportEvent>::new();
    let error = action_error(action).get_untracked();
    let field = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.field_errors())
            .and_then(|f| f.get(name))
    };
    let (reason_error, details_error, email_error) =
        (field("reason"), field("details"), field("email"));
    let summary = form_summary(locale, error.clone(), Some(MessageKey::FormErrorSummary));
    let open = error.is_some();
    view! {
        {sent.then(|| view! { <p class="notice notice-success" role="status" data-report-sent>{t(MessageKey::ReportSent)}</p> })}
        <details class="report-event" open=open>
            <summary>{t(MessageKey::ReportTitle)}</summary>
            <p>{t(MessageKey::ReportLead)}</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <p class="notice notice-error" role="alert" hidden=summary.is_none()>{summary.clone()}</p>
                <input type="hidden" name="slug" value=slug />
                <div class="field" class:field-invalid=reason_error.is_some()>
                    <label for="field-report-reason">{t(MessageKey::ReportReasonLabel)}</label>
                    <select id="field-report-reason" name="reason" required
                        aria-invalid=reason_error.is_some().then_some("true") aria-describedby="field-report-reason-error">
                        <option value="">"—"</option>
                        {ReportReason::ALL.into_iter().map(|r| view! { <option value=r.code()>{t(r.label())}</option> }).collect_view()}
                    </select>
                    <p class="field-error" id="field-report-reason-error" aria-live="polite">{reason_error.map(t)}</p>
                </div>
                <div class="field" class:field-invalid=details_error.is_some()>
                    <label for="field-report-details">{t(MessageKey::ReportDetailsLabel)}</label>
                    <textarea id="field-report-details" name="details" rows="3" maxlength="2000"
                        aria-invalid=details_error.is_some().then_some("true") aria-describedby="field-report-details-error"></textarea>
                    <p class="field-error" id="field-report-details-error" aria-live="polite">{details_error.map(t)}</p>
                </div>
                {(!signed_in).then(|| view! {
                    <div class="field" class:field-invalid=email_error.is_some()>
                        <label for="field-report-email">{t(MessageKey::ReportEmailLabel)}</label>
                        <input id="field-report-email" name="email" type="email" autocomplete="email"
                            aria-invalid=email_error.is_some().then_some("true") aria-describedby="field-report-email-error" />
                        <p class="field-error" id="field-report-email-error" aria-live="polite">{email_error.map(t)}</p>
                    </div>
                })}
                <div class="honeypot" aria-hidden="true">
                    <label for="field-report-website">{t(MessageKey::RegisterHoneypot)}</label>
                    <input id="field-report-website" name="website" type="text" tabindex="-1" autocomplete="off" />
                </div>
                <button type="submit" class="button button-ghost">{t(MessageKey::ReportSubmit)}</button>
            </ActionForm>
        </details>
    }
}
