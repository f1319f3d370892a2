//! Moderation's domain: what the automated checks found in a submission, the reasons visitors give
//! when reporting an event, and the rules for the texts moderators and reporters write.

use serde::{Deserialize, Serialize};

use crate::i18n::MessageKey;

/// One finding of the automated checks, with the points it adds to the risk score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum RiskReason {
    ForbiddenWord { term: String },
    BlockedDomain { domain: String },
    TooManyLinks { count: u32, max: u32 },
    Shouting,
    Duplicate { event_id: i64, title: String },
    ImplausibleDate,
    ImplausiblePrice,
    SubmissionBurst { count: u32 },
    NewAccount,
}

impl RiskReason {
    pub fn points(&self) -> u32 {
        match self {
            RiskReason::ForbiddenWord { .. } => 40,
            RiskReason::BlockedDomain { .. } => 50,
            RiskReason::TooManyLinks { .. } => 20,
            RiskReason::Shouting => 15,
            RiskReason::Duplicate { .. } => 35,
            RiskReason::ImplausibleDate => 20,
            RiskReason::ImplausiblePrice => 20,
            RiskReason::SubmissionBurst { .. } => 30,
            RiskReason::NewAccount => 10,
        }
    }
}

/// The checks' verdict: a score from 0 (nothing found) to 100, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskAssessment {
    pub score: u32,
    pub reasons: Vec<RiskReason>,
}

impl RiskAssessment {
    pub fn from_reasons(reasons: Vec<RiskReason>) -> RiskAssessment {
        let score = reasons.iter().map(RiskReason::points).sum::<u32>().min(100);
        RiskAssessment { score, reasons }
    }
}

/// Why a visitor reports an event (the database CHECKs the same list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    Spam,
    Fraud,
    Inappropriate,
    MisleadingFood,
    WrongInformation,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 6] = [
        ReportReason::Spam,
        ReportReason::Fraud,
        ReportReason::Inappropriate,
        ReportReason::MisleadingFood,
        ReportReason::WrongInformation,
        ReportReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Fraud => "fraud",
            ReportReason::Inappropriate => "inappropriate",
            ReportReason::MisleadingFood => "misleading_food",
            ReportReason::WrongInformation => "wrong_information",
            ReportReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportReason> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> MessageKey {
        match self {
            ReportReason::Spam => MessageKey::ReportReasonSpam,
            ReportReason::Fraud => MessageKey::ReportReasonFraud,
            ReportReason::Inappropriate => MessageKey::ReportReasonInappropriate,
            ReportReason::MisleadingFood => MessageKey::ReportReasonMisleadingFood,
            ReportReason::WrongInformation => MessageKey::ReportReasonWrongInformation,
            ReportReason::Other => MessageKey::ReportReasonOther,
        }
    }
}

pub const REPORT_DETAILS_MAX: usize = 2000;
pub const DECISION_REASON_MAX: usize = 2000;

/// A report's free text: optional, at most 2,000 characters ("other" needs a few words).
pub fn check_report_details(
    details: &str,
    reason: Option<ReportReason>,
) -> Result<String, MessageKey> {
    let details = details.trim();
    if details.chars().count() > REPORT_DETAILS_MAX {
        return Err(MessageKey::ReportDetailsTooLong);
    }
    if reason == Some(ReportReason::Other) && details.chars().count() < 5 {
        return Err(MessageKey::ReportDetailsNeeded);
    }
    Ok(details.to_owned())
}

/// A moderator's reason for rejecting or asking for changes: required, at most 2,000 characters.
pub fn check_decision_reason(reason: &str) -> Result<String, MessageKey> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(MessageKey::FieldRequired);
    }
    if reason.chars().count() > DECISION_REASON_MAX {
        return Err(MessageKey::FieldTooLong);
    }
    Ok(reason.to_owned())
}

