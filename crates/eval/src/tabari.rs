//! TABARI's validation suite: `Validate.project` names the dictionaries, the options file and
//! `Validate.text`, whose records carry the events TABARI should code.
//!
//! Three layers, each usable on its own:
//! 1. [`parse_text`]: a tolerant reader of the `.text` file. A record is a `YYMMDD  ID` line,
//!    the text, and (usually) a `/* ... */` comment holding the expectations; it ends at a blank
//!    line. Braces in the comment say what is expected:
//!    `{ SRC / TGT / CODE }` an event (a date or label after it is ignored), `{ --- }` no event,
//!    `{ ### }` a discard, `{ +++ }` a complex sentence (TABARI does not code it),
//!    `-{ ... }` "stop checking" (events listed before it must come first, anything may follow;
//!    a record whose first brace is `-{` is not checked), `{ OPTION: ... }` a control record
//!    that changes the options for the records after it. The kind is set by the first brace;
//!    later braces of another kind are reported and ignored. Braces on stray lines after the
//!    comment has closed (`\n{...}` left outside it) are read too, with a warning. A record
//!    with no expectation whose text says "end of the standard validation records" ends the
//!    suite, as its first record instructs: the records after it are read, not evaluated.
//! 2. [`code_tabari_record`]: codes a record's text alone with `dyad_coder`, dated by the
//!    record, under the options in force (see [`TabariRecord::options`]).
//! 3. [`score_tabari`]: TABARI's rule — the coded events must equal the expected ones in order
//!    and number (a record with `-{` passes when the expected ones come first). The order-free
//!    figure (same events, same number, any order) is reported beside it.
//!
//! What of TABARI's options is applied: `SET: MINIMUM WORDS` (shorter records are not coded),
//! `SET: CONVERT AGENT` (an agent with no actor is coded `~CODE`; otherwise it is no actor),
//! `DEFAULT: SOURCE [X] PRIOR` / `TARGET [Y] AFTER` (stand-ins for a missing source/target).
//! `SET: CODE BY CLAUSE` (the default: one verb's events per clause, clauses split at
//! coordinating conjunctions), `CODE BY SENTENCE`, `CODE ALL`.
//! Not applied (dyad's coder has no equivalent): `COMPLEX:` limits, `FORWARD:`, `COMMA:`,
//! `TIME SHIFT` (event dates are not compared). Verb codes are compared as strings
//! (WEIS codes, `1717`, `075A`...), never checked against CAMEO. An underscore in a text
//! (`Dol_Amroth`) joins words as in the dictionaries: the coder reads it as a space. Negated,
//! future and hypothetical events are kept: TABARI codes them too.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use dyad_coder::{code_doc, Options as CoderOptions};
use dyad_dict::tabari::{read_options, read_project, CodeBy, Options};
use dyad_dict::{Builder, Dictionaries, Format, Kind};
use dyad_text::{Article, Date, Doc};
use serde::Serialize;

use crate::petrarch::{DictionaryInfo, EvalError, ReadIssue, Triple};

/// The text that marks the end of TABARI's standard validation records.
const END_MARK: &str = "end of the standard validation records";

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    /// `{ SRC / TGT / CODE }` lines; `open` when a `-{` follows them (more may be coded).
    Events { events: Vec<Triple>, open: bool },
    /// `{ --- }`
    NoEvent,
    /// `{ ### }`
    Discard,
    /// `{ +++ }`
    Complex,
    /// The first brace is `-{`: not checked.
    Unchecked,
    /// `{ OPTION: ... }` lines: a control record.
    Options(Vec<String>),
    /// No brace at all.
    Nothing,
}

