//! The catalogue's filters as they live in the URL (`/events?q=…&when=weekend&city=Lyon…`). Anything a
//! URL may hold is accepted: what cannot be used is dropped or corrected, with a note the page shows.

use serde::{Deserialize, Serialize};

use crate::{i18n::MessageKey, urls::encode_query_value};

pub const PAGE_SIZE: i64 = 24;
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_RADIUS_KM: u32 = 200;
pub const DEFAULT_RADIUS_KM: u32 = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    Today,
    Weekend,
    Week,
    Month,
    /// `from`/`to` dates.
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    Soonest,
    Newest,
    Nearest,
}

/// Usable filters (every field optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    pub q: Option<String>,
    pub when: Option<When>,
    /// "YYYY-MM-DD" (only with `When::Range`).
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub city: Option<String>,
    /// Near a point (the browser's position or the map's centre), within `radius_km`.
    pub near: Option<(f64, f64)>,
    pub radius_km: u32,
    pub category: Option<String>,
    /// `Some(true)`: free only; `Some(false)`: paid only.
    pub free: Option<bool>,
    pub free_food: bool,
    /// `Some(true)`: online (or hybrid); `Some(false)`: in person (or hybrid).
    pub online: Option<bool>,
    pub sort: Option<Sort>,
    pub page: u32,
}

