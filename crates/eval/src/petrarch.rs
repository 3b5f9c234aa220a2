//! PETRARCH validation suites: `PETR.UnitTest.records.xml` (PETRARCH-1 unit tests) and
//! `PETR_Validate_records_2_02.xml` (UD-PETRARCH functional validation).
//!
//! Three layers, each usable on its own:
//! 1. [`parse_validation`] / [`read_validation_file`]: a tolerant reader. XML comments are
//!    blanked first (nesting-aware, because the UD file's header nests one), `<Parse>` and
//!    `<PLEvent>` are blanked, and every `<Sentence>` record is parsed on its own with
//!    `quick-xml`, so a broken record is reported ([`ReadIssue`]) and skipped, never fatal.
//! 2. [`code_record`] / [`evaluate`]: codes each record's `<Text>` alone with `dyad_coder`.
//! 3. [`score_unit_test`] / [`score_ud`]: the two pass rules, folded into a [`Report`].
//!
//! [`run_petrarch`] does all three for a file, loading the dictionaries its `<Environment>` names.

use std::collections::{BTreeMap, HashSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use dyad_coder::{code_doc, Options};
use dyad_dict::{Builder, Diagnostic, Dictionaries, Kind};
use dyad_text::{Article, Date, Doc};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;

/// The string standing for a missing actor, as PETRARCH writes it.
pub const NULL_ACTOR: &str = "---";

// ---------------------------------------------------------------------------------------------
// Data model
// ---------------------------------------------------------------------------------------------

/// One event as a (source, target, code) triple of strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

impl Triple {
    pub fn new(
        source: impl Into<String>,
        target: impl Into<String>,
        code: impl Into<String>,
    ) -> Triple {
        Triple {
            source: source.into(),
            target: target.into(),
            code: code.into(),
        }
    }
    /// Whether the source or target is null (`---`, empty, or a `---`-prefixed code such as
    /// `---GOV`) or the event code itself is null.
    pub fn has_null(&self) -> bool {
        is_null_actor(&self.source)
            || is_null_actor(&self.target)
            || self.code.trim().is_empty()
            || self.code.starts_with(NULL_ACTOR)
    }
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// Whether an actor code is null in the UD scoring sense: empty, `---`, or starting with `---`.
pub fn is_null_actor(code: &str) -> bool {
    let c = code.trim();
    c.is_empty() || c.starts_with(NULL_ACTOR)
}

/// What a record says the coder should produce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// One or more `<EventCoding sourcecode= targetcode= eventcode=>`.
    Events(Vec<Triple>),
    /// `<EventCoding noevents="True">`: nothing should be coded.
    NoEvents,
    /// `<EventCoding error="...">`: the input should be rejected, i.e. nothing coded.
    Error(String),
}

impl Expected {
    /// The expected triples (empty for `NoEvents` / `Error`).
    pub fn events(&self) -> &[Triple] {
        match self {
            Expected::Events(v) => v,
            _ => &[],
        }
    }
    /// True for `NoEvents` and `Error`: the record expects nothing to be coded.
    pub fn expects_nothing(&self) -> bool {
        !matches!(self, Expected::Events(_))
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Events(v) => write!(f, "{}", join_triples(v)),
            Expected::NoEvents => write!(f, "(no events)"),
            Expected::Error(e) => write!(f, "(error: {e})"),
        }
    }
}

/// The `<Environment>` block: dictionaries and categories. File names are as written, relative
/// to the validation file's directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Environment {
    pub verbfile: Option<String>,
    /// `<Actorfile>` may list several files, comma-separated.
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
    /// `<Include>` categories, in order (PETRARCH's pseudo-category `valid` removed).
    pub include: Vec<String>,
    /// `<Config option= value=>` entries inside `<Environment>` (lower-cased option names).
    pub config: BTreeMap<String, String>,
}

impl Environment {
    /// The dictionary files named, with their kinds, in load order.
    pub fn dictionary_files(&self) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        for a in &self.actorfiles {
            out.push((Kind::Actors, a.clone()));
        }
        if let Some(f) = &self.agentfile {
            out.push((Kind::Agents, f.clone()));
        }
        if let Some(f) = &self.verbfile {
            out.push((Kind::Verbs, f.clone()));
        }
        if let Some(f) = &self.discardfile {
            out.push((Kind::Discards, f.clone()));
        }
        out
    }
}

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Date,
    /// `evaluate="true|false"` (UD file only); `None` when absent.
    pub evaluate: Option<bool>,
    /// The `sentence="..."` attribute, when present.
    pub sentence: Option<String>,
    /// `<Text>`, entities decoded, whitespace runs collapsed to one space, trimmed.
    pub text: String,
    pub expected: Expected,
    /// 1-based line of the `<Sentence` tag in the file.
    pub line: usize,
    /// `<Config option= value=>` settings in force for this record (cumulative, in file order,
    /// starting from the Environment's), option names lower-cased.
    pub config: BTreeMap<String, String>,
}

impl Record {
    /// `require_dyad` as set by the `<Config>` in force (default true).
    pub fn require_dyad(&self) -> bool {
        match self.config.get("require_dyad") {
            Some(v) => !v.trim().eq_ignore_ascii_case("false"),
            None => true,
        }
    }
}

/// A problem met while reading the file: the record (if any) was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadIssue {
    /// 1-based line where the problem (or the broken record) starts.
    pub line: usize,
    pub id: Option<String>,
    pub message: String,
    /// Whether a record was skipped because of it.
    pub skipped: bool,
}

impl fmt::Display for ReadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "line {} (record {}): {}", self.line, id, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// A whole validation file as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ValidationFile {
    pub environment: Environment,
    pub records: Vec<Record>,
    /// Broken records (skipped) and other oddities.
    pub issues: Vec<ReadIssue>,
    /// Line of a `<Stop>` element, after which records were not read.
    pub stopped_at_line: Option<usize>,
}

/// Scoring mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// PETRARCH-1 unit tests: a record passes when the coded triples equal the expected ones.
    UnitTest,
    /// UD-PETRARCH validation (`validation.py`): `---` actors dropped, correct/uncoded/extra.
    Ud,
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::UnitTest => "unit-test",
            Mode::Ud => "ud",
        })
    }
}

impl ValidationFile {
    /// The scoring mode the file calls for: UD when any record carries an `evaluate=` attribute.
    pub fn mode(&self) -> Mode {
        if self.records.iter().any(|r| r.evaluate.is_some()) {
            Mode::Ud
        } else {
            Mode::UnitTest
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------------

/// Errors that stop a run (unreadable validation file or dictionary).
#[derive(Debug)]
pub enum EvalError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Dictionary(Diagnostic),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io { path, error } => write!(f, "{}: {}", path.display(), error),
            EvalError::Dictionary(d) => write!(f, "dictionary: {d}"),
        }
    }
}

impl std::error::Error for EvalError {}

