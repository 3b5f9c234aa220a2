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
///
/// One pass over the bytes: ASCII characters (nearly all of English news) are read directly,
/// other characters are decoded where they occur; code-point offsets are counted on the way.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    // Byte position of the current character, and how many bytes before it continue a
    // character (its code-point position is `b - inside`; 0 for ASCII text).
    let (mut b, mut inside) = (0, 0);
    while let Some((c, len)) = char_at(text, b) {
        if c.is_whitespace() {
            b += len;
            inside += len - 1;
            continue;
        }
        let (b0, c0) = (b, b - inside);
        if is_word_char(c) {
            // A run of word characters with internal . - ' (and , . between digits).
            let mut j = b + len;
            inside += len - 1;
            let mut prev = c;
            let mut ascii = len == 1;
            let mut has_dot = false;
            let mut has_apostrophe = false;
            loop {
                // The ASCII letters and digits of the run, a byte at a time.
                let run = j;
                j += bytes[j..].iter().position(|&x| !ASCII_WORD[x as usize]).unwrap_or(bytes.len() - j);
                if j > run {
                    prev = bytes[j - 1] as char;
                }
                let Some((cj, lj)) = char_at(text, j) else { break };
                if is_word_char(cj) {
                    ascii &= lj == 1;
                    prev = cj;
                    j += lj;
                    inside += lj - 1;
                    continue;
                }
                let next = char_at(text, j + lj).map(|(n, _)| n);
                if matches!(cj, '-' | '.' | '\'' | '’' | ',' | '&')
                    && next.is_some_and(is_word_char)
                    && !(cj == ',' && !(prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())))
                {
                    ascii &= lj == 1;
                    has_dot |= cj == '.';
                    has_apostrophe |= matches!(cj, '\'' | '’');
                    prev = cj;
                    j += lj;
                    inside += lj - 1;
                } else if cj == '-' && next.is_some_and(char::is_whitespace) {
                    // "anti- Gondor": keep the dangling hyphen with its prefix
                    j += lj;
                    break;
                } else {
                    break;
                }
            }
            // Trailing period of an abbreviation or initial.
            if bytes.get(j) == Some(&b'.') {
                let raw = &text[b0..j];
                let single_letter = j - inside - c0 == 1 && c.is_alphabetic();
                if single_letter || has_dot || is_abbreviation(raw, ascii) {
                    j += 1;
                }
            }
            push_word(text, b0, j, c0, j - inside, ascii, has_apostrophe, &mut out);
            b = j;
        } else {
            let mut j = b + len;
            inside += len - 1;
            // Keep runs of the same dash or quote-ish punctuation together ("--", "``", "''").
            if matches!(c, '-' | '`' | '\'') {
                while bytes.get(j) == Some(&(c as u8)) {
                    j += 1;
                }
            }
            out.push(Token { start: b, end: j, char_start: c0, char_end: j - inside, norm: fold(&text[b..j]), kind: TokenKind::Punct, caps: false });
            b = j;
        }
    }
    out
}

/// ASCII word characters: letters, digits and `_`.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i == b'_' as usize;
        i += 1;
    }
    t
};

/// The character starting at byte `b` and its length in bytes.
#[inline]
fn char_at(text: &str, b: usize) -> Option<(char, usize)> {
    let x = *text.as_bytes().get(b)?;
    if x < 0x80 {
        return Some((x as char, 1));
    }
    let c = text[b..].chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// Whether a word (without its final period) is one of [`ABBREVIATIONS`], in any case.
fn is_abbreviation(raw: &str, ascii: bool) -> bool {
    if ascii {
        raw.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(raw))
    } else {
        // Some non-ASCII letters upper-case to ASCII (`ſ` to `S`).
        ABBREVIATIONS.contains(&raw.to_uppercase().as_str())
    }
}

