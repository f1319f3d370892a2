//! QR codes for tickets: PNG for mails (mail clients do not show SVG), SVG for pages.

use qrcode::{EcLevel, QrCode, render::svg};

/// A PNG of `payload` with a quiet zone, about 8 px per module (scannable from a phone screen).
pub fn png(payload: &str) -> Result<Vec<u8>, String> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| format!("QR code: {e}"))?;
    let image = code
        .render::<image::Luma<u8>>()
        .module_dimensions(8, 8)
        .build();
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| format!("QR code PNG: {e}"))?;
    Ok(bytes.into_inner())
}

/// The modules of `payload`'s code, row by row (`true` dark), and its width, for drawing it elsewhere
/// (the PDF ticket). Adds no quiet zone: the caller leaves the margin.
pub fn matrix(payload: &str) -> Result<(usize, Vec<bool>), String> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| format!("QR code: {e}"))?;
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok((code.width(), modules))
}

/// An SVG of `payload` that scales to its container.
pub fn svg(payload: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| format!("QR code: {e}"))?;
    let document = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Without the XML declaration: the SVG goes inline into HTML pages, where `<?xml` is invalid.
    Ok(match document.find("<svg") {
        Some(start) => document[start..].to_owned(),
        None => document,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn png_and_svg_are_real_images() {
        let png = super::png("MEETRAL1.abc").expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let decoded = image::load_from_memory(&png).expect("decodes");
        assert!(
            decoded.width() >= 21 * 8,
            "at least version 1 at 8 px a module"
        );
        let svg = super::svg("MEETRAL1.abc").expect("svg");
        assert!(svg.contains("<svg") && svg.contains("#000000"));
    }
}
