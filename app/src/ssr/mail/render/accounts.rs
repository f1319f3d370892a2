//! Account mails: verification, password reset, email change (confirmation and notice).

use super::{Body, Draft, RenderContext, tr};
use crate::{i18n::Locale, ssr::mail::message::SecurityChange};

pub(super) fn account_exists(locale: Locale, context: &RenderContext, full_name: &str) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Quelqu’un vient d’essayer de créer un compte Meetral avec votre adresse e-mail, qui en a déjà un.",
            "Someone just tried to create a Meetral account with your email address, which already has one.",
        ))
        .paragraph(t(
            "Si c’était vous, connectez-vous ; si vous avez oublié votre mot de passe, choisissez-en un nouveau.",
            "If it was you, sign in; if you forgot your password, choose a new one.",
        ))
        .button(t("Se connecter", "Sign in"), &context.link("/login"))
        .small(&format!(
            "{} {}",
            t("Mot de passe oublié :", "Forgot your password:"),
            context.link("/password/forgot")
        ))
        .small(t(
            "Si ce n’était pas vous, ignorez ce message : rien n’a changé sur votre compte.",
            "If it was not you, ignore this message: nothing changed on your account.",
        ));
    (
        t(
            "Vous avez déjà un compte Meetral",
            "You already have a Meetral account",
        )
        .to_owned(),
        body,
    )
}

pub(super) fn security_notice(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    change: SecurityChange,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let (subject, what) = match change {
        SecurityChange::PasswordChanged => (
            t(
                "Votre mot de passe a été modifié",
                "Your password was changed",
            ),
            t(
                "Le mot de passe de votre compte Meetral vient d’être modifié. Vos autres appareils ont été déconnectés.",
                "Your Meetral account's password was just changed. Your other devices were signed out.",
            ),
        ),
        SecurityChange::PasswordReset => (
            t(
                "Votre mot de passe a été réinitialisé",
                "Your password was reset",
            ),
            t(
                "Le mot de passe de votre compte Meetral vient d’être réinitialisé par lien e-mail. Tous vos appareils ont été déconnectés.",
                "Your Meetral account's password was just reset through an email link. All your devices were signed out.",
            ),
        ),
        SecurityChange::TwoFactorEnabled => (
            t(
                "Double authentification activée",
                "Two-factor authentication turned on",
            ),
            t(
                "La double authentification est maintenant active sur votre compte Meetral. Gardez vos codes de secours en lieu sûr.",
                "Two-factor authentication is now on for your Meetral account. Keep your recovery codes somewhere safe.",
            ),
        ),
        SecurityChange::TwoFactorDisabled => (
            t(
                "Double authentification désactivée",
                "Two-factor authentication turned off",
            ),
            t(
                "La double authentification vient d’être désactivée sur votre compte Meetral.",
                "Two-factor authentication was just turned off for your Meetral account.",
            ),
        ),
    };
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(what)
        .paragraph(t(
            "Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe et écrivez-nous depuis la page contact.",
            "If this was not you, choose a new password right away and write to us from the contact page.",
        ))
        .button(t("Voir la sécurité du compte", "Review account security"), &context.link("/account/security"))
        .small(&format!(
            "{} {}",
            t("Mot de passe oublié :", "Forgot your password:"),
            context.link("/password/forgot")
        ));
    (subject.to_owned(), body)
}

pub(super) fn verification(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    token: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Bienvenue sur Meetral ! Confirmez votre adresse e-mail pour pouvoir publier des événements.",
            "Welcome to Meetral! Confirm your email address so you can publish events.",
        ))
        .button(
            t("Confirmer mon adresse", "Confirm my address"),
            &context.link(&format!("/verify/{token}")),
        )
        .small(t(
            "Ce lien est valable 48 heures et ne sert qu’une fois. Si vous n’avez pas créé de compte, ignorez ce message.",
            "This link is valid for 48 hours and works once. If you did not create an account, ignore this message.",
        ));
    (
        t(
            "Confirmez votre adresse e-mail",
            "Confirm your email address",
        )
        .to_owned(),
        body,
    )
}

