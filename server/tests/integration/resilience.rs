//! Faults: a database that is down at start, lost while running, and back again.

use crate::common;

use crate::common::{TestApp, admin_execute};
use std::{process::Command, time::Duration};

#[tokio::test]
async fn an_unreachable_database_gives_503_pages_and_health_not_a_panic() {
    let app = TestApp::with_database(
        "postgres://postgres@127.0.0.1:1/nowhere".to_owned(),
        "nowhere".to_owned(),
    )
    .await;
    let health = app.get("/healthz", &[]).await;
    assert_eq!(health.status, 503);
    assert!(health.body.contains(r#""database":"down""#));
    let home = app.get("/", &[("accept-language", "fr")]).await;
    assert_eq!(home.status, 503);
    assert!(
        home.body.contains("momentanément indisponible"),
        "a translated 503 page"
    );
    let contact = app
        .post_form("/api/fn/contact", "full_name=Jeanne&email=j%40exemple.fr&subject=Bonjour&message=Un+message+assez+long&locale=fr", &[("accept", "application/json")])
        .await;
    assert_eq!(contact.status, 503);
}

#[tokio::test]
async fn the_server_recovers_by_itself_when_the_database_returns() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/", &[]).await.status, 200);

    let name = &app.database_name;
    admin_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false")).await;
    admin_execute(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ))
    .await;
    assert_eq!(app.get("/healthz", &[]).await.status, 503);
    assert_eq!(app.get("/", &[]).await.status, 503);

    admin_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true")).await;
    let mut recovered = false;
    for _ in 0..20 {
        if app.get("/healthz", &[]).await.status == 200 {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(recovered, "health recovers without a restart");
    assert_eq!(app.get("/", &[]).await.status, 200);
}

#[test]
fn the_binary_exits_with_one_clear_line_when_the_database_is_unreachable() {
    let output = Command::new(env!("CARGO_BIN_EXE_meetral"))
        .env("DATABASE_URL", "postgres://app:secret@127.0.0.1:1/meetral")
        .env("DB_ACQUIRE_TIMEOUT_MS", "500")
        .env("RUST_LOG", "off")
        .output()
        .expect("run meetral");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with(
        "meetral: cannot connect to the database at postgres://app:***@127.0.0.1:1/meetral"
    ));
    assert!(!stderr.contains("secret") && !stderr.contains("panicked"));
}

#[test]
fn help_lists_the_configuration() {
    let output = Command::new(env!("CARGO_BIN_EXE_meetral"))
        .arg("--help")
        .output()
        .expect("run meetral");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for variable in [
        "DATABASE_URL",
        "MEETRAL_ADDR",
        "APP_BASE_URL",
        "MEETRAL_SITE_ROOT",
        "MEETRAL_ENV",
        "SMTP_URL",
        "MAIL_FROM",
        "SESSION_SECRET",
        "Mails the worker gave up on",
        "worker",
        "seed-demo",
        "migrate",
    ] {
        assert!(help.contains(variable), "--help mentions {variable}");
    }
}

/// Plain HTTP/1.1 GET over a socket: enough for a health probe without an HTTP client dependency.
fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

#[tokio::test]
async fn sigterm_stops_the_server_gracefully() {
    let (database_url, _) = common::fresh_database().await;
    let site = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(site.path().join("pkg")).expect("pkg");
    std::fs::write(site.path().join("pkg/hash.txt"), "js: 0\nwasm: 0\ncss: 0\n").expect("hash");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_meetral"))
        .env("DATABASE_URL", &database_url)
        .env("MEETRAL_ADDR", format!("127.0.0.1:{port}"))
        .env("MEETRAL_SITE_ROOT", site.path())
        .env("MEETRAL_MAIL_DIR", site.path().join("mail"))
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start meetral");
    let mut healthy = false;
    for _ in 0..100 {
        if http_get(port, "/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(healthy, "the server answers /healthz");
    let page = http_get(port, "/").expect("home page");
    assert!(page.starts_with("HTTP/1.1 200") && page.contains("Meetral"));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("join")
        .expect("output");
    assert_eq!(output.status.code(), Some(0), "clean exit on SIGTERM");
    let logs = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    assert!(logs.contains("Meetral stopped cleanly"), "{logs}");
}
