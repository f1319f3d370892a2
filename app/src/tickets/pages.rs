//! The registration box on an event page and the ticket page.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{
    api::{RegisterForEvent, ticket_by_code},
    model::{TicketStatus, TicketView},
    questions::{Question, answer_field},
};
use crate::{
    accounts::model::CurrentUser,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

/// Register for `event_id`: one tap when signed in, else the guest form. Server-rendered (a plain post
/// without WASM); `LiveForm` checks fields as people type and goes to the ticket on success.
#[component]
pub fn RegisterForm(
    locale: Locale,
    event_id: i64,
    max_seats: u32,
    questions: Vec<Question>,
    /// Full with the waitlist open: the same form puts people in line.
    waitlist: bool,
    user: Option<CurrentUser>,
) -> impl IntoView {
    let t = move |key| locale.t(key);
    let action = ServerAction::<RegisterForEvent>::new();
    let [name, email, phone]: [LiveField; 3] = std::array::from_fn(|_| LiveField::default());
    let server_error = action_error(action);
    let name_error = name.server_message(server_error, "full_name");
    let email_error = email.server_message(server_error, "email");
    let phone_error = phone.server_message(server_error, "phone");
    let field = |name: &str| {
        server_error
            .get_untracked()
            .and_then(|e| e.field_errors().and_then(|f| f.get(name)))
    };
    let (seats_error, consent_error) = (field("seats"), field("consent"));
    let attendees = (max_seats > 1).then(|| view! {
        <details class="field attendees">
            <summary>{t(MessageKey::RegisterAttendees)}</summary>
            {(2..=max_seats).map(|n| {
                let id = format!("field-attendee-{n}");
                view! {
                    <div class="field">
                        <label for=id.clone()>{format!("{} {n}", t(MessageKey::RegisterAttendee))}</label>
                        <input id=id name=format!("attendees[{}]", n - 2) type="text" maxlength="100" autocomplete="off" />
                    </div>
                }
            }).collect_view()}
        </details>
    });
    let questions = questions.into_iter().enumerate().map(|(index, question)| {
        let name = answer_field(index);
        let error = field(&name);
        let id = format!("field-{name}");
        let error_id = format!("{id}-error");
        let input_name = format!("answers[{index}]");
        let input = if question.choices.is_empty() {
            view! { <input id=id.clone() name=input_name type="text" maxlength="300" aria-describedby=error_id.clone() /> }.into_any()
        } else {
            view! {
                <select id=id.clone() name=input_name aria-describedby=error_id.clone()>
                    <option value="">"—"</option>
                    {question.choices.into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select>
            }.into_any()
        };
        view! {
            <div class="field" class:field-invalid=error.is_some()>
                <label for=id>{question.label}</label>
                {input}
                <p class="field-error" id=error_id aria-live="polite">{error.map(t)}</p>
            </div>
        }
    }).collect_view();
    let (heading, submit, one_tap) = if waitlist {
        (
            MessageKey::RegisterWaitlistHeading,
            MessageKey::RegisterWaitlistSubmit,
            MessageKey::RegisterWaitlistSubmit,
        )
    } else {
        (
            MessageKey::RegisterHeading,
            MessageKey::RegisterSubmit,
            MessageKey::RegisterOneTap,
        )
    };
    let summary = form_summary(
        locale,
        server_error.get_untracked(),
        Some(MessageKey::FormErrorSummary),
    );
    let seats = (max_seats > 1).then(|| view! {
        <div class="field" class:field-invalid=seats_error.is_some()>
            <label for="field-seats">{t(MessageKey::RegisterSeats)}</label>
            <select id="field-seats" name="seats" aria-describedby="field-seats-error">
                {(1..=max_seats).map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
            </select>
            <p class="field-error" id="field-seats-error" aria-live="polite">{seats_error.map(t)}</p>
        </div>
    });
    let seats_hidden = (max_seats <= 1).then(|| view! {
        <input type="hidden" name="seats" value="1" />
        <p class="field-error" id="field-seats-error" aria-live="polite">{seats_error.map(t)}</p>
    });
    let who = match user {
        Some(user) => view! {
            <p>{t(MessageKey::RegisterSignedInAs)} " " <strong>{user.full_name}</strong></p>
            {questions}
            <button type="submit" class="button button-primary">{t(one_tap)}</button>
        }
        .into_any(),
        None => view! {
            <p class="muted">{t(if waitlist { MessageKey::RegisterWaitlistLead } else { MessageKey::RegisterGuestLead })}</p>
            <TextField locale name="full_name" label=MessageKey::FieldFullName value=name.value error=name_error
                autocomplete="name" check="full_name" />
            <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                input_type="email" autocomplete="email" check="email" />
            <TextField locale name="phone" label=MessageKey::FieldPhone value=phone.value error=phone_error
                input_type="tel" autocomplete="tel" hint=MessageKey::FieldPhoneHint check="phone" />
            <div class="field" class:field-invalid=consent_error.is_some()>
                <div class="field-checkbox">
                    <input type="checkbox" id="field-consent" name="consent" value="on" data-check="consent"
                        aria-invalid=consent_error.is_some().then_some("true") aria-describedby="field-consent-error" />
                    <label for="field-consent">{t(MessageKey::RegisterConsent)}</label>
                </div>
                <p class="field-error" id="field-consent-error" aria-live="polite">{consent_error.map(t)}</p>
            </div>
            {questions}
            // People never see this field; robots that fill every field do.
            <div class="honeypot" aria-hidden="true">
                <label for="field-website">{t(MessageKey::RegisterHoneypot)}</label>
                <input id="field-website" name="website" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <button type="submit" class="button button-primary">{t(submit)}</button>
        }
        .into_any(),
    };
    view! {
        <section class="register-box" aria-labelledby="register-heading">
            <h2 id="register-heading">{t(heading)}</h2>
            <LiveForm>
                <ActionForm action attr:class="form" attr:novalidate=true>
                    <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                        data-validation=t(MessageKey::FormErrorSummary)>{summary.clone()}</p>
                    <input type="hidden" name="locale" value=locale.code() />
                    <input type="hidden" name="event_id" value=event_id.to_string() />
                    {seats}
                    {seats_hidden}
                    {attendees}
                    {who}
                </ActionForm>
            </LiveForm>
        </section>
    }
}

/// `/tickets/{code}`: the QR code, large, with everything needed at the door.
#[component]
pub fn TicketPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let ticket = Resource::new(
        move || params.read().get("code").unwrap_or_default(),
        move |code| ticket_by_code(code, locale),
    );
    view! {
        <super::wallet::TicketAppAssets />
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match ticket.await {
                    Ok(ticket) => view! { <TicketCard ticket locale /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TicketCard(ticket: TicketView, locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    let (status_class, status_text) = match ticket.status {
        TicketStatus::Valid => (
            "ticket-status ticket-valid",
            t(MessageKey::TicketValid).to_owned(),
        ),
        TicketStatus::Used => (
            "ticket-status ticket-used",
            match &ticket.used_at {
                Some(at) => format!(
                    "{} · {} {at}",
                    t(MessageKey::TicketUsed),
                    t(MessageKey::TicketUsedAt)
                ),
                None => t(MessageKey::TicketUsed).to_owned(),
            },
        ),
        TicketStatus::Cancelled => (
            "ticket-status ticket-cancelled",
            t(MessageKey::TicketCancelled).to_owned(),
        ),
    };
    let (data_title, data_when) = (ticket.event_title.clone(), ticket.when.clone());
    view! {
        <Title text=format!("{} — {} · Meetral", t(MessageKey::TicketTitle), ticket.event_title) />
        <article class="container page narrow ticket" data-ticket=ticket.code.clone()
            data-ticket-title=data_title data-ticket-when=data_when>
            <p class="eyebrow">{t(MessageKey::TicketTitle)}</p>
            <h1><a href=format!("/events/{}", ticket.event_slug)>{ticket.event_title.clone()}</a></h1>
            <p class=status_class data-ticket-status>{status_text}</p>
            <figure class="ticket-qr" role="img" aria-label=t(MessageKey::TicketQrLabel) inner_html=ticket.qr_svg></figure>
            <p class="ticket-code"><span class="muted">{t(MessageKey::TicketCode)}</span><br /><code>{ticket.code.clone()}</code></p>
            <p class="muted">{t(MessageKey::TicketShowAtDoor)}</p>
            <dl class="facts">
                <dt>{t(MessageKey::TicketAttendee)}</dt>
                <dd>{ticket.attendee_name}</dd>
                <dt>{t(MessageKey::EventWhen)}</dt>
                <dd><time datetime=ticket.starts_iso>{ticket.when}</time></dd>
                <dt>{t(MessageKey::EventWhere)}</dt>
                <dd>
                    {ticket.place}
                    {ticket.directions.map(|href| view! {
                        " " <a class="directions" href=href rel="noopener" target="_blank">{t(MessageKey::EventDirections)}</a>
                    })}
                    {ticket.online.then(|| view! { <span class="chip">{t(MessageKey::Online)}</span> })}
                    {ticket.online_url.map(|href| view! {
                        " " <a class="online-link" href=href.clone() rel="noopener noreferrer" target="_blank">{href.clone()}</a>
                    })}
                </dd>
            </dl>
            <div class="event-actions">
                <a class="button button-ghost" href=format!("/events/{}/calendar.ics", ticket.event_slug) download>{t(MessageKey::CalendarIcs)}</a>
                <a class="button button-ghost" href=format!("/tickets/{}/ticket.pdf", ticket.code) download>{t(MessageKey::TicketPdf)}</a>
                <button type="button" class="button button-ghost" data-print hidden>{t(MessageKey::TicketPrint)}</button>
            </div>
            <p class="no-print"><a href="/tickets">{t(MessageKey::WalletTitle)}</a></p>
        </article>
    }
}