impl Expectation {
    /// The kind, as reported: `events`, `no_event`, `discard`, `complex`.
    pub fn kind(&self) -> &'static str {
        match self {
            Expectation::Events { .. } => "events",
            Expectation::NoEvent => "no_event",
            Expectation::Discard => "discard",
            Expectation::Complex => "complex",
            Expectation::Unchecked => "unchecked",
            Expectation::Options(_) => "options",
            Expectation::Nothing => "nothing",
        }
    }
    /// Whether the record is scored.
    pub fn scored(&self) -> bool {
        matches!(
            self,
            Expectation::Events { .. }
                | Expectation::NoEvent
                | Expectation::Discard
                | Expectation::Complex
        )
    }
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expectation::Events { events, open } => {
                write!(f, "{}{}", join(events), if *open { " ..." } else { "" })
            }
            Expectation::NoEvent => f.write_str("(no event)"),
            Expectation::Discard => f.write_str("(discard)"),
            Expectation::Complex => f.write_str("(complex)"),
            Expectation::Unchecked => f.write_str("(not checked)"),
            Expectation::Options(o) => write!(f, "(options: {})", o.join("; ")),
            Expectation::Nothing => f.write_str("(nothing)"),
        }
    }
}

/// One record of the `.text` file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TabariRecord {
    pub id: String,
    /// 1-based line of the `YYMMDD  ID` header.
    pub line: usize,
    pub date: Option<Date>,
    /// The text outside comments, whitespace collapsed.
    pub text: String,
    pub expected: Expectation,
    /// After the record that ends the standard suite.
    pub after_end: bool,
    /// A problem that keeps the record from being coded (e.g. a bad date).
    pub malformed: Option<String>,
    /// The options in force for this record.
    #[serde(skip)]
    pub options: Options,
}

/// The `.text` file as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TabariText {
    pub records: Vec<TabariRecord>,
    pub issues: Vec<ReadIssue>,
}

fn is_header(line: &str) -> bool {
    let mut it = line.split_whitespace();
    let first = it.next().unwrap_or("");
    !line.starts_with(char::is_whitespace)
        && first.len() >= 6
        && first.bytes().all(|b| b.is_ascii_digit())
        && it.next().is_some()
}

/// `YYMMDD` or (TABARI's `SET: YYYY`) `YYYYMMDD`.
fn parse_record_date(s: &str) -> Option<Date> {
    dyad_dict::tabari::parse_date(s)
}

/// One brace of a comment.
enum Brace {
    Event(Triple),
    NoEvent,
    Discard,
    Complex,
    Stop,
    Option(String),
}

/// Parse the braces in `s` (comment text, 1-based `line` for messages).
fn braces(s: &str, line: usize, id: &str, issues: &mut Vec<ReadIssue>, out: &mut Vec<Brace>) {
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let stop = rest[..open].ends_with('-');
        let after = &rest[open + 1..];
        // An OPTION brace may be left unclosed up to the comment's end.
        let close = after.find('}').unwrap_or(after.len());
        let inner = after[..close].trim();
        rest = &after[(close + 1).min(after.len())..];
        if inner.is_empty() {
            continue;
        }
        let issue = |issues: &mut Vec<ReadIssue>, m: String| {
            issues.push(ReadIssue {
                line,
                id: Some(id.to_string()),
                message: m,
                skipped: false,
            })
        };
        if let Some(opt) = inner.strip_prefix("OPTION:") {
            out.push(Brace::Option(opt.trim().to_string()));
            continue;
        }
        let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
        let b = match parts.as_slice() {
            ["---"] => Brace::NoEvent,
            ["###"] => Brace::Discard,
            ["+++"] => Brace::Complex,
            [s, t, c] if !s.is_empty() && !t.is_empty() && !c.is_empty() => {
                Brace::Event(Triple::new(*s, *t, *c))
            }
            _ => {
                issue(issues, format!("unreadable expectation `{{{inner}}}`; ignored"));
                continue;
            }
        };
        let b = match (stop, b) {
            (true, _) => Brace::Stop,
            (false, b) => b,
        };
        out.push(b);
    }
}

