use leptos::prelude::use_context;
use sqlx::PgPool;

use crate::error::AppError;

/// The pool the server put in the rendering / server-function context.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<PgPool>().ok_or_else(|| {
        tracing::error!("no database pool in context");
        AppError::Internal
    })
}
