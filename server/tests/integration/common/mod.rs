//! Test harness: every test gets its own database, cloned from a template migrated once per migration
//! set, and drives the same router the binary serves. Needs a PostgreSQL server: `TEST_DATABASE_URL`
//! (or `DATABASE_URL`) names a maintenance database on it; `scripts/test.sh` sets it.

#![allow(dead_code)] // each test file uses a different part of the harness

pub mod accounts;
pub mod events;
pub mod smtp;

use axum::{Router, body::Body};
use clap::Parser;
use http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use meetral_server::{config::Config, db, http as web};
use sqlx::{Connection, Executor, PgConnection, PgPool, postgres::PgPoolOptions};
use std::{
    sync::{
        Arc,
        atomic::{AtomicU32, Ordering},
    },
    time::Duration,
};
use tower::ServiceExt;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    config: Config,
}

pub const BASE_URL: &str = "http://meetral.test";

pub struct TestApp {
    pub router: Router,
    pub pool: PgPool,
    pub database_url: String,
    pub database_name: String,
    _site: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as it came (files).
    pub bytes: Vec<u8>,
}

fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .or_else(|_| std::env::var("DATABASE_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// The same server URL with another database name.
pub fn url_for_database(name: &str) -> String {
    let url = admin_url();
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base.to_owned(), format!("?{query}")),
        None => (url.clone(), String::new()),
    };
    let without_db = match base.rfind('/') {
        Some(i) if i > base.find("://").map_or(0, |j| j + 2) => &base[..i],
        _ => base.as_str(),
    };
    format!("{without_db}/{name}{query}")
}

/// Name of the template for the current migration set (a new set gets a new template).
fn template_name() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for migration in db::MIGRATOR.iter() {
        for byte in migration
            .checksum
            .iter()
            .chain(migration.version.to_le_bytes().iter())
        {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("meetral_tpl_{hash:016x}")
}

async fn ensure_template(admin: &mut PgConnection) -> String {
    let name = template_name();
    // Serialises template creation across test threads and processes.
    admin
        .execute("SELECT pg_advisory_lock(727274)")
        .await
        .expect("advisory lock");
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut *admin)
            .await
            .expect("query pg_database");
    if !exists {
        let building = format!("{name}_building");
        recreate_database(admin, &building, None).await;
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect(&url_for_database(&building))
            .await
            .expect("connect template");
        db::migrate(&pool).await.expect("migrate template");
        pool.close().await;
        admin
            .execute(format!("ALTER DATABASE {building} RENAME TO {name}").as_str())
            .await
            .expect("publish template");
    }
    admin
        .execute("SELECT pg_advisory_unlock(727274)")
        .await
        .expect("advisory unlock");
    name
}