/// Read and parse a validation file (see [`parse_validation`]). Invalid UTF-8 is replaced.
pub fn read_validation_file(path: &Path) -> Result<ValidationFile, EvalError> {
    let bytes = std::fs::read(path).map_err(|error| EvalError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(parse_validation(&String::from_utf8_lossy(&bytes)))
}

/// Parse a PETRARCH validation file. Never fails: broken records are listed in
/// [`ValidationFile::issues`] and skipped.
pub fn parse_validation(xml: &str) -> ValidationFile {
    let mut out = ValidationFile::default();
    let mut text = strip_comments(xml, &mut out.issues);
    blank_elements(&mut text, "Parse");
    blank_plevents(&mut text);
    let lines = LineIndex::new(&text);

    let mut config: BTreeMap<String, String> = BTreeMap::new();
    let mut env_seen = false;
    let mut pos = 0;
    let chunks = record_chunks(&text);
    for chunk in chunks.iter().map(Some).chain(std::iter::once(None)) {
        // The stretch between records: Environment, Config, Stop.
        let seg_end = chunk.map_or(text.len(), |c| c.start);
        let seg = &text[pos..seg_end];
        if let Some(stop) = read_outside(seg, pos, &lines, &mut out, &mut config, &mut env_seen) {
            out.stopped_at_line = Some(stop);
            break;
        }
        let Some(c) = chunk else { break };
        pos = c.end;
        let line = lines.line(c.start);
        if let Some(msg) = &c.problem {
            out.issues.push(ReadIssue {
                line,
                id: sniff_id(&text[c.start..c.end]),
                message: msg.clone(),
                skipped: true,
            });
            continue;
        }
        match read_record(&text[c.start..c.end], line, &config, &mut out.issues) {
            Ok(r) => out.records.push(r),
            Err((id, message)) => out.issues.push(ReadIssue {
                line,
                id,
                message,
                skipped: true,
            }),
        }
    }
    if !env_seen {
        out.issues.push(ReadIssue {
            line: 1,
            id: None,
            message: "no <Environment> block".into(),
            skipped: false,
        });
    }
    out
}

struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex(text.match_indices('\n').map(|(i, _)| i).collect())
    }
    /// 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

