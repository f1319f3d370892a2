//! Authorization, checked at the top of every server function (the UI hiding a button is not a check).

use super::{current_user, require_user};
use crate::{
    accounts::model::{CurrentUser, Role},
    error::AppError,
};

/// `user` may act as `min` or above. Staff roles also need two-factor sign-in turned on.
pub fn check_role(user: &CurrentUser, min: Role) -> Result<(), AppError> {
    if user.role < min {
        return Err(AppError::Forbidden);
    }
    if min.is_staff() && !user.two_factor {
        return Err(AppError::TwoFactorRequired);
    }
    Ok(())
}

/// Publishing events needs a confirmed email address (browsing and registering do not).
pub fn check_can_publish(user: &CurrentUser) -> Result<(), AppError> {
    if user.email_verified {
        Ok(())
    } else {
        Err(AppError::EmailUnverified)
    }
}

/// The signed-in user if their role is at least `min` (`Unauthorized` when nobody is signed in).
pub async fn require_role(min: Role) -> Result<CurrentUser, AppError> {
    let user = require_user().await?;
    check_role(&user, min)?;
    Ok(user)
}

/// The signed-in user if they may publish events.
pub async fn require_publisher() -> Result<CurrentUser, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthorized)?;
    check_can_publish(&user)?;
    Ok(user)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, two_factor: bool, email_verified: bool) -> CurrentUser {
        CurrentUser {
            id: 1,
            full_name: "Test".into(),
            role,
            email_verified,
            two_factor,
        }
    }

    #[test]
    fn roles_are_ordered_and_staff_needs_two_factor() {
        assert_eq!(
            check_role(&user(Role::User, true, true), Role::Moderator),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            check_role(&user(Role::Moderator, true, true), Role::Admin),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            check_role(&user(Role::Admin, false, true), Role::Moderator),
            Err(AppError::TwoFactorRequired)
        );
        assert!(check_role(&user(Role::Admin, true, true), Role::Moderator).is_ok());
        assert!(check_role(&user(Role::User, false, false), Role::User).is_ok());
    }

    #[test]
    fn only_confirmed_addresses_publish() {
        assert_eq!(
            check_can_publish(&user(Role::User, false, false)),
            Err(AppError::EmailUnverified)
        );
        assert!(check_can_publish(&user(Role::User, false, true)).is_ok());
    }
}
