//! The automated checks run on every submission. Pure functions of the submission and what the
//! database knows around it (`Context`), so each check is tested with examples on both sides.

use chrono::{DateTime, Duration, Utc};

use crate::{
    admin::model::PlatformSettings,
    moderation::model::{RiskAssessment, RiskReason},
};

/// The texts and facts of the event being submitted.
pub struct Submission<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub online_url: Option<&'a str>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub price_cents: i32,
}

/// What the checks compare the submission with.
pub struct Context<'a> {
    pub settings: &'a PlatformSettings,
    /// Forbidden words and phrases, French and English together, lower case.
    pub words: &'a [String],
    pub blocked_domains: &'a [String],
    /// Other live events with the same title around the same date: (id, title).
    pub duplicates: &'a [(i64, String)],
    pub account_created_at: DateTime<Utc>,
    /// The organizer's submissions of the last 24 hours, this one included.
    pub recent_submissions: u32,
    pub now: DateTime<Utc>,
}

pub fn assess(submission: &Submission, context: &Context) -> RiskAssessment {
    let mut reasons = Vec::new();
    let text = format!(
        "{} {} {}",
        submission.title, submission.summary, submission.description
    );
    reasons.extend(forbidden_words(&text, context.words));
    let links = links_in(&text, submission.online_url);
    reasons.extend(blocked_domains(&links, context.blocked_domains));
    if links.len() as u32 > context.settings.max_links {
        reasons.push(RiskReason::TooManyLinks {
            count: links.len() as u32,
            max: context.settings.max_links,
        });
    }
    if is_shouting(submission.title) || is_shouting(submission.summary) {
        reasons.push(RiskReason::Shouting);
    }
    if let Some((event_id, title)) = context.duplicates.first() {
        reasons.push(RiskReason::Duplicate {
            event_id: *event_id,
            title: title.clone(),
        });
    }
    if implausible_dates(submission, context.now) {
        reasons.push(RiskReason::ImplausibleDate);
    }
    // Beyond 2,000 € a ticket is more likely a typo or a lure than a real price.
    if submission.price_cents > 200_000 {
        reasons.push(RiskReason::ImplausiblePrice);
    }
    let new_account = context.now - context.account_created_at
        < Duration::days(i64::from(context.settings.new_account_days));
    if new_account {
        reasons.push(RiskReason::NewAccount);
        if context.recent_submissions > context.settings.burst_limit {
            reasons.push(RiskReason::SubmissionBurst {
                count: context.recent_submissions,
            });
        }
    }
    RiskAssessment::from_reasons(reasons)
}

/// Words of `text`: lower case, without accents, split on anything but letters and digits.
fn words_of(text: &str) -> Vec<String> {
    crate::events::server::authoring::folded(text)
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Each listed term found as whole words ("arnaque" matches "ARNAQUE !", not "arnaquer"... nor
/// "Scunthorpe"-style substrings), at most one finding per term.
fn forbidden_words(text: &str, terms: &[String]) -> Vec<RiskReason> {
    let words = words_of(text);
    terms
        .iter()
        .filter(|term| {
            let needle = words_of(term);
            !needle.is_empty() && words.windows(needle.len()).any(|w| w == needle.as_slice())
        })
        .map(|term| RiskReason::ForbiddenWord { term: term.clone() })
        .collect()
}

/// The hosts of the links in the text (http(s) URLs and bare `www.` addresses) and the online link.
fn links_in(text: &str, online_url: Option<&str>) -> Vec<String> {
    let mut hosts = Vec::new();
    for token in text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '"'))
        .chain(online_url)
    {
        let lower = token.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .or_else(|| lower.starts_with("www.").then_some(lower.as_str()));
        if let Some(rest) = rest {
            let host = rest
                .split(['/', '?', '#', ':'])
                .next()
                .unwrap_or_default()
                .trim_end_matches(['.', ',', ';', '!']);
            if host.contains('.') {
                hosts.push(host.trim_start_matches("www.").to_owned());
            }
        }
    }
    hosts
}

fn blocked_domains(hosts: &[String], blocked: &[String]) -> Vec<RiskReason> {
    let mut found: Vec<RiskReason> = Vec::new();
    for domain in blocked {
        let hit = hosts
            .iter()
            .any(|h| h == domain || h.ends_with(&format!(".{domain}")));
        if hit {
            found.push(RiskReason::BlockedDomain {
                domain: domain.clone(),
            });
        }
    }
    found
}

/// Mostly capitals (over 60 % of at least 8 letters) or a run of three exclamation marks.
fn is_shouting(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    (letters.len() >= 8 && upper * 10 > letters.len() * 6) || text.contains("!!!")
}