/// Replace a byte range by spaces, keeping newlines (so offsets and line numbers stay put).
fn blank(buf: &mut [u8], start: usize, end: usize) {
    for b in &mut buf[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

fn blank_string(text: &mut String, ranges: &[(usize, usize)]) {
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for &(s, e) in ranges {
        blank(&mut bytes, s, e);
    }
    // Only whole UTF-8 sequences were replaced by ASCII spaces, so this cannot fail.
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Blank out XML comments. A `<!--` inside a comment opens a nested comment (the UD file's
/// header does this), unless honouring the nesting would run to the end of the file or swallow
/// a `<Sentence` record, in which case the comment ends at the first `-->` as XML says.
fn strip_comments(xml: &str, issues: &mut Vec<ReadIssue>) -> String {
    const OPEN: &str = "<!--";
    const CLOSE: &str = "-->";
    let mut ranges = Vec::new();
    let mut pos = 0;
    while let Some(rel) = xml[pos..].find(OPEN) {
        let start = pos + rel;
        let body = start + OPEN.len();
        let flat_end = xml[body..].find(CLOSE).map(|i| body + i + CLOSE.len());
        // Nesting-aware end.
        let mut depth = 1;
        let mut p = body;
        let mut nested_end = None;
        loop {
            let next_open = xml[p..].find(OPEN).map(|i| p + i);
            let next_close = xml[p..].find(CLOSE).map(|i| p + i);
            match (next_open, next_close) {
                (Some(o), Some(c)) if o < c => {
                    depth += 1;
                    p = o + OPEN.len();
                }
                (_, Some(c)) => {
                    depth -= 1;
                    p = c + CLOSE.len();
                    if depth == 0 {
                        nested_end = Some(p);
                        break;
                    }
                }
                (_, None) => break,
            }
        }
        let end = match (flat_end, nested_end) {
            (Some(f), Some(n)) if n > f => {
                let between = &xml[f..n];
                if between.contains("\n<Sentence") || between.contains("</Sentence") {
                    f
                } else {
                    n
                }
            }
            (Some(f), _) => f,
            (None, _) => {
                let line = xml[..start].matches('\n').count() + 1;
                issues.push(ReadIssue {
                    line,
                    id: None,
                    message: "unterminated comment runs to the end of the file".into(),
                    skipped: false,
                });
                xml.len()
            }
        };
        ranges.push((start, end));
        pos = end;
    }
    let mut s = xml.to_string();
    blank_string(&mut s, &ranges);
    s
}

/// Blank `<Name ...> ... </Name>` regions (found by plain search, so their content may be
/// anything, e.g. a CoNLL-U `<` token).
fn blank_elements(text: &mut String, name: &str) {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut ranges = Vec::new();
    let mut pos = 0;
    while let Some(rel) = text[pos..].find(&open) {
        let start = pos + rel;
        let after = start + open.len();
        if !text[after..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
            pos = after;
            continue;
        }
        // Stop at the closing tag, or (if missing) before the record's end.
        let limit = text[after..]
            .find("</Sentence")
            .map_or(text.len(), |i| after + i);
        let end = match text[after..limit].find(&close) {
            Some(i) => after + i + close.len(),
            None => limit,
        };
        ranges.push((start, end));
        pos = end.max(after);
    }
    blank_string(text, &ranges);
}

/// Blank `<PLEvent {...json...}>` tags, which are not XML.
fn blank_plevents(text: &mut String) {
    let mut ranges = Vec::new();
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("<PLEvent") {
        let start = pos + rel;
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = match text[start..line_end].rfind('>') {
            Some(i) => start + i + 1,
            None => line_end,
        };
        ranges.push((start, end));
        pos = end.max(start + 1);
    }
    blank_string(text, &ranges);
}

struct Chunk {
    start: usize,
    end: usize,
    problem: Option<String>,
}

fn is_tag_at(text: &str, at: usize, tag: &str) -> bool {
    text[at..].starts_with(tag)
        && text[at + tag.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
}

/// Byte ranges of the `<Sentence ...> ... </Sentence>` records.
fn record_chunks(text: &str) -> Vec<Chunk> {
    let starts: Vec<usize> = text
        .match_indices("<Sentence")
        .map(|(i, _)| i)
        .filter(|&i| is_tag_at(text, i, "<Sentence"))
        .collect();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(text.len());
        let close = text[s..next]
            .match_indices("</Sentence")
            .map(|(i, _)| s + i)
            .find(|&i| text[i + "</Sentence".len()..].trim_start().starts_with('>'));
        match close {
            Some(c) => {
                let gt = c + text[c..].find('>').map_or(0, |i| i + 1);
                out.push(Chunk {
                    start: s,
                    end: gt,
                    problem: None,
                });
            }
            None => out.push(Chunk {
                start: s,
                end: next,
                problem: Some("record has no </Sentence> end tag".into()),
            }),
        }
    }
    out
}

/// Best-effort id of a broken record, for the report.
fn sniff_id(chunk: &str) -> Option<String> {
    let i = chunk.find("id")?;
    let rest = chunk[i + 2..].trim_start().strip_prefix('=')?.trim_start();
    let q = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(q)?].to_string())
}

fn tolerant_reader(s: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(s.as_bytes());
    let c = r.config_mut();
    c.check_end_names = false;
    c.allow_unmatched_ends = true;
    c.check_comments = false;
    c.trim_text(false);
    r
}

/// Attributes of a tag, tolerant: duplicate keys allowed (last wins), values unescaped when
/// possible (raw otherwise). A malformed attribute is an error.
fn attrs(e: &BytesStart) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    let mut it = e.attributes();
    it.with_checks(false);
    for a in it {
        let a = a.map_err(|err| {
            format!(
                "malformed attribute in <{}>: {err}",
                String::from_utf8_lossy(e.name().as_ref())
            )
        })?;
        let key = String::from_utf8_lossy(a.key.as_ref()).to_ascii_lowercase();
        let value = match a.unescape_value() {
            Ok(v) => v.into_owned(),
            Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
        };
        out.insert(key, value);
    }
    Ok(out)
}

fn tag_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// Read the text between records: `<Environment>`, `<Config>`, `<Stop>`. Returns the line of a
/// `<Stop>` element if one is met.
fn read_outside(
    seg: &str,
    base: usize,
    lines: &LineIndex,
    out: &mut ValidationFile,
    config: &mut BTreeMap<String, String>,
    env_seen: &mut bool,
) -> Option<usize> {
    if !seg.contains('<') {
        return None;
    }
    let mut r = tolerant_reader(seg);
    let mut in_env = false;
    let mut field: Option<String> = None;
    let mut buf = String::new();
    loop {
        let ev = r.read_event();
        let at = base + r.buffer_position() as usize;
        match ev {
            Err(err) => {
                let line = lines.line(base + r.error_position() as usize);
                out.issues.push(ReadIssue {
                    line,
                    id: None,
                    message: format!("XML error outside records: {err}"),
                    skipped: false,
                });
                return None;
            }
            Ok(Event::Eof) => return None,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = tag_name(&e);
                match name.as_str() {
                    "Environment" => {
                        in_env = true;
                        *env_seen = true;
                    }
                    "Stop" => return Some(lines.line(at)),
                    "Config" => match attrs(&e) {
                        Ok(a) => {
                            if let (Some(o), Some(v)) = (a.get("option"), a.get("value")) {
                                let (o, v) = (o.trim().to_ascii_lowercase(), v.trim().to_string());
                                if in_env {
                                    out.environment.config.insert(o.clone(), v.clone());
                                }
                                config.insert(o, v);
                            } else {
                                out.issues.push(ReadIssue {
                                    line: lines.line(at),
                                    id: None,
                                    message: "<Config> without option/value".into(),
                                    skipped: false,
                                });
                            }
                        }
                        Err(m) => out.issues.push(ReadIssue {
                            line: lines.line(at),
                            id: None,
                            message: m,
                            skipped: false,
                        }),
                    },
                    _ if in_env => {
                        field = Some(name);
                        buf.clear();
                    }
                    _ => {}
                }
            }
            Ok(Event::Text(t)) => {
                if field.is_some() {
                    match t.unescape() {
                        Ok(s) => buf.push_str(&s),
                        Err(_) => buf.push_str(&String::from_utf8_lossy(&t)),
                    }
                }
            }
            Ok(Event::CData(t)) => {
                if field.is_some() {
                    buf.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Ok(Event::End(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if name == "Environment" {
                    in_env = false;
                    field = None;
                } else if field.as_deref() == Some(name.as_str()) {
                    set_env_field(&mut out.environment, &name, buf.trim());
                    field = None;
                }
            }
            Ok(_) => {}
        }
    }
}

fn set_env_field(env: &mut Environment, name: &str, value: &str) {
    let one = || {
        if value.is_empty() {
            None
        } else {
            Some(value.to_string())
        }
    };
    match name {
        "Verbfile" => env.verbfile = one(),
        "Actorfile" => {
            env.actorfiles = value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        }
        "Agentfile" => env.agentfile = one(),
        "Discardfile" => env.discardfile = one(),
        "Include" => {
            env.include = value
                .split_whitespace()
                .filter(|c| *c != "valid")
                .map(String::from)
                .collect()
        }
        _ => {}
    }
}

fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = s[0..4].parse().ok()?;
    let m: i8 = s[4..6].parse().ok()?;
    let d: i8 = s[6..8].parse().ok()?;
    Date::new(y, m, d).ok()
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parse one record chunk. Errors carry the id when known.
fn read_record(
    chunk: &str,
    line: usize,
    config: &BTreeMap<String, String>,
    warnings: &mut Vec<ReadIssue>,
) -> Result<Record, (Option<String>, String)> {
    let mut r = tolerant_reader(chunk);
    let mut head: Option<BTreeMap<String, String>> = None;
    let mut events: Vec<Triple> = Vec::new();
    let mut noevents = false;
    let mut error: Option<String> = None;
    let mut codings = 0usize;
    let mut text: Option<String> = None;
    let mut in_text = false;
    let id_of =
        |h: &Option<BTreeMap<String, String>>| h.as_ref().and_then(|a| a.get("id").cloned());
    loop {
        let ev = r.read_event();
        let empty = matches!(ev, Ok(Event::Empty(_)));
        match ev {
            Err(err) => {
                let rel_line = chunk[..(r.error_position() as usize).min(chunk.len())]
                    .matches('\n')
                    .count();
                return Err((
                    id_of(&head).or_else(|| sniff_id(chunk)),
                    format!("XML error at line {}: {err}", line + rel_line),
                ));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = tag_name(&e);
                let a = || attrs(&e).map_err(|m| (id_of(&head).or_else(|| sniff_id(chunk)), m));
                match name.as_str() {
                    "Sentence" if head.is_none() => head = Some(a()?),
                    "EventCoding" => {
                        codings += 1;
                        let a = a()?;
                        if a.get("noevents")
                            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
                        {
                            noevents = true;
                        } else if let Some(e) = a.get("error") {
                            error = Some(e.trim().to_string());
                        } else {
                            let get = |k: &str| -> Result<String, (Option<String>, String)> {
                                match a.get(k) {
                                    Some(v) => Ok(v.trim().replace('~', NULL_ACTOR)),
                                    None => {
                                        Err((id_of(&head), format!("<EventCoding> without {k}")))
                                    }
                                }
                            };
                            let (s, t, c) =
                                (get("sourcecode")?, get("targetcode")?, get("eventcode")?);
                            // PETRARCH writes an absent actor as an empty or "---" value.
                            let s = if s.is_empty() {
                                NULL_ACTOR.to_string()
                            } else {
                                s
                            };
                            let t = if t.is_empty() {
                                NULL_ACTOR.to_string()
                            } else {
                                t
                            };
                            events.push(Triple {
                                source: s,
                                target: t,
                                code: c,
                            });
                        }
                    }
                    "Text" => {
                        in_text = !empty;
                        text.get_or_insert_with(String::new);
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) => {
                if e.local_name().as_ref() == b"Text" {
                    in_text = false;
                }
            }
            Ok(Event::Text(t)) if in_text => {
                let s = match t.unescape() {
                    Ok(s) => s.into_owned(),
                    Err(_) => String::from_utf8_lossy(&t).into_owned(),
                };
                let buf = text.get_or_insert_with(String::new);
                buf.push(' ');
                buf.push_str(&s);
            }
            Ok(Event::CData(t)) if in_text => {
                let buf = text.get_or_insert_with(String::new);
                buf.push(' ');
                buf.push_str(&String::from_utf8_lossy(&t));
            }
            Ok(_) => {}
        }
    }
    let head = head.ok_or((None, "no <Sentence> start tag".to_string()))?;
    let id = head
        .get("id")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let Some(id) = id else {
        return Err((None, "record has no id".into()));
    };
    let err = |m: String| Err((Some(id.clone()), m));
    let Some(date_raw) = head.get("date") else {
        return err("record has no date".into());
    };
    let Some(date) = parse_date(date_raw) else {
        return err(format!("bad date {date_raw:?} (want YYYYMMDD)"));
    };
    let Some(text) = text else {
        return err("record has no <Text>".into());
    };
    let text = normalize_ws(&text);
    if codings == 0 {
        // PETRARCH-1 reads an absent <EventCoding> as an empty expected list.
        warnings.push(ReadIssue {
            line,
            id: Some(id.clone()),
            message: "no <EventCoding>: read as noevents".into(),
            skipped: false,
        });
        noevents = true;
    }
    let expected = match (noevents, error, events.is_empty()) {
        (false, None, false) => Expected::Events(events),
        (true, None, true) => Expected::NoEvents,
        (false, Some(e), true) => Expected::Error(e),
        _ => return err("record mixes events with noevents/error codings".into()),
    };
    Ok(Record {
        category: head
            .get("category")
            .map(|s| s.trim().to_string())
            .unwrap_or_default(),
        evaluate: head
            .get("evaluate")
            .map(|v| v.trim().eq_ignore_ascii_case("true")),
        sentence: head.get("sentence").cloned(),
        id,
        date,
        text,
        expected,
        line,
        config: config.clone(),
    })
}

// ---------------------------------------------------------------------------------------------
// Coding
// ---------------------------------------------------------------------------------------------

/// Dictionaries loaded for a validation file.
#[derive(Debug)]
pub struct LoadedDictionaries {
    pub dicts: Dictionaries,
    pub info: DictionaryInfo,
}

/// What was loaded, for the report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DictionaryInfo {
    /// Paths of the files loaded.
    pub files: Vec<String>,
    /// Number of dictionary diagnostics (lines skipped or repaired).
    pub diagnostics: usize,
    /// The first few diagnostics, rendered.
    pub sample: Vec<String>,
}

/// Load the dictionaries an Environment names, relative to `dir`. An unreadable file is an error.
pub fn load_dictionaries(env: &Environment, dir: &Path) -> Result<LoadedDictionaries, EvalError> {
    let mut b = Builder::new();
    let mut files = Vec::new();
    for (kind, name) in env.dictionary_files() {
        let path = dir.join(&name);
        b.add_file(kind, &path).map_err(EvalError::Dictionary)?;
        files.push(path.display().to_string());
    }
    let (dicts, diags) = b.build();
    let info = DictionaryInfo {
        files,
        diagnostics: diags.len(),
        sample: diags.iter().take(10).map(|d| d.to_string()).collect(),
    };
    Ok(LoadedDictionaries { dicts, info })
}

/// Code one record from its text alone; a `None` actor becomes `---`. Order as coded,
/// duplicates kept.
pub fn code_record(dicts: &Dictionaries, record: &Record, opts: &Options) -> Vec<Triple> {
    let doc = Doc::new(Article {
        id: record.id.clone(),
        body: record.text.clone(),
        published: Some(record.date),
        ..Article::default()
    });
    // PETRARCH's expectations are events that happened (or are announced); dyad marks a negated
    // event rather than asserting it, so negated events are not compared. A negation that a
    // dictionary pattern spells out ("WILL NOT *") is part of that pattern's code, not marked.
    code_doc(dicts, &doc, opts)
        .into_iter()
        .filter(|e| !e.aux.contains(&dyad_coder::Aux::Negation))
        .map(|e| Triple {
            source: e.source.map_or_else(|| NULL_ACTOR.to_string(), |a| a.code),
            target: e.target.map_or_else(|| NULL_ACTOR.to_string(), |a| a.code),
            code: e.code,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/// How one record scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecordScore {
    pub pass: bool,
    /// Expected events produced.
    pub correct: usize,
    /// Expected events not produced.
    pub uncoded: usize,
    /// Produced events not expected.
    pub extra: usize,
    /// UD mode: coded events dropped for a null actor.
    pub null_coded: usize,
    /// UD mode: expected events dropped for a null actor.
    pub null_expected: usize,
}

/// Remove duplicates, keeping first occurrences in order.
pub fn dedup(triples: &[Triple]) -> Vec<Triple> {
    let mut seen = HashSet::new();
    triples
        .iter()
        .filter(|t| seen.insert(*t))
        .cloned()
        .collect()
}

/// Match expected against coded one-to-one (coded already de-duplicated):
/// returns (correct, uncoded, extra).
fn match_counts(expected: &[Triple], coded: &[Triple]) -> (usize, usize, usize) {
    let mut used = vec![false; coded.len()];
    let mut correct = 0;
    for e in expected {
        if let Some(i) = (0..coded.len()).find(|&i| !used[i] && coded[i] == *e) {
            used[i] = true;
            correct += 1;
        }
    }
    (correct, expected.len() - correct, coded.len() - correct)
}

/// Unit-test rule: duplicates in the coded output are collapsed, then the record passes when
/// the coded set equals the expected set exactly (order ignored, no extras). A `noevents` or
/// `error` record passes when nothing is coded. `---` actors are compared verbatim.
pub fn score_unit_test(expected: &Expected, coded: &[Triple]) -> RecordScore {
    let coded = dedup(&expand_alternatives(coded));
    let exp = dedup(expected.events());
    let (correct, uncoded, extra) = match_counts(&exp, &coded);
    RecordScore {
        pass: uncoded == 0 && extra == 0,
        correct,
        uncoded,
        extra,
        null_coded: 0,
        null_expected: 0,
    }
}

/// PETRARCH-1 writes an actor that stands for several (`[FRO/BIL/SAM]`) as one code with
/// slashes, and its unit tests expect one event per member; the UD revision keeps the slashed
/// code as written.
pub fn expand_alternatives(coded: &[Triple]) -> Vec<Triple> {
    let mut out = Vec::new();
    for t in coded {
        for s in t.source.split('/') {
            for g in t.target.split('/') {
                out.push(Triple::new(s, g, &t.code));
            }
        }
    }
    out
}

/// UD rule (`validation.py`): expected and coded events with a null actor (`---`, empty, or
/// `---`-prefixed) are dropped, coded duplicates collapsed; an event is correct when source,
/// target and code all match exactly. A `noevents`/`error` record counts as one expected event,
/// correct when nothing (non-null) is coded, uncoded otherwise (every coded event then extra).
/// The record passes when nothing is uncoded and nothing extra.
pub fn score_ud(expected: &Expected, coded: &[Triple]) -> RecordScore {
    let coded = dedup(coded);
    let null_coded = coded.iter().filter(|t| t.has_null()).count();
    let coded: Vec<Triple> = coded.into_iter().filter(|t| !t.has_null()).collect();
    if expected.expects_nothing() {
        let ok = coded.is_empty();
        return RecordScore {
            pass: ok,
            correct: ok as usize,
            uncoded: (!ok) as usize,
            extra: coded.len(),
            null_coded,
            null_expected: 0,
        };
    }
    let all = expected.events();
    let exp: Vec<Triple> = all.iter().filter(|t| !t.has_null()).cloned().collect();
    let (correct, uncoded, extra) = match_counts(&exp, &coded);
    RecordScore {
        pass: uncoded == 0 && extra == 0,
        correct,
        uncoded,
        extra,
        null_coded,
        null_expected: all.len() - exp.len(),
    }
}

/// Score a record under a mode.
pub fn score(mode: Mode, expected: &Expected, coded: &[Triple]) -> RecordScore {
    match mode {
        Mode::UnitTest => score_unit_test(expected, coded),
        Mode::Ud => score_ud(expected, coded),
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Options for a run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Force a scoring mode; `None` picks it from the file ([`ValidationFile::mode`]).
    pub mode: Option<Mode>,
    /// Make the `<Include>` categories the headline/gate figure (both are always reported).
    pub include_only: bool,
    /// Apply `<Config option="require_dyad">` settings found in the file (PETRARCH semantics,
    /// needed by e.g. COMPOUND-03). When false every record is coded with `require_dyad: true`.
    pub honor_config: bool,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            mode: None,
            include_only: false,
            honor_config: true,
        }
    }
}

/// Figures for a set of records (one category, or all).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Category name, or `TOTAL`.
    pub category: String,
    /// Records scored.
    pub records: usize,
    /// Records passed.
    pub passed: usize,
    pub correct: usize,
    pub uncoded: usize,
    pub extra: usize,
    /// Coded events dropped for a null actor (UD mode).
    pub null_coded: usize,
    /// passed / records, percent.
    pub pass_pct: Option<f64>,
    /// correct / (correct + uncoded), percent.
    pub correct_pct: Option<f64>,
    /// extra / records, percent.
    pub extra_pct: Option<f64>,
}

impl Tally {
    fn new(category: &str) -> Tally {
        Tally {
            category: category.to_string(),
            ..Tally::default()
        }
    }
    fn add(&mut self, s: &RecordScore) {
        self.records += 1;
        self.passed += s.pass as usize;
        self.correct += s.correct;
        self.uncoded += s.uncoded;
        self.extra += s.extra;
        self.null_coded += s.null_coded;
    }
    fn finish(&mut self) {
        let pct = |n: usize, d: usize| {
            if d == 0 {
                None
            } else {
                Some(100.0 * n as f64 / d as f64)
            }
        };
        self.pass_pct = pct(self.passed, self.records);
        self.correct_pct = pct(self.correct, self.correct + self.uncoded);
        self.extra_pct = pct(self.extra, self.records);
    }
}

/// Overall and per-category figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub total: Tally,
    /// In order of first appearance in the file.
    pub categories: Vec<Tally>,
}

impl Summary {
    fn build<'a>(scores: impl Iterator<Item = (&'a str, &'a RecordScore)>) -> Summary {
        let mut total = Tally::new("TOTAL");
        let mut cats: Vec<Tally> = Vec::new();
        for (cat, s) in scores {
            total.add(s);
            match cats.iter_mut().find(|t| t.category == cat) {
                Some(t) => t.add(s),
                None => {
                    let mut t = Tally::new(cat);
                    t.add(s);
                    cats.push(t);
                }
            }
        }
        total.finish();
        cats.iter_mut().for_each(Tally::finish);
        Summary {
            total,
            categories: cats,
        }
    }
}

/// One record's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordResult {
    pub id: String,
    pub category: String,
    pub line: usize,
    pub date: Date,
    pub text: String,
    pub expected: Expected,
    /// Coded triples, duplicates collapsed, `---` kept.
    pub coded: Vec<Triple>,
    /// Scored (UD: `evaluate="true"`; unit tests: always).
    pub evaluated: bool,
    /// Category listed in the Environment's `<Include>`.
    pub included: bool,
    pub require_dyad: bool,
    pub pass: bool,
    pub correct: usize,
    pub uncoded: usize,
    pub extra: usize,
    pub null_coded: usize,
    pub null_expected: usize,
}

/// The result of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub file: String,
    pub mode: Mode,
    pub environment: Environment,
    pub dictionaries: DictionaryInfo,
    /// Records read (scored or not).
    pub records_read: usize,
    /// Records scored (UD: evaluate="true").
    pub records_evaluated: usize,
    pub read_issues: Vec<ReadIssue>,
    pub stopped_at_line: Option<usize>,
    /// Whether the headline/gate figure is `included` (else `all`).
    pub include_only: bool,
    /// All evaluated records.
    pub all: Summary,
    /// Evaluated records in the `<Include>` categories.
    pub included: Summary,
    pub records: Vec<RecordResult>,
}

