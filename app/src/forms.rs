//! The live rules a server-rendered form may name in `data-check` (see `ui::live_form`): each is the same
//! function the server applies when the form arrives.

use crate::{accounts::model as accounts, contact::model as contact, i18n::MessageKey};

/// The message for `value` under `rule`, or `None` when it passes (or the rule is unknown). `other`
/// reads another field of the same form, for rules that compare (an end after its start).
pub fn check(rule: &str, value: &str, other: &dyn Fn(&str) -> String) -> Option<MessageKey> {
    if let Some(field) = rule.strip_prefix("event:") {
        return crate::events::model::form::check(field, value, other);
    }
    match rule {
        "email" => crate::validation::Email::parse(value).err(),
        "full_name" => accounts::check_full_name(value).err(),
        "phone" => accounts::check_phone(value).err(),
        "display_name" => accounts::check_display_name(value).err(),
        "bio" => accounts::check_bio(value).err(),
        "profile_link" => accounts::check_profile_link(value).err(),
        "password" => accounts::check_password_present(value).err(),
        "totp_code" => accounts::check_totp_code(value).err(),
        "new_password" => accounts::check_new_password(value).err(),
        "contact_name" => contact::check_name(value).err(),
        "deletion_confirm" => crate::privacy::model::check_confirm_word(value).err(),
        "contact_subject" => contact::check_subject(value).err(),
        "contact_message" => contact::check_message(value).err(),
        "image_alt" => crate::events::model::form::check_image_alt(value).err(),
        "image_file" => value.trim().is_empty().then_some(MessageKey::ImageMissing),
        "cancel_message" => crate::events::model::form::check_cancellation_message(value).err(),
        _ => None,
    }
}

/// Checkbox rules.
pub fn check_box(rule: &str, checked: bool) -> Option<MessageKey> {
    match rule {
        "terms" => (!checked).then_some(MessageKey::TermsRequired),
        "consent" => (!checked).then_some(MessageKey::RegistrationConsentRequired),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rule: &str, value: &str) -> Option<MessageKey> {
        super::check(rule, value, &|_| String::new())
    }

    #[test]
    fn event_rules_read_the_other_fields() {
        let starts = |name: &str| match name {
            "starts_at" => "2027-03-10T18:00".to_owned(),
            "mode" => "online".to_owned(),
            _ => String::new(),
        };
        assert_eq!(
            super::check("event:ends_at", "2027-03-10T17:00", &starts),
            Some(MessageKey::EndBeforeStart)
        );
        assert_eq!(
            super::check("event:ends_at", "2027-03-10T20:00", &starts),
            None
        );
        assert_eq!(
            super::check("event:online_url", "javascript:alert(1)", &starts),
            Some(MessageKey::LinkMustBeHttps)
        );
        assert_eq!(
            super::check("event:city", "", &starts),
            None,
            "online events need no city"
        );
    }

    #[test]
    fn rules_are_the_models_rules() {
        assert_eq!(check("email", "x"), Some(MessageKey::FieldEmailInvalid));
        assert_eq!(
            check("new_password", "court"),
            Some(MessageKey::PasswordTooShort)
        );
        assert_eq!(check("phone", "06 12 34 56 78"), None);
        assert_eq!(
            check("contact_subject", ""),
            Some(MessageKey::FieldRequired)
        );
        assert_eq!(check("unknown", ""), None);
        assert_eq!(check_box("terms", false), Some(MessageKey::TermsRequired));
        assert_eq!(check_box("terms", true), None);
    }
}