/// Parse a TABARI `.text` file; `options` are those of the project's options file. Never
/// fails: problems are listed in [`TabariText::issues`], malformed records are kept (marked)
/// so they can be counted.
pub fn parse_text(text: &str, options: &Options) -> TabariText {
    let mut out = TabariText::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut options = options.clone();
    let mut after_end = false;
    let mut i = 0;
    while i < lines.len() {
        if !is_header(lines[i]) {
            i += 1;
            continue;
        }
        let line = i + 1;
        let mut head = lines[i].split_whitespace();
        let date_raw = head.next().unwrap_or("");
        let rest: Vec<&str> = head.collect();
        let id = rest
            .iter()
            .find(|w| !w.bytes().all(|b| b.is_ascii_digit()))
            .or(rest.first())
            .map(|s| s.to_string())
            .unwrap_or_default();
        let mut malformed = None;
        if rest.first().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())) {
            out.issues.push(ReadIssue {
                line,
                id: Some(id.clone()),
                message: format!("header repeats a date (`{}`); id read as `{id}`", lines[i].trim()),
                skipped: false,
            });
        }
        let date = parse_record_date(date_raw);
        if date.is_none() {
            malformed = Some(format!("bad date `{date_raw}` (want YYMMDD or YYYYMMDD)"));
        }
        // The body: up to a blank line or the next header.
        let mut j = i + 1;
        let mut text_parts: Vec<&str> = Vec::new();
        let mut found: Vec<Brace> = Vec::new();
        let mut in_comment = false;
        let mut closed_once = false;
        while j < lines.len() && !lines[j].trim().is_empty() && !is_header(lines[j]) {
            let mut l = lines[j];
            let lno = j + 1;
            loop {
                if in_comment {
                    match l.find("*/") {
                        Some(e) => {
                            braces(&l[..e], lno, &id, &mut out.issues, &mut found);
                            in_comment = false;
                            closed_once = true;
                            l = &l[e + 2..];
                        }
                        None => {
                            braces(l, lno, &id, &mut out.issues, &mut found);
                            break;
                        }
                    }
                } else {
                    match l.find("/*") {
                        Some(s) => {
                            text_parts.push(&l[..s]);
                            in_comment = true;
                            l = &l[s + 2..];
                        }
                        None => {
                            let t = l.trim();
                            if closed_once && (t.starts_with("\\n") || t.starts_with('{') || t == "*/") {
                                // Residue of a comment left outside it.
                                let before = found.len();
                                braces(l, lno, &id, &mut out.issues, &mut found);
                                if found.len() > before {
                                    out.issues.push(ReadIssue {
                                        line: lno,
                                        id: Some(id.clone()),
                                        message: "expectation outside the comment block; read".into(),
                                        skipped: false,
                                    });
                                }
                            } else {
                                text_parts.push(l);
                            }
                            break;
                        }
                    }
                }
            }
            j += 1;
        }
        if in_comment {
            out.issues.push(ReadIssue {
                line,
                id: Some(id.clone()),
                message: "comment not closed before the record's end".into(),
                skipped: false,
            });
        }
        let text = text_parts
            .iter()
            .flat_map(|p| p.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ");
        let expected = expectation(found, line, &id, &mut out.issues);
        if let Expectation::Options(opts) = &expected {
            for o in opts {
                if let Err(e) = options.apply(o) {
                    out.issues.push(ReadIssue {
                        line,
                        id: Some(id.clone()),
                        message: format!("option `{o}`: {e}; ignored"),
                        skipped: false,
                    });
                }
            }
        }
        if text.is_empty() && malformed.is_none() && expected.scored() {
            malformed = Some("record has no text".into());
        }
        if let Some(m) = &malformed {
            out.issues.push(ReadIssue {
                line,
                id: Some(id.clone()),
                message: m.clone(),
                skipped: true,
            });
        }
        // The first record quotes the mark too; the end is a record with no expectation.
        let ends = expected == Expectation::Nothing && text.to_lowercase().contains(END_MARK);
        out.records.push(TabariRecord {
            id,
            line,
            date,
            text,
            expected,
            after_end,
            malformed,
            options: options.clone(),
        });
        after_end |= ends;
        i = j;
    }
    out
}