impl Report {
    /// The summary the gate uses: `all` by default, `included` with `include_only`.
    pub fn headline(&self) -> &Summary {
        if self.include_only {
            &self.included
        } else {
            &self.all
        }
    }
    /// True when every record counted by the headline figure passed and nothing was skipped
    /// as malformed.
    pub fn all_passed(&self) -> bool {
        let t = &self.headline().total;
        t.passed == t.records && !self.read_issues.iter().any(|i| i.skipped)
    }
}

/// Code and score every record of a parsed file with given dictionaries. `file` names the
/// input in the report; `dictionaries` describes what was loaded.
pub fn evaluate(
    file: &str,
    vf: &ValidationFile,
    dicts: &Dictionaries,
    dictionaries: DictionaryInfo,
    opts: &RunOptions,
) -> Report {
    let mode = opts.mode.unwrap_or_else(|| vf.mode());
    let include: HashSet<&str> = vf.environment.include.iter().map(String::as_str).collect();
    let mut records = Vec::with_capacity(vf.records.len());
    for r in &vf.records {
        let require_dyad = if opts.honor_config {
            r.require_dyad()
        } else {
            true
        };
        let coded = code_record(dicts, r, &Options { require_dyad });
        let s = score(mode, &r.expected, &coded);
        let evaluated = match mode {
            Mode::Ud => r.evaluate == Some(true),
            Mode::UnitTest => true,
        };
        records.push(RecordResult {
            id: r.id.clone(),
            category: r.category.clone(),
            line: r.line,
            date: r.date,
            text: r.text.clone(),
            expected: r.expected.clone(),
            coded: dedup(&coded),
            evaluated,
            included: include.contains(r.category.as_str()),
            require_dyad,
            pass: s.pass,
            correct: s.correct,
            uncoded: s.uncoded,
            extra: s.extra,
            null_coded: s.null_coded,
            null_expected: s.null_expected,
        });
    }
    let score_of = |r: &RecordResult| RecordScore {
        pass: r.pass,
        correct: r.correct,
        uncoded: r.uncoded,
        extra: r.extra,
        null_coded: r.null_coded,
        null_expected: r.null_expected,
    };
    let scored: Vec<(&RecordResult, RecordScore)> = records
        .iter()
        .filter(|r| r.evaluated)
        .map(|r| (r, score_of(r)))
        .collect();
    let all = Summary::build(scored.iter().map(|(r, s)| (r.category.as_str(), s)));
    let included = Summary::build(
        scored
            .iter()
            .filter(|(r, _)| r.included)
            .map(|(r, s)| (r.category.as_str(), s)),
    );
    Report {
        file: file.to_string(),
        mode,
        environment: vf.environment.clone(),
        dictionaries,
        records_read: vf.records.len(),
        records_evaluated: scored.len(),
        read_issues: vf.issues.clone(),
        stopped_at_line: vf.stopped_at_line,
        include_only: opts.include_only,
        all,
        included,
        records,
    }
}

