//! Leaflet maps (leaflet-rs over the Leaflet script served from `/pkg/vendor/leaflet/`): a pin the
//! organizer places in the event form, and the event page's small map. Tiles come from the configured
//! tile server; without tiles (offline, blocked) the map still holds its marker.

use leptos::prelude::*;

/// What maps need from the configuration, provided by the server: the tile URL template
/// (`{z}/{x}/{y}`) and, when configured, the address search the event form may use.
#[derive(Clone, Debug)]
pub struct MapTiles {
    pub tiles: String,
    pub geocoder: Option<String>,
}

/// The configured tile template for data attributes (empty outside a server render).
pub fn tile_template() -> String {
    use_context::<MapTiles>()
        .map(|t| t.tiles)
        .unwrap_or_default()
}

/// The configured geocoder URL, if any.
pub fn geocoder_url() -> Option<String> {
    use_context::<MapTiles>().and_then(|t| t.geocoder)
}

/// The Leaflet stylesheet and script, for pages that show a map; `clusters` adds the marker
/// clustering plug-in (the catalogue's map).
#[component]
pub fn LeafletAssets(#[prop(optional)] clusters: bool) -> impl IntoView {
    view! {
        <leptos_meta::Stylesheet href="/pkg/vendor/leaflet/leaflet.css" />
        <leptos_meta::Script src="/pkg/vendor/leaflet/leaflet.js" defer="defer" />
        {clusters.then(|| view! {
            <leptos_meta::Stylesheet href="/pkg/vendor/leaflet/MarkerCluster.css" />
            <leptos_meta::Script src="/pkg/vendor/leaflet/leaflet.markercluster.js" defer="defer" />
        })}
    }
}

