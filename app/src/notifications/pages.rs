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
                                <p class="muted">{locale.t(MessageKey::UnsubscribeEssential)}</p>
                            </article>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
