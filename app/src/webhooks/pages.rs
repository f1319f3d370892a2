//! `/account/webhooks`: the organizer's endpoints, the key of a new one (shown once), and each
//! endpoint's latest deliveries. Server-rendered forms: they work without WASM.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::{
    api::{CreateWebhook, DeleteWebhook, my_webhooks},
    model::{EVENT_TYPES, WebhookView},
};
use crate::{
    accounts::pages::{AccountNav, login_redirect},
    error::AppError,
    i18n::{Locale, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{action_error, field_error, form_summary},
    },
};

fn kind_label(locale: Locale, kind: &str) -> &'static str {
    match kind {
        "registration.created" => locale.pick("Nouvelle inscription", "New registration"),
        "registration.cancelled" => locale.pick("Inscription annulée", "Registration cancelled"),
        "checkin.created" => locale.pick("Entrée validée", "Check-in"),
        _ => locale.pick(
            "Changement de statut d’un événement",
            "Event status changed",
        ),
    }
}

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let create = ServerAction::<CreateWebhook>::new();
    let remove = ServerAction::<DeleteWebhook>::new();
    let data = Resource::new(|| (), |_| my_webhooks());
    let create_error = action_error(create).get_untracked();
    let remove_error = action_error(remove).get_untracked();
    let deleted = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("saved")
        .as_deref()
        == Some("deleted");
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", p("Webhooks", "Webhooks")) />
        <section class="container page narrow">
            <h1>{p("Webhooks", "Webhooks")}</h1>
            <AccountNav locale current="/account/webhooks" />
            <p>{p(
                "Meetral prévient votre application (un POST JSON signé) quand quelqu’un s’inscrit à vos événements ou annule, quand un billet est validé à l’entrée, quand un événement change de statut.",
                "Meetral tells your application (a signed JSON POST) when someone registers for your events or cancels, when a ticket is checked in, when an event’s status changes.",
            )} " " <a href="/api/v1/docs#webhooks">{p("Format et signature", "Format and signature")}</a></p>
            {deleted.then(|| view! { <p class="notice notice-success" role="status">{p("Adresse supprimée.", "Address removed.")}</p> })}
            {form_summary(locale, remove_error, None).map(|text| view! { <p class="notice notice-error" role="alert">{text}</p> })}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let create_error = create_error.clone();
                    Suspend::new(async move {
                        match data.await {
                            Err(AppError::Unauthorized) => login_redirect("/account/webhooks".into()).into_any(),
                            Err(error) => view! { <ErrorPanel error /> }.into_any(),
                            Ok(page) => view! {
                                {page.fresh_secret.map(|secret| view! {
                                    <div class="notice notice-success" role="status">
                                        <p><strong>{p("Clé de signature de cette adresse :", "This address’s signing key:")}</strong></p>
                                        <p><code class="token-secret">{secret}</code></p>
                                        <p>{p("Copiez-la maintenant : elle ne sera plus affichée.", "Copy it now: it will not be shown again.")}</p>
                                    </div>
                                })}
                                <h2>{p("Nouvelle adresse", "New address")}</h2>
                                <CreateForm locale action=create error=create_error />
                                <h2>{p("Vos adresses", "Your addresses")}</h2>
                                <EndpointList locale endpoints=page.endpoints action=remove />
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn CreateForm(
    locale: Locale,
    action: ServerAction<CreateWebhook>,
    error: Option<AppError>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let url_error = field_error(&error, "url");
    let events_error = field_error(&error, "events");
    let summary = match &error {
        Some(AppError::Validation(_)) | None => None,
        other => form_summary(locale, other.clone(), None),
    };
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:id="create-webhook">
            {summary.map(|text| view! { <p class="notice notice-error" role="alert">{text}</p> })}
            <div class="field" class:field-invalid=url_error.is_some()>
                <label for="field-url">{p("Adresse (https://…)", "Address (https://…)")}</label>
                <input id="field-url" name="url" type="url" inputmode="url" maxlength="500" autocomplete="off"
                    aria-invalid=url_error.is_some().then_some("true") aria-describedby="field-url-error" />
                <p class="field-error" id="field-url-error" aria-live="polite">{url_error.map(|k| locale.t(k))}</p>
            </div>
            <fieldset class="field choice-group" class:field-invalid=events_error.is_some()>
                <legend>{p("Prévenir pour", "Notify on")}</legend>
                <div class="choices">
                    {EVENT_TYPES.into_iter().enumerate().map(|(index, kind)| view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("events[{index}]") value=kind checked=true />
                            <span>{kind_label(locale, kind)}</span>
                        </label>
                    }).collect_view()}
                </div>
                <p class="field-error" id="field-events-error" aria-live="polite">{events_error.map(|k| locale.t(k))}</p>
            </fieldset>
            <button type="submit" class="button button-primary">{p("Ajouter l’adresse", "Add the address")}</button>
        </ActionForm>
    }
}

#[component]
fn EndpointList(
    locale: Locale,
    endpoints: Vec<WebhookView>,
    action: ServerAction<DeleteWebhook>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if endpoints.is_empty() {
        return view! { <p class="empty">{p("Aucune adresse pour l’instant.", "No address yet.")}</p> }.into_any();
    }
    view! {
        <ul class="token-list">
            {endpoints.into_iter().map(|endpoint| {
                let kinds = endpoint.events.iter().map(|k| kind_label(locale, k)).collect::<Vec<_>>().join(", ");
                view! {
                    <li class="token-item webhook-item" data-webhook-id=endpoint.id.to_string()>
                        <div>
                            <strong>{endpoint.url}</strong>
                            <p class="token-meta">{kinds} " · " {format!("{} {}", p("Ajoutée le", "Added on"), endpoint.created)}</p>
                            <DeliveryLog locale endpoint=endpoint.deliveries />
                        </div>
                        <ActionForm action attr:class="inline-form">
                            <input type="hidden" name="id" value=endpoint.id.to_string() />
                            <button type="submit" class="button button-danger">{p("Supprimer", "Remove")}</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any()
}

#[component]
fn DeliveryLog(locale: Locale, endpoint: Vec<super::model::DeliveryView>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if endpoint.is_empty() {
        return view! { <p class="token-meta">{p("Aucun envoi pour l’instant.", "Nothing sent yet.")}</p> }.into_any();
    }
    view! {
        <table class="delivery-log">
            <caption class="visually-hidden">{p("Derniers envois", "Latest deliveries")}</caption>
            <thead><tr><th scope="col">{p("Quand", "When")}</th><th scope="col">{p("Quoi", "What")}</th><th scope="col">{p("Résultat", "Result")}</th></tr></thead>
            <tbody>
                {endpoint.into_iter().map(|d| {
                    let result = match d.status.as_str() {
                        "delivered" => format!("{} ({})", p("Reçu", "Delivered"), d.last_status.unwrap_or(200)),
                        "failed" => format!("{} — {}", p("Abandonné", "Gave up"), d.last_error.clone().unwrap_or_default()),
                        _ if d.attempts == 0 => p("En attente", "Waiting").to_owned(),
                        _ => format!("{} {} — {}", p("Nouvel essai prévu · essais :", "Retrying · attempts:"), d.attempts, d.last_error.clone().unwrap_or_default()),
                    };
                    let failed = d.status != "delivered" && d.attempts > 0;
                    view! {
                        <tr data-delivery-status=d.status.clone()>
                            <td>{d.at}</td><td><code>{d.event_type}</code></td>
                            <td class:delivery-failed=failed>{result}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }.into_any()
}
