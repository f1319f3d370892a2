//! Every mail, with a script payload in every text it carries (names, titles, places, subjects,
//! messages, reasons), in both languages: the HTML part shows the words escaped and holds no markup
//! of theirs. `every_variant` matches without a wildcard, so a new kind of mail must be added here.

use chrono::{TimeZone, Utc};

use super::{render, test_support::context};
use crate::{
    i18n::Locale,
    ssr::mail::message::{
        EventFacts, Mail, ModerationOutcome, ParticipantChange, SecurityChange, TicketFacts,
    },
};

const P: &str = "<script>window.__xss=1</script><img src=x onerror=alert(1)>\"'&";

fn text(label: &str) -> String {
    format!("{label} {P}")
}

fn event() -> EventFacts {
    let at = Utc
        .with_ymd_and_hms(2027, 3, 14, 17, 30, 0)
        .single()
        .unwrap_or_default();
    EventFacts {
        id: 7,
        slug: "atelier".into(),
        title: text("Atelier"),
        starts_at: at,
        ends_at: at,
        time_zone: "Europe/Paris".into(),
        place: Some(text("Salle")),
        online: false,
    }
}

fn every_variant() -> Vec<Mail> {
    let at = Utc
        .with_ymd_and_hms(2027, 3, 10, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let all = vec![
        Mail::AccountVerification {
            full_name: text("Nom"),
            token: "t".into(),
        },
        Mail::AccountExists {
            full_name: text("Nom"),
        },
        Mail::SecurityNotice {
            full_name: text("Nom"),
            change: SecurityChange::PasswordChanged,
        },
        Mail::PasswordReset {
            full_name: text("Nom"),
            token: "t".into(),
        },
        Mail::EmailChangeConfirmation {
            full_name: text("Nom"),
            new_email: "a@b.fr".into(),
            token: "t".into(),
        },
        Mail::EmailChangeNotice {
            full_name: text("Nom"),
            new_email: "a@b.fr".into(),
        },
        Mail::RegistrationConfirmed {
            full_name: text("Nom"),
            event: event(),
            tickets: vec![TicketFacts {
                code: "c".into(),
                attendee_name: text("Invité"),
                qr_payload: "M1.1.2.3.x".into(),
            }],
            pay_on_site: Some(text("Prix")),
            manage_token: Some("m".into()),
        },
        Mail::WaitlistJoined {
            full_name: text("Nom"),
            event: event(),
            manage_token: "m".into(),
        },
        Mail::RegistrationCancelled {
            full_name: text("Nom"),
            event: event(),
            offer_expired: false,
        },
        Mail::OrganizerActivity {
            event: event(),
            full_name: text("Nom"),
            seats: 1,
            change: ParticipantChange::Registered,
            seats_taken: 1,
            capacity: Some(10),
        },
        Mail::OrganizerDigest {
            event: event(),
            registered: 2,
            cancelled: 1,
            seats_taken: 1,
            capacity: None,
        },
        Mail::ParticipantMessage {
            event: event(),
            organizer_name: text("Orga"),
            subject: text("Sujet"),
            body: text("Corps"),
        },
        Mail::CoOrganizerInvitation {
            event: event(),
            inviter_name: text("Orga"),
            token: "t".into(),
        },
        Mail::EventReminder {
            full_name: text("Nom"),
            event: event(),
            ticket_codes: vec!["c".into()],
        },
        Mail::EventChanged {
            full_name: text("Nom"),
            event: event(),
            previous_starts_at: Some(at),
            previous_place: Some(text("Ancienne salle")),
        },
        Mail::EventCancelled {
            full_name: text("Nom"),
            event: event(),
            message: Some(text("Message")),
        },
        Mail::WaitlistOffer {
            full_name: text("Nom"),
            event: event(),
            token: "t".into(),
            expires_at: at,
        },
        Mail::ModerationDecision {
            full_name: text("Nom"),
            event_id: 7,
            event_slug: "atelier".into(),
            event_title: text("Atelier"),
            outcome: ModerationOutcome::Rejected,
            reason: Some(text("Motif")),
        },
        Mail::Announcement {
            full_name: text("Nom"),
            subject: text("Sujet"),
            body: text("Corps"),
        },
        Mail::ReportAcknowledgement {
            event_slug: "atelier".into(),
            event_title: text("Atelier"),
        },
        Mail::ContactFormTeam {
            contact_message_id: 1,
            from_name: text("Visiteur"),
            reply_to: "v@b.fr".into(),
            subject: text("Sujet"),
        },
        Mail::ContactFormCopy {
            full_name: text("Nom"),
            subject: text("Sujet"),
        },
    ];
    // No wildcard: a new kind of mail does not compile until it is listed above.
    for mail in &all {
        match mail {
            Mail::AccountVerification { .. }
            | Mail::AccountExists { .. }
            | Mail::SecurityNotice { .. }
            | Mail::PasswordReset { .. }
            | Mail::EmailChangeConfirmation { .. }
            | Mail::EmailChangeNotice { .. }
            | Mail::RegistrationConfirmed { .. }
            | Mail::WaitlistJoined { .. }
            | Mail::RegistrationCancelled { .. }
            | Mail::OrganizerActivity { .. }
            | Mail::OrganizerDigest { .. }
            | Mail::ParticipantMessage { .. }
            | Mail::CoOrganizerInvitation { .. }
            | Mail::EventReminder { .. }
            | Mail::EventChanged { .. }
            | Mail::EventCancelled { .. }
            | Mail::WaitlistOffer { .. }
            | Mail::ModerationDecision { .. }
            | Mail::Announcement { .. }
            | Mail::ReportAcknowledgement { .. }
            | Mail::ContactFormTeam { .. }
            | Mail::ContactFormCopy { .. } => {}
        }
    }
    all
}

#[test]
fn every_mail_shows_user_text_escaped_and_runs_nothing() {
    for mail in every_variant() {
        for locale in Locale::ALL {
            let rendered = render(&mail, locale, &context())
                .unwrap_or_else(|e| panic!("{}: {e}", mail.template()));
            let html = &rendered.html;
            let what = format!("{} ({locale:?})", mail.template());
            // The payload's words may stand as escaped text; its markup must not.
            for raw in [
                "<script>window.__xss",
                "<img src=x",
                "<img src=\"x\"",
                "=alert(1)>",
            ] {
                assert!(!html.contains(raw), "{what}: unescaped {raw:?}");
            }
            assert!(
                html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
                "{what}: the payload is shown, escaped"
            );
            assert!(!html.to_ascii_lowercase().contains("javascript:"), "{what}");
            assert!(
                !rendered.subject.contains('\n') && !rendered.subject.contains('\r'),
                "{what}: one-line subject"
            );
        }
    }
}
