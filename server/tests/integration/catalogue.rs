//! The catalogue over a fixed set of events: each filter, combinations, accents and typos, garbage in the
//! URL, pagination — through the real page on a real PostgreSQL.

use crate::common::TestApp;
use app::discovery::{
    model::{Filters, When},
    server::catalogue::window,
};
use chrono::{DateTime, Utc};

struct Fixture<'a> {
    title: &'a str,
    category: &'a str,
    starts_at: DateTime<Utc>,
    city: Option<&'a str>,
    position: Option<(f64, f64)>,
    mode: &'a str,
    price_cents: i32,
    free_food: bool,
    status: &'a str,
    visibility: &'a str,
}

async fn insert(app: &TestApp, organizer: i64, event: Fixture<'_>) {
    let slug = format!(
        "e-{}",
        event.title.len() * 1000 + event.starts_at.timestamp() as usize % 997
    );
    sqlx::query(
        "INSERT INTO events (slug, organizer_id, category_id, title, summary, status, visibility, starts_at,
                             ends_at, city, latitude, longitude, attendance_mode, online_url, price_cents,
                             free_food, free_food_details, published_at)
         SELECT $1 || '-' || md5(random()::text), $2, c.id, $3, 'Un résumé de test assez long.', $4, $5, $6,
                $6 + interval '2 hours', $7, $8, $9, $10,
                CASE WHEN $10 <> 'in_person' THEN 'https://visio.exemple.fr/x' END, $11, $12,
                CASE WHEN $12 THEN 'Buffet' END, now() - (random() * interval '10 days')
         FROM categories c WHERE c.slug = $13",
    )
    .bind(slug)
    .bind(organizer)
    .bind(event.title)
    .bind(event.status)
    .bind(event.visibility)
    .bind(event.starts_at)
    .bind(event.city)
    .bind(event.position.map(|p| p.0))
    .bind(event.position.map(|p| p.1))
    .bind(event.mode)
    .bind(event.price_cents)
    .bind(event.free_food)
    .bind(event.category)
    .execute(&app.pool)
    .await
    .expect("fixture event");
}

const LYON: (f64, f64) = (45.764, 4.8357);
const PARIS: (f64, f64) = (48.8566, 2.3522);

async fn fixtures(app: &TestApp) {
    let organizer: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, full_name) VALUES ('orga@catalogue.test', 'Orga') RETURNING id",
    )
    .fetch_one(&app.pool)
    .await
    .expect("organizer");
    let now = Utc::now();
    let (weekend_start, weekend_end) = window(
        &Filters {
            when: Some(When::Weekend),
            ..Filters::default()
        },
        now,
    );
    let (start, end) = (weekend_start.expect("start"), weekend_end.expect("end"));
    let in_weekend = start + (end - start) / 2;
    let days = |n: i64| now + chrono::Duration::days(n);
    let base = Fixture {
        title: "",
        category: "culturel",
        starts_at: days(10),
        city: Some("Lyon"),
        position: Some(LYON),
        mode: "in_person",
        price_cents: 0,
        free_food: false,
        status: "published",
        visibility: "public",
    };
    insert(
        app,
        organizer,
        Fixture {
            title: "Brunch végétarien des voisins",
            starts_at: in_weekend,
            free_food: true,
            ..base
        },
    )
    .await;
    insert(
        app,
        organizer,
        Fixture {
            title: "Concert de jazz au parc",
            starts_at: end + chrono::Duration::days(3),
            price_cents: 1500,
            ..base
        },
    )
    .await;
    insert(
        app,
        organizer,
        Fixture {
            title: "Webinaire Rust avancé",
            category: "formation",
            city: None,
            position: None,
            mode: "online",
            starts_at: end + chrono::Duration::days(1),
            ..base
        },
    )
    .await;
    insert(
        app,
        organizer,
        Fixture {
            title: "Atelier céramique",
            city: Some("Paris"),
            position: Some(PARIS),
            price_cents: 2500,
            free_food: true,
            starts_at: end + chrono::Duration::days(2),
            ..base
        },
    )
    .await;
    insert(
        app,
        organizer,
        Fixture {
            title: "Soirée passée",
            starts_at: days(-3),
            ..base
        },
    )
    .await;
    insert(
        app,
        organizer,
        Fixture {
            title: "Brouillon secret",
            status: "draft",
            ..base
        },
    )
    .await;
    insert(
        app,
        organizer,
        Fixture {
            title: "Fête non répertoriée",
            visibility: "unlisted",
            ..base
        },
    )
    .await;
}

