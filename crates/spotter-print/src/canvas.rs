//! A small page-layout layer over printpdf: millimetres from the top-left corner, two
//! embedded faces, text measured with the font's own advance widths, truncation and
//! wrapping, rectangles and polylines, and page numbers stamped once the page count is known.

use std::sync::OnceLock;

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, XObjectId, XObjectTransform,
};

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

struct Faces {
    regular: ParsedFont,
    bold: ParsedFont,
}

fn faces() -> Result<&'static Faces, String> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())?;
            let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())?;
            Some(Faces { regular, bold })
        })
        .as_ref()
        .ok_or_else(|| "the embedded font could not be read".to_owned())
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub const BLACK: (f32, f32, f32) = (0.1, 0.1, 0.12);
pub const GREY: (f32, f32, f32) = (0.42, 0.44, 0.48);
pub const LIGHT: (f32, f32, f32) = (0.93, 0.94, 0.96);
pub const RULE: (f32, f32, f32) = (0.75, 0.77, 0.8);
pub const ACCENT: (f32, f32, f32) = (0.13, 0.4, 0.75);

fn color(c: (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

/// Page width and height in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    pub const A4: PageSize = PageSize {
        width: 210.0,
        height: 297.0,
    };
    pub const LETTER: PageSize = PageSize {
        width: 215.9,
        height: 279.4,
    };
    pub fn landscape(self) -> PageSize {
        PageSize {
            width: self.height,
            height: self.width,
        }
    }
}

pub struct Canvas {
    doc: PdfDocument,
    regular: FontId,
    bold: FontId,
    pub size: PageSize,
    pages: Vec<Vec<Op>>,
    /// The page drawing goes to.
    current: usize,
}

fn pt(mm: f32) -> Pt {
    Mm(mm).into_pt()
}

impl Canvas {
    pub fn new(title: &str, size: PageSize) -> Result<Canvas, String> {
        let f = faces()?;
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.creator = "Spotter".into();
        doc.metadata.info.producer = "Spotter (printpdf)".into();
        let regular = doc.add_font(&f.regular);
        let bold = doc.add_font(&f.bold);
        Ok(Canvas {
            doc,
            regular,
            bold,
            size,
            pages: vec![Vec::new()],
            current: 0,
        })
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.current = self.pages.len() - 1;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        // `current` always indexes an existing page: pages start with one and only grow.
        &mut self.pages[self.current]
    }

