//! Tokenisation in the Penn Treebank spirit, because the dictionaries people already have
//! (PETRARCH, TABARI) were written against it: possessives split off ("Gondor's" → `GONDOR` `'S`),
//! contractions split (`DID` `N'T`, `WO` `N'T`), hyphenated words and abbreviations kept whole.

/// What kind of token this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range in the sentence text.
    pub start: usize,
    pub end: usize,
    /// Code-point range in the sentence text (what the JSON output reports).
    pub char_start: usize,
    pub char_end: usize,
    /// Upper-cased form with typographic quotes folded, used for dictionary lookups.
    pub norm: String,
    pub kind: TokenKind,
    /// Written in capitals: at least two letters, none lower-case ("US", "NATO", "U.S."), so
    /// case-exact dictionary names ("US", not the pronoun "us") can tell it apart.
    pub caps: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Words whose trailing period belongs to them, not to the sentence.
const ABBREVIATIONS: &[&str] = &[
    "MR", "MRS", "MS", "DR", "PROF", "GEN", "LT", "COL", "MAJ", "CAPT", "SGT", "ADM", "GOV", "SEN",
    "REP", "REV", "ST", "JR", "SR", "CO", "CORP", "INC", "LTD", "NO", "VS", "JAN", "FEB", "MAR",
    "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "MT", "FT", "PRES", "AMB",
    "BRIG", "CMDR", "ETC", "APPROX", "DEPT", "EST", "GOVT", "U.S", "U.N", "U.K", "E.U",
];

/// Split a sentence into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            // A run of word characters with internal . - ' (and , . between digits).
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                } else if matches!(cj, '-' | '.' | '\'' | '’' | ',' | '&')
                    && j + 1 < n
                    && is_word_char(chars[j + 1].1)
                    && !(cj == ',' && !(chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()))
                {
                    j += 1;
                } else if cj == '-' && j + 1 < n && chars[j + 1].1.is_whitespace() {
                    // "anti- Gondor": keep the dangling hyphen with its prefix
                    j += 1;
                    break;
                } else {
                    break;
                }
            }
            // Trailing period of an abbreviation or initial.
            if j < n && chars[j].1 == '.' {
                let word: String = chars[i..j].iter().map(|&(_, c)| c).collect::<String>().to_uppercase();
                let single_letter = j - i == 1 && chars[i].1.is_alphabetic();
                if single_letter || word.contains('.') || ABBREVIATIONS.contains(&word.as_str()) {
                    j += 1;
                }
            }
            push_word(text, &chars, i, j, byte_at(i), byte_at(j), &mut out);
            i = j;
        } else {
            let mut j = i + 1;
            // Keep runs of the same dash or quote-ish punctuation together ("--", "``", "''").
            if matches!(c, '-' | '`' | '\'') {
                while j < n && chars[j].1 == c {
                    j += 1;
                }
            }
            out.push(Token {
                start: byte_at(i),
                end: byte_at(j),
                char_start: i,
                char_end: j,
                norm: fold(&text[byte_at(i)..byte_at(j)]),
                kind: TokenKind::Punct,
                caps: false,
            });
            i = j;
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Push a word, splitting off possessives and contractions.
fn push_word(text: &str, chars: &[(usize, char)], i: usize, j: usize, b0: usize, b1: usize, out: &mut Vec<Token>) {
    let raw = &text[b0..b1];
    let norm = fold(raw);
    // Possessive 's / s' and contraction n't, 're, 've, 'll, 'd.
    let split_at_chars = if norm.len() > 3 && norm.ends_with("N'T") {
        Some(3)
    } else if norm.len() > 2 && (norm.ends_with("'S") || norm.ends_with("'D") || norm.ends_with("'M")) {
        Some(2)
    } else if norm.len() > 3 && (norm.ends_with("'RE") || norm.ends_with("'VE") || norm.ends_with("'LL")) {
        Some(3)
    } else {
        None
    };
    if let Some(k) = split_at_chars {
        let cut = j - k;
        let bc = chars[cut].0;
        let head = fold(&text[b0..bc]);
        let kind = kind_of(&head);
        let caps = is_caps(&text[b0..bc]);
        out.push(Token { start: b0, end: bc, char_start: i, char_end: cut, norm: head, kind, caps });
        out.push(Token { start: bc, end: b1, char_start: cut, char_end: j, norm: fold(&text[bc..b1]), kind: TokenKind::Word, caps: false });
        return;
    }
    let kind = kind_of(&norm);
    out.push(Token { start: b0, end: b1, char_start: i, char_end: j, norm, kind, caps: is_caps(raw) });
}

/// At least two letters, none of them lower-case.
fn is_caps(raw: &str) -> bool {
    let mut letters = 0;
    for c in raw.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

fn kind_of(norm: &str) -> TokenKind {
    if norm.chars().next().is_some_and(|c| c.is_ascii_digit()) && norm.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-')) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// Upper-case and fold typographic apostrophes and quotes to ASCII.
pub(crate) fn fold(s: &str) -> String {
    // Most tokens of English news are ASCII without backticks: one copy, upper-cased in place.
    if s.is_ascii() && !s.contains('`') {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' => out.push('"'),
            _ => out.extend(c.to_uppercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn splits_possessives_and_contractions() {
        assert_eq!(norms("Gondor's army didn't move."), ["GONDOR", "'S", "ARMY", "DID", "N'T", "MOVE", "."]);
        assert_eq!(norms("It won’t stop"), ["IT", "WO", "N'T", "STOP"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_hyphens() {
        assert_eq!(norms("The U.S. sent 50,000 tonnes, worth 11.8 million"), ["THE", "U.S.", "SENT", "50,000", "TONNES", ",", "WORTH", "11.8", "MILLION"]);
        assert_eq!(norms("an anti- Gondor, war-torn Barad-dur"), ["AN", "ANTI-", "GONDOR", ",", "WAR-TORN", "BARAD-DUR"]);
        assert_eq!(norms("Gen. Smith and J. Doe"), ["GEN.", "SMITH", "AND", "J.", "DOE"]);
    }

    #[test]
    fn reports_code_point_offsets() {
        let t = tokenize("Ünal met Putin");
        assert_eq!((t[2].char_start, t[2].char_end), (9, 14));
        assert_eq!(&"Ünal met Putin"[t[2].start..t[2].end], "Putin");
    }
}
