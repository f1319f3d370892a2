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
    /// Most registrations first.
    Popular,
}

/// How the results are shown (`view=` in the URL): cards in a grid, a compact list, or a map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    #[default]
    Grid,
    List,
    Map,
}

impl View {
    pub fn as_param(self) -> &'static str {
        match self {
            View::Grid => "grid",
            View::List => "list",
            View::Map => "map",
        }
    }
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
    pub view: View,
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
        (None, None) if text("lat").is_none() && text("lon").is_none() => {
            // "Near me" pressed without JavaScript: the browser's position never reached the form.
            if text("near").as_deref() == Some("me") {
                notes.push(MessageKey::CatalogueNoteNeedsScript);
            }
        }
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
        Some("popular") => Some(Sort::Popular),
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
    filters.view = match text("view").as_deref() {
        None | Some("grid") => View::Grid,
        Some("list") => View::List,
        Some("map") => View::Map,
        Some(_) => {
            notes.push(MessageKey::CatalogueNoteIgnored);
            View::Grid
        }
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

/// Degrees with four decimals (about 10 m) for URLs, by integer arithmetic (no float formatting).
pub fn format_degrees(value: f64) -> String {
    let scaled = (value * 10_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.unsigned_abs();
    format!("{sign}{}.{:04}", scaled / 10_000, scaled % 10_000)
}

impl Filters {
    /// The canonical query string of these filters at `page` (what links and the pager use), in
    /// the current view.
    pub fn to_query(&self, page: u32) -> String {
        self.to_query_in(page, self.view)
    }

    /// The same filters shown in `view` (the grid is the default and not written).
    pub fn to_query_in(&self, page: u32, view: View) -> String {
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
        if let Some((lat, lon)) = self.near {
            pairs.push(("lat", format_degrees(lat)));
            pairs.push(("lon", format_degrees(lon)));
            if self.radius_km != DEFAULT_RADIUS_KM {
                pairs.push(("radius", self.radius_km.to_string()));
            }
        }
        match self.sort {
            Some(Sort::Newest) => pairs.push(("sort", "newest".into())),
            Some(Sort::Nearest) => pairs.push(("sort", "nearest".into())),
            Some(Sort::Popular) => pairs.push(("sort", "popular".into())),
            _ => {}
        }
        if view != View::Grid {
            pairs.push(("view", view.as_param().into()));
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
    fn queries_round_trip_with_position_and_view() {
        let (f, notes) =
            parse_url("city=Lyon&lat=45.7640&lon=-4.83&radius=10&sort=nearest&view=map&page=2");
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(f.view, View::Map);
        let query = f.to_query(2);
        assert_eq!(
            query,
            "city=Lyon&lat=45.7640&lon=-4.8300&radius=10&sort=nearest&view=map&page=2"
        );
        assert_eq!(parse_url(&query).0, f);
        assert!(f.to_query_in(1, View::List).contains("view=list"));
        assert_eq!(format_degrees(-0.00004), "0.0000");
        assert_eq!(format_degrees(2.35222), "2.3522");
        assert_eq!(
            parse_url("view=carte").1,
            vec![MessageKey::CatalogueNoteIgnored]
        );
        assert_eq!(parse_url("sort=popular").0.sort, Some(Sort::Popular));
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