/// Drops `name` if a previous run left it, then creates it empty or as a copy of `template`.
async fn recreate_database(admin: &mut PgConnection, name: &str, template: Option<&str>) {
    admin
        .execute(format!("DROP DATABASE IF EXISTS {name}").as_str())
        .await
        .expect("drop database");
    let create = match template {
        Some(template) => format!("CREATE DATABASE {name} TEMPLATE {template}"),
        None => format!("CREATE DATABASE {name}"),
    };
    admin
        .execute(create.as_str())
        .await
        .expect("create database");
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh, migrated, empty database (categories only).
pub async fn fresh_database() -> (String, String) {
    let mut admin = PgConnection::connect(&admin_url())
        .await
        .expect("connect to the test PostgreSQL server");
    let template = ensure_template(&mut admin).await;
    let name = format!(
        "meetral_t_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    recreate_database(&mut admin, &name, Some(&template)).await;
    (url_for_database(&name), name)
}

pub fn config(database_url: &str, site_root: &std::path::Path, extra_args: &[&str]) -> Config {
    let mail_dir = site_root.join("mail");
    let media_dir = site_root.join("media");
    let mut args = vec![
        "meetral",
        "--database-url",
        database_url,
        "--site-root",
        site_root.to_str().expect("utf-8 path"),
        "--mail-dir",
        mail_dir.to_str().expect("utf-8 path"),
        "--media-dir",
        media_dir.to_str().expect("utf-8 path"),
        "--db-acquire-timeout-ms",
        "500",
    ];
    // clap takes each flag once: the default public URL only when the caller gives none.
    if !extra_args.contains(&"--base-url") {
        args.extend(["--base-url", BASE_URL]);
    }
    args.extend_from_slice(extra_args);
    Cli::parse_from(args).config
}

/// A site folder with the hash file the server needs (tests do not need the real WASM).
fn fake_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(site.path().join("pkg")).expect("pkg dir");
    std::fs::write(
        site.path().join("pkg/hash.txt"),
        "js: 0\nwasm: 0\ncss: test\n",
    )
    .expect("hash file");
    std::fs::write(
        site.path().join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .expect("logo");
    site
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        let (database_url, database_name) = fresh_database().await;
        Self::with_database(database_url, database_name).await
    }

    /// An app whose pool points at `database_url` (which may be unreachable: the pool connects lazily).
    pub async fn with_database(database_url: String, database_name: String) -> TestApp {
        Self::build(database_url, database_name, &[]).await
    }

    /// An app whose public URL is `base_url` (e.g. https, to see production-only headers).
    pub async fn with_base_url(base_url: &str) -> TestApp {
        Self::with_args(&["--base-url", base_url]).await
    }

    /// An app on a fresh database with extra command-line settings (e.g. `--env production`).
    pub async fn with_args(extra_args: &[&str]) -> TestApp {
        let (database_url, database_name) = fresh_database().await;
        Self::build(database_url, database_name, extra_args).await
    }

    /// Where the dev transport of this app writes mails.
    pub fn mail_dir(&self) -> std::path::PathBuf {
        self._site.path().join("mail")
    }

    async fn build(database_url: String, database_name: String, extra_args: &[&str]) -> TestApp {
        let site = fake_site();
        let config = config(&database_url, site.path(), extra_args);
        let pool = PgPoolOptions::new()
            .max_connections(5)
            .acquire_timeout(Duration::from_millis(500))
            .connect_lazy(&database_url)
            .expect("valid database url");
        let state = web::AppState {
            leptos_options: web::leptos_options(&config).expect("leptos options"),
            pool: pool.clone(),
            config: Arc::new(config),
            page_views: Default::default(),
        };
        let assets = web::load_assets(site.path()).expect("assets");
        TestApp {
            router: web::router(state, assets),
            pool,
            database_url,
            database_name,
            _site: site,
        }
    }

    pub async fn request(&self, request: Request<Body>) -> Reply {
        let what = format!("{} {}", request.method(), request.uri());
        // A stuck request fails the test with its path instead of hanging the whole suite.
        let response = tokio::time::timeout(
            Duration::from_secs(30),
            self.router.clone().oneshot(request),
        )
        .await
        .unwrap_or_else(|_| panic!("{what} did not answer within 30 s"))
        .expect("router never fails");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str, extra: &[(&str, &str)]) -> Reply {
        let mut builder = Request::get(path);
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        self.request(builder.body(Body::empty()).expect("request"))
            .await
    }

    /// A form post as the browser sends it from one of our pages; `extra` headers replace the defaults.
    pub async fn post_form(&self, path: &str, form: &str, extra: &[(&str, &str)]) -> Reply {
        let mut request = Request::post(path)
            .body(Body::from(form.to_owned()))
            .expect("request");
        let headers = request.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded".parse().expect("value"),
        );
        headers.insert(header::ORIGIN, BASE_URL.parse().expect("value"));
        headers.insert("sec-fetch-site", "same-origin".parse().expect("value"));
        for (name, value) in extra {
            headers.insert(
                http::HeaderName::from_bytes(name.as_bytes()).expect("name"),
                value.parse().expect("value"),
            );
        }
        self.request(request).await
    }

    /// A form post carrying only an `Origin` header, as browsers without `Sec-Fetch-Site` send it.
    pub async fn post_from_origin(&self, path: &str, form: &str, origin: &str) -> Reply {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, origin)
            .body(Body::from(form.to_owned()))
            .expect("request");
        self.request(request).await
    }

    /// Inserts a published public event (with its organizer) and returns its slug.
    pub async fn insert_event(&self, title: &str, starts_in: Duration, free_food: bool) -> String {
        let slug = title
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>();
        let slug = slug
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let organizer: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, full_name) VALUES ($1, 'Orga Test') RETURNING id",
        )
        .bind(format!("{slug}@orga.test"))
        .fetch_one(&self.pool)
        .await
        .expect("insert organizer");
        sqlx::query(
            "INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city,
                                 venue_name, address_line, postal_code, free_food, free_food_details, published_at)
             SELECT $1, $2, id, $3, 'Résumé de test', 'published', now() + $4, now() + $4 + interval '2 hours',
                    'Lyon', 'H7', '70 quai Perrache', '69002', $5, CASE WHEN $5 THEN 'Buffet' END, now()
             FROM categories WHERE slug = 'networking'",
        )
        .bind(&slug)
        .bind(organizer)
        .bind(title)
        .bind(sqlx::postgres::types::PgInterval::try_from(starts_in).expect("interval"))
        .bind(free_food)
        .execute(&self.pool)
        .await
        .expect("insert event");
        slug
    }
}

/// Runs `statement` on the maintenance database (e.g. to cut a test database off).
pub async fn admin_execute(statement: &str) {
    let mut admin = PgConnection::connect(&admin_url())
        .await
        .expect("connect admin");
    admin.execute(statement).await.expect("admin statement");
}

/// Polls every future together on this task (requests through one router, truly concurrent in the
/// database).
pub async fn join_all<F: std::future::Future<Output = u16>>(futures: Vec<F>) -> Vec<u16> {
    let mut pinned: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut results = vec![None; pinned.len()];
    std::future::poll_fn(|cx| {
        let mut done = true;
        for (slot, future) in results.iter_mut().zip(pinned.iter_mut()) {
            if slot.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *slot = Some(value),
                    std::task::Poll::Pending => done = false,
                }
            }
        }
        if done {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    results.into_iter().flatten().collect()
}
