//! Publisher boilerplate in plain-text articles: text that came with the article but is not news.
//!
//! Scraped news text often ends with (or is interrupted by) the publisher's own words: donation
//! appeals ("A Message from ...: Dear readers, ... please support us monthly ... Remind me later."),
//! newsletter and follow prompts, "Read more:" links, photo credits and captions, cookie notices,
//! copyright lines. They contain political words ("the Prosecutor General's Office has designated
//! us an undesirable organization"), so coding them produces false events.
//!
//! [`find_boilerplate`] is pure: it reads the body and returns byte ranges to drop;
//! [`crate::Doc`] applies them so dropped text yields no sentences. The rules work on *units*,
//! the lines of the body as a writer meant them ([`paragraphs`]: physical lines, with hard-wrapped
//! lines joined back). In the order they apply:
//!
//! 1. **Known paragraphs.** A unit whose normalised text is in the caller's [`BoilerplateSet`]
//!    (e.g. paragraphs that recur across many articles of one source) is dropped.
//! 2. **Trailing appeal block.** Units are scanned for *appeal cues* of several kinds: an address
//!    to readers at the start of a unit (`Dear readers`, `Dear friends`); a short heading `A message
//!    from ...`; `support us` / `support our journalism` / `support independent journalism`;
//!    `we need your help` and kin; `donate`/`donation`/`contribution` with `monthly`, `one-time` or
//!    a small money amount (`$2`, not `$50 billion`); `become a member/subscriber`; `Remind me
//!    later`. A unit with a cue starts a block that runs to the end of the article when all of:
//!    - the unit is not quoted speech: it does not open with a quotation mark, does not pair a
//!      quotation mark with a speech verb, and the unit before it does not introduce a quote
//!      (`..., the editor wrote:`);
//!    - the block holds cues of at least two different kinds, and its cue units follow each other
//!      with at most [`MAX_GAP`] real units between them;
//!    - the appeal reaches the end: at most [`MAX_TAIL`] real units follow its last cue unit (a
//!      block followed by more news is a quote or an interruption, and is kept);
//!    - at least one real unit precedes it;
//!    - it starts in the last half of the article (by characters), or it is unmistakable
//!      (cues of three kinds or more), so a short report followed by a long appeal is caught too.
//!
//!    The earliest such unit starts the block; a heading right before it (a short unit ending in
//!    `:` or without final punctuation, like `A Message from The Moscow Times:`) is part of it.
//! 3. **Single boilerplate lines**, anywhere: a unit of at most [`MAX_LINE`] characters is dropped
//!    when a cue *starts* it (after bullets and dashes): link lines (`Read more:`, `Read also:`,
//!    `Related:`, `See also:`), prompts (`Advertisement`, `Sign up ... newsletter`, `Subscribe ...`,
//!    `Follow us on ...`, `Share this ...`, `Click here ...`), credits (`Photo:`, `Photograph:`,
//!    `Image:`, `Image credit ...`, `FILE PHOTO:`), copyright lines (`© 2023 ...`, `Copyright ...`),
//!    publishing notes (`This article was originally published ...`, `Reporting by ...`,
//!    `The views expressed ...`), cookie notices (`We use cookies ...`), and a short unit that
//!    opens with an appeal cue (`Support independent journalism: donate today`). Cues that are
//!    common words (`Read more`, `Photo by`, a bare `Sign up`) need a short unit (< [`SHORT`]
//!    characters) or a colon after them. Also dropped: a short unit *mainly* of a cue (a
//!    newsletter prompt, `All rights reserved`, a `©` line, `Name / Agency` credit), and a unit
//!    that ends with a photo credit in parentheses (`(AP Photo/John Smith)`, `(Reuters/...)`): a
//!    caption. A cue in the middle of a normal sentence ("Germany pledged to donate tanks and
//!    support its air defence") never drops it.

use std::collections::HashSet;
use std::ops::Range;

/// Cue units of an appeal block may be this many real units apart.
pub const MAX_GAP: usize = 5;
/// At most this many real units may follow the last cue unit of a trailing appeal block.
pub const MAX_TAIL: usize = 2;
/// Single-line rules look at units up to this many characters.
pub const MAX_LINE: usize = 400;
/// A "short" unit, for cues that are common words.
pub const SHORT: usize = 120;
/// A real unit (news text) has at least this many words.
const REAL_WORDS: usize = 5;

/// Why a range was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A paragraph the caller knows as boilerplate ([`BoilerplateSet`]).
    Known,
    /// A trailing appeal block: donation or membership appeal, `A message from ...`.
    Appeal,
    /// `Read more:`, `Related:`, `See also:` link lines.
    Link,
    /// Newsletter, subscription, follow, share and click prompts; `Advertisement`.
    Prompt,
    /// Photo credits and captions.
    Credit,
    /// Copyright lines.
    Copyright,
    /// Publishing notes: `This article was originally published ...`, `Reporting by ...`.
    Note,
    /// Cookie notices.
    Cookies,
}