/// `dyad eval petrarch FILE`: read the file, load the dictionaries its Environment names (from
/// the file's directory), code every record and score it.
pub fn run_petrarch(path: &Path, opts: &RunOptions) -> Result<Report, EvalError> {
    let vf = read_validation_file(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let loaded = load_dictionaries(&vf.environment, dir)?;
    Ok(evaluate(
        &path.display().to_string(),
        &vf,
        &loaded.dicts,
        loaded.info,
        opts,
    ))
}

// ---------------------------------------------------------------------------------------------
// Text output
// ---------------------------------------------------------------------------------------------

fn join_triples(v: &[Triple]) -> String {
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

fn table(out: &mut String, s: &Summary, mode: Mode) {
    let null_col = mode == Mode::Ud;
    let _ = write!(
        out,
        "  {:<12} {:>7} {:>7} {:>8} {:>8} {:>8} {:>6}",
        "Category", "Records", "Passed", "Pass%", "Correct", "Uncoded", "Extra"
    );
    if null_col {
        let _ = write!(out, " {:>5}", "Null");
    }
    let _ = writeln!(out, " {:>9} {:>8}", "Correct%", "Extra%");
    let mut row = |t: &Tally| {
        let _ = write!(
            out,
            "  {:<12} {:>7} {:>7} {:>8} {:>8} {:>8} {:>6}",
            t.category,
            t.records,
            t.passed,
            pct(t.pass_pct),
            t.correct,
            t.uncoded,
            t.extra
        );
        if null_col {
            let _ = write!(out, " {:>5}", t.null_coded);
        }
        let _ = writeln!(out, " {:>9} {:>8}", pct(t.correct_pct), pct(t.extra_pct));
    };
    for t in &s.categories {
        row(t);
    }
    row(&s.total);
}

impl Report {
    /// A table for people. `verbose` also lists each failing record with expected vs coded.
    pub fn to_text(&self, verbose: bool) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "PETRARCH validation: {} ({} mode)", self.file, self.mode);
        let _ = writeln!(
            o,
            "Dictionaries: {} file(s), {} diagnostic(s)",
            self.dictionaries.files.len(),
            self.dictionaries.diagnostics
        );
        for d in &self.dictionaries.sample {
            let _ = writeln!(o, "  {d}");
        }
        let _ = writeln!(
            o,
            "Records: {} read, {} evaluated, {} skipped as malformed",
            self.records_read,
            self.records_evaluated,
            self.read_issues.iter().filter(|i| i.skipped).count()
        );
        if let Some(l) = self.stopped_at_line {
            let _ = writeln!(o, "Stopped at <Stop> on line {l}");
        }
        for i in &self.read_issues {
            let _ = writeln!(
                o,
                "  {}: {i}",
                if i.skipped { "skipped" } else { "warning" }
            );
        }
        let rule = match self.mode {
            Mode::UnitTest => "pass = coded (source, target, code) set equals the expected one exactly (duplicates collapsed, order ignored, no extras); noevents/error records pass when nothing is coded",
            Mode::Ud => "events with a --- actor dropped, coded duplicates collapsed; correct = source, target and code match exactly; Correct% = correct/(correct+uncoded), Extra% = extra/records; noevents/error counts as one event",
        };
        let _ = writeln!(o, "Rule: {rule}");
        let _ = writeln!(o);
        let mark = |on: bool| if on { "  [gate]" } else { "" };
        let _ = writeln!(o, "All records{}", mark(!self.include_only));
        table(&mut o, &self.all, self.mode);
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "Included categories ({}){}",
            self.environment.include.join(" "),
            mark(self.include_only)
        );
        table(&mut o, &self.included, self.mode);
        let h = &self.headline().total;
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "Result: {}/{} records passed ({}); correct {}, extra {}",
            h.passed,
            h.records,
            if self.include_only {
                "included categories"
            } else {
                "all records"
            },
            pct(h.correct_pct),
            pct(h.extra_pct)
        );
        if verbose {
            let failing: Vec<&RecordResult> = self
                .records
                .iter()
                .filter(|r| r.evaluated && !r.pass)
                .collect();
            let _ = writeln!(o);
            let _ = writeln!(o, "Failing records ({}):", failing.len());
            for r in failing {
                let _ = writeln!(
                    o,
                    "\nFAIL {} [{}] line {}{}{}",
                    r.id,
                    r.category,
                    r.line,
                    if r.included {
                        ""
                    } else {
                        " (category not included)"
                    },
                    if r.require_dyad {
                        ""
                    } else {
                        " (require_dyad=false)"
                    }
                );
                let _ = writeln!(o, "  text:     {}", r.text);
                let _ = writeln!(o, "  expected: {}", r.expected);
                let _ = writeln!(o, "  coded:    {}", join_triples(&r.coded));
                // In UD mode null-actor events are not scored, so not listed either.
                let scored = |t: &&Triple| self.mode == Mode::UnitTest || !t.has_null();
                let missing: Vec<Triple> = r
                    .expected
                    .events()
                    .iter()
                    .filter(scored)
                    .filter(|t| !r.coded.contains(t))
                    .cloned()
                    .collect();
                let extra: Vec<Triple> = r
                    .coded
                    .iter()
                    .filter(scored)
                    .filter(|t| !r.expected.events().contains(t))
                    .cloned()
                    .collect();
                if !missing.is_empty() {
                    let _ = writeln!(o, "  missing:  {}", join_triples(&missing));
                }
                if !extra.is_empty() {
                    let _ = writeln!(o, "  extra:    {}", join_triples(&extra));
                }
                let _ = writeln!(
                    o,
                    "  correct {} uncoded {} extra {}",
                    r.correct, r.uncoded, r.extra
                );
            }
        }
        o
    }

    /// The report as pretty JSON (`--json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!--
