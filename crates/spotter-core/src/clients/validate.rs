//! Client validation. Every write goes through here first, so an invalid save
//! writes nothing. Errors name the field in the UI's camelCase.

use chrono::NaiveDate;

use super::{ClientInput, FitnessLevel, BODY_AREAS};
use spotter_store::{AppError, Result};

pub mod limits {
    pub const NAME: usize = 200;
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 32;
    pub const GOALS: usize = 4_000;
    pub const NOTES: usize = 50_000;
    pub const TAG: usize = 40;
    pub const TAGS: usize = 30;
}

/// A client input that passed validation, normalised (trimmed, empty → none, tags deduplicated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidClient {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub date_of_birth: Option<String>,
    pub goals: String,
    pub notes: String,
    pub tags: Vec<String>,
    pub emergency_contact_name: Option<String>,
    pub emergency_contact_phone: Option<String>,
    pub fitness_level: Option<FitnessLevel>,
    pub injuries: String,
    pub body_areas: Vec<String>,
    pub preferred_times: String,
}

pub fn validate(input: &ClientInput, today: NaiveDate) -> Result<ValidClient> {
    let name = collapse_spaces(&input.name);
    if name.is_empty() {
        return Err(AppError::validation("name", "Name is required"));
    }
    check_len("name", "Name", &name, limits::NAME)?;
    check_no_control("name", "Name", &name)?;

    let email = non_empty(input.email.as_deref());
    if let Some(email) = &email {
        check_len("email", "Email", email, limits::EMAIL)?;
        check_email(email)?;
    }

    let phone = non_empty(input.phone.as_deref());
    if let Some(phone) = &phone {
        check_len("phone", "Phone", phone, limits::PHONE)?;
        check_phone(phone)?;
    }

    let date_of_birth = match non_empty(input.date_of_birth.as_deref()) {
        Some(raw) => Some(check_date_of_birth(&raw, today)?),
        None => None,
    };

    let goals = input.goals.trim().to_owned();
    check_len("goals", "Goals", &goals, limits::GOALS)?;
    let notes = input.notes.trim().to_owned();
    check_len("notes", "Notes", &notes, limits::NOTES)?;

    let tags = normalise_tags(&input.tags)?;

    let emergency_contact_name =
        non_empty(input.emergency_contact_name.as_deref()).map(|n| collapse_spaces(&n));
    if let Some(n) = &emergency_contact_name {
        check_len("emergencyContactName", "Emergency contact", n, limits::NAME)?;
        check_no_control("emergencyContactName", "Emergency contact", n)?;
    }
    let emergency_contact_phone = non_empty(input.emergency_contact_phone.as_deref());
    if let Some(p) = &emergency_contact_phone {
        check_len("emergencyContactPhone", "Emergency phone", p, limits::PHONE)?;
        check_phone(p).map_err(|e| {
            AppError::validation(
                "emergencyContactPhone",
                e.message.replacen("Phone", "Emergency phone", 1),
            )
        })?;
    }
    let injuries = input.injuries.trim().to_owned();
    check_len(
        "injuries",
        "Injuries and limitations",
        &injuries,
        limits::GOALS,
    )?;
    let mut body_areas: Vec<String> = Vec::new();
    for a in &input.body_areas {
        let a = a.trim().to_lowercase().replace([' ', '-'], "_");
        if !BODY_AREAS.contains(&a.as_str()) {
            return Err(AppError::validation(
                "bodyAreas",
                format!("'{a}' is not a body area ({})", BODY_AREAS.join(", ")),
            ));
        }
        if !body_areas.contains(&a) {
            body_areas.push(a);
        }
    }
    let preferred_times = collapse_spaces(&input.preferred_times);
    check_len("preferredTimes", "Preferred times", &preferred_times, 200)?;

    Ok(ValidClient {
        name,
        email: email.map(|e| e.to_lowercase_domain()),
        phone,
        date_of_birth,
        goals,
        notes,
        tags,
        emergency_contact_name,
        emergency_contact_phone,
        fitness_level: input.fitness_level,
        injuries,
        body_areas,
        preferred_times,
    })
}

