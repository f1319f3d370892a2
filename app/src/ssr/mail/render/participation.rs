//! Mails about a registration's life after the confirmation (waitlist, cancellation) and the mails
//! organizers send or receive about their participants.

use super::{Body, Draft, RenderContext, events::event_facts, tr};
use crate::{i18n::Locale, ssr::mail::message::EventFacts, ssr::mail::message::ParticipantChange};

pub(super) fn waitlist_joined(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    manage_token: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "L’événement est complet : vous êtes sur la liste d’attente. Si une place se libère, nous vous l’offrons par email, pour un temps limité.",
            "The event is full: you are on the waiting list. If a seat frees up, we offer it to you by email, for a limited time.",
        ))
        .facts(&event_facts(event, locale))
        .button(
            t("Voir ma place dans la file", "See my place in line"),
            &context.link(&format!("/manage/{manage_token}")),
        )
        .small(t(
            "Ce lien est personnel. Il permet aussi de quitter la liste d’attente.",
            "This link is personal. It also lets you leave the waiting list.",
        ));
    (
        format!("{} — {}", t("Liste d’attente", "Waiting list"), event.title),
        body,
    )
}

pub(super) fn cancelled(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    offer_expired: bool,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let lead = if offer_expired {
        t(
            "Le délai pour accepter la place qui vous était offerte est passé : elle a été proposée à la personne suivante.",
            "The time to accept the seat offered to you has passed: it went to the next person.",
        )
    } else {
        t(
            "Votre inscription est annulée et votre place a été libérée. Merci de nous avoir prévenus.",
            "Your registration is cancelled and your seat was given back. Thanks for letting us know.",
        )
    };
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(lead)
        .facts(&event_facts(event, locale))
        .button(
            t("Voir l’événement", "See the event"),
            &context.link(&format!("/events/{}", event.slug)),
        );
    (
        format!(
            "{} — {}",
            t("Inscription annulée", "Registration cancelled"),
            event.title
        ),
        body,
    )
}

fn fill(locale: Locale, (taken, capacity): (i32, Option<i32>)) -> String {
    match capacity {
        Some(capacity) => format!("{taken} / {capacity}"),
        None => format!("{taken} ({})", tr(locale, "sans limite", "no limit")),
    }
}

pub(super) fn organizer_activity(
    locale: Locale,
    context: &RenderContext,
    event: &EventFacts,
    full_name: &str,
    seats: i32,
    change: ParticipantChange,
    fill_now: (i32, Option<i32>),
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let what = match change {
        ParticipantChange::Registered => t("Nouvelle inscription", "New registration"),
        ParticipantChange::Waitlisted => t(
            "Nouvelle personne en liste d’attente",
            "New person on the waiting list",
        ),
        ParticipantChange::Cancelled => t("Annulation", "Cancellation"),
    };
    let body = Body::default()
        .heading(what)
        .facts(&[
            (t("Événement", "Event"), event.title.clone()),
            (t("Participant", "Participant"), full_name.to_owned()),
            (t("Places", "Seats"), seats.to_string()),
            (t("Places prises", "Seats taken"), fill(locale, fill_now)),
        ])
        .button(
            t("Voir les participants", "See the participants"),
            &context.link(&format!("/organizer/events/{}/participants", event.id)),
        )
        .small(t(
            "Vous recevez ce message à chaque inscription : changez-le dans les réglages de l’événement (notifications).",
            "You get this message for each registration: change it in the event's settings (notifications).",
        ));
    (format!("{what} — {}", event.title), body)
}

pub(super) fn organizer_digest(
    locale: Locale,
    context: &RenderContext,
    event: &EventFacts,
    (registered, cancelled): (i64, i64),
    fill_now: (i32, Option<i32>),
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .heading(t("Votre résumé du jour", "Your daily summary"))
        .facts(&[
            (t("Événement", "Event"), event.title.clone()),
            (
                t("Inscriptions (24 h)", "Registrations (24 h)"),
                registered.to_string(),
            ),
            (
                t("Annulations (24 h)", "Cancellations (24 h)"),
                cancelled.to_string(),
            ),
            (t("Places prises", "Seats taken"), fill(locale, fill_now)),
        ])
        .button(
            t("Voir les participants", "See the participants"),
            &context.link(&format!("/organizer/events/{}/participants", event.id)),
        );
    (
        format!("{} — {}", t("Résumé du jour", "Daily summary"), event.title),
        body,
    )
}

pub(super) fn participant_message(
    locale: Locale,
    context: &RenderContext,
    event: &EventFacts,
    organizer_name: &str,
    subject: &str,
    text: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let mut body = Body::default().heading(&format!(
        "{} {organizer_name}",
        t(
            "Un message de l’organisateur,",
            "A message from the organizer,"
        )
    ));
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        body = body.paragraph(paragraph);
    }
    let body = body
        .facts(&event_facts(event, locale))
        .button(
            t("Voir l’événement", "See the event"),
            &context.link(&format!("/events/{}", event.slug)),
        )
        .small(t(
            "Vous recevez ce message parce que vous êtes inscrit·e à cet événement sur Meetral.",
            "You get this message because you registered for this event on Meetral.",
        ));
    (format!("{subject} — {}", event.title), body)
}

pub(super) fn co_organizer_invitation(
    locale: Locale,
    context: &RenderContext,
    event: &EventFacts,
    inviter_name: &str,
    token: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .paragraph(&format!(
            "{inviter_name} {}",
            t(
                "vous invite à accueillir les participants de son événement sur Meetral : vous pourrez scanner les billets à l’entrée.",
                "invites you to welcome the participants of their event on Meetral: you will be able to scan tickets at the door.",
            )
        ))
        .facts(&event_facts(event, locale))
        .button(
            t("Accepter l’invitation", "Accept the invitation"),
            &context.link(&format!("/invitations/{token}")),
        )
        .small(t(
            "Le lien est valable 7 jours. Connectez-vous (ou créez un compte) pour l’accepter.",
            "The link is valid for 7 days. Sign in (or create an account) to accept it.",
        ));
    (
        format!("{} — {}", t("Invitation", "Invitation"), event.title),
        body,
    )
}
