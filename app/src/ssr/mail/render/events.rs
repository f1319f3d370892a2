//! Mails to participants about an event: confirmation with tickets, reminder, change, cancellation,
//! waitlist offer. Dates are shown in the event's own time zone.

use chrono::{DateTime, Utc};

use super::{Attachment, Body, Draft, InlineImage, RenderContext, RenderedMail, escape, tr};
use crate::{
    i18n::{Locale, dates::format_event_start},
    ssr::{
        calendar::{self, CalendarEntry},
        mail::message::{EventFacts, TicketFacts},
        qr,
    },
};

fn when(event: &EventFacts, locale: Locale) -> String {
    format_event_start(event.starts_at, &event.time_zone, locale)
}

fn place(event: &EventFacts, locale: Locale) -> String {
    match (&event.place, event.online) {
        (Some(place), true) => format!("{place} {}", tr(locale, "et en ligne", "and online")),
        (Some(place), false) => place.clone(),
        (None, _) => tr(
            locale,
            "En ligne (le lien est sur votre billet)",
            "Online (the link is on your ticket)",
        )
        .to_owned(),
    }
}

/// When / where / what, common to every event mail.
pub(super) fn event_facts(event: &EventFacts, locale: Locale) -> Vec<(&'static str, String)> {
    vec![
        (tr(locale, "Événement", "Event"), event.title.clone()),
        (tr(locale, "Quand", "When"), when(event, locale)),
        (tr(locale, "Où", "Where"), place(event, locale)),
    ]
}

pub(super) fn registration_confirmed(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    tickets: &[TicketFacts],
    pay_on_site: Option<&str>,
    manage_token: Option<&str>,
) -> Result<RenderedMail, String> {
    let t = |fr, en| tr(locale, fr, en);
    let mut body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Votre inscription est confirmée. Présentez le QR code de votre billet à l’entrée, sur votre téléphone ou imprimé.",
            "Your registration is confirmed. Show your ticket's QR code at the door, on your phone or printed.",
        ))
        .facts(&event_facts(event, locale));
    if let Some(price) = pay_on_site {
        // `price` is the catalogue's label, which already says "to pay on site".
        body = body.facts(&[(t("Prix", "Price"), price.to_owned())]);
    }
    let mut images = Vec::new();
    for (index, ticket) in tickets.iter().enumerate() {
        let content_id = format!("ticket-{index}@meetral");
        let link = context.link(&format!("/tickets/{}", ticket.code));
        let alt = format!(
            "{} — {}",
            t("QR code du billet", "Ticket QR code"),
            ticket.attendee_name
        );
        let label = t("Ouvrir le billet", "Open the ticket");
        body = body.block(
            &format!("{} : {}\n{label} : {link}\n\n", t("Billet", "Ticket"), ticket.attendee_name),
            format!(
                r#"<div style="text-align:center;margin:0 0 24px;padding:16px;border:1px solid #D5DBE3;border-radius:12px"><p style="margin:0 0 8px;font-weight:700">{name}</p><img src="cid:{content_id}" alt="{alt}" width="200" height="200" style="display:block;margin:0 auto 12px;width:200px;height:200px;background:#FFFFFF;padding:8px"><a href="{link}" style="color:#0056B3;font-weight:600">{label}</a></div>"#,
                name = escape(&ticket.attendee_name),
                alt = escape(&alt),
                link = escape(&link),
                label = escape(label),
            ),
        );
        images.push(InlineImage {
            content_id,
            png: qr::png(&ticket.qr_payload)?,
            alt,
        });
    }
    body = body.button(
        t("Voir l’événement", "See the event"),
        &context.link(&format!("/events/{}", event.slug)),
    );
    if let Some(token) = manage_token {
        body = body.block(
            &format!(
                "{} : {}\n\n",
                t("Gérer mon inscription", "Manage my registration"),
                context.link(&format!("/manage/{token}"))
            ),
            format!(
                r#"<p style="margin:0 0 16px"><a href="{link}" style="color:#0056B3;font-weight:600">{label}</a> — {note}</p>"#,
                link = escape(&context.link(&format!("/manage/{token}"))),
                label = escape(t("Gérer mon inscription", "Manage my registration")),
                note = escape(t(
                    "ce lien est personnel : ne le transférez pas.",
                    "this link is personal: do not forward it.",
                )),
            ),
        );
    }
    body = body.small(t(
        "Le fichier .ics joint ajoute l’événement à votre agenda. Le lien « Gérer mon inscription » permet d’annuler et de libérer votre place.",
        "The attached .ics file adds the event to your calendar. The \"Manage my registration\" link lets you cancel and free your seat.",
    ));
    let subject = format!("{} — {}", t("Votre billet", "Your ticket"), event.title);
    let mut rendered = body.finish(locale, subject, context);
    rendered.inline_images = images;
    rendered
        .attachments
        .push(ics_attachment(event, context, false));
    Ok(rendered)
}