fn non_empty(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_len(field: &str, label: &str, value: &str, max: usize) -> Result<()> {
    let n = value.chars().count();
    if n > max {
        return Err(AppError::validation(
            field,
            format!("{label} is too long ({n} characters; at most {max})"),
        ));
    }
    Ok(())
}

fn check_no_control(field: &str, label: &str, value: &str) -> Result<()> {
    if value.chars().any(char::is_control) {
        return Err(AppError::validation(
            field,
            format!("{label} contains control characters"),
        ));
    }
    Ok(())
}

/// A practical check, not RFC 5322: one `@`, a plausible local part and a dotted domain.
fn check_email(email: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(AppError::validation(
            "email",
            format!("Email '{email}' is not valid: {why}"),
        ))
    };
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it contains spaces");
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return bad("it has no @");
    };
    if local.is_empty() || local.len() > 64 || local.contains('@') {
        return bad("the part before @ is missing or malformed");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return bad("the part before @ has misplaced dots");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return bad("the domain needs a dot, as in example.com");
    }
    for label in &labels {
        let ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !ok {
            return bad("the domain is malformed");
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()))
    {
        return bad("the domain ending is malformed");
    }
    Ok(())
}

/// Digits with the usual separators, an optional leading `+`, and 6 to 15 digits (E.164's maximum).
fn check_phone(phone: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(AppError::validation(
            "phone",
            format!("Phone '{phone}' is not valid: {why}"),
        ))
    };
    for (i, c) in phone.chars().enumerate() {
        match c {
            '0'..='9' | ' ' | '-' | '(' | ')' | '.' | '/' => {}
            '+' if i == 0 => {}
            '+' => return bad("+ may only come first"),
            _ => return bad("use digits, spaces and + - ( ) . / only"),
        }
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if digits < 6 {
        return bad("it has too few digits");
    }
    if digits > 15 {
        return bad("it has too many digits");
    }
    Ok(())
}

fn check_date_of_birth(raw: &str, today: NaiveDate) -> Result<String> {
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        AppError::validation(
            "dateOfBirth",
            format!("Date of birth '{raw}' is not a date in the form YYYY-MM-DD"),
        )
    })?;
    if date >= today {
        return Err(AppError::validation(
            "dateOfBirth",
            "Date of birth must be in the past",
        ));
    }
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if date < earliest {
        return Err(AppError::validation(
            "dateOfBirth",
            "Date of birth must be after 1900",
        ));
    }
    Ok(date.format("%Y-%m-%d").to_string())
}

fn normalise_tags(raw: &[String]) -> Result<Vec<String>> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw {
        let tag = collapse_spaces(tag);
        if tag.is_empty() {
            continue;
        }
        check_len(
            "tags",
            &format!("Tag '{}'", tag.chars().take(20).collect::<String>()),
            &tag,
            limits::TAG,
        )?;
        check_no_control("tags", "A tag", &tag)?;
        if tag.contains([',', ';']) {
            // They separate tags in CSV files; a tag containing one would come back as two.
            return Err(AppError::validation(
                "tags",
                format!("Tag '{tag}' contains , or ; (they separate tags)"),
            ));
        }
        if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag);
        }
    }
    if tags.len() > limits::TAGS {
        return Err(AppError::validation(
            "tags",
            format!("Too many tags ({}; at most {})", tags.len(), limits::TAGS),
        ));
    }
    Ok(tags)
}

trait LowercaseDomain {
    fn to_lowercase_domain(self) -> String;
}