/// A dropped range of the body and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boilerplate {
    /// Byte range in the body (trimmed of surrounding whitespace).
    pub range: Range<usize>,
    pub reason: Reason,
}

/// Paragraphs known to be boilerplate, matched after [`BoilerplateSet::normalize`] (case,
/// whitespace and typographic quotes folded). Empty by default; meant to be filled from a corpus
/// (a paragraph that recurs across many articles of one source), with [`paragraphs`] giving the
/// units to count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoilerplateSet {
    paragraphs: HashSet<String>,
}

impl BoilerplateSet {
    pub fn new() -> BoilerplateSet {
        BoilerplateSet::default()
    }

    /// Add a paragraph (any case and spacing).
    pub fn insert(&mut self, paragraph: &str) {
        let key = Self::normalize(paragraph);
        if !key.is_empty() {
            self.paragraphs.insert(key);
        }
    }

    pub fn contains(&self, paragraph: &str) -> bool {
        !self.paragraphs.is_empty() && self.paragraphs.contains(&Self::normalize(paragraph))
    }

    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The matching key of a paragraph: lower case, whitespace collapsed to single spaces,
    /// typographic quotes and apostrophes folded to ASCII.
    pub fn normalize(paragraph: &str) -> String {
        normalize(paragraph)
    }
}

impl<S: AsRef<str>> FromIterator<S> for BoilerplateSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut set = BoilerplateSet::new();
        for p in iter {
            set.insert(p.as_ref());
        }
        set
    }
}

/// Byte ranges of `body` to drop as boilerplate, sorted, merged where only whitespace separates
/// them. See the module docs for the rules.
pub fn find_boilerplate(body: &str) -> Vec<Range<usize>> {
    find_boilerplate_with(body, &BoilerplateSet::default())
}

/// [`find_boilerplate`], also dropping the paragraphs of `known`.
pub fn find_boilerplate_with(body: &str, known: &BoilerplateSet) -> Vec<Range<usize>> {
    merge_ranges(body, detect_boilerplate(body, known).into_iter().map(|b| b.range))
}

/// Every boilerplate range of `body` with its reason, sorted by start and not overlapping
/// (unmerged: one entry per unit, or one for a whole appeal block).
pub fn detect_boilerplate(body: &str, known: &BoilerplateSet) -> Vec<Boilerplate> {
    let (mut byte, mut chars) = (0, 0);
    let units: Vec<Unit> = paragraphs(body)
        .into_iter()
        .map(|r| {
            chars += body[byte..r.start].chars().count();
            byte = r.start;
            Unit::new(body, r, chars, known)
        })
        .collect();
    let block = appeal_block(body, &units);
    let mut out = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if let Some((first, _)) = block {
            if i >= first {
                break;
            }
        }
        if let Some(reason) = u.line {
            out.push(Boilerplate { range: u.range.clone(), reason });
        }
    }
    if let Some((first, last)) = block {
        out.push(Boilerplate { range: units[first].range.start..units[last].range.end, reason: Reason::Appeal });
    }
    out
}

