//! The date in what a trainer types into Ctrl+K: "today", "tomorrow", "yesterday",
//! "2026-12-04", "4.12." / "4.12.2026" (day first, as dotted dates always are), and a month
//! name with a day ("4 dec", "December 4", "dec 4 2026"). Everything else is left as words.

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month from its name or an abbreviation of three letters or more ("sept", "dec").
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

fn day_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    let w = word.trim_end_matches([',', '.']);
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// A dotted date: "4.12." or "4.12.2026" (the year defaults to `today`'s).
fn dotted(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = word.split('.').collect();
    let (d, m, y) = match parts.as_slice() {
        [d, m] | [d, m, ""] => (d, m, today.year()),
        [d, m, y] => (d, m, year_number(y)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// Splits the text into a date (if one is there) and the other words.
pub fn split_date(text: &str, today: NaiveDate) -> (Option<NaiveDate>, Vec<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut used = vec![false; words.len()];
    let mut date = None;
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let single = match lower.as_str() {
            "today" => Some(today),
            "tomorrow" => today.succ_opt(),
            "yesterday" => today.pred_opt(),
            _ => NaiveDate::parse_from_str(&lower, "%Y-%m-%d")
                .ok()
                .or_else(|| lower.contains('.').then(|| dotted(&lower, today)).flatten()),
        };
        if let Some(d) = single {
            date = Some(d);
            used[i] = true;
            break;
        }
        // A month name with a day next to it, and maybe a year after both.
        if let Some(m) = month(&lower) {
            let around = [(i + 1, i + 2), (i.wrapping_sub(1), i + 1)];
            if let Some((di, yi)) = around
                .into_iter()
                .find(|(di, _)| words.get(*di).and_then(|w| day_number(w)).is_some())
            {
                let day = words.get(di).and_then(|w| day_number(w)).unwrap_or(1);
                let year = words.get(yi).and_then(|w| year_number(w));
                if let Some(d) = NaiveDate::from_ymd_opt(year.unwrap_or(today.year()), m, day) {
                    date = Some(d);
                    used[i] = true;
                    used[di] = true;
                    if year.is_some() {
                        used[yi] = true;
                    }
                    break;
                }
            }
        }
    }
    let rest = words
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(w, _)| (*w).to_owned())
        .collect();
    (date, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_are_found_and_the_other_words_kept() {
        let today = d("2026-12-03");
        let cases = [
            ("anna tomorrow", Some("2026-12-04"), vec!["anna"]),
            (
                "Anna Schmidt 2026-11-30",
                Some("2026-11-30"),
                vec!["Anna", "Schmidt"],
            ),
            ("ben 4.12.", Some("2026-12-04"), vec!["ben"]),
            ("ben 4.12.2025", Some("2025-12-04"), vec!["ben"]),
            ("4 dec anna", Some("2026-12-04"), vec!["anna"]),
            ("anna December 24th 2027", Some("2027-12-24"), vec!["anna"]),
            ("may", None, vec!["may"]),
            ("anna", None, vec!["anna"]),
            ("31.2.", None, vec!["31.2."]),
        ];
        for (text, date, rest) in cases {
            let (found, words) = split_date(text, today);
            assert_eq!(found, date.map(d), "{text}");
            assert_eq!(words, rest, "{text}");
        }
    }
}