impl LowercaseDomain for String {
    /// Domains are case-insensitive; local parts technically are not, so only the domain is folded.
    fn to_lowercase_domain(self) -> String {
        match self.rsplit_once('@') {
            Some((local, domain)) => format!("{local}@{}", domain.to_lowercase()),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn input(name: &str) -> ClientInput {
        ClientInput {
            name: name.into(),
            ..Default::default()
        }
    }

    fn field_of(r: Result<ValidClient>) -> String {
        r.expect_err("should be invalid").field.expect("field set")
    }

    #[test]
    fn name_is_required_and_trimmed() {
        assert_eq!(field_of(validate(&input("   "), today())), "name");
        let ok = validate(&input("  Anna   Schmidt "), today()).unwrap();
        assert_eq!(ok.name, "Anna Schmidt");
    }

    #[test]
    fn names_in_any_script_are_fine() {
        for name in [
            "Zoë Łukasiewicz",
            "José Núñez",
            "李娜",
            "Олена Коваленко",
            "محمد علي",
        ] {
            assert_eq!(validate(&input(name), today()).unwrap().name, name);
        }
    }

    #[test]
    fn name_length_limit_counts_characters() {
        let long = "ł".repeat(limits::NAME);
        assert!(validate(&input(&long), today()).is_ok());
        let too_long = "ł".repeat(limits::NAME + 1);
        assert_eq!(field_of(validate(&input(&too_long), today())), "name");
    }

    #[test]
    fn emails() {
        let with = |e: &str| {
            validate(
                &ClientInput {
                    email: Some(e.into()),
                    ..input("A")
                },
                today(),
            )
        };
        for good in [
            "anna@example.com",
            "a.b+tag@sub.example.co.uk",
            "zoë@exämple.de",
        ] {
            assert!(with(good).is_ok(), "{good}");
        }
        for bad in [
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "an na@example.com",
            "anna@@example.com",
            "a..b@example.com",
            "anna@-x.com",
            "anna@example.c",
        ] {
            let err = with(bad).expect_err(bad);
            assert_eq!(err.field.as_deref(), Some("email"), "{bad}");
            assert!(err.message.contains("Email"), "{}", err.message);
        }
        assert_eq!(with("  ").unwrap().email, None);
        assert_eq!(
            with("Anna@Example.COM").unwrap().email.as_deref(),
            Some("Anna@example.com")
        );
    }

    #[test]
    fn phones() {
        let with = |p: &str| {
            validate(
                &ClientInput {
                    phone: Some(p.into()),
                    ..input("A")
                },
                today(),
            )
        };
        for good in ["+49 170 1234567", "(030) 123-456", "0170/1234567"] {
            assert!(with(good).is_ok(), "{good}");
        }
        for bad in ["12345", "call me", "+49 +170 123456", "1234567890123456"] {
            assert_eq!(
                with(bad).unwrap_err().field.as_deref(),
                Some("phone"),
                "{bad}"
            );
        }
    }

    #[test]
    fn date_of_birth_must_be_a_past_date() {
        let with = |d: &str| {
            validate(
                &ClientInput {
                    date_of_birth: Some(d.into()),
                    ..input("A")
                },
                today(),
            )
        };
        assert_eq!(
            with("1990-02-28").unwrap().date_of_birth.as_deref(),
            Some("1990-02-28")
        );
        for bad in [
            "1990-02-30",
            "28.02.1990",
            "2026-11-21",
            "2030-01-01",
            "1850-01-01",
        ] {
            assert_eq!(
                with(bad).unwrap_err().field.as_deref(),
                Some("dateOfBirth"),
                "{bad}"
            );
        }
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let v = validate(
            &ClientInput {
                tags: vec![" knee ".into(), "Knee".into(), "".into(), "vip".into()],
                ..input("A")
            },
            today(),
        )
        .unwrap();
        assert_eq!(v.tags, vec!["knee", "vip"]);
        let err = validate(
            &ClientInput {
                tags: vec!["knee, left".into()],
                ..input("A")
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("tags"));
        let many: Vec<String> = (0..=limits::TAGS).map(|i| format!("t{i}")).collect();
        assert_eq!(
            field_of(validate(
                &ClientInput {
                    tags: many,
                    ..input("A")
                },
                today()
            )),
            "tags"
        );
    }

    #[test]
    fn notes_have_a_limit() {
        let notes = "x".repeat(limits::NOTES + 1);
        assert_eq!(
            field_of(validate(
                &ClientInput {
                    notes,
                    ..input("A")
                },
                today()
            )),
            "notes"
        );
    }
}