/// Sort ranges and merge those that overlap or are separated only by whitespace in `body`.
pub fn merge_ranges(body: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut v: Vec<Range<usize>> = ranges.into_iter().filter(|r| r.start < r.end).collect();
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in v {
        if let Some(last) = out.last_mut() {
            if r.start <= last.end || body.get(last.end..r.start).is_some_and(|gap| gap.trim().is_empty()) {
                last.end = last.end.max(r.end);
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// The units the rules work on, as trimmed byte ranges of `body`: the lines of the text, except
/// that a line continues on the next when the next starts in lower case, or when the paragraph
/// (lines between blank lines) is hard-wrapped (all lines ≤ 120 characters, the longest ≥ 40),
/// the line is at least 60% as long as its longest line and does not end in final punctuation
/// (`.` `!` `?` `:` a closing quote or bracket). A blank line always ends a unit.
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if c == '\n' {
            lines.push(trim_range(body, start..i));
            start = i + 1;
        }
    }
    lines.push(trim_range(body, start..body.len()));

    let width = |r: &Range<usize>| body[r.clone()].chars().count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_empty() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && !lines[j].is_empty() {
            j += 1;
        }
        let widest = lines[i..j].iter().map(width).max().unwrap_or(0);
        let wrapped = j - i > 1 && (40..=120).contains(&widest);
        let mut unit_start = lines[i].start;
        for k in i..j {
            let joins = k + 1 < j && {
                let next_lower = body[lines[k + 1].clone()].starts_with(char::is_lowercase);
                let ends = body[lines[k].clone()].ends_with(['.', '!', '?', '…', ':', '"', '”', '’', ')']);
                next_lower || (wrapped && !ends && width(&lines[k]) * 10 >= widest * 6)
            };
            if !joins {
                out.push(unit_start..lines[k].end);
                if k + 1 < j {
                    unit_start = lines[k + 1].start;
                }
            }
        }
        i = j;
    }
    out
}

fn trim_range(body: &str, r: Range<usize>) -> Range<usize> {
    let s = &body[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        r.start..r.start
    } else {
        r.start + lead..r.start + lead + trimmed.len()
    }
}

/// Lower case, whitespace collapsed, typographic quotes folded.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '‘' | '’' | '‛' | '`' | '´' => out.push('\''),
                '“' | '”' | '„' | '‟' | '«' | '»' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// One unit with what the rules need to know about it.
struct Unit {
    range: Range<usize>,
    /// Character offset of the unit in the body.
    char_start: usize,
    chars: usize,
    words: usize,
    /// Normalised text.
    norm: String,
    /// The single-line verdict (rule 1 or 3).
    line: Option<Reason>,
    /// Appeal cue kinds (bit set).
    cues: u16,
}

impl Unit {
    fn new(body: &str, range: Range<usize>, char_start: usize, known: &BoilerplateSet) -> Unit {
        let text = &body[range.clone()];
        let norm = normalize(text);
        let chars = text.chars().count();
        let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let cues = appeal_cues(&norm, chars);
        let line = if known.contains(text) { Some(Reason::Known) } else { line_reason(text, &norm, chars, cues) };
        Unit { char_start, range, chars, words, norm, line, cues }
    }

    /// News text: not boilerplate by the line rules and long enough to say something.
    fn is_real(&self) -> bool {
        self.line.is_none() && self.words >= REAL_WORDS
    }
}

// ---------------------------------------------------------------------------------------------
// Rule 2: trailing appeal block.

const SALUTATION: u16 = 1;
const MESSAGE_FROM: u16 = 1 << 1;
const SUPPORT: u16 = 1 << 2;
const NEED_HELP: u16 = 1 << 3;
const DONATION: u16 = 1 << 4;
const MEMBERSHIP: u16 = 1 << 5;
const REMIND: u16 = 1 << 6;

/// Find the trailing appeal block: (first unit, last unit) indices, heading included.
fn appeal_block(body: &str, units: &[Unit]) -> Option<(usize, usize)> {
    let total_chars = body.chars().count();
    let last = units.len().checked_sub(1)?;
    for s in 0..units.len() {
        let u = &units[s];
        if u.cues == 0 || is_quoted_speech(&u.norm) || (s > 0 && introduces_quote(&units[s - 1])) {
            continue;
        }
        // The chain of cue units from here.
        let (mut kinds, mut last_cue, mut gap) = (0u16, s, 0);
        for (k, v) in units.iter().enumerate().skip(s) {
            if v.cues != 0 {
                kinds |= v.cues;
                last_cue = k;
                gap = 0;
            } else if v.is_real() {
                gap += 1;
                if gap > MAX_GAP {
                    break;
                }
            }
        }
        let n_kinds = kinds.count_ones();
        if n_kinds < 2 {
            continue;
        }
        let tail = units[last_cue + 1..].iter().filter(|v| v.is_real()).count();
        if tail > MAX_TAIL {
            continue;
        }
        if !(u.char_start * 2 >= total_chars || n_kinds >= 3) {
            continue;
        }
        let first = if s > 0 && is_heading(&units[s - 1]) { s - 1 } else { s };
        if !units[..first].iter().any(Unit::is_real) {
            continue;
        }
        return Some((first, last));
    }
    None
}

/// A heading line of an appeal: short, ending in a colon or without final punctuation.
fn is_heading(u: &Unit) -> bool {
    let t = u.norm.trim_end();
    u.chars <= 100 && u.words <= 12 && (t.ends_with(':') || !t.ends_with(['.', '!', '?', '"', '\'', ')', ',', ';', '…']))
}

const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "wrote", "writes", "write", "added", "adds", "stated", "states",
    "declared", "announced", "urged", "urges", "asked", "asks", "posted", "published", "reads", "read", "noted",
    "insisted", "appealed", "pleaded", "tweeted",
];

/// Quoted speech: opens with a quotation mark, or has one and a speech verb.
fn is_quoted_speech(norm: &str) -> bool {
    let opens = norm.starts_with(['"', '\'']);
    let has_quote = norm.contains('"') || norm.contains(" '");
    opens || (has_quote && words(norm).any(|w| SPEECH_VERBS.contains(&w)))
}

/// A unit that introduces a quote: no appeal cue of its own, ends with a colon, and has a speech
/// verb or a word for a text (`In a letter to readers, the editor wrote:`).
fn introduces_quote(u: &Unit) -> bool {
    u.cues == 0
        && u.norm.trim_end().ends_with(':')
        && words(&u.norm).any(|w| {
            SPEECH_VERBS.contains(&w) || matches!(w, "statement" | "letter" | "note" | "post" | "message" | "appeal")
        })
}