#  Header with a nested comment: use <!-- ... --> to explain, and <PLEvent... lines
#  are ignored. We're "quoting" here; a <Sentence id="fake"> mention must not be a record.
-->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a1.txt, a2.txt</Actorfile>
    <Agentfile>ag.txt</Agentfile>
    <Discardfile>d.txt</Discardfile>
    <Errorfile>e.txt</Errorfile>  <!-- not used -->
    <Include>valid DEMO COMPOUND ERROR</Include>
    <Config option="stop_on_error" value="True"/>
</Environment>
<Sentences>

<Sentence date = "20080801" id ="DEMO-01" category="DEMO" sentence="true">
<!-- a comment with <tags> inside -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="057"></EventCoding>
<EventCoding eventcode="042" sourcecode='"INJURY TOLL"' targetcode="&quot;THE MINISTRY&quot;" />
<PLEvent {"event": "050", "source": [{"code": "ARN"}], "target": [{"code": "GON"}]}>
<Text>
Arnor   is about to restore
 ties &amp; links <!-- inline --> with Gondor.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (X < & >))))
</Parse>
</Sentence>

<Config option="require_dyad" value="false"/>

<Sentence date="19950104" id="DEMO-02" category="DEMO">
<EventCoding noevents = "True" ></EventCoding>
<Text>Nothing happens here.</Text>
</Sentence>

<Sentence date="19950104" id="BROKEN-01" category="DEMO">
<EventCoding sourcecode="ARN targetcode="GON" eventcode="064"></EventCoding>
<Text>Broken attribute quoting.</Text>
</Sentence>

<Sentence date="1995-01-04" id="BROKEN-02" category="DEMO">
<EventCoding noevents="True" />
<Text>Bad date.</Text>
</Sentence>

<Config option="require_dyad"  value="TRUE" />

<Sentence date="19950104" id="ERR-01" category="ERROR">
<EventCoding error="dateline" />
<Text>DATELINE only</Text>
<Parse>1	DATELINE	_	_</Parse></Sentence>

<Sentence date="19950105" id="COMP-01" category="COMPOUND">
<EventCoding sourcecode="---GOV" targetcode="---" eventcode="023" />
<EventCoding sourcecode="FOR" targetcode="OSG" eventcode="041" />
<Text>Text two.</Text>
</Sentence>

