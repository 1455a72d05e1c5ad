//! The CSV file as a table of text: size limit, encoding (UTF-8, with or without Excel's
//! byte-order mark; UTF-16 named as such), the separator (comma, semicolon or tab, detected
//! from the file unless the trainer chose one), quoted cells with separators, quotes and
//! line breaks inside. Rows keep the line they start on, the header being line 1.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::MAX_CSV_BYTES;
use spotter_store::{AppError, ErrorCode, Result};

/// The character between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvDelimiter {
    Comma,
    /// What Excel writes where the comma is the decimal mark (Germany, France, Spain, Italy …).
    Semicolon,
    Tab,
}

impl CsvDelimiter {
    pub const ALL: [CsvDelimiter; 3] = [Self::Comma, Self::Semicolon, Self::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Self::Comma => b',',
            Self::Semicolon => b';',
            Self::Tab => b'\t',
        }
    }

    /// `comma`, `semicolon`, `tab` or the character itself, as typed on the command line.
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_lowercase().as_str() {
            "comma" | "," => Some(Self::Comma),
            "semicolon" | ";" => Some(Self::Semicolon),
            "tab" | "\t" | "\\t" => Some(Self::Tab),
            _ => None,
        }
    }
}

pub struct Table {
    pub headers: Vec<String>,
    /// (line, cells), blank rows left out.
    pub rows: Vec<(u64, Vec<String>)>,
    pub delimiter: CsvDelimiter,
}

fn bad(msg: String) -> AppError {
    AppError::new(ErrorCode::InvalidFile, msg)
}

/// The bytes without a UTF-8 byte-order mark; UTF-16 refused with the fix.
fn body(bytes: &[u8]) -> Result<&[u8]> {
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(bad(format!(
            "the CSV file is larger than {} MB; split it into smaller files",
            MAX_CSV_BYTES / 1024 / 1024
        )));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(bad(
            "the file is UTF-16 text; save it as UTF-8 (in Excel: \"CSV UTF-8\") and try again"
                .into(),
        ));
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

fn reader(body: &[u8], delimiter: CsvDelimiter) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .trim(csv::Trim::All)
        .delimiter(delimiter.byte())
        .from_reader(body)
}

/// The separator that splits the first rows into the same number of cells (more than one),
/// preferring more columns; a one-column file is comma-separated.
fn detect(body: &[u8]) -> CsvDelimiter {
    let mut best = (CsvDelimiter::Comma, (false, 0usize, 0usize));
    for delimiter in CsvDelimiter::ALL {
        let mut records = reader(body, delimiter).into_byte_records();
        let header_len = match records.next() {
            Some(Ok(r)) => r.len(),
            _ => continue,
        };
        let consistent = records
            .take(50)
            .filter_map(|r| r.ok())
            .filter(|r| r.len() == header_len)
            .count();
        let score = (header_len > 1, consistent, header_len);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// A cell as text; a line break inside a quoted cell is kept as `\n` whatever the file used.
fn text(raw: &[u8], line: u64) -> Result<String> {
    let text = String::from_utf8(raw.to_vec()).map_err(|_| {
        bad(if line <= 1 {
            "the header row is not UTF-8 text; save the file as UTF-8 and try again".into()
        } else {
            format!("line {line} is not UTF-8 text; save the file as UTF-8 and try again")
        })
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

pub fn read(bytes: &[u8], chosen: Option<CsvDelimiter>) -> Result<Table> {
    let body = body(bytes)?;
    let delimiter = chosen.unwrap_or_else(|| detect(body));
    let mut records = reader(body, delimiter).into_byte_records();
    let headers = match records.next() {
        Some(Ok(r)) => r
            .iter()
            .map(|h| text(h, 1))
            .collect::<Result<Vec<String>>>()?,
        Some(Err(e)) => return Err(bad(format!("cannot read the CSV header: {e}"))),
        None => Vec::new(),
    };
    if headers.iter().all(String::is_empty) {
        return Err(bad("the CSV file is empty or has no header row".into()));
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::default();
    for record in records {
        let record = record.map_err(|e| bad(format!("the CSV is malformed: {e}")))?;
        let line = lines.line_at(body, record.position().map_or(0, |p| p.byte()));
        let values = record
            .iter()
            .map(|raw| text(raw, line.max(2)))
            .collect::<Result<Vec<String>>>()?;
        if values.iter().all(String::is_empty) {
            continue;
        }
        rows.push((line, values));
    }
    Ok(Table {
        headers,
        rows,
        delimiter,
    })
}

/// The file line a record starts on. The csv crate's own line count is one short after a
/// CRLF (a record's position is taken before the `\n` of the previous line's `\r\n`), so
/// lines are counted here: the line ends before the record's first byte, blank lines skipped.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    fn line_at(&mut self, body: &[u8], position: u64) -> u64 {
        let mut start = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(body.len());
        while matches!(body.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.offset {
            let seen = body.get(self.offset..start).unwrap_or_default();
            // A line ends with \n, \r\n or a lone \r (the csv crate accepts all three).
            let lone_cr = seen
                .iter()
                .enumerate()
                .filter(|(i, b)| **b == b'\r' && seen.get(i + 1) != Some(&b'\n'))
                .count();
            self.newlines += (seen.iter().filter(|b| **b == b'\n').count() + lone_cr) as u64;
            self.offset = start;
        }
        self.newlines + 1
    }
}
