//! The participant list as files: CSV (UTF-8 with a byte-order mark so Excel reads the accents;
//! `;` as separator for French Excel, `,` otherwise) and a printable PDF with a box to tick per seat.

use crate::{
    checkin::participants::{ParticipantList, status_label},
    i18n::{Locale, MessageKey},
    ssr::pdf::{A4, Pdf, fit},
};

pub fn cell(value: &str, separator: char) -> String {
    // Formula injection: a cell starting like a formula is read as text by spreadsheets.
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub fn csv(list: &ParticipantList, semicolon: bool, locale: Locale) -> Vec<u8> {
    let sep = if semicolon { ';' } else { ',' };
    let t = |key| locale.t(key);
    let mut header = vec![
        t(MessageKey::FieldFullName).to_owned(),
        t(MessageKey::FieldEmail).to_owned(),
        t(MessageKey::FieldPhone).to_owned(),
        t(MessageKey::ManageSeats).to_owned(),
        t(MessageKey::TicketAttendee).to_owned(),
        t(MessageKey::TicketStatusLabel).to_owned(),
        t(MessageKey::ParticipantsCheckedIn).to_owned(),
        t(MessageKey::ParticipantsRegisteredAt).to_owned(),
    ];
    header.extend(list.questions.iter().cloned());
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| cell(c, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
            + "\r\n"
    };
    out.push_str(&line(header));
    for p in &list.participants {
        let mut cells = vec![
            p.full_name.clone(),
            p.email.clone(),
            p.phone.clone(),
            p.seats.to_string(),
            p.attendees.clone(),
            t(status_label(&p.status)).to_owned(),
            p.checked_in.to_string(),
            p.registered_at.clone(),
        ];
        cells.extend(p.answers.iter().cloned());
        out.push_str(&line(cells));
    }
    out.into_bytes()
}

const ROWS_PER_PAGE: usize = 32;

pub fn pdf(list: &ParticipantList, locale: Locale) -> Vec<u8> {
    let t = |key| locale.t(key);
    let mut pdf = Pdf::default();
    let rows: Vec<_> = list.participants.iter().collect();
    let pages = rows.chunks(ROWS_PER_PAGE).collect::<Vec<_>>();
    let total = pages.len().max(1);
    for (number, chunk) in pages
        .iter()
        .copied()
        .chain(std::iter::once(&[][..]).take(usize::from(rows.is_empty())))
        .enumerate()
    {
        let page = pdf.page();
        page.gray(0.0)
            .text(
                40.0,
                800.0,
                14.0,
                true,
                &fit(&list.event_title, 14.0, 420.0),
            )
            .text(
                470.0,
                800.0,
                9.0,
                false,
                &format!("{} / {total}", number + 1),
            )
            .text(
                40.0,
                780.0,
                9.0,
                false,
                &format!(
                    "{} {}",
                    list.participants.len(),
                    t(MessageKey::ParticipantsCount)
                ),
            );
        let mut y = 752.0;
        page.text(62.0, y, 9.0, true, t(MessageKey::FieldFullName))
            .text(250.0, y, 9.0, true, t(MessageKey::FieldEmail))
            .text(430.0, y, 9.0, true, t(MessageKey::ManageSeats))
            .text(480.0, y, 9.0, true, t(MessageKey::TicketStatusLabel))
            .line(40.0, y - 6.0, A4.0 - 40.0, y - 6.0);
        for p in chunk.iter() {
            y -= 22.0;
            page.stroke_rect(42.0, y - 2.0, 11.0, 11.0)
                .text(62.0, y, 10.0, false, &fit(&p.full_name, 10.0, 180.0))
                .text(250.0, y, 9.0, false, &fit(&p.email, 9.0, 175.0))
                .text(430.0, y, 10.0, false, &p.seats.to_string())
                .text(
                    480.0,
                    y,
                    9.0,
                    false,
                    &fit(t(status_label(&p.status)), 9.0, 75.0),
                );
            if !p.attendees.is_empty() && p.seats > 1 {
                page.text(62.0, y - 9.0, 7.0, false, &fit(&p.attendees, 7.0, 360.0));
            }
        }
    }
    pdf.finish(&list.event_title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::participants::Participant;

    fn list() -> ParticipantList {
        ParticipantList {
            event_id: 1,
            event_title: "Atelier".into(),
            questions: vec!["Régime".into()],
            participants: vec![Participant {
                id: 1,
                full_name: "Zoé d'Aubigné".into(),
                email: "zoe@exemple.fr".into(),
                phone: String::new(),
                seats: 2,
                status: "registered".into(),
                checked_in: 1,
                attendees: "Zoé d'Aubigné, Marc; Dupont".into(),
                registered_at: "01/12/2026 10:00".into(),
                answers: vec!["=HYPERLINK(\"x\")".into()],
            }],
        }
    }

    #[test]
    fn csv_has_a_bom_the_chosen_separator_and_safe_cells() {
        let bytes = csv(&list(), true, Locale::Fr);
        assert!(bytes.starts_with(b"\xef\xbb\xbf"));
        let text = String::from_utf8(bytes).expect("utf-8");
        let mut lines = text.lines();
        assert!(lines.next().expect("header").contains("Nom complet;Email") || text.contains(';'));
        let row = lines.next().expect("row");
        assert!(row.starts_with("Zoé d'Aubigné;zoe@exemple.fr;"), "{row}");
        assert!(row.contains("\"Zoé d'Aubigné, Marc; Dupont\""), "{row}");
        assert!(row.ends_with("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
        let comma = String::from_utf8(csv(&list(), false, Locale::En)).expect("utf-8");
        assert!(comma.contains("Zoé d'Aubigné,zoe@exemple.fr,"));
    }

    #[test]
    fn the_pdf_list_has_one_page_per_32_rows() {
        let mut many = list();
        many.participants = (0..70).map(|_| list().participants[0].clone()).collect();
        let text = String::from_utf8_lossy(&pdf(&many, Locale::Fr)).into_owned();
        assert!(text.contains("/Count 3"));
        let empty = ParticipantList {
            participants: vec![],
            ..list()
        };
        assert!(String::from_utf8_lossy(&pdf(&empty, Locale::Fr)).contains("/Count 1"));
    }
}