/// The words of a normalised text: runs of letters, digits, `'` and `-`.
fn words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')).filter(|w| !w.is_empty())
}

const ADDRESSEES: &[&str] = &[
    "reader", "friend", "subscriber", "supporter", "member", "listener", "viewer", "follower", "patron", "donor",
    "visitor", "user",
];

/// The appeal cue kinds in a unit (normalised text, length in characters).
fn appeal_cues(t: &str, chars: usize) -> u16 {
    let head = strip_bullets(t);
    let mut cues = 0;
    // `Dear readers`, `Dear Moscow Times readers`, `Dear friends` at the start.
    if let Some(rest) = head.strip_prefix("dear ") {
        if words(rest).take(4).any(|w| ADDRESSEES.iter().any(|a| w.starts_with(a))) {
            cues |= SALUTATION;
        }
    }
    // A short heading `A message from ...`.
    if chars <= 100
        && [
            "a message from ",
            "a note from ",
            "a letter from ",
            "a word from ",
            "an appeal from ",
            "a request from ",
            "a message to our readers",
            "a note to our readers",
            "a message to readers",
            "a note to readers",
            "to our readers",
        ]
        .iter()
        .any(|p| head.starts_with(p))
    {
        cues |= MESSAGE_FROM;
    }
    if has_support(t) {
        cues |= SUPPORT;
    }
    if [
        "we need your help",
        "we need your support",
        "need your help to",
        "readers like you",
        "reader-funded",
        "reader funded",
        "funded by our readers",
        "funded by readers",
        "rely on our readers",
        "rely on readers",
        "relies on readers",
        "depend on our readers",
        "depends on our readers",
        "no matter how small",
        "no matter how big",
        "every contribution",
        "every donation",
        "any amount helps",
        "it only takes a minute",
        "it's quick to set up",
    ]
    .iter()
    .any(|p| contains_phrase(t, p))
        || head.starts_with("your support")
    {
        cues |= NEED_HELP;
    }
    if has_donation(t) {
        cues |= DONATION;
    }
    if has_membership(t) {
        cues |= MEMBERSHIP;
    }
    if contains_phrase(t, "remind me later")
        || matches!(head.trim_end_matches(['.', '!']), "maybe later" | "no thanks" | "no, thanks" | "not now")
    {
        cues |= REMIND;
    }
    cues
}

/// `support us`, `support our journalism`, `support independent journalism`, ...
fn has_support(t: &str) -> bool {
    const OBJECTS: &[&str] = &[
        "journalism", "work", "reporting", "newsroom", "journalists", "mission", "coverage", "reporters", "media",
        "publication", "website", "site",
    ];
    const QUALITIES: &[&str] = &[
        "independent", "quality", "free", "fearless", "trusted", "public-interest", "reader-funded", "nonprofit",
        "non-profit", "honest", "local", "investigative", "unbiased",
    ];
    const NEWS: &[&str] = &["journalism", "media", "news", "press", "reporting", "journalists"];
    for verb in ["support ", "supporting ", "back ", "fund "] {
        let mut from = 0;
        while let Some(i) = find_word(t, verb.trim_end(), from) {
            from = i + verb.len();
            let rest = &t[(i + verb.len()).min(t.len())..];
            let mut ws = words(rest);
            let (Some(w1), w2) = (ws.next(), ws.next()) else { continue };
            if w1 == "us" && !rest.starts_with("us-") && verb != "back " && verb != "fund " {
                return true;
            }
            if w1 == "our" && w2.is_some_and(|w| OBJECTS.contains(&w)) {
                return true;
            }
            if QUALITIES.contains(&w1) && w2.is_some_and(|w| NEWS.contains(&w)) {
                return true;
            }
        }
    }
    false
}

/// `donate`/`donation`/`contribution` with `monthly`, `one-time`, `recurring` or a small money
/// amount; or an imperative `donate now`, `make a donation`.
fn has_donation(t: &str) -> bool {
    let imperative =
        ["donate now", "donate today", "donate here", "please donate", "make a donation", "make a contribution", "make a gift"]
        .iter()
        .any(|p| contains_phrase(t, p));
    if imperative {
        return true;
    }
    let stem = ["donat", "contribut", "chip in", "give monthly"].iter().any(|s| {
        let mut from = 0;
        while let Some(i) = t[from..].find(s) {
            let at = from + i;
            if at == 0 || !t[..at].ends_with(char::is_alphanumeric) {
                return true;
            }
            from = at + s.len();
        }
        false
    });
    if !stem {
        return false;
    }
    let frequency = ["monthly", "one-time", "one-off", "per month", "every month", "recurring"]
        .iter()
        .any(|p| contains_phrase(t, p))
        || a_month(t);
    frequency || has_small_amount(t)
}

