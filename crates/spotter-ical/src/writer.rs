//! RFC 5545 content lines: TEXT escaping and folding at 75 octets.
//!
//! We write calendars ourselves rather than with the `icalendar` crate's builder, which
//! stamps DTSTAMP and UID into every component (VTIMEZONE and its STANDARD/DAYLIGHT
//! parts included), which RFC 5545 does not allow. Parsing uses the crate (see `read`).

pub struct IcsWriter {
    out: String,
}

impl Default for IcsWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl IcsWriter {
    pub fn new() -> Self {
        Self {
            out: String::with_capacity(4096),
        }
    }

    /// A property whose value is already in its iCalendar form (dates, rules, codes).
    pub fn raw(&mut self, name_and_params: &str, value: &str) {
        let line = format!("{name_and_params}:{value}");
        self.fold(&line);
    }

    /// A TEXT property: escaped, then folded.
    pub fn text(&mut self, name_and_params: &str, value: &str) {
        self.raw(name_and_params, &escape_text(value));
    }

    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn fold(&mut self, line: &str) {
        // At most 75 octets per physical line, never splitting a UTF-8 character;
        // continuation lines start with one space (which counts toward the 75).
        let mut width = 0;
        let mut limit = 75;
        for ch in line.chars() {
            let len = ch.len_utf8();
            if width + len > limit {
                self.out.push_str("\r\n ");
                width = 0;
                limit = 74;
            }
            self.out.push(ch);
            width += len;
        }
        self.out.push_str("\r\n");
    }
}

pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value, quoted when it holds characters that would end it.
pub fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut w = IcsWriter::new();
        w.text("SUMMARY", &"Zoë Łukasiewicz; 李娜, ".repeat(8));
        let out = w.finish();
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(
            unfolded.starts_with("SUMMARY:Zoë Łukasiewicz\\; 李娜\\, Zoë"),
            "{unfolded}"
        );
    }
}