/// Push the word at bytes `b0..b1` (code points `c0..c1`), splitting off possessives and
/// contractions.
///
/// `ascii`: the word is ASCII; `has_apostrophe`: it has a `'` or `’` inside (where the
/// folded `'` of a possessive or contraction can only come from).
#[allow(clippy::too_many_arguments)]
fn push_word(text: &str, b0: usize, b1: usize, c0: usize, c1: usize, ascii: bool, has_apostrophe: bool, out: &mut Vec<Token>) {
    let raw = &text[b0..b1];
    // A word has no backtick, so an ASCII one folds by upper-casing.
    let norm = if ascii { raw.to_ascii_uppercase() } else { fold(raw) };
    // Possessive 's / s' and contraction n't, 're, 've, 'll, 'd.
    let split_at_chars = if !has_apostrophe {
        None
    } else if norm.len() > 3 && norm.ends_with("N'T") {
        Some(3)
    } else if norm.len() > 2 && (norm.ends_with("'S") || norm.ends_with("'D") || norm.ends_with("'M")) {
        Some(2)
    } else if norm.len() > 3 && (norm.ends_with("'RE") || norm.ends_with("'VE") || norm.ends_with("'LL")) {
        Some(3)
    } else {
        None
    };
    if let Some(k) = split_at_chars {
        // `k` code points back from the end.
        let mut bc = b1;
        for _ in 0..k {
            bc -= 1;
            while !text.is_char_boundary(bc) {
                bc -= 1;
            }
        }
        let cut = c1 - k;
        let head = fold(&text[b0..bc]);
        let kind = kind_of(&head);
        let caps = is_caps(&text[b0..bc], ascii);
        out.push(Token { start: b0, end: bc, char_start: c0, char_end: cut, norm: head, kind, caps });
        out.push(Token { start: bc, end: b1, char_start: cut, char_end: c1, norm: fold(&text[bc..b1]), kind: TokenKind::Word, caps: false });
        return;
    }
    let kind = kind_of(&norm);
    out.push(Token { start: b0, end: b1, char_start: c0, char_end: c1, norm, kind, caps: is_caps(raw, ascii) });
}

