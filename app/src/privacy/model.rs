//! The deletion form's rule, the same in the page and on the server.

use crate::error::FieldErrors;
use crate::i18n::MessageKey;

/// The word a person types to confirm, in either language.
pub const CONFIRM_WORDS: [&str; 2] = ["SUPPRIMER", "DELETE"];

/// The confirmation word, whatever its case and surrounding spaces (the words are plain ASCII, so
/// no Unicode case tables are needed in the browser).
pub fn check_confirm_word(value: &str) -> Result<(), MessageKey> {
    let typed = value.trim();
    if CONFIRM_WORDS
        .iter()
        .any(|word| word.eq_ignore_ascii_case(typed))
    {
        Ok(())
    } else {
        Err(MessageKey::DeletionConfirmWord)
    }
}

/// Checks the deletion form: the confirmation word and a password.
pub fn check_deletion(confirm: &str, password: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if let Err(key) = check_confirm_word(confirm) {
        errors.add("confirm", key);
    }
    if password.is_empty() {
        errors.add("password", MessageKey::FieldRequired);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_needs_the_word_and_a_password() {
        assert!(check_deletion("supprimer", "x").is_ok());
        assert!(check_deletion(" DELETE ", "x").is_ok());
        let errors = check_deletion("oui", "").err().unwrap_or_default();
        assert!(errors.get("confirm").is_some());
        assert!(errors.get("password").is_some());
    }
}
