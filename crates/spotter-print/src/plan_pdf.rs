//! The workout plan a trainer hands to a client: per week and day a table of every
//! prescription column plus blank cells for the weights and reps done. Landscape, so the
//! write-in cells are wide enough for a pen; tables break between rows and repeat their header.

use chrono::NaiveDate;
use spotter_core::datefmt::DateFormatter;
use spotter_core::training::plan::{
    describe_amount, describe_load, fmt_num, GroupKind, Load, LoadKind, Measure, Prescription,
};
use spotter_core::training::plans::{day_date, Plan};

use crate::canvas::{Canvas, PageSize, Weight, ACCENT, BLACK, GREY, LIGHT, RULE};
use crate::{Branding, LoadUnit};

const MARGIN: f32 = 12.0;
const BODY: f32 = 8.0;
const SMALL: f32 = 7.0;
const LINE: f32 = 3.4;
const HEADER_ROW: f32 = 6.5;
/// Write-in cells: as many as the day's most sets, at most this many.
const MAX_DONE_CELLS: u32 = 6;

pub struct PlanDoc<'a> {
    pub plan: &'a Plan,
    pub client_name: Option<&'a str>,
    pub branding: &'a Branding,
    pub paper: PageSize,
    pub unit: LoadUnit,
    /// "Printed 22 Nov 2026": the caller's today, so output is reproducible in tests.
    pub printed_on: NaiveDate,
    /// Dates as the trainer chose them to read (Settings → Preferences).
    pub dates: &'a DateFormatter,
}

struct Column {
    title: &'static str,
    width: f32,
}

const COLUMNS: [Column; 8] = [
    Column {
        title: "#",
        width: 8.0,
    },
    Column {
        title: "Exercise",
        width: 52.0,
    },
    Column {
        title: "Sets",
        width: 10.0,
    },
    Column {
        title: "Reps",
        width: 13.0,
    },
    Column {
        title: "Load",
        width: 20.0,
    },
    Column {
        title: "Tempo",
        width: 14.0,
    },
    Column {
        title: "Rest",
        width: 12.0,
    },
    Column {
        title: "Notes",
        width: 40.0,
    },
];

fn load_text(l: &Load, unit: LoadUnit) -> String {
    match (l.kind, l.value, unit) {
        (LoadKind::Kg, Some(kg), LoadUnit::Lb) => format!(
            "{} lb",
            fmt_num((kg * spotter_core::clients::record::LB_PER_KG).round())
        ),
        _ => describe_load(l),
    }
}

/// "8–12", or a timed or distance prescription's "45 s", "20 m".
fn reps_text(p: &Prescription) -> String {
    describe_amount(p.measure, p.reps_min, p.reps_max)
}

fn rest_text(p: &Prescription) -> String {
    match p.rest_seconds {
        None => String::new(),
        Some(s) if s >= 60 && s % 60 == 0 => format!("{} min", s / 60),
        Some(s) if s >= 60 => format!("{}:{:02}", s / 60, s % 60),
        Some(s) => format!("{s} s"),
    }
}

/// Labels like A1, A2 for grouped rows and 1, 2, … for the rest.
fn row_labels(items: &[Prescription]) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    let mut in_group = 0;
    let mut prev: Option<&str> = None;
    for p in items {
        match p.group.as_deref() {
            Some(g) => {
                in_group = if prev == Some(g) { in_group + 1 } else { 1 };
                prev = Some(g);
                out.push(format!("{g}{in_group}"));
            }
            None => {
                prev = None;
                n += 1;
                out.push(n.to_string());
            }
        }
    }
    out
}

struct Layout<'c> {
    c: &'c mut Canvas,
    y: f32,
    bottom: f32,
}

impl Layout<'_> {
    fn room(&self, h: f32) -> bool {
        self.y + h <= self.bottom
    }
    fn page(&mut self) {
        self.c.new_page();
        self.y = MARGIN + 4.0;
    }
}

