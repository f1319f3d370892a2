//! Meetral: the whole application as a library, rendered on the server (`ssr`) and hydrated in the
//! browser (`hydrate`). Each feature lives in its own folder; `ui` holds shared components.

#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod checkin;
#[cfg(feature = "hydrate")]
pub mod client;
pub mod contact;
pub mod dashboard;
pub mod discovery;
pub mod error;
pub mod events;
pub mod forms;
pub mod home;
pub mod i18n;
pub mod ids;
pub mod moderation;
pub mod notifications;
pub mod pages;
pub mod privacy;
pub mod search;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod tickets;
pub mod ui;
pub mod urls;
pub mod validation;
pub mod webhooks;
pub mod wire;

use leptos::prelude::*;
use leptos_meta::{Meta, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::i18n::Locale;

/// Asset file names with their content hash, read once at start-up (see `scripts/build.sh`).
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub stylesheet: String,
    /// The client's JS glue and its WASM (`client`).
    pub script: String,
    pub wasm: String,
}

/// The HTML document around the app (server only).
#[cfg(feature = "ssr")]
pub fn shell(_: LeptosOptions, assets: Assets) -> impl IntoView {
    let locale = ssr::request::locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#007BFF" />
                <link rel="stylesheet" href=assets.stylesheet.clone() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <ClientScripts assets />
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Loads the client (`client::start` attaches the page's islands) once the browser is idle, so it
/// never competes with the page's first paint; the preloads fetch it meanwhile.
#[cfg(feature = "ssr")]
#[component]
fn ClientScripts(assets: Assets) -> impl IntoView {
    // Pages are never hydrated: no resource needs to travel to the browser with them.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let start = format!(
        "const s=()=>import('{js}').then(m=>m.default({{module_or_path:'{wasm}'}}).then(()=>m.hydrate()));\
         'requestIdleCallback'in window?requestIdleCallback(s,{{timeout:1500}}):s()",
        js = assets.script,
        wasm = assets.wasm,
    );
    view! {
        <link rel="modulepreload" href=assets.script.clone() />
        <link rel="preload" href=assets.wasm.clone() r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" nonce=leptos::nonce::use_nonce()>{start}</script>
    }
}

/// The locale the page is rendered in (pages render on the server only).
fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        ssr::request::locale()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Locale::default()
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = initial_locale();
    provide_context(locale);

    view! {
        <Meta name="description" content=locale.pick("Meetral : trouvez et publiez des événements en France — formations, networking, lancements, culture. Repérez le label FreeFood pour les événements où l’on vous offre à manger.", "Meetral: find and publish events across France — training, networking, launches, culture. Look for the FreeFood label for events where food is on the house.") />
        <Router>
            <ui::layout::Layout>
                <Routes fallback=|| view! { <pages::not_found::NotFound /> }>
                    <Route path=path!("/") view=home::pages::HomePage ssr=SsrMode::Async />
                    <Route path=path!("/events") view=discovery::pages::CatalogueView ssr=SsrMode::Async />
                    <Route path=path!("/events/:slug") view=events::pages::EventPage ssr=SsrMode::Async />
                    <Route path=path!("/organizers/:slug") view=discovery::organizer_page::OrganizerPublicPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events") view=events::pages::organizer::MyEventsPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events/new") view=events::pages::organizer::NewEventPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events/:id/edit") view=events::pages::organizer::EditEventPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events/:id/preview") view=events::pages::organizer::EventPreviewPage ssr=SsrMode::Async />
                    <Route path=path!("/tickets") view=tickets::wallet::WalletPage ssr=SsrMode::Async />
                    <Route path=path!("/tickets/:code") view=tickets::pages::TicketPage ssr=SsrMode::Async />
                    <Route path=path!("/tickets/offer/:token") view=tickets::manage_pages::OfferPage ssr=SsrMode::Async />
                    <Route path=path!("/manage/:token") view=tickets::manage_pages::ManagePage ssr=SsrMode::Async />
                    <Route path=path!("/registration/resent") view=tickets::manage_pages::ResentPage />
                    <Route path=path!("/invitations/:token") view=checkin::pages::InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events/:id/checkin") view=checkin::pages::CheckinPage ssr=SsrMode::Async />
                    <Route path=path!("/dashboard") view=dashboard::pages::DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events/:id/stats") view=dashboard::pages::EventStatsPage ssr=SsrMode::Async />
                    <Route path=path!("/organizer/events/:id/participants") view=checkin::participants::ParticipantsPage ssr=SsrMode::Async />
                    <Route path=path!("/contact") view=contact::pages::ContactPage />
                    <Route path=path!("/search") view=search::pages::SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/faq") view=pages::static_pages::FaqPage />
                    <Route path=path!("/legal") view=pages::static_pages::LegalPage />
                    <Route path=path!("/privacy") view=pages::static_pages::PrivacyPage />
                    <Route path=path!("/terms") view=pages::static_pages::TermsPage />
                    <Route path=path!("/login") view=accounts::pages::LoginPage />
                    <Route path=path!("/login/2fa") view=accounts::pages::SecondFactorPage />
                    <Route path=path!("/signup") view=accounts::pages::SignupPage />
                    <Route path=path!("/signup/check-email") view=accounts::pages::CheckEmailPage />
                    <Route path=path!("/verify/:token") view=accounts::pages::VerifyPage />
                    <Route path=path!("/password/forgot") view=accounts::pages::ForgotPasswordPage />
                    <Route path=path!("/password/reset/:token") view=accounts::pages::ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=accounts::pages::AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/public") view=accounts::pages::PublicProfileAccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/data") view=privacy::pages::MyDataPage ssr=SsrMode::Async />
                    <Route path=path!("/account/deleted") view=privacy::pages::AccountDeletedPage />
                    <Route path=path!("/account/security") view=accounts::pages::SecurityPage ssr=SsrMode::Async />
                    <Route path=path!("/account/tokens") view=accounts::pages::ApiTokensPage ssr=SsrMode::Async />
                    <Route path=path!("/account/webhooks") view=webhooks::pages::WebhooksPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=notifications::pages::NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/account/notifications") view=notifications::pages::PreferencesPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/moderation") view=moderation::pages::queue::ModerationQueuePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/moderation/log") view=moderation::pages::ModerationLogPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/moderation/:id") view=moderation::pages::review::ModerationReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/reports") view=moderation::pages::reports::ReportsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/settings") view=admin::pages::settings::SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=admin::pages::dashboard::DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users") view=admin::pages::users::UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/:id") view=admin::pages::users::UserPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/events") view=admin::pages::events::EventsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/events/:id") view=admin::pages::events::EventAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/tickets") view=admin::pages::tickets::TicketsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/notifications") view=admin::pages::notifications::NotificationsAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/categories") view=admin::pages::catalog::CatalogPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=admin::pages::audit::AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/unsubscribe/:token") view=notifications::pages::UnsubscribePage ssr=SsrMode::Async />
                </Routes>
            </ui::layout::Layout>
        </Router>
    }
}
