//! The progress report: measurements over time as a table, personal records, adherence,
//! the trainer's notes (accepted insights among them), and estimated-1RM charts drawn as
//! vector graphics (axes, grid, polyline, points); over the period the trainer picked.

use spotter_core::datefmt::DateFormatter;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use spotter_core::clients::record::{ClientNote, Measurement, Metric, LB_PER_KG};
use spotter_core::training::plan::fmt_num;
use spotter_core::training::progress::{ClientProgress, E1rmSeries};

use crate::canvas::{Canvas, PageSize, Weight, ACCENT, BLACK, GREY, LIGHT, RULE};
use crate::{Branding, LoadUnit};

const MARGIN: f32 = 14.0;
const BODY: f32 = 8.0;
/// The most recent measurement dates shown in the table.
const MAX_MEASUREMENT_ROWS: usize = 24;

pub struct ReportDoc<'a> {
    pub client_name: &'a str,
    /// "1 Sep 2026 – 4 Dec 2026"; None for the whole history.
    pub period: Option<String>,
    pub measurements: &'a [Measurement],
    pub progress: &'a ClientProgress,
    /// Oldest first.
    pub notes: &'a [ClientNote],
    pub branding: &'a Branding,
    pub paper: PageSize,
    pub unit: LoadUnit,
    pub printed_on: NaiveDate,
    /// Dates as the trainer chose them to read (Settings → Preferences).
    pub dates: &'a DateFormatter,
}

fn metric_label(m: &Measurement, unit: LoadUnit) -> String {
    let u = |metric: &str, si: &str, imp: &str| {
        format!("{metric} ({})", if unit == LoadUnit::Lb { imp } else { si })
    };
    match m.metric {
        Metric::BodyWeight => u("Weight", "kg", "lb"),
        Metric::BodyFat => "Body fat (%)".into(),
        Metric::Waist => u("Waist", "cm", "in"),
        Metric::Hips => u("Hips", "cm", "in"),
        Metric::Chest => u("Chest", "cm", "in"),
        Metric::Arm => u("Arm", "cm", "in"),
        Metric::Thigh => u("Thigh", "cm", "in"),
        Metric::RestingHeartRate => "Resting HR (bpm)".into(),
        Metric::Custom => format!("{} ({})", m.custom_name.clone().unwrap_or_default(), m.unit),
    }
}

fn metric_value(m: &Measurement, unit: LoadUnit) -> String {
    let v = match (m.metric, unit) {
        (Metric::BodyWeight, LoadUnit::Lb) => m.value * LB_PER_KG,
        (
            Metric::Waist | Metric::Hips | Metric::Chest | Metric::Arm | Metric::Thigh,
            LoadUnit::Lb,
        ) => m.value / 2.54,
        _ => m.value,
    };
    fmt_num((v * 10.0).round() / 10.0)
}

fn kg(v: f64, unit: LoadUnit) -> String {
    match unit {
        LoadUnit::Kg => format!("{} kg", fmt_num((v * 10.0).round() / 10.0)),
        LoadUnit::Lb => format!("{} lb", fmt_num((v * LB_PER_KG).round())),
    }
}

struct Page<'c> {
    c: &'c mut Canvas,
    y: f32,
    bottom: f32,
}

impl Page<'_> {
    fn need(&mut self, h: f32) {
        if self.y + h > self.bottom {
            self.c.new_page();
            self.y = MARGIN + 4.0;
        }
    }
    fn heading(&mut self, text: &str) {
        self.need(16.0);
        self.c
            .text(MARGIN, self.y + 6.0, 12.0, Weight::Bold, BLACK, text);
        self.y += 10.0;
    }
}

