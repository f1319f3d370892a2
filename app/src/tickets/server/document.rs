//! The ticket as a PDF (`/tickets/{code}/ticket.pdf`): the same facts as its page and the QR code
//! drawn as vector squares, large enough to scan from paper.

use sqlx::PgPool;

use crate::{
    error::AppError,
    i18n::{Locale, MessageKey},
    ssr::{
        pdf::{A4, Pdf, fit},
        qr,
    },
};

pub async fn ticket_pdf(
    pool: &PgPool,
    secret: &[u8],
    code: &str,
    locale: Locale,
) -> Result<Vec<u8>, AppError> {
    let (ticket, payload) = super::ticket::with_payload(pool, secret, code, locale).await?;
    let (width, modules) = qr::matrix(&payload).map_err(|e| {
        tracing::error!("ticket QR: {e}");
        AppError::Internal
    })?;
    let t = |key| locale.t(key);
    let mut pdf = Pdf::default();
    let page = pdf.page();
    let left = 60.0;
    page.gray(0.0)
        .text(left, 780.0, 11.0, true, "Meetral — Meet. Connect. Enjoy.")
        .text(
            left,
            750.0,
            20.0,
            true,
            &fit(&ticket.event_title, 20.0, 480.0),
        )
        .text(left, 726.0, 12.0, false, &ticket.when);
    if let Some(place) = &ticket.place {
        page.text(left, 708.0, 12.0, false, &fit(place, 12.0, 480.0));
    } else if ticket.online {
        page.text(left, 708.0, 12.0, false, t(MessageKey::Online));
    }
    page.text(left, 680.0, 10.0, false, t(MessageKey::TicketAttendee))
        .text(
            left,
            662.0,
            16.0,
            true,
            &fit(&ticket.attendee_name, 16.0, 480.0),
        );
    // 270 points (9.5 cm) with a white margin: scannable from paper in poor light.
    let size = 270.0;
    let x = (A4.0 - size) / 2.0;
    page.qr(x, 340.0, size, width, &modules)
        .text(left, 310.0, 10.0, false, t(MessageKey::TicketCode))
        .text(left, 292.0, 14.0, true, &ticket.code)
        .text(
            left,
            262.0,
            10.0,
            false,
            &fit(t(MessageKey::TicketShowAtDoor), 10.0, 480.0),
        );
    let status = t(ticket.status.label());
    page.text(
        left,
        236.0,
        12.0,
        true,
        &format!("{} : {status}", t(MessageKey::TicketStatusLabel)),
    );
    Ok(pdf.finish(&ticket.event_title))
}
