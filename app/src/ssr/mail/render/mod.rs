//! Mail templates: subject, plain text and branded HTML (phones, dark mode) in the recipient's
//! language. Templates build both bodies at once through [`Body`], so the two never drift apart.

mod accounts;
mod events;
mod participation;
mod team;

#[cfg(test)]
mod inert_tests;

use super::message::Mail;
use crate::i18n::Locale;

/// What rendering needs besides the mail: where links point, and the unsubscribe link if any.
pub struct RenderContext<'a> {
    pub base_url: &'a str,
    /// One-click unsubscribe URL, for the optional mails.
    pub unsubscribe_url: Option<String>,
}

impl RenderContext<'_> {
    /// An absolute link to a path of the site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url.trim_end_matches('/'))
    }
}

pub struct InlineImage {
    pub content_id: String,
    pub png: Vec<u8>,
    pub alt: String,
}

pub struct Attachment {
    pub filename: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Where replies should go, when not to the platform.
    pub reply_to: Option<String>,
    /// Images the HTML shows through `cid:` links (ticket QR codes).
    pub inline_images: Vec<InlineImage>,
    pub attachments: Vec<Attachment>,
}

/// A subject and its body, before the frame.
pub(crate) type Draft = (String, Body);

pub fn render(
    mail: &Mail,
    locale: Locale,
    context: &RenderContext,
) -> Result<RenderedMail, String> {
    let (l, c) = (locale, context);
    let (subject, body) = match mail {
        Mail::AccountVerification { full_name, token } => {
            accounts::verification(l, c, full_name, token)
        }
        Mail::AccountExists { full_name } => accounts::account_exists(l, c, full_name),
        Mail::SecurityNotice { full_name, change } => {
            accounts::security_notice(l, c, full_name, *change)
        }
        Mail::PasswordReset { full_name, token } => {
            accounts::password_reset(l, c, full_name, token)
        }
        Mail::EmailChangeConfirmation {
            full_name,
            new_email,
            token,
        } => accounts::email_change_confirmation(l, c, full_name, new_email, token),
        Mail::EmailChangeNotice {
            full_name,
            new_email,
        } => accounts::email_change_notice(l, c, full_name, new_email),
        Mail::RegistrationConfirmed {
            full_name,
            event,
            tickets,
            pay_on_site,
            manage_token,
        } => {
            return events::registration_confirmed(
                l,
                c,
                full_name,
                event,
                tickets,
                pay_on_site.as_deref(),
                manage_token.as_deref(),
            );
        }
        Mail::WaitlistJoined {
            full_name,
            event,
            manage_token,
        } => participation::waitlist_joined(l, c, full_name, event, manage_token),
        Mail::RegistrationCancelled {
            full_name,
            event,
            offer_expired,
        } => participation::cancelled(l, c, full_name, event, *offer_expired),
        Mail::OrganizerActivity {
            event,
            full_name,
            seats,
            change,
            seats_taken,
            capacity,
        } => participation::organizer_activity(
            l,
            c,
            event,
            full_name,
            *seats,
            *change,
            (*seats_taken, *capacity),
        ),
        Mail::OrganizerDigest {
            event,
            registered,
            cancelled,
            seats_taken,
            capacity,
        } => participation::organizer_digest(
            l,
            c,
            event,
            (*registered, *cancelled),
            (*seats_taken, *capacity),
        ),
        Mail::ParticipantMessage {
            event,
            organizer_name,
            subject,
            body,
        } => participation::participant_message(l, c, event, organizer_name, subject, body),
        Mail::CoOrganizerInvitation {
            event,
            inviter_name,
            token,
        } => participation::co_organizer_invitation(l, c, event, inviter_name, token),
        Mail::EventReminder {
            full_name,
            event,
            ticket_codes,
        } => events::reminder(l, c, full_name, event, ticket_codes),
        Mail::EventChanged {
            full_name,
            event,
            previous_starts_at,
            previous_place,
        } => events::changed(
            l,
            c,
            full_name,
            event,
            *previous_starts_at,
            previous_place.as_deref(),
        ),
        Mail::EventCancelled {
            full_name,
            event,
            message,
        } => events::cancelled(l, c, full_name, event, message.as_deref()),
        Mail::WaitlistOffer {
            full_name,
            event,
            token,
            expires_at,
        } => events::waitlist_offer(l, c, full_name, event, token, *expires_at),
        Mail::ModerationDecision {
            full_name,
            event_id,
            event_slug,
            event_title,
            outcome,
            reason,
        } => team::moderation_decision(
            l,
            c,
            full_name,
            *event_id,
            event_slug,
            event_title,
            *outcome,
            reason.as_deref(),
        ),
        Mail::ReportAcknowledgement {
            event_slug,
            event_title,
        } => team::report_acknowledgement(l, c, event_slug, event_title),
        Mail::ContactFormTeam {
            from_name,
            reply_to,
            subject,
            ..
        } => {
            let (subject, body) = team::contact_team(l, from_name, reply_to, subject);
            let mut rendered = body.finish(locale, subject, context);
            rendered.reply_to = Some(format!("{from_name} <{reply_to}>"));
            return Ok(rendered);
        }
        Mail::Announcement {
            full_name,
            subject,
            body,
        } => team::announcement(l, c, full_name, subject, body),
        Mail::ContactFormCopy { full_name, subject } => {
            team::contact_copy(l, c, full_name, subject)
        }
    };
    Ok(body.finish(locale, subject, context))
}