pub fn render(doc: &ReportDoc) -> Result<Vec<u8>, String> {
    let size = doc.paper;
    let mut canvas = Canvas::new(&format!("Progress report — {}", doc.client_name), size)?;
    let width = size.width - 2.0 * MARGIN;
    let mut p = Page {
        c: &mut canvas,
        y: MARGIN,
        bottom: size.height - MARGIN - 3.0,
    };

    let mut x = MARGIN;
    if let Some(logo) = &doc.branding.logo {
        let (id, w, h) =
            p.c.add_image(logo)
                .map_err(|e| format!("the studio logo could not be read: {e}"))?;
        x += p.c.image(&id, (w, h), MARGIN, p.y, 40.0, 14.0) + 4.0;
    }
    p.c.text(
        x,
        p.y + 5.5,
        11.0,
        Weight::Bold,
        ACCENT,
        &doc.branding.studio_name_or_default(),
    );
    p.y += 16.0;
    p.c.text(
        MARGIN,
        p.y + 6.0,
        18.0,
        Weight::Bold,
        BLACK,
        "Progress report",
    );
    p.y += 10.0;
    let name = p.c.fit(doc.client_name, 11.0, Weight::Regular, width);
    p.c.text(MARGIN, p.y + 4.0, 11.0, Weight::Regular, BLACK, &name);
    p.c.text_right(
        MARGIN + width,
        p.y + 4.0,
        BODY,
        Weight::Regular,
        GREY,
        &format!("Printed {}", doc.dates.date(doc.printed_on)),
    );
    if let Some(period) = &doc.period {
        p.y += 5.5;
        p.c.text(
            MARGIN,
            p.y + 4.0,
            BODY + 1.0,
            Weight::Regular,
            GREY,
            &format!("Period: {period}"),
        );
    }
    p.y += 10.0;

    measurements_table(&mut p, doc, width);
    records_table(&mut p, doc, width);
    adherence(&mut p, doc);
    trainer_notes(&mut p, doc, width);
    charts(&mut p, doc, width);

    let footer = format!(
        "{} · Progress report · {}",
        doc.branding.studio_name_or_default(),
        doc.client_name
    );
    Ok(canvas.finish(&footer, MARGIN))
}

fn measurements_table(p: &mut Page, doc: &ReportDoc, width: f32) {
    p.heading("Measurements");
    if doc.measurements.is_empty() {
        p.c.text(
            MARGIN,
            p.y + 4.0,
            BODY,
            Weight::Regular,
            GREY,
            "No measurements recorded yet.",
        );
        p.y += 9.0;
        return;
    }
    // Columns: one per metric (in a stable order), rows: the most recent dates.
    let mut columns: Vec<String> = Vec::new();
    let mut table: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for m in doc.measurements {
        let label = metric_label(m, doc.unit);
        if !columns.contains(&label) {
            columns.push(label.clone());
        }
        table
            .entry(m.measured_on.as_str())
            .or_default()
            .insert(label, metric_value(m, doc.unit));
    }
    columns.truncate(7);
    let date_w = 26.0;
    let col_w = (width - date_w) / columns.len().max(1) as f32;
    let header = |p: &mut Page| {
        p.c.rect(MARGIN, p.y, width, 6.5, Some(LIGHT), None);
        p.c.text(MARGIN + 1.5, p.y + 4.5, 7.0, Weight::Bold, BLACK, "Date");
        for (i, c) in columns.iter().enumerate() {
            let t = p.c.fit(c, 7.0, Weight::Bold, col_w - 2.0);
            p.c.text(
                MARGIN + date_w + i as f32 * col_w + 1.0,
                p.y + 4.5,
                7.0,
                Weight::Bold,
                BLACK,
                &t,
            );
        }
        p.y += 6.5;
    };
    p.need(6.5 + 6.0);
    header(p);
    for (date, values) in table
        .iter()
        .rev()
        .take(MAX_MEASUREMENT_ROWS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        if p.y + 6.0 > p.bottom {
            p.need(100.0);
            header(p);
        }
        p.c.text(
            MARGIN + 1.5,
            p.y + 4.2,
            BODY,
            Weight::Regular,
            BLACK,
            &doc.dates.iso_date(date),
        );
        for (i, c) in columns.iter().enumerate() {
            if let Some(v) = values.get(c) {
                p.c.text(
                    MARGIN + date_w + i as f32 * col_w + 1.0,
                    p.y + 4.2,
                    BODY,
                    Weight::Regular,
                    BLACK,
                    v,
                );
            }
        }
        p.c.hline(MARGIN, MARGIN + width, p.y + 6.0, RULE, 0.3);
        p.y += 6.0;
    }
    p.y += 6.0;
}

