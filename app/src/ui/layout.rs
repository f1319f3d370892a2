use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::logo::LogoMark;
use crate::i18n::{Locale, MessageKey, use_locale};

/// Header, main content and footer around every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = use_locale();
    view! {
        <a class="skip-link" href="#main">{locale.t(MessageKey::SkipToContent)}</a>
        <Header locale />
        <main id="main" tabindex="-1">{children()}</main>
        <Footer locale />
    }
}

/// Who is signed in and how many notifications wait.
type Account = (Option<crate::accounts::model::CurrentUser>, i64);

/// Put in the request's extensions by the server (one read per page load, before rendering), so the
/// header renders without waiting on anything. `None` outside a page request: the header then shows
/// everything but the account part.
#[derive(Clone)]
pub struct HeaderAccount(pub Account);

#[component]
fn Header(locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    #[cfg(feature = "ssr")]
    let account = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<HeaderAccount>().cloned())
        .map(|known| known.0);
    // Islands: the header is server-rendered only; the browser never renders it.
    #[cfg(not(feature = "ssr"))]
    let account: Option<Account> = None;
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/" aria-label=format!("{} — {}", t(MessageKey::BrandName), t(MessageKey::NavHome))>
                    <LogoMark size=34 />
                    <span class="brand-name">{locale.t(MessageKey::BrandName)}</span>
                </a>
                <HeaderRest locale account />
            </div>
        </header>
    }
}

/// Bell (signed-in people), then the menu with the navigation, language and account area.
#[component]
fn HeaderRest(locale: Locale, account: Option<Account>) -> impl IntoView {
    let t = move |key| locale.t(key);
    let bell = match &account {
        Some((Some(_), unread)) => {
            Some(view! { <crate::notifications::bell::NotificationBell locale initial=*unread /> })
        }
        _ => None,
    };
    // Staff reach the back-office from the menu (moderators land on the queue).
    let staff_link = account
        .as_ref()
        .and_then(|(user, _)| user.as_ref())
        .and_then(|user| match user.role {
            crate::accounts::model::Role::Admin => Some("/admin"),
            crate::accounts::model::Role::Moderator => Some("/admin/moderation"),
            crate::accounts::model::Role::User => None,
        })
        .map(|href| view! { <a href=href>{locale.pick("Back-office", "Back office")}</a> });
    let signed_in = account.as_ref().is_some_and(|(user, _)| user.is_some());
    let dashboard_link = signed_in
        .then(|| view! { <a href="/dashboard">{locale.pick("Tableau de bord", "Dashboard")}</a> });
    let account_area = account.map(|(user, _)| match user {
        Some(user) => view! {
            <a class="account-name" href="/account">{user.full_name}</a>
            <form method="post" action="/api/fn/logout" class="inline-form">
                <button type="submit" class="button button-ghost">{t(MessageKey::NavLogout)}</button>
            </form>
        }
        .into_any(),
        None => view! {
            <a class="button button-ghost" href="/login">{t(MessageKey::NavLogin)}</a>
            <a class="button button-primary" href="/signup">{t(MessageKey::NavSignup)}</a>
        }
        .into_any(),
    });
    view! {
        {bell}
        <MobileMenu locale>
            <nav class="main-nav" aria-label=t(MessageKey::NavMain)>
                <a href="/events">{t(MessageKey::NavEvents)}</a>
                {dashboard_link}
                <a href="/organizer/events">{t(MessageKey::NavOrganize)}</a>
                // On wide screens these two live in the footer only: the header has no room left.
                <a href="/faq" class="nav-secondary">{t(MessageKey::NavFaq)}</a>
                <a href="/contact" class="nav-secondary">{t(MessageKey::NavContact)}</a>
                {staff_link}
            </nav>
            <crate::search::box_island::GlobalSearch locale />
            <div class="header-tools">
                <LanguageSwitch locale />
                <div class="account-area" role="group" aria-label=t(MessageKey::AccountArea)>
                    {account_area}
                </div>
            </div>
        </MobileMenu>
    }
}

