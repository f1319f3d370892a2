//! Mail templates: subject, plain text and HTML in the recipient's language.

use serde_json::Value;

use crate::i18n::Locale;

pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Where replies should go, when not to the platform.
    pub reply_to: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum RenderError {
    UnknownTemplate(String),
    MissingField(&'static str),
}

fn field<'a>(payload: &'a Value, name: &'static str) -> Result<&'a str, RenderError> {
    payload
        .get(name)
        .and_then(Value::as_str)
        .ok_or(RenderError::MissingField(name))
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The branded frame shared by every HTML mail (palette, logo word mark, readable on phones).
fn frame(locale: Locale, title: &str, body_html: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="color-scheme" content="light dark"><title>{title}</title></head>
<body style="margin:0;padding:24px;background:#F5F7FA;color:#333333;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;line-height:1.6">
<div style="max-width:560px;margin:0 auto;background:#FFFFFF;border-radius:12px;padding:24px;border-top:4px solid #007BFF">
<p style="margin:0 0 16px;font-weight:800;font-size:20px;color:#0056B3">Meetral</p>
{body_html}
<p style="margin:24px 0 0;font-size:13px;color:#5B6470">Meet. Connect. Enjoy.</p></div></body></html>"#,
        lang = locale.code(),
        title = escape(title),
    )
}

pub fn render(
    template: &str,
    locale: Locale,
    payload: &Value,
) -> Result<RenderedMail, RenderError> {
    match template {
        // A visitor's message through the contact form, to the team.
        "contact_form_team" => {
            let name = field(payload, "from_name")?;
            let reply_to = field(payload, "reply_to")?;
            let subject = field(payload, "subject")?;
            let (prefix, intro) = match locale {
                Locale::Fr => (
                    "[Contact]",
                    "Nouveau message reçu via le formulaire de contact de",
                ),
                Locale::En => (
                    "[Contact]",
                    "New message received through the contact form from",
                ),
            };
            let text = format!("{intro} {name} <{reply_to}>.\n\n{subject}\n");
            let html = frame(
                locale,
                subject,
                &format!(
                    "<p>{intro} <strong>{}</strong> &lt;{}&gt;.</p><p><strong>{}</strong></p>",
                    escape(name),
                    escape(reply_to),
                    escape(subject)
                ),
            );
            Ok(RenderedMail {
                subject: format!("{prefix} {subject}"),
                text,
                html,
                reply_to: Some(format!("{name} <{reply_to}>")),
            })
        }
        other => Err(RenderError::UnknownTemplate(other.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn contact_mail_is_escaped_and_translated() {
        let payload = json!({"from_name": "<b>Léa</b>", "reply_to": "lea@exemple.fr", "subject": "Atelier & buffet"});
        let fr = render("contact_form_team", Locale::Fr, &payload).expect("renders");
        assert_eq!(fr.subject, "[Contact] Atelier & buffet");
        assert!(fr.html.contains("&lt;b&gt;Léa&lt;/b&gt;") && !fr.html.contains("<b>Léa"));
        assert!(fr.text.starts_with("Nouveau message"));
        let en = render("contact_form_team", Locale::En, &payload).expect("renders");
        assert!(en.text.starts_with("New message") && en.html.contains(r#"lang="en""#));
    }

    #[test]
    fn unknown_template_or_missing_field_is_an_error() {
        assert_eq!(
            render("nope", Locale::Fr, &json!({})).err(),
            Some(RenderError::UnknownTemplate("nope".into()))
        );
        assert_eq!(
            render("contact_form_team", Locale::Fr, &json!({})).err(),
            Some(RenderError::MissingField("from_name"))
        );
    }
}
