//! `/account/tokens`: personal access tokens for the REST API — make one (its secret shown once),
//! see when each was last used, revoke. Server-rendered forms: they work without WASM.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::{AccountNav, login_redirect};
use crate::{
    accounts::{
        api::{CreateApiToken, RevokeApiToken, my_api_tokens},
        model::{ApiTokenView, Scope},
    },
    error::AppError,
    i18n::{Locale, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{action_error, field_error, form_summary},
    },
};

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let data = Resource::new(|| (), |_| my_api_tokens());
    let create_error = action_error(create).get_untracked();
    let revoke_error = action_error(revoke).get_untracked();
    let revoked = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("saved")
        .as_deref()
        == Some("revoked");
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", p("Jetons d’API", "API tokens")) />
        <section class="container page narrow">
            <h1>{p("Jetons d’API", "API tokens")}</h1>
            <AccountNav locale current="/account/tokens" />
            <p>{p(
                "Un jeton permet à une application ou à un script d’utiliser l’API REST de Meetral en votre nom, avec les droits que vous lui donnez.",
                "A token lets an app or a script use Meetral’s REST API on your behalf, with the rights you give it.",
            )} " " <a href="/api/v1/docs">{p("Documentation de l’API", "API documentation")}</a></p>
            {revoked.then(|| view! { <p class="notice notice-success" role="status">{p("Jeton révoqué : il ne fonctionne plus.", "Token revoked: it no longer works.")}</p> })}
            {form_summary(locale, revoke_error, None).map(|text| view! { <p class="notice notice-error" role="alert">{text}</p> })}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let create_error = create_error.clone();
                    Suspend::new(async move {
                        match data.await {
                            Err(AppError::Unauthorized) => login_redirect("/account/tokens".into()).into_any(),
                            Err(error) => view! { <ErrorPanel error /> }.into_any(),
                            Ok(page) => view! {
                                {page.fresh.map(|secret| view! { <FreshToken locale secret /> })}
                                <h2>{p("Nouveau jeton", "New token")}</h2>
                                <CreateForm locale action=create error=create_error />
                                <h2>{p("Vos jetons", "Your tokens")}</h2>
                                <TokenList locale tokens=page.tokens action=revoke />
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn FreshToken(locale: Locale, secret: String) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    view! {
        <div class="notice notice-success fresh-token" role="status">
            <p><strong>{p("Votre nouveau jeton :", "Your new token:")}</strong></p>
            <p><code class="token-secret" data-token-secret="">{secret}</code></p>
            <p>{p(
                "Copiez-le maintenant : il ne sera plus jamais affiché. Envoyez-le dans l’en-tête « Authorization: Bearer … ».",
                "Copy it now: it will never be shown again. Send it in the “Authorization: Bearer …” header.",
            )}</p>
        </div>
    }
}

fn scope_label(locale: Locale, scope: Scope) -> &'static str {
    match scope {
        Scope::Read => locale.pick(
            "Lecture (mes événements, billets, participants)",
            "Read (my events, tickets, participants)",
        ),
        Scope::Write => locale.pick(
            "Écriture (créer et modifier des événements, s’inscrire, annuler)",
            "Write (create and edit events, register, cancel)",
        ),
        Scope::Checkin => locale.pick(
            "Contrôle d’accès (scanner les billets, liste hors ligne)",
            "Check-in (scan tickets, offline list)",
        ),
    }
}

#[component]
fn CreateForm(
    locale: Locale,
    action: ServerAction<CreateApiToken>,
    error: Option<AppError>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let name_error = field_error(&error, "name");
    let scopes_error = field_error(&error, "scopes");
    let lifetime_error = field_error(&error, "lifetime");
    let summary = match &error {
        Some(AppError::Validation(_)) | None => None,
        other => form_summary(locale, other.clone(), None),
    };
    let lifetimes = [
        ("30", p("30 jours", "30 days")),
        ("90", p("90 jours", "90 days")),
        ("365", p("1 an", "1 year")),
        ("0", p("Jamais", "Never")),
    ];
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:id="create-token">
            {summary.map(|text| view! { <p class="notice notice-error" role="alert">{text}</p> })}
            <div class="field" class:field-invalid=name_error.is_some()>
                <label for="field-name">{p("Nom (pour le reconnaître)", "Name (to tell it apart)")}</label>
                <input id="field-name" name="name" type="text" maxlength="80" autocomplete="off"
                    aria-invalid=name_error.is_some().then_some("true") aria-describedby="field-name-error" />
                <p class="field-error" id="field-name-error" aria-live="polite">{name_error.map(|k| locale.t(k))}</p>
            </div>
            <fieldset class="field choice-group" class:field-invalid=scopes_error.is_some()>
                <legend>{p("Droits", "Rights")}</legend>
                <div class="choices">
                    {Scope::ALL.into_iter().map(|scope| view! {
                        <label class="choice">
                            <input type="checkbox" name=scope.as_str() value="on" checked=scope == Scope::Read />
                            <span>{scope_label(locale, scope)}</span>
                        </label>
                    }).collect_view()}
                </div>
                <p class="field-error" id="field-scopes-error" aria-live="polite">{scopes_error.map(|k| locale.t(k))}</p>
            </fieldset>
            <div class="field" class:field-invalid=lifetime_error.is_some()>
                <label for="field-lifetime">{p("Expire après", "Expires after")}</label>
                <select id="field-lifetime" name="lifetime" aria-describedby="field-lifetime-error">
                    {lifetimes.into_iter().map(|(value, text)| view! { <option value=value selected=value == "90">{text}</option> }).collect_view()}
                </select>
                <p class="field-error" id="field-lifetime-error" aria-live="polite">{lifetime_error.map(|k| locale.t(k))}</p>
            </div>
            <button type="submit" class="button button-primary">{p("Créer le jeton", "Create the token")}</button>
        </ActionForm>
    }
}

#[component]
fn TokenList(
    locale: Locale,
    tokens: Vec<ApiTokenView>,
    action: ServerAction<RevokeApiToken>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if tokens.is_empty() {
        return view! { <p class="empty">{p("Aucun jeton pour l’instant.", "No token yet.")}</p> }
            .into_any();
    }
    view! {
        <ul class="token-list">
            {tokens.into_iter().map(|token| {
                let scopes = token.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                let expiry = match (&token.expires, token.expired) {
                    (Some(at), true) => format!("{} {at}", p("Expiré le", "Expired on")),
                    (Some(at), false) => format!("{} {at}", p("Expire le", "Expires on")),
                    (None, _) => p("N’expire pas", "Never expires").to_owned(),
                };
                let used = match &token.last_used {
                    Some(at) => format!("{} {at}", p("Dernière utilisation :", "Last used:")),
                    None => p("Jamais utilisé", "Never used").to_owned(),
                };
                view! {
                    <li class="token-item" data-token-id=token.id.to_string()>
                        <div>
                            <strong>{token.name}</strong> " " <code>{format!("{}…", token.prefix)}</code>
                            <p class="token-meta">{scopes} " · " {format!("{} {}", p("Créé le", "Created on"), token.created)}</p>
                            <p class="token-meta">{used} " · " {expiry}</p>
                        </div>
                        <ActionForm action attr:class="inline-form">
                            <input type="hidden" name="id" value=token.id.to_string() />
                            <button type="submit" class="button button-danger">{p("Révoquer", "Revoke")}</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any()
}
