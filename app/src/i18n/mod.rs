//! Translations. Every UI string is a [`MessageKey`]; `fr.rs` and `en.rs` each map every key with an
//! exhaustive `match`, so a missing translation does not compile and nothing is parsed at run time.

#[cfg(feature = "ssr")]
pub mod dates;
mod en;
mod fr;
mod keys;
#[cfg(feature = "ssr")]
pub mod negotiate;

pub use keys::MessageKey;

use serde::{Deserialize, Serialize};

/// Name of the cookie that remembers the language chosen with the switch.
pub const LOCALE_COOKIE: &str = "meetral_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Parses a BCP 47 tag or bare language code ("fr", "fr-FR", "EN-gb").
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Server-only copy (the back-office, mails) written as a French/English pair next to its use:
    /// it never reaches the browser's WASM, which every `MessageKey` does through the tables.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    pub fn t(self, key: MessageKey) -> &'static str {
        match self {
            Locale::Fr => fr::text(key),
            Locale::En => en::text(key),
        }
    }
}

/// A count with thousands grouped as the language writes them ("1 000" with a narrow no-break
/// space in French, "1,000" in English).
pub fn format_count(n: i64, locale: Locale) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = match locale {
        Locale::Fr => "\u{202f}",
        Locale::En => ",",
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The current locale from context (provided by the app root); French when absent.
pub fn use_locale() -> Locale {
    leptos::prelude::use_context::<Locale>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_per_language() {
        assert_eq!(format_count(999, Locale::Fr), "999");
        assert_eq!(format_count(1000, Locale::Fr), "1\u{202f}000");
        assert_eq!(format_count(1234567, Locale::En), "1,234,567");
    }

    #[test]
    fn tags_are_parsed_leniently() {
        assert_eq!(Locale::from_tag("fr-FR"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn every_key_is_translated_differently_or_deliberately_equal() {
        // Guards against copy-pasting French into the English file: only brand words may match.
        let same_ok = [
            MessageKey::BrandName,
            MessageKey::Slogan,
            MessageKey::FreeFood,
            MessageKey::LangFr,
            MessageKey::LangEn,
            MessageKey::FieldEmail,
            MessageKey::NavFaq,
            MessageKey::ContactMessage,
            MessageKey::Error404Code,
            MessageKey::NavMenu,
            MessageKey::NotificationsTitle,
            MessageKey::NotificationsBell,
            MessageKey::AccountNotificationsTab,
            MessageKey::PasswordMeterEmpty,
            MessageKey::SessionIp,
            MessageKey::CalendarOutlook,
            MessageKey::DietHalal,
            MessageKey::EventFieldDescription,
            MessageKey::EventFieldLatitude,
            MessageKey::EventFieldLongitude,
            MessageKey::EventFieldMode,
            MessageKey::ImagesTitle,
            MessageKey::CataloguePage,
            MessageKey::ParticipantsTitle,
        ];
        for key in MessageKey::ALL {
            let (fr, en) = (Locale::Fr.t(*key), Locale::En.t(*key));
            assert!(!fr.is_empty() && !en.is_empty(), "{key:?} is empty");
            if !same_ok.contains(key) {
                assert_ne!(fr, en, "{key:?} has the same text in French and English");
            }
        }
    }
}