pub fn render(doc: &PlanDoc) -> Result<Vec<u8>, String> {
    let size = doc.paper.landscape();
    let mut canvas = Canvas::new(&doc.plan.name, size)?;
    let width = size.width - 2.0 * MARGIN;
    let bottom = size.height - MARGIN - 3.0;
    let mut l = Layout {
        c: &mut canvas,
        y: MARGIN,
        bottom,
    };

    header(&mut l, doc, width)?;

    let start = doc
        .plan
        .start_date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let fixed: f32 = COLUMNS.iter().map(|c| c.width).sum();
    for (w, week) in doc.plan.body.weeks.iter().enumerate() {
        let week_no = w as u32 + 1;
        let title = if week.deload {
            format!("Week {week_no} · deload")
        } else {
            format!("Week {week_no}")
        };
        for day in &week.days {
            let cells = day
                .items
                .iter()
                .map(|p| p.sets)
                .max()
                .unwrap_or(1)
                .clamp(1, MAX_DONE_CELLS);
            let cell_w = ((width - fixed) / cells as f32).max(10.0);
            let date = start
                .map(|s| {
                    format!(
                        " · {}",
                        doc.dates.weekday_date(day_date(s, week_no, day.day_offset))
                    )
                })
                .unwrap_or_default();
            let heading = format!("{title} — {}{date}", day.name);
            let labels = row_labels(&day.items);
            let rows: Vec<(Vec<String>, Vec<String>, f32)> = day
                .items
                .iter()
                .map(|p| {
                    let name = l.c.wrap(
                        &p.exercise_name,
                        BODY,
                        Weight::Regular,
                        COLUMNS[1].width - 2.0,
                        2,
                    );
                    let mut note = p.notes.clone();
                    if let (Some(_), Some(k), true) = (&p.group, p.group_kind, note.is_empty()) {
                        note = if k == GroupKind::Superset {
                            "superset".into()
                        } else {
                            "circuit".into()
                        };
                    }
                    let notes =
                        l.c.wrap(&note, SMALL, Weight::Regular, COLUMNS[7].width - 2.0, 3);
                    let lines = name.len().max(notes.len()).max(1) as f32;
                    (name, notes, (lines * LINE + 3.2).max(8.0))
                })
                .collect();
            // Keep the heading, the table header and the first row together.
            let first = rows.first().map(|r| r.2).unwrap_or(8.0);
            if !l.room(8.0 + HEADER_ROW + first) {
                l.page();
            }
            l.c.text(MARGIN, l.y + 5.0, 10.5, Weight::Bold, BLACK, &heading);
            l.y += 8.0;
            table_header(&mut l, cells, cell_w, amount_title(&day.items));
            if day.items.is_empty() {
                l.c.text(
                    MARGIN + 2.0,
                    l.y + 5.0,
                    BODY,
                    Weight::Regular,
                    GREY,
                    "Rest day",
                );
                l.y += 8.0;
            }
            for (i, (p, (name, notes, h))) in day.items.iter().zip(rows).enumerate() {
                if !l.room(h) {
                    l.page();
                    l.c.text(
                        MARGIN,
                        l.y + 5.0,
                        10.5,
                        Weight::Bold,
                        BLACK,
                        &format!("{heading} (continued)"),
                    );
                    l.y += 8.0;
                    table_header(&mut l, cells, cell_w, amount_title(&day.items));
                }
                row(
                    &mut l, p, &labels[i], &name, &notes, h, cells, cell_w, doc.unit,
                );
            }
            l.y += 5.0;
        }
    }
    let footer = format!(
        "{} · {}{} · printed {}",
        doc.branding.studio_name_or_default(),
        doc.plan.name,
        doc.client_name
            .map(|c| format!(" · {c}"))
            .unwrap_or_default(),
        doc.dates.date(doc.printed_on)
    );
    Ok(canvas.finish(&footer, MARGIN))
}

fn header(l: &mut Layout, doc: &PlanDoc, width: f32) -> Result<(), String> {
    let mut x = MARGIN;
    if let Some(logo) = &doc.branding.logo {
        let (id, w, h) =
            l.c.add_image(logo)
                .map_err(|e| format!("the studio logo could not be read: {e}"))?;
        x += l.c.image(&id, (w, h), MARGIN, l.y, 40.0, 14.0) + 4.0;
    }
    l.c.text(
        x,
        l.y + 5.5,
        11.0,
        Weight::Bold,
        ACCENT,
        &doc.branding.studio_name_or_default(),
    );
    l.c.text_right(
        MARGIN + width,
        l.y + 5.5,
        SMALL,
        Weight::Regular,
        GREY,
        &format!("Version {}", doc.plan.version),
    );
    l.y += 16.0;
    let title = l.c.fit(&doc.plan.name, 18.0, Weight::Bold, width);
    l.c.text(MARGIN, l.y + 5.0, 18.0, Weight::Bold, BLACK, &title);
    l.y += 10.0;
    let weeks = doc.plan.body.weeks.len();
    let days = doc
        .plan
        .body
        .weeks
        .first()
        .map(|w| w.days.len())
        .unwrap_or(0);
    let mut facts = Vec::new();
    if let Some(c) = doc.client_name {
        facts.push(format!("Client: {c}"));
    }
    if let Some(start) = doc
        .plan
        .start_date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        let end = day_date(start, weeks as u32, 6);
        facts.push(format!(
            "{} – {}",
            doc.dates.date(start),
            doc.dates.date(end)
        ));
    }
    facts.push(format!(
        "{weeks} week{} · {days} day{} a week",
        if weeks == 1 { "" } else { "s" },
        if days == 1 { "" } else { "s" }
    ));
    l.c.text(
        MARGIN,
        l.y + 4.0,
        9.5,
        Weight::Regular,
        BLACK,
        &facts.join("   ·   "),
    );
    l.y += 7.0;
    if !doc.plan.body.notes.trim().is_empty() {
        for line in
            l.c.wrap(doc.plan.body.notes.trim(), BODY, Weight::Regular, width, 6)
        {
            l.c.text(MARGIN, l.y + 3.5, BODY, Weight::Regular, GREY, &line);
            l.y += LINE + 0.4;
        }
    }
    l.c.text(
        MARGIN,
        l.y + 4.0,
        SMALL,
        Weight::Regular,
        GREY,
        "Write the weight and reps you did in the Set boxes, e.g. 60 × 8.",
    );
    l.y += 9.0;
    Ok(())
}

