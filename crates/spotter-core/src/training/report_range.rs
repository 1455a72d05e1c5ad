//! The period a progress report covers, as the trainer picks it (either end may be left
//! open): checked here, then applied to what the report shows — measurements, 1RM points,
//! adherence weeks and the trainer's notes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::progress::ClientProgress;
use crate::clients::record::{ClientNote, Measurement};
use crate::schedule::zoned::parse_date;
use spotter_store::time::today_utc;
use spotter_store::{AppError, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportRange {
    /// First day included (`YYYY-MM-DD`); empty or null: from the first record.
    #[ts(optional = nullable)]
    pub from: Option<String>,
    /// Last day included; empty or null: up to today.
    #[ts(optional = nullable)]
    pub to: Option<String>,
}

/// A checked range: days compare as `YYYY-MM-DD` text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ReportRange {
    pub fn check(&self) -> Result<Period> {
        let day = |field: &str, raw: &Option<String>| -> Result<Option<NaiveDate>> {
            match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(s) => parse_date(field, s).map(Some),
                None => Ok(None),
            }
        };
        let (from, to) = (day("from", &self.from)?, day("to", &self.to)?);
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(AppError::validation(
                    "to",
                    "The report must end on or after the day it starts",
                ));
            }
        }
        if from.is_some_and(|f| f > today_utc()) {
            return Err(AppError::validation(
                "from",
                "The report cannot start in the future",
            ));
        }
        Ok(Period { from, to })
    }
}

impl Period {
    /// Whether a date (or a timestamp, by its date) falls in the period.
    pub fn contains(&self, date: &str) -> bool {
        let day = date.get(..10).unwrap_or(date);
        let ymd = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        self.from.is_none_or(|f| day >= ymd(f).as_str())
            && self.to.is_none_or(|t| day <= ymd(t).as_str())
    }

    /// "1 Sep 2026 – 4 Dec 2026", "from 1 Sep 2026", "until 4 Dec 2026"; None for all time.
    pub fn label(&self, dates: &crate::datefmt::DateFormatter) -> Option<String> {
        let f = |d: NaiveDate| dates.date(d);
        match (self.from, self.to) {
            (Some(a), Some(b)) => Some(format!("{} – {}", f(a), f(b))),
            (Some(a), None) => Some(format!("from {}", f(a))),
            (None, Some(b)) => Some(format!("until {}", f(b))),
            (None, None) => None,
        }
    }

    pub fn measurements(&self, all: Vec<Measurement>) -> Vec<Measurement> {
        all.into_iter()
            .filter(|m| self.contains(&m.measured_on))
            .collect()
    }

    pub fn notes(&self, all: Vec<ClientNote>) -> Vec<ClientNote> {
        all.into_iter()
            .filter(|n| self.contains(&n.created_at))
            .collect()
    }

    /// 1RM points and adherence weeks in the period; records stay all-time bests.
    pub fn progress(&self, mut p: ClientProgress) -> ClientProgress {
        for s in &mut p.e1rm {
            s.points.retain(|pt| self.contains(&pt.date));
        }
        p.e1rm.retain(|s| !s.points.is_empty());
        p.weekly_volume.retain(|w| self.contains(&w.week_start));
        p.adherence.retain(|w| self.contains(&w.week_start));
        p
    }
}
