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
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

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
    let mut scratch = String::new();
    detect_with(body, |text, chars, words| verdict(text, chars, words, known, &mut scratch))
}

/// [`detect_boilerplate`] with the per-unit verdict (line reason, appeal cue kinds) given by
/// `verdict(text, chars, words)`.
fn detect_with(body: &str, mut verdict: impl FnMut(&str, usize, usize) -> (Option<Reason>, u16)) -> Vec<Boilerplate> {
    let (mut byte, mut chars) = (0, 0);
    let units: Vec<Unit> = paragraphs(body)
        .into_iter()
        .map(|r| {
            chars += body[byte..r.start].chars().count();
            byte = r.start;
            Unit::new(body, r, chars, &mut verdict)
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
    normalize_into(s, &mut out);
    out
}

/// [`normalize`] into a reused buffer.
fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() && !w.contains('`') {
            let start = out.len();
            out.push_str(w);
            out[start..].make_ascii_lowercase();
            continue;
        }
        for c in w.chars() {
            match c {
                '‘' | '’' | '‛' | '`' | '´' => out.push('\''),
                '“' | '”' | '„' | '‟' | '«' | '»' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// One unit with what the rules need to know about it.
struct Unit {
    range: Range<usize>,
    /// Character offset of the unit in the body.
    char_start: usize,
    chars: usize,
    words: usize,
    /// The single-line verdict (rule 1 or 3).
    line: Option<Reason>,
    /// Appeal cue kinds (bit set).
    cues: u16,
}

impl Unit {
    fn new(
        body: &str,
        range: Range<usize>,
        char_start: usize,
        verdict: &mut impl FnMut(&str, usize, usize) -> (Option<Reason>, u16),
    ) -> Unit {
        let text = &body[range.clone()];
        let chars = text.chars().count();
        let words = count_words(text);
        let (line, cues) = verdict(text, chars, words);
        Unit { char_start, range, chars, words, line, cues }
    }

    /// News text: not boilerplate by the line rules and long enough to say something.
    fn is_real(&self) -> bool {
        self.line.is_none() && self.words >= REAL_WORDS
    }

    /// Normalised text (made when needed: few units are looked at that closely).
    fn norm(&self, body: &str) -> String {
        normalize(&body[self.range.clone()])
    }
}

/// Whitespace-separated words with a letter or digit.
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    }
    // The same for ASCII (`char::is_whitespace` counts the vertical tab too).
    let (mut words, mut in_word, mut alnum) = (0, false, false);
    for b in text.bytes() {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            words += usize::from(in_word && alnum);
            (in_word, alnum) = (false, false);
        } else {
            in_word = true;
            alnum |= b.is_ascii_alphanumeric();
        }
    }
    words + usize::from(in_word && alnum)
}

/// The verdict on one unit (`chars` characters, `words` words): the single-line reason (rule 1 or
/// 3) and the appeal cue kinds. The same as [`verdict_all`], faster: one pass over the raw text
/// ([`gate`]) tells which rules can fire at all, and only those are checked; most units of news
/// need none, and no normalised copy. `scratch` is a reused buffer for the normalised text.
fn verdict(text: &str, chars: usize, words: usize, known: &BoilerplateSet, scratch: &mut String) -> (Option<Reason>, u16) {
    let gate = gate(text, chars, words);
    let mut normalized = false;
    let is_known = !known.is_empty() && {
        normalize_into(text, scratch);
        normalized = true;
        known.paragraphs.contains(scratch.as_str())
    };
    let mut norm = |scratch: &mut String| {
        if !normalized {
            normalize_into(text, scratch);
            normalized = true;
        }
    };
    let cues = if gate & KINDS != 0 {
        norm(scratch);
        appeal_cues(scratch, chars, gate)
    } else {
        0
    };
    let line = if is_known {
        Some(Reason::Known)
    } else if chars <= MAX_LINE && (gate & LINE != 0 || (chars < SHORT && cues != 0)) {
        norm(scratch);
        line_reason(text, scratch, chars, cues)
    } else {
        None
    };
    (line, cues)
}

/// The verdict on one unit with every rule checked: the plain statement of what [`verdict`]
/// computes, kept to test it against.
#[cfg(test)]
fn verdict_all(text: &str, chars: usize, known: &BoilerplateSet) -> (Option<Reason>, u16) {
    let norm = normalize(text);
    let cues = appeal_cues(&norm, chars, KINDS);
    let line = if known.contains(text) { Some(Reason::Known) } else { line_reason(text, &norm, chars, cues) };
    (line, cues)
}

// ---------------------------------------------------------------------------------------------
// The prefilter: which rules can fire on a unit, from one pass over its raw text.
//
// The rules look for phrases in the normalised text (lower case, whitespace collapsed, quotes
// folded). Every such phrase contains an *anchor*: a word without quotes (they fold) or spaces
// (the raw text may have any whitespace where the normalised text has one space), found in the
// raw text ASCII case-insensitively. Phrases looked for at the start of a unit get anchors of
// their first two words, matched at the start of the raw text after bullets (when one space
// separates its first two words; else all of them count as found). A rule is checked only when
// an anchor of it is found, so a unit without anchors (most units of news) is settled without
// normalising it. Lower case maps no other character than those of `ODD_CASE` to ASCII (a test
// checks this over all of Unicode), and a unit with one of those gets every rule checked.

/// Gate bit: a single-line rule (rule 3) can fire. The appeal cue kinds are the low bits.
const LINE: u16 = 1 << 8;
/// Gate bit: the unit has a `/` (`Name / Agency` credits).
const SLASH: u16 = 1 << 9;
/// Every appeal cue kind.
const KINDS: u16 = SALUTATION | MESSAGE_FROM | SUPPORT | NEED_HELP | DONATION | MEMBERSHIP | REMIND;

/// The non-ASCII characters whose lower case has ASCII in it: `İ` (`i̇`) and the Kelvin sign.
const ODD_CASE: &[char] = &['\u{130}', '\u{212A}'];

/// Anchors found anywhere in a unit, with the gate bits they open. Each phrase of
/// `SUPPORT_VERBS`, `NEED_PHRASES`, `DONATE_NOW`, `DONATION_STEMS`, `MEMBER_VERBS`,
/// `MEMBER_PHRASES`, `remind me later` and of the anywhere line rules (`contributed to this
/// report`, `newsletter`, `©`, `all rights reserved`) contains an anchor of its rule.
#[rustfmt::skip]
const ANYWHERE: &[(&str, u16)] = &[
    ("support", SUPPORT), ("back", SUPPORT), ("fund", SUPPORT),
    ("need", NEED_HELP), ("reader", NEED_HELP), ("matter", NEED_HELP), ("amount", NEED_HELP),
    ("minute", NEED_HELP), ("quick", NEED_HELP),
    ("contribut", NEED_HELP | DONATION | LINE), ("donat", NEED_HELP | DONATION),
    ("gift", DONATION), ("chip", DONATION), ("monthly", DONATION),
    ("becom", MEMBERSHIP), ("subscribe", MEMBERSHIP), ("join", MEMBERSHIP),
    ("remind", REMIND),
    ("newsletter", LINE), ("reserved", LINE), ("©", LINE),
    ("/", SLASH),
];

/// Phrases looked for at the start of a unit (after bullets; trailers also after `(`), with the
/// gate bits they open.
fn head_phrases() -> Vec<(&'static str, u16)> {
    let mut v = vec![(SALUTATION_HEAD, SALUTATION), (YOUR_SUPPORT, NEED_HELP), (VIEWS_HEAD, LINE), (FOLLOW_HEAD, LINE)];
    v.extend(MESSAGE_HEADS.iter().map(|&p| (p, MESSAGE_FROM)));
    v.extend(TRAILERS.iter().chain(CONTINUE_HEADS).chain(COPYRIGHT_HEADS).map(|&p| (p, LINE)));
    v.extend(LINE_CUES.iter().map(|&(p, _, _)| (p, LINE)));
    v
}

/// The anchor of a phrase looked for at the start of a unit: its first two words, each up to a
/// quote (only the first when it has one).
fn head_anchor(phrase: &str) -> String {
    let mut ws = phrase.split(' ').filter(|w| !w.is_empty());
    let cut = |w: &str| w.split(['\'', '"']).next().unwrap_or("").to_string();
    let first = ws.next().unwrap_or("");
    match ws.next() {
        Some(second) if cut(first).len() == first.len() => format!("{first} {}", cut(second)),
        _ => cut(first),
    }
}

struct Prefilter {
    /// The anywhere anchors and `ODD_CASE`, ASCII case-insensitive.
    anywhere: AhoCorasick,
    /// Gate bits by pattern of `anywhere`.
    anywhere_gates: Vec<u16>,
    /// Head anchors (lower case) with their gate bits, by first byte.
    head: Vec<Vec<(Box<[u8]>, u16)>>,
    /// The gate bits of all head anchors.
    head_all: u16,
}

static PREFILTER: LazyLock<Prefilter> = LazyLock::new(|| {
    let mut patterns: Vec<String> = ANYWHERE.iter().map(|&(a, _)| a.to_string()).collect();
    let mut anywhere_gates: Vec<u16> = ANYWHERE.iter().map(|&(_, g)| g).collect();
    for c in ODD_CASE {
        patterns.push(c.to_string());
        anywhere_gates.push(u16::MAX);
    }
    let anywhere = AhoCorasick::builder().ascii_case_insensitive(true).build(&patterns).expect("cue anchors");
    let mut head: Vec<Vec<(Box<[u8]>, u16)>> = vec![Vec::new(); 256];
    let mut head_all = 0;
    for (phrase, g) in head_phrases() {
        let anchor = head_anchor(phrase);
        assert!(!anchor.is_empty() && anchor == anchor.to_ascii_lowercase(), "head anchor of {phrase:?}");
        let slot = &mut head[anchor.as_bytes()[0] as usize];
        match slot.iter_mut().find(|(a, _)| **a == *anchor.as_bytes()) {
            Some((_, gates)) => *gates |= g,
            None => slot.push((anchor.into_bytes().into_boxed_slice(), g)),
        }
        head_all |= g;
    }
    Prefilter { anywhere, anywhere_gates, head, head_all }
});

impl Prefilter {
    /// Gate bits of the head anchors that start `head`.
    fn head_gate(&self, head: &str) -> u16 {
        let h = head.as_bytes();
        let Some(&b) = h.first() else { return 0 };
        let mut gate = 0;
        for (a, g) in &self.head[b.to_ascii_lowercase() as usize] {
            if h.len() >= a.len() && h[..a.len()].eq_ignore_ascii_case(a) {
                gate |= g;
            }
        }
        gate
    }
}

/// The rules that can fire on a unit (raw text, characters, words): appeal cue kinds and `LINE`.
fn gate(text: &str, chars: usize, words: usize) -> u16 {
    let pf = &*PREFILTER;
    let mut gate = 0;
    for m in pf.anywhere.find_overlapping_iter(text) {
        gate |= pf.anywhere_gates[m.pattern().as_usize()];
    }
    let head = strip_bullets(text);
    let one_space = match head.find(char::is_whitespace) {
        None => true,
        Some(i) => head[i..].starts_with(' ') && !head[i + 1..].starts_with(char::is_whitespace),
    };
    if one_space {
        gate |= pf.head_gate(head);
        let h = head.trim_start_matches('(');
        if h.len() < head.len() {
            gate |= pf.head_gate(h);
        }
    } else {
        gate |= pf.head_all;
    }
    // `Maybe later`, `No thanks`: a unit of two words.
    if words <= 2 {
        gate |= REMIND;
    }
    // Captions `... (AP Photo/...)`; `Name / Agency` and `Getty Images` credits.
    if chars <= MAX_LINE && (text.trim_end().ends_with(')') || (chars < SHORT && (gate & SLASH != 0 || words <= 3))) {
        gate |= LINE;
    }
    gate
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
    if units.iter().all(|u| u.cues == 0) {
        return None;
    }
    let total_chars = body.chars().count();
    let last = units.len().checked_sub(1)?;
    for s in 0..units.len() {
        let u = &units[s];
        if u.cues == 0 || is_quoted_speech(&u.norm(body)) || (s > 0 && introduces_quote(&units[s - 1], body)) {
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
        let first = if s > 0 && is_heading(&units[s - 1], body) { s - 1 } else { s };
        if !units[..first].iter().any(Unit::is_real) {
            continue;
        }
        return Some((first, last));
    }
    None
}

/// A heading line of an appeal: short, ending in a colon or without final punctuation.
fn is_heading(u: &Unit, body: &str) -> bool {
    u.chars <= 100 && u.words <= 12 && {
        let norm = u.norm(body);
        let t = norm.trim_end();
        t.ends_with(':') || !t.ends_with(['.', '!', '?', '"', '\'', ')', ',', ';', '…'])
    }
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
fn introduces_quote(u: &Unit, body: &str) -> bool {
    if u.cues != 0 {
        return false;
    }
    let norm = u.norm(body);
    norm.trim_end().ends_with(':')
        && words(&norm).any(|w| {
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

/// Headings `A message from ...` (at the start of a unit of at most 100 characters).
const MESSAGE_HEADS: &[&str] = &[
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
];

const SALUTATION_HEAD: &str = "dear ";
const YOUR_SUPPORT: &str = "your support";

/// Phrases of need (`NEED_HELP`), anywhere on word boundaries.
const NEED_PHRASES: &[&str] = &[
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
];

/// The appeal cue kinds in a unit (normalised text, length in characters), of the kinds in
/// `gate` (the others are not looked for).
fn appeal_cues(t: &str, chars: usize, gate: u16) -> u16 {
    let head = strip_bullets(t);
    let mut cues = 0;
    // `Dear readers`, `Dear Moscow Times readers`, `Dear friends` at the start.
    if gate & SALUTATION != 0 {
        if let Some(rest) = head.strip_prefix(SALUTATION_HEAD) {
            if words(rest).take(4).any(|w| ADDRESSEES.iter().any(|a| w.starts_with(a))) {
                cues |= SALUTATION;
            }
        }
    }
    // A short heading `A message from ...`.
    if gate & MESSAGE_FROM != 0 && chars <= 100 && MESSAGE_HEADS.iter().any(|p| head.starts_with(p)) {
        cues |= MESSAGE_FROM;
    }
    if gate & SUPPORT != 0 && has_support(t) {
        cues |= SUPPORT;
    }
    if gate & NEED_HELP != 0 && (NEED.any_in(t) || head.starts_with(YOUR_SUPPORT)) {
        cues |= NEED_HELP;
    }
    if gate & DONATION != 0 && has_donation(t) {
        cues |= DONATION;
    }
    if gate & MEMBERSHIP != 0 && has_membership(t) {
        cues |= MEMBERSHIP;
    }
    if gate & REMIND != 0
        && (contains_phrase(t, "remind me later") || REMIND_LINES.contains(&head.trim_end_matches(['.', '!'])))
    {
        cues |= REMIND;
    }
    cues
}

/// Whole units that dismiss an appeal (`REMIND`), final `.` and `!` aside.
const REMIND_LINES: &[&str] = &["maybe later", "no thanks", "no, thanks", "not now"];

const SUPPORT_VERBS: [&str; 4] = ["support ", "supporting ", "back ", "fund "];

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
    for verb in SUPPORT_VERBS {
        let mut from = 0;
        while let Some(i) = find_word(t, verb.trim_end(), from) {
            from = i + verb.len();
            // The verb and one character after it (a space, or the next character whole).
            let rest = &t[ceil_char_boundary(t, i + verb.len())..];
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

const DONATE_NOW: &[&str] =
    &["donate now", "donate today", "donate here", "please donate", "make a donation", "make a contribution", "make a gift"];
const DONATION_STEMS: &[&str] = &["donat", "contribut", "chip in", "give monthly"];
const FREQUENCY: &[&str] = &["monthly", "one-time", "one-off", "per month", "every month", "recurring"];

/// `donate`/`donation`/`contribution` with `monthly`, `one-time`, `recurring` or a small money
/// amount; or an imperative `donate now`, `make a donation`.
fn has_donation(t: &str) -> bool {
    let imperative = DONATE_NOW_SET.any_in(t);
    if imperative {
        return true;
    }
    let stem = DONATION_STEMS.iter().any(|s| {
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
    let frequency = FREQUENCY_SET.any_in(t) || a_month(t);
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

const MEMBER_VERBS: [&str; 2] = ["become a ", "becoming a "];
const MEMBER_PHRASES: &[&str] =
    &["subscribe now", "subscribe today", "join our community of", "join thousands of readers", "join our members"];

/// `become a member`, `become a subscriber` (not `become a member of NATO`), `subscribe now`.
fn has_membership(t: &str) -> bool {
    for p in MEMBER_VERBS {
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
                && !rest[ceil_char_boundary(rest, w1.len())..].trim_start().starts_with("of ")
            {
                return true;
            }
        }
    }
    MEMBER_SET.any_in(t)
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
        if head.starts_with(FOLLOW_HEAD) {
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

/// Agency trailers, at the start of a unit (after `(`).
const TRAILERS: &[&str] = &["reporting by", "additional reporting by", "writing by", "editing by", "compiled by"];

const FOLLOW_HEAD: &str = "follow ";
const VIEWS_HEAD: &str = "the views expressed";
const COPYRIGHT_HEADS: &[&str] = &["copyright ", "(c) "];
const CONTINUE_HEADS: &[&str] = &["by continuing to use", "by continuing to browse"];

/// Line cues that need more than a prefix.
fn special_line(head: &str, t: &str, chars: usize) -> Option<Reason> {
    // Agency trailers: `Reporting by A; Editing by B` (no final period, or a `;`, or `editing by`),
    // not `Reporting by state media suggested ...`.
    let h = head.trim_start_matches('(');
    if TRAILERS.iter().any(|p| h.starts_with(p))
        && chars < 250
        && (t.contains(';') || !t.ends_with('.') || (!h.starts_with("editing by") && t.contains("editing by")))
    {
        return Some(Reason::Note);
    }
    if chars < 250 && (contains_phrase(t, "contributed to this report") || contains_phrase(t, "contributed reporting")) {
        return Some(Reason::Note);
    }
    // Opinion disclaimers.
    if head.starts_with(VIEWS_HEAD)
        && ["necessarily", "are those of", "are solely", "the author's own"].iter().any(|p| t.contains(p))
    {
        return Some(Reason::Note);
    }
    // Copyright: `Copyright 2023 The Gondor Herald`, `(c) 2023 ...`.
    for p in COPYRIGHT_HEADS {
        if let Some(rest) = head.strip_prefix(p) {
            let year = rest.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20")));
            if year && chars < 250 {
                return Some(Reason::Copyright);
            }
        }
    }
    // Cookie notices: `By continuing to use this site, you agree to our use of cookies`.
    if CONTINUE_HEADS.iter().any(|p| head.starts_with(p))
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

/// The first char boundary of `t` at or after `i` (`t.len()` past the end).
fn ceil_char_boundary(t: &str, i: usize) -> usize {
    (i..t.len()).find(|&i| t.is_char_boundary(i)).unwrap_or(t.len())
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
        if on_word_boundaries(t, i, end) {
            return Some(i);
        }
        from = i + t[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// `t[start..end]` has no letter or digit right before or after it.
fn on_word_boundaries(t: &str, start: usize, end: usize) -> bool {
    (start == 0 || !t[..start].ends_with(char::is_alphanumeric)) && (end >= t.len() || !t[end..].starts_with(char::is_alphanumeric))
}

/// A list of phrases looked for on word boundaries in one pass: `any_in(t)` is
/// `list.iter().any(|p| contains_phrase(t, p))`.
struct Phrases(AhoCorasick);

impl Phrases {
    fn new(list: &[&str]) -> Phrases {
        Phrases(AhoCorasick::new(list).expect("phrase list"))
    }

    fn any_in(&self, t: &str) -> bool {
        self.0.find_overlapping_iter(t).any(|m| on_word_boundaries(t, m.start(), m.end()))
    }
}

static NEED: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(NEED_PHRASES));
static DONATE_NOW_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(DONATE_NOW));
static FREQUENCY_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(FREQUENCY));
static MEMBER_SET: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(MEMBER_PHRASES));

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
    fn cue_words_before_multibyte_characters() {
        // Slicing one byte past a cue word used to panic inside a multibyte character.
        assert!(!has_support("thank you for your support…"));
        assert!(!has_support("support—"));
        assert!(has_support("support… us"));
        has_membership("become a —·—·member of nato");
        let body = "Talks resumed in Doha on Monday, officials said.\nThank you for your support…\nBecome a —·—·member";
        assert!(!find_boilerplate(body).iter().any(|r| r.start == 0));
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

    // -----------------------------------------------------------------------------------------
    // The prefilter decides as every rule would.

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
            v[self.below(v.len())]
        }
    }

    /// How normalising maps one character (not whitespace).
    fn mapped(c: char) -> Vec<char> {
        let mut s = String::new();
        normalize_into(&c.to_string(), &mut s);
        s.chars().collect()
    }

    const BULLETS: &[char] = &['•', '*', '-', '–', '—', '>', '▶', '►', '|', '#', '·', '■', '→', '»', '['];
    const QUOTE_FOLDS: &[char] = &['‘', '’', '‛', '`', '´', '“', '”', '„', '‟', '«', '»'];

    #[test]
    fn lower_case_maps_only_odd_case_to_ascii() {
        // What the prefilter relies on, for every character but those of ODD_CASE: normalising
        // maps non-ASCII to non-ASCII (quotes aside), whitespace to nothing else, bullets and `©`
        // only from themselves, and keeps a character alphanumeric or not.
        let mut odd = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| !c.is_whitespace()) {
            let m = mapped(c);
            let ascii = m.iter().any(char::is_ascii) && !c.is_ascii() && !QUOTE_FOLDS.contains(&c);
            let space = m.iter().any(|c| c.is_whitespace());
            let alnum = m.iter().any(|c| c.is_alphanumeric()) != c.is_alphanumeric();
            let special = m.iter().any(|&x| (x == '©' || BULLETS.contains(&x)) && x != c);
            if ascii || space || alnum || special {
                odd.push(c);
            }
        }
        assert_eq!(odd, ODD_CASE);
        assert!(BULLETS.iter().all(|c| !c.is_alphanumeric() && strip_bullets(&c.to_string()).is_empty()));
    }

    #[test]
    fn anchors_cover_the_phrases() {
        let covered = |phrase: &str, gate: u16| {
            ANYWHERE.iter().any(|&(a, g)| g & gate != 0 && phrase.contains(a) && !a.contains([' ', '\'', '"']))
        };
        let groups: [(&[&str], u16); 8] = [
            (&SUPPORT_VERBS, SUPPORT),
            (NEED_PHRASES, NEED_HELP),
            (DONATE_NOW, DONATION),
            (DONATION_STEMS, DONATION),
            (&MEMBER_VERBS, MEMBERSHIP),
            (MEMBER_PHRASES, MEMBERSHIP),
            (&["remind me later"], REMIND),
            (&["contributed to this report", "contributed reporting", "newsletter", "©", "all rights reserved"], LINE),
        ];
        for (phrases, gate) in groups {
            for p in phrases {
                assert!(covered(p, gate), "{p:?} has no anchor");
            }
        }
        for (p, _) in head_phrases() {
            let a = head_anchor(p);
            assert!(p.starts_with(&a) || p.starts_with(a.split([' ', '\'']).next().unwrap()), "{p:?} -> {a:?}");
        }
        assert_eq!(head_anchor("a message from "), "a message");
        assert_eq!(head_anchor("editor's picks"), "editor");
        assert_eq!(head_anchor("dear "), "dear");
    }

    /// Pieces of lines: every cue phrase, near misses, news words, punctuation and odd characters.
    fn pieces() -> Vec<&'static str> {
        let mut v: Vec<&str> = Vec::new();
        v.extend(LINE_CUES.iter().map(|c| c.0));
        for list in [MESSAGE_HEADS, NEED_PHRASES, DONATE_NOW, DONATION_STEMS, FREQUENCY, MEMBER_PHRASES, TRAILERS, REMIND_LINES] {
            v.extend(list);
        }
        v.extend(SUPPORT_VERBS);
        v.extend(MEMBER_VERBS);
        v.extend(COPYRIGHT_HEADS);
        v.extend(CONTINUE_HEADS);
        v.extend([SALUTATION_HEAD, YOUR_SUPPORT, VIEWS_HEAD, FOLLOW_HEAD]);
        v.extend(ADDRESSEES);
        v.extend(AGENCIES);
        v.extend(SOCIAL);
        v.extend(SPEECH_VERBS);
        v.extend([
            "support", "donate", "become", "please", "make a", "chip in", "dear", "remind me", "we need your", "us",
            "our", "journalism", "work", "independent", "quality", "news", "media", "monthly", "one-time", "recurring",
            "per month", "a month", "ago", "of", "nato", "member", "subscriber", "$5", "€3", "£10.50", "₽100", "$50 billion",
            "$1,000", "$2bn", "5 euros", "10 dollars", "us-led", "the", "president", "said", "talks", "ministry", "troops",
            "(AP Photo/John Smith)", "(Reuters/Ipsos)", "(Getty Images)", "(Kremlin Pool Photo via AP)", "(Photo: Jane Doe)",
            "Omar Hassan / AFP", "Getty Images", "/", "©", "(c)", "(", ")", "2023", "1999", ":", ";", "-", "—", "»", "•",
            "\"", "“", "”", "’", "'", "`", ".", "!", "?", ",", "via", "photo", "images", "statement", "letter", "editing by",
            "İstanbul", "\u{212A}yiv", "ǅ", "ß", "É", "К", "\u{301}", "readers", "REMIND", "Donat", "Supporting", "backing",
            "funds", "joined", "becoming", "newsletters", "reserved", "contributed", "cookies", "agree", "site", "website",
        ]);
        v
    }

    const SPACES: &[&str] = &[" ", " ", " ", " ", " ", "  ", "\u{a0}", "\t", "\n", " \n", "\u{2009}", ""];
    const LEADS: &[&str] = &["", "", "", "", "• ", "- ", "— ", "» ", "> ", "* ", "(", "((", "| ", "\"", "“", "#", "-- ", "•\u{a0}"];

    fn cased(rng: &mut Rng, p: &str) -> String {
        match rng.below(6) {
            0 => p.to_uppercase(),
            1 => {
                let mut cs = p.chars();
                cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
            }
            2 => p.chars().map(|c| if rng.chance(50) { c.to_ascii_uppercase() } else { c }).collect(),
            _ => p.to_string(),
        }
    }

    /// A random unit: cue phrases and news words, in any case, with odd spacing and punctuation.
    fn random_line(rng: &mut Rng, pieces: &[&str]) -> String {
        let mut s = String::from(rng.pick(LEADS));
        let most = if rng.chance(70) { 4 } else { 30 };
        let n = 1 + rng.below(most);
        for i in 0..n {
            if i > 0 {
                s.push_str(rng.pick(SPACES));
            }
            let p = rng.pick(pieces);
            s.push_str(&cased(rng, p));
        }
        if rng.chance(30) {
            s.push_str(rng.pick(&[".", ":", "!", ")", " (AP Photo/Jane Roe)", "…", "\"", "'", "."]));
        }
        s.trim().to_string()
    }

    /// [`normalize`] one character at a time.
    fn normalize_by_char(s: &str) -> String {
        let mut out = String::new();
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

    /// The faster helpers agree with their plain statements.
    fn check_helpers(text: &str) {
        let norm = normalize(text);
        assert_eq!(norm, normalize_by_char(text), "{text:?}");
        assert_eq!(count_words(text), text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count(), "{text:?}");
        let sets: [(&Phrases, &[&str]); 4] =
            [(&NEED, NEED_PHRASES), (&DONATE_NOW_SET, DONATE_NOW), (&FREQUENCY_SET, FREQUENCY), (&MEMBER_SET, MEMBER_PHRASES)];
        for (set, list) in sets {
            for t in [norm.as_str(), text] {
                assert_eq!(set.any_in(t), list.iter().any(|p| contains_phrase(t, p)), "{t:?} {list:?}");
            }
        }
    }

    fn check_line(text: &str, known: &BoilerplateSet, scratch: &mut String) -> bool {
        check_helpers(text);
        let chars = text.chars().count();
        let words = count_words(text);
        let all = verdict_all(text, chars, known);
        assert_eq!(verdict(text, chars, words, known, scratch), all, "{text:?}");
        all != (None, 0)
    }

    fn shared_file(rel: &str) -> Option<String> {
        let local = format!("{}/../../../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(local).or_else(|_| std::fs::read_to_string(format!("/work/shared/{rel}"))).ok()
    }

    #[test]
    fn prefilter_agrees_with_every_rule_on_lines() {
        let pieces = pieces();
        let mut rng = Rng(0x5eed_1234_abcd_ef01);
        let mut scratch = String::new();
        let empty = BoilerplateSet::new();
        let mut lines: Vec<String> = (0..40_000).map(|_| random_line(&mut rng, &pieces)).collect();
        for p in &pieces {
            lines.push(p.to_string());
            lines.push(p.trim().to_uppercase());
            lines.push(format!("• {}: Reuters", p.trim()));
        }
        let known: BoilerplateSet = lines.iter().step_by(97).collect();
        let (mut positive, mut gated) = (0, 0);
        for line in &lines {
            if check_line(line, &empty, &mut scratch) {
                positive += 1;
            }
            let chars = line.chars().count();
            let words = line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            if gate(line, chars, words) & (KINDS | LINE) != 0 {
                gated += 1;
            }
            check_line(line, &known, &mut scratch);
        }
        // The lines exercise the rules, and the prefilter still settles some of them alone.
        assert!(positive * 5 > lines.len(), "{positive} of {}", lines.len());
        assert!(gated < lines.len(), "{gated} of {}", lines.len());
        // Real news sentences and the Moscow Times example, when present.
        for rel in ["eval/conflibert/cameo_class_train.tsv", "examples/moscow-times-wang-yi-2023.txt"] {
            if let Some(text) = shared_file(rel) {
                for line in text.lines() {
                    let line = line.split('\t').next().unwrap_or("").trim();
                    check_line(line, &empty, &mut scratch);
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // A synthetic corpus of short news articles.

    const ACTORS: &[&str] = &[
        "The president", "Russia", "Ukraine's foreign ministry", "The European Union", "Officials in Kyiv",
        "China's defence minister", "The United Nations", "Protesters", "The prime minister", "NATO", "Hamas",
        "Israeli troops", "The Taliban", "Turkey", "Police in Tbilisi", "Opposition lawmakers", "The army",
        "Iran's supreme leader", "The White House", "Germany", "Poland's government", "Rebels",
    ];
    const ACTS: &[&str] = &[
        "accused", "met", "criticised", "urged", "signed a deal with", "threatened", "condemned", "praised",
        "agreed to talks with", "sanctioned", "attacked", "called on", "expelled diplomats from", "welcomed",
        "pledged to support", "said it would respond to", "offered to mediate with", "asked for clarification from",
        "warned",
    ];
    const TARGETS: &[&str] = &[
        "Moscow", "the government of Armenia", "Western allies", "Beijing", "the rebels", "Israel", "Washington",
        "the United Nations", "Hungary", "the opposition", "Iran", "the European Commission", "Kenya", "Serbia",
    ];
    const TAILS: &[&str] = &[
        "on Monday", "on Tuesday, officials said", "after talks in Geneva", "in a statement on Friday",
        "despite months of negotiations", "over the border dispute", "amid rising tensions in the region",
        "as fighting continued near the front line", "according to state media", "during a visit to Brussels",
        "in a televised address", "for the second time this year", "and said it needed more time",
        "after a month of protests", "before the summit, a spokesman told reporters",
    ];
    const EXTRAS: &[&str] = &[
        "Read more: EU agrees new sanctions package",
        "Photo: Reuters",
        "A soldier stands guard in Kyiv on Tuesday. (AP Photo/Efrem Lukatsky)",
        "Reporting by Ivan Petrenko; Editing by Clara Holm",
        "Sign up for our morning newsletter",
        "© 2024 Reuters. All rights reserved.",
        "Advertisement",
        "Related: Talks stall in Doha",
        "Follow us on Telegram",
    ];
    const APPEAL: &[&str] = &[
        "A message from The Caspian Ledger:",
        "Dear readers,",
        "Our newsroom has been declared an undesirable organization, and our reporters face prosecution.",
        "Please support independent journalism with a monthly donation from just $5.",
        "Remind me later",
    ];

    fn sentence(rng: &mut Rng) -> String {
        format!("{} {} {} {}.", rng.pick(ACTORS), rng.pick(ACTS), rng.pick(TARGETS), rng.pick(TAILS))
    }

    fn article(rng: &mut Rng) -> String {
        let mut lines = Vec::new();
        for _ in 0..3 + rng.below(8) {
            let mut p = sentence(rng);
            for _ in 0..rng.below(3) {
                p.push(' ');
                p.push_str(&sentence(rng));
            }
            lines.push(p);
        }
        if rng.chance(30) {
            let at = rng.below(lines.len() + 1);
            lines.insert(at, rng.pick(EXTRAS).to_string());
        }
        if rng.chance(5) {
            lines.extend(APPEAL.iter().map(|s| s.to_string()));
        }
        let sep = if rng.chance(50) { "\n" } else { "\n\n" };
        lines.join(sep)
    }

    fn corpus(n: usize) -> Vec<String> {
        let mut rng = Rng(0x0dd_c0ffee_f00d);
        (0..n).map(|_| article(&mut rng)).collect()
    }

    #[test]
    fn prefilter_agrees_with_every_rule_on_articles() {
        let mut rng = Rng(42);
        let pieces = pieces();
        let mut articles = corpus(300);
        // Articles with random cue lines mixed in.
        for a in articles.iter_mut().step_by(2) {
            let mut lines: Vec<String> = a.lines().map(String::from).collect();
            for _ in 0..1 + rng.below(6) {
                let at = rng.below(lines.len() + 1);
                lines.insert(at, random_line(&mut rng, &pieces));
            }
            *a = lines.join("\n");
        }
        let known = BoilerplateSet::new();
        let mut dropped = 0;
        for a in &articles {
            let new = detect_boilerplate(a, &known);
            let all = detect_with(a, |text, chars, _| verdict_all(text, chars, &known));
            assert_eq!(new, all, "{a}");
            dropped += new.len();
        }
        assert!(dropped > 100, "{dropped}");
    }

    /// The speed of boilerplate detection on 10,000 short synthetic articles, with the prefilter
    /// and with every rule checked on every unit (as before it).
    /// `cargo test --release -p dyad-text --lib -- --ignored --nocapture boilerplate_speed`
    #[test]
    #[ignore]
    fn boilerplate_speed() {
        use std::time::{Duration, Instant};
        let articles = corpus(10_000);
        let known = BoilerplateSet::new();
        let bytes: usize = articles.iter().map(String::len).sum();
        let time = |f: &dyn Fn(&str) -> usize| {
            let mut runs: Vec<Duration> = (0..7)
                .map(|_| {
                    let t = Instant::now();
                    let n: usize = articles.iter().map(|a| f(a)).sum();
                    std::hint::black_box(n);
                    t.elapsed()
                })
                .collect();
            runs.sort();
            runs[runs.len() / 2]
        };
        let all = time(&|a| detect_with(a, |text, chars, _| verdict_all(text, chars, &known)).len());
        let new = time(&|a| detect_boilerplate(a, &known).len());
        println!(
            "{} articles, {} bytes: every rule {:?}, prefilter {:?}, {:.1}x",
            articles.len(),
            bytes,
            all,
            new,
            all.as_secs_f64() / new.as_secs_f64()
        );
    }
}