/// Prepared reasons for rejecting or asking for changes: (code, French, English).
pub const REASON_TEMPLATES: [(&str, &str, &str); 5] = [
    (
        "incomplete",
        "Informations incomplètes : précisez la date, le lieu ou le programme.",
        "Incomplete information: please give the date, the place or the programme.",
    ),
    (
        "misleading_food",
        "Le label FreeFood doit correspondre à une vraie offre de nourriture sur place.",
        "The FreeFood label must match food really offered on site.",
    ),
    (
        "advertising",
        "Contenu publicitaire sans événement réel.",
        "Advertising without a real event.",
    ),
    (
        "duplicate",
        "Cet événement est déjà publié sur Meetral.",
        "This event is already published on Meetral.",
    ),
    (
        "rules",
        "Le contenu ne respecte pas les conditions d’utilisation.",
        "The content breaks the terms of use.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_adds_points_and_stops_at_100() {
        assert_eq!(RiskAssessment::from_reasons(vec![]).score, 0);
        let many = vec![
            RiskReason::BlockedDomain {
                domain: "bit.ly".into(),
            },
            RiskReason::ForbiddenWord {
                term: "arnaque".into(),
            },
            RiskReason::Duplicate {
                event_id: 1,
                title: "x".into(),
            },
        ];
        assert_eq!(RiskAssessment::from_reasons(many).score, 100);
    }

    #[test]
    fn reasons_survive_the_database_as_json() {
        let reason = RiskReason::TooManyLinks { count: 9, max: 5 };
        let json = serde_json::to_value(&reason).expect("json");
        assert_eq!(json["code"], "too_many_links");
        assert_eq!(
            serde_json::from_value::<RiskReason>(json).expect("back"),
            reason
        );
    }

    #[test]
    fn report_texts_have_limits() {
        assert!(check_report_details("", Some(ReportReason::Spam)).is_ok());
        assert_eq!(
            check_report_details("", Some(ReportReason::Other)),
            Err(MessageKey::ReportDetailsNeeded)
        );
        assert_eq!(
            check_report_details(&"x".repeat(2001), Some(ReportReason::Spam)),
            Err(MessageKey::ReportDetailsTooLong)
        );
        assert_eq!(check_decision_reason("  "), Err(MessageKey::FieldRequired));
        assert!(check_decision_reason("Titre trompeur").is_ok());
    }
}

/// How the queue is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum QueueOrder {
    #[default]
    Oldest,
    Risk,
}

impl QueueOrder {
    pub fn from_query(value: Option<&str>) -> QueueOrder {
        match value {
            Some("risk") => QueueOrder::Risk,
            _ => QueueOrder::Oldest,
        }
    }
}

/// One event waiting for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub title: String,
    pub organizer_name: String,
    pub submitted_label: String,
    pub risk_score: i32,
    /// The checks' findings, already written in the viewer's language.
    pub reasons: Vec<String>,
    pub open_reports: i64,
}

/// An organizer's record, next to their submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizerRecord {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub member_since: String,
    pub trusted: bool,
    pub suspended: bool,
    pub published: i64,
    pub rejected: i64,
    pub reports: i64,
}

/// A line of an event's or account's moderation history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLine {
    pub when_label: String,
    /// The moderator's name; `None` for the automated checks.
    pub who: Option<String>,
    pub action: String,
    pub reason: Option<String>,
    pub event_id: Option<i64>,
    pub event_title: Option<String>,
    pub target_user: Option<String>,
}

/// What a moderator sees of a submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub event: crate::events::model::EventDetail,
    pub status: String,
    pub hidden_reason: Option<String>,
    pub risk_score: Option<i32>,
    pub reasons: Vec<String>,
    pub organizer: OrganizerRecord,
    pub history: Vec<ActionLine>,
    pub reports: Vec<ReportLine>,
}

/// One report, in the reports queue and on the review page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    pub reason: ReportReason,
    pub details: String,
    pub when_label: String,
    pub by_account: bool,
}

/// An event's open reports, grouped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroup {
    pub event_id: i64,
    pub title: String,
    pub slug: String,
    pub count: i64,
    pub hidden: bool,
    pub latest_label: String,
    pub reports: Vec<ReportLine>,
}
