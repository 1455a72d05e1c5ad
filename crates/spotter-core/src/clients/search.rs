//! Turning what the trainer types into an FTS5 query.

/// Builds an FTS5 MATCH expression that finds rows containing every typed word
/// as a prefix ("ann sch" finds "Anna Schmidt"). Anything that is not a letter or
/// digit separates words, so no user input can inject FTS5 syntax.
/// Returns `None` when nothing searchable was typed.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(8)
        .map(|t| format!("\"{t}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_become_prefix_terms() {
        assert_eq!(fts_query("ann sch").as_deref(), Some("\"ann\"* \"sch\"*"));
        assert_eq!(
            fts_query("anna@example.com").as_deref(),
            Some("\"anna\"* \"example\"* \"com\"*")
        );
    }

    #[test]
    fn syntax_characters_are_separators() {
        assert_eq!(
            fts_query("\"a\" OR b*").as_deref(),
            Some("\"a\"* \"OR\"* \"b\"*")
        );
        assert_eq!(fts_query(" @@ -- "), None);
    }

    #[test]
    fn unicode_letters_are_kept() {
        assert_eq!(fts_query("Zoë Ł").as_deref(), Some("\"Zoë\"* \"Ł\"*"));
    }
}