async fn titles(app: &TestApp, query: &str) -> Vec<&'static str> {
    let page = app
        .get(&format!("/events?{query}"), &[("accept-language", "fr")])
        .await;
    assert_eq!(page.status, 200, "{query}");
    [
        "Brunch végétarien des voisins",
        "Concert de jazz au parc",
        "Webinaire Rust avancé",
        "Atelier céramique",
        "Soirée passée",
        "Brouillon secret",
        "Fête non répertoriée",
    ]
    .into_iter()
    .filter_map(|title| page.body.find(title).map(|at| (at, title)))
    .collect::<std::collections::BTreeMap<_, _>>()
    .into_values()
    .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_filter_and_their_combinations_select_the_right_events() {
    let app = TestApp::spawn().await;
    fixtures(&app).await;
    let all = [
        "Brunch végétarien des voisins",
        "Webinaire Rust avancé",
        "Atelier céramique",
        "Concert de jazz au parc",
    ];
    assert_eq!(
        titles(&app, "").await,
        all,
        "upcoming, published, public only, soonest first"
    );
    assert_eq!(
        titles(&app, "q=ceramique").await,
        ["Atelier céramique"],
        "accents ignored"
    );
    assert_eq!(
        titles(&app, "q=C%C3%A9ramique").await,
        ["Atelier céramique"]
    );
    assert_eq!(
        titles(&app, "q=ceramiqe").await,
        ["Atelier céramique"],
        "a small typo"
    );
    assert_eq!(
        titles(&app, "q=voisin").await,
        ["Brunch végétarien des voisins"],
        "French stemming"
    );
    assert_eq!(
        titles(&app, "when=weekend").await,
        ["Brunch végétarien des voisins"]
    );
    assert_eq!(
        titles(&app, "city=lyon").await,
        ["Brunch végétarien des voisins", "Concert de jazz au parc"]
    );
    assert_eq!(
        titles(&app, "q=jazz+Lyon&city=lyon").await,
        ["Concert de jazz au parc"],
        "the city's name in the text changes nothing"
    );
    assert_eq!(
        titles(&app, "q=lyon&city=Lyon").await,
        ["Brunch végétarien des voisins", "Concert de jazz au parc"]
    );
    assert_eq!(
        titles(&app, "freefood=1&when=weekend&city=Lyon").await,
        ["Brunch végétarien des voisins"]
    );
    assert_eq!(
        titles(&app, "freefood=1").await,
        ["Brunch végétarien des voisins", "Atelier céramique"]
    );
    assert_eq!(
        titles(&app, "price=free").await,
        ["Brunch végétarien des voisins", "Webinaire Rust avancé"]
    );
    assert_eq!(
        titles(&app, "price=paid").await,
        ["Atelier céramique", "Concert de jazz au parc"]
    );
    assert_eq!(titles(&app, "mode=online").await, ["Webinaire Rust avancé"]);
    assert_eq!(
        titles(&app, "category=formation").await,
        ["Webinaire Rust avancé"]
    );
    assert_eq!(
        titles(&app, "lat=45.76&lon=4.84&radius=10").await,
        ["Brunch végétarien des voisins", "Concert de jazz au parc"],
        "near Lyon"
    );
    assert_eq!(
        titles(&app, "lat=45.76&lon=4.84&radius=500").await,
        ["Brunch végétarien des voisins", "Concert de jazz au parc"],
        "the radius is capped at 200 km: Paris (390 km) stays out"
    );
    assert_eq!(titles(&app, "q=jazz&price=free").await, Vec::<&str>::new());
    let empty = app
        .get("/events?q=jazz&price=free", &[("accept-language", "fr")])
        .await;
    assert!(empty.body.contains("Aucun événement ne correspond"));
}

