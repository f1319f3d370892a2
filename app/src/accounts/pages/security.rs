use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    AccountHead, AccountNav, login_redirect, profile::saved_notice, strength::NewPasswordField,
};
use crate::{
    accounts::{
        api::{
            BeginTwoFactor, ChangePassword, ConfirmTwoFactor, DisableTwoFactor,
            RegenerateRecoveryCodes, my_sessions, my_two_factor,
        },
        model::{self, SessionView, TwoFactorStatus},
    },
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

/// `/account/security`: password, two-factor sign-in and signed-in devices.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let locale = use_locale();
    let t = move |key| locale.t(key);
    let notice = saved_notice();
    let required = use_query_map().read_untracked().get("required").is_some();
    let data = Resource::new(
        || (),
        |_| async { Ok::<_, AppError>((my_two_factor().await?, my_sessions().await?)) },
    );
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::SecurityTitle />
            <AccountNav locale current="/account/security" />
            {notice.map(|key| view! { <p class="notice notice-success" role="status">{t(key)}</p> })}
            {required.then(|| view! { <p class="notice notice-warning" role="alert">{t(MessageKey::ErrorTwoFactorRequired)}</p> })}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => login_redirect("/account/security".into()).into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok((status, sessions)) => view! {
                            <h2>{t(MessageKey::PasswordHeading)}</h2>
                            <PasswordChangeForm locale />
                            <h2>{t(MessageKey::TwoFactorHeading)}</h2>
                            <TwoFactorPanel locale status=status.clone() />
                            {(status.enabled && !status.required).then(|| view! { <TwoFactorDisableForm locale /> })}
                            <h2>{t(MessageKey::SessionsHeading)}</h2>
                            <SessionList locale sessions />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Server-rendered; `LiveForm` checks it, feeds the meter and sends it without a page load.
#[component]
pub fn PasswordChangeForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let (current, new) = (LiveField::default(), LiveField::default());
    let server_error = action_error(action);
    let current_error = current.server_message(server_error, "current_password");
    let summary = form_summary(locale, server_error.get_untracked(), None);
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/account/security?saved=password">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                <TextField locale name="current_password" label=MessageKey::FieldCurrentPassword value=current.value
                    error=current_error input_type="password" autocomplete="current-password" check="password" />
                <NewPasswordField locale name="new_password" label=MessageKey::FieldNewPassword field=new server_error />
                <button type="submit" class="button button-primary">{locale.t(MessageKey::PasswordChangeSubmit)}</button>
            </ActionForm>
        </LiveForm>
    }
}

