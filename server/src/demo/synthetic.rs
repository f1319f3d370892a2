//! `meetral seed-synthetic --events N`: many plausible published events (cities across France,
//! categories, prices, FreeFood, online ones, dates over the next year) for measuring the catalogue.
//! One INSERT … SELECT: 100,000 events take seconds.

use sqlx::PgPool;

/// Cities with their coordinates; events are scattered a few kilometres around them.
const CITIES: &[(&str, f64, f64)] = &[
    ("Paris", 48.8566, 2.3522),
    ("Lyon", 45.7640, 4.8357),
    ("Marseille", 43.2965, 5.3698),
    ("Toulouse", 43.6047, 1.4442),
    ("Nice", 43.7102, 7.2620),
    ("Nantes", 47.2184, -1.5536),
    ("Strasbourg", 48.5734, 7.7521),
    ("Montpellier", 43.6108, 3.8767),
    ("Bordeaux", 44.8378, -0.5792),
    ("Lille", 50.6292, 3.0573),
    ("Rennes", 48.1173, -1.6778),
    ("Grenoble", 45.1885, 5.7245),
];

const WORDS: &[&str] = &[
    "Atelier",
    "Conférence",
    "Apéro",
    "Concert",
    "Brunch",
    "Formation",
    "Rencontre",
    "Lancement",
    "Dégustation",
    "Webinaire",
    "Soirée",
    "Visite",
];
const TOPICS: &[&str] = &[
    "Rust",
    "céramique",
    "jazz",
    "entrepreneuriat",
    "cuisine du monde",
    "photographie",
    "design",
    "jardinage urbain",
    "intelligence artificielle",
    "théâtre",
    "vélo",
    "cybersécurité",
];

pub async fn seed(pool: &PgPool, count: i64) -> Result<String, sqlx::Error> {
    let organizer: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, full_name, email_verified_at)
         VALUES ('synthetique@meetral.test', 'Organisateur synthétique', now())
         ON CONFLICT (lower(email)) WHERE deleted_at IS NULL DO UPDATE SET full_name = EXCLUDED.full_name
         RETURNING id",
    )
    .fetch_one(pool)
    .await?;
    let (names, lats, lons): (Vec<&str>, Vec<f64>, Vec<f64>) = (
        CITIES.iter().map(|c| c.0).collect(),
        CITIES.iter().map(|c| c.1).collect(),
        CITIES.iter().map(|c| c.2).collect(),
    );
    let inserted = sqlx::query(
        "WITH cats AS (SELECT array_agg(id ORDER BY id) AS ids FROM categories WHERE deleted_at IS NULL)
         INSERT INTO events (slug, organizer_id, category_id, title, summary, description_md, status, visibility,
                             attendance_mode, starts_at, ends_at, city, latitude, longitude, online_url,
                             price_cents, capacity, seats_taken, free_food, free_food_details, published_at)
         SELECT 'synthetique-' || n || '-' || substr(md5(random()::text), 1, 6),
                $1,
                cats.ids[1 + n % cardinality(cats.ids)],
                ($5::text[])[1 + n % 12] || ' ' || ($6::text[])[1 + (n / 12) % 12] || ' n°' || n,
                'Un événement de démonstration pour mesurer le catalogue, numéro ' || n || '.',
                'Description de l’événement synthétique ' || n,
                CASE WHEN n % 50 = 0 THEN 'draft' ELSE 'published' END,
                CASE WHEN n % 40 = 0 THEN 'unlisted' ELSE 'public' END,
                CASE WHEN n % 7 = 0 THEN 'online' WHEN n % 11 = 0 THEN 'hybrid' ELSE 'in_person' END,
                now() + make_interval(hours => ((n * 37) % (365 * 24))::int),
                now() + make_interval(hours => ((n * 37) % (365 * 24) + 2)::int),
                CASE WHEN n % 7 = 0 THEN NULL ELSE ($2::text[])[1 + n % 12] END,
                CASE WHEN n % 7 = 0 THEN NULL ELSE ($3::float8[])[1 + n % 12] + ((n * 13) % 200 - 100) / 2000.0 END,
                CASE WHEN n % 7 = 0 THEN NULL ELSE ($4::float8[])[1 + n % 12] + ((n * 29) % 200 - 100) / 2000.0 END,
                CASE WHEN n % 7 = 0 OR n % 11 = 0 THEN 'https://visio.exemple.fr/' || n END,
                CASE WHEN n % 3 = 0 THEN 500 + (n % 40) * 100 ELSE 0 END,
                CASE WHEN n % 4 = 0 THEN NULL ELSE 20 + n % 200 END,
                (n * 7) % 20,
                n % 5 = 0,
                CASE WHEN n % 5 = 0 THEN 'Buffet et boissons' END,
                now() - make_interval(hours => (n % 2000)::int)
         FROM generate_series(1, $7::bigint) AS n, cats",
    )
    .bind(organizer)
    .bind(&names)
    .bind(&lats)
    .bind(&lons)
    .bind(WORDS)
    .bind(TOPICS)
    .bind(count)
    .execute(pool)
    .await?
    .rows_affected();
    sqlx::query("ANALYZE events").execute(pool).await?;
    Ok(format!(
        "{inserted} synthetic events added (organizer synthetique@meetral.test)"
    ))
}