/// `a month` as a rate (`$5 a month`), not `a month ago`.
fn a_month(t: &str) -> bool {
    let mut from = 0;
    while let Some(i) = find_word(t, "a month", from) {
        let next = words(&t[i + 7..]).next().unwrap_or("");
        if !matches!(next, "ago" | "later" | "earlier" | "before" | "after" | "long" | "of" | "or" | "and" | "into" | "since") {
            return true;
        }
        from = i + 7;
    }
    false
}

/// A small money amount: `$2`, `€5`, `£10.50`, `5 euros`; not `$50 billion` or `$1,000`.
fn has_small_amount(t: &str) -> bool {
    for (i, c) in t.char_indices() {
        if matches!(c, '$' | '€' | '£' | '₽' | '¥' | '₴') {
            let after = &t[i + c.len_utf8()..];
            let digits: String = after.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let int_len = digits.split('.').next().unwrap_or("").len();
            if int_len == 0 || int_len > 3 {
                continue;
            }
            let rest = after[digits.len()..].trim_start();
            let scaled = rest.starts_with(',')
                && rest[1..].starts_with(|c: char| c.is_ascii_digit())
                || ["million", "billion", "trillion", "bn", "m ", "m.", "k ", "thousand", "mln", "mn"]
                    .iter()
                    .any(|s| rest.starts_with(s))
                || rest == "m"
                || rest == "bn"
                || rest == "k";
            if !scaled {
                return true;
            }
        }
    }
    // `5 euros`, `10 dollars`.
    let ws: Vec<&str> = t.split_whitespace().collect();
    for pair in ws.windows(2) {
        let n = pair[0].trim_start_matches(['(', '"']);
        if !n.is_empty() && n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit()) {
            let unit = pair[1].trim_end_matches(|c: char| !c.is_alphabetic());
            if matches!(unit, "dollars" | "dollar" | "euros" | "euro" | "pounds" | "rubles" | "roubles" | "usd" | "eur") {
                return true;
            }
        }
    }
    false
}

/// `become a member`, `become a subscriber` (not `become a member of NATO`), `subscribe now`.
fn has_membership(t: &str) -> bool {
    for p in ["become a ", "becoming a "] {
        let mut from = 0;
        while let Some(i) = t[from..].find(p) {
            let at = from + i;
            from = at + p.len();
            if at > 0 && t[..at].ends_with(char::is_alphanumeric) {
                continue;
            }
            let rest = &t[at + p.len()..];
            let rest = ["paying ", "monthly ", "regular ", "founding "].iter().fold(rest, |r, q| r.strip_prefix(q).unwrap_or(r));
            let mut ws = words(rest);
            let w1 = ws.next().unwrap_or("");
            if matches!(w1, "member" | "subscriber" | "supporter" | "patron" | "donor" | "sustainer")
                && !rest[w1.len().min(rest.len())..].trim_start().starts_with("of ")
            {
                return true;
            }
        }
    }
    ["subscribe now", "subscribe today", "join our community of", "join thousands of readers", "join our members"]
        .iter()
        .any(|p| contains_phrase(t, p))
}

// ---------------------------------------------------------------------------------------------
// Rule 3: single boilerplate lines.

/// How a line cue must stand for the line to be dropped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stand {
    /// The cue starts the line (word boundary after it).
    Start,
    /// The cue starts the line and a colon (or dash, arrow) follows, or the line is short and
    /// not a sentence (no final punctuation, or six words at most).
    ColonOrShort,
    /// The cue starts the line and a colon (or dash, arrow) follows.
    Colon,
    /// The line is the cue alone (punctuation aside).
    Whole,
}

