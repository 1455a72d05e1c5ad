//! Dates as spreadsheets write them: ISO `1990-12-31`, day first `31.12.1990` /
//! `31/12/1990` / `31-12-1990`, month first (US) `12/31/1990`. Whether a file is day- or
//! month-first is read from its values (a day above 12 settles it); a file whose dates
//! could be read either way is not guessed: the trainer chooses. Dotted dates are day-first
//! wherever they are written, so they need no choice.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How to read a date like `03/04/1990`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DateOrder {
    /// 03/04/1990 is 3 April (Europe, most of the world).
    DayFirst,
    /// 03/04/1990 is 4 March (the US).
    MonthFirst,
}

impl DateOrder {
    /// `dmy`/`day-first` or `mdy`/`month-first`, as typed on the command line.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().replace('_', "-").as_str() {
            "dmy" | "day-first" | "dayfirst" | "dd.mm.yyyy" | "dd/mm/yyyy" => Some(Self::DayFirst),
            "mdy" | "month-first" | "monthfirst" | "mm/dd/yyyy" => Some(Self::MonthFirst),
            _ => None,
        }
    }
}

/// What a date cell looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Iso(i32, u32, u32),
    /// Two numbers and a four-digit year, separated by `sep`: which is the day is the question.
    Numeric {
        a: u32,
        b: u32,
        year: i32,
        sep: char,
    },
    /// Google Contacts' `--12-31`: a birthday without a year.
    NoYear,
    TwoDigitYear,
    Unknown,
}

fn shape(raw: &str) -> Shape {
    let text = raw.trim();
    // An ISO date may carry a time ("1990-12-31T00:00:00", "1990-12-31 00:00").
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    if text.starts_with("--") {
        return Shape::NoYear;
    }
    let sep = match date_part.chars().find(|c| matches!(c, '.' | '/' | '-')) {
        Some(s) => s,
        None => return Shape::Unknown,
    };
    let parts: Vec<&str> = date_part.trim_end_matches('.').split(sep).collect();
    let [p1, p2, p3] = parts.as_slice() else {
        return Shape::Unknown;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(p1) && digits(p2) && digits(p3)) {
        return Shape::Unknown;
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    if p1.len() == 4 && p2.len() <= 2 && p3.len() <= 2 {
        return Shape::Iso(num(p1) as i32, num(p2), num(p3));
    }
    if date_part != text {
        return Shape::Unknown;
    }
    match (p1.len(), p2.len(), p3.len()) {
        (1 | 2, 1 | 2, 4) => Shape::Numeric {
            a: num(p1),
            b: num(p2),
            year: num(p3) as i32,
            sep,
        },
        (1 | 2, 1 | 2, 2) => Shape::TwoDigitYear,
        _ => Shape::Unknown,
    }
}

/// What the values of one date column say about their order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// A value only day-first can read (first number above 12), with its line.
    pub day_first: Option<(u64, String)>,
    /// A value only month-first can read (second number above 12).
    pub month_first: Option<(u64, String)>,
    /// A value that reads differently either way, with its line.
    pub ambiguous: Option<(u64, String)>,
    /// Every ambiguous value uses dots (day-first by convention).
    pub ambiguous_all_dotted: bool,
}

/// Looks at every value of the column.
pub fn gather<'a>(values: impl Iterator<Item = (u64, &'a str)>) -> Evidence {
    let mut ev = Evidence {
        ambiguous_all_dotted: true,
        ..Evidence::default()
    };
    for (line, raw) in values {
        let Shape::Numeric { a, b, sep, .. } = shape(raw) else {
            continue;
        };
        let keep = |slot: &mut Option<(u64, String)>| {
            if slot.is_none() {
                *slot = Some((line, raw.trim().to_owned()));
            }
        };
        if a > 12 && b <= 12 {
            keep(&mut ev.day_first);
        } else if b > 12 && a <= 12 {
            keep(&mut ev.month_first);
        } else if a != b && a <= 12 && b <= 12 {
            keep(&mut ev.ambiguous);
            ev.ambiguous_all_dotted &= sep == '.';
        }
    }
    ev
}

/// The order to read a file's dates in, and the question for the trainer when its values
/// cannot tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub order: Option<DateOrder>,
    pub question: Option<String>,
}