pub(super) fn password_reset(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    token: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(t(
            "Vous avez demandé à réinitialiser votre mot de passe Meetral.",
            "You asked to reset your Meetral password.",
        ))
        .button(
            t("Choisir un nouveau mot de passe", "Choose a new password"),
            &context.link(&format!("/password/reset/{token}")),
        )
        .small(t(
            "Ce lien est valable 1 heure et ne sert qu’une fois ; il déconnecte vos autres appareils. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
            "This link is valid for 1 hour and works once; it signs your other devices out. If you did not ask for this, ignore this message: your password stays the same.",
        ));
    (
        t("Réinitialisez votre mot de passe", "Reset your password").to_owned(),
        body,
    )
}

pub(super) fn email_change_confirmation(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    new_email: &str,
    token: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(&format!(
            "{} {new_email}",
            t(
                "Pour utiliser cette adresse sur votre compte Meetral, confirmez-la :",
                "To use this address on your Meetral account, confirm it:",
            )
        ))
        .button(
            t("Confirmer la nouvelle adresse", "Confirm the new address"),
            &context.link(&format!("/verify/{token}")),
        )
        .small(t(
            "Ce lien est valable 48 heures et ne sert qu’une fois.",
            "This link is valid for 48 hours and works once.",
        ));
    (
        t(
            "Confirmez votre nouvelle adresse e-mail",
            "Confirm your new email address",
        )
        .to_owned(),
        body,
    )
}

pub(super) fn email_change_notice(
    locale: Locale,
    context: &RenderContext,
    full_name: &str,
    new_email: &str,
) -> Draft {
    let t = |fr, en| tr(locale, fr, en);
    let body = Body::default()
        .greeting(locale, full_name)
        .paragraph(&format!(
            "{} {new_email}.",
            t(
                "Une demande de changement de l’adresse e-mail de votre compte Meetral a été faite, vers",
                "Someone asked to change your Meetral account's email address to",
            )
        ))
        .paragraph(t(
            "Si ce n’est pas vous, changez votre mot de passe et écrivez-nous depuis la page contact.",
            "If this was not you, change your password and write to us from the contact page.",
        ))
        .button(t("Sécuriser mon compte", "Secure my account"), &context.link("/account/security"));
    (
        t(
            "Changement d’adresse e-mail demandé",
            "Email address change requested",
        )
        .to_owned(),
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::super::{render, test_support::context};
    use crate::{i18n::Locale, ssr::mail::message::Mail};

    #[test]
    fn verification_links_to_the_token_in_both_languages() {
        let mail = Mail::AccountVerification {
            full_name: "Léa <Martin>".into(),
            token: "tok123".into(),
        };
        let fr = render(&mail, Locale::Fr, &context()).expect("renders");
        assert_eq!(fr.subject, "Confirmez votre adresse e-mail");
        assert!(fr.text.contains("https://meetral.fr/verify/tok123"));
        assert!(
            fr.html
                .contains(r#"href="https://meetral.fr/verify/tok123""#)
        );
        assert!(fr.html.contains("Léa &lt;Martin&gt;") && !fr.html.contains("<Martin>"));
        let en = render(&mail, Locale::En, &context()).expect("renders");
        assert_eq!(en.subject, "Confirm your email address");
        assert!(en.html.contains(r#"<html lang="en">"#));
    }

    #[test]
    fn security_notices_name_the_change() {
        let mail = Mail::SecurityNotice {
            full_name: "Tom".into(),
            change: crate::ssr::mail::message::SecurityChange::TwoFactorEnabled,
        };
        let fr = render(&mail, Locale::Fr, &context()).expect("renders");
        assert_eq!(fr.subject, "Double authentification activée");
        assert!(fr.text.contains("/account/security"));
        let exists = render(
            &Mail::AccountExists {
                full_name: "Tom".into(),
            },
            Locale::En,
            &context(),
        )
        .expect("renders");
        assert!(exists.text.contains("/password/forgot") && exists.text.contains("/login"));
    }

    #[test]
    fn reset_says_one_hour() {
        let mail = Mail::PasswordReset {
            full_name: "Tom".into(),
            token: "t".into(),
        };
        let en = render(&mail, Locale::En, &context()).expect("renders");
        assert!(en.text.contains("valid for 1 hour"));
        assert!(en.text.contains("/password/reset/t"));
    }
}