/// Reads the URL's parameters (`get` answers a parameter's value). Unknown values are dropped; the
/// notes say what was ignored or corrected.
pub fn parse(get: &dyn Fn(&str) -> Option<String>) -> (Filters, Vec<MessageKey>) {
    let mut notes = Vec::new();
    let text = |name: &str| {
        get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut filters = Filters {
        radius_km: DEFAULT_RADIUS_KM,
        ..Filters::default()
    };
    if let Some(q) = text("q") {
        let clean: String = q.chars().filter(|c| !c.is_control()).collect();
        if clean.chars().count() > MAX_QUERY_CHARS {
            notes.push(MessageKey::CatalogueNoteQueryShortened);
            filters.q = Some(clean.chars().take(MAX_QUERY_CHARS).collect());
        } else {
            filters.q = Some(clean);
        }
    }
    filters.when = match text("when").as_deref() {
        None => None,
        Some("today") => Some(When::Today),
        Some("weekend") => Some(When::Weekend),
        Some("week") => Some(When::Week),
        Some("month") => Some(When::Month),
        Some("range") | Some("custom") => Some(When::Range),
        Some(_) => {
            notes.push(MessageKey::CatalogueNoteIgnored);
            None
        }
    };
    let date = |name: &str, notes: &mut Vec<MessageKey>| {
        let value = text(name)?;
        let parsed = crate::events::model::form::parse_local(&format!("{value}T00:00")).ok();
        if parsed.is_none() {
            notes.push(MessageKey::CatalogueNoteIgnored);
        }
        parsed.map(|d| d.date())
    };
    let (from, to) = (date("from", &mut notes), date("to", &mut notes));
    if from.is_some() || to.is_some() {
        filters.when = Some(When::Range);
        filters.from = from;
        filters.to = to;
        if let (Some(a), Some(b)) = (from, to)
            && b < a
        {
            notes.push(MessageKey::CatalogueNoteDatesSwapped);
            filters.from = Some(b);
            filters.to = Some(a);
        }
    }
    filters.city = text("city").map(|c| c.chars().take(80).collect());
    let coordinate = |name: &str, limit: f64| {
        text(name).and_then(|v| {
            crate::events::model::form::parse_coordinate(&v, limit)
                .ok()
                .flatten()
        })
    };
    match (coordinate("lat", 90.0), coordinate("lon", 180.0)) {
        (Some(lat), Some(lon)) => filters.near = Some((lat, lon)),
        (None, None) if text("lat").is_none() && text("lon").is_none() => {}
        _ => notes.push(MessageKey::CatalogueNoteIgnored),
    }
    if let Some(radius) = text("radius") {
        match radius.parse::<u64>() {
            Ok(km) if (1..=u64::from(MAX_RADIUS_KM)).contains(&km) => filters.radius_km = km as u32,
            Ok(km) if km > u64::from(MAX_RADIUS_KM) => {
                notes.push(MessageKey::CatalogueNoteRadiusCapped);
                filters.radius_km = MAX_RADIUS_KM;
            }
            _ => notes.push(MessageKey::CatalogueNoteIgnored),
        }
    }
    filters.category = text("category").filter(|c| {
        let slug = c.len() <= 40
            && c.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !slug {
            notes.push(MessageKey::CatalogueNoteIgnored);
        }
        slug
    });
    filters.free = match text("price").as_deref() {
        None => None,
        Some("free") => Some(true),
        Some("paid") => Some(false),
        Some(_) => {
            notes.push(MessageKey::CatalogueNoteIgnored);
            None
        }
    };
    filters.free_food = matches!(text("freefood").as_deref(), Some("1" | "on" | "true"));
    filters.online = match text("mode").as_deref() {
        None => None,
        Some("online") => Some(true),
        Some("in_person") => Some(false),
        Some(_) => {
            notes.push(MessageKey::CatalogueNoteIgnored);
            None
        }
    };
    filters.sort = match text("sort").as_deref() {
        None => None,
        Some("soonest") => Some(Sort::Soonest),
        Some("newest") => Some(Sort::Newest),
        Some("nearest") if filters.near.is_some() => Some(Sort::Nearest),
        Some(_) => {
            notes.push(MessageKey::CatalogueNoteIgnored);
            None
        }
    };
    filters.page = match text("page") {
        None => 1,
        Some(page) => match page.parse::<u32>() {
            Ok(n) if (1..=10_000).contains(&n) => n,
            _ => {
                notes.push(MessageKey::CatalogueNoteIgnored);
                1
            }
        },
    };
    // Each note once, in the order the parameters were read.
    let mut seen = Vec::new();
    notes.retain(|note| {
        let first = !seen.contains(note);
        seen.push(*note);
        first
    });
    (filters, notes)
}

impl Filters {
    /// The canonical query string of these filters at `page` (what links and the pager use).
    pub fn to_query(&self, page: u32) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(q) = &self.q {
            pairs.push(("q", encode_query_value(q)));
        }
        match self.when {
            Some(When::Today) => pairs.push(("when", "today".into())),
            Some(When::Weekend) => pairs.push(("when", "weekend".into())),
            Some(When::Week) => pairs.push(("when", "week".into())),
            Some(When::Month) => pairs.push(("when", "month".into())),
            Some(When::Range) | None => {}
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        if let Some(city) = &self.city {
            pairs.push(("city", encode_query_value(city)));
        }
        if let Some(category) = &self.category {
            pairs.push(("category", encode_query_value(category)));
        }
        match self.free {
            Some(true) => pairs.push(("price", "free".into())),
            Some(false) => pairs.push(("price", "paid".into())),
            None => {}
        }
        if self.free_food {
            pairs.push(("freefood", "1".into()));
        }
        match self.online {
            Some(true) => pairs.push(("mode", "online".into())),
            Some(false) => pairs.push(("mode", "in_person".into())),
            None => {}
        }
        match self.sort {
            Some(Sort::Newest) => pairs.push(("sort", "newest".into())),
            Some(Sort::Nearest) => pairs.push(("sort", "nearest".into())),
            _ => {}
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_url(query: &str) -> (Filters, Vec<MessageKey>) {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.replace('+', " ")))
            .collect();
        parse(&|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn every_filter_is_read() {
        let (f, notes) = parse_url(
            "q=atelier rust&when=weekend&city=Lyon&category=formation&price=free&freefood=1&mode=in_person&sort=soonest&page=2",
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(f.q.as_deref(), Some("atelier rust"));
        assert_eq!(f.when, Some(When::Weekend));
        assert_eq!(f.city.as_deref(), Some("Lyon"));
        assert_eq!(f.category.as_deref(), Some("formation"));
        assert_eq!(
            (f.free, f.free_food, f.online, f.sort, f.page),
            (Some(true), true, Some(false), Some(Sort::Soonest), 2)
        );
        let (f, _) = parse_url("lat=45.76&lon=4.83&radius=10&sort=nearest");
        assert_eq!(
            f.near
                .map(|(a, b)| ((a * 100.0).round(), (b * 100.0).round())),
            Some((4576.0, 483.0))
        );
        assert_eq!((f.radius_km, f.sort), (10, Some(Sort::Nearest)));
    }

    #[test]
    fn garbage_is_ignored_or_corrected_with_a_note() {
        let (f, notes) = parse_url(
            "when=yesterday&price=cheap&page=-4&category=DROP TABLE events;--&lat=999&lon=2",
        );
        assert_eq!(
            (f.when, f.free, f.page, f.category, f.near),
            (None, None, 1, None, None)
        );
        assert_eq!(notes, vec![MessageKey::CatalogueNoteIgnored]);
        let (_, notes) = parse_url("when=hier&radius=999999999&lat=45.7&lon=4.8&category=%3C");
        assert_eq!(
            notes,
            vec![
                MessageKey::CatalogueNoteIgnored,
                MessageKey::CatalogueNoteRadiusCapped
            ],
            "each note once"
        );
        let (f, notes) =
            parse_url("from=2030-05-10&to=2030-05-01&radius=1000000000&lat=48.85&lon=2.35");
        assert_eq!(f.from.map(|d| d.to_string()).as_deref(), Some("2030-05-01"));
        assert_eq!(f.to.map(|d| d.to_string()).as_deref(), Some("2030-05-10"));
        assert_eq!(f.radius_km, MAX_RADIUS_KM);
        assert!(notes.contains(&MessageKey::CatalogueNoteDatesSwapped));
        assert!(notes.contains(&MessageKey::CatalogueNoteRadiusCapped));
        let long = "é".repeat(5000);
        let (f, notes) = parse_url(&format!("q={long}"));
        assert_eq!(f.q.map(|q| q.chars().count()), Some(MAX_QUERY_CHARS));
        assert_eq!(notes, vec![MessageKey::CatalogueNoteQueryShortened]);
        let (f, _) = parse_url("sort=nearest");
        assert_eq!(f.sort, None, "nearest needs a position");
    }
}