/// The collapsible menu on phones; always open on wider screens (CSS). Before (or without) the WASM the
/// toggle is a link to `#site-menu`, which opens the menu through `:target`; [`client::attach_menu`]
/// then makes it a toggle.
#[component]
pub fn MobileMenu(locale: Locale, children: Children) -> impl IntoView {
    view! {
        <a href="#site-menu" role="button" class="menu-toggle" aria-controls="site-menu" aria-expanded="false"
            data-island="menu">
            <span class="menu-toggle-bars" aria-hidden="true"></span>
            {locale.t(MessageKey::NavMenu)}
        </a>
        <div id="site-menu" class="site-menu">{children()}</div>
    }
}

#[cfg(feature = "hydrate")]
pub mod client {
    use web_sys::{HtmlElement, KeyboardEvent, MouseEvent};

    use crate::{client::dom, i18n::Locale};

    fn toggle(button: &HtmlElement) {
        let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        if let Some(menu) = dom::by_id("site-menu") {
            let _ = menu.class_list().toggle_with_force("site-menu-open", open);
        }
    }

    pub fn attach_menu(button: &HtmlElement, _: Locale) {
        let clicked = button.clone();
        dom::listen(button, "click", move |event: MouseEvent| {
            event.prevent_default();
            toggle(&clicked);
        });
        let pressed = button.clone();
        dom::listen(button, "keydown", move |event: KeyboardEvent| {
            if event.key() == " " {
                event.prevent_default();
                toggle(&pressed);
            }
        });
        let _ = button.set_attribute("data-live", "true");
    }
}

/// Switches language with a plain POST form, so it works before (or without) the WASM.
#[component]
fn LanguageSwitch(locale: Locale) -> impl IntoView {
    let location = use_location();
    let back = move || {
        format!(
            "{}{}",
            location.pathname.get(),
            location
                .search
                .get()
                .is_empty()
                .then(String::new)
                .unwrap_or_else(|| format!("?{}", location.search.get()))
        )
    };
    view! {
        <form class="lang-switch" method="post" action="/lang">
            <input type="hidden" name="back" prop:value=back value=back />
            <span class="visually-hidden">{locale.t(MessageKey::LangSwitchLabel)}</span>
            {Locale::ALL
                .into_iter()
                .map(|option| {
                    let (label, lang_name) = match option {
                        Locale::Fr => (MessageKey::LangFr, "Français"),
                        Locale::En => (MessageKey::LangEn, "English"),
                    };
                    view! {
                        <button type="submit" name="lang" value=option.code() lang=option.code()
                            aria-label=lang_name aria-pressed=if option == locale { "true" } else { "false" }>
                            {locale.t(label)}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

#[component]
fn Footer(locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <div class="footer-brand">
                    <a class="brand" href="/">
                        <LogoMark size=28 />
                        <span class="brand-name">{locale.t(MessageKey::BrandName)}</span>
                    </a>
                    <p class="slogan">{t(MessageKey::Slogan)}</p>
                    <p>{locale.pick("La plateforme française des événements qui rassemblent : publiez, trouvez, participez.", "France’s platform for events that bring people together: publish, discover, join.")}</p>
                </div>
                <nav aria-label=t(MessageKey::FooterNav)>
                    <ul class="footer-links">
                        <li><a href="/faq">{t(MessageKey::NavFaq)}</a></li>
                        <li><a href="/contact">{t(MessageKey::NavContact)}</a></li>
                        <li><a href="/legal">{t(MessageKey::FooterLegal)}</a></li>
                        <li><a href="/privacy">{t(MessageKey::FooterPrivacy)}</a></li>
                        <li><a href="/terms">{t(MessageKey::FooterTerms)}</a></li>
                    </ul>
                </nav>
            </div>
            <p class="container footer-rights">{t(MessageKey::FooterRights)}</p>
        </footer>
    }
}
