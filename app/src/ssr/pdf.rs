//! A small PDF writer for tickets and participant lists: A4 pages, the standard Helvetica fonts
//! (WinAnsi, which covers French), text, lines and filled squares (QR modules, check boxes). No
//! embedded fonts or images keeps a ticket around 10 KB and the code free of a large dependency.

use std::fmt::Write as _;

pub const A4: (f32, f32) = (595.0, 842.0);

#[derive(Default)]
pub struct Page {
    ops: String,
    /// Text bytes are WinAnsi, not UTF-8: kept apart and spliced in at the end.
    content: Vec<u8>,
}

impl Page {
    fn flush(&mut self) {
        self.content.extend_from_slice(self.ops.as_bytes());
        self.ops.clear();
    }

    /// Text at (x, y) from the bottom-left corner, in points.
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) -> &mut Self {
        let font = if bold { "F2" } else { "F1" };
        let _ = write!(self.ops, "BT /{font} {size} Tf {x:.1} {y:.1} Td (");
        self.flush();
        self.content.extend(win_ansi_escaped(text));
        self.content.extend_from_slice(b") Tj ET\n");
        self
    }

    /// Grey level for what follows (0 black, 1 white).
    pub fn gray(&mut self, level: f32) -> &mut Self {
        let _ = writeln!(self.ops, "{level:.2} g {level:.2} G");
        self
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) -> &mut Self {
        let _ = writeln!(self.ops, "{x:.2} {y:.2} {w:.2} {h:.2} re f");
        self
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32) -> &mut Self {
        let _ = writeln!(self.ops, "0.8 w {x:.2} {y:.2} {w:.2} {h:.2} re S");
        self
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) -> &mut Self {
        let _ = writeln!(self.ops, "0.5 w {x1:.1} {y1:.1} m {x2:.1} {y2:.1} l S");
        self
    }

    /// A QR code (modules row by row, `true` dark) as a square of `size` points at (x, y).
    pub fn qr(&mut self, x: f32, y: f32, size: f32, width: usize, modules: &[bool]) -> &mut Self {
        if width == 0 {
            return self;
        }
        let module = size / width as f32;
        self.gray(0.0);
        for (index, dark) in modules.iter().enumerate() {
            if *dark {
                let (col, row) = (index % width, index / width);
                // A hair wider than the module, so neighbours join without seams in viewers.
                self.fill_rect(
                    x + col as f32 * module,
                    y + size - (row + 1) as f32 * module,
                    module + 0.05,
                    module + 0.05,
                );
            }
        }
        self
    }
}

/// `text` in WinAnsi (Windows-1252) with PDF string escapes; other characters become '?'.
fn win_ansi_escaped(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let byte = match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                c as u8
            }
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '’' | '‘' => b'\'',
            '“' | '”' => b'"',
            '–' => 0x96,
            '—' => 0x97,
            '…' => 0x85,
            'œ' => 0x9c,
            'Œ' => 0x8c,
            '\u{202f}' => b' ',
            _ => b'?',
        };
        out.push(byte);
    }
    out
}

/// Cuts `text` to about `width` points at `size` (Helvetica averages half an em per character).
pub fn fit(text: &str, size: f32, width: f32) -> String {
    let max = (width / (size * 0.5)).max(1.0) as usize;
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[derive(Default)]
pub struct Pdf {
    pages: Vec<Page>,
}

impl Pdf {
    pub fn page(&mut self) -> &mut Page {
        self.pages.push(Page::default());
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn finish(mut self, title: &str) -> Vec<u8> {
        if self.pages.is_empty() {
            self.page();
        }
        let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::new();
        let mut object = |out: &mut Vec<u8>, body: &[u8]| {
            offsets.push(out.len());
            let n = offsets.len();
            out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        };
        let count = self.pages.len();
        // 1 catalog, 2 pages, 3-4 fonts, 5 info, then a page and its content per page.
        let kids = (0..count)
            .map(|i| format!("{} 0 R", 6 + 2 * i))
            .collect::<Vec<_>>()
            .join(" ");
        object(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
        object(
            &mut out,
            format!("<< /Type /Pages /Kids [{kids}] /Count {count} >>").as_bytes(),
        );
        for font in ["Helvetica", "Helvetica-Bold"] {
            object(
                &mut out,
                format!(
                    "<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
                )
                .as_bytes(),
            );
        }
        let mut info = b"<< /Producer (Meetral) /Title (".to_vec();
        info.extend(win_ansi_escaped(title));
        info.extend_from_slice(b") >>");
        object(&mut out, &info);
        for (i, mut page) in self.pages.into_iter().enumerate() {
            page.flush();
            object(
                &mut out,
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                    A4.0, A4.1, 7 + 2 * i
                )
                .as_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", page.content.len()).into_bytes();
            stream.extend_from_slice(&page.content);
            stream.extend_from_slice(b"\nendstream");
            object(&mut out, &stream);
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for offset in &offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        );
        out.extend_from_slice(table.as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_has_its_objects_where_the_table_says() {
        let mut pdf = Pdf::default();
        pdf.page()
            .text(50.0, 800.0, 12.0, true, "Café (Lyon) — 12 €");
        pdf.page().stroke_rect(50.0, 50.0, 10.0, 10.0);
        let bytes = pdf.finish("Participants");
        assert!(bytes.starts_with(b"%PDF-1.4"));
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let xref_at: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        assert!(bytes[xref_at..].starts_with(b"xref"));
        let table = &text[text.find("xref\n").expect("xref")..];
        for (n, line) in table.lines().skip(3).take(9).enumerate() {
            let offset: usize = line[..10].parse().expect("offset");
            let header = format!("{} 0 obj", n + 1);
            assert!(bytes[offset..].starts_with(header.as_bytes()), "{header}");
        }
        // WinAnsi: é is 0xE9, € is 0x80, parentheses escaped.
        let needle = b"Caf\xe9 \\(Lyon\\) \x97 12 \x80";
        assert!(bytes.windows(needle.len()).any(|w| w == needle));
        assert!(text.contains("/Count 2"));
    }

    #[test]
    fn long_text_is_cut_to_its_column() {
        assert_eq!(fit("court", 10.0, 100.0), "court");
        let cut = fit(&"x".repeat(50), 10.0, 100.0);
        assert_eq!(cut.chars().count(), 20);
        assert!(cut.ends_with('…'));
    }
}
