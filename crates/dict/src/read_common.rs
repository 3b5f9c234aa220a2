//! Helpers shared by the readers.

use dyad_text::{tokenize, Date};

/// Tokenise a dictionary phrase exactly like article text: `People's Republic of China` →
/// `PEOPLE 'S REPUBLIC OF CHINA`. Underscores (PETRARCH's word joiner) count as spaces.
/// A name written `=US` is case-exact: its words in capitals match only text in capitals
/// (`US`, not the pronoun `us`); they are kept as `=US` in the vocabulary.
pub fn phrase_norms(text: &str) -> Vec<String> {
    let (exact, text) = match text.trim_start().strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let text = text.replace('_', " ");
    tokenize(&text).into_iter().map(|t| if exact && t.caps { format!("{EXACT_MARK}{}", t.norm) } else { t.norm }).collect()
}

/// Prefix of case-exact words in the vocabulary.
pub const EXACT_MARK: char = '=';

/// Remove a `#` comment (outside brackets).
pub fn strip_comment(line: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' if depth <= 0 => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Parse an ISO date, a year-month or a year; `end` picks the last day of a partial date.
pub fn parse_iso_date(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year: i16 = parts.first()?.parse().ok()?;
    let (month, day): (i8, Option<i8>) = match parts.len() {
        1 => (if end { 12 } else { 1 }, None),
        2 => (parts[1].parse().ok()?, None),
        3 => (parts[1].parse().ok()?, Some(parts[2].parse().ok()?)),
        _ => return None,
    };
    let first = Date::new(year, month, 1).ok()?;
    match day {
        Some(d) => Date::new(year, month, d).ok(),
        None if end => Some(first.last_of_month()),
        None => Some(first),
    }
}

/// Parse PETRARCH/TABARI dates: `YYMMDD` (years up to 40 are 20xx) or `YYYYMMDD`.
pub fn parse_compact_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i16 = s[..2].parse().ok()?;
            (if yy <= 40 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..4].parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_iso_date("2024-05", true), Some(Date::new(2024, 5, 31).unwrap()));
        assert_eq!(parse_iso_date("2013", false), Some(Date::new(2013, 1, 1).unwrap()));
        assert_eq!(parse_compact_date("950601"), Some(Date::new(1995, 6, 1).unwrap()));
        assert_eq!(parse_compact_date("20010101"), Some(Date::new(2001, 1, 1).unwrap()));
        assert_eq!(parse_compact_date("201005011"), None);
    }

    #[test]
    fn phrases_tokenise_like_text() {
        assert_eq!(phrase_norms("People's Republic of China"), ["PEOPLE", "'S", "REPUBLIC", "OF", "CHINA"]);
        assert_eq!(phrase_norms("GEORGE_W._BUSH"), ["GEORGE", "W.", "BUSH"]);
    }
}
