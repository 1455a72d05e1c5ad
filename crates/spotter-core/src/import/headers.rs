//! Which client field a CSV column holds, guessed from its header: header names in the
//! languages our trainers use and the columns of the tools they leave (the list is
//! `data/csv_headers.json`, shared with the UI's test stand-in), Google Contacts'
//! numbered columns, and the words whose meaning depends on their neighbours ("Name"
//! beside "Vorname" is the surname; "Nombre" beside "Apellidos" is the first name).

use std::sync::OnceLock;

use serde::Deserialize;

use super::CsvField;
use spotter_store::{AppError, Result};

const HEADERS_JSON: &str = include_str!("../../data/csv_headers.json");

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FieldAliases {
    field: CsvField,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeaderAliases {
    fields: Vec<FieldAliases>,
    /// Full-name words that mean the surname when a first-name column is beside them.
    surname_beside_first_name: Vec<String>,
    /// Full-name words that mean the first name when a last-name column is beside them.
    first_name_beside_last_name: Vec<String>,
    /// Vendor prefixes dropped when the whole header matches nothing ("Client Email").
    prefixes: Vec<String>,
}

impl HeaderAliases {
    /// The field a normalised header names, if any.
    pub fn field_for(&self, key: &str) -> Option<CsvField> {
        self.fields
            .iter()
            .find(|f| f.aliases.iter().any(|a| a == key))
            .map(|f| f.field)
    }

    /// Every (field, alias) pair, for the data checks in the tests.
    pub fn all(&self) -> impl Iterator<Item = (CsvField, &str)> {
        self.fields
            .iter()
            .flat_map(|f| f.aliases.iter().map(move |a| (f.field, a.as_str())))
    }
}

/// The shipped alias list (parsed once).
pub fn aliases() -> Result<&'static HeaderAliases> {
    static PARSED: OnceLock<std::result::Result<HeaderAliases, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| serde_json::from_str(HEADERS_JSON).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::internal(format!("the shipped CSV header list is invalid: {e}")))
}

/// Lower case, accents and ł/ß/ø folded, punctuation as single spaces: "E-Mail-Adresse" →
/// "e mail adresse", "Né(e) le" → "ne e le", "\u{feff}Name" → "name".
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(folded) => out.push_str(folded),
            None if c.is_alphanumeric() => out.push(c),
            None => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ASCII spelling of the accented letters of the languages we match.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ś' | 'š' => "s",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The field one header names on its own (before looking at its neighbours).
fn field_of(list: &HeaderAliases, header: &str) -> Option<CsvField> {
    let key = normalise(header);
    if let Some(f) = list.field_for(&key) {
        return Some(f);
    }
    // Google Contacts: "E-mail 1 - Value", "Phone 2 - Value"; their "- Label"/"- Type" are not data.
    let words: Vec<&str> = key.split(' ').collect();
    if let [base @ .., n, "value"] = words.as_slice() {
        if !base.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
            return list.field_for(&base.join(" "));
        }
    }
    // Vendor prefixes: TrueCoach's "Client First Name", "Client Email".
    list.prefixes.iter().find_map(|p| {
        key.strip_prefix(p.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|rest| list.field_for(rest))
    })
}

/// The field each column most likely holds; each field at most once (the first column wins).
pub fn guess(headers: &[String]) -> Result<Vec<Option<CsvField>>> {
    let list = aliases()?;
    let mut mapping: Vec<Option<CsvField>> = Vec::with_capacity(headers.len());
    for header in headers {
        let field = field_of(list, header).filter(|f| !mapping.contains(&Some(*f)));
        mapping.push(field);
    }
    // "Vorname;Name": Name is the surname. "Nombre;Apellidos": Nombre is the first name.
    let has = |m: &[Option<CsvField>], f: CsvField| m.contains(&Some(f));
    for (i, header) in headers.iter().enumerate() {
        if mapping.get(i) != Some(&Some(CsvField::Name)) {
            continue;
        }
        let key = normalise(header);
        let to = if list.surname_beside_first_name.contains(&key)
            && has(&mapping, CsvField::FirstName)
            && !has(&mapping, CsvField::LastName)
        {
            Some(CsvField::LastName)
        } else if list.first_name_beside_last_name.contains(&key)
            && has(&mapping, CsvField::LastName)
            && !has(&mapping, CsvField::FirstName)
        {
            Some(CsvField::FirstName)
        } else {
            None
        };
        if let (Some(to), Some(slot)) = (to, mapping.get_mut(i)) {
            *slot = Some(to);
        }
    }
    Ok(mapping)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_folds_case_accents_and_punctuation() {
        assert_eq!(normalise("E-Mail-Adresse"), "e mail adresse");
        assert_eq!(normalise("  Né(e) le "), "ne e le");
        assert_eq!(normalise("Imię i nazwisko"), "imie i nazwisko");
        assert_eq!(normalise("Straße_Nr."), "strasse nr");
    }
}
