//! Signed one-click unsubscribe links (RFC 8058): `/unsubscribe/{token}` names an address and a kind
//! of optional mail, signed with the server secret so nobody can unsubscribe someone else.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::notifications::model::NotificationKind;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], kind: NotificationKind, email: &str) -> HmacSha256 {
    // new_from_slice accepts any key length for HMAC.
    let mut mac = HmacSha256::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(b"unsubscribe\0");
    mac.update(kind.code().as_bytes());
    mac.update(b"\0");
    mac.update(email.to_lowercase().as_bytes());
    mac
}

/// `{kind}.{base64url(email)}.{base64url(hmac)}`.
pub fn token(secret: &[u8], kind: NotificationKind, email: &str) -> String {
    let signature = mac(secret, kind, email).finalize().into_bytes();
    format!(
        "{}.{}.{}",
        kind.code(),
        URL_SAFE_NO_PAD.encode(email.to_lowercase()),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

/// The address and kind a token names, if its signature is right (checked in constant time).
pub fn verify(secret: &[u8], token: &str) -> Option<(String, NotificationKind)> {
    let mut parts = token.splitn(3, '.');
    let kind = NotificationKind::from_code(parts.next()?).filter(|k| k.email_optional())?;
    let email = String::from_utf8(URL_SAFE_NO_PAD.decode(parts.next()?).ok()?).ok()?;
    let signature = URL_SAFE_NO_PAD.decode(parts.next()?).ok()?;
    mac(secret, kind, &email)
        .verify_slice(&signature)
        .ok()
        .map(|()| (email, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_with_the_same_secret_and_content() {
        let token = token(
            b"secret-one",
            NotificationKind::EventReminder,
            "Lea@Exemple.fr",
        );
        assert_eq!(
            verify(b"secret-one", &token),
            Some(("lea@exemple.fr".to_owned(), NotificationKind::EventReminder))
        );
        assert_eq!(verify(b"secret-two", &token), None);
        let forged = token.replacen("event_reminder", "report_update", 1);
        assert_eq!(verify(b"secret-one", &forged), None);
        let other = format!(
            "event_reminder.{}.{}",
            URL_SAFE_NO_PAD.encode("tom@exemple.fr"),
            token.rsplit('.').next().unwrap_or("")
        );
        assert_eq!(verify(b"secret-one", &other), None);
        assert_eq!(verify(b"secret-one", "garbage"), None);
        assert_eq!(verify(b"secret-one", "event_reminder.!!.??"), None);
    }
}