/// More than 18 months ahead, or lasting more than 14 days, or ending within the hour it starts
/// while lasting under 10 minutes.
fn implausible_dates(submission: &Submission, now: DateTime<Utc>) -> bool {
    let length = submission.ends_at - submission.starts_at;
    submission.starts_at - now > Duration::days(548)
        || length > Duration::days(14)
        || length < Duration::minutes(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submission(title: &'static str, description: &'static str) -> Submission<'static> {
        let starts_at = Utc::now() + Duration::days(10);
        Submission {
            title,
            summary: "",
            description,
            online_url: None,
            starts_at,
            ends_at: starts_at + Duration::hours(2),
            price_cents: 0,
        }
    }

    struct Fixture {
        settings: PlatformSettings,
        words: Vec<String>,
        domains: Vec<String>,
        duplicates: Vec<(i64, String)>,
        age_days: i64,
        recent: u32,
    }

    impl Fixture {
        fn new() -> Fixture {
            Fixture {
                settings: PlatformSettings::default(),
                words: vec![
                    "arnaque".into(),
                    "argent facile".into(),
                    "get rich quick".into(),
                ],
                domains: vec!["bit.ly".into()],
                duplicates: vec![],
                age_days: 400,
                recent: 1,
            }
        }

        fn assess(&self, submission: &Submission) -> RiskAssessment {
            let now = Utc::now();
            let context = Context {
                settings: &self.settings,
                words: &self.words,
                blocked_domains: &self.domains,
                duplicates: &self.duplicates,
                account_created_at: now - Duration::days(self.age_days),
                recent_submissions: self.recent,
                now,
            };
            assess(submission, &context)
        }
    }

    fn codes(assessment: &RiskAssessment) -> Vec<String> {
        assessment
            .reasons
            .iter()
            .map(|r| {
                serde_json::to_value(r).expect("json")["code"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn a_plain_event_from_an_old_account_scores_zero() {
        let f = Fixture::new();
        let clean = f.assess(&submission(
            "Atelier vélo du samedi",
            "Venez réparer votre vélo : https://velo.example.fr",
        ));
        assert_eq!(clean, RiskAssessment::default());
    }

    #[test]
    fn forbidden_words_match_whole_words_without_accents_or_case() {
        let f = Fixture::new();
        assert_eq!(
            codes(&f.assess(&submission("Une soirée ARNAQUE pour tous", ""))),
            ["forbidden_word"]
        );
        assert_eq!(
            codes(&f.assess(&submission("Conférence", "De l'Argent   Facile pour tous"))),
            ["forbidden_word"]
        );
        assert_eq!(
            codes(&f.assess(&submission("Get rich quick webinar", ""))),
            ["forbidden_word"]
        );
        // Part of another word, or the words apart: nothing.
        assert!(
            f.assess(&submission("Les arnaqueurs du web, un documentaire", ""))
                .reasons
                .is_empty()
        );
        assert!(
            f.assess(&submission("Argent et facile", ""))
                .reasons
                .is_empty()
        );
    }

    #[test]
    fn blocked_domains_include_subdomains_and_the_online_link() {
        let f = Fixture::new();
        assert_eq!(
            codes(&f.assess(&submission("Atelier", "Inscription : https://bit.ly/abc"))),
            ["blocked_domain"]
        );
        assert_eq!(
            codes(&f.assess(&submission("Atelier", "voir www.go.bit.ly/x"))),
            ["blocked_domain"]
        );
        let mut online = submission("Atelier en ligne", "");
        online.online_url = Some("https://BIT.LY/zoom");
        assert_eq!(codes(&f.assess(&online)), ["blocked_domain"]);
        assert!(
            f.assess(&submission(
                "Atelier",
                "https://notbit.ly.example.com/ et habit.ly"
            ))
            .reasons
            .is_empty()
        );
    }

    #[test]
    fn too_many_links_counts_past_the_setting() {
        let f = Fixture::new();
        let five = "https://a.fr https://b.fr https://c.fr https://d.fr https://e.fr";
        let six = "https://a.fr https://b.fr https://c.fr https://d.fr https://e.fr www.f.fr";
        assert!(f.assess(&submission("Atelier", five)).reasons.is_empty());
        assert_eq!(
            codes(&f.assess(&submission("Atelier", six))),
            ["too_many_links"]
        );
    }

    #[test]
    fn shouting_is_mostly_capitals_or_three_exclamation_marks() {
        let f = Fixture::new();
        assert_eq!(
            codes(&f.assess(&submission("GRANDE SOIRÉE GRATUITE", ""))),
            ["shouting"]
        );
        assert_eq!(
            codes(&f.assess(&submission("Venez vite!!!", ""))),
            ["shouting"]
        );
        assert!(
            f.assess(&submission("Soirée IA et RGPD à Lyon", ""))
                .reasons
                .is_empty()
        );
        assert!(
            f.assess(&submission("ONU", "")).reasons.is_empty(),
            "short acronyms are fine"
        );
    }

    #[test]
    fn duplicates_dates_prices_and_new_accounts() {
        let mut f = Fixture::new();
        f.duplicates = vec![(7, "Atelier vélo".into())];
        assert_eq!(
            codes(&f.assess(&submission("Atelier vélo", ""))),
            ["duplicate"]
        );
        f.duplicates.clear();

        let mut far = submission("Atelier", "");
        far.starts_at = Utc::now() + Duration::days(700);
        far.ends_at = far.starts_at + Duration::hours(1);
        assert_eq!(codes(&f.assess(&far)), ["implausible_date"]);
        let mut long = submission("Atelier", "");
        long.ends_at = long.starts_at + Duration::days(20);
        assert_eq!(codes(&f.assess(&long)), ["implausible_date"]);
        let mut expensive = submission("Atelier", "");
        expensive.price_cents = 250_000;
        assert_eq!(codes(&f.assess(&expensive)), ["implausible_price"]);
        expensive.price_cents = 150_000;
        assert!(f.assess(&expensive).reasons.is_empty());

        f.age_days = 2;
        assert_eq!(
            codes(&f.assess(&submission("Atelier", ""))),
            ["new_account"]
        );
        f.recent = 4;
        let burst = f.assess(&submission("Atelier", ""));
        assert_eq!(codes(&burst), ["new_account", "submission_burst"]);
        assert_eq!(burst.score, 40);
        f.age_days = 30;
        assert!(
            f.assess(&submission("Atelier", "")).reasons.is_empty(),
            "old accounts may post often"
        );
    }
}
