//! A couple of seconds of memory for catalogue pages. Planning the catalogue's one statement costs
//! PostgreSQL about four times what running it does (1.6 ms against 0.4 ms, docs/PERFORMANCE.md): a
//! page asked for hundreds of times a second is computed once per change instead of once per visitor.
//!
//! An entry serves only while the database's `catalogue_changes` counter (bumped at commit by every
//! write to events or categories, see its migration) is what it was when the entry was made, and
//! never longer than `FRESH_FOR`: within that, a write on another server racing a read is seen, and
//! so is time passing (an event that has just ended).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
    time::{Duration, Instant},
};

use sqlx::PgPool;

use crate::{discovery::api::CataloguePage, error::AppError};

pub const FRESH_FOR: Duration = Duration::from_secs(2);
/// Distinct filter combinations kept; past it the oldest half goes.
const MAX_ENTRIES: usize = 512;

struct Entry<T> {
    version: i64,
    made: Instant,
    value: T,
}

/// The catalogue pages of one server (its router provides it to every request; none, no caching).
#[derive(Clone, Default)]
pub struct CataloguePages(pub Arc<PageCache<CataloguePage>>);

pub struct PageCache<T> {
    entries: Mutex<HashMap<String, Entry<T>>>,
}

impl<T: Clone> Default for PageCache<T> {
    fn default() -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<T: Clone> PageCache<T> {
    /// The value kept for `key`, if it was made at `version` less than `FRESH_FOR` ago.
    pub fn get(&self, key: &str, version: i64) -> Option<T> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(key)
            .filter(|entry| entry.version == version && entry.made.elapsed() < FRESH_FOR)
            .map(|entry| entry.value.clone())
    }

    pub fn put(&self, key: String, version: i64, value: T) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, entry| entry.version == version && entry.made.elapsed() < FRESH_FOR);
            if entries.len() >= MAX_ENTRIES {
                let mut ages: Vec<Instant> = entries.values().map(|entry| entry.made).collect();
                ages.sort_unstable();
                let cut = ages[ages.len() / 2];
                entries.retain(|_, entry| entry.made > cut);
            }
        }
        let made = Instant::now();
        entries.insert(
            key,
            Entry {
                version,
                made,
                value,
            },
        );
    }
}

/// The current value of the change counter: one tiny statement, planned once per connection.
pub async fn version(pool: &PgPool) -> Result<i64, AppError> {
    let version = sqlx::query_scalar!(
        r#"SELECT last_value + is_called::int AS "version!" FROM catalogue_changes"#
    )
    .fetch_one(pool)
    .await?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_serves_only_its_own_version() {
        let cache = PageCache::default();
        cache.put("fr|page 1".into(), 7, "page".to_owned());
        assert_eq!(cache.get("fr|page 1", 7).as_deref(), Some("page"));
        assert_eq!(cache.get("fr|page 1", 8), None);
        assert_eq!(cache.get("en|page 1", 7), None);
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = PageCache::default();
        for n in 0..(MAX_ENTRIES * 3) {
            cache.put(format!("key {n}"), 1, n);
        }
        let kept = cache
            .entries
            .lock()
            .map(|entries| entries.len())
            .unwrap_or(0);
        assert!(kept <= MAX_ENTRIES, "{kept} entries kept");
        assert_eq!(
            cache.get(&format!("key {}", MAX_ENTRIES * 3 - 1), 1),
            Some(MAX_ENTRIES * 3 - 1)
        );
    }
}
