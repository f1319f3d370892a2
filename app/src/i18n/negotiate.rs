//! Picks the locale of a request: the switch's cookie first, then `Accept-Language`, then French.

use super::{LOCALE_COOKIE, Locale};
use http::{HeaderMap, header};

pub fn locale_from_headers(headers: &HeaderMap) -> Locale {
    cookie_locale(headers)
        .or_else(|| accept_language(headers))
        .unwrap_or_default()
}

/// `Accept-Language` only, then French: the REST API reads no cookies.
pub fn accept_language_only(headers: &HeaderMap) -> Locale {
    accept_language(headers).unwrap_or_default()
}

fn cookie_locale(headers: &HeaderMap) -> Option<Locale> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LOCALE_COOKIE)
        .and_then(|(_, value)| Locale::from_tag(value))
}

/// Highest-quality supported language of an `Accept-Language` header.
fn accept_language(headers: &HeaderMap) -> Option<Locale> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(f32, Locale)> = None;
    for part in value.split(',').take(20) {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or_default();
        let quality = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if let Some(locale) = Locale::from_tag(tag)
            && quality > 0.0
            && best.is_none_or(|(q, _)| quality > q)
        {
            best = Some((quality, locale));
        }
    }
    best.map(|(_, locale)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                name.clone(),
                HeaderValue::from_str(value).expect("valid header"),
            );
        }
        map
    }

    #[test]
    fn cookie_beats_accept_language() {
        let h = headers(&[
            (header::COOKIE, "a=b; meetral_lang=en"),
            (header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9"),
        ]);
        assert_eq!(locale_from_headers(&h), Locale::En);
    }

    #[test]
    fn accept_language_quality_is_respected() {
        let h = headers(&[(header::ACCEPT_LANGUAGE, "de-DE,fr;q=0.5,en;q=0.8")]);
        assert_eq!(locale_from_headers(&h), Locale::En);
    }

    #[test]
    fn unknown_or_garbage_falls_back_to_french() {
        let h = headers(&[
            (header::ACCEPT_LANGUAGE, "de, ;q=zz,,"),
            (header::COOKIE, "meetral_lang=xx"),
        ]);
        assert_eq!(locale_from_headers(&h), Locale::Fr);
        assert_eq!(locale_from_headers(&HeaderMap::new()), Locale::Fr);
    }
}
