//! Building local links with query values.

/// Percent-encodes what a query value cannot hold as is (RFC 3986 unreserved characters and `/` stay).
pub fn encode_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The login page, coming back to `next` after.
pub fn login_url(next: &str) -> String {
    format!("/login?next={}", encode_query_value(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(
            login_url("/notifications?page=2&x=é"),
            "/login?next=/notifications%3Fpage%3D2%26x%3D%C3%A9"
        );
        assert_eq!(encode_query_value("a+b@c.fr"), "a%2Bb%40c.fr");
    }
}