#[rustfmt::skip]
const LINE_CUES: &[(&str, Stand, Reason)] = &[
    ("read more", Stand::ColonOrShort, Reason::Link),
    ("read also", Stand::ColonOrShort, Reason::Link),
    ("also read", Stand::ColonOrShort, Reason::Link),
    ("read next", Stand::ColonOrShort, Reason::Link),
    ("see also", Stand::ColonOrShort, Reason::Link),
    ("related", Stand::Colon, Reason::Link),
    ("related articles", Stand::Start, Reason::Link),
    ("related stories", Stand::Start, Reason::Link),
    ("related coverage", Stand::Start, Reason::Link),
    ("related content", Stand::Start, Reason::Link),
    ("related news", Stand::Start, Reason::Link),
    ("related reading", Stand::Start, Reason::Link),
    ("related topics", Stand::Start, Reason::Link),
    ("further reading", Stand::ColonOrShort, Reason::Link),
    ("more on this story", Stand::Start, Reason::Link),
    ("more on this topic", Stand::Start, Reason::Link),
    ("recommended", Stand::Colon, Reason::Link),
    ("most read", Stand::Colon, Reason::Link),
    ("editor's picks", Stand::ColonOrShort, Reason::Link),
    ("donate", Stand::Whole, Reason::Appeal),
    ("advertisement", Stand::Whole, Reason::Prompt),
    ("advertising", Stand::Whole, Reason::Prompt),
    ("sponsored", Stand::Whole, Reason::Prompt),
    ("sponsored content", Stand::ColonOrShort, Reason::Prompt),
    ("story continues below advertisement", Stand::Whole, Reason::Prompt),
    ("article continues below", Stand::ColonOrShort, Reason::Prompt),
    ("sign up", Stand::Start, Reason::Prompt),
    ("subscribe", Stand::Start, Reason::Prompt),
    ("follow us", Stand::Start, Reason::Prompt),
    ("share this", Stand::Start, Reason::Prompt),
    ("share on", Stand::Start, Reason::Prompt),
    ("share", Stand::Whole, Reason::Prompt),
    ("click here", Stand::Start, Reason::Prompt),
    ("tap here", Stand::Start, Reason::Prompt),
    ("download our app", Stand::Start, Reason::Prompt),
    ("download the app", Stand::Start, Reason::Prompt),
    ("listen to this article", Stand::Start, Reason::Prompt),
    ("watch", Stand::Colon, Reason::Prompt),
    ("video", Stand::Colon, Reason::Prompt),
    ("photo", Stand::Colon, Reason::Credit),
    ("photos", Stand::Colon, Reason::Credit),
    ("photograph", Stand::Colon, Reason::Credit),
    ("photographs", Stand::Colon, Reason::Credit),
    ("photo credit", Stand::Start, Reason::Credit),
    ("photo by", Stand::ColonOrShort, Reason::Credit),
    ("photography by", Stand::ColonOrShort, Reason::Credit),
    ("file photo", Stand::ColonOrShort, Reason::Credit),
    ("image", Stand::Colon, Reason::Credit),
    ("images", Stand::Colon, Reason::Credit),
    ("image credit", Stand::Start, Reason::Credit),
    ("image source", Stand::ColonOrShort, Reason::Credit),
    ("image caption", Stand::ColonOrShort, Reason::Credit),
    ("picture", Stand::Colon, Reason::Credit),
    ("pictured", Stand::Colon, Reason::Credit),
    ("caption", Stand::Colon, Reason::Credit),
    ("credit", Stand::Colon, Reason::Credit),
    ("credits", Stand::Colon, Reason::Credit),
    ("illustration", Stand::Colon, Reason::Credit),
    ("copyright ©", Stand::Start, Reason::Copyright),
    ("copyright (c)", Stand::Start, Reason::Copyright),
    ("copyright", Stand::Colon, Reason::Copyright),
    ("©", Stand::Start, Reason::Copyright),
    ("all rights reserved", Stand::Start, Reason::Copyright),
    ("this article was originally published", Stand::Start, Reason::Note),
    ("this article was first published", Stand::Start, Reason::Note),
    ("this article originally appeared", Stand::Start, Reason::Note),
    ("this article first appeared", Stand::Start, Reason::Note),
    ("this story was originally published", Stand::Start, Reason::Note),
    ("this story was first published", Stand::Start, Reason::Note),
    ("this story originally appeared", Stand::Start, Reason::Note),
    ("this story first appeared", Stand::Start, Reason::Note),
    ("originally published", Stand::ColonOrShort, Reason::Note),
    ("a version of this article", Stand::Start, Reason::Note),
    ("a version of this story", Stand::Start, Reason::Note),
    ("this article has been updated", Stand::Start, Reason::Note),
    ("our standards", Stand::Colon, Reason::Note),
    ("we use cookies", Stand::Start, Reason::Cookies),
    ("this site uses cookies", Stand::Start, Reason::Cookies),
    ("this website uses cookies", Stand::Start, Reason::Cookies),
    ("our website uses cookies", Stand::Start, Reason::Cookies),
    ("by using this site", Stand::Start, Reason::Cookies),
    ("by using our site", Stand::Start, Reason::Cookies),
    ("accept cookies", Stand::Start, Reason::Cookies),
    ("accept all cookies", Stand::Start, Reason::Cookies),
    ("cookie policy", Stand::ColonOrShort, Reason::Cookies),
    ("cookie settings", Stand::ColonOrShort, Reason::Cookies),
];

/// Photo agencies and picture libraries, for `Name / Agency` credit lines.
const AGENCIES: &[&str] = &[
    "reuters", "ap", "afp", "epa", "epa-efe", "efe", "getty images", "getty", "tass", "ria novosti", "sputnik",
    "xinhua", "anadolu", "anadolu agency", "bloomberg", "pool", "shutterstock", "unsplash", "alamy", "kremlin.ru",
    "ap photo", "afp photo", "dpa", "ansa", "kyodo", "yonhap", "wikimedia commons", "handout", "zuma",
    "sipa", "imago", "pa", "pa images", "pa wire", "press service", "mos.ru", "the associated press",
];