#[tokio::test(flavor = "multi_thread")]
async fn garbage_in_the_url_is_ignored_with_a_note_never_a_500() {
    let app = TestApp::spawn().await;
    fixtures(&app).await;
    let long = "x".repeat(5000);
    for query in [
        "when=yesterday&category=%27%3BDROP%20TABLE%20events%3B--&radius=1000000000&lat=45&lon=4",
        "from=2030-05-10&to=2030-05-01",
        &format!("q={long}"),
        "q=%27%20OR%201%3D1%20--",
        "page=99999999999&price=%00",
        "lat=abc&lon=&sort=nearest",
    ] {
        let page = app
            .get(&format!("/events?{query}"), &[("accept-language", "fr")])
            .await;
        assert_eq!(page.status, 200, "{query}");
    }
    let noted = app
        .get(
            "/events?when=yesterday&radius=1000000000&lat=45.76&lon=4.84",
            &[("accept-language", "fr")],
        )
        .await;
    assert!(noted.body.contains("ont été ignorés"));
    assert!(noted.body.contains("limité à 200 km"));
    let swapped = app
        .get(
            "/events?from=2030-05-10&to=2030-05-01",
            &[("accept-language", "fr")],
        )
        .await;
    assert!(swapped.body.contains("remises dans l’ordre"));
    let injected: i64 = sqlx::query_scalar("SELECT count(*) FROM events")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(injected, 7, "nothing was dropped");
}

