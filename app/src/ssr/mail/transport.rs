//! Where mails go: an SMTP server (plain, STARTTLS or TLS, with credentials, from `SMTP_URL`), or a
//! directory of `.eml` files for development.

use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::{path::PathBuf, time::Duration};

pub enum MailTransport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Directory(AsyncFileTransport<Tokio1Executor>),
}

/// What a failed send means for the mail.
#[derive(Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// Try again later: connection refused, timeout, 4xx reply.
    Transient(String),
    /// Never succeeds: 5xx reply, invalid address.
    Permanent(String),
}

impl MailTransport {
    /// `smtp://host:port` (plain), `smtp://…?tls=required` (STARTTLS), `smtps://user:pass@host` (TLS).
    pub fn smtp(url: &str) -> Result<MailTransport, String> {
        let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid SMTP_URL: {e}"))?;
        Ok(MailTransport::Smtp(
            builder.timeout(Some(Duration::from_secs(20))).build(),
        ))
    }

    pub fn directory(path: PathBuf) -> Result<MailTransport, String> {
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create mail directory {}: {e}", path.display()))?;
        Ok(MailTransport::Directory(AsyncFileTransport::new(path)))
    }

    pub async fn send(&self, message: Message) -> Result<(), SendFailure> {
        match self {
            MailTransport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|error| {
                if error.is_permanent() {
                    SendFailure::Permanent(error.to_string())
                } else {
                    SendFailure::Transient(error.to_string())
                }
            }),
            MailTransport::Directory(dir) => dir
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendFailure::Transient(e.to_string())),
        }
    }
}
