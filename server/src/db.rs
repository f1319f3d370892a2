//! Database connection and migrations.

use sqlx::{PgPool, postgres::PgPoolOptions};

use crate::config::Config;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// Connects and checks the server answers; the pool reconnects by itself later if the server goes away.
pub async fn connect(config: &Config) -> Result<PgPool, String> {
    PgPoolOptions::new()
        .max_connections(config.db_max_connections.max(1))
        .min_connections(0)
        .acquire_timeout(config.db_acquire_timeout())
        .connect(&config.database_url)
        .await
        .map_err(|error| {
            format!(
                "cannot connect to the database at {}: {error}",
                redact(&config.database_url)
            )
        })
}

pub async fn migrate(pool: &PgPool) -> Result<(), String> {
    MIGRATOR
        .run(pool)
        .await
        .map_err(|error| format!("database migration failed: {error}"))
}

/// The connection string without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return "<invalid url>".to_owned();
    };
    let rest = &url[scheme_end + 3..];
    match (rest.find('@'), rest.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &url[..scheme_end + 3],
            &rest[..colon],
            &rest[at..]
        ),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/meetral"),
            "postgres://app:***@db:5432/meetral"
        );
        assert_eq!(
            redact("postgres://app@db/meetral"),
            "postgres://app@db/meetral"
        );
        assert_eq!(redact("garbage"), "<invalid url>");
    }
}