/// Recovery codes, shown once, right after they are made.
#[component]
fn RecoveryCodes(locale: Locale, codes: Vec<String>) -> impl IntoView {
    view! {
        <div class="recovery-codes" role="status">
            <p><strong>{locale.t(MessageKey::RecoveryCodesTitle)}</strong></p>
            <p>{locale.t(MessageKey::RecoveryCodesLead)}</p>
            <ul class="code-list">
                {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
            </ul>
        </div>
    }
}

/// Turning two-factor sign-in on (scan, confirm a first code, keep the recovery codes) and making new
/// recovery codes. Every step is a form post that comes back to this page, which reads the state from
/// the server (the secret being enrolled, codes just made): it works without JavaScript.
#[component]
pub fn TwoFactorPanel(locale: Locale, status: TwoFactorStatus) -> impl IntoView {
    let t = move |key| locale.t(key);
    let begin = ServerAction::<BeginTwoFactor>::new();
    let regenerate = ServerAction::<RegenerateRecoveryCodes>::new();
    let other_error =
        form_summary(locale, action_error(begin).get_untracked(), None).or_else(|| {
            form_summary(
                locale,
                action_error(regenerate).get_untracked(),
                Some(MessageKey::TwoFactorCodeWrong),
            )
        });
    let codes_left = if status.new_codes.is_some() {
        model::RECOVERY_CODE_COUNT as i64
    } else {
        status.recovery_codes_left
    };
    let state = if status.enabled {
        view! {
            <p class="notice notice-success">{t(MessageKey::TwoFactorOn)}</p>
            <p>{format!("{} {codes_left}", t(MessageKey::RecoveryCodesLeft))}</p>
            <ActionForm action=regenerate attr:class="form form-inline">
                <div class="field">
                    <label for="field-regenerate-code">{t(MessageKey::TwoFactorCode)}</label>
                    <input id="field-regenerate-code" name="code" autocomplete="one-time-code" inputmode="numeric" />
                </div>
                <button type="submit" class="button button-ghost">{t(MessageKey::RecoveryCodesRegenerate)}</button>
            </ActionForm>
            {status.required.then(|| view! { <p class="field-hint">{t(MessageKey::TwoFactorRequiredForStaff)}</p> })}
        }
        .into_any()
    } else {
        match status.setup {
            None => view! {
                <p>{t(MessageKey::TwoFactorOffLead)}</p>
                <ActionForm action=begin attr:class="inline-form">
                    <button type="submit" class="button button-primary">{t(MessageKey::TwoFactorEnable)}</button>
                </ActionForm>
            }
            .into_any(),
            Some(setup) => view! { <TwoFactorEnrolment locale setup /> }.into_any(),
        }
    };
    view! {
        <div class="two-factor" id="two-factor" data-enabled=status.enabled.to_string()>
            <p class="notice notice-error" role="alert" hidden=other_error.is_none()>{other_error.clone()}</p>
            {status.new_codes.map(|codes| view! { <RecoveryCodes locale codes /> })}
            {state}
        </div>
    }
}

/// The enrolment's second step: scan (or type) the secret, then confirm a first code.
#[component]
fn TwoFactorEnrolment(locale: Locale, setup: model::TwoFactorSetup) -> impl IntoView {
    let t = move |key| locale.t(key);
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let code = LiveField::default();
    let server_error = action_error(confirm);
    let code_error = code.server_message(server_error, "code");
    let summary = form_summary(locale, server_error.get_untracked(), None);
    view! {
        <ol class="two-factor-steps">
            <li>{t(MessageKey::TwoFactorScan)}
                <div class="qr" inner_html=setup.qr_svg role="img" aria-label=t(MessageKey::TwoFactorQrLabel)></div>
                <p class="field-hint">{t(MessageKey::TwoFactorManual)} " "
                    <code class="totp-secret">{setup.secret_grouped}</code></p>
            </li>
            <li>{t(MessageKey::TwoFactorEnterCode)}</li>
        </ol>
        <LiveForm>
            <ActionForm action=confirm attr:class="form" attr:novalidate=true
                attr:data-success-url="/account/security?saved=2fa-on#two-factor">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                <TextField locale name="code" label=MessageKey::TwoFactorCode value=code.value error=code_error
                    autocomplete="one-time-code" check="totp_code" />
                <button type="submit" class="button button-primary">{t(MessageKey::TwoFactorConfirm)}</button>
            </ActionForm>
        </LiveForm>
    }
}

/// A plain form (no WASM): turning 2FA off takes a fresh code, typed anew after any error.
#[component]
fn TwoFactorDisableForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<DisableTwoFactor>::new();
    let server_error = action_error(action);
    let summary = move || {
        form_summary(
            locale,
            server_error.get(),
            Some(MessageKey::TwoFactorCodeWrong),
        )
    };
    view! {
        <ActionForm action attr:class="form form-inline">
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <div class="field">
                <label for="field-disable-code">{locale.t(MessageKey::TwoFactorCode)}</label>
                <input id="field-disable-code" name="code" autocomplete="one-time-code" inputmode="numeric" />
            </div>
            <button type="submit" class="button button-ghost">{locale.t(MessageKey::TwoFactorDisable)}</button>
        </ActionForm>
    }
}

/// Signed-in devices, each with a plain form to sign it out (works without JavaScript).
#[component]
fn SessionList(locale: Locale, sessions: Vec<SessionView>) -> impl IntoView {
    let t = move |key| locale.t(key);
    view! {
        <ul class="session-list">
            {sessions.into_iter().map(|s| view! {
                <li class="session" data-current=s.current.to_string()>
                    <div>
                        <strong>{s.device}</strong>
                        {s.current.then(|| view! { " " <span class="badge badge-current">{t(MessageKey::SessionThisDevice)}</span> })}
                        <p class="muted small">
                            {s.ip_address.map(|ip| format!("{} {ip} · ", t(MessageKey::SessionIp)))}
                            {format!("{} {} · {} {}", t(MessageKey::SessionSignedIn), s.signed_in, t(MessageKey::SessionLastSeen), s.last_seen)}
                        </p>
                    </div>
                    {(!s.current).then(|| view! {
                        <form method="post" action="/api/fn/revoke_session" class="inline-form">
                            <input type="hidden" name="id" value=s.id />
                            <button type="submit" class="button button-ghost">{t(MessageKey::SessionRevoke)}</button>
                        </form>
                    })}
                </li>
            }).collect_view()}
        </ul>
        <form method="post" action="/api/fn/sign_out_everywhere">
            <button type="submit" class="button button-ghost">{t(MessageKey::SessionsSignOutAll)}</button>
        </form>
    }
}
