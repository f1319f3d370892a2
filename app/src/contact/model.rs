use crate::{
    error::FieldErrors,
    i18n::MessageKey,
    validation::{Email, text_length},
};

pub const NAME_MAX: usize = 100;
pub const SUBJECT_MAX: usize = 150;
pub const MESSAGE_MIN: usize = 10;
pub const MESSAGE_MAX: usize = 5000;

/// A contact message that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactMessage {
    pub full_name: String,
    pub email: Email,
    pub subject: String,
    pub message: String,
}

pub fn check_name(value: &str) -> Result<String, MessageKey> {
    text_length(value, 2, NAME_MAX)
}

pub fn check_email(value: &str) -> Result<Email, MessageKey> {
    Email::parse(value)
}

pub fn check_subject(value: &str) -> Result<String, MessageKey> {
    text_length(value, 3, SUBJECT_MAX)
}

pub fn check_message(value: &str) -> Result<String, MessageKey> {
    text_length(value, MESSAGE_MIN, MESSAGE_MAX)
}

impl ContactMessage {
    /// Checks every field and reports all failures at once, keyed by form field name.
    pub fn parse(
        full_name: &str,
        email: &str,
        subject: &str,
        message: &str,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let full_name = check_name(full_name)
            .map_err(|e| errors.add("full_name", e))
            .ok();
        let email = check_email(email).map_err(|e| errors.add("email", e)).ok();
        let subject = check_subject(subject)
            .map_err(|e| errors.add("subject", e))
            .ok();
        let message = check_message(message)
            .map_err(|e| errors.add("message", e))
            .ok();
        match (full_name, email, subject, message) {
            (Some(full_name), Some(email), Some(subject), Some(message)) => Ok(ContactMessage {
                full_name,
                email,
                subject,
                message,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_message_is_trimmed() {
        let msg = ContactMessage::parse(
            " Jeanne Dupont ",
            "jeanne@exemple.fr",
            "Partenariat",
            "Bonjour, je souhaite organiser un atelier.",
        )
        .expect("valid");
        assert_eq!(msg.full_name, "Jeanne Dupont");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let errors = ContactMessage::parse("", "pas-un-email", "ok", "court").expect_err("invalid");
        assert_eq!(errors.get("full_name"), Some(MessageKey::FieldRequired));
        assert_eq!(errors.get("email"), Some(MessageKey::FieldEmailInvalid));
        assert_eq!(errors.get("subject"), Some(MessageKey::FieldTooShort));
        assert_eq!(errors.get("message"), Some(MessageKey::FieldTooShort));
    }

    #[test]
    fn html_is_kept_as_text_not_rejected() {
        // Escaping happens at display; the text itself is legitimate input.
        assert!(
            ContactMessage::parse(
                "<b>Léa</b>",
                "lea@exemple.fr",
                "<script>",
                "'); DROP TABLE users; --"
            )
            .is_ok()
        );
    }
}
