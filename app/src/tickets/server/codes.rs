//! Ticket codes and the QR payload. A code is 128 random bits (base64url, 22 characters): it opens
//! `/tickets/{code}`. The QR holds `M1.{ticket}.{event}.{participant}.{signature}`, the signature an
//! HMAC-SHA256 (first 16 bytes) under a key derived for that event from the server secret, so a door
//! scanner given the event's key can check tickets without a network and a key opens one event only.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// A new unguessable ticket code.
pub fn new_code() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a link token (manage, offer, invitation): only its SHA-256 is kept.
pub fn token_hash(token: &str) -> Vec<u8> {
    use sha2::Digest;
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new link token and its hash.
pub fn new_token() -> (String, Vec<u8>) {
    let token = new_code();
    let hash = token_hash(&token);
    (token, hash)
}

/// A token from a URL, if it has the shape of one (anything else is simply not found).
pub fn well_formed(token: &str) -> bool {
    (16..=64).contains(&token.len())
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> HmacSha256 {
    // HMAC takes keys of any length.
    let mut mac = HmacSha256::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    for part in parts {
        mac.update(part);
        mac.update(b"\0");
    }
    mac
}

/// The key that signs and checks one event's tickets.
pub fn event_key(secret: &[u8], event_id: i64) -> [u8; 32] {
    hmac(secret, &[b"ticket-key", event_id.to_string().as_bytes()])
        .finalize()
        .into_bytes()
        .into()
}

fn signature(key: &[u8; 32], ticket: i64, event: i64, participant: i64) -> HmacSha256 {
    let (t, e, p) = (
        ticket.to_string(),
        event.to_string(),
        participant.to_string(),
    );
    hmac(key, &[b"M1", t.as_bytes(), e.as_bytes(), p.as_bytes()])
}

/// What a ticket's QR code says.
pub fn qr_payload(secret: &[u8], ticket: i64, event: i64, participant: i64) -> String {
    let key = event_key(secret, event);
    let tag = signature(&key, ticket, event, participant)
        .finalize()
        .into_bytes();
    format!(
        "M1.{ticket}.{event}.{participant}.{}",
        URL_SAFE_NO_PAD.encode(&tag[..16])
    )
}

/// A scanned payload that is well formed and signed with `key`: (ticket, event, participant).
pub fn verify(key: &[u8; 32], payload: &str) -> Option<(i64, i64, i64)> {
    let mut parts = payload.trim().split('.');
    if parts.next()? != "M1" {
        return None;
    }
    let ticket = parts.next()?.parse().ok()?;
    let event = parts.next()?.parse().ok()?;
    let participant = parts.next()?.parse().ok()?;
    let tag = URL_SAFE_NO_PAD.decode(parts.next()?).ok()?;
    if parts.next().is_some() || tag.len() != 16 {
        return None;
    }
    signature(key, ticket, event, participant)
        .verify_truncated_left(&tag)
        .ok()?;
    Some((ticket, event, participant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_128_random_bits() {
        let (a, b) = (new_code(), new_code());
        assert_eq!(a.len(), 22);
        assert_ne!(a, b);
    }

    #[test]
    fn payloads_verify_only_with_their_event_key_and_untouched() {
        let secret = b"a test secret of at least thirty-two bytes";
        let payload = qr_payload(secret, 41, 7, 12);
        assert_eq!(verify(&event_key(secret, 7), &payload), Some((41, 7, 12)));
        assert_eq!(
            verify(&event_key(secret, 8), &payload),
            None,
            "other event's key"
        );
        let forged = payload.replacen("M1.41.", "M1.42.", 1);
        assert_eq!(verify(&event_key(secret, 7), &forged), None, "other ticket");
        assert_eq!(verify(&event_key(secret, 7), "M1.1.2"), None);
        assert_eq!(verify(&event_key(secret, 7), "garbage"), None);
        assert!(payload.len() < 60, "compact: {payload}");
    }
}
