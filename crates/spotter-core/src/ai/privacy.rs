//! Pseudonymising what leaves the machine.
//!
//! Before a prompt is sent, every client and trainer name, email address, phone number and
//! birth date in it is replaced: clients become "Client A", "Client B" …, trainers
//! "Trainer 1" …, emails "[email]", phones "[phone]", birth dates are never put in (an age
//! is), and a birth date that slipped into free text becomes "[date of birth]". Emails and
//! phone-like digit runs are replaced even when they belong to nobody we know.
//! [`Pseudonyms::restore`] turns the labels back into names for the trainer's eyes only.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use regex::{Regex, RegexBuilder};

use crate::clients::Client;

static EMAIL: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}").expect("email pattern")
});
// A phone: an optional +, then at least 7 digits with spaces, dots, dashes or brackets between.
static PHONE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"\+?\(?\d(?:[\d\s().\-/]{5,}\d)").expect("phone pattern")
});

#[derive(Debug, Default, Clone)]
pub struct Pseudonyms {
    /// Lower-cased needle → replacement, for names.
    names: HashMap<String, String>,
    /// Label → the real name, for [`Self::restore`].
    labels: Vec<(String, String)>,
    birth_dates: Vec<String>,
    matcher: Option<Regex>,
    clients: HashMap<String, String>,
    trainers: usize,
}

impl Pseudonyms {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a client and returns its label ("Client A").
    pub fn add_client(&mut self, client: &Client) -> String {
        if let Some(label) = self.clients.get(&client.id) {
            return label.clone();
        }
        let label = format!("Client {}", letters(self.clients.len()));
        self.clients.insert(client.id.clone(), label.clone());
        self.add_name(&client.name, &label);
        if let Some(contact) = &client.emergency_contact_name {
            self.add_name(contact, "[emergency contact]");
        }
        if let Some(dob) = &client.date_of_birth {
            self.birth_dates.push(dob.clone());
        }
        label
    }

    /// Registers a trainer and returns its label ("Trainer 1").
    pub fn add_trainer(&mut self, name: &str) -> String {
        self.trainers += 1;
        let label = format!("Trainer {}", self.trainers);
        self.add_name(name, &label);
        label
    }

    pub fn label_of(&self, client_id: &str) -> Option<&str> {
        self.clients.get(client_id).map(String::as_str)
    }

    fn add_name(&mut self, name: &str, label: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.labels.push((label.to_owned(), name.to_owned()));
        self.names.insert(name.to_lowercase(), label.to_owned());
        // "Zoë" and "Łukasiewicz" alone give her away too. Very short parts ("Li") would
        // hit ordinary words, so only the full name covers them.
        for part in name.split_whitespace() {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().count() >= 3 {
                self.names
                    .entry(part.to_lowercase())
                    .or_insert_with(|| label.to_owned());
            }
        }
        self.matcher = None;
    }

    fn matcher(&mut self) -> Option<&Regex> {
        if self.matcher.is_none() && !self.names.is_empty() {
            let mut needles: Vec<&String> = self.names.keys().collect();
            // Longest first, so "Anna Schmidt" wins over "Anna".
            needles.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
            let alternation = needles
                .iter()
                .map(|n| regex::escape(n))
                .collect::<Vec<_>>()
                .join("|");
            self.matcher = RegexBuilder::new(&format!(r"\b(?:{alternation})\b"))
                .case_insensitive(true)
                .build()
                .ok();
        }
        self.matcher.as_ref()
    }

    /// The text with every known name, any email, any phone number and any registered
    /// birth date replaced.
    pub fn scrub(&mut self, text: &str) -> String {
        let mut out = EMAIL.replace_all(text, "[email]").into_owned();
        for dob in &self.birth_dates {
            out = out.replace(dob.as_str(), "[date of birth]");
        }
        out = PHONE
            .replace_all(&out, |c: &regex::Captures| {
                let m = &c[0];
                let digits = m.chars().filter(char::is_ascii_digit).count();
                // Dates ("2026-11-30") and small numbers stay; seven digits or more is a phone.
                if digits >= 7 && !looks_like_date(m) {
                    "[phone]".to_owned()
                } else {
                    m.to_owned()
                }
            })
            .into_owned();
        let names = self.names.clone();
        if let Some(re) = self.matcher() {
            out = re
                .replace_all(&out, |c: &regex::Captures| {
                    names
                        .get(&c[0].to_lowercase())
                        .cloned()
                        .unwrap_or_else(|| "[name]".into())
                })
                .into_owned();
        }
        out
    }

