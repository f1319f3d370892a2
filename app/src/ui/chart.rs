//! Bar charts drawn as SVG on the server: readable on a phone (the bars stretch to the width),
//! described for screen readers (a title, and each bar's value in its own `<title>`), no script.

use leptos::prelude::*;

/// One bar: its label under the axis (may be empty to skip crowded labels) and its value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Bar {
    pub label: String,
    /// Read by screen readers and shown on hover: "3 déc. : 12".
    pub description: String,
    pub value: i64,
}

#[component]
pub fn BarChart(
    /// What the chart shows, for assistive technology and as its caption.
    title: String,
    bars: Vec<Bar>,
) -> impl IntoView {
    // About a phone's width, so 11 px labels stay 11 px there (the SVG scales with its box).
    const WIDTH: f64 = 340.0;
    const HEIGHT: f64 = 140.0;
    const BOTTOM: f64 = 24.0;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / bars.len().max(1) as f64;
    let bar_width = (slot * 0.7).max(1.0);
    let total: i64 = bars.iter().map(|b| b.value).sum();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {}", HEIGHT + BOTTOM) role="img" aria-label=title.clone()
                class="chart-svg">
                <line x1="0" y1=HEIGHT.to_string() x2=WIDTH.to_string() y2=HEIGHT.to_string() class="chart-axis" />
                {bars.into_iter().enumerate().map(|(i, bar)| {
                    let h = (bar.value as f64 / max * (HEIGHT - 8.0)).max(if bar.value > 0 { 2.0 } else { 0.0 });
                    let x = i as f64 * slot + (slot - bar_width) / 2.0;
                    view! {
                        <g>
                            <rect x=format!("{x:.1}") y=format!("{:.1}", HEIGHT - h) width=format!("{bar_width:.1}")
                                height=format!("{h:.1}") class="chart-bar" data-value=bar.value>
                                <title>{bar.description}</title>
                            </rect>
                            {(!bar.label.is_empty()).then(|| view! {
                                <text x=format!("{:.1}", x + bar_width / 2.0) y=format!("{:.1}", HEIGHT + 16.0)
                                    text-anchor="middle" class="chart-label">{bar.label}</text>
                            })}
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{title} " · " {total}</figcaption>
        </figure>
    }
}