const SOCIAL: &[&str] = &[
    "twitter", "x", "facebook", "instagram", "telegram", "linkedin", "youtube", "tiktok", "threads", "bluesky",
    "mastodon", "whatsapp", "vk", "google", "flipboard", "social",
];

/// The single-line verdict for a unit (rule 3).
fn line_reason(text: &str, t: &str, chars: usize, cues: u16) -> Option<Reason> {
    if chars > MAX_LINE {
        return None;
    }
    let short = chars < SHORT;
    let head = strip_bullets(t);
    if let Some(reason) = special_line(head, t, chars) {
        return Some(reason);
    }
    for &(cue, stand, reason) in LINE_CUES {
        let Some(rest) = head.strip_prefix(cue) else { continue };
        // A word boundary after the cue (`subscribers` is not `subscribe`).
        if rest.starts_with(|c: char| c.is_alphanumeric()) && !cue.ends_with(|c: char| !c.is_alphanumeric()) {
            continue;
        }
        let punct = rest.trim_start();
        let colon = punct.starts_with([':', '-', '–', '—', '|', '→', '›', '»', '>']);
        let alone = rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
        let ok = match stand {
            Stand::Start => true,
            Stand::ColonOrShort => colon || (short && (!t.ends_with(['.', '!', '?']) || words(t).count() <= 6)),
            Stand::Colon => colon || alone,
            Stand::Whole => alone,
        };
        if ok {
            return Some(reason);
        }
    }
    if short {
        // Newsletter prompts anywhere in a short line.
        if contains_phrase(t, "newsletter")
            && ["sign up", "subscribe", "get our", "get the", "delivered", "inbox", "don't miss"].iter().any(|p| t.contains(p))
        {
            return Some(Reason::Prompt);
        }
        // `Follow The Courier on Telegram`.
        if head.starts_with("follow ") {
            if let Some(on) = t.rfind(" on ") {
                let target = t[on + 4..].trim_end_matches(|c: char| !c.is_alphanumeric());
                if target.split([' ', ',', '/']).any(|w| SOCIAL.contains(&w)) {
                    return Some(Reason::Prompt);
                }
            }
        }
        if t.contains('©') || contains_phrase(t, "all rights reserved") {
            return Some(Reason::Copyright);
        }
        if is_agency_credit(t) {
            return Some(Reason::Credit);
        }
        // A short line that opens with an appeal cue: `Support independent journalism. Donate now.`
        if cues != 0
            && ["support", "donate", "become", "please", "make a", "chip in", "dear", "a message from", "remind me", "your support", "we need your", "subscribe"]
                .iter()
                .any(|p| head.starts_with(p))
        {
            return Some(Reason::Appeal);
        }
    }
    // A caption ending with a photo credit, or a credit alone: `... (AP Photo/John Smith)`.
    if text.trim_end().ends_with(')') {
        if let Some(open) = text.rfind('(') {
            let inner = &text[open + 1..text.trim_end().len() - 1];
            if is_credit_parenthetical(inner) {
                return Some(Reason::Credit);
            }
        }
    }
    None
}

/// Line cues that need more than a prefix.
fn special_line(head: &str, t: &str, chars: usize) -> Option<Reason> {
    // Agency trailers: `Reporting by A; Editing by B` (no final period, or a `;`, or `editing by`),
    // not `Reporting by state media suggested ...`.
    let trailer = ["reporting by", "additional reporting by", "writing by", "editing by", "compiled by"];
    let h = head.trim_start_matches('(');
    if trailer.iter().any(|p| h.starts_with(p))
        && chars < 250
        && (t.contains(';') || !t.ends_with('.') || (!h.starts_with("editing by") && t.contains("editing by")))
    {
        return Some(Reason::Note);
    }
    if chars < 250 && (contains_phrase(t, "contributed to this report") || contains_phrase(t, "contributed reporting")) {
        return Some(Reason::Note);
    }
    // Opinion disclaimers.
    if head.starts_with("the views expressed")
        && ["necessarily", "are those of", "are solely", "the author's own"].iter().any(|p| t.contains(p))
    {
        return Some(Reason::Note);
    }
    // Copyright: `Copyright 2023 The Gondor Herald`, `(c) 2023 ...`.
    for p in ["copyright ", "(c) "] {
        if let Some(rest) = head.strip_prefix(p) {
            let year = rest.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20")));
            if year && chars < 250 {
                return Some(Reason::Copyright);
            }
        }
    }
    // Cookie notices: `By continuing to use this site, you agree to our use of cookies`.
    if (head.starts_with("by continuing to use") || head.starts_with("by continuing to browse"))
        && ["cookie", "site", "website", "our service"].iter().any(|p| t.contains(p))
    {
        return Some(Reason::Cookies);
    }
    None
}

