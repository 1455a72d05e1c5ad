//! How dates and times read for people: one formatter fed by the trainer's setting (locale,
//! 24- or 12-hour clock). The locales live in `data/date_formats.json`, which the UI reads
//! too, so a date reads the same on screen and in the PDFs. Files (CSV, ICS, JSON) never use
//! this: they carry ISO dates.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::Deserialize;

use crate::settings::{Clock, Settings};

const FORMATS_JSON: &str = include_str!("../data/date_formats.json");

/// One locale's patterns and names, as in `data/date_formats.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocaleFormat {
    pub id: String,
    pub label: String,
    pub date: String,
    pub weekday_date: String,
    pub day_month: String,
    pub month_year: String,
    pub months: Vec<String>,
    pub months_long: Vec<String>,
    pub weekdays: Vec<String>,
    pub am: String,
    pub pm: String,
    pub clock: Clock,
}

#[derive(Deserialize)]
struct FormatFile {
    locales: Vec<LocaleFormat>,
}

/// Every locale Spotter offers; the first is the default.
pub fn locales() -> &'static [LocaleFormat] {
    static LOCALES: OnceLock<Vec<LocaleFormat>> = OnceLock::new();
    LOCALES.get_or_init(|| {
        // The file is part of the binary and checked by the tests below; an unreadable one
        // would be a build mistake, so it falls back to no locales rather than a panic.
        serde_json::from_str::<FormatFile>(FORMATS_JSON)
            .map(|f| f.locales)
            .unwrap_or_default()
    })
}

pub fn is_known_locale(id: &str) -> bool {
    locales().iter().any(|l| l.id == id)
}

/// Formats dates and times the way the trainer chose.
#[derive(Debug, Clone)]
pub struct DateFormatter {
    locale: LocaleFormat,
    clock: Clock,
}

fn fallback_locale() -> LocaleFormat {
    LocaleFormat {
        id: "iso".into(),
        label: "ISO 8601".into(),
        date: "{yyyy}-{MM}-{dd}".into(),
        weekday_date: "{EEE} {yyyy}-{MM}-{dd}".into(),
        day_month: "{MM}-{dd}".into(),
        month_year: "{yyyy}-{MM}".into(),
        months: Vec::new(),
        months_long: Vec::new(),
        weekdays: Vec::new(),
        am: "AM".into(),
        pm: "PM".into(),
        clock: Clock::H24,
    }
}

impl DateFormatter {
    pub fn new(locale: &str, clock: Clock) -> Self {
        let locale = locales()
            .iter()
            .find(|l| l.id == locale)
            .or_else(|| locales().first())
            .cloned()
            .unwrap_or_else(fallback_locale);
        DateFormatter { locale, clock }
    }

    pub fn from_settings(settings: &Settings) -> Self {
        Self::new(&settings.locale, settings.clock)
    }

    fn fill(&self, pattern: &str, d: NaiveDate) -> String {
        let month0 = d.month0() as usize;
        let weekday = d.weekday().num_days_from_monday() as usize;
        let name =
            |list: &[String], i: usize, fallback: String| list.get(i).cloned().unwrap_or(fallback);
        pattern
            .replace("{dd}", &format!("{:02}", d.day()))
            .replace("{d}", &d.day().to_string())
            .replace(
                "{MMMM}",
                &name(&self.locale.months_long, month0, d.format("%B").to_string()),
            )
            .replace(
                "{MMM}",
                &name(&self.locale.months, month0, d.format("%b").to_string()),
            )
            .replace("{MM}", &format!("{:02}", d.month()))
            .replace("{yyyy}", &d.year().to_string())
            .replace(
                "{EEE}",
                &name(&self.locale.weekdays, weekday, d.format("%a").to_string()),
            )
    }

    /// "4 Dec 2026", "Dec 4, 2026", "2026-12-04" …
    pub fn date(&self, d: NaiveDate) -> String {
        self.fill(&self.locale.date, d)
    }

    /// "Fri 4 Dec 2026", "Fri, Dec 4, 2026" …
    pub fn weekday_date(&self, d: NaiveDate) -> String {
        self.fill(&self.locale.weekday_date, d)
    }

    /// "Dec 2026" (chart axes).
    pub fn month_year(&self, d: NaiveDate) -> String {
        self.fill(&self.locale.month_year, d)
    }

    /// "4 Dec", "Dec 4".
    pub fn day_month(&self, d: NaiveDate) -> String {
        self.fill(&self.locale.day_month, d)
    }

    /// "17:05" or "5:05 PM".
    pub fn time(&self, t: NaiveTime) -> String {
        match self.clock {
            Clock::H24 => format!("{:02}:{:02}", t.hour(), t.minute()),
            Clock::H12 => {
                let (pm, h) = t.hour12();
                let mark = if pm { &self.locale.pm } else { &self.locale.am };
                format!("{h}:{:02} {mark}", t.minute())
            }
        }
    }

    /// A `YYYY-MM-DD` text as a date for people; anything else is returned as it is.
    pub fn iso_date(&self, raw: &str) -> String {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(|d| self.date(d))
            .unwrap_or_else(|_| raw.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_locale_in_the_file_is_complete() {
        assert!(locales().len() >= 5, "the format file did not load");
        assert_eq!(locales()[0].id, "en-GB");
        for l in locales() {
            assert_eq!(l.months.len(), 12, "{}", l.id);
            assert_eq!(l.months_long.len(), 12, "{}", l.id);
            assert_eq!(l.weekdays.len(), 7, "{}", l.id);
        }
    }

    #[test]
    fn dates_read_as_the_locale_writes_them() {
        let day = d(2026, 3, 5);
        assert_eq!(
            DateFormatter::new("en-GB", Clock::H24).date(day),
            "5 Mar 2026"
        );
        assert_eq!(
            DateFormatter::new("en-US", Clock::H12).date(day),
            "Mar 5, 2026"
        );
        assert_eq!(
            DateFormatter::new("de-DE", Clock::H24).date(day),
            "5. März 2026"
        );
        assert_eq!(
            DateFormatter::new("fr-FR", Clock::H24).weekday_date(day),
            "jeu. 5 mars 2026"
        );
        assert_eq!(
            DateFormatter::new("iso", Clock::H24).date(day),
            "2026-03-05"
        );
        assert_eq!(
            DateFormatter::new("en-US", Clock::H12).weekday_date(day),
            "Thu, Mar 5, 2026"
        );
        // An unknown locale (a hand-edited setting) reads as the default, never fails.
        assert_eq!(DateFormatter::new("xx", Clock::H24).date(day), "5 Mar 2026");
    }

    #[test]
    fn the_clock_setting_decides_the_time() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let h24 = DateFormatter::new("en-US", Clock::H24);
        let h12 = DateFormatter::new("en-US", Clock::H12);
        assert_eq!(h24.time(t(17, 5)), "17:05");
        assert_eq!(h12.time(t(17, 5)), "5:05 PM");
        assert_eq!(h12.time(t(0, 30)), "12:30 AM");
        assert_eq!(h12.time(t(12, 0)), "12:00 PM");
        assert_eq!(
            DateFormatter::new("en-GB", Clock::H12).time(t(9, 0)),
            "9:00 am"
        );
    }
}