fn records_table(p: &mut Page, doc: &ReportDoc, width: f32) {
    p.heading("Personal records");
    let recs: Vec<_> = doc
        .progress
        .records
        .iter()
        .filter(|r| r.best_e1rm_epley_kg.is_some())
        .take(15)
        .collect();
    if recs.is_empty() {
        p.c.text(
            MARGIN,
            p.y + 4.0,
            BODY,
            Weight::Regular,
            GREY,
            "No workouts with loads logged yet.",
        );
        p.y += 9.0;
        return;
    }
    let cols = [
        ("Exercise", 0.0),
        ("Est. 1RM (Epley)", 0.40),
        ("Est. 1RM (Brzycki)", 0.56),
        ("On", 0.72),
        ("Workouts", 0.87),
    ];
    p.need(6.5 + 6.0);
    p.c.rect(MARGIN, p.y, width, 6.5, Some(LIGHT), None);
    for (t, f) in cols {
        p.c.text(
            MARGIN + 1.5 + f * width,
            p.y + 4.5,
            7.0,
            Weight::Bold,
            BLACK,
            t,
        );
    }
    p.y += 6.5;
    for r in recs {
        p.need(6.0);
        let name =
            p.c.fit(&r.exercise_name, BODY, Weight::Regular, width * 0.39);
        let cells = [
            name,
            r.best_e1rm_epley_kg
                .map(|v| kg(v, doc.unit))
                .unwrap_or_default(),
            r.best_e1rm_brzycki_kg
                .map(|v| kg(v, doc.unit))
                .unwrap_or_default(),
            r.best_e1rm_on
                .as_deref()
                .map(|d| doc.dates.iso_date(d))
                .unwrap_or_default(),
            r.workouts.to_string(),
        ];
        for (i, (_, f)) in cols.iter().enumerate() {
            p.c.text(
                MARGIN + 1.5 + f * width,
                p.y + 4.2,
                BODY,
                Weight::Regular,
                BLACK,
                &cells[i],
            );
        }
        p.c.hline(MARGIN, MARGIN + width, p.y + 6.0, RULE, 0.3);
        p.y += 6.0;
    }
    p.y += 6.0;
}

fn adherence(p: &mut Page, doc: &ReportDoc) {
    let weeks = &doc.progress.adherence;
    if weeks.is_empty() {
        return;
    }
    let prescribed: u32 = weeks.iter().map(|w| w.prescribed_sets).sum();
    let done: u32 = weeks.iter().map(|w| w.completed_sets).sum();
    p.heading("Adherence");
    let pct = if prescribed == 0 {
        0
    } else {
        (f64::from(done) * 100.0 / f64::from(prescribed)).round() as u32
    };
    p.c.text(
        MARGIN,
        p.y + 4.0,
        BODY + 1.0,
        Weight::Regular,
        BLACK,
        &format!(
            "{done} of {prescribed} prescribed sets done ({pct}%) over {} plan weeks.",
            weeks.len()
        ),
    );
    p.y += 10.0;
}

/// Each note with its date, wrapped; a long note is cut after a dozen lines.
fn trainer_notes(p: &mut Page, doc: &ReportDoc, width: f32) {
    if doc.notes.is_empty() {
        return;
    }
    p.heading("Trainer's notes");
    let date_w = 24.0;
    let line_h = 4.2;
    for note in doc.notes {
        let lines =
            p.c.wrap(&note.body, BODY, Weight::Regular, width - date_w, 12);
        p.need(lines.len() as f32 * line_h + 3.0);
        p.c.text(
            MARGIN,
            p.y + 3.5,
            BODY,
            Weight::Bold,
            GREY,
            &doc.dates
                .iso_date(note.created_at.get(..10).unwrap_or(&note.created_at)),
        );
        for line in &lines {
            p.c.text(
                MARGIN + date_w,
                p.y + 3.5,
                BODY,
                Weight::Regular,
                BLACK,
                line,
            );
            p.y += line_h;
        }
        p.y += 3.0;
    }
    p.y += 4.0;
}

