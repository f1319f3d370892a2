//! Leaflet maps (leaflet-rs over the Leaflet script served from `/pkg/vendor/leaflet/`): a pin the
//! organizer places in the event form, and the event page's small map. Tiles come from the configured
//! tile server; without tiles (offline, blocked) the map still holds its marker.

use leptos::prelude::*;

/// The tile URL template (`{z}/{x}/{y}`) pages give their maps, provided by the server.
#[derive(Clone, Debug)]
pub struct MapTiles(pub String);

/// The configured tile template for data attributes (empty outside a server render).
pub fn tile_template() -> String {
    use_context::<MapTiles>().map(|t| t.0).unwrap_or_default()
}

/// The Leaflet stylesheet and script, for pages that show a map.
#[component]
pub fn LeafletAssets() -> impl IntoView {
    view! {
        <leptos_meta::Stylesheet href="/pkg/vendor/leaflet/leaflet.css" />
        <leptos_meta::Script src="/pkg/vendor/leaflet/leaflet.js" defer="defer" />
    }
}

/// The event page's map: one marker, no editing.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn EventMap(lat: f64, lon: f64, tiles: String, label: String) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let aria_label = label.clone();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            let (tiles, label) = (tiles.clone(), label.clone());
            client::when_ready(move || client::show(&element, lat, lon, &tiles, &label));
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&tiles, &label, lat, lon);
    view! { <div class="event-map" node_ref=root role="img" aria-label=aria_label data-event-map></div> }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use leaflet::{
        DragEvents, LatLng, Map, MapOptions, Marker, MarkerOptions, TileLayer, TileLayerOptions,
    };
    use leptos::prelude::window;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    /// Runs `f` once Leaflet's script has run (it is deferred: it may come after the WASM).
    pub fn when_ready(f: impl FnOnce() + 'static) {
        let loaded = js_sys::Reflect::has(&window(), &JsValue::from_str("L")).unwrap_or(false);
        if loaded {
            f();
            return;
        }
        let callback = Closure::once_into_js(f);
        let _ = window().add_event_listener_with_callback("load", callback.unchecked_ref());
    }

    fn base_map(element: &HtmlElement, lat: f64, lon: f64, zoom: f64, tiles: &str) -> Option<Map> {
        let options = MapOptions::default();
        options.set_center(LatLng::new(lat, lon));
        options.set_zoom(zoom);
        options.set_scroll_wheel_zoom(false);
        let map = Map::new_with_element(element, &options).ok()?;
        if !tiles.is_empty() {
            let tile_options = TileLayerOptions::default();
            tile_options.set_attribution(
                "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>".into(),
            );
            tile_options.set_max_zoom(19.0);
            TileLayer::new_options(tiles, &tile_options).add_to(&map);
        }
        let _ = element.set_attribute("data-map-ready", "true");
        Some(map)
    }

    pub fn show(element: &HtmlElement, lat: f64, lon: f64, tiles: &str, label: &str) {
        if let Some(map) = base_map(element, lat, lon, 15.0, tiles) {
            let options = MarkerOptions::default();
            options.set_title(label.to_owned());
            options.set_alt(label.to_owned());
            Marker::new_with_options(&LatLng::new(lat, lon), &options).add_to(&map);
        }
    }

    fn input(form: &Element, name: &str) -> Option<HtmlInputElement> {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    }

    fn coordinate(input: &HtmlInputElement) -> Option<f64> {
        input.value().trim().replace(',', ".").parse().ok()
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
            options.set_draggable(true);
            options.set_alt(element.get_attribute("aria-label").unwrap_or_default());
            let marker = Marker::new_with_options(&LatLng::new(lat, lon), &options);
            if placed.is_some() {
                marker.add_to(&map);
            }
            let write = {
                let (lat_input, lon_input) = (lat_input.clone(), lon_input.clone());
                move |at: LatLng| {
                    lat_input.set_value(&format!("{:.6}", at.lat()));
                    lon_input.set_value(&format!("{:.6}", at.lng()));
                    // The live form validates and saves the draft as for typed input.
                    for input in [&lat_input, &lon_input] {
                        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
                            let init = web_sys::EventInit::new();
                            init.set_bubbles(true);
                            init
                        }) {
                            let _ = input.dispatch_event(&event);
                        }
                    }
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
