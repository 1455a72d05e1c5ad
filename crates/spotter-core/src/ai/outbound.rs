//! The last check before a request leaves for a model: does it name anyone we know?
//!
//! Each agent pseudonymises its own facts (`privacy.rs`), but free text (a goal that names a
//! training partner, a question in the client chat) can name people that agent never
//! registered. So every outbound request is checked in one place against every client and
//! trainer in the database, deleted ones included: full names, name parts, emails, phones,
//! birth dates and emergency contacts. A request that contains one is not sent.
//!
//! Matching: a full name anywhere (case-insensitive, as a sequence of words); a single part of
//! a name (three characters or more, letters among them) only written as in the name ("Bruno", "Keller"), so that a
//! surname like "Strong" does not stop every text saying "strong", and not when the word is
//! part of an exercise's name ("Press", "Row"); emails case-insensitive; phones by their last
//! seven digits; birth dates as stored (YYYY-MM-DD).

use std::collections::{HashMap, HashSet};

use regex::Regex;

use spotter_store::{Database, Result};

static EMAIL: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}").expect("email pattern")
});
static DIGITS: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r"\+?\d[\d\s().\-/]{5,}\d").expect("digits pattern"));
static DATE: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r"\d{4}-\d{2}-\d{2}").expect("date pattern"));

/// The words of Spotter's own labels ("Client A", "Trainer 1", "[email]" …): never a name part.
const LABEL_WORDS: [&str; 9] = [
    "client",
    "trainer",
    "email",
    "phone",
    "name",
    "date",
    "birth",
    "emergency",
    "contact",
];

/// Names longer than this many words are matched by their parts only.
const MAX_NAME_WORDS: usize = 6;

/// Whose identifier it is, for the refusal message (shown to the trainer only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// "client", "trainer", "emergency contact of a client".
    pub role: &'static str,
    pub name: String,
}

/// What a request would have leaked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// "name", "part of the name", "email address", "phone number", "birth date".
    pub what: &'static str,
    pub owner: Owner,
}

impl std::fmt::Display for Leak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the {} of a {} ({})",
            self.what, self.owner.role, self.owner.name
        )
    }
}

/// Every identifier of every person in the database.
#[derive(Debug, Default)]
pub struct Identifiers {
    /// Lower-cased words of a full name joined by one space.
    full_names: HashMap<String, Owner>,
    /// Name parts as written (case kept), and in capitals ("KELLER").
    parts: HashMap<String, Owner>,
    emails: HashMap<String, Owner>,
    /// The last seven digits.
    phones: HashMap<String, Owner>,
    birth_dates: HashMap<String, Owner>,
    /// Words of exercise names, lower-cased: never a name part.
    vocabulary: HashSet<String>,
}

type ClientRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Identifiers {
    pub async fn load(db: &Database) -> Result<Self> {
        let mut ids = Identifiers::default();
        ids.vocabulary
            .extend(LABEL_WORDS.iter().map(|w| (*w).to_owned()));
        let clients: Vec<ClientRow> = sqlx::query_as(
            "SELECT name, email, phone, date_of_birth, emergency_contact_name, emergency_contact_phone FROM clients",
        )
        .fetch_all(db.pool())
        .await?;
        for (name, email, phone, dob, contact, contact_phone) in clients {
            let owner = Owner {
                role: "client",
                name: name.clone(),
            };
            ids.add_name(&name, &owner);
            ids.add_email(email.as_deref(), &owner);
            ids.add_phone(phone.as_deref(), &owner);
            if let Some(d) = dob.filter(|d| !d.trim().is_empty()) {
                ids.birth_dates.insert(d.trim().to_owned(), owner.clone());
            }
            let contact_owner = Owner {
                role: "client's emergency contact",
                name: contact.clone().unwrap_or_else(|| name.clone()),
            };
            if let Some(c) = &contact {
                ids.add_name(c, &contact_owner);
            }
            ids.add_phone(contact_phone.as_deref(), &contact_owner);
        }
        let trainers: Vec<(String, Option<String>)> =
            sqlx::query_as("SELECT name, email FROM trainers")
                .fetch_all(db.pool())
                .await?;
        for (name, email) in trainers {
            let owner = Owner {
                role: "trainer",
                name: name.clone(),
            };
            ids.add_name(&name, &owner);
            ids.add_email(email.as_deref(), &owner);
        }
        let exercises: Vec<String> = sqlx::query_scalar("SELECT name FROM exercises")
            .fetch_all(db.pool())
            .await?;
        for e in exercises {
            ids.vocabulary.extend(words(&e).map(|w| w.to_lowercase()));
        }
        Ok(ids)
    }

    fn add_name(&mut self, name: &str, owner: &Owner) {
        let all: Vec<&str> = words(name).collect();
        let joined = all.join(" ").to_lowercase();
        if (all.len() > 1 || joined.chars().count() >= 3) && all.len() <= MAX_NAME_WORDS {
            self.full_names
                .entry(joined)
                .or_insert_with(|| owner.clone());
        }
        for part in all {
            // A part without letters ("Anna Schmidt 2", a studio's "Client 115") names nobody
            // on its own, and numbers are what facts are made of: only the full name counts.
            if part.chars().count() >= 3 && part.chars().any(char::is_alphabetic) {
                for spelling in [part.to_owned(), part.to_uppercase()] {
                    self.parts.entry(spelling).or_insert_with(|| owner.clone());
                }
            }
        }
    }

    fn add_email(&mut self, email: Option<&str>, owner: &Owner) {
        if let Some(e) = email.map(str::trim).filter(|e| e.contains('@')) {
            self.emails.insert(e.to_lowercase(), owner.clone());
        }
    }

    fn add_phone(&mut self, phone: Option<&str>, owner: &Owner) {
        if let Some(key) = phone.and_then(last_seven) {
            self.phones.insert(key, owner.clone());
        }
    }

    /// The first identifier found in `text`, if any.
    pub fn find(&self, text: &str) -> Option<Leak> {
        let leak = |what, owner: &Owner| {
            Some(Leak {
                what,
                owner: owner.clone(),
            })
        };
        for m in EMAIL.find_iter(text) {
            if let Some(o) = self.emails.get(&m.as_str().to_lowercase()) {
                return leak("email address", o);
            }
        }
        for m in DIGITS.find_iter(text) {
            if let Some(o) = last_seven(m.as_str()).and_then(|k| self.phones.get(&k)) {
                return leak("phone number", o);
            }
        }
        for m in DATE.find_iter(text) {
            if let Some(o) = self.birth_dates.get(m.as_str()) {
                return leak("birth date", o);
            }
        }
        let tokens: Vec<&str> = words(text).collect();
        let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
        for start in 0..lower.len() {
            let mut phrase = String::new();
            for (n, word) in lower[start..].iter().take(MAX_NAME_WORDS).enumerate() {
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(word);
                if let Some(o) = self.full_names.get(&phrase) {
                    return leak("name", o);
                }
            }
        }
        for (token, low) in tokens.iter().zip(&lower) {
            if let Some(o) = self.parts.get(*token) {
                if !self.vocabulary.contains(low) {
                    return leak("name", o);
                }
            }
        }
        None
    }
}

/// The words of a text: runs of letters, digits and apostrophes inside names (O'Neil).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

fn last_seven(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len() - 7..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Identifiers {
        let mut ids = Identifiers::default();
        let bruno = Owner {
            role: "client",
            name: "Bruno Keller".into(),
        };
        ids.add_name("Bruno Keller", &bruno);
        ids.add_email(Some("Bruno@Example.ch"), &bruno);
        ids.add_phone(Some("+41 79 123 45 67"), &bruno);
        ids.birth_dates.insert("1988-02-03".into(), bruno.clone());
        let li = Owner {
            role: "client",
            name: "Li Xu".into(),
        };
        ids.add_name("Li Xu", &li);
        let strong = Owner {
            role: "client",
            name: "Anna Strong".into(),
        };
        ids.add_name("Anna Strong", &strong);
        ids.add_name("Mark Press", &strong);
        ids.vocabulary.insert("press".into());
        ids
    }

    #[test]
    fn finds_names_parts_emails_phones_and_birth_dates() {
        let ids = ids();
        for (text, what) in [
            ("Does she train with bruno keller?", "name"),
            ("Ask Bruno about it", "name"),
            ("KELLER said", "name"),
            ("write to bruno@example.ch", "email address"),
            ("call 079 123 45 67", "phone number"),
            ("born 1988-02-03", "birth date"),
            ("with li xu on Fridays", "name"),
            ("Press Mark for a date", "name"),
        ] {
            assert_eq!(ids.find(text).map(|l| l.what), Some(what), "{text}");
        }
        assert_eq!(
            ids.find("KELLER said").map(|l| l.owner.name).as_deref(),
            Some("Bruno Keller")
        );
        for clean in [
            "Client A wants to get strong; Bench Press 82.5 kg × 5 on 2026-11-30",
            "a long list",
            "Li and Xu are short words",
            "Trainer 1 sees Client B at 18:00, 7654321 steps",
        ] {
            assert_eq!(ids.find(clean), None, "{clean}");
        }
        // A name with a number in it: the whole name is found, the number alone is not.
        let mut ids = ids;
        let numbered = Owner {
            role: "client",
            name: "Digest Client 115".into(),
        };
        ids.add_name("Digest Client 115", &numbered);
        assert_eq!(
            ids.find("for digest client 115 only").map(|l| l.what),
            Some("name")
        );
        assert_eq!(ids.find("Squat 115 kg × 5, 108 sessions"), None);
    }
}
