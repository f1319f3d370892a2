//! Event descriptions: Markdown written by organizers, turned into HTML that can only format text.

use pulldown_cmark::{Options, Parser, html};

/// Markdown → sanitised HTML: no scripts, styles, iframes, images or event handlers survive; links
/// keep only http(s) and mailto targets and open nothing with the page's privileges.
pub fn to_safe_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .rm_tags(["img"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow ugc"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