#[tokio::test(flavor = "multi_thread")]
async fn results_come_in_pages_that_keep_the_filters() {
    let app = TestApp::spawn().await;
    fixtures(&app).await;
    sqlx::query(
        "INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city, published_at)
         SELECT 'serie-' || n, (SELECT id FROM users LIMIT 1), (SELECT id FROM categories WHERE slug = 'formation'),
                'Cours du soir n°' || n, 'Un résumé de test assez long.', 'published',
                now() + make_interval(days => 20, hours => n), now() + make_interval(days => 20, hours => n + 1), 'Nantes', now()
         FROM generate_series(1, 30) AS n",
    )
    .execute(&app.pool)
    .await
    .expect("series");
    let first = app
        .get("/events?city=Nantes", &[("accept-language", "fr")])
        .await;
    assert!(first.body.contains("30 événements"));
    assert_eq!(first.body.matches("Cours du soir n°").count(), 24);
    assert!(
        first
            .body
            .contains(r#"href="/events?city=Nantes&amp;page=2""#),
        "the pager keeps the filters"
    );
    let second = app
        .get("/events?city=Nantes&page=2", &[("accept-language", "fr")])
        .await;
    assert_eq!(second.body.matches("Cours du soir n°").count(), 6);
    assert!(second.body.contains("Cours du soir n°30"));
}

async fn run(app: &TestApp, statement: &str) {
    sqlx::query(statement)
        .execute(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

/// A write the catalogue's change counter does not see (its trigger off for it).
async fn unseen(app: &TestApp, statement: &str) {
    run(
        app,
        "ALTER TABLE events DISABLE TRIGGER events_catalogue_changes",
    )
    .await;
    run(app, statement).await;
    run(
        app,
        "ALTER TABLE events ENABLE TRIGGER events_catalogue_changes",
    )
    .await;
}

/// The server keeps a catalogue page a moment (discovery/server/cache.rs), but never past a write: an
/// event renamed, hidden or added shows on the very next request.
#[tokio::test(flavor = "multi_thread")]
async fn a_kept_catalogue_page_never_outlives_a_change() {
    let app = TestApp::spawn().await;
    fixtures(&app).await;
    let page = || async { app.get("/events", &[("accept-language", "fr")]).await.body };
    assert!(page().await.contains("Concert de jazz au parc"));
    // An unseen change is not shown: the page was kept…
    let rename =
        "UPDATE events SET title = 'Soirée jazz renommée' WHERE title = 'Concert de jazz au parc'";
    unseen(&app, rename).await;
    let kept = page().await;
    assert!(kept.contains("Concert de jazz au parc") && !kept.contains("Soirée jazz renommée"));
    // …and any counted write to events shows at once.
    run(
        &app,
        "UPDATE events SET hidden_at = NULL WHERE title = 'Soirée jazz renommée'",
    )
    .await;
    let renamed = page().await;
    assert!(renamed.contains("Soirée jazz renommée") && !renamed.contains("Concert de jazz"));
    let hide = "UPDATE events SET hidden_at = now(), hidden_reason = 'reports' WHERE title = 'Soirée jazz renommée'";
    run(&app, hide).await;
    assert!(!page().await.contains("Soirée jazz renommée"));
    // Categories count too (their names are on the cards and in the filter).
    run(
        &app,
        "UPDATE categories SET name_fr = 'Culture et sorties' WHERE slug = 'culturel'",
    )
    .await;
    assert!(page().await.contains("Culture et sorties"));
    // A kept page goes stale after `FRESH_FOR` anyway (time passes: events end).
    let brunch =
        "UPDATE events SET title = 'Brunch renommé' WHERE title = 'Brunch végétarien des voisins'";
    unseen(&app, brunch).await;
    tokio::time::sleep(app::discovery::server::cache::FRESH_FOR).await;
    assert!(page().await.contains("Brunch renommé"));
}

#[tokio::test(flavor = "multi_thread")]
async fn sitemap_robots_and_calendar_feeds_describe_the_catalogue() {
    let app = TestApp::with_base_url("https://meetral.example").await;
    fixtures(&app).await;
    let sitemap = app.get("/sitemap.xml", &[]).await;
    assert_eq!(sitemap.status, 200);
    assert!(
        sitemap.headers["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("application/xml")
    );
    assert!(sitemap.body.starts_with("<?xml") && sitemap.body.contains("<urlset"));
    assert!(
        sitemap
            .body
            .contains("<loc>https://meetral.example/faq</loc>")
    );
    assert_eq!(
        sitemap.body.matches("<lastmod>").count(),
        5,
        "published public events, past ones included"
    );
    assert!(!sitemap.body.contains("Brouillon") && !sitemap.body.contains("non-repertoriee"));

    let robots = app.get("/robots.txt", &[]).await;
    assert!(
        robots
            .body
            .contains("Sitemap: https://meetral.example/sitemap.xml")
    );

    let feed = app.get("/events/calendar.ics?city=Lyon", &[]).await;
    assert_eq!(feed.status, 200);
    assert!(
        feed.headers["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/calendar")
    );
    assert_eq!(
        feed.body.matches("BEGIN:VEVENT").count(),
        2,
        "{}",
        feed.body
    );
    assert!(feed.body.contains("SUMMARY:Brunch végétarien des voisins"));
    let garbage = app
        .get("/events/calendar.ics?when=%00&radius=-1", &[])
        .await;
    assert_eq!(garbage.status, 200);
    assert_eq!(garbage.body.matches("BEGIN:VEVENT").count(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn views_sorts_and_a_capped_count() {
    let app = TestApp::spawn().await;
    fixtures(&app).await;
    let fr = [("accept-language", "fr")];
    // The map view lists every result with its place as data for the map; online ones are counted.
    let map = app.get("/events?view=map", &fr).await;
    assert_eq!(map.status, 200);
    assert_eq!(map.body.matches(r#"data-lat=""#).count(), 3);
    assert_eq!(map.body.matches(r#"data-freefood="""#).count(), 2);
    assert!(map.body.contains("1 en ligne, sans lieu sur la carte"));
    assert!(
        map.body
            .contains("/pkg/vendor/leaflet/leaflet.markercluster.js")
    );
    assert!(
        map.body.contains(r#"data-lat="45.7640""#) && map.body.contains(r#"data-lon="4.8357""#)
    );
    let grid = app.get("/events", &fr).await;
    assert!(
        !grid.body.contains("leaflet"),
        "Leaflet only where a map is"
    );
    let list = app.get("/events?view=list&city=Lyon", &fr).await;
    assert!(list.body.contains(r#"class="event-list""#));
    assert!(
        list.body
            .contains(r#"href="/events?city=Lyon&amp;view=map""#),
        "view links keep the filters"
    );
    assert!(
        list.body
            .contains(r#"data-query="city=Lyon&amp;view=list""#)
    );

    sqlx::query("UPDATE events SET seats_taken = 40 WHERE title = 'Concert de jazz au parc'")
        .execute(&app.pool)
        .await
        .expect("registrations");
    assert_eq!(
        titles(&app, "sort=popular").await.first(),
        Some(&"Concert de jazz au parc")
    );
    let nearest = titles(&app, "lat=48.85&lon=2.35&radius=200&sort=nearest").await;
    assert_eq!(nearest, ["Atelier céramique"]);

    // Past the counting cap the page says "more than" and still offers the next page.
    sqlx::query(
        "INSERT INTO events (slug, organizer_id, category_id, title, status, starts_at, ends_at, city, published_at)
         SELECT 'cap-' || n, (SELECT id FROM users LIMIT 1), (SELECT id FROM categories LIMIT 1),
                'Rendez-vous n°' || n, 'published', now() + make_interval(days => 5, mins => n),
                now() + make_interval(days => 5, mins => n + 60), 'Capville', now()
         FROM generate_series(1, 1005) AS n",
    )
    .execute(&app.pool)
    .await
    .expect("many events");
    let capped = app.get("/events?city=Capville", &fr).await;
    assert!(
        capped.body.contains("Plus de 200 événements"),
        "{}",
        &capped.body[..capped.body.len().min(400)]
    );
    assert!(
        capped
            .body
            .contains(r#"href="/events?city=Capville&amp;page=2""#)
    );
    let deep = app.get("/events?city=Capville&page=42", &fr).await;
    assert_eq!(deep.body.matches("Rendez-vous n°").count(), 1005 - 41 * 24);
    assert!(!deep.body.contains(r#"rel="next""#));
}

#[tokio::test(flavor = "multi_thread")]
async fn near_me_without_javascript_gets_a_note() {
    let app = TestApp::spawn().await;
    let page = app
        .get("/events?q=&near=me&lat=&lon=", &[("accept-language", "fr")])
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("a besoin de JavaScript"));
}

#[tokio::test(flavor = "multi_thread")]
async fn home_sections_and_organizer_pages_come_from_real_queries() {
    let app = TestApp::spawn().await;
    fixtures(&app).await;
    let fr = ("accept-language", "fr");
    let section = |body: &str, id: &str| -> String {
        let start = body
            .find(&format!(r#"data-section="{id}""#))
            .unwrap_or_else(|| panic!("section {id}"));
        let end = body[start..]
            .find("</section>")
            .map_or(body.len(), |e| start + e);
        body[start..end].to_owned()
    };
    let home = app.get("/", &[fr]).await;
    assert_eq!(home.status, 200);
    assert!(
        !home.body.contains(r#"data-section="near""#),
        "no position, no section"
    );
    let weekend = section(&home.body, "weekend");
    assert!(weekend.contains("Brunch végétarien des voisins"));
    assert!(!weekend.contains("Concert de jazz au parc"));
    let picks = section(&home.body, "freefood-picks");
    assert!(picks.contains("Brunch végétarien") && picks.contains("Atelier céramique"));
    assert!(!picks.contains("Concert de jazz au parc"));
    assert!(section(&home.body, "popular").contains("event-card"));

    let near = app
        .get(
            "/",
            &[fr, ("cookie", "meetral_lang=fr; meetral_near=48.86,2.35")],
        )
        .await;
    let near = section(&near.body, "near");
    assert!(near.contains("Près de chez vous") && near.contains("Atelier céramique"));
    assert!(!near.contains("Brunch"), "Lyon is not near Paris");
    let garbage = app
        .get("/", &[fr, ("cookie", "meetral_near=999,abc")])
        .await;
    assert_eq!(garbage.status, 200);
    assert!(!garbage.body.contains(r#"data-section="near""#));

    sqlx::query(
        "UPDATE users SET organizer_slug = 'orga-du-catalogue', bio = 'Des rendez-vous à Lyon.'",
    )
    .execute(&app.pool)
    .await
    .expect("slug");
    let page = app.get("/organizers/orga-du-catalogue", &[fr]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Des rendez-vous à Lyon."));
    let (upcoming, past) = page
        .body
        .split_once("Événements passés")
        .expect("a past part");
    for title in [
        "Brunch végétarien",
        "Concert de jazz",
        "Webinaire Rust",
        "Atelier céramique",
    ] {
        assert!(upcoming.contains(title), "{title}");
    }
    assert!(past.contains("Soirée passée"));
    assert!(!page.body.contains("Brouillon secret") && !page.body.contains("Fête non répertoriée"));
    assert_eq!(app.get("/organizers/personne", &[fr]).await.status, 404);
    sqlx::query("UPDATE users SET status = 'suspended', suspension_reason = 'test'")
        .execute(&app.pool)
        .await
        .expect("suspend");
    assert_eq!(
        app.get("/organizers/orga-du-catalogue", &[fr]).await.status,
        404
    );
}
