//! Event descriptions: Markdown written by organizers, turned into HTML that can only format text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Markdown → sanitised HTML: no scripts, styles, iframes, images or event handlers survive; links
/// keep only http(s) and mailto targets and open nothing with the page's privileges.
pub fn to_safe_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut raw = String::new();
    // The page's own title is its one h1 (and its sections are h2s): the organizer's "# Title" is
    // an h2 there, "## Part" an h3, and so on; a raw `<h1>` keeps its text and loses the tag.
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demoted(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demoted(level))),
        other => other,
    });
    html::push_html(&mut raw, events);
    ammonia::Builder::default()
        .rm_tags(["img", "h1"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow ugc"))
        .clean(&raw)
        .to_string()
}

fn demoted(level: HeadingLevel) -> HeadingLevel {
    HeadingLevel::try_from((level as usize + 1).min(6)).unwrap_or(HeadingLevel::H6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_sit_under_the_page_title() {
        let html = to_safe_html("# Programme\n\n## Matin\n\n###### Détail\n\n<h1>brut</h1>");
        assert!(
            html.contains("<h2>Programme</h2>") && html.contains("<h3>Matin</h3>"),
            "{html}"
        );
        assert!(
            html.contains("<h6>Détail</h6>") && !html.contains("<h1"),
            "{html}"
        );
    }

    #[test]
    fn formatting_stays_and_scripts_go() {
        let html = to_safe_html("**Bienvenue** à l’atelier\n\n- café\n- croissants");
        assert!(html.contains("<strong>Bienvenue</strong>"));
        assert!(html.contains("<li>café</li>"));
        let html = to_safe_html(
            "<script>alert(1)</script>[clic](javascript:alert(1)) <img src=x onerror=alert(1)> <a href=\"https://ok.fr\" onclick=\"x()\">ok</a>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(
            !html.contains("onerror") && !html.contains("onclick"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("href=\"https://ok.fr\""), "{html}");
        assert!(html.contains("nofollow"), "{html}");
    }
}
