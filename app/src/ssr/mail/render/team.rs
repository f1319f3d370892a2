//! Mails about moderation, reports and the contact form.

use super::{Body, Draft, RenderContext, tr};
use crate::{i18n::Locale, ssr::mail::message::ModerationOutcome};

#[allow(clippy::too_many_arguments)] // one argument per field of the mail
pub(super) fn moderation_decision(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    event_id: i64,
    event_slug: &str,
    event_title: &str,
    outcome: ModerationOutcome,
    reason: Option<&str>,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let (subject, verdict) = match outcome {
        ModerationOutcome::Approved => (
            t("Votre événement est publié", "Your event is published"),
            t(
                "Bonne nouvelle : votre événement a été validé par l’équipe de modération et il est maintenant visible de tous.",
                "Good news: the moderation team approved your event and everyone can now see it.",
            ),
        ),
        ModerationOutcome::Rejected => (
            t(
                "Votre événement n’a pas été publié",
                "Your event was not published",
            ),
            t(
                "Après examen, l’équipe de modération n’a pas pu publier votre événement.",
                "After review, the moderation team could not publish your event.",
            ),
        ),
        ModerationOutcome::ChangesRequested => (
            t(
                "Modifications demandées sur votre événement",
                "Changes requested on your event",
            ),
            t(
                "L’équipe de modération vous demande quelques modifications avant de publier votre événement.",
                "The moderation team asks for a few changes before publishing your event.",
            ),
        ),
    };
    let mut body = Body::default()
        .greeting(locale, full_name)
        .paragraph(verdict)
        .facts(&[(t("Événement", "Event"), event_title.to_owned())]);
    if let Some(reason) = reason.filter(|r| !r.trim().is_empty()) {
        body = body.paragraph(&format!("{}\n{reason}", t("Motif :", "Reason:")));
    }
    body = match outcome {
        ModerationOutcome::Approved => body.button(
            t("Voir la page de l’événement", "See the event page"),
            &context.link(&format!("/events/{event_slug}")),
        ),
        _ => body.button(
            t("Modifier mon événement", "Edit my event"),
            &context.link(&format!("/organizer/events/{event_id}/edit")),
        ),
    };
    (format!("{subject} — {event_title}"), body)
}

pub(super) fn report_acknowledgement(
    locale: Locale,
    context: &RenderContext,
    event_slug: &str,
    event_title: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .heading(t("Merci pour votre signalement", "Thank you for your report"))
        .paragraph(t(
            "Nous avons bien reçu votre signalement. L’équipe de modération va l’examiner ; si l’événement enfreint nos règles, il sera retiré.",
            "We received your report. The moderation team will review it; if the event breaks our rules, it will be removed.",
        ))
        .facts(&[(t("Événement signalé", "Reported event"), event_title.to_owned())])
        .button(
            t("Revoir l’événement", "See the event again"),
            &context.link(&format!("/events/{event_slug}")),
        );
    (t("Signalement reçu", "Report received").to_owned(), body)
}

pub(super) fn announcement(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    subject: &str,
    text: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let mut body = Body::default().greeting(locale, full_name);
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        body = body.paragraph(paragraph);
    }
    let body = body
        .button(t("Aller sur Meetral", "Go to Meetral"), &context.link("/"))
        .small(t(
            "Un message de l’équipe Meetral à ses membres.",
            "A message from the Meetral team to its members.",
        ));
    (subject.to_owned(), body)
}

pub(super) fn contact_team(
    locale: Locale,
    from_name: &str,
    reply_to: &str,
    subject: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .paragraph(&format!(
            "{} {from_name} <{reply_to}>.",
            t(
                "Nouveau message reçu via le formulaire de contact de",
                "New message received through the contact form from",
            )
        ))
        .facts(&[(t("Sujet", "Subject"), subject.to_owned())])
        .small(t(
            "Répondez directement à ce message : la réponse part vers l’expéditeur.",
            "Reply to this message directly: the answer goes to the sender.",
        ));
    (format!("[Contact] {subject}"), body)
}

pub(super) fn contact_copy(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    subject: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Nous avons bien reçu votre message et vous répondrons au plus vite, à cette adresse.",
            "We received your message and will answer soon, at this address.",
        ))
        .facts(&[(t("Sujet", "Subject"), subject.to_owned())])
        .small(t(
            "Vous n’avez rien envoyé ? Ignorez ce message : quelqu’un a saisi votre adresse par erreur.",
            "You sent nothing? Ignore this message: someone typed your address by mistake.",
        ))
        .button(t("Visiter Meetral", "Visit Meetral"), &context.link("/events"));
    (
        format!("{} — {subject}", t("Message reçu", "Message received")),
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::super::{render, test_support::context};
    use crate::{
        i18n::Locale,
        ssr::mail::message::{Mail, ModerationOutcome},
    };

    #[test]
    fn contact_mail_to_the_team_is_escaped_and_replies_to_the_visitor() {
        let mail = Mail::ContactFormTeam {
            contact_message_id: 1,
            from_name: "<b>Léa</b>".into(),
            reply_to: "lea@exemple.fr".into(),
            subject: "Atelier & buffet".into(),
        };
        let fr = render(&mail, Locale::Fr, &context()).expect("renders");
        assert_eq!(fr.subject, "[Contact] Atelier & buffet");
        assert!(fr.html.contains("&lt;b&gt;Léa&lt;/b&gt;") && !fr.html.contains("<b>Léa"));
        assert!(fr.text.starts_with("Nouveau message"));
        assert_eq!(fr.reply_to.as_deref(), Some("<b>Léa</b> <lea@exemple.fr>"));
        let en = render(&mail, Locale::En, &context()).expect("renders");
        assert!(en.text.starts_with("New message") && en.html.contains(r#"lang="en""#));
    }

    #[test]
    fn a_rejection_gives_the_reason_and_the_edit_link() {
        let mail = Mail::ModerationDecision {
            full_name: "Inès".into(),
            event_id: 42,
            event_slug: "atelier".into(),
            event_title: "Atelier".into(),
            outcome: ModerationOutcome::Rejected,
            reason: Some("Lien externe suspect".into()),
        };
        let fr = render(&mail, Locale::Fr, &context()).expect("renders");
        assert_eq!(fr.subject, "Votre événement n’a pas été publié — Atelier");
        assert!(fr.text.contains("Lien externe suspect"));
        assert!(
            fr.text
                .contains("https://meetral.fr/organizer/events/42/edit")
        );
    }
}