fn charts(p: &mut Page, doc: &ReportDoc, width: f32) {
    let series: Vec<&E1rmSeries> = doc
        .progress
        .e1rm
        .iter()
        .filter(|s| s.points.len() >= 2)
        .collect();
    if series.is_empty() {
        return;
    }
    let gap = 8.0;
    let w = (width - gap) / 2.0;
    let h = 52.0;
    // Keep the heading with the first row of charts.
    p.need(16.0 + h + 8.0);
    p.heading("Estimated 1RM over time");
    for pair in series.chunks(2) {
        p.need(h + 8.0);
        for (i, s) in pair.iter().enumerate() {
            chart(p, doc, s, (MARGIN + i as f32 * (w + gap), p.y, w, h));
        }
        p.y += h + 8.0;
    }
}

/// One exercise's chart in the box `(x, y, w, h)`.
fn chart(p: &mut Page, doc: &ReportDoc, s: &E1rmSeries, (x, y, w, h): (f32, f32, f32, f32)) {
    let unit = doc.unit;
    let conv = |v: f64| {
        if unit == LoadUnit::Lb {
            v * LB_PER_KG
        } else {
            v
        }
    };
    let title = p.c.fit(&s.exercise_name, 8.5, Weight::Bold, w);
    p.c.text(x, y + 4.0, 8.5, Weight::Bold, BLACK, &title);
    let (px, py, pw, ph) = (x + 12.0, y + 8.0, w - 14.0, h - 16.0);
    let dates: Vec<Option<NaiveDate>> = s
        .points
        .iter()
        .map(|pt| NaiveDate::parse_from_str(&pt.date, "%Y-%m-%d").ok())
        .collect();
    let (Some(first), Some(last)) = (dates.iter().flatten().min(), dates.iter().flatten().max())
    else {
        return;
    };
    let span = (*last - *first).num_days().max(1) as f32;
    let values: Vec<f64> = s.points.iter().map(|pt| conv(pt.e1rm_kg)).collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    // Four grid steps of a round size (1, 2, 2.5, 5, 10 … kg) that cover the values.
    let raw_step = ((hi - lo) * 1.1 / 4.0).max(0.5);
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let lo = ((lo - step * 0.25) / step).floor() * step;
    let hi = if lo + 4.0 * step >= hi {
        lo + 4.0 * step
    } else {
        lo + 5.0 * step
    };
    let sy = |v: f64| py + ph - ((v - lo) / (hi - lo).max(1e-6)) as f32 * ph;
    // Grid and value labels.
    let ticks = ((hi - lo) / step).round() as i32;
    for i in 0..=ticks {
        let v = lo + step * f64::from(i);
        let gy = sy(v);
        p.c.hline(px, px + pw, gy, if i == 0 { GREY } else { LIGHT }, 0.4);
        p.c.text_right(px - 1.5, gy + 1.2, 6.0, Weight::Regular, GREY, &fmt_num(v));
    }
    p.c.line(&[(px, py), (px, py + ph)], GREY, 0.4);
    let unit_label = if unit == LoadUnit::Lb { "lb" } else { "kg" };
    p.c.text(x, py - 1.0, 6.0, Weight::Regular, GREY, unit_label);
    p.c.text(
        px,
        py + ph + 4.5,
        6.0,
        Weight::Regular,
        GREY,
        &doc.dates.month_year(*first),
    );
    p.c.text_right(
        px + pw,
        py + ph + 4.5,
        6.0,
        Weight::Regular,
        GREY,
        &doc.dates.month_year(*last),
    );
    let pts: Vec<(f32, f32)> = dates
        .iter()
        .zip(&values)
        .filter_map(|(d, v)| d.map(|d| (px + (d - *first).num_days() as f32 / span * pw, sy(*v))))
        .collect();
    p.c.line(&pts, ACCENT, 1.1);
    if let Some(&(lx, ly)) = pts.last() {
        p.c.rect(lx - 0.9, ly - 0.9, 1.8, 1.8, Some(ACCENT), None);
        let best = values.iter().cloned().fold(f64::MIN, f64::max);
        p.c.text_right(
            px + pw,
            py - 1.0,
            6.5,
            Weight::Bold,
            ACCENT,
            &format!("best {}", fmt_num(best.round())),
        );
    }
}