fn ics_attachment(event: &EventFacts, context: &RenderContext, cancelled: bool) -> Attachment {
    let ics = calendar::document(
        "Meetral",
        &[CalendarEntry {
            uid: calendar::event_uid(event.id),
            title: &event.title,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            location: event.place.as_deref(),
            url: context.link(&format!("/events/{}", event.slug)),
            description: None,
            cancelled,
        }],
    );
    Attachment {
        filename: format!("{}.ics", event.slug),
        content_type: "text/calendar; charset=utf-8",
        bytes: ics.into_bytes(),
    }
}

pub(super) fn reminder(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    ticket_codes: &[String],
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let mut body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Petit rappel : votre événement approche. Gardez votre billet à portée de main.",
            "A quick reminder: your event is coming up. Keep your ticket at hand.",
        ))
        .facts(&event_facts(event, locale));
    for code in ticket_codes {
        body = body.button(
            t("Afficher mon billet", "Show my ticket"),
            &context.link(&format!("/tickets/{code}")),
        );
    }
    (
        format!("{} — {}", t("Rappel", "Reminder"), event.title),
        body,
    )
}

pub(super) fn changed(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    previous_starts_at: Option<DateTime<Utc>>,
    previous_place: Option<&str>,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let mut changes = Vec::new();
    if let Some(before) = previous_starts_at {
        changes.push((
            t("Date et heure", "Date and time"),
            format!(
                "{} → {}",
                format_event_start(before, &event.time_zone, locale),
                when(event, locale)
            ),
        ));
    }
    if let Some(before) = previous_place {
        changes.push((
            t("Lieu", "Place"),
            format!("{before} → {}", place(event, locale)),
        ));
    }
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "L’organisateur a modifié un événement auquel vous êtes inscrit·e. Votre billet reste valable.",
            "The organizer changed an event you registered for. Your ticket stays valid.",
        ))
        .facts(&changes)
        .facts(&event_facts(event, locale))
        .button(
            t("Voir l’événement", "See the event"),
            &context.link(&format!("/events/{}", event.slug)),
        )
        .small(t(
            "Si vous ne pouvez plus venir, annulez votre inscription depuis votre billet pour libérer la place.",
            "If you can no longer come, cancel your registration from your ticket to free the seat.",
        ));
    (
        format!("{} — {}", t("Modification", "Change"), event.title),
        body,
    )
}

pub(super) fn cancelled(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    message: Option<&str>,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let mut body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Nous sommes désolés : cet événement est annulé et votre billet n’est plus valable.",
            "We are sorry: this event is cancelled and your ticket is no longer valid.",
        ))
        .facts(&event_facts(event, locale));
    if let Some(message) = message.filter(|m| !m.trim().is_empty()) {
        body = body.paragraph(&format!(
            "{}\n{message}",
            t("Message de l’organisateur :", "Message from the organizer:")
        ));
    }
    body = body.button(
        t("Trouver un autre événement", "Find another event"),
        &context.link("/events"),
    );
    (
        format!("{} — {}", t("Annulé", "Cancelled"), event.title),
        body,
    )
}

