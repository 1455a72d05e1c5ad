//! `spotter-cli clients import`: what the app's import dialog offers, as flags. The
//! separator and the date order are detected unless given, columns are guessed from the
//! header unless mapped with `--map COLUMN=field`, `--dry-run` prints each row's outcome,
//! and every invalid row is named by line, column and value.

use std::path::PathBuf;

use clap::Args;
use spotter_core::import::{
    self, CsvDelimiter, CsvField, CsvOptions, CsvPreview, DateOrder, ImportReport,
};
use spotter_store::{AppError, Database, ErrorCode};

#[derive(Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// The separator: comma, semicolon or tab (default: detected from the file).
    #[arg(long, value_name = "SEP")]
    delimiter: Option<String>,
    /// Map a column (its header, or its number from 1) to a field, e.g. --map "Vorname=firstName"
    /// or --map 3=ignore. Repeatable. Fields: name, firstName, lastName, email, phone,
    /// dateOfBirth, goals, notes, tags, archived, emergencyContactName, emergencyContactPhone,
    /// fitnessLevel, injuries, bodyAreas, preferredTimes, paused.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// How to read dates like 03/04/1990: dmy (day first) or mdy (month first, US).
    /// Default: detected from the values; asked for when they cannot tell.
    #[arg(long, value_name = "dmy|mdy")]
    date_order: Option<String>,
    /// Check every row and print its outcome without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// Import the valid rows and leave the invalid ones out (default: all rows or none).
    #[arg(long)]
    valid_rows_only: bool,
    /// Import rows with the email or phone of an existing client too (default: skipped).
    #[arg(long)]
    import_duplicates: bool,
    /// Print the report (with --dry-run: every row) as JSON.
    #[arg(long)]
    json: bool,
}

fn flag_error(flag: &str, message: String) -> AppError {
    AppError::validation(flag, message)
}

/// The column a `--map` names: its number from 1, else its header (any case, any accents).
fn find_column(headers: &[String], key: &str) -> Option<usize> {
    let key = key.trim();
    if let Ok(n) = key.parse::<usize>() {
        return (1..=headers.len()).contains(&n).then(|| n - 1);
    }
    headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(key))
        .or_else(|| {
            let wanted = import::headers::normalise(key);
            headers
                .iter()
                .position(|h| import::headers::normalise(h) == wanted)
        })
}

/// The guessed mapping with each `--map` applied (a field moved to a column leaves the
/// column that had it).
fn mapping_with(
    headers: &[String],
    mut mapping: Vec<Option<CsvField>>,
    maps: &[String],
) -> Result<Vec<Option<CsvField>>, AppError> {
    for spec in maps {
        let Some((column, field)) = spec.rsplit_once('=') else {
            return Err(flag_error(
                "map",
                format!("--map '{spec}' needs the form COLUMN=field, e.g. \"Vorname=firstName\""),
            ));
        };
        let Some(i) = find_column(headers, column) else {
            return Err(flag_error(
                "map",
                format!(
                    "--map '{spec}': the file has no column '{}'; its columns are: {}",
                    column.trim(),
                    headers.join(", ")
                ),
            ));
        };
        let field = match field.trim().to_lowercase().as_str() {
            "ignore" | "none" | "-" | "" => None,
            _ => Some(CsvField::parse(field).ok_or_else(|| {
                let names: Vec<&str> = CsvField::ALL.iter().map(|f| f.key()).collect();
                flag_error(
                    "map",
                    format!(
                        "--map '{spec}': '{}' is not a field; use one of {} or ignore",
                        field.trim(),
                        names.join(", ")
                    ),
                )
            })?),
        };
        for (j, slot) in mapping.iter_mut().enumerate() {
            if j == i {
                *slot = field;
            } else if field.is_some() && *slot == field {
                *slot = None;
            }
        }
    }
    Ok(mapping)
}

fn options(args: &ImportArgs, bytes: &[u8]) -> Result<CsvOptions, AppError> {
    let delimiter = match &args.delimiter {
        Some(text) => Some(CsvDelimiter::parse(text).ok_or_else(|| {
            flag_error(
                "delimiter",
                format!("--delimiter '{text}': use comma, semicolon or tab"),
            )
        })?),
        None => None,
    };
    let date_order = match &args.date_order {
        Some(text) => Some(DateOrder::parse(text).ok_or_else(|| {
            flag_error(
                "date-order",
                format!("--date-order '{text}': use dmy (31/12/1990) or mdy (12/31/1990)"),
            )
        })?),
        None => None,
    };
    let mapping = if args.map.is_empty() {
        None
    } else {
        let (_, headers, guessed) = import::read_columns(bytes, delimiter)?;
        Some(mapping_with(&headers, guessed, &args.map)?)
    };
    Ok(CsvOptions {
        delimiter,
        mapping,
        date_order,
        import_duplicates: args.import_duplicates,
        valid_rows_only: args.valid_rows_only,
    })
}