pub fn resolve(chosen: Option<DateOrder>, ev: &Evidence, column: &str) -> Reading {
    let ask = |q: String| Reading {
        order: None,
        question: Some(q),
    };
    let settled = |o| Reading {
        order: Some(o),
        question: None,
    };
    if let Some(o) = chosen {
        return settled(o);
    }
    match (&ev.day_first, &ev.month_first, &ev.ambiguous) {
        (Some((dl, dv)), Some((ml, mv)), _) => ask(format!(
            "Column '{column}' mixes day-first dates ('{dv}' on line {dl}) and month-first dates \
             ('{mv}' on line {ml}); choose how to read them"
        )),
        (Some(_), None, _) => settled(DateOrder::DayFirst),
        (None, Some(_), _) => settled(DateOrder::MonthFirst),
        (None, None, Some(_)) if ev.ambiguous_all_dotted => settled(DateOrder::DayFirst),
        (None, None, Some((line, value))) => ask(format!(
            "Column '{column}': '{value}' on line {line} could be {}; choose how to read the dates",
            both_readings(value)
        )),
        (None, None, None) => Reading {
            order: None,
            question: None,
        },
    }
}

fn both_readings(value: &str) -> String {
    match shape(value) {
        Shape::Numeric { a, b, year, .. } => {
            let show = |d: u32, m: u32| {
                NaiveDate::from_ymd_opt(year, m, d)
                    .map(|x| x.format("%-d %B %Y").to_string())
                    .unwrap_or_else(|| format!("day {d} of month {m}"))
            };
            format!("{} or {}", show(a, b), show(b, a))
        }
        _ => "read two ways".into(),
    }
}

/// The date as `YYYY-MM-DD`, or why it cannot be read (a sentence naming the value).
pub fn to_iso(raw: &str, order: Option<DateOrder>) -> Result<String, String> {
    let value = raw.trim();
    let date = |y: i32, m: u32, d: u32, how: &str| {
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|x| x.format("%Y-%m-%d").to_string())
            .ok_or_else(|| format!("Date of birth '{value}' is not a date{how}"))
    };
    match shape(value) {
        Shape::Iso(y, m, d) => date(y, m, d, ""),
        Shape::Numeric { a, b, year, .. } if a == b => date(year, a, a, ""),
        Shape::Numeric { a, b, year, .. } => match order {
            Some(DateOrder::DayFirst) => date(year, b, a, " when read day first"),
            Some(DateOrder::MonthFirst) => date(year, a, b, " when read month first (US)"),
            None => Err(format!(
                "Date of birth '{value}' could be {}; choose the date order",
                both_readings(value)
            )),
        },
        Shape::NoYear => Err(format!(
            "Date of birth '{value}' has no year; add the year or leave the cell empty"
        )),
        Shape::TwoDigitYear => Err(format!(
            "Date of birth '{value}' has a two-digit year; write the year with four digits"
        )),
        Shape::Unknown => Err(format!(
            "Date of birth '{value}' is not a date; write it as 31.12.1990, 31/12/1990, 12/31/1990 or 1990-12-31"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("1990-12-31"), Shape::Iso(1990, 12, 31));
        assert_eq!(shape("1990-12-31T00:00:00"), Shape::Iso(1990, 12, 31));
        assert_eq!(
            shape("3.4.1990"),
            Shape::Numeric {
                a: 3,
                b: 4,
                year: 1990,
                sep: '.'
            }
        );
        assert_eq!(shape("--12-31"), Shape::NoYear);
        assert_eq!(shape("12/31/90"), Shape::TwoDigitYear);
        assert_eq!(shape("31 Dec 1990"), Shape::Unknown);
        assert_eq!(shape("12/31/1990 10:00"), Shape::Unknown);
    }

    #[test]
    fn readings_never_guess_between_two_real_dates() {
        assert_eq!(
            to_iso("31.12.1990", Some(DateOrder::DayFirst)).as_deref(),
            Ok("1990-12-31")
        );
        assert_eq!(
            to_iso("12/31/1990", Some(DateOrder::MonthFirst)).as_deref(),
            Ok("1990-12-31")
        );
        assert!(to_iso("12/31/1990", Some(DateOrder::DayFirst)).is_err());
        assert_eq!(to_iso("05/05/1990", None).as_deref(), Ok("1990-05-05"));
        let err = to_iso("03/04/1990", None).unwrap_err();
        assert!(err.contains("3 April 1990 or 4 March 1990"), "{err}");
    }
}
