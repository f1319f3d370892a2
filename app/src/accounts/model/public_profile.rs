//! The organizer's public profile (shown on `/organizers/{slug}`): a display name, a short bio and up
//! to three links. The avatar is an upload of its own.

use serde::{Deserialize, Serialize};

use crate::{error::FieldErrors, i18n::MessageKey, validation::text_length};

pub const DISPLAY_NAME_MAX_CHARS: usize = 80;
pub const BIO_MAX_CHARS: usize = 500;
pub const PROFILE_LINKS_MAX: usize = 3;

/// Empty means "show my full name".
pub fn check_display_name(value: &str) -> Result<Option<String>, MessageKey> {
    optional(value, DISPLAY_NAME_MAX_CHARS)
}

pub fn check_bio(value: &str) -> Result<Option<String>, MessageKey> {
    optional(value, BIO_MAX_CHARS)
}

/// An optional https link (the same rule as an online event's link).
pub fn check_profile_link(value: &str) -> Result<Option<String>, MessageKey> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    crate::events::model::form::check_online_url(value).map(Some)
}

fn optional(value: &str, max: usize) -> Result<Option<String>, MessageKey> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        text_length(value, 1, max).map(Some)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicProfile {
    pub display_name: Option<String>,
    pub bio: Option<String>,
    pub links: Vec<String>,
}

impl PublicProfile {
    /// `links` are the form's `link_1`… fields in order; empty ones are dropped.
    pub fn parse(display_name: &str, bio: &str, links: &[&str]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let display_name = check_display_name(display_name)
            .map_err(|e| errors.add("display_name", e))
            .unwrap_or_default();
        let bio = check_bio(bio)
            .map_err(|e| errors.add("bio", e))
            .unwrap_or_default();
        let mut kept = Vec::new();
        for (index, link) in links.iter().enumerate() {
            let field = format!("link_{}", index + 1);
            if index >= PROFILE_LINKS_MAX {
                errors.add(&field, MessageKey::FieldTooLong);
                continue;
            }
            match check_profile_link(link) {
                Ok(Some(link)) => kept.push(link),
                Ok(None) => {}
                Err(key) => errors.add(&field, key),
            }
        }
        if errors.is_empty() {
            Ok(PublicProfile {
                display_name,
                bio,
                links: kept,
            })
        } else {
            Err(errors)
        }
    }
}

/// What the public-profile page shows: the editable part, the avatar and where the page lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicProfilePage {
    pub profile: PublicProfile,
    pub full_name: String,
    pub avatar_url: Option<String>,
    /// `/organizers/{slug}` once a first event gave the account a public page.
    pub public_path: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_allowed_and_links_must_be_https() {
        let profile =
            PublicProfile::parse("  ", "", &["", "https://exemple.fr/moi", ""]).expect("ok");
        assert_eq!(profile.display_name, None);
        assert_eq!(profile.links, vec!["https://exemple.fr/moi".to_owned()]);
        let errors =
            PublicProfile::parse(&"x".repeat(81), &"b".repeat(501), &["javascript:alert(1)"])
                .expect_err("refused");
        assert_eq!(errors.get("display_name"), Some(MessageKey::FieldTooLong));
        assert_eq!(errors.get("bio"), Some(MessageKey::FieldTooLong));
        assert_eq!(errors.get("link_1"), Some(MessageKey::LinkMustBeHttps));
        let errors = PublicProfile::parse(
            "A",
            "",
            &[
                "https://a.fr",
                "https://b.fr",
                "https://c.fr",
                "https://d.fr",
            ],
        )
        .expect_err("four links");
        assert_eq!(errors.get("link_4"), Some(MessageKey::FieldTooLong));
    }
}
