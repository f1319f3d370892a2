//! Prepared reasons for rejecting or asking for changes, in both languages; the moderator adds
//! free text after them.

use crate::{
    i18n::{Locale, MessageKey},
    moderation::model::{REASON_TEMPLATES, check_decision_reason},
};

pub fn text(code: &str, locale: Locale) -> Option<&'static str> {
    REASON_TEMPLATES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, fr, en)| locale.pick(fr, en))
}

/// The reason sent to the organizer: the template (in French, the platform's language, unless
/// none) then the moderator's words. One of the two is required.
pub fn compose(template: Option<&str>, free_text: &str) -> Result<String, MessageKey> {
    let prepared = template
        .filter(|t| !t.is_empty())
        .map(|code| text(code, Locale::Fr).ok_or(MessageKey::FieldRequired))
        .transpose()?;
    let joined = match (prepared, free_text.trim()) {
        (Some(p), "") => p.to_owned(),
        (Some(p), more) => format!("{p}\n{more}"),
        (None, more) => more.to_owned(),
    };
    check_decision_reason(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_a_template_free_text_or_both() {
        assert_eq!(compose(None, " "), Err(MessageKey::FieldRequired));
        assert_eq!(compose(Some("nope"), "x"), Err(MessageKey::FieldRequired));
        assert!(
            compose(Some("duplicate"), "")
                .expect("ok")
                .starts_with("Cet événement")
        );
        assert!(
            compose(Some("duplicate"), "Voir n° 12")
                .expect("ok")
                .ends_with("\nVoir n° 12")
        );
        assert_eq!(
            compose(None, "Titre trompeur").as_deref(),
            Ok("Titre trompeur")
        );
        assert_eq!(
            compose(None, &"x".repeat(2001)),
            Err(MessageKey::FieldTooLong)
        );
    }
}
