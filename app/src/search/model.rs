use serde::{Deserialize, Serialize};

/// Characters kept of a query; shorter than `MIN_CHARS` asks nothing.
pub const MAX_CHARS: usize = 100;
pub const MIN_CHARS: usize = 2;

/// One result: what it is called, a line that tells it apart, where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub title: String,
    pub detail: String,
    pub href: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub events: Vec<SearchHit>,
    pub organizers: Vec<SearchHit>,
    /// Accounts, for admins only (`None` for everyone else).
    pub users: Option<Vec<SearchHit>>,
}

impl SearchResults {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
            && self.organizers.is_empty()
            && self.users.as_ref().is_none_or(Vec::is_empty)
    }
}

/// The query as searched: trimmed, control characters dropped, at most `MAX_CHARS`.
pub fn normalise(query: &str) -> String {
    query
        .chars()
        .filter(|c| !crate::validation::is_forbidden_char(*c) && !c.is_control())
        .take(MAX_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Whether a normalised query is long enough to search.
pub fn searchable(query: &str) -> bool {
    query.chars().count() >= MIN_CHARS
}

/// A prefix full-text query (`ateli:* & vin:*`) from the words of `query`: letters and digits only,
/// so nothing typed can break `to_tsquery`'s syntax.
pub fn prefix_tsquery(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(8)
        .map(|word| format!("{}:*", word.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" & "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_cleaned_and_made_safe_for_tsquery() {
        assert_eq!(normalise("  apéro\u{200B} "), "apéro");
        assert_eq!(normalise(&"a".repeat(300)).len(), MAX_CHARS);
        assert!(!searchable("a") && searchable("ap"));
        assert_eq!(
            prefix_tsquery("Atelier vin"),
            Some("atelier:* & vin:*".into())
        );
        assert_eq!(prefix_tsquery("a' | !b:*"), Some("a:* & b:*".into()));
        assert_eq!(prefix_tsquery("!!! ::"), None);
    }
}