    /// Width of `text` in millimetres at `size` points.
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let Ok(f) = faces() else { return 0.0 };
        let font = if weight == Weight::Bold {
            &f.bold
        } else {
            &f.regular
        };
        let upem = f32::from(font.units_per_em.max(1));
        let units: f32 = text
            .chars()
            .map(|c| {
                let gid = font.lookup_glyph_index(c as u32).unwrap_or(0);
                f32::from(font.get_glyph_width(gid).unwrap_or(font.units_per_em / 2))
            })
            .sum();
        // points → millimetres
        units / upem * size * 25.4 / 72.0
    }

    /// The text cut to fit `max_mm`, with an ellipsis when cut.
    pub fn fit(&self, text: &str, size: f32, weight: Weight, max_mm: f32) -> String {
        if self.width(text, size, weight) <= max_mm {
            return text.to_owned();
        }
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if self.width(&format!("{out}…"), size, weight) > max_mm {
                out.pop();
                break;
            }
        }
        format!("{}…", out.trim_end())
    }

    /// Words wrapped to lines of at most `max_mm`; at most `max_lines`, the last one cut.
    pub fn wrap(
        &self,
        text: &str,
        size: f32,
        weight: Weight,
        max_mm: f32,
        max_lines: usize,
    ) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for para in text.lines() {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, weight) <= max_mm || line.is_empty() {
                    line = candidate;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_owned();
                }
            }
            lines.push(line);
        }
        if lines.len() > max_lines {
            let rest = lines[max_lines - 1..].join(" ");
            lines.truncate(max_lines - 1);
            lines.push(self.fit(&format!("{rest}…"), size, weight, max_mm));
        }
        lines
            .into_iter()
            .map(|l| {
                if self.width(&l, size, weight) > max_mm {
                    self.fit(&l, size, weight, max_mm)
                } else {
                    l
                }
            })
            .collect()
    }

    /// Text with its baseline at `y` mm from the top.
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        rgb: (f32, f32, f32),
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let font = if weight == Weight::Bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        };
        let h = self.size.height;
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color(rgb) },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: pt(x),
                    y: pt(h - y),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text right-aligned to `right`.
    pub fn text_right(
        &mut self,
        right: f32,
        y: f32,
        size: f32,
        weight: Weight,
        rgb: (f32, f32, f32),
        text: &str,
    ) {
        let w = self.width(text, size, weight);
        self.text(right - w, y, size, weight, rgb, text);
    }

    /// A rectangle with its top-left corner at (x, y).
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<(f32, f32, f32)>,
        stroke: Option<(f32, f32, f32)>,
    ) {
        let page_h = self.size.height;
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => printpdf::PaintMode::FillStroke,
            (Some(_), None) => printpdf::PaintMode::Fill,
            _ => printpdf::PaintMode::Stroke,
        };
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        if let Some(f) = fill {
            ops.push(Op::SetFillColor { col: color(f) });
        }
        if let Some(s) = stroke {
            ops.push(Op::SetOutlineColor { col: color(s) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
        }
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: pt(x),
                y: pt(page_h - y - h),
                width: pt(w),
                height: pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    /// A polyline through points (mm from the top-left).
    pub fn line(&mut self, points: &[(f32, f32)], rgb: (f32, f32, f32), thickness_pt: f32) {
        if points.len() < 2 {
            return;
        }
        let h = self.size.height;
        let line = Line {
            points: points
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: Point {
                        x: pt(x),
                        y: pt(h - y),
                    },
                    bezier: false,
                })
                .collect(),
            is_closed: false,
        };
        self.ops().extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetOutlineThickness {
                pt: Pt(thickness_pt),
            },
            Op::DrawLine { line },
            Op::RestoreGraphicsState,
        ]);
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, rgb: (f32, f32, f32), thickness_pt: f32) {
        self.line(&[(x1, y), (x2, y)], rgb, thickness_pt);
    }

    /// Adds an image (already decoded) to the document; returns its id and pixel size.
    pub fn add_image(&mut self, bytes: &[u8]) -> Result<(XObjectId, usize, usize), String> {
        let img = printpdf::RawImage::decode_from_bytes(bytes, &mut Vec::new())?;
        let (w, h) = (img.width, img.height);
        Ok((self.doc.add_image(&img), w, h))
    }

    /// Draws an added image scaled to fit a box at (x, y) of `max_w` × `max_h` mm; returns its width.
    pub fn image(
        &mut self,
        id: &XObjectId,
        px: (usize, usize),
        x: f32,
        y: f32,
        max_w: f32,
        max_h: f32,
    ) -> f32 {
        let (pw, ph) = (px.0.max(1) as f32, px.1.max(1) as f32);
        let scale_mm = (max_w / pw).min(max_h / ph);
        let (w, h) = (pw * scale_mm, ph * scale_mm);
        let page_h = self.size.height;
        // At 72 dpi one pixel is one point; scale from there.
        let s = pt(scale_mm).0;
        self.ops().push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(pt(x)),
                translate_y: Some(pt(page_h - y - h)),
                scale_x: Some(s),
                scale_y: Some(s),
                dpi: Some(72.0),
                ..Default::default()
            },
        });
        w
    }

    /// Stamps "Page n of N" and a left footer on every page, then serialises the document.
    pub fn finish(mut self, footer_left: &str, margin: f32) -> Vec<u8> {
        let n = self.pages.len();
        let (w, h) = (self.size.width, self.size.height);
        let left = self.fit(footer_left, 7.5, Weight::Regular, w * 0.6);
        for i in 0..n {
            let label = format!("Page {} of {n}", i + 1);
            let lw = self.width(&label, 7.5, Weight::Regular);
            self.current = i;
            self.hline(margin, w - margin, h - margin + 2.0, RULE, 0.5);
            self.text(margin, h - margin + 6.0, 7.5, Weight::Regular, GREY, &left);
            self.text(
                w - margin - lw,
                h - margin + 6.0,
                7.5,
                Weight::Regular,
                GREY,
                &label,
            );
        }
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|ops| PdfPage::new(Mm(w), Mm(h), ops))
            .collect();
        self.doc
            .with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}
