//! Configuration from environment variables (each also a flag); `meetral --help` lists them all.

use clap::{Args, ValueEnum};
use std::{net::SocketAddr, path::PathBuf, time::Duration};

/// Development only: links signed with it are forgeable by anyone who reads this file.
const DEV_SECRET: &str = "meetral-development-secret-not-for-production";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Environment {
    /// Demo data allowed, plain-http cookies, verbose errors in the log.
    Dev,
    /// No demo data; HSTS and secure cookies when served over https.
    Production,
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// PostgreSQL connection string.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: String,

    /// Address and port to listen on.
    #[arg(long, env = "MEETRAL_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Public URL of the site (used for links in mails, CSRF origin checks and HSTS).
    #[arg(long, env = "APP_BASE_URL", default_value = "http://127.0.0.1:3000")]
    pub base_url: String,

    /// Folder with the built site (pkg/ with WASM, JS, CSS and hash.txt, plus public files).
    #[arg(long, env = "MEETRAL_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Running mode.
    #[arg(long, env = "MEETRAL_ENV", value_enum, default_value = "dev")]
    pub env: Environment,

    /// Apply pending database migrations when serving starts.
    #[arg(long, env = "MEETRAL_AUTO_MIGRATE", default_value_t = true, action = clap::ArgAction::Set)]
    pub auto_migrate: bool,

    /// Maximum database connections in the pool.
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value_t = 10)]
    pub db_max_connections: u32,

    /// SMTP server for outgoing mail: smtp://host:port (plain), smtp://user:pass@host:587?tls=required
    /// (STARTTLS) or smtps://user:pass@host:465 (TLS). Unset in dev: mails are written to MEETRAL_MAIL_DIR.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Folder where mails are stored as .eml files when no SMTP_URL is set (development only).
    #[arg(long, env = "MEETRAL_MAIL_DIR", default_value = "data/mail")]
    pub mail_dir: PathBuf,

    /// Folder where uploaded images are stored and served from (`/media/`).
    #[arg(long, env = "MEETRAL_MEDIA_DIR", default_value = "data/media")]
    pub media_dir: PathBuf,

    /// S3-compatible endpoint for uploaded images (`https://s3.fr-par.scw.cloud`, `http://127.0.0.1:9000`);
    /// unset: images are kept in MEETRAL_MEDIA_DIR. With it, S3_BUCKET and both keys are required.
    #[arg(long, env = "S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,

    #[arg(long, env = "S3_BUCKET")]
    pub s3_bucket: Option<String>,

    #[arg(long, env = "S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,

    #[arg(long, env = "S3_ACCESS_KEY_ID", hide_env_values = true)]
    pub s3_access_key_id: Option<String>,

    #[arg(long, env = "S3_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<String>,

    /// Public URL of the bucket's files (a CDN or the bucket's website); default `S3_ENDPOINT/S3_BUCKET`.
    #[arg(long, env = "MEDIA_PUBLIC_URL")]
    pub media_public_url: Option<String>,

    /// Map tiles for Leaflet (`{z}`, `{x}`, `{y}` placeholders); empty: maps show markers only.
    #[arg(
        long,
        env = "MAP_TILE_URL",
        default_value = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    )]
    pub map_tile_url: String,

    /// Address search for the event form (Nominatim-compatible: `?q=…&format=json&limit=1`, answering
    /// `[{"lat": "…", "lon": "…"}]`); unset: organizers place the pin themselves. Called by the browser.
    #[arg(long, env = "GEOCODER_URL")]
    pub geocoder_url: Option<String>,

    /// Sender of every mail.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "Meetral <no-reply@meetral.fr>"
    )]
    pub mail_from: String,

    /// Run the mail worker inside the web server (also available alone as `meetral worker`).
    #[arg(long, env = "MEETRAL_WORKER", default_value_t = true, action = clap::ArgAction::Set)]
    pub worker: bool,

    /// Server secret (at least 32 characters) that signs links such as one-click unsubscribe. Required
    /// in production; development uses a fixed, public one.
    #[arg(long, env = "SESSION_SECRET", hide_env_values = true)]
    pub session_secret: Option<String>,

    /// Multiplies the per-IP bursts of sign-in, signup and mail-link requests (1 in production; the
    /// browser test suite, which signs in many times from one address, raises it).
    #[arg(long, env = "MEETRAL_RATE_LIMIT_FACTOR", default_value_t = 1)]
    pub rate_limit_factor: u32,

    /// Load balancers in front of this server (comma-separated addresses): for requests from them, the
    /// client is the address they append to `X-Forwarded-For` (rate limits, logs). Empty: the TCP peer.
    #[arg(long, env = "MEETRAL_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Web origins allowed to call the REST API from a browser (comma-separated, e.g.
    /// `https://app.example.org`); empty (the default): no cross-origin reads of /api/v1.
    #[arg(long, env = "API_CORS_ORIGINS", value_delimiter = ',')]
    pub api_cors_origins: Vec<String>,

    /// Let webhook endpoints be plain http or on loopback/private addresses (local development and
    /// tests only: in production it would let organizers reach the server's own network).
    #[arg(long, env = "WEBHOOK_ALLOW_PRIVATE", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhook_allow_private: bool,

    /// Requests per minute for each API token (anonymous callers: a quarter, per IP address).
    #[arg(long, env = "API_RATE_LIMIT", default_value_t = 600)]
    pub api_rate_limit: u32,

    /// How long a request waits for a database connection before answering 503, in milliseconds.
    #[arg(long, env = "DB_ACQUIRE_TIMEOUT_MS", default_value_t = 3000)]
    pub db_acquire_timeout_ms: u64,
}

