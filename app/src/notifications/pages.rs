use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{api::unsubscribe_target, model::NotificationKind};
use crate::{
    i18n::{MessageKey, use_locale},
    ui::error_view::ErrorPanel,
};

pub fn kind_label(kind: NotificationKind) -> MessageKey {
    match kind {
        NotificationKind::RegistrationConfirmed => MessageKey::KindRegistrationConfirmed,
        NotificationKind::EventReminder => MessageKey::KindEventReminder,
        NotificationKind::EventChanged => MessageKey::KindEventChanged,
        NotificationKind::EventCancelled => MessageKey::KindEventCancelled,
        NotificationKind::WaitlistOffer => MessageKey::KindWaitlistOffer,
        NotificationKind::ModerationDecision => MessageKey::KindModerationDecision,
        NotificationKind::ReportUpdate => MessageKey::KindReportUpdate,
    }
}

/// `/unsubscribe/{token}`: the page behind List-Unsubscribe. Opening it changes nothing (mail
/// scanners open links); the button posts to the same URL, as one-click mail clients do.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let done = use_query_map().read_untracked().get("done").is_some();
    let token = move || params.read().get("token").unwrap_or_default();
    let target = Resource::new(token, unsubscribe_target);
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::UnsubscribeTitle)) />
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match target.await {
                    Ok((email, kind)) => {
                        let kind_text = locale.t(kind_label(kind));
                        view! {
                            <article class="container page narrow unsubscribe">
                                <h1>{locale.t(MessageKey::UnsubscribeTitle)}</h1>
                                {if done {
                                    view! {
                                        <p class="notice notice-success" role="status">
                                            {locale.t(MessageKey::UnsubscribeDone)} " " <strong>{kind_text}</strong>
                                            " — " {email}
                                        </p>
                                    }.into_any()
                                } else {
                                    view! {
                                        <p>{locale.t(MessageKey::UnsubscribeLead)} " " <strong>{kind_text}</strong> " — " {email}</p>
                                        <form method="post" action=format!("/unsubscribe/{}", token())>
                                            <button type="submit" class="button button-primary">
                                                {locale.t(MessageKey::UnsubscribeButton)}
                                            </button>
                                        </form>
                                    }.into_any()
                                }}
                                <p class="muted">{locale.pick("Les e-mails indispensables (billets, annulations, sécurité du compte) restent envoyés.", "Essential emails (tickets, cancellations, account security) are still sent.")}</p>
                            </article>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a notification line says, in the viewer's language.
pub(crate) fn notice_key(item: &super::model::NotificationItem) -> MessageKey {
    match (item.kind, item.outcome.as_deref()) {
        (NotificationKind::RegistrationConfirmed, _) => MessageKey::NoticeConfirmed,
        (NotificationKind::EventReminder, _) => MessageKey::NoticeReminder,
        (NotificationKind::EventChanged, _) => MessageKey::NoticeChanged,
        (NotificationKind::EventCancelled, _) => MessageKey::NoticeCancelled,
        (NotificationKind::WaitlistOffer, _) => MessageKey::NoticeOffer,
        (NotificationKind::ModerationDecision, Some("approved")) => MessageKey::NoticeApproved,
        (NotificationKind::ModerationDecision, Some("rejected")) => MessageKey::NoticeRejected,
        (NotificationKind::ModerationDecision, _) => MessageKey::NoticeChangesRequested,
        (NotificationKind::ReportUpdate, _) => MessageKey::NoticeReport,
    }
}

/// `/notifications`: the notification centre, newest first, 20 a page. Works without JavaScript:
/// its buttons are plain form posts that come back here.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
    };
    let data = Resource::new(page, super::api::my_notifications);
    let shown_at = chrono::Utc::now().to_rfc3339();
    let t = move |key| locale.t(key);
    view! {
        <Title text=format!("{} · Meetral", t(MessageKey::NotificationsTitle)) />
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || {
                let shown_at = shown_at.clone();
                Suspend::new(async move {
                match data.await {
                    Err(crate::error::AppError::Unauthorized) => crate::accounts::pages::login_redirect(format!("/notifications?page={}", page())).into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(list) => {
                        let any_unread = list.items.iter().any(|i| !i.read);
                        view! {
                            <section class="container page narrow notifications">
                                <div class="page-heading">
                                    <h1>{t(MessageKey::NotificationsTitle)}</h1>
                                    <a href="/account/notifications">{t(MessageKey::NotificationsPreferences)}</a>
                                </div>
                                {any_unread.then(|| view! {
                                    <form method="post" action="/api/fn/mark_all_notifications_read">
                                        <input type="hidden" name="up_to" value=shown_at.clone() />
                                        <button type="submit" class="button button-ghost">{t(MessageKey::NotificationsMarkAll)}</button>
                                    </form>
                                })}
                                {if list.items.is_empty() {
                                    view! { <p class="empty-state">{t(MessageKey::NotificationsEmpty)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="notification-list">
                                            {list.items.into_iter().map(|item| {
                                                let unread = !item.read;
                                                view! {
                                                    <li class="notification" class:notification-unread=unread>
                                                        <a href=item.link.clone()>
                                                            {t(notice_key(&item))} " " <strong>{item.subject.clone()}</strong>
                                                        </a>
                                                        <time datetime=item.when_iso.clone()>{item.when_label.clone()}</time>
                                                        {unread.then(|| view! {
                                                            <form method="post" action="/api/fn/mark_notification_read">
                                                                <input type="hidden" name="id" value=item.id />
                                                                <button type="submit" class="link-button">
                                                                    {t(MessageKey::NotificationsMarkRead)}
                                                                    <span class="visually-hidden">" — " {item.subject.clone()}</span>
                                                                </button>
                                                            </form>
                                                        })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                <nav class="pager" aria-label=t(MessageKey::NotificationsTitle)>
                                    {(list.page > 1).then(|| view! {
                                        <a rel="prev" href=format!("/notifications?page={}", list.page - 1)>{t(MessageKey::NotificationsNewer)}</a>
                                    })}
                                    {list.has_older.then(|| view! {
                                        <a rel="next" href=format!("/notifications?page={}", list.page + 1)>{t(MessageKey::NotificationsOlder)}</a>
                                    })}
                                </nav>
                            </section>
                        }.into_any()
                    }
                }
            })}}
        </Suspense>
    }
}

/// `/account/notifications`: per-type choice of email and in-app notifications.
#[component]
pub fn PreferencesPage() -> impl IntoView {
    let locale = use_locale();
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let rows = Resource::new(|| (), |_| super::api::notification_preferences());
    let t = move |key| locale.t(key);
    view! {
        <Title text=format!("{} · Meetral", t(MessageKey::PreferencesTitle)) />
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Err(crate::error::AppError::Unauthorized) => crate::accounts::pages::login_redirect("/account/notifications".into()).into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(rows) => view! {
                        <section class="container page narrow">
                            <h1>{t(MessageKey::PreferencesTitle)}</h1>
                            <p class="lead">{t(MessageKey::PreferencesLead)}</p>
                            {saved.then(|| view! { <p class="notice notice-success" role="status">{t(MessageKey::PreferencesSaved)}</p> })}
                            <form method="post" action="/api/fn/save_notification_preferences" class="preferences">
                                <table class="preferences-table">
                                    <thead><tr>
                                        <th scope="col">{t(MessageKey::PreferencesType)}</th>
                                        <th scope="col">{t(MessageKey::PreferencesEmail)}</th>
                                        <th scope="col">{t(MessageKey::PreferencesInApp)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|row| {
                                            let code = row.kind.code();
                                            let label = t(kind_label(row.kind));
                                            let email_box = if row.kind.email_optional() {
                                                view! {
                                                    <input type="checkbox" name=format!("email_{code}") value="on" checked=row.by_email
                                                        aria-label=format!("{} — {}", t(MessageKey::PreferencesEmail), label) />
                                                }.into_any()
                                            } else {
                                                view! {
                                                    <input type="checkbox" checked=true disabled=true
                                                        aria-label=format!("{} — {} ({})", t(MessageKey::PreferencesEmail), label, t(MessageKey::PreferencesAlwaysEmail)) />
                                                    <span class="muted small">{t(MessageKey::PreferencesAlwaysEmail)}</span>
                                                }.into_any()
                                            };
                                            view! {
                                                <tr>
                                                    <th scope="row">{label}</th>
                                                    <td>{email_box}</td>
                                                    <td>
                                                        <input type="checkbox" name=format!("app_{code}") value="on" checked=row.in_app
                                                            aria-label=format!("{} — {}", t(MessageKey::PreferencesInApp), label) />
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <button type="submit" class="button button-primary">{t(MessageKey::PreferencesSave)}</button>
                            </form>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
