//! Spreadsheet formula neutralisation for exported CSV (CSV/formula injection).
//!
//! Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@`
//! (and some treat a leading tab or carriage return the same way) as a formula, so a
//! client named `=HYPERLINK("http://…")` would become a link or a command in the
//! trainer's spreadsheet. Such cells are written with a leading `'`, which spreadsheets
//! show as text; Spotter's own CSV import takes the `'` off again.

use std::borrow::Cow;

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as written to a CSV file: a `'` in front when a spreadsheet would run it.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell read back from such a file: the `'` that [`neutralise`] added is taken off.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(TRIGGERS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_a_quote_and_lose_it_on_the_way_back() {
        for cell in ["=1+1", "+48 600 100 200", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            let out = neutralise(cell);
            assert_eq!(out, format!("'{cell}"));
            assert_eq!(restore(&out), cell);
        }
        for cell in ["Anna", "", "1+1", "'quoted", "a=b"] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(restore(cell), cell);
        }
    }
}