/// The amount column's title for one day: what its prescriptions count.
fn amount_title(items: &[Prescription]) -> &'static str {
    let mut measures = items.iter().map(|p| p.measure);
    let first = measures.next().unwrap_or_default();
    match (first, measures.all(|m| m == first)) {
        (Measure::Reps, true) => "Reps",
        (Measure::Seconds, true) => "Time",
        (Measure::Metres, true) => "Distance",
        (_, false) => "Amount",
    }
}

fn table_header(l: &mut Layout, cells: u32, cell_w: f32, amount: &str) {
    let total: f32 = COLUMNS.iter().map(|c| c.width).sum::<f32>() + cells as f32 * cell_w;
    l.c.rect(MARGIN, l.y, total, HEADER_ROW, Some(LIGHT), None);
    let mut x = MARGIN;
    for (i, c) in COLUMNS.iter().enumerate() {
        // The fourth column counts what the day's prescriptions count (reps, time, distance).
        let title = if i == 3 { amount } else { c.title };
        l.c.text(x + 1.2, l.y + 4.5, SMALL, Weight::Bold, BLACK, title);
        x += c.width;
    }
    for i in 0..cells {
        l.c.text(
            x + 1.2,
            l.y + 4.5,
            SMALL,
            Weight::Bold,
            BLACK,
            &format!("Set {}", i + 1),
        );
        x += cell_w;
    }
    l.y += HEADER_ROW;
}

#[allow(clippy::too_many_arguments)]
fn row(
    l: &mut Layout,
    p: &Prescription,
    label: &str,
    name: &[String],
    notes: &[String],
    h: f32,
    cells: u32,
    cell_w: f32,
    unit: LoadUnit,
) {
    let top = l.y;
    let base = top + 4.6;
    let mut x = MARGIN;
    let cols = [
        label.to_owned(),
        String::new(),
        p.sets.to_string(),
        reps_text(p),
        load_text(&p.load, unit),
        p.tempo.clone(),
        rest_text(p),
        String::new(),
    ];
    for (i, c) in COLUMNS.iter().enumerate() {
        match i {
            1 => {
                for (n, line) in name.iter().enumerate() {
                    l.c.text(
                        x + 1.2,
                        base + n as f32 * LINE,
                        BODY,
                        Weight::Regular,
                        BLACK,
                        line,
                    );
                }
            }
            7 => {
                for (n, line) in notes.iter().enumerate() {
                    l.c.text(
                        x + 1.2,
                        base + n as f32 * LINE,
                        SMALL,
                        Weight::Regular,
                        GREY,
                        line,
                    );
                }
            }
            _ => {
                let t = l.c.fit(&cols[i], BODY, Weight::Regular, c.width - 2.0);
                l.c.text(x + 1.2, base, BODY, Weight::Regular, BLACK, &t);
            }
        }
        x += c.width;
    }
    // Blank write-in cells: one per prescribed set, greyed where the row has fewer sets.
    for i in 0..cells {
        let fill = if i < p.sets { None } else { Some(LIGHT) };
        l.c.rect(x + 0.8, top + 1.0, cell_w - 1.6, h - 2.0, fill, Some(RULE));
        x += cell_w;
    }
    l.c.hline(MARGIN, x, top + h, RULE, 0.4);
    l.y += h;
}