/// The expectation from a record's braces, in order.
fn expectation(found: Vec<Brace>, line: usize, id: &str, issues: &mut Vec<ReadIssue>) -> Expectation {
    let mut warn = |m: &str| {
        issues.push(ReadIssue {
            line,
            id: Some(id.to_string()),
            message: m.to_string(),
            skipped: false,
        })
    };
    let Some(first) = found.first() else {
        return Expectation::Nothing;
    };
    match first {
        Brace::Option(_) => {
            let opts: Vec<String> = found
                .iter()
                .filter_map(|b| if let Brace::Option(o) = b { Some(o.clone()) } else { None })
                .collect();
            if opts.len() < found.len() {
                warn("control record also lists events; they are ignored");
            }
            Expectation::Options(opts)
        }
        Brace::Stop => Expectation::Unchecked,
        Brace::NoEvent | Brace::Discard | Brace::Complex => {
            if found.len() > 1 {
                warn("braces after the first one are ignored");
            }
            match first {
                Brace::NoEvent => Expectation::NoEvent,
                Brace::Discard => Expectation::Discard,
                _ => Expectation::Complex,
            }
        }
        Brace::Event(_) => {
            let mut events = Vec::new();
            let mut open = false;
            for b in &found {
                match b {
                    Brace::Event(t) => events.push(t.clone()),
                    Brace::Stop => {
                        open = true;
                        break;
                    }
                    _ => {
                        warn("a no-event/discard/complex brace after events is ignored");
                        break;
                    }
                }
            }
            Expectation::Events { events, open }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Coding and scoring
// ---------------------------------------------------------------------------------------------

/// Map a coded actor to TABARI's output under the options: `---X` (an agent with no actor) is
/// `~X` with `CONVERT AGENT`, otherwise no actor, like a missing one (`None`).
fn tabari_actor(code: Option<&str>, options: &Options) -> Option<String> {
    let c = code?;
    if let Some(agent) = c.strip_prefix("---") {
        return (options.convert_agent && !agent.is_empty()).then(|| format!("~{agent}"));
    }
    Some(c.to_string())
}

/// The clause of each token: TABARI's `CODE BY CLAUSE` starts a clause at each coordinating
/// conjunction (`and`, `but`, `or`, `nor`) and semicolon — but not at one joining the members
/// of a compound actor ("Gondor and Bree"), given as code-point ranges in `compounds`.
fn clause_of(tokens: &[dyad_text::Token], char_pos: usize, compounds: &[(usize, usize)]) -> usize {
    tokens
        .iter()
        .take_while(|t| t.char_start < char_pos)
        .filter(|t| matches!(t.norm.as_str(), "AND" | "BUT" | "OR" | "NOR" | ";"))
        .filter(|t| !compounds.iter().any(|&(s, e)| s <= t.char_start && t.char_end <= e))
        .count()
}

/// The code-point ranges of compound actors in one sentence's events: the span from the first
/// to the last member an event's verb takes in one role.
fn compound_ranges(events: &[dyad_coder::Event], sentence: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for e in events.iter().filter(|e| e.sentence_index == sentence) {
        for role in [|e: &dyad_coder::Event| e.source.as_ref().map(|a| a.span), |e: &dyad_coder::Event| e.target.as_ref().map(|a| a.span)] {
            let spans: Vec<(usize, usize)> = events.iter().filter(|o| o.sentence_index == sentence && o.verb_span == e.verb_span).filter_map(role).collect();
            if spans.len() > 1 {
                let range = (spans.iter().map(|s| s.0).min().unwrap_or(0), spans.iter().map(|s| s.1).max().unwrap_or(0));
                if !out.contains(&range) {
                    out.push(range);
                }
            }
        }
    }
    out
}

/// Code a record from its text alone, dated by the record, under its options. Events come in
/// the coder's order; an event with no source or target takes the `DEFAULT:` stand-in or is
/// dropped. Then `SET: CODE BY` applies: by clause (TABARI's default) each clause keeps the
/// events of its first verb that coded any; by sentence, each sentence those of its first
/// such verb; `CODE ALL` keeps every event.
pub fn code_tabari_record(dicts: &Dictionaries, record: &TabariRecord) -> Vec<Triple> {
    let o = &record.options;
    let words = record.text.split_whitespace().count();
    if words < o.minimum_words {
        return Vec::new();
    }
    // `Dol_Amroth` in a text is TABARI's word connector, as in its dictionaries.
    let doc = Doc::new(Article {
        id: record.id.clone(),
        body: record.text.replace('_', " "),
        published: record.date,
        ..Article::default()
    });
    let mut out: Vec<Triple> = Vec::new();
    // (sentence, clause) → the verb whose events that clause keeps.
    let mut chosen: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let events = code_doc(dicts, &doc, &CoderOptions { require_dyad: false });
    for e in events.iter().cloned() {
        let source = tabari_actor(e.source.as_ref().map(|a| a.code.as_str()), o)
            .or_else(|| o.defaults.source.clone());
        let target = tabari_actor(e.target.as_ref().map(|a| a.code.as_str()), o)
            .or_else(|| o.defaults.target.clone());
        let (Some(source), Some(target)) = (source, target) else {
            continue;
        };
        if source == target {
            continue;
        }
        let unit = match o.code_by {
            CodeBy::All => None,
            CodeBy::Sentence => Some((e.sentence_index, 0)),
            CodeBy::Clause => {
                let tokens = doc.sentences.get(e.sentence_index).map_or(&[][..], |s| &s.tokens[..]);
                Some((e.sentence_index, clause_of(tokens, e.verb_span.0, &compound_ranges(&events, e.sentence_index))))
            }
        };
        if let Some(unit) = unit {
            match chosen.iter().find(|(u, _)| *u == unit) {
                Some((_, verb)) if *verb != e.verb_span => continue,
                Some(_) => {}
                None => chosen.push((unit, e.verb_span)),
            }
        }
        let t = Triple::new(source, target, e.code);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    crate::petrarch::expand_alternatives(&out)
}

/// How one record scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TabariScore {
    /// TABARI's rule: in order and number.
    pub pass: bool,
    /// Same events and number, any order.
    pub pass_any_order: bool,
}

/// Score coded events against an expectation (only for [`Expectation::scored`] kinds).
pub fn score_tabari(expected: &Expectation, coded: &[Triple]) -> TabariScore {
    match expected {
        Expectation::Events { events, open } => {
            let in_order = if *open {
                coded.len() >= events.len() && coded[..events.len()] == events[..]
            } else {
                coded == &events[..]
            };
            let mut left: Vec<&Triple> = coded.iter().collect();
            let mut all_found = true;
            for e in events {
                match left.iter().position(|c| *c == e) {
                    Some(k) => {
                        left.remove(k);
                    }
                    None => all_found = false,
                }
            }
            let any_order = all_found && (*open || left.is_empty());
            TabariScore {
                pass: in_order,
                pass_any_order: any_order,
            }
        }
        _ => {
            let ok = coded.is_empty();
            TabariScore {
                pass: ok,
                pass_any_order: ok,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Figures for one kind of expectation (or all).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindTally {
    pub kind: String,
    pub evaluated: usize,
    pub passed: usize,
    pub pass_pct: Option<f64>,
    pub passed_any_order: usize,
    pub pass_any_order_pct: Option<f64>,
}

impl KindTally {
    fn new(kind: &str) -> KindTally {
        KindTally {
            kind: kind.to_string(),
            ..KindTally::default()
        }
    }
    fn add(&mut self, s: &TabariScore) {
        self.evaluated += 1;
        self.passed += s.pass as usize;
        self.passed_any_order += s.pass_any_order as usize;
    }
    fn finish(&mut self) {
        let pct = |n: usize| (self.evaluated > 0).then(|| 100.0 * n as f64 / self.evaluated as f64);
        self.pass_pct = pct(self.passed);
        self.pass_any_order_pct = pct(self.passed_any_order);
    }
}

/// One record's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TabariResult {
    pub id: String,
    pub line: usize,
    pub text: String,
    pub kind: String,
    pub expected: Expectation,
    pub coded: Vec<Triple>,
    pub evaluated: bool,
    pub pass: bool,
    pub pass_any_order: bool,
}

/// Records read but not scored, by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NotEvaluated {
    pub options: usize,
    pub unchecked: usize,
    pub no_expectation: usize,
    pub malformed: usize,
    pub after_end: usize,
}

/// The result of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TabariReport {
    pub project: String,
    pub text_files: Vec<String>,
    pub dictionaries: DictionaryInfo,
    pub records_read: usize,
    /// The headline: all scored records (`passed` under TABARI's in-order rule).
    pub total: KindTally,
    /// By kind of expectation: events, no_event, discard, complex.
    pub kinds: Vec<KindTally>,
    pub not_evaluated: NotEvaluated,
    pub read_issues: Vec<ReadIssue>,
    pub records: Vec<TabariResult>,
}

/// Code and score every record of a parsed text file.
pub fn evaluate_tabari(
    project: &str,
    text_files: Vec<String>,
    parsed: &TabariText,
    dicts: &Dictionaries,
    dictionaries: DictionaryInfo,
) -> TabariReport {
    let mut total = KindTally::new("TOTAL");
    let mut kinds: Vec<KindTally> = ["events", "no_event", "discard", "complex"]
        .iter()
        .map(|k| KindTally::new(k))
        .collect();
    let mut ne = NotEvaluated::default();
    let mut records = Vec::new();
    for r in &parsed.records {
        let evaluated = r.expected.scored() && r.malformed.is_none() && !r.after_end;
        if r.after_end {
            ne.after_end += 1;
        } else if r.malformed.is_some() {
            ne.malformed += 1;
        } else {
            match r.expected {
                Expectation::Options(_) => ne.options += 1,
                Expectation::Unchecked => ne.unchecked += 1,
                Expectation::Nothing => ne.no_expectation += 1,
                _ => {}
            }
        }
        let coded = if evaluated {
            code_tabari_record(dicts, r)
        } else {
            Vec::new()
        };
        let s = if evaluated {
            score_tabari(&r.expected, &coded)
        } else {
            TabariScore::default()
        };
        if evaluated {
            total.add(&s);
            if let Some(k) = kinds.iter_mut().find(|k| k.kind == r.expected.kind()) {
                k.add(&s);
            }
        }
        records.push(TabariResult {
            id: r.id.clone(),
            line: r.line,
            text: r.text.clone(),
            kind: r.expected.kind().to_string(),
            expected: r.expected.clone(),
            coded,
            evaluated,
            pass: s.pass,
            pass_any_order: s.pass_any_order,
        });
    }
    total.finish();
    kinds.iter_mut().for_each(KindTally::finish);
    TabariReport {
        project: project.to_string(),
        text_files,
        dictionaries,
        records_read: parsed.records.len(),
        total,
        kinds,
        not_evaluated: ne,
        read_issues: parsed.issues.clone(),
        records,
    }
}

fn read_lossy(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|error| EvalError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `dyad eval tabari PROJECT`: read the project file, load the actors, agents and verbs it
/// names (TABARI format) and its options, then code and score every record of its text files.
pub fn run_tabari(project: &Path) -> Result<TabariReport, EvalError> {
    let dir = project.parent().unwrap_or(Path::new("."));
    let name = project.display().to_string();
    let (p, mut diags) = read_project(&read_lossy(project)?, &name);
    let mut b = Builder::new();
    let mut files = Vec::new();
    for (kind, list) in [(Kind::Actors, &p.actors), (Kind::Agents, &p.agents), (Kind::Verbs, &p.verbs)] {
        for f in list {
            let path = dir.join(f);
            b.add_file_as(kind, Format::Tabari, &path)
                .map_err(EvalError::Dictionary)?;
            files.push(path.display().to_string());
        }
    }
    let mut options = Options::default();
    if let Some(f) = &p.options {
        let path = dir.join(f);
        let (o, d) = read_options(&read_lossy(&path)?, &path.display().to_string());
        options = o;
        diags.extend(d);
        files.push(path.display().to_string());
    }
    let (dicts, d) = b.build();
    diags.extend(d);
    let info = DictionaryInfo {
        files,
        diagnostics: diags.len(),
        sample: diags.iter().take(10).map(|d| d.to_string()).collect(),
    };
    let mut parsed = TabariText::default();
    let mut text_files = Vec::new();
    for f in &p.text {
        let path: PathBuf = dir.join(f);
        let t = parse_text(&read_lossy(&path)?, &options);
        parsed.records.extend(t.records);
        parsed.issues.extend(t.issues);
        text_files.push(path.display().to_string());
    }
    if p.text.is_empty() {
        parsed.issues.push(ReadIssue {
            line: 0,
            id: None,
            message: format!("{name}: no <textfile>"),
            skipped: false,
        });
    }
    Ok(evaluate_tabari(&name, text_files, &parsed, &dicts, info))
}

// ---------------------------------------------------------------------------------------------
// Text output
// ---------------------------------------------------------------------------------------------

fn join(v: &[Triple]) -> String {
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.iter()
            .map(|t| format!("[{t}]"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn pct(p: Option<f64>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{p:.2}%"))
}

impl TabariReport {
    /// A table for people; `verbose` also lists each failing record (expected vs coded).
    pub fn to_text(&self, verbose: bool) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "TABARI validation: {}", self.project);
        let _ = writeln!(o, "Text: {}", self.text_files.join(", "));
        let _ = writeln!(
            o,
            "Dictionaries and options: {} file(s), {} diagnostic(s)",
            self.dictionaries.files.len(),
            self.dictionaries.diagnostics
        );
        for d in &self.dictionaries.sample {
            let _ = writeln!(o, "  {d}");
        }
        let ne = &self.not_evaluated;
        let _ = writeln!(
            o,
            "Records: {} read, {} evaluated; not evaluated: {} option, {} not checked (-{{), {} without expectation, {} malformed, {} after the end of the standard records",
            self.records_read, self.total.evaluated, ne.options, ne.unchecked, ne.no_expectation, ne.malformed, ne.after_end
        );
        for i in &self.read_issues {
            let _ = writeln!(o, "  {}: {i}", if i.skipped { "malformed" } else { "warning" });
        }
        let _ = writeln!(o, "Rule: pass = coded events equal the expected ones in order and number (after -{{, the expected ones first); no-event, discard and complex records pass when nothing is coded; event dates not compared");
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "  {:<10} {:>9} {:>7} {:>8} {:>12} {:>8}",
            "Kind", "Evaluated", "Passed", "Pass%", "AnyOrder", "Pass%"
        );
        for t in self.kinds.iter().chain(std::iter::once(&self.total)) {
            let _ = writeln!(
                o,
                "  {:<10} {:>9} {:>7} {:>8} {:>12} {:>8}",
                t.kind,
                t.evaluated,
                t.passed,
                pct(t.pass_pct),
                t.passed_any_order,
                pct(t.pass_any_order_pct)
            );
        }
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "Result: {}/{} records passed ({}); {} in any order ({})",
            self.total.passed,
            self.total.evaluated,
            pct(self.total.pass_pct),
            self.total.passed_any_order,
            pct(self.total.pass_any_order_pct)
        );
        if verbose {
            let failing: Vec<&TabariResult> =
                self.records.iter().filter(|r| r.evaluated && !r.pass).collect();
            let _ = writeln!(o);
            let _ = writeln!(o, "Failing records ({}):", failing.len());
            for r in failing {
                let _ = writeln!(
                    o,
                    "\nFAIL {} [{}] line {}{}",
                    r.id,
                    r.kind,
                    r.line,
                    if r.pass_any_order { " (passes in another order)" } else { "" }
                );
                let _ = writeln!(o, "  text:     {}", r.text);
                let _ = writeln!(o, "  expected: {}", r.expected);
                let _ = writeln!(o, "  coded:    {}", join(&r.coded));
            }
        }
        o
    }

    /// The report as pretty JSON (`--json`); the headline is `.total`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
####################
#  banner
####################

010203  FIRST-01
Riverland praised the Hill Folk on
Tuesday. /* comment
\\n{ RVL / HLF / 041 } 010203 (PRAISE)
\\n{ RVL / HLF / 042 } */

010203  NONE-01
Nothing happens here at all today, really./*
\\n{---} */

010204  OPT-01
Switching an option.
/* \\n{ OPTION: SET: MINIMUM WORDS = 3 } */

010205  SHORT-01
Riverland praised Hillfolk.
/* \\n{ RVL / HLF / 041 }
\\n-{ --- / --- / 000 } */

0102051  BAD-01
Bad date here.
/* {###} */

010206  STRAY-01
Riverland praised the Hill Folk. /* \\n{ RVL / HLF / 041 } */
\\n{ HLF / RVL / 041 } */

010207  SKIP-01
Not checked. /* -{ RVL / HLF / 041 } */

010208  UNCLOSED-01
Riverland praised the Hill Folk. /* {+++}

010209  END-01
This is the end of the standard validation records.

010210  LATE-01
Late record. /* { RVL / HLF / 041 } */
";

    #[test]
    fn reads_records_and_expectations() {
        let t = parse_text(TEXT, &Options::default());
        let ids: Vec<&str> = t.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["FIRST-01", "NONE-01", "OPT-01", "SHORT-01", "BAD-01", "STRAY-01", "SKIP-01", "UNCLOSED-01", "END-01", "LATE-01"]
        );
        let r = &t.records[0];
        assert_eq!(r.line, 5);
        assert_eq!(r.text, "Riverland praised the Hill Folk on Tuesday.");
        assert_eq!(
            r.expected,
            Expectation::Events {
                events: vec![Triple::new("RVL", "HLF", "041"), Triple::new("RVL", "HLF", "042")],
                open: false
            }
        );
        assert_eq!(t.records[1].expected, Expectation::NoEvent);
        assert!(matches!(t.records[2].expected, Expectation::Options(_)));
        // The option applies from the next record on.
        assert_eq!(t.records[1].options.minimum_words, 8);
        assert_eq!(t.records[3].options.minimum_words, 3);
        assert_eq!(
            t.records[3].expected,
            Expectation::Events { events: vec![Triple::new("RVL", "HLF", "041")], open: true }
        );
        assert!(t.records[4].malformed.is_some());
        assert!(t.issues.iter().any(|i| i.line == 24 && i.skipped));
        assert_eq!(
            t.records[5].expected,
            Expectation::Events {
                events: vec![Triple::new("RVL", "HLF", "041"), Triple::new("HLF", "RVL", "041")],
                open: false
            }
        );
        assert!(t.issues.iter().any(|i| i.line == 30 && i.message.contains("outside")));
        assert_eq!(t.records[6].expected, Expectation::Unchecked);
        assert_eq!(t.records[7].expected, Expectation::Complex);
        assert!(t.issues.iter().any(|i| i.id.as_deref() == Some("UNCLOSED-01") && i.message.contains("not closed")));
        assert!(!t.records[8].after_end);
        assert!(t.records[9].after_end);
    }

    #[test]
    fn scores_in_order_and_any_order() {
        let a = Triple::new("A", "B", "1");
        let b = Triple::new("B", "A", "1");
        let exp = Expectation::Events { events: vec![a.clone(), b.clone()], open: false };
        assert_eq!(score_tabari(&exp, &[a.clone(), b.clone()]), TabariScore { pass: true, pass_any_order: true });
        assert_eq!(score_tabari(&exp, &[b.clone(), a.clone()]), TabariScore { pass: false, pass_any_order: true });
        assert_eq!(score_tabari(&exp, &[a.clone()]), TabariScore { pass: false, pass_any_order: false });
        let open = Expectation::Events { events: vec![a.clone()], open: true };
        assert!(score_tabari(&open, &[a.clone(), b.clone()]).pass);
        assert!(!score_tabari(&open, &[b.clone(), a.clone()]).pass);
        assert!(score_tabari(&Expectation::Discard, &[]).pass);
        assert!(!score_tabari(&Expectation::NoEvent, &[a]).pass);
    }

    #[test]
    fn agents_without_actors_follow_convert_agent() {
        let mut o = Options::default();
        assert_eq!(tabari_actor(Some("---MIL"), &o), None);
        assert_eq!(tabari_actor(Some("RVLMIL"), &o).as_deref(), Some("RVLMIL"));
        o.convert_agent = true;
        assert_eq!(tabari_actor(Some("---MIL"), &o).as_deref(), Some("~MIL"));
        assert_eq!(tabari_actor(Some("---"), &o), None);
    }
}
