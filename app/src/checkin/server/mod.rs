//! Check-in and participants (server only). Every entry point starts with an access check.

pub mod access;
pub mod export;
pub mod invite;
pub mod participants;
pub mod scan;

/// A LIKE pattern matching `query` anywhere, lower-cased, its wildcards taken literally.
fn contains_pattern(query: &str) -> String {
    let escaped = query
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_patterns_take_wildcards_literally() {
        assert_eq!(super::contains_pattern("Zoé_50%"), "%zoé\\_50\\%%");
    }
}
