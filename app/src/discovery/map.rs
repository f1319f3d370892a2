//! The catalogue's map (`/events?view=map`): one marker per listed event that has a place, clustered
//! when dense, FreeFood ones in mint; a marker opens a card with the title, date, badge and link.
//! Markers are read from the results list the server rendered (`[data-lat]` items), so the map shows
//! exactly the filtered results and redraws when the live catalogue swaps them. Panning or zooming
//! offers "search this area", which filters on the visible area.

use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

#[component]
pub fn CatalogueMap(locale: Locale, tiles: String) -> impl IntoView {
    let t = move |key| locale.t(key);
    view! {
        <div class="catalogue-map-wrap" data-island="catalogue-map" data-tiles=tiles>
            <div class="catalogue-map" role="region" aria-label=t(MessageKey::CatalogueMapLabel)
                data-catalogue-map data-events=t(MessageKey::CatalogueCountMany)
                data-freefood=t(MessageKey::FreeFood)></div>
            <button type="button" class="button button-primary search-area" data-search-area hidden>
                {t(MessageKey::CatalogueSearchArea)}
            </button>
        </div>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use std::{cell::Cell, rc::Rc};

    use leaflet::{FeatureGroup, LatLng, LatLngBounds, Map, Marker, MarkerOptions};
    use wasm_bindgen::{JsCast, JsValue, closure::Closure, prelude::wasm_bindgen};
    use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement};

    use crate::{
        client::dom,
        discovery::live::client::RESULTS_EVENT,
        i18n::Locale,
        ui::map::client::{self as maps, div_icon, object, pin, point},
    };

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
        fn marker_cluster_group(options: &JsValue) -> FeatureGroup;
    }

    /// The radius choices of the filter form, in km.
    const RADII: [u32; 7] = [2, 5, 10, 25, 50, 100, 200];

    /// A cluster's icon: its count, named for screen readers ("12 événements").
    fn cluster_icons(events: String) -> JsValue {
        let create = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |cluster: JsValue| {
            let count = js_sys::Reflect::get(&cluster, &"getChildCount".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call0(&cluster).ok())
                .and_then(|n| n.as_f64())
                // A count: formatted as an integer (no float formatting in the WASM).
                .map_or(0, |n| n as u32);
            let html = format!(
                "<span aria-hidden=\"true\">{count}</span><span class=\"visually-hidden\">{count} {events}</span>"
            );
            div_icon(&object(&[
                ("html", html.into()),
                ("className", "map-cluster".into()),
                ("iconSize", point(40.0, 40.0)),
            ]))
            .into()
        });
        create.into_js_value()
    }

    fn text(element: &Element, selector: &str) -> String {
        element
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// The card a marker opens, built as elements (titles are user text: never parsed as HTML).
    fn card(item: &Element, freefood_label: &str) -> Option<Element> {
        let doc = dom::document()?;
        let card = doc.create_element("div").ok()?;
        card.set_class_name("map-card");
        let title = doc.create_element("a").ok()?;
        let link = item.query_selector("a").ok().flatten()?;
        title
            .set_attribute("href", &link.get_attribute("href")?)
            .ok()?;
        title.set_text_content(link.text_content().as_deref());
        title.set_class_name("map-card-title");
        card.append_child(&title).ok()?;
        let date = doc.create_element("p").ok()?;
        date.set_text_content(Some(&text(item, "time")));
        card.append_child(&date).ok()?;
        if item.has_attribute("data-freefood") {
            let badge = doc.create_element("span").ok()?;
            badge.set_class_name("badge badge-freefood");
            badge.set_text_content(Some(freefood_label));
            card.append_child(&badge).ok()?;
        }
        Some(card)
    }

    /// Puts one marker per `[data-lat]` result on the map; `fit` frames them. The group is refilled and
    /// the view framed while it is off the map: framing a shown group re-clusters it with a 300 ms
    /// animation that fades and slides the markers just drawn, under a visitor's first click.
    fn draw(map: &Map, group: &FeatureGroup, element: &HtmlElement, fit: bool) {
        // Cleared on the map (which resets its clusters), then taken off.
        group.clear_layers();
        map.remove_layer(group);
        let freefood_label = element
            .query_selector("[data-catalogue-map]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("data-freefood"))
            .unwrap_or_default();
        let items = dom::document()
            .and_then(|d| d.query_selector_all("#catalogue-results [data-lat]").ok());
        let mut count = 0;
        for i in 0..items.as_ref().map_or(0, |l| l.length()) {
            let Some(item) = items
                .as_ref()
                .and_then(|l| l.item(i))
                .and_then(|n| n.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let attr = |name: &str| item.get_attribute(name).unwrap_or_default();
            let (Some(lat), Some(lon)) = (
                maps::number(&attr("data-lat")),
                maps::number(&attr("data-lon")),
            ) else {
                continue;
            };
            let free_food = item.has_attribute("data-freefood");
            let options = MarkerOptions::default();
            options.set_icon(pin(free_food));
            options.set_title(text(&item, "a"));
            let marker = Marker::new_with_options(&LatLng::new(lat, lon), &options);
            if let Some(card) = card(&item, &freefood_label) {
                marker.bind_popup_with_options(&card, &JsValue::UNDEFINED);
            }
            group.add_layer(&marker);
            count += 1;
        }
        if let Some(map_element) = element
            .query_selector("[data-catalogue-map]")
            .ok()
            .flatten()
        {
            let _ = map_element.set_attribute("data-markers", &count.to_string());
        }
        if fit && count > 0 {
            let bounds: LatLngBounds = group.get_bounds();
            map.fit_bounds_with_options(
                &bounds,
                &object(&[
                    ("animate", false.into()),
                    ("maxZoom", 14.into()),
                    ("padding", point(24.0, 24.0)),
                ]),
            );
        }
        map.add_layer(group);
    }

    fn form() -> Option<HtmlFormElement> {
        dom::by_id("catalogue-filters").and_then(|f| f.dyn_into().ok())
    }

    /// Filters on the visible area: its centre and the radius that covers it (the smallest radius
    /// choice at least as large), instead of a city.
    fn search_area(map: &Map) {
        let Some(form) = form() else { return };
        let center = map.get_center();
        let corner = map.get_bounds().get_north_east();
        let km = (center.distance_to(&corner) / 1000.0).ceil();
        let radius = RADII
            .iter()
            .find(|r| f64::from(**r) >= km)
            .copied()
            .unwrap_or(200);
        let set = |name: &str, value: &str| {
            if let Ok(Some(input)) = form.query_selector(&format!("[name={name}]")) {
                if let Some(input) = input.dyn_ref::<HtmlInputElement>() {
                    input.set_value(value);
                } else if let Some(select) = input.dyn_ref::<HtmlSelectElement>() {
                    select.set_disabled(false);
                    select.set_value(value);
                }
            }
        };
        set("lat", &maps::degrees(center.lat()));
        set("lon", &maps::degrees(center.lng()));
        set("radius", &radius.to_string());
        set("city", "");
        let _ = form.request_submit();
    }

    pub fn attach(element: &HtmlElement, _: Locale) {
        let tiles = element.get_attribute("data-tiles").unwrap_or_default();
        let element = element.clone();
        maps::when_loaded("markerClusterGroup", move || {
            let Some(container) = element
                .query_selector("[data-catalogue-map]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            else {
                return;
            };
            // Mainland France until the markers frame the view.
            let Some(map) = maps::base_map(&container, 46.6, 2.4, 5.0, &tiles) else {
                return;
            };
            let events = container.get_attribute("data-events").unwrap_or_default();
            let group = marker_cluster_group(&object(&[
                ("showCoverageOnHover", false.into()),
                ("maxClusterRadius", 50.into()),
                ("iconCreateFunction", cluster_icons(events)),
            ]));
            let fitting = Rc::new(Cell::new(true));
            draw(&map, &group, &element, true);
            fitting.set(false);
            let button = element
                .query_selector("[data-search-area]")
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok());
            // New results: redraw; frame them unless they came from "search this area".
            let keep_view = Rc::new(Cell::new(false));
            let redraw = {
                let (map, group, element, fitting, keep_view, button) = (
                    map.clone(),
                    group.clone(),
                    element.clone(),
                    fitting.clone(),
                    keep_view.clone(),
                    button.clone(),
                );
                Closure::<dyn Fn()>::new(move || {
                    fitting.set(true);
                    draw(&map, &group, &element, !keep_view.get());
                    fitting.set(false);
                    keep_view.set(false);
                    if let Some(button) = &button {
                        button.set_hidden(true);
                    }
                })
            };
            if let Some(document) = dom::document() {
                let _ = document.add_event_listener_with_callback(
                    RESULTS_EVENT,
                    redraw.as_ref().unchecked_ref(),
                );
            }
            redraw.forget();
            // Only what the visitor does offers a new search: a drag or a zoom, not a popup's pan.
            for kind in ["dragend", "zoomend"] {
                let (button, fitting) = (button.clone(), fitting.clone());
                let moved = Closure::<dyn Fn()>::new(move || {
                    if !fitting.get()
                        && let Some(button) = &button
                    {
                        button.set_hidden(false);
                    }
                });
                map.on(kind, moved.as_ref());
                moved.forget();
            }
            if let Some(button) = button {
                let map = map.clone();
                let click = Closure::<dyn Fn()>::new(move || {
                    keep_view.set(true);
                    search_area(&map);
                });
                let _ = button
                    .add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
                click.forget();
            }
            let _ = element.set_attribute("data-live", "true");
        });
    }
}
