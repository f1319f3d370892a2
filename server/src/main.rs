//! `meetral`: the Meetral web server and its maintenance commands.

use clap::{Parser, Subcommand};
use meetral_server::{
    config::{Config, Environment},
    db, demo, http, worker,
};
use std::{process::ExitCode, sync::Arc};
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "meetral",
    version,
    about = "Meetral — Meet. Connect. Enjoy. Event platform server."
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo accounts and events (development mode only; safe to run twice).
    SeedDemo,
    /// Add N synthetic published events (to measure the catalogue; development mode only).
    SeedSynthetic {
        #[arg(long, default_value_t = 100_000)]
        events: i64,
    },
    /// Run only the outbox mail worker and scheduled jobs (several may run at once, on any machines).
    Worker,
    /// Create the first admin account, or make an existing account an admin. The password is read from
    /// MEETRAL_ADMIN_PASSWORD, else from the first line of standard input (never from the command
    /// line, which other users of the machine can see). The admin turns on two-factor sign-in at the
    /// first sign-in (/account/security) before using the back-office.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Admin Meetral")]
        name: String,
    },
    /// Mails the worker gave up on: list them, or put them back in the queue.
    Mail {
        #[command(subcommand)]
        action: MailAction,
    },
}

#[derive(Subcommand)]
enum MailAction {
    /// List the 50 most recent failed mails with their error.
    Failed,
    /// Re-queue one failed mail (--id) or all of them (--all).
    Retry {
        #[arg(long, conflicts_with = "all", required_unless_present = "all")]
        id: Option<i64>,
        #[arg(long)]
        all: bool,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("meetral: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let config = cli.config;
    let pool = db::connect(&config).await?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Migrate => db::migrate(&pool).await,
        Command::SeedSynthetic { events } => {
            if config.env == Environment::Production {
                return Err("synthetic events are never added in production mode".to_owned());
            }
            db::migrate(&pool).await?;
            let summary = demo::synthetic::seed(&pool, events.clamp(1, 1_000_000))
                .await
                .map_err(|e| format!("adding synthetic events failed: {e}"))?;
            println!("{summary}");
            Ok(())
        }
        Command::SeedDemo => {
            if config.env == Environment::Production {
                return Err(
                    "demo data is never loaded in production mode (MEETRAL_ENV=production)"
                        .to_owned(),
                );
            }
            db::migrate(&pool).await?;
            let summary = demo::seed(&pool)
                .await
                .map_err(|e| format!("loading demo data failed: {e}"))?;
            println!("{summary}");
            Ok(())
        }
        Command::Worker => {
            let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
            let handle = worker::spawn(&config, pool, stop_rx)?;
            tracing::info!("mail worker started");
            shutdown_signal().await;
            let _ = stop_tx.send(true);
            handle
                .await
                .map_err(|e| format!("mail worker crashed: {e}"))
        }
        Command::Mail { action } => mail_command(&pool, action).await,
        Command::CreateAdmin { email, name } => {
            db::migrate(&pool).await?;
            let password = match std::env::var("MEETRAL_ADMIN_PASSWORD") {
                Ok(password) => password,
                Err(_) => {
                    eprintln!("Password for {email} (one line):");
                    let mut line = String::new();
                    std::io::stdin()
                        .read_line(&mut line)
                        .map_err(|e| format!("cannot read the password: {e}"))?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let created =
                app::accounts::server::admin::create_admin(&pool, &email, &name, &password).await?;
            println!(
                "{email} is {} admin. Sign in at /login, then turn on two-factor authentication at /account/security.",
                if created { "a new" } else { "now an" }
            );
            Ok(())
        }
        Command::Serve => serve(config, pool).await,
    }
}

async fn mail_command(pool: &sqlx::PgPool, action: MailAction) -> Result<(), String> {
    use app::ssr::mail::outbox;
    match action {
        MailAction::Failed => {
            let mails = outbox::failed(pool, 50).await.map_err(|e| e.to_string())?;
            if mails.is_empty() {
                println!("no failed mail");
            }
            for mail in mails {
                println!(
                    "#{}  {}  {}  to {}  after {} attempt(s): {}",
                    mail.id,
                    mail.created_at.format("%Y-%m-%d %H:%M"),
                    mail.template,
                    mail.to_address,
                    mail.attempts,
                    mail.last_error.unwrap_or_default()
                );
            }
            Ok(())
        }
        MailAction::Retry { id, .. } => {
            let mut conn = pool.acquire().await.map_err(|e| e.to_string())?;
            let count = outbox::retry_failed(&mut conn, id)
                .await
                .map_err(|e| e.to_string())?;
            println!("{count} mail(s) queued again");
            Ok(())
        }
    }
}

async fn serve(config: Config, pool: sqlx::PgPool) -> Result<(), String> {
    config.secret()?;
    config.media()?;
    if config.auto_migrate {
        db::migrate(&pool).await?;
    }
    let assets = http::load_assets(&config.site_root)?;
    let leptos_options = http::leptos_options(&config)?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mail_worker = if config.worker {
        Some(worker::spawn(&config, pool.clone(), stop_rx)?)
    } else {
        None
    };
    let page_views = app::dashboard::server::PageViews::default();
    page_views.spawn_flusher(pool.clone(), std::time::Duration::from_secs(5));
    let state = http::AppState {
        leptos_options,
        pool: pool.clone(),
        config: Arc::new(config),
        page_views: page_views.clone(),
    };
    let router = http::router(state, assets);
    tracing::info!("Meetral listening on http://{address}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server error: {e}"))?;
    if let Err(error) = page_views.flush(&pool).await {
        tracing::warn!(%error, "the last page views were not written");
    }
    let _ = stop_tx.send(true);
    if let Some(handle) = mail_worker {
        // The worker finishes the mail it is sending; a stuck SMTP server does not block shutdown.
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), handle).await;
    }
    tracing::info!("Meetral stopped cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