/// Picks the French or English text.
pub(crate) fn tr<'a>(locale: Locale, fr: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The plain-text and HTML bodies of one mail, written side by side.
#[derive(Default)]
pub(crate) struct Body {
    text: String,
    html: String,
}

impl Body {
    /// "Bonjour Léa," / "Hello Léa," as the mail's heading.
    pub fn greeting(self, locale: Locale, full_name: &str) -> Self {
        self.heading(&format!("{} {full_name},", tr(locale, "Bonjour", "Hello")))
    }

    pub fn heading(mut self, text: &str) -> Self {
        self.text.push_str(&format!(
            "{text}\n{}\n\n",
            "=".repeat(text.chars().count().min(60))
        ));
        self.html.push_str(&format!(
            r#"<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">{}</h1>"#,
            escape(text)
        ));
        self
    }

    pub fn paragraph(mut self, text: &str) -> Self {
        self.text.push_str(&format!("{text}\n\n"));
        let html = escape(text).replace('\n', "<br>");
        self.html
            .push_str(&format!(r#"<p style="margin:0 0 16px">{html}</p>"#));
        self
    }

    /// Label / value lines (when, where, …).
    pub fn facts(mut self, facts: &[(&str, String)]) -> Self {
        self.html.push_str(
            r#"<table role="presentation" class="facts" style="width:100%;border-collapse:collapse;margin:0 0 16px;background:#F5F7FA;border-radius:8px">"#,
        );
        for (label, value) in facts {
            self.text.push_str(&format!("{label} : {value}\n"));
            self.html.push_str(&format!(
                r#"<tr><th scope="row" style="text-align:left;vertical-align:top;padding:8px 12px;font-weight:600;white-space:nowrap">{}</th><td style="padding:8px 12px">{}</td></tr>"#,
                escape(label),
                escape(value)
            ));
        }
        self.text.push('\n');
        self.html.push_str("</table>");
        self
    }

    /// The main call to action: a button in HTML, the bare link in text.
    pub fn button(mut self, label: &str, url: &str) -> Self {
        self.text.push_str(&format!("{label} :\n{url}\n\n"));
        self.html.push_str(&format!(
            r#"<p style="margin:8px 0 24px"><a class="button" href="{url}" style="display:inline-block;background:#0056B3;color:#FFFFFF;text-decoration:none;font-weight:700;padding:12px 20px;border-radius:8px">{label}</a></p>"#,
            url = escape(url),
            label = escape(label)
        ));
        self
    }

    /// Raw HTML with its plain-text equivalent (for the ticket blocks).
    pub fn block(mut self, text: &str, html: String) -> Self {
        self.text.push_str(text);
        self.html.push_str(&html);
        self
    }

    /// Smaller print under the content (why you got this mail, expiry…).
    pub fn small(mut self, text: &str) -> Self {
        self.text.push_str(&format!("{text}\n\n"));
        self.html.push_str(&format!(
            r#"<p class="muted" style="margin:0 0 12px;font-size:14px;color:#5B6470">{}</p>"#,
            escape(text)
        ));
        self
    }

    /// Wraps the bodies in the branded frame.
    pub fn finish(self, locale: Locale, subject: String, context: &RenderContext) -> RenderedMail {
        let unsubscribe = context.unsubscribe_url.as_ref().map(|url| {
            let label = tr(
                locale,
                "Ne plus recevoir ce type d’e-mail",
                "Stop receiving this kind of email",
            );
            (label, url)
        });
        let mut text = self.text;
        text.push_str("--\nMeetral — Meet. Connect. Enjoy.\n");
        text.push_str(&context.link("/"));
        text.push('\n');
        let footer_html = match &unsubscribe {
            Some((label, url)) => {
                text.push_str(&format!("{label} : {url}\n"));
                format!(
                    r#" · <a href="{}" style="color:#5B6470">{}</a>"#,
                    escape(url),
                    escape(label)
                )
            }
            None => String::new(),
        };
        let html = frame(locale, &subject, &self.html, &footer_html, context);
        RenderedMail {
            subject,
            text,
            html,
            reply_to: None,
            inline_images: Vec::new(),
            attachments: Vec::new(),
        }
    }
}

/// The branded frame shared by every HTML mail: palette, logo (a dot with arcs, drawn in CSS so it
/// shows where images are blocked), narrow column for phones, colours switched in dark mode.
fn frame(
    locale: Locale,
    title: &str,
    body_html: &str,
    footer_html: &str,
    context: &RenderContext,
) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>{title}</title>
<style>
@media (prefers-color-scheme: dark) {{
  body, .page {{ background:#121417 !important; color:#E8EAED !important; }}
  .card {{ background:#1E2227 !important; color:#E8EAED !important; }}
  .facts {{ background:#2A2F36 !important; }}
  .brand {{ color:#6FB6FF !important; }}
  .muted, .muted a {{ color:#A9B1BB !important; }}
  a {{ color:#6FB6FF !important; }}
  a.button {{ background:#3D9BFF !important; color:#0B1016 !important; }}
}}
@media (max-width: 480px) {{ .page {{ padding:8px !important; }} .card {{ padding:16px !important; }} }}
</style></head>
<body style="margin:0;padding:0;background:#F5F7FA;color:#333333">
<div class="page" style="padding:24px;background:#F5F7FA;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.6;color:#333333">
<div class="card" style="max-width:560px;margin:0 auto;background:#FFFFFF;border-radius:12px;padding:24px;border-top:4px solid #007BFF">
<p style="margin:0 0 20px"><a class="brand" href="{home}" style="text-decoration:none;font-weight:800;font-size:20px;color:#0056B3"><span aria-hidden="true" style="display:inline-block;width:10px;height:10px;border-radius:50%;background:#007BFF;box-shadow:0 0 0 3px #FFFFFF,0 0 0 5px #007BFF,0 0 0 8px #FFFFFF,0 0 0 10px #3CD070;margin:0 14px 0 6px;vertical-align:middle"></span>Meetral</a></p>
{body_html}
<p class="muted" style="margin:24px 0 0;font-size:13px;color:#5B6470">Meet. Connect. Enjoy.{footer_html}</p>
</div></div></body></html>"#,
        lang = locale.code(),
        title = escape(title),
        home = escape(&context.link("/")),
    )
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::RenderContext;

    pub fn context() -> RenderContext<'static> {
        RenderContext {
            base_url: "https://meetral.fr",
            unsubscribe_url: None,
        }
    }
}