</Sentences>
</Validation>
"#;

    fn t(s: &str, tg: &str, c: &str) -> Triple {
        Triple::new(s, tg, c)
    }

    #[test]
    fn reads_environment() {
        let vf = parse_validation(SAMPLE);
        let env = &vf.environment;
        assert_eq!(env.verbfile.as_deref(), Some("v.txt"));
        assert_eq!(env.actorfiles, vec!["a1.txt", "a2.txt"]);
        assert_eq!(env.agentfile.as_deref(), Some("ag.txt"));
        assert_eq!(env.discardfile.as_deref(), Some("d.txt"));
        assert_eq!(env.include, vec!["DEMO", "COMPOUND", "ERROR"]);
        assert_eq!(
            env.config.get("stop_on_error").map(String::as_str),
            Some("True")
        );
        let files: Vec<String> = env.dictionary_files().into_iter().map(|(_, f)| f).collect();
        assert_eq!(files, vec!["a1.txt", "a2.txt", "ag.txt", "v.txt", "d.txt"]);
    }

    #[test]
    fn reads_records_and_skips_broken_ones() {
        let vf = parse_validation(SAMPLE);
        let ids: Vec<&str> = vf.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["DEMO-01", "DEMO-02", "ERR-01", "COMP-01"]);
        let skipped: Vec<(&str, usize)> = vf
            .issues
            .iter()
            .filter(|i| i.skipped)
            .map(|i| (i.id.as_deref().unwrap_or("?"), i.line))
            .collect();
        assert_eq!(skipped.len(), 2, "{:?}", vf.issues);
        assert_eq!(skipped[0].0, "BROKEN-01");
        assert_eq!(skipped[1].0, "BROKEN-02");
        assert!(vf
            .issues
            .iter()
            .find(|i| i.id.as_deref() == Some("BROKEN-02"))
            .unwrap()
            .message
            .contains("bad date"));
        // Line numbers point at the <Sentence tag.
        let line_of =
            |needle: &str| SAMPLE[..SAMPLE.find(needle).unwrap()].matches('\n').count() + 1;
        assert_eq!(
            skipped[0].1,
            line_of(r#"<Sentence date="19950104" id="BROKEN-01""#)
        );
        assert_eq!(
            vf.records[0].line,
            line_of(r#"<Sentence date = "20080801""#)
        );

        let r = &vf.records[0];
        assert_eq!(r.date, Date::new(2008, 8, 1).unwrap());
        assert_eq!(r.category, "DEMO");
        assert_eq!(r.sentence.as_deref(), Some("true"));
        assert_eq!(r.evaluate, None);
        assert_eq!(
            r.text,
            "Arnor is about to restore ties & links with Gondor."
        );
        assert_eq!(
            r.expected,
            Expected::Events(vec![
                t("ARN", "GON", "057"),
                t("\"INJURY TOLL\"", "\"THE MINISTRY\"", "042")
            ])
        );
        assert!(r.require_dyad());

        assert_eq!(vf.records[1].expected, Expected::NoEvents);
        assert!(!vf.records[1].require_dyad());
        assert_eq!(vf.records[2].expected, Expected::Error("dateline".into()));
        assert!(vf.records[2].require_dyad());
        assert_eq!(
            vf.records[3].expected.events()[0],
            t("---GOV", "---", "023")
        );
        assert_eq!(vf.mode(), Mode::UnitTest);
    }

    #[test]
    fn nested_comment_is_blanked() {
        let mut issues = Vec::new();
        let s = strip_comments(SAMPLE, &mut issues);
        assert!(issues.is_empty());
        assert_eq!(s.len(), SAMPLE.len());
        assert_eq!(s.matches('\n').count(), SAMPLE.matches('\n').count());
        assert!(!s.contains("fake") && !s.contains("PLEvent...") && !s.contains("inline"));
        assert!(!s.contains("-->"));
        let vf = parse_validation(SAMPLE);
        assert!(
            vf.issues.iter().all(|i| i.id.as_deref() != Some("fake")),
            "{:?}",
            vf.issues
        );
    }

    #[test]
    fn flat_comment_when_nesting_would_swallow_records() {
        let xml = r#"<Validation><Environment><Include>A</Include></Environment>
<!-- stray opener <!-- here -->
<Sentence date="20000101" id="A-1" category="A" evaluate="true">
<EventCoding noevents="True"/><Text>one</Text>
</Sentence>
<!-- a later comment -->
<Sentence date="20000101" id="A-2" category="A" evaluate="false">
<EventCoding noevents="True"/><Text>two</Text>
</Sentence>
</Validation>"#;
        let vf = parse_validation(xml);
        assert_eq!(vf.records.len(), 2, "{:?}", vf.issues);
        assert_eq!(vf.records[0].evaluate, Some(true));
        assert_eq!(vf.records[1].evaluate, Some(false));
        assert_eq!(vf.mode(), Mode::Ud);
    }

    #[test]
    fn unterminated_record_and_stop() {
        let xml = r#"<Validation><Environment></Environment>
<Sentence date="20000101" id="X-1" category="X">
<EventCoding noevents="True"/><Text>no end tag</Text>
<Sentence date="20000101" id="X-2" category="X">
<EventCoding noevents="True"/><Text>fine</Text>
</Sentence>
<Stop></Stop>
<Sentence date="20000101" id="X-3" category="X">
<EventCoding noevents="True"/><Text>after stop</Text>
</Sentence>
</Validation>"#;
        let vf = parse_validation(xml);
        assert_eq!(
            vf.records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            vec!["X-2"]
        );
        assert_eq!(vf.issues.len(), 1);
        assert_eq!(vf.issues[0].id.as_deref(), Some("X-1"));
        assert_eq!(vf.issues[0].line, 2);
        assert_eq!(vf.stopped_at_line, Some(7));
    }

    #[test]
    fn unit_test_pass_rule() {
        let exp = Expected::Events(vec![t("A", "B", "01"), t("B", "A", "02")]);
        // Order ignored, duplicates collapsed.
        let s = score_unit_test(
            &exp,
            &[t("B", "A", "02"), t("A", "B", "01"), t("A", "B", "01")],
        );
        assert!(s.pass);
        assert_eq!((s.correct, s.uncoded, s.extra), (2, 0, 0));
        // Missing one.
        let s = score_unit_test(&exp, &[t("A", "B", "01")]);
        assert!(!s.pass);
        assert_eq!((s.correct, s.uncoded, s.extra), (1, 1, 0));
        // An extra event fails.
        let s = score_unit_test(
            &exp,
            &[t("A", "B", "01"), t("B", "A", "02"), t("A", "C", "01")],
        );
        assert!(!s.pass);
        assert_eq!((s.correct, s.uncoded, s.extra), (2, 0, 1));
        // --- is compared verbatim in unit tests.
        let exp = Expected::Events(vec![t("---GOV", "---", "023")]);
        assert!(score_unit_test(&exp, &[t("---GOV", "---", "023")]).pass);
        assert!(!score_unit_test(&exp, &[]).pass);
        // noevents / error pass only when nothing is coded.
        for e in [Expected::NoEvents, Expected::Error("dateline".into())] {
            assert!(score_unit_test(&e, &[]).pass);
            let s = score_unit_test(&e, &[t("A", "B", "01")]);
            assert!(!s.pass);
            assert_eq!((s.correct, s.uncoded, s.extra), (0, 0, 1));
        }
    }

    #[test]
    fn ud_rule_drops_null_actors_and_collapses_duplicates() {
        assert!(
            is_null_actor("---")
                && is_null_actor("---GOV")
                && is_null_actor("")
                && !is_null_actor("GON")
        );
        let exp = Expected::Events(vec![
            t("ARN", "GON", "050"),
            t("---REL", "DAG", "012"),
            t("GON", "---", "222"),
        ]);
        let coded = [
            t("ARN", "GON", "050"),
            t("ARN", "GON", "050"),
            t("---", "OSG", "023"),
            t("---GOV", "GON", "160"),
            t("ARN", "OSG", "050"),
        ];
        let s = score_ud(&exp, &coded);
        assert_eq!(
            (s.correct, s.uncoded, s.extra, s.null_coded, s.null_expected),
            (1, 0, 1, 2, 2)
        );
        assert!(!s.pass);
        // All expected events null, only null events coded: passes.
        let exp = Expected::Events(vec![t("---REL", "DAG", "012")]);
        let s = score_ud(&exp, &[t("---REL", "DAG", "012")]);
        assert!(s.pass);
        assert_eq!((s.correct, s.uncoded, s.extra), (0, 0, 0));
        // noevents counts as one expected event.
        let s = score_ud(&Expected::NoEvents, &[]);
        assert_eq!((s.pass, s.correct, s.uncoded, s.extra), (true, 1, 0, 0));
        let s = score_ud(&Expected::NoEvents, &[t("---", "GON", "010")]);
        assert_eq!(
            (s.pass, s.correct, s.uncoded, s.extra, s.null_coded),
            (true, 1, 0, 0, 1)
        );
        let s = score_ud(
            &Expected::NoEvents,
            &[t("A", "B", "01"), t("A", "B", "01"), t("A", "C", "01")],
        );
        assert_eq!((s.pass, s.correct, s.uncoded, s.extra), (false, 0, 1, 2));
        // Exact match needed: a different code is uncoded + extra.
        let exp = Expected::Events(vec![t("ARN", "GON", "050")]);
        let s = score_ud(&exp, &[t("ARN", "GON", "051")]);
        assert_eq!((s.pass, s.correct, s.uncoded, s.extra), (false, 0, 1, 1));
    }

    #[test]
    fn summaries_and_percentages() {
        let a = RecordScore {
            pass: true,
            correct: 2,
            uncoded: 0,
            extra: 0,
            ..RecordScore::default()
        };
        let b = RecordScore {
            pass: false,
            correct: 1,
            uncoded: 1,
            extra: 2,
            ..RecordScore::default()
        };
        let c = RecordScore {
            pass: false,
            correct: 0,
            uncoded: 1,
            extra: 0,
            ..RecordScore::default()
        };
        let s = Summary::build([("X", &a), ("Y", &b), ("X", &c)].into_iter());
        assert_eq!(
            s.categories
                .iter()
                .map(|t| t.category.as_str())
                .collect::<Vec<_>>(),
            vec!["X", "Y"]
        );
        assert_eq!(
            (
                s.total.records,
                s.total.passed,
                s.total.correct,
                s.total.uncoded,
                s.total.extra
            ),
            (3, 1, 3, 2, 2)
        );
        assert!((s.total.correct_pct.unwrap() - 60.0).abs() < 1e-9);
        assert!((s.total.extra_pct.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.categories[0].records, 2);
        let empty = Summary::build(std::iter::empty());
        assert_eq!(empty.total.correct_pct, None);
    }

    #[test]
    fn evaluate_with_stub_dictionaries() {
        let vf = parse_validation(SAMPLE);
        let (dicts, _) = Builder::new().build();
        let report = evaluate(
            "sample.xml",
            &vf,
            &dicts,
            DictionaryInfo::default(),
            &RunOptions::default(),
        );
        assert_eq!(report.mode, Mode::UnitTest);
        assert_eq!(report.records_read, 4);
        assert_eq!(report.all.total.records, 4);
        assert_eq!(report.included.total.records, 4);
        assert!(!report.records[1].require_dyad);
        // Whatever the coder produces, scores must be consistent with the rule.
        for r in &report.records {
            let s = score_unit_test(&r.expected, &r.coded);
            assert_eq!(s.pass, r.pass);
        }
        assert!(!report.all_passed()); // two records were skipped as malformed
        let text = report.to_text(true);
        assert!(text.contains("All records"));
        assert!(text.contains("Included categories (DEMO COMPOUND ERROR)"));
        assert!(text.contains("skipped: line"));
        if report.records.iter().any(|r| !r.pass) {
            assert!(text.contains("FAIL "));
            assert!(text.contains("expected: "));
        }
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["mode"], "unit-test");
        assert_eq!(json["records"].as_array().unwrap().len(), 4);
        assert_eq!(json["records"][1]["expected"], "no_events");
        assert_eq!(json["records"][0]["expected"]["events"][0]["source"], "ARN");
        assert!(json["all"]["total"]["records"].is_number());

        // UD mode on the same file: COMP-01's --- events are dropped.
        let opts = RunOptions {
            mode: Some(Mode::Ud),
            include_only: true,
            ..RunOptions::default()
        };
        let report = evaluate("sample.xml", &vf, &dicts, DictionaryInfo::default(), &opts);
        // No record carries evaluate=, so none is scored in UD mode.
        assert_eq!(report.all.total.records, 0);
        assert!(std::ptr::eq(report.headline(), &report.included));
    }

    #[test]
    fn include_filter() {
        let xml = r#"<Validation><Environment><Include>A</Include></Environment>
<Sentence date="20000101" id="A-1" category="A" evaluate="true"><EventCoding noevents="True"/><Text>one</Text></Sentence>
<Sentence date="20000101" id="B-1" category="B" evaluate="true"><EventCoding noevents="True"/><Text>two</Text></Sentence>
<Sentence date="20000101" id="B-2" category="B" evaluate="false"><EventCoding noevents="True"/><Text>three</Text></Sentence>
</Validation>"#;
        let vf = parse_validation(xml);
        let (dicts, _) = Builder::new().build();
        let report = evaluate(
            "x.xml",
            &vf,
            &dicts,
            DictionaryInfo::default(),
            &RunOptions::default(),
        );
        assert_eq!(report.mode, Mode::Ud);
        assert_eq!(report.records_evaluated, 2);
        assert_eq!(report.all.total.records, 2);
        assert_eq!(report.included.total.records, 1);
        assert_eq!(report.records.len(), 3);
        assert!(!report.records[2].evaluated);
    }

    #[test]
    fn run_loads_dictionaries_relative_to_the_file() {
        let dir = std::env::temp_dir().join(format!("dyad-eval-petrarch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let xml = r#"<Validation><Environment>
<Verbfile>v.txt</Verbfile><Actorfile>a.txt,b.txt</Actorfile>
<Include>A</Include></Environment>
<Sentence date="20000101" id="A-1" category="A"><EventCoding noevents="True"/><Text>Nothing.</Text></Sentence>
</Validation>"#;
        let path = dir.join("records.xml");
        std::fs::write(&path, xml).unwrap();
        // Missing dictionary: an error naming the file.
        let err = run_petrarch(&path, &RunOptions::default()).unwrap_err();
        assert!(err.to_string().contains("a.txt"), "{err}");
        std::fs::write(dir.join("a.txt"), "").unwrap();
        std::fs::write(dir.join("b.txt"), "").unwrap();
        std::fs::write(dir.join("v.txt"), "").unwrap();
        let report = run_petrarch(&path, &RunOptions::default()).unwrap();
        assert_eq!(report.dictionaries.files.len(), 3);
        assert_eq!(report.records_read, 1);
        std::fs::remove_dir_all(&dir).ok();
        assert!(read_validation_file(&dir.join("nope.xml")).is_err());
    }
}