pub(super) fn waitlist_offer(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event: &EventFacts,
    token: &str,
    expires_at: DateTime<Utc>,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Une place s’est libérée pour un événement où vous étiez sur liste d’attente. Elle vous est réservée pour un temps limité.",
            "A seat freed up for an event you were waitlisted for. It is held for you for a limited time.",
        ))
        .facts(&event_facts(event, locale))
        .button(
            t("Accepter la place", "Accept the seat"),
            &context.link(&format!("/tickets/offer/{token}")),
        )
        .small(&format!(
            "{} {}",
            t(
                "Sans réponse de votre part, l’offre passe à la personne suivante le",
                "Without an answer, the offer goes to the next person on",
            ),
            format_event_start(expires_at, &event.time_zone, locale)
        ));
    (
        format!(
            "{} — {}",
            t("Une place pour vous", "A seat for you"),
            event.title
        ),
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::super::{render, test_support::context};
    use crate::{
        i18n::Locale,
        ssr::mail::message::{EventFacts, Mail, TicketFacts},
    };
    use chrono::{TimeZone, Utc};

    fn event() -> EventFacts {
        let starts = Utc
            .with_ymd_and_hms(2026, 12, 5, 18, 0, 0)
            .single()
            .expect("date");
        EventFacts {
            id: 9,
            slug: "afterwork-lyon".into(),
            title: "Afterwork & buffet".into(),
            starts_at: starts,
            ends_at: starts + chrono::Duration::hours(2),
            time_zone: "Europe/Paris".into(),
            place: Some("H7, 70 quai Perrache, Lyon".into()),
            online: false,
        }
    }

    #[test]
    fn confirmation_has_a_qr_per_ticket_an_ics_and_the_local_time() {
        let mail = Mail::RegistrationConfirmed {
            full_name: "Léa".into(),
            event: event(),
            tickets: vec![
                TicketFacts {
                    code: "AAAA".into(),
                    attendee_name: "Léa".into(),
                    qr_payload: "M1.AAAA".into(),
                },
                TicketFacts {
                    code: "BBBB".into(),
                    attendee_name: "Tom".into(),
                    qr_payload: "M1.BBBB".into(),
                },
            ],
            pay_on_site: Some("12 €".into()),
            manage_token: Some("MANAGE".into()),
        };
        let fr = render(&mail, Locale::Fr, &context()).expect("renders");
        assert!(
            fr.text.contains("https://meetral.fr/manage/MANAGE"),
            "the private link"
        );
        assert_eq!(fr.subject, "Votre billet — Afterwork & buffet");
        // 18:00 UTC is 19:00 in Paris in December.
        assert!(
            fr.text.contains("samedi 5 décembre 2026 · 19:00"),
            "{}",
            fr.text
        );
        assert!(fr.text.contains("https://meetral.fr/tickets/BBBB"));
        assert!(fr.text.contains("12 €"));
        assert_eq!(fr.inline_images.len(), 2);
        assert!(
            fr.html.contains("cid:ticket-0@meetral") && fr.html.contains("cid:ticket-1@meetral")
        );
        assert_eq!(fr.attachments.len(), 1);
        let ics = String::from_utf8(fr.attachments[0].bytes.clone()).expect("utf-8");
        assert!(ics.contains("UID:event-9@meetral.fr") && ics.contains("DTSTART:20261205T180000Z"));
        let en = render(&mail, Locale::En, &context()).expect("renders");
        assert!(en.text.contains("Saturday, December 5, 2026 · 7:00 PM"));
    }

    #[test]
    fn a_change_shows_before_and_after_in_the_event_zone() {
        let mut moved = event();
        moved.time_zone = "America/Martinique".into();
        let before = moved.starts_at - chrono::Duration::days(1);
        let mail = Mail::EventChanged {
            full_name: "Léa".into(),
            event: moved,
            previous_starts_at: Some(before),
            previous_place: None,
        };
        let fr = render(&mail, Locale::Fr, &context()).expect("renders");
        assert!(
            fr.text.contains("vendredi 4 décembre 2026 · 14:00 (America/Martinique) → samedi 5 décembre 2026 · 14:00"),
            "{}",
            fr.text
        );
    }

    #[test]
    fn cancellation_and_offer_and_reminder_render_in_english() {
        let cancelled = Mail::EventCancelled {
            full_name: "Tom".into(),
            event: event(),
            message: Some("Strike".into()),
        };
        let text = render(&cancelled, Locale::En, &context())
            .expect("renders")
            .text;
        assert!(text.contains("cancelled") && text.contains("Strike"));
        let offer = Mail::WaitlistOffer {
            full_name: "Tom".into(),
            event: event(),
            token: "offer1".into(),
            expires_at: event().starts_at,
        };
        let text = render(&offer, Locale::En, &context())
            .expect("renders")
            .text;
        assert!(text.contains("/tickets/offer/offer1"));
        let reminder = Mail::EventReminder {
            full_name: "Tom".into(),
            event: event(),
            ticket_codes: vec!["C1".into()],
        };
        let text = render(&reminder, Locale::En, &context())
            .expect("renders")
            .text;
        assert!(text.contains("/tickets/C1") && text.contains("reminder"));
    }
}