    /// What a trainer reads: the labels turned back into names.
    pub fn restore(&self, text: &str) -> String {
        let mut labels: Vec<&(String, String)> = self
            .labels
            .iter()
            .filter(|(l, _)| !l.starts_with('['))
            .collect();
        // "Client AB" before "Client A".
        labels.sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
        let mut out = text.to_owned();
        for (label, name) in labels {
            out = replace_word(&out, label, name);
        }
        out
    }

    /// The identifying strings of the registered people, for tests and the pre-send check.
    pub fn identifiers(&self) -> Vec<String> {
        let mut out: Vec<String> = self.labels.iter().map(|(_, name)| name.clone()).collect();
        out.extend(self.birth_dates.iter().cloned());
        out
    }
}

/// An age in whole years on `today`, from a `YYYY-MM-DD` birth date.
pub fn age_on(date_of_birth: &str, today: NaiveDate) -> Option<u32> {
    let dob = NaiveDate::parse_from_str(date_of_birth, "%Y-%m-%d").ok()?;
    let mut years = today.year() - dob.year();
    if (today.month(), today.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

fn looks_like_date(s: &str) -> bool {
    let t = s.trim();
    t.len() == 10 && NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok()
}

fn letters(mut n: usize) -> String {
    // A, B, … Z, AA, AB …
    let mut out = Vec::new();
    loop {
        out.push((b'A' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

fn replace_word(text: &str, word: &str, with: &str) -> String {
    let Ok(re) = Regex::new(&format!(r"\b{}\b", regex::escape(word))) else {
        return text.to_owned();
    };
    re.replace_all(text, regex::NoExpand(with)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(id: &str, name: &str, email: &str, phone: &str, dob: &str) -> Client {
        Client {
            id: id.into(),
            name: name.into(),
            email: Some(email.into()),
            phone: Some(phone.into()),
            date_of_birth: Some(dob.into()),
            goals: String::new(),
            notes: String::new(),
            tags: vec![],
            emergency_contact_name: Some("Piotr Łukasiewicz".into()),
            emergency_contact_phone: Some("+48 600 100 200".into()),
            fitness_level: None,
            injuries: String::new(),
            body_areas: vec![],
            preferred_times: String::new(),
            status: crate::clients::ClientStatus::Active,
            needs_clearance: false,
            clearance_on: None,
            paused_at: None,
            archived_at: None,
            created_at: String::new(),
            updated_at: String::new(),
            deleted_at: None,
        }
    }

    #[test]
    fn names_emails_phones_and_birth_dates_are_replaced_and_restored() {
        let mut p = Pseudonyms::new();
        let zoe = client(
            "1",
            "Zoë Łukasiewicz",
            "zoe@example.pl",
            "+48 601 234 567",
            "1990-04-12",
        );
        assert_eq!(p.add_client(&zoe), "Client A");
        assert_eq!(
            p.add_client(&client(
                "2",
                "José Núñez",
                "jose@example.es",
                "612 34 56 78",
                "1985-01-02"
            )),
            "Client B"
        );
        assert_eq!(
            p.add_client(&zoe),
            "Client A",
            "the same client keeps its label"
        );
        let text = "ZOË ŁUKASIEWICZ (zoe@example.pl, +48 601 234 567, born 1990-04-12) told Zoë and josé núñez; \
                    her brother Piotr Łukasiewicz calls on +48 600 100 200. Plan starts 2026-11-30, squat 82.5 kg × 5.";
        let sent = p.scrub(text);
        for leak in [
            "Zoë",
            "ZOË",
            "Łukasiewicz",
            "ŁUKASIEWICZ",
            "josé",
            "núñez",
            "zoe@",
            "601 234",
            "1990-04-12",
            "Piotr",
            "600 100",
        ] {
            assert!(!sent.contains(leak), "{leak} leaked: {sent}");
        }
        assert!(
            sent.contains(
                "Client A ([email], [phone], born [date of birth]) told Client A and Client B"
            ),
            "{sent}"
        );
        assert!(
            sent.contains("2026-11-30") && sent.contains("82.5 kg × 5"),
            "dates and numbers stay: {sent}"
        );
        assert_eq!(
            p.restore("Client A beat her best; Client B did not."),
            "Zoë Łukasiewicz beat her best; José Núñez did not."
        );
    }

    #[test]
    fn labels_go_past_z_and_ages_are_whole_years() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(age_on("1990-12-01", today), Some(35));
        assert_eq!(age_on("1990-11-30", today), Some(36));
        assert_eq!(age_on("not a date", today), None);
    }
}
