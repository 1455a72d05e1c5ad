//! Gathering a document's data from the database and rendering it: what the app's commands
//! and `spotter-cli plan pdf` / `client report` call.

use spotter_core::clients::record;
use spotter_core::datefmt::DateFormatter;
use spotter_core::settings::{self, Paper, Units};
use spotter_core::training::report_range::ReportRange;
use spotter_core::training::{plans, progress};
use spotter_files::upload::FileUpload;
use spotter_store::time::today_utc;
use spotter_store::{AppError, Database, ErrorCode, Result};

use crate::canvas::PageSize;
use crate::{plan_pdf, report_pdf, Branding, LoadUnit};

/// Logos larger than this are refused: a print logo needs far less.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

struct Prefs {
    branding: Branding,
    dates: DateFormatter,
    paper: PageSize,
    unit: LoadUnit,
}

async fn prefs(db: &Database) -> Result<Prefs> {
    let s = settings::get(db).await?;
    Ok(Prefs {
        dates: DateFormatter::from_settings(&s),
        branding: Branding {
            studio_name: s.studio_name,
            logo: settings::logo(db).await?,
        },
        paper: match s.paper {
            Paper::A4 => PageSize::A4,
            Paper::Letter => PageSize::LETTER,
        },
        unit: match s.units {
            Units::Metric => LoadUnit::Kg,
            Units::Imperial => LoadUnit::Lb,
        },
    })
}

fn render_error(e: String) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("The PDF could not be made: {e}"),
    )
}

pub async fn plan_pdf(db: &Database, plan_id: &str) -> Result<Vec<u8>> {
    let plan = plans::get(db, plan_id).await?;
    let p = prefs(db).await?;
    plan_pdf::render(&plan_pdf::PlanDoc {
        plan: &plan,
        client_name: plan.client_name.as_deref(),
        branding: &p.branding,
        paper: p.paper,
        unit: p.unit,
        printed_on: today_utc(),
        dates: &p.dates,
    })
    .map_err(render_error)
}

/// The progress report over the client's whole history.
pub async fn report_pdf(db: &Database, client_id: &str) -> Result<Vec<u8>> {
    report_pdf_for(db, client_id, &ReportRange::default()).await
}

/// The progress report over a period the trainer picked, with their notes from it.
pub async fn report_pdf_for(
    db: &Database,
    client_id: &str,
    range: &ReportRange,
) -> Result<Vec<u8>> {
    let period = range.check()?;
    let client = spotter_core::clients::get(db, client_id).await?;
    let measurements = period.measurements(record::measurements(db, &client.id).await?);
    let progress = period.progress(progress::client_progress(db, &client.id).await?);
    let mut notes = period.notes(record::notes(db, &client.id).await?);
    notes.reverse(); // oldest first, as a record reads
    let p = prefs(db).await?;
    report_pdf::render(&report_pdf::ReportDoc {
        client_name: &client.name,
        period: period.label(&p.dates),
        measurements: &measurements,
        progress: &progress,
        notes: &notes,
        branding: &p.branding,
        paper: p.paper,
        unit: p.unit,
        printed_on: today_utc(),
        dates: &p.dates,
    })
    .map_err(render_error)
}

/// Checks that an upload is a PNG or JPEG this crate can print, then stores it as the logo.
pub async fn set_logo(db: &Database, upload: Option<&FileUpload>) -> Result<()> {
    let Some(upload) = upload else {
        return settings::set_logo(db, None).await;
    };
    let bytes = upload.bytes(MAX_LOGO_BYTES).map_err(|e| AppError {
        field: Some("logo".into()),
        ..e
    })?;
    let is_png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
    let is_jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
    if !is_png && !is_jpeg {
        return Err(AppError::validation(
            "logo",
            format!("{} is not a PNG or JPEG image", display_name(upload)),
        ));
    }
    printpdf::RawImage::decode_from_bytes(&bytes, &mut Vec::new()).map_err(|_| {
        AppError::validation(
            "logo",
            format!(
                "{} looks like an image but could not be read; save it again as PNG",
                display_name(upload)
            ),
        )
    })?;
    settings::set_logo(db, Some(&bytes)).await
}

fn display_name(u: &FileUpload) -> String {
    if u.name.trim().is_empty() {
        "The file".to_owned()
    } else {
        u.name.trim().to_owned()
    }
}

/// Writes a PDF to the trainer's path: a `.pdf` file, never replacing one they did not agree
/// to replace (`replace` is the path they confirmed), through a temporary file so a failure
/// leaves no half document. Returns the path written.
pub fn write_pdf(path: &str, replace: Option<&str>, bytes: &[u8]) -> Result<String> {
    use spotter_files::target::{ExportKind, ExportTarget};
    ExportTarget::check(ExportKind::Pdf, path, replace)?.write(bytes)
}