/// The event page's map: one marker (mint for FreeFood), no editing. Degrees travel as text: the browser
/// parses them with JavaScript (no float parser in the WASM).
#[component]
pub fn EventMap(
    lat: String,
    lon: String,
    tiles: String,
    label: String,
    free_food: bool,
) -> impl IntoView {
    view! {
        <div class="event-map" role="region" aria-label=label.clone() data-event-map data-island="event-map"
            data-lat=lat data-lon=lon data-tiles=tiles data-label=label data-freefood=free_food.then_some("")></div>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use leaflet::{
        DragEvents, Icon, LatLng, Map, MapOptions, Marker, MarkerOptions, TileLayer,
        TileLayerOptions,
    };
    use wasm_bindgen::{JsCast, JsValue, closure::Closure, prelude::wasm_bindgen};
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    use crate::{client::dom, i18n::Locale};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
        pub fn div_icon(options: &JsValue) -> Icon;
    }

    /// A plain JavaScript object of `pairs`, for Leaflet's option bags.
    pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
        let object = js_sys::Object::new();
        for (key, value) in pairs {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        object.into()
    }

    pub fn point(x: f64, y: f64) -> JsValue {
        js_sys::Array::of2(&x.into(), &y.into()).into()
    }

    /// Every map's marker: a round pin drawn by CSS in the brand's blue (mint for FreeFood), sharp at any
    /// pixel density (Leaflet's default marker is a PNG whose shadow has no high-density version).
    pub fn pin(free_food: bool) -> Icon {
        let class = if free_food {
            "map-pin map-pin-freefood"
        } else {
            "map-pin"
        };
        div_icon(&object(&[
            ("className", class.into()),
            ("iconSize", point(26.0, 26.0)),
            ("popupAnchor", point(0.0, -10.0)),
        ]))
    }

    /// The event page's map, once Leaflet is there.
    pub fn attach_event_map(element: &HtmlElement, _: Locale) {
        let data = |name: &str| element.get_attribute(name).unwrap_or_default();
        let (tiles, label) = (data("data-tiles"), data("data-label"));
        let free_food = element.has_attribute("data-freefood");
        if let Some((lat, lon)) = number(&data("data-lat")).zip(number(&data("data-lon"))) {
            let element = element.clone();
            when_ready(move || show(&element, lat, lon, &tiles, &label, free_food));
        }
    }

    /// Runs `f` once Leaflet's script has run (it is deferred: it may come after the WASM).
    pub fn when_ready(f: impl FnOnce() + 'static) {
        when_loaded("L", f);
    }

    /// Runs `f` once `window.L[path…]` exists (Leaflet, or a plug-in such as `markerClusterGroup`),
    /// else when the page has loaded.
    pub fn when_loaded(path: &str, f: impl FnOnce() + 'static) {
        let Some(window) = dom::window() else {
            return;
        };
        let mut object: JsValue = window.clone().into();
        let mut loaded = true;
        for name in std::iter::once("L").chain(path.split('.').filter(|n| *n != "L")) {
            match js_sys::Reflect::get(&object, &JsValue::from_str(name)) {
                Ok(next) if !next.is_undefined() => object = next,
                _ => {
                    loaded = false;
                    break;
                }
            }
        }
        if loaded {
            f();
            return;
        }
        let callback = Closure::once_into_js(f);
        let _ = window.add_event_listener_with_callback("load", callback.unchecked_ref());
    }

    pub fn base_map(
        element: &HtmlElement,
        lat: f64,
        lon: f64,
        zoom: f64,
        tiles: &str,
    ) -> Option<Map> {
        let options = MapOptions::default();
        options.set_center(LatLng::new(lat, lon));
        options.set_zoom(zoom);
        options.set_scroll_wheel_zoom(false);
        // Without a tile layer Leaflet knows no zoom limit, and marker clustering needs one.
        options.set_max_zoom(19.0);
        let map = Map::new_with_element(element, &options).ok()?;
        if !tiles.is_empty() {
            let tile_options = TileLayerOptions::default();
            tile_options.set_attribution(
                "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>".into(),
            );
            tile_options.set_max_zoom(19.0);
            // On high-density screens, tiles of the next zoom level drawn at half size: sharp instead of
            // 256-pixel images stretched (Lighthouse's image-size-responsive on phones).
            tile_options.set_detect_retina(true);
            TileLayer::new_options(tiles, &tile_options).add_to(&map);
        }
        let _ = element.set_attribute("data-map-ready", "true");
        Some(map)
    }

    pub fn show(
        element: &HtmlElement,
        lat: f64,
        lon: f64,
        tiles: &str,
        label: &str,
        free_food: bool,
    ) {
        if let Some(map) = base_map(element, lat, lon, 15.0, tiles) {
            let options = MarkerOptions::default();
            options.set_icon(pin(free_food));
            // The pin is a `div` with role=button: its title is its accessible name (`alt` is for images).
            options.set_title(label.to_owned());
            Marker::new_with_options(&LatLng::new(lat, lon), &options).add_to(&map);
        }
    }

    fn input(form: &Element, name: &str) -> Option<HtmlInputElement> {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    }

    /// A number typed or received as text, parsed by JavaScript (keeps Rust's float parser out of
    /// the WASM).
    pub fn number(text: &str) -> Option<f64> {
        let value = js_sys::Number::parse_float(&text.trim().replace(',', "."));
        value.is_finite().then_some(value)
    }

    /// Degrees with six decimals (about 10 cm), formatted by JavaScript.
    pub fn degrees(value: f64) -> String {
        js_sys::Number::from(value)
            .to_fixed(6)
            .map(String::from)
            .unwrap_or_default()
    }

    fn coordinate(input: &HtmlInputElement) -> Option<f64> {
        number(&input.value())
    }

    /// Asks the geocoder where the typed address is; `None` when it does not know or does not answer.
    pub async fn geocode(url: &str, query: &str) -> Option<(f64, f64)> {
        let separator = if url.contains('?') { '&' } else { '?' };
        let address = format!(
            "{url}{separator}format=json&limit=1&q={}",
            js_sys::encode_uri_component(query)
        );
        let text = dom::fetch_text(&address).await?;
        // Nominatim's answer: `[{"lat": "47.21", "lon": "-1.55", …}]`.
        let place = js_sys::Reflect::get(&dom::parse_json(&text)?, &JsValue::from_f64(0.0)).ok()?;
        let degrees = |name: &str| {
            js_sys::Reflect::get(&place, &JsValue::from_str(name))
                .ok()?
                .as_string()
                .and_then(|text| number(&text))
        };
        let (lat, lon) = (degrees("lat")?, degrees("lon")?);
        (lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((lat, lon))
    }

    pub fn set_and_announce(input: &HtmlInputElement, value: &str) {
        input.set_value(value);
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = input.dispatch_event(&event);
            }
        }
    }

    /// With a geocoder configured (`data-geocoder` on the picker), the typed address places the pin
    /// 800 ms after typing stops — unless the organizer placed it by hand.
    pub fn attach_geocoder(form: &Element, picker: &HtmlElement) {
        let Some(url) = picker
            .get_attribute("data-geocoder")
            .filter(|u| !u.is_empty())
        else {
            return;
        };
        let (Some(lat_input), Some(lon_input)) =
            (input(form, "latitude"), input(form, "longitude"))
        else {
            return;
        };
        let status = form.query_selector("[data-geocode-status]").ok().flatten();
        let generation = std::rc::Rc::new(std::cell::Cell::new(0u64));
        let form_for_query = form.clone();
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let name = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.get_attribute("name"))
                .unwrap_or_default();
            if !matches!(name.as_str(), "address_line" | "postal_code" | "city") {
                return;
            }
            let value = |field: &str| {
                input(&form_for_query, field)
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let city = value("city");
            if city.trim().is_empty() {
                return;
            }
            let query = format!("{}, {} {city}", value("address_line"), value("postal_code"));
            generation.set(generation.get() + 1);
            let mine = generation.get();
            let (generation, url, status) = (generation.clone(), url.clone(), status.clone());
            let (lat_input, lon_input) = (lat_input.clone(), lon_input.clone());
            dom::set_timeout(
                move || {
                    if generation.get() != mine {
                        return;
                    }
                    dom::spawn(async move {
                        // A pin placed by hand (not by an earlier search) stays where it is.
                        let by_hand = !lat_input.value().is_empty()
                            && lat_input.get_attribute("data-geocoded").as_deref()
                                != Some(lat_input.value().as_str());
                        if by_hand || generation.get() != mine {
                            return;
                        }
                        let found = geocode(&url, &query).await;
                        if generation.get() != mine {
                            return;
                        }
                        let message = match found {
                            Some((lat, lon)) => {
                                let lat_text = degrees(lat);
                                let _ = lat_input.set_attribute("data-geocoded", &lat_text);
                                set_and_announce(&lat_input, &lat_text);
                                set_and_announce(&lon_input, &degrees(lon));
                                "data-found"
                            }
                            None => "data-not-found",
                        };
                        if let Some(status) = &status {
                            status.set_text_content(status.get_attribute(message).as_deref());
                        }
                    });
                },
                800,
            );
        });
        let _ = form.add_event_listener_with_callback("input", handler.as_ref().unchecked_ref());
        handler.forget();
    }

    /// The form's pin: a tap (or a drag of the marker) writes the latitude and longitude fields, which
    /// stay editable by keyboard; typing in them moves the pin.
    pub fn attach_picker(form: &Element, element: &HtmlElement) {
        let (Some(lat_input), Some(lon_input)) =
            (input(form, "latitude"), input(form, "longitude"))
        else {
            return;
        };
        let tiles = element.get_attribute("data-tiles").unwrap_or_default();
        let element = element.clone();
        when_ready(move || {
            let placed = coordinate(&lat_input).zip(coordinate(&lon_input));
            // Mainland France when nothing is placed yet.
            let (lat, lon, zoom) = placed.map_or((46.6, 2.4, 5.0), |(lat, lon)| (lat, lon, 15.0));
            let Some(map) = base_map(&element, lat, lon, zoom, &tiles) else {
                return;
            };
            let options = MarkerOptions::default();
            options.set_icon(pin(false));
            options.set_draggable(true);
            options.set_title(element.get_attribute("aria-label").unwrap_or_default());
            let marker = Marker::new_with_options(&LatLng::new(lat, lon), &options);
            if placed.is_some() {
                marker.add_to(&map);
            }
            let write = {
                let (lat_input, lon_input) = (lat_input.clone(), lon_input.clone());
                // The live form validates and saves the draft as for typed input.
                move |at: LatLng| {
                    let _ = lat_input.remove_attribute("data-geocoded");
                    set_and_announce(&lat_input, &degrees(at.lat()));
                    set_and_announce(&lon_input, &degrees(at.lng()));
                }
            };
            {
                let (map_for_click, marker, write) = (map.clone(), marker.clone(), write.clone());
                map.on_mouse_click(Box::new(move |event| {
                    let at = event.lat_lng();
                    marker.set_lat_lng(&at);
                    marker.add_to(&map_for_click);
                    write(at);
                }));
            }
            {
                let dragged = marker.clone();
                marker.on_drag_end(Box::new(move |_| write(dragged.get_lat_lng())));
            }
            let follow = {
                let (lat_input, lon_input) = (lat_input.clone(), lon_input.clone());
                Closure::<dyn Fn()>::new(move || {
                    if let Some((lat, lon)) = coordinate(&lat_input).zip(coordinate(&lon_input))
                        && lat.abs() <= 90.0
                        && lon.abs() <= 180.0
                    {
                        let at = LatLng::new(lat, lon);
                        marker.set_lat_lng(&at);
                        marker.add_to(&map);
                        map.pan_to(&at);
                    }
                })
            };
            for input in [&lat_input, &lon_input] {
                let _ = input
                    .add_event_listener_with_callback("change", follow.as_ref().unchecked_ref());
            }
            follow.forget();
        });
    }
}