/// At least two letters, none of them lower-case (`ascii`: `raw` is known to be ASCII).
#[inline]
fn is_caps(raw: &str, ascii: bool) -> bool {
    if ascii {
        // Most words settle on their first two bytes (`the`, `Gondor`).
        match raw.as_bytes() {
            [a, ..] if a.is_ascii_lowercase() => return false,
            [_, b, ..] if b.is_ascii_lowercase() => return false,
            _ => {}
        }
        let mut letters = 0;
        for &b in raw.as_bytes() {
            if b.is_ascii_lowercase() {
                return false;
            }
            letters += usize::from(b.is_ascii_uppercase());
        }
        return letters >= 2;
    }
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
    // Bytewise: a non-ASCII character has no byte that is a digit or `,` `.` `-`.
    let b = norm.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) && b.iter().all(|&c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b'-')) {
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

/// The tokenizer as first written (over a `Vec` of decoded characters), kept as the plain
/// statement the faster one is tested against.
#[cfg(test)]
pub(crate) mod reference {
    use super::{Token, TokenKind, ABBREVIATIONS};

    /// Split a sentence into tokens.
    pub(crate) fn tokenize(text: &str) -> Vec<Token> {
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

    /// A small deterministic generator (xorshift64*).
    pub(crate) struct Rng(pub u64);

    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Pieces of news-like text that exercise every rule of the tokenizer: abbreviations,
    /// possessives and contractions (with typographic apostrophes), numbers, hyphens, quotes and
    /// non-ASCII letters, digits and spaces (some of which change length when upper-cased).
    pub(crate) const PIECES: &[&str] = &[
        "Gondor", "gondor", "GONDOR", "the", "U.S.", "U.S", "u.s.", "U.N.", "E.U", "Mr.", "mr.", "MRS.", "Dr", "Gen.", "gen.",
        "Sept.", "sept.", "No.", "Inc.", "Corp", "Jr.", "approx.", "etc.", "vs.", "J.", "j.", "W.", "a.m.", "e.g.", "St.",
        "Gondor's", "Gondors'", "didn't", "won’t", "WON'T", "can`t", "they're", "we've", "I'll", "he'd", "I'm", "’s", "'s",
        "n't", "N’T", "’re", "Rohan’s", "O'Brien", "O’Neill", "rock'n'roll", "50,000", "11.8", "1,2", "a,b", "3-2", "1.5bn",
        "$2.5bn", "2023-09-15", "10.", "1.", "-5", "anti-", "anti- ", "war-torn", "Barad-dur", "-", "--", "---", "—", "–",
        "``", "`", "''", "'", "\"", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "&", "AT&T", "R&D", "&amp;", "_", "__init",
        "snake_case", ".", "..", "...", "…", "!", "?", "?!", ",", ";", ":", "/", "%", "#", "@", "ſt", "ſt.", "ß", "STRAßE",
        "Ünal", "ÜNAL", "İstanbul", "ı", "ŉ't", "ŉ", "ǆ", "ǅ", "Ǆ", "ﬁ", "ﬀ.", "ΣΟΦΙΑ", "Σοφία", "Москва", "МОСКВА", "日本",
        "١٢٣", "٣.٥", "²", "½", "e\u{301}", "É", "é", "ẞ", "ǰ", "ΐ", "😀", "\u{200b}", "\u{feff}", "K", "Å", "Ⅻ", "ⅻ",
        "Ⓐ", "ⓐ", "ABC'S", "x’", "’", "n'", "'t", "s'", "a-", "-a", "a.", ".a", "a..b", "a.-b", "a'-b", "Mc'", "DON'T'S",
    ];
    pub(crate) const SPACES: &[&str] = &[" ", " ", " ", "", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{2009}", "\u{3000}", "\u{2028}", "\u{85}", "\u{b}", "\u{c}"];

    /// A random string of pieces and spaces, sometimes with a random code point thrown in.
    pub(crate) fn random_text(rng: &mut Rng, pieces: &[&str], spaces: &[&str], most: usize) -> String {
        let mut s = String::new();
        for _ in 0..1 + rng.below(most) {
            match rng.below(20) {
                0 => s.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('\u{fffd}')),
                1 => s.push(char::from(rng.below(128) as u8)),
                _ => s.push_str(pieces[rng.below(pieces.len())]),
            }
            s.push_str(spaces[rng.below(spaces.len())]);
        }
        s
    }

    fn check_same(text: &str) {
        assert_eq!(tokenize(text), reference::tokenize(text), "{text:?}");
    }

    #[test]
    fn agrees_with_the_reference_on_random_text() {
        let mut rng = Rng(0x5eed_7043_11ce_0001);
        for _ in 0..60_000 {
            let text = random_text(&mut rng, PIECES, SPACES, 12);
            check_same(&text);
        }
        for p in PIECES {
            for q in PIECES {
                check_same(&format!("{p}{q}"));
                check_same(&format!("{p} {q}."));
            }
        }
    }

    #[test]
    fn agrees_with_the_reference_on_every_character() {
        // Every code point in runs; in the contexts of the rules, the ones whose properties can
        // matter (non-Latin letters, spaces, punctuation, odd case mappings) and a sample of
        // the rest.
        let mut s = String::new();
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            s.push(c);
            if s.len() > 200 {
                check_same(&s);
                s.clear();
            }
            let odd_case = c.to_uppercase().count() != 1 || (!c.is_ascii() && c.to_uppercase().any(|u| u.is_ascii()));
            let interesting = (c as u32) < 0x800 || (0x2000..0x2070).contains(&(c as u32)) || c.is_whitespace() || odd_case;
            if !interesting && c as u32 % 17 != 0 {
                continue;
            }
            for t in [format!("{c}"), format!("ab{c}"), format!("a{c}b"), format!("1{c}2"), format!("{c}.{c} {c}'s {c}n't"), format!("{c}. {c}{c}. x{c}-  {c}")] {
                check_same(&t);
            }
        }
    }

    #[test]
    fn agrees_with_the_reference_on_real_text() {
        for rel in ["eval/conflibert/cameo_class_train.tsv", "eval/petrarch/PETR.UnitTest.records.xml", "examples/moscow-times-wang-yi-2023.txt", "eval/tabari/Validate.text"] {
            let local = format!("{}/../../../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
            let Some(text) = std::fs::read_to_string(local).or_else(|_| std::fs::read_to_string(format!("/work/shared/{rel}"))).ok() else { continue };
            for line in text.lines() {
                check_same(line);
            }
            check_same(&text[..text.len().min(200_000)].chars().collect::<String>());
        }
    }
}