/// The inside of a credit in parentheses: `AP Photo/John Smith`, `Reuters/Maxim Shemetov`,
/// `Photo: Jane Doe`, `Getty Images`, `Kremlin Pool Photo via AP`. Not a poll (`Reuters/Ipsos`).
fn is_credit_parenthetical(inner: &str) -> bool {
    let t = normalize(inner);
    if t.is_empty() || t.chars().count() > 80 {
        return false;
    }
    let labelled = ["photo", "photos", "photograph", "image", "images", "picture", "credit", "file photo", "illustration"]
        .iter()
        .any(|p| t.strip_prefix(p).is_some_and(|r| r.trim_start().starts_with([':', '/'])));
    let phrases = ["photo/", "photo /", "photo by", "photo courtesy", "image courtesy", "courtesy of", "photo via"];
    let slashed_photo = t.contains('/') && contains_phrase(&t, "photo");
    if labelled || slashed_photo || phrases.iter().any(|p| t.contains(p)) || inner.trim_end().ends_with(" Images") {
        return true;
    }
    // `... via AP`, `... via Reuters`.
    if let Some(i) = t.rfind(" via ") {
        if AGENCIES.contains(&t[i + 5..].trim()) {
            return true;
        }
    }
    // `Agency/Photographer Name`: a name of two to four capitalised words on the other side.
    if let Some(slash) = inner.find('/') {
        let (left, right) = (inner[..slash].trim(), inner[slash + 1..].trim());
        let agency = |s: &str| AGENCIES.contains(&normalize(s).as_str());
        let name = |s: &str| {
            let n = s.split_whitespace().count();
            (2..=4).contains(&n)
                && s.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                && !s.contains([',', ';'])
        };
        return (agency(left) && name(right)) || (name(left) && agency(right));
    }
    false
}

/// A credit line: `Maxim Shemetov / Reuters`, `Kremlin.ru`, `Getty Images`.
fn is_agency_credit(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    if t.chars().count() > 80 {
        return false;
    }
    if AGENCIES.contains(&t) || t.ends_with(" / getty images") {
        return true;
    }
    let Some(slash) = t.rfind('/') else { return false };
    let right = t[slash + 1..].trim();
    let left = t[..slash].trim();
    (AGENCIES.contains(&right) || right.ends_with(" images") || right.contains("photo"))
        && !left.is_empty()
        && left.split_whitespace().count() <= 5
        && !left.contains([',', ';', ':', '.'])
}

/// Drop leading bullets, dashes and decoration.
fn strip_bullets(t: &str) -> &str {
    t.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '*' | '-' | '–' | '—' | '>' | '▶' | '►' | '|' | '#' | '·' | '■' | '→' | '»' | '['))
}

/// `phrase` in `t` on word boundaries.
fn contains_phrase(t: &str, phrase: &str) -> bool {
    find_word(t, phrase, 0).is_some()
}

/// The first occurrence of `phrase` in `t` at or after `from` with word boundaries on both sides.
fn find_word(t: &str, phrase: &str, from: usize) -> Option<usize> {
    let mut from = from;
    while from <= t.len() {
        let i = from + t.get(from..)?.find(phrase)?;
        let end = i + phrase.len();
        let before_ok = i == 0 || !t[..i].ends_with(char::is_alphanumeric);
        let after_ok = end >= t.len() || !t[end..].starts_with(char::is_alphanumeric);
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + t[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_amounts() {
        assert!(has_small_amount("from just $2 a month"));
        assert!(has_small_amount("give €5 today"));
        assert!(has_small_amount("as little as 3 euros"));
        assert!(!has_small_amount("donate $50 billion in aid"));
        assert!(!has_small_amount("a $1,000 fine"));
        assert!(!has_small_amount("$2bn package"));
    }

    #[test]
    fn support_cues() {
        assert!(has_support("please support us monthly"));
        assert!(has_support("support independent journalism in russia"));
        assert!(has_support("by supporting our journalism you"));
        assert!(!has_support("germany will support its air defence"));
        assert!(!has_support("the us will support ukraine"));
        assert!(!has_support("support us-led efforts"));
    }

    #[test]
    fn membership_cues() {
        assert!(has_membership("become a member today"));
        assert!(!has_membership("sweden hopes to become a member of nato"));
        assert!(!has_membership("finland became a member"));
    }

    #[test]
    fn paragraphs_join_wrapped_lines() {
        let body = "The council met on Monday and agreed to send\nobservers to the border town.\n\nRead more: Talks\n";
        let p: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(p, ["The council met on Monday and agreed to send\nobservers to the border town.", "Read more: Talks"]);
    }
}
