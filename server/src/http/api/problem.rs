//! Errors as RFC 9457 problem details (`application/problem+json`), in the caller's language, with
//! one entry per invalid field. Built from the app's one `AppError`, so a rule refused on a page is
//! refused here with the same words.

use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use serde::Serialize;
use utoipa::ToSchema;

use app::{error::AppError, i18n::Locale};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem detail document.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemBody {
    /// A link to the documentation of this kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short, stable summary of the kind of problem (translated).
    pub title: String,
    pub status: u16,
    /// What went wrong this time, for people (translated).
    pub detail: String,
    /// One entry per field that was refused (validation problems only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// A refused field: its name in the request, a stable code and a translated message.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub detail: String,
}

#[derive(Debug)]
pub struct Problem {
    status: StatusCode,
    body: Box<ProblemBody>,
    retry_after: Option<u64>,
    bearer_challenge: Option<&'static str>,
}

fn kind_of(code: &str) -> String {
    format!("/api/v1/docs#problem-{code}")
}

impl Problem {
    /// A problem with its own words (request-level failures the domain never sees).
    pub fn new(status: StatusCode, code: &str, locale: Locale, fr: &str, en: &str) -> Problem {
        let title = status.canonical_reason().unwrap_or("Error").to_owned();
        Problem {
            status,
            body: Box::new(ProblemBody {
                kind: kind_of(code),
                title,
                status: status.as_u16(),
                detail: locale.pick(fr, en).to_owned(),
                errors: Vec::new(),
            }),
            retry_after: None,
            bearer_challenge: None,
        }
    }

    /// The answer for an error of the domain layer.
    pub fn app(error: AppError, locale: Locale) -> Problem {
        let status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let code = match &error {
            AppError::Validation(_) => "validation",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not-found",
            AppError::Conflict => "conflict",
            AppError::SoldOut => "sold-out",
            AppError::RateLimited { .. } => "rate-limited",
            AppError::AccountSuspended { .. } => "account-suspended",
            AppError::TwoFactorRequired => "two-factor-required",
            AppError::EmailUnverified => "email-unverified",
            AppError::Unavailable => "unavailable",
            AppError::Internal => "internal",
            AppError::Request(_) => "bad-request",
        };
        let errors = error
            .field_errors()
            .map(|fields| {
                fields
                    .0
                    .iter()
                    .map(|(field, key)| FieldProblem {
                        field: api_field_name(field).to_owned(),
                        code: key.name().to_owned(),
                        detail: locale.t(*key).to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let retry_after = match error {
            AppError::RateLimited { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        };
        Problem {
            status,
            body: Box::new(ProblemBody {
                kind: kind_of(code),
                title: status.canonical_reason().unwrap_or("Error").to_owned(),
                status: status.as_u16(),
                detail: locale.t(error.message_key()).to_owned(),
                errors,
            }),
            retry_after,
            bearer_challenge: (status == StatusCode::UNAUTHORIZED).then_some("invalid_request"),
        }
    }

    /// A validation problem on one request field, with a message of its own.
    pub fn field(locale: Locale, field: &str, fr: &str, en: &str) -> Problem {
        let mut problem = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            locale,
            "Un champ est à corriger.",
            "A field needs fixing.",
        );
        problem.body.errors.push(FieldProblem {
            field: field.to_owned(),
            code: "Invalid".to_owned(),
            detail: locale.pick(fr, en).to_owned(),
        });
        problem
    }

    pub fn retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds);
        self
    }

    /// Adds `WWW-Authenticate: Bearer error="…"` (RFC 6750).
    pub fn challenge(mut self, error: &'static str) -> Problem {
        self.bearer_challenge = Some(error);
        self
    }

    #[cfg(test)]
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

/// The web form's field names that differ in the API's JSON.
fn api_field_name(form_name: &str) -> &str {
    match form_name {
        "price" => "price_cents",
        other => other,
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&*self.body).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(seconds) = self.retry_after
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            headers.insert(header::RETRY_AFTER, value);
        }
        if let Some(error) = self.bearer_challenge
            && let Ok(value) =
                HeaderValue::from_str(&format!("Bearer realm=\"meetral\", error=\"{error}\""))
        {
            headers.insert(header::WWW_AUTHENTICATE, value);
        }
        response
    }
}
