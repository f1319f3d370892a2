use leptos::prelude::*;

use crate::{accounts::model::Role, error::AppError};

/// Admins only (with 2FA): gives someone the user, moderator or admin role.
#[server(prefix = "/api/fn", endpoint = "admin_set_role")]
pub async fn admin_set_role(user_id: i64, role: Role) -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let admin = server::authz::require_role(Role::Admin).await?;
            let pool = crate::ssr::db::pool()?;
            server::admin::set_role(&pool, admin.id, user_id, role, &server::Client::current())
                .await
        }
        .await,
    )
}

/// Admins only: suspends an account, with a reason shown at its next sign-in, until a date or not.
#[server(prefix = "/api/fn", endpoint = "admin_suspend_user")]
pub async fn admin_suspend_user(
    user_id: i64,
    reason: String,
    until: Option<String>,
) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let admin = server::authz::require_role(Role::Admin).await?;
            let suspension = model::Suspension::parse(
                &reason,
                until.as_deref().unwrap_or_default(),
                chrono::Utc::now().date_naive(),
            )
            .map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            server::admin::suspend(
                &pool,
                admin.id,
                user_id,
                &suspension,
                &server::Client::current(),
            )
            .await
        }
        .await,
    )
}

/// Admins only: lifts a suspension.
#[server(prefix = "/api/fn", endpoint = "admin_reinstate_user")]
pub async fn admin_reinstate_user(user_id: i64) -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let admin = server::authz::require_role(Role::Admin).await?;
            let pool = crate::ssr::db::pool()?;
            server::admin::reinstate(&pool, admin.id, user_id, &server::Client::current()).await
        }
        .await,
    )
}
