//! The back-office's frame: every staff page sits in [`StaffPage`] (title, not indexed, the
//! back-office navigation) and turns a failed load into a sign-in redirect or an error panel.

pub mod audit;
pub mod catalog;
pub mod dashboard;
pub mod events;
pub mod notifications;
pub mod settings;
pub mod tickets;
pub mod users;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    accounts::{model::Role, pages::login_redirect},
    error::AppError,
    i18n::{Locale, use_locale},
    ui::error_view::ErrorPanel,
};

/// Every back-office page: path, French and English names, the role it needs. The navigation and
/// the authorization test both read this list.
pub const STAFF_PAGES: [(&str, &str, &str, Role); 11] = [
    ("/admin", "Tableau de bord", "Dashboard", Role::Admin),
    (
        "/admin/moderation",
        "Modération",
        "Moderation",
        Role::Moderator,
    ),
    ("/admin/reports", "Signalements", "Reports", Role::Moderator),
    (
        "/admin/moderation/log",
        "Journal de modération",
        "Moderation log",
        Role::Moderator,
    ),
    ("/admin/users", "Utilisateurs", "Users", Role::Admin),
    ("/admin/events", "Événements", "Events", Role::Admin),
    ("/admin/tickets", "Billets", "Tickets", Role::Admin),
    (
        "/admin/notifications",
        "Notifications",
        "Notifications",
        Role::Admin,
    ),
    (
        "/admin/categories",
        "Catégories et labels",
        "Categories and labels",
        Role::Admin,
    ),
    ("/admin/settings", "Paramètres", "Settings", Role::Admin),
    ("/admin/audit", "Journal d’audit", "Audit log", Role::Admin),
];

/// The role of whoever is signed in (read by the server before rendering; `User` otherwise).
pub fn viewer_role() -> Role {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<crate::ui::layout::HeaderAccount>()
                    .cloned()
            })
            .and_then(|account| account.0.0)
            .map_or(Role::User, |user| user.role)
    }
    #[cfg(not(feature = "ssr"))]
    {
        Role::User
    }
}

#[component]
pub fn StaffPage(
    /// The page's path in `STAFF_PAGES`.
    path: &'static str,
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    let (title_fr, title_en) = STAFF_PAGES
        .iter()
        .find(|(p, ..)| *p == path)
        .map_or(("Administration", "Administration"), |(_, fr, en, _)| {
            (*fr, *en)
        });
    let title = locale.pick(title_fr, title_en);
    let role = viewer_role();
    view! {
        <Title text=format!("{title} · Meetral") />
        <Meta name="robots" content="noindex" />
        <div class="container page admin">
            <nav class="admin-nav" aria-label=locale.pick("Back-office", "Back office")>
                {STAFF_PAGES.iter().filter(|(.., min)| role >= *min).map(|(p, fr, en, _)| view! {
                    <a href=*p aria-current=(*p == path).then_some("page")>{locale.pick(fr, en)}</a>
                }).collect_view()}
            </nav>
            <h1>{title}</h1>
            {children()}
        </div>
    }
}

/// The page for a loaded result: the view, a sign-in redirect back here, or an error panel
/// (403 for lower roles, with the status set on the response).
pub fn staff_view<T>(
    result: Result<T, AppError>,
    here: String,
    ok: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match result {
        Ok(value) => ok(value),
        Err(AppError::Unauthorized) => login_redirect(here).into_any(),
        Err(error) => view! { <ErrorPanel error /> }.into_any(),
    }
}

/// A notice after a form sent without JavaScript came back (`?done=…`), or an error of the action.
pub fn action_notice(locale: Locale, error: Option<AppError>, done: Option<&str>) -> AnyView {
    match (error, done) {
        (Some(AppError::Conflict), _) => view! {
            <p class="notice notice-error" role="alert">{locale.pick(
                "Un autre membre de l’équipe a déjà traité ceci : la page montre l’état actuel.",
                "Another team member already handled this: the page shows the current state.")}</p>
        }.into_any(),
        (Some(AppError::Validation(_)), _) => view! {
            <p class="notice notice-error" role="alert">{locale.pick(
                "Vérifiez le formulaire : un champ est à corriger.", "Check the form: a field needs fixing.")}</p>
        }.into_any(),
        (Some(error), _) => view! {
            <p class="notice notice-error" role="alert">{locale.t(error.message_key())}</p>
        }.into_any(),
        (None, Some(_)) => view! {
            <p class="notice notice-success" role="status">{locale.pick("C’est fait.", "Done.")}</p>
        }.into_any(),
        (None, None) => ().into_any(),
    }
}

/// The `?name=` value of the current URL.
pub fn query(name: &str) -> Option<String> {
    leptos_router::hooks::use_query_map()
        .read_untracked()
        .get(name)
}

/// "Previous" and "next" links that keep the other query parameters.
#[component]
pub fn Pager(locale: Locale, page: i64, more: bool) -> impl IntoView {
    let with_page = move |n: i64| {
        let mut params = leptos_router::hooks::use_query_map()
            .read_untracked()
            .clone();
        params.replace("page", n.to_string());
        let query = params.to_query_string();
        let path = leptos_router::hooks::use_location()
            .pathname
            .get_untracked();
        format!("{path}{query}")
    };
    view! {
        <nav class="pager" aria-label=locale.pick("Pages", "Pages")>
            {(page > 0).then(|| view! { <a href=with_page(page - 1) rel="prev">{locale.pick("← Précédents", "← Previous")}</a> })}
            {more.then(|| view! { <a href=with_page(page + 1) rel="next">{locale.pick("Suivants →", "Next →")}</a> })}
        </nav>
    }
}

/// The `:id` of the route, when it is a number.
pub fn route_id() -> Option<i64> {
    leptos_router::hooks::use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
}

/// A staff page about one record, found by the `:id` of its route under `base` (404 for an id that
/// is not a number; a sign-in redirect back here when signed out). `nav` marks the navigation.
pub fn record_page<T, Fut>(
    nav: &'static str,
    base: &'static str,
    load: fn(i64) -> Fut,
    body: fn(Locale, T) -> AnyView,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    let locale = use_locale();
    let id = route_id();
    let record = Resource::new(
        move || id,
        move |id| async move {
            match id {
                Some(id) => load(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let here = format!("{base}/{}", id.unwrap_or_default());
    view! {
        <StaffPage path=nav>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let here = here.clone();
                    Suspend::new(async move { staff_view(record.await, here, move |r| body(locale, r)) })
                }}
            </Suspense>
        </StaffPage>
    }
}
