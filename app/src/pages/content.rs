//! The Markdown copy of the text pages, built into the server binary, and the publisher's identity
//! for the legal notice, read from the environment (`LEGAL_*`, see docs/PRIVACY.md).

use pulldown_cmark::{Options, Parser, html};

use super::static_pages::TextPage;
use crate::i18n::Locale;

fn markdown(page: TextPage, locale: Locale) -> &'static str {
    use {Locale::*, TextPage::*};
    match (page, locale) {
        (Terms, Fr) => include_str!("content/terms.fr.md"),
        (Terms, En) => include_str!("content/terms.en.md"),
        (Legal, Fr) => include_str!("content/legal.fr.md"),
        (Legal, En) => include_str!("content/legal.en.md"),
        (Privacy, Fr) => include_str!("content/privacy.fr.md"),
        (Privacy, En) => include_str!("content/privacy.en.md"),
        (Help, Fr) => include_str!("content/help.fr.md"),
        (Help, En) => include_str!("content/help.en.md"),
    }
}

/// The legal notice's placeholders, their variables and what shows while one is not set.
const IDENTITY: [(&str, &str); 5] = [
    ("{publisher}", "LEGAL_PUBLISHER"),
    ("{address}", "LEGAL_ADDRESS"),
    ("{registration}", "LEGAL_REGISTRATION"),
    ("{director}", "LEGAL_DIRECTOR"),
    ("{host}", "LEGAL_HOST"),
];

/// The page as HTML, rendered once per page and language (the copy and the environment do not change
/// while the server runs).
pub fn html(page: TextPage, locale: Locale) -> String {
    use std::sync::OnceLock;
    static RENDERED: [[OnceLock<String>; 2]; 4] = [const { [const { OnceLock::new() }; 2] }; 4];
    let slot = &RENDERED[page as usize][locale as usize];
    slot.get_or_init(|| render(page, locale)).clone()
}

/// The copy is ours (not user input); identity values are escaped.
fn render(page: TextPage, locale: Locale) -> String {
    let mut text = markdown(page, locale).to_owned();
    if page == TextPage::Legal {
        for (placeholder, variable) in IDENTITY {
            let value = std::env::var(variable)
                .ok()
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
                .unwrap_or_else(|| {
                    locale.pick("(non renseigné : ", "(not set: ").to_owned() + variable + ")"
                });
            // Several lines of an address stay several lines.
            let value = escape(&value).replace(" / ", "  \n");
            text = text.replace(placeholder, &format!("{value}  "));
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(&text, options));
    // Wide tables scroll sideways on phones; a scrolling region must be reachable by keyboard.
    let region = format!(
        r#"<div class="table-scroll" role="region" tabindex="0" aria-label="{}"><table>"#,
        locale.pick("Tableau", "Table")
    );
    out.replace("<table>", &region)
        .replace("</table>", "</table></div>")
}

/// HTML-escaped (the mails' escaping) and without the characters Markdown would read as syntax.
fn escape(value: &str) -> String {
    crate::ssr::mail::render::escape(&value.replace(['*', '_', '[', ']', '`', '#', '|'], " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_renders_in_both_languages_with_its_sections() {
        for page in [
            TextPage::Terms,
            TextPage::Legal,
            TextPage::Privacy,
            TextPage::Help,
        ] {
            for locale in Locale::ALL {
                let html = render(page, locale);
                assert!(html.matches("<h2").count() >= 2, "{page:?} {locale:?}");
                assert!(
                    !html.contains('{'),
                    "a placeholder or attribute left: {page:?} {locale:?}"
                );
            }
        }
        let privacy = render(TextPage::Privacy, Locale::Fr);
        assert_eq!(
            html(TextPage::Privacy, Locale::Fr),
            privacy,
            "the cached page is the rendered one"
        );
        assert!(privacy.contains(r#"tabindex="0" aria-label="Tableau"><table>"#));
        assert!(privacy.contains("aucun traceur tiers"));
        assert!(privacy.contains("id=\"cookies\""));
        let help = render(TextPage::Help, Locale::En);
        for guide in [
            "create-an-account",
            "create-an-event",
            "register",
            "show-my-ticket",
            "check-in",
        ] {
            assert!(help.contains(&format!("id=\"{guide}\"")), "{guide}");
        }
    }

    #[test]
    fn identity_values_cannot_inject_markup() {
        let value = escape("<script>x</script> [lien](javascript:1)");
        assert!(!value.contains('<') && !value.contains('['), "{value}");
    }
}