impl Config {
    pub fn db_acquire_timeout(&self) -> Duration {
        Duration::from_millis(self.db_acquire_timeout_ms.clamp(100, 60_000))
    }

    /// The signing secret: the configured one, or in development a fixed one (never in production).
    pub fn secret(&self) -> Result<Vec<u8>, String> {
        match (&self.session_secret, self.env) {
            (Some(secret), _) if secret.chars().count() >= 32 => Ok(secret.as_bytes().to_vec()),
            (Some(_), _) => Err("SESSION_SECRET must be at least 32 characters long".to_owned()),
            (None, Environment::Dev) => Ok(DEV_SECRET.as_bytes().to_vec()),
            (None, Environment::Production) => {
                Err("SESSION_SECRET is required in production mode".to_owned())
            }
        }
    }

    /// Where uploaded images go: the S3-compatible bucket when configured (all of it, or an error),
    /// else the local media folder.
    pub fn media(&self) -> Result<app::ssr::media::Media, String> {
        use app::ssr::media::{Media, S3Settings, S3Store};
        let Some(endpoint) = self.s3_endpoint.clone().filter(|e| !e.trim().is_empty()) else {
            return Ok(Media::local(self.media_dir.clone()));
        };
        let required = |value: &Option<String>, name: &str| {
            value
                .clone()
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| format!("{name} is required with S3_ENDPOINT"))
        };
        let settings = S3Settings {
            bucket: required(&self.s3_bucket, "S3_BUCKET")?,
            access_key_id: required(&self.s3_access_key_id, "S3_ACCESS_KEY_ID")?,
            secret_access_key: required(&self.s3_secret_access_key, "S3_SECRET_ACCESS_KEY")?,
            region: self.s3_region.clone(),
            endpoint: endpoint.trim_end_matches('/').to_owned(),
        };
        let public_base = self
            .media_public_url
            .clone()
            .unwrap_or_else(|| format!("{}/{}", settings.endpoint, settings.bucket));
        Ok(Media {
            store: std::sync::Arc::new(S3Store::new(settings)),
            public_base: public_base.trim_end_matches('/').into(),
        })
    }

    /// The geocoder's origin (`https://host[:port]`) for the page's connect-src, when one is set.
    pub fn geocoder_origin(&self) -> Option<String> {
        let url = self.geocoder_url.as_deref()?.trim();
        let (scheme, rest) = url.split_once("://")?;
        let host = rest.split('/').next()?;
        let valid = matches!(scheme, "https" | "http")
            && !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
        valid.then(|| format!("{scheme}://{host}"))
    }

    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// `scheme://host[:port]` of the public URL, compared with the `Origin` of state-changing requests.
    pub fn origin(&self) -> String {
        let url = self.base_url.trim_end_matches('/');
        match url.find("://") {
            Some(i) => match url[i + 3..].find('/') {
                Some(j) => url[..i + 3 + j].to_owned(),
                None => url.to_owned(),
            },
            None => url.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        config: Config,
    }

    #[test]
    fn origin_drops_the_path() {
        let cli = Cli::parse_from([
            "x",
            "--database-url",
            "postgres://x",
            "--base-url",
            "https://meetral.fr/app/",
        ]);
        assert_eq!(cli.config.origin(), "https://meetral.fr");
        assert!(cli.config.is_https());
        let cli = Cli::parse_from(["x", "--database-url", "postgres://x"]);
        assert_eq!(cli.config.origin(), "http://127.0.0.1:3000");
    }

    #[test]
    fn only_a_well_formed_geocoder_opens_the_page_to_its_origin() {
        let origin = |url: &str| {
            Cli::parse_from(["x", "--database-url", "postgres://x", "--geocoder-url", url])
                .config
                .geocoder_origin()
        };
        assert_eq!(
            origin("https://nominatim.openstreetmap.org/search?countrycodes=fr").as_deref(),
            Some("https://nominatim.openstreetmap.org")
        );
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("https://evil.example; script-src *"), None);
        assert_eq!(origin("ftp://files.example"), None);
        let none = Cli::parse_from(["x", "--database-url", "postgres://x"]);
        assert_eq!(none.config.geocoder_origin(), None);
    }

    #[test]
    fn the_secret_is_required_and_long_in_production() {
        let parse = |args: &[&str]| {
            let mut all = vec!["x", "--database-url", "postgres://x"];
            all.extend_from_slice(args);
            Cli::parse_from(all).config
        };
        assert!(parse(&[]).secret().is_ok());
        assert!(parse(&["--env", "production"]).secret().is_err());
        assert!(
            parse(&["--env", "production", "--session-secret", "short"])
                .secret()
                .is_err()
        );
        let long = "x".repeat(32);
        assert_eq!(
            parse(&["--env", "production", "--session-secret", &long]).secret(),
            Ok(long.into_bytes())
        );
    }
}