fn delimiter_name(d: CsvDelimiter) -> &'static str {
    match d {
        CsvDelimiter::Comma => "comma",
        CsvDelimiter::Semicolon => "semicolon",
        CsvDelimiter::Tab => "tab",
    }
}

/// How the file is read: separator, columns, dates (to stderr, so stdout stays the rows).
fn describe(preview: &CsvPreview, args: &ImportArgs) {
    let how = |given: bool| if given { "chosen" } else { "detected" };
    eprintln!(
        "separator: {} ({})",
        delimiter_name(preview.delimiter),
        how(args.delimiter.is_some())
    );
    for (header, field) in preview.headers.iter().zip(&preview.mapping) {
        eprintln!(
            "column '{header}' → {}",
            field.map_or("ignored", |f| f.key())
        );
    }
    match (preview.date_order, &preview.date_question) {
        (Some(DateOrder::DayFirst), _) => {
            eprintln!("dates: day first ({})", how(args.date_order.is_some()))
        }
        (Some(DateOrder::MonthFirst), _) => {
            eprintln!("dates: month first ({})", how(args.date_order.is_some()))
        }
        (None, Some(q)) => eprintln!("dates: {q} with --date-order dmy or mdy"),
        (None, None) => {}
    }
}

fn error_line(e: &import::RowError) -> String {
    let mut place = format!("line {}", e.line);
    if let Some(column) = &e.column {
        place.push_str(&format!(", column '{column}'"));
    }
    match &e.value {
        Some(v) if !e.message.contains(v.as_str()) || v.is_empty() => {
            place.push_str(&format!(", value '{v}'"))
        }
        _ => {}
    }
    format!("{place}: {}", e.message)
}

/// One line per row: `line N<TAB>outcome<TAB>details`.
fn print_rows(preview: &CsvPreview, args: &ImportArgs) {
    for row in &preview.sample {
        let error = preview.report.errors.iter().find(|e| e.line == row.line);
        match (error, &row.duplicate_of) {
            (Some(e), _) => println!("line {}\tinvalid\t{}", row.line, error_line(e)),
            (None, Some(of)) => println!(
                "line {}\tduplicate\t{} is like {of}; {}",
                row.line,
                row.name,
                if args.import_duplicates {
                    "imported too"
                } else {
                    "skipped"
                }
            ),
            (None, None) => println!(
                "line {}\tready\t{}\t{}\t{}\t{}",
                row.line,
                row.name,
                or_dash(&row.email),
                or_dash(&row.phone),
                or_dash(&row.date_of_birth)
            ),
        }
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::internal(format!("cannot encode JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

fn summary(report: &ImportReport, dry_run: bool) -> String {
    let mut text = format!(
        "{} rows read, {} {}",
        report.rows,
        if dry_run {
            report
                .rows
                .saturating_sub(report.errors.len() as u64 + report.skipped_duplicates)
        } else {
            report.imported
        },
        if dry_run {
            "would be imported (dry run)"
        } else {
            "clients imported"
        }
    );
    if report.skipped_duplicates > 0 {
        text.push_str(&format!(
            ", {} duplicates skipped",
            report.skipped_duplicates
        ));
    }
    if report.skipped_invalid > 0 {
        text.push_str(&format!(
            ", {} invalid rows left out",
            report.skipped_invalid
        ));
    }
    text
}

pub async fn run(args: ImportArgs, db: &Database) -> Result<(), AppError> {
    let file = std::fs::File::open(&args.file)
        .map_err(|e| AppError::io(&format!("cannot open {}", args.file.display()), e))?;
    let bytes = import::read_limited(file)?;
    let options = options(&args, &bytes)?;
    let report = if args.dry_run {
        let preview = import::preview_csv(db, &bytes, &options, usize::MAX).await?;
        if let Some(why) = &preview.mapping_error {
            describe(&preview, &args);
            return Err(AppError::new(
                ErrorCode::InvalidFile,
                format!("{why} (with --map COLUMN=field)"),
            ));
        }
        if args.json {
            print_json(&preview)?;
        } else {
            describe(&preview, &args);
            print_rows(&preview, &args);
        }
        preview.report
    } else {
        let report = import::import_csv(db, &bytes, &options, false).await?;
        if args.json {
            print_json(&report)?;
        } else {
            for e in &report.errors {
                eprintln!("{}", error_line(e));
            }
        }
        report
    };
    if !args.json {
        println!("{}", summary(&report, args.dry_run));
    }
    if !report.errors.is_empty() && !args.valid_rows_only {
        let undecided = report
            .errors
            .iter()
            .any(|e| e.message.contains("choose the date order"));
        return Err(AppError::new(
            ErrorCode::InvalidFile,
            format!(
                "{} invalid rows; nothing was imported ({}fix them, or use --valid-rows-only)",
                report.errors.len(),
                if undecided {
                    "choose how to read the dates with --date-order dmy or mdy, "
                } else {
                    ""
                }
            ),
        ));
    }
    Ok(())
}
