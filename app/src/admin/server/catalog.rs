//! Categories and labels: create, rename, reorder, remove (softly: events keep theirs), each change
//! logged with before/after. The built-in FreeFood label keeps its slug; its texts are editable.

use sqlx::PgPool;

use crate::{
    admin::model::NamedRow,
    error::AppError,
    i18n::MessageKey,
    ssr::audit::{Target, record},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Category,
    Label,
}

pub struct Names {
    pub slug: String,
    pub name_fr: String,
    pub name_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub position: i32,
}

pub async fn categories(pool: &PgPool) -> Result<Vec<NamedRow>, AppError> {
    Ok(sqlx::query!(
        r#"SELECT c.id, c.slug, c.name_fr, c.name_en, c.position,
                  (SELECT count(*) FROM events e WHERE e.category_id = c.id AND e.deleted_at IS NULL) AS "uses!"
           FROM categories c WHERE c.deleted_at IS NULL ORDER BY c.position, c.id"#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| NamedRow {
        id: r.id,
        slug: r.slug,
        name_fr: r.name_fr,
        name_en: r.name_en,
        description_fr: String::new(),
        description_en: String::new(),
        position: r.position,
        built_in: false,
        uses: r.uses,
    })
    .collect())
}

pub async fn labels(pool: &PgPool) -> Result<Vec<NamedRow>, AppError> {
    Ok(sqlx::query!(
        r#"SELECT l.id, l.slug, l.name_fr, l.name_en, l.description_fr, l.description_en, l.built_in,
                  CASE WHEN l.built_in THEN (SELECT count(*) FROM events e WHERE e.free_food AND e.deleted_at IS NULL)
                       ELSE (SELECT count(*) FROM event_labels el WHERE el.label_id = l.id) END AS "uses!"
           FROM labels l WHERE l.deleted_at IS NULL ORDER BY l.built_in DESC, l.name_fr"#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| NamedRow {
        id: r.id,
        slug: r.slug,
        name_fr: r.name_fr,
        name_en: r.name_en,
        description_fr: r.description_fr,
        description_en: r.description_en,
        position: 0,
        built_in: r.built_in,
        uses: r.uses,
    })
    .collect())
}

fn slug_taken(error: sqlx::Error) -> AppError {
    match &error {
        sqlx::Error::Database(e) if e.is_unique_violation() => {
            AppError::field("slug", MessageKey::SlugTaken)
        }
        _ => error.into(),
    }
}

/// Creates (`id` None) or updates a category or label.
pub async fn save(
    pool: &PgPool,
    admin: i64,
    kind: Kind,
    id: Option<i64>,
    names: &Names,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let before = match (kind, id) {
        (_, None) => serde_json::Value::Null,
        (Kind::Category, Some(id)) => sqlx::query_scalar!(
            "SELECT to_jsonb(c) - 'created_at' FROM categories c WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .flatten()
        .ok_or(AppError::NotFound)?,
        (Kind::Label, Some(id)) => sqlx::query_scalar!(
            "SELECT to_jsonb(l) - 'created_at' FROM labels l WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .flatten()
        .ok_or(AppError::NotFound)?,
    };
    let saved = match (kind, id) {
        (Kind::Category, None) => sqlx::query_scalar!(
            "INSERT INTO categories (slug, name_fr, name_en, position) VALUES ($1, $2, $3, $4) RETURNING id",
            names.slug, names.name_fr, names.name_en, names.position
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(slug_taken)?,
        (Kind::Category, Some(id)) => sqlx::query_scalar!(
            "UPDATE categories SET slug = $2, name_fr = $3, name_en = $4, position = $5 WHERE id = $1 RETURNING id",
            id, names.slug, names.name_fr, names.name_en, names.position
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(slug_taken)?,
        (Kind::Label, None) => sqlx::query_scalar!(
            "INSERT INTO labels (slug, name_fr, name_en, description_fr, description_en) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            names.slug, names.name_fr, names.name_en, names.description_fr, names.description_en
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(slug_taken)?,
        // The built-in label keeps its slug (the code knows it by it).
        (Kind::Label, Some(id)) => sqlx::query_scalar!(
            "UPDATE labels SET slug = CASE WHEN built_in THEN slug ELSE $2 END, name_fr = $3, name_en = $4,
                    description_fr = $5, description_en = $6
             WHERE id = $1 RETURNING id",
            id, names.slug, names.name_fr, names.name_en, names.description_fr, names.description_en
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(slug_taken)?,
    };
    let (target, what) = match kind {
        Kind::Category => (Target::Category(saved), "category"),
        Kind::Label => (Target::Label(saved), "label"),
    };
    let after = serde_json::json!({
        "slug": names.slug, "name_fr": names.name_fr, "name_en": names.name_en,
        "description_fr": names.description_fr, "description_en": names.description_en, "position": names.position,
    });
    let action = format!(
        "{what}_{}",
        if id.is_some() { "updated" } else { "created" }
    );
    record(
        &mut tx,
        Some(admin),
        target,
        &action,
        serde_json::json!({ "before": before, "after": after }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(saved)
}

/// Removes a category or a partner label (events keep what they had; it is no longer offered).
pub async fn remove(
    pool: &PgPool,
    admin: i64,
    kind: Kind,
    id: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let removed = match kind {
        Kind::Category => {
            let live = sqlx::query_scalar!(
                r#"SELECT count(*) AS "n!" FROM categories WHERE deleted_at IS NULL"#
            )
            .fetch_one(&mut *tx)
            .await?;
            if live <= 1 {
                // The event form needs at least one category.
                return Err(AppError::Conflict);
            }
            sqlx::query!("UPDATE categories SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL", id)
                .execute(&mut *tx)
                .await?
        }
        Kind::Label => sqlx::query!(
            "UPDATE labels SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL AND NOT built_in",
            id
        )
        .execute(&mut *tx)
        .await?,
    };
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    let (target, action) = match kind {
        Kind::Category => (Target::Category(id), "category_removed"),
        Kind::Label => (Target::Label(id), "label_removed"),
    };
    record(
        &mut tx,
        Some(admin),
        target,
        action,
        serde_json::json!({ "before": { "deleted": false }, "after": { "deleted": true } }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
