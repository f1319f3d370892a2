//! The questions an organizer asks at registration (at most five) and the answers people give. The
//! event form writes them one per line: `Label` for a short text answer, `Label : A / B / C` for a
//! choice. The same rules run as the organizer types, when the event is saved and when someone answers.

use serde::{Deserialize, Serialize};

use crate::{error::FieldErrors, i18n::MessageKey};

pub const MAX_QUESTIONS: usize = 5;
const MAX_LABEL: usize = 120;
const MAX_CHOICE: usize = 60;
const MAX_CHOICES: usize = 10;
pub const MAX_ANSWER: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub label: String,
    /// Empty for a short text answer.
    #[serde(default)]
    pub choices: Vec<String>,
}

/// The form field's name for question `index` (0-based).
pub fn answer_field(index: usize) -> String {
    format!("answer_{}", index + 1)
}

/// Reads the form's text (one question per line; blank lines ignored).
pub fn parse_questions(text: &str) -> Result<Vec<Question>, MessageKey> {
    let mut questions = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (label, choices) = match line.split_once(" : ").or_else(|| line.split_once(':')) {
            Some((label, choices)) => (
                label.trim(),
                choices
                    .split('/')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>(),
            ),
            None => (line, Vec::new()),
        };
        if label.is_empty() || label.chars().count() > MAX_LABEL {
            return Err(MessageKey::QuestionsLabelInvalid);
        }
        if choices.len() == 1
            || choices.len() > MAX_CHOICES
            || choices.iter().any(|c| c.chars().count() > MAX_CHOICE)
        {
            return Err(MessageKey::QuestionsChoicesInvalid);
        }
        questions.push(Question {
            label: label.to_owned(),
            choices,
        });
    }
    if questions.len() > MAX_QUESTIONS {
        return Err(MessageKey::QuestionsTooMany);
    }
    Ok(questions)
}

/// The form's text for stored questions (the inverse of `parse_questions`).
pub fn questions_text(questions: &[Question]) -> String {
    questions
        .iter()
        .map(|q| match q.choices.as_slice() {
            [] => q.label.clone(),
            choices => format!("{} : {}", q.label, choices.join(" / ")),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks one answer: a text answer is optional and short; a choice must be one of the choices (or
/// left empty).
pub fn check_answer(question: &Question, value: &str) -> Result<String, MessageKey> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    if question.choices.is_empty() {
        return match value.chars().count() {
            n if n > MAX_ANSWER => Err(MessageKey::FieldTooLong),
            _ => Ok(value.to_owned()),
        };
    }
    question
        .choices
        .iter()
        .find(|c| c.as_str() == value)
        .cloned()
        .ok_or(MessageKey::AnswerNotAChoice)
}

/// Every answer checked; the answers keyed by question position ("1".."5").
pub fn check_answers(
    questions: &[Question],
    values: &[String],
) -> Result<serde_json::Map<String, serde_json::Value>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut answers = serde_json::Map::new();
    for (index, question) in questions.iter().enumerate() {
        let value = values.get(index).map(String::as_str).unwrap_or_default();
        match check_answer(question, value) {
            Ok(answer) if answer.is_empty() => {}
            Ok(answer) => {
                answers.insert((index + 1).to_string(), serde_json::Value::String(answer));
            }
            Err(key) => errors.add(&answer_field(index), key),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_read_one_per_line_with_optional_choices() {
        let questions =
            parse_questions("Votre entreprise ?\n\nRégime : Aucun / Végétarien / Vegan\n")
                .expect("valid");
        assert_eq!(questions.len(), 2);
        assert!(questions[0].choices.is_empty());
        assert_eq!(questions[1].choices, ["Aucun", "Végétarien", "Vegan"]);
        assert_eq!(parse_questions(&questions_text(&questions)), Ok(questions));
        assert_eq!(parse_questions(""), Ok(vec![]));
    }

    #[test]
    fn too_many_questions_or_a_lone_choice_are_refused() {
        assert_eq!(
            parse_questions("a\nb\nc\nd\ne\nf"),
            Err(MessageKey::QuestionsTooMany)
        );
        assert_eq!(
            parse_questions("Taille : M"),
            Err(MessageKey::QuestionsChoicesInvalid)
        );
        assert_eq!(
            parse_questions(&"x".repeat(121)),
            Err(MessageKey::QuestionsLabelInvalid)
        );
    }

    #[test]
    fn answers_must_be_short_or_one_of_the_choices() {
        let questions = parse_questions("Entreprise\nRégime : Aucun / Vegan").expect("valid");
        let ok = check_answers(&questions, &["ACME".into(), "Vegan".into()]).expect("valid");
        assert_eq!(ok.get("2").and_then(|v| v.as_str()), Some("Vegan"));
        let errors =
            check_answers(&questions, &["x".repeat(301), "Pizza".into()]).expect_err("bad");
        assert_eq!(errors.get("answer_1"), Some(MessageKey::FieldTooLong));
        assert_eq!(errors.get("answer_2"), Some(MessageKey::AnswerNotAChoice));
    }
}
