//! The bell in the header: a link to the notification centre with the unread count, refreshed every
//! 30 s while the tab is visible and whenever the window regains focus (one indexed count query;
//! only rendered for signed-in people).

use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

/// "Notifications (3 non lues)": the link's accessible name for `count` unread.
pub fn label(bell: &str, unread: &str, count: i64) -> String {
    if count > 0 {
        format!("{bell} ({count} {unread})")
    } else {
        bell.to_owned()
    }
}

/// The badge's text: the count, capped so it stays small.
pub fn badge(count: i64) -> String {
    if count > 99 {
        "99+".to_owned()
    } else {
        count.to_string()
    }
}

#[component]
pub fn NotificationBell(locale: Locale, initial: i64) -> impl IntoView {
    let (bell, unread) = (
        locale.t(MessageKey::NotificationsBell),
        locale.t(MessageKey::NotificationsUnread),
    );
    view! {
        <a href="/notifications" class="bell" aria-label=label(bell, unread, initial) data-island="bell"
            data-bell=bell data-unread=unread>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            <span class="bell-count" data-count=initial hidden=initial == 0>{badge(initial)}</span>
        </a>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use web_sys::{Event, HtmlElement, VisibilityState};

    use crate::{client::dom, i18n::Locale};

    const EVERY_MS: i32 = 30_000;

    fn show(bell: &HtmlElement, count: i64) {
        let data = |name: &str| bell.get_attribute(name).unwrap_or_default();
        let _ = bell.set_attribute(
            "aria-label",
            &super::label(&data("data-bell"), &data("data-unread"), count),
        );
        if let Ok(Some(badge)) = bell.query_selector(".bell-count") {
            let _ = badge.set_attribute("data-count", &count.to_string());
            badge.set_text_content(Some(&super::badge(count)));
            dom::set_hidden(&badge, count == 0);
        }
    }

    fn refresh(bell: &HtmlElement) {
        let visible =
            dom::document().is_some_and(|d| d.visibility_state() == VisibilityState::Visible);
        if !visible {
            return;
        }
        let bell = bell.clone();
        dom::spawn(async move {
            let answer = dom::post("/api/fn/unread_count", &"".into()).await;
            if let Some((true, text)) = answer
                && let Ok(count) = text.trim().parse::<i64>()
            {
                show(&bell, count);
            }
        });
    }

    pub fn attach(bell: &HtmlElement, _: Locale) {
        let ticking = bell.clone();
        dom::set_interval(move || refresh(&ticking), EVERY_MS);
        // Coming back to the tab refreshes at once instead of waiting for the next tick.
        if let Some(window) = dom::window() {
            let focused = bell.clone();
            dom::listen(&window, "focus", move |_: Event| refresh(&focused));
        }
        let _ = bell.set_attribute("data-live", "true");
    }
}
