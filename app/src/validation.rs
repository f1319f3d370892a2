//! Field rules shared by every feature's `model.rs`. They run in the browser as people type and
//! again on the server, so both always agree.

use crate::i18n::MessageKey;

/// Trimmed, required text whose length in characters lies in `min..=max`.
pub fn text_length(value: &str, min: usize, max: usize) -> Result<String, MessageKey> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(MessageKey::FieldRequired);
    }
    if trimmed.chars().any(is_forbidden_char) {
        return Err(MessageKey::FieldControlChars);
    }
    let count = trimmed.chars().count();
    if count < min {
        Err(MessageKey::FieldTooShort)
    } else if count > max {
        Err(MessageKey::FieldTooLong)
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Control characters (but line breaks and tabs), and the invisible ones that disguise text: zero-width
/// characters and bidirectional overrides (a name that reads differently from what it is).
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\r' && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}')
}

/// An email address normalised to a trimmed, lower-case domain. Valid means: one `@`, a local part
/// and a dotted domain that `email_address` accepts, at most 254 characters, no spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Email, MessageKey> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Err(MessageKey::FieldRequired);
        }
        if trimmed.len() > 254 {
            return Err(MessageKey::FieldTooLong);
        }
        // Plain ASCII only: a Cyrillic "а" in "pаypal.fr" looks like the real address but is not.
        if !trimmed.is_ascii() {
            return Err(MessageKey::FieldEmailAscii);
        }
        let (local, domain) = trimmed
            .rsplit_once('@')
            .ok_or(MessageKey::FieldEmailInvalid)?;
        let dotted =
            domain.split('.').count() >= 2 && domain.split('.').all(|label| !label.is_empty());
        if local.is_empty() || !dotted || !email_address::EmailAddress::is_valid(trimmed) {
            return Err(MessageKey::FieldEmailInvalid);
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded_in_characters() {
        assert_eq!(text_length("  Élodie  ", 2, 10), Ok("Élodie".to_owned()));
        assert_eq!(text_length("   ", 1, 10), Err(MessageKey::FieldRequired));
        assert_eq!(text_length("a", 2, 10), Err(MessageKey::FieldTooShort));
        assert_eq!(
            text_length(&"é".repeat(11), 1, 10),
            Err(MessageKey::FieldTooLong)
        );
        assert_eq!(
            text_length(&"é".repeat(10), 1, 10).map(|s| s.chars().count()),
            Ok(10)
        );
        assert_eq!(
            text_length("nul\u{0}byte", 1, 20),
            Err(MessageKey::FieldControlChars)
        );
        for disguised in ["Ad\u{200B}min", "abc\u{202E}fdp.exe", "\u{FEFF}Léa"] {
            assert_eq!(
                text_length(disguised, 1, 20),
                Err(MessageKey::FieldControlChars),
                "{disguised:?}"
            );
        }
    }

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse(" Jeanne@Exemple.FR ").map(|e| e.as_str().to_owned()),
            Ok("Jeanne@exemple.fr".to_owned())
        );
        for bad in [
            "jeanne",
            "jeanne@",
            "@exemple.fr",
            "jeanne@exemple",
            "jeanne@exemple..fr",
            "je anne@exemple.fr",
            "<script>@x.fr",
        ] {
            assert_eq!(
                Email::parse(bad),
                Err(MessageKey::FieldEmailInvalid),
                "{bad}"
            );
        }
        assert_eq!(Email::parse(""), Err(MessageKey::FieldRequired));
        // Look-alikes: Cyrillic "а" (U+0430) and an accented local part.
        assert_eq!(
            Email::parse("jeаnne@exemple.fr"),
            Err(MessageKey::FieldEmailAscii)
        );
        assert_eq!(
            Email::parse("josé@exemple.fr"),
            Err(MessageKey::FieldEmailAscii)
        );
        assert_eq!(
            Email::parse(&format!("{}@exemple.fr", "a".repeat(250))),
            Err(MessageKey::FieldTooLong)
        );
    }
}
