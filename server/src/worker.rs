//! Starting the outbox mail worker from the configuration.

use app::ssr::mail::{
    transport::MailTransport,
    worker::{WorkerSettings, run_forever},
};
use sqlx::PgPool;
use tokio::{sync::watch, task::JoinHandle};

use crate::config::{Config, Environment};

/// The transport the configuration asks for: SMTP when `SMTP_URL` is set, the mail folder in dev.
pub fn transport(config: &Config) -> Result<MailTransport, String> {
    match (&config.smtp_url, config.env) {
        (Some(url), _) => MailTransport::smtp(url),
        (None, Environment::Dev) => MailTransport::directory(config.mail_dir.clone()),
        (None, Environment::Production) => {
            Err("SMTP_URL is required in production mode".to_owned())
        }
    }
}

pub fn settings(config: &Config) -> Result<WorkerSettings, String> {
    let from = config
        .mail_from
        .parse()
        .map_err(|e| format!("invalid MAIL_FROM {:?}: {e}", config.mail_from))?;
    Ok(WorkerSettings::new(
        from,
        &config.base_url,
        &config.secret()?,
    ))
}

/// Spawns the worker; it stops (between two mails) when `stop` turns true.
pub fn spawn(
    config: &Config,
    pool: PgPool,
    stop: watch::Receiver<bool>,
) -> Result<JoinHandle<()>, String> {
    let (transport, settings) = (transport(config)?, settings(config)?);
    Ok(tokio::spawn(run_forever(pool, transport, settings, stop)))
}
