//! Downloads: a ticket as PDF (`/tickets/{code}/ticket.pdf`, for whoever holds the code) and an
//! event's participants as CSV or PDF (`/organizer/events/{id}/participants.csv|.pdf`, for its
//! organizers only: the same access check as the participants page).

use axum::{
    Extension,
    extract::{Path, Query, State},
    http::HeaderMap,
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};
use sqlx::PgPool;
use tower_sessions::Session;

use app::{
    accounts::server::user_of, checkin::participants::ParticipantFilter, error::AppError,
    i18n::negotiate::locale_from_headers,
};

fn failure(error: AppError) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        format!(
            "{} / {}",
            app::i18n::Locale::Fr.t(error.message_key()),
            app::i18n::Locale::En.t(error.message_key())
        ),
    )
        .into_response()
}

fn file(content_type: &str, filename: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn ticket_pdf(
    State(pool): State<PgPool>,
    Extension(secret): Extension<app::ssr::SigningSecret>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let locale = locale_from_headers(&headers);
    match app::tickets::server::document::ticket_pdf(&pool, &secret.0, &code, locale).await {
        Ok(pdf) => file("application/pdf", "billet-meetral.pdf", pdf),
        Err(error) => failure(error),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    q: String,
    status: String,
    sep: String,
}

pub async fn participants_csv(
    State(pool): State<PgPool>,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    participants(pool, &id, query, session, headers, false).await
}

pub async fn participants_pdf(
    State(pool): State<PgPool>,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    participants(pool, &id, query, session, headers, true).await
}

async fn participants(
    pool: PgPool,
    id: &str,
    query: ExportQuery,
    session: Session,
    headers: HeaderMap,
    as_pdf: bool,
) -> Response {
    let locale = locale_from_headers(&headers);
    let Ok(event_id) = id.parse::<i64>() else {
        return failure(AppError::NotFound);
    };
    let user = match user_of(&pool, &session).await {
        Ok(Some(user)) => user,
        Ok(None) => return failure(AppError::Unauthorized),
        Err(error) => return failure(error),
    };
    let filter = ParticipantFilter {
        q: query.q,
        status: query.status,
    };
    let list =
        match app::checkin::server::participants::list(&pool, &user, event_id, &filter, locale)
            .await
        {
            Ok(list) => list,
            Err(error) => return failure(error),
        };
    use app::checkin::server::export;
    if !as_pdf {
        let csv = export::csv(&list, query.sep == "semicolon", locale);
        file(
            "text/csv; charset=utf-8",
            &format!("participants-{event_id}.csv"),
            csv,
        )
    } else {
        file(
            "application/pdf",
            &format!("participants-{event_id}.pdf"),
            export::pdf(&list, locale),
        )
    }
}

/// `GET /account/export.zip`: the signed-in person's own data (there is no id to name anyone
/// else's). Recorded in the activity log.
pub async fn my_data_zip(State(pool): State<PgPool>, session: Session) -> Response {
    let user = match user_of(&pool, &session).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return axum::response::Redirect::to("/login?next=/account/data").into_response();
        }
        Err(error) => return failure(error),
    };
    match app::privacy::server::export::export_zip(&pool, user.id).await {
        Ok(zip) => {
            if let Ok(mut conn) = pool.acquire().await {
                let _ = app::ssr::audit::record(
                    &mut conn,
                    Some(user.id),
                    app::ssr::audit::Target::User(user.id),
                    "personal_data_exported",
                    serde_json::json!({ "bytes": zip.len() }),
                    None,
                )
                .await;
            }
            file("application/zip", "meetral-mes-donnees.zip", zip)
        }
        Err(error) => failure(error),
    }
}
