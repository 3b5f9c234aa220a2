//! Reading articles: plain-text files, JSON Lines files, folders of either, and stdin.
//!
//! [`read_articles`] turns a list of [`Input`]s into an iterator of `Result<Article, IngestError>`,
//! in input order. A broken record or an unreadable file is one `Err` item; reading goes on with
//! the next line or file, so one bad record never costs the rest of a feed.
//!
//! - Plain text (`.txt`, `.text`, no extension, or any other file named explicitly): one article,
//!   id = file stem, body = the whole text. Invalid UTF-8 is decoded lossily (U+FFFD), because a
//!   stray byte in a long article should not lose the article.
//! - JSON Lines (`.jsonl`, `.ndjson`, `.json`): one object per line with `id`, `text`, and
//!   optional `title`, `url`, `source`, `published`. Read line by line, never whole. A line with
//!   invalid UTF-8 is an error for that line (JSON must be valid UTF-8).
//! - A folder: every file inside, recursively, sorted by path; hidden entries (`.name`) and files
//!   with other extensions are skipped and listed by [`ArticleReader::skipped_files`].
//! - Stdin (`-`): JSON Lines when its first non-blank character is `{`, else one plain-text
//!   article with id `stdin`.

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use dyad_text::{Article, Date};
use serde_json::{Map, Value};

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// A command-line argument: `-` is stdin, anything else a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

impl FromStr for Input {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Input, Self::Err> {
        Ok(Input::from_arg(s))
    }
}

/// Names of the JSON fields read from each JSONL record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    pub id: String,
    pub text: String,
    pub title: String,
    pub url: String,
    pub source: String,
    pub published: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            id: "id".into(),
            text: "text".into(),
            title: "title".into(),
            url: "url".into(),
            source: "source".into(),
            published: "published".into(),
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Publication date for articles that carry none (all plain-text articles, JSONL records
    /// without the field).
    pub default_published: Option<Date>,
    /// JSONL field names.
    pub fields: FieldNames,
}

/// A record or file that could not be read. Displays as `file:line: reason` (`file: reason` when
/// the problem is not tied to one line).
#[derive(Debug)]
pub struct IngestError {
    /// The file as given or found (`<stdin>` for standard input).
    pub file: String,
    /// 1-based line number in a JSONL input.
    pub line: Option<usize>,
    pub reason: ErrorReason,
}

/// Why a record or file could not be read.
#[derive(Debug)]
pub enum ErrorReason {
    /// The file or folder could not be opened or read.
    Io(io::Error),
    /// A JSONL line that is not valid UTF-8.
    InvalidUtf8,
    /// A JSONL line that is not valid JSON (serde_json's message).
    InvalidJson(String),
    /// A JSONL line that is valid JSON but not an object.
    NotAnObject,
    /// The text field of a JSONL record is missing, empty or blank.
    MissingText { field: String },
    /// A plain-text input with no text (empty or only whitespace).
    EmptyText,
    /// A field has the wrong type or an unreadable value.
    InvalidField { field: String, reason: String },
}

impl fmt::Display for ErrorReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorReason::Io(e) => write!(f, "cannot read: {e}"),
            ErrorReason::InvalidUtf8 => write!(f, "invalid UTF-8"),
            ErrorReason::InvalidJson(msg) => write!(f, "invalid JSON: {msg}"),
            ErrorReason::NotAnObject => write!(f, "expected a JSON object"),
            ErrorReason::MissingText { field } => write!(f, "missing or empty \"{field}\""),
            ErrorReason::EmptyText => write!(f, "no text"),
            ErrorReason::InvalidField { field, reason } => write!(f, "field \"{field}\": {reason}"),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.reason {
            ErrorReason::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// Read articles from the inputs, in order. Nothing is opened until the iterator is advanced.
pub fn read_articles(inputs: impl IntoIterator<Item = Input>, options: IngestOptions) -> ArticleReader {
    ArticleReader {
        inputs: inputs.into_iter().collect(),
        queue: VecDeque::new(),
        current: None,
        options,
        skipped: Vec::new(),
    }
}

/// Iterator over the articles of a list of inputs; see [`read_articles`].
pub struct ArticleReader {
    inputs: VecDeque<Input>,
    /// Work found while expanding an input (a folder's files, a stream), not yet read.
    queue: VecDeque<Queued>,
    /// The JSONL stream being read.
    current: Option<JsonLines>,
    options: IngestOptions,
    skipped: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    JsonLines,
}

enum Queued {
    File(PathBuf, Format),
    /// A stream whose format is sniffed from its first non-blank byte (stdin).
    Stream {
        label: String,
        id: String,
        reader: Box<dyn Read + Send>,
    },
    Error(IngestError),
}

impl ArticleReader {
    /// Read one stream the way stdin is read: JSONL if its first non-blank character is `{`,
    /// else one plain-text article with id `name`; `name` also labels errors. `Input::Stdin` goes
    /// through here (as `stdin`, errors labelled `<stdin>`), and tests can feed any reader.
    pub fn from_reader(name: &str, reader: impl Read + Send + 'static, options: IngestOptions) -> ArticleReader {
        let mut out = read_articles([], options);
        out.queue.push_back(Queued::Stream { label: name.to_string(), id: name.to_string(), reader: Box::new(reader) });
        out
    }

    /// Files passed over while walking folders: hidden (`.name`), or with an extension that is
    /// neither text nor JSONL. Complete once the iterator is exhausted.
    pub fn skipped_files(&self) -> &[PathBuf] {
        &self.skipped
    }

    /// Turn the next input into queued work.
    fn expand(&mut self, input: Input) {
        match input {
            Input::Stdin => self.queue.push_back(Queued::Stream {
                label: "<stdin>".into(),
                id: "stdin".into(),
                reader: Box::new(io::stdin()),
            }),
            Input::Path(path) => match fs::metadata(&path) {
                Err(e) => {
                    self.queue.push_back(Queued::Error(error(&path.display().to_string(), None, ErrorReason::Io(e))))
                }
                Ok(meta) if meta.is_dir() => {
                    let mut found = Vec::new();
                    walk(&path, &mut HashSet::new(), &mut found);
                    found.sort_by(|a, b| a.0.cmp(&b.0));
                    for (path, entry) in found {
                        match entry {
                            Found::File(format) => self.queue.push_back(Queued::File(path, format)),
                            Found::Skipped => self.skipped.push(path),
                            Found::Error(e) => self.queue.push_back(Queued::Error(error(
                                &path.display().to_string(),
                                None,
                                ErrorReason::Io(e),
                            ))),
                        }
                    }
                }
                // A file named explicitly is read whatever its extension: the user asked for it.
                Ok(_) => {
                    let format = format_of(&path).unwrap_or(Format::Text);
                    self.queue.push_back(Queued::File(path, format));
                }
            },
        }
    }

    /// Open queued work: returns an item, or sets `current` to a JSONL stream.
    fn open(&mut self, queued: Queued) -> Option<Result<Article, IngestError>> {
        match queued {
            Queued::Error(e) => Some(Err(e)),
            Queued::File(path, format) => {
                let label = path.display().to_string();
                let stem = path.file_stem().map_or_else(|| label.clone(), |s| s.to_string_lossy().into_owned());
                match format {
                    Format::Text => Some(match fs::read(&path) {
                        Ok(bytes) => plain_article(&label, &stem, &bytes, &self.options),
                        Err(e) => Err(error(&label, None, ErrorReason::Io(e))),
                    }),
                    Format::JsonLines => match File::open(&path) {
                        Ok(file) => {
                            self.current = Some(JsonLines::new(label, stem, Box::new(BufReader::new(file))));
                            None
                        }
                        Err(e) => Some(Err(error(&label, None, ErrorReason::Io(e)))),
                    },
                }
            }
            Queued::Stream { label, id, reader } => match sniff(reader) {
                Ok((Format::JsonLines, reader)) => {
                    self.current = Some(JsonLines::new(label, id, reader));
                    None
                }
                Ok((Format::Text, mut reader)) => {
                    let mut bytes = Vec::new();
                    Some(match reader.read_to_end(&mut bytes) {
                        Ok(_) => plain_article(&label, &id, &bytes, &self.options),
                        Err(e) => Err(error(&label, None, ErrorReason::Io(e))),
                    })
                }
                Err(e) => Some(Err(error(&label, None, ErrorReason::Io(e)))),
            },
        }
    }
}

impl Iterator for ArticleReader {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(stream) = &mut self.current {
                if let Some(item) = stream.next_record(&self.options) {
                    return Some(item);
                }
                self.current = None;
            }
            if let Some(queued) = self.queue.pop_front() {
                if let Some(item) = self.open(queued) {
                    return Some(item);
                }
                continue;
            }
            let input = self.inputs.pop_front()?;
            self.expand(input);
        }
    }
}

fn error(file: &str, line: Option<usize>, reason: ErrorReason) -> IngestError {
    IngestError { file: file.to_string(), line, reason }
}

/// Format by extension, for files met in a folder; `None` means "skip".
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        None | Some("txt" | "text") => Some(Format::Text),
        Some("jsonl" | "ndjson" | "json") => Some(Format::JsonLines),
        Some(_) => None,
    }
}

enum Found {
    File(Format),
    Skipped,
    Error(io::Error),
}

/// Collect every file under `dir` (unsorted). `visited` holds canonical folder paths, so a
/// symlink loop is walked once.
fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, found: &mut Vec<(PathBuf, Found)>) {
    if let Ok(canonical) = fs::canonicalize(dir) {
        if !visited.insert(canonical) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return found.push((dir.to_path_buf(), Found::Error(e))),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found.push((dir.to_path_buf(), Found::Error(e)));
                continue;
            }
        };
        let path = entry.path();
        // Hidden files (`.DS_Store`, editor swap files) are never articles.
        if entry.file_name().to_string_lossy().starts_with('.') {
            found.push((path, Found::Skipped));
            continue;
        }
        // fs::metadata follows symlinks, so linked files and folders are read too.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, visited, found),
            Ok(_) => {
                let entry = format_of(&path).map_or(Found::Skipped, Found::File);
                found.push((path, entry));
            }
            Err(e) => found.push((path, Found::Error(e))),
        }
    }
}

/// Peek at a stream's first non-blank byte to tell JSONL (`{`) from plain text. The bytes read
/// while peeking are put back in front, so line numbers and the text stay intact; a UTF-8 byte
/// order mark is dropped.
fn sniff(reader: Box<dyn Read + Send>) -> io::Result<(Format, Box<dyn BufRead + Send>)> {
    let mut reader = BufReader::new(reader);
    let mut prefix = Vec::new();
    let mut first = true;
    loop {
        let buf = reader.fill_buf()?;
        if first && buf.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
            first = false;
            continue;
        }
        first = false;
        if buf.is_empty() {
            return Ok((Format::Text, Box::new(Cursor::new(prefix).chain(reader))));
        }
        if let Some(pos) = buf.iter().position(|b| !b.is_ascii_whitespace()) {
            let format = if buf[pos] == b'{' { Format::JsonLines } else { Format::Text };
            prefix.extend_from_slice(&buf[..pos]);
            reader.consume(pos);
            return Ok((format, Box::new(Cursor::new(prefix).chain(reader))));
        }
        let n = buf.len();
        prefix.extend_from_slice(buf);
        reader.consume(n);
    }
}

/// One plain-text article: the whole input is the body (invalid UTF-8 replaced by U+FFFD).
fn plain_article(label: &str, id: &str, bytes: &[u8], options: &IngestOptions) -> Result<Article, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let body = String::from_utf8_lossy(bytes).into_owned();
    if body.trim().is_empty() {
        return Err(error(label, None, ErrorReason::EmptyText));
    }
    Ok(Article { id: id.to_string(), body, published: options.default_published, ..Article::default() })
}

/// A JSONL stream read one line at a time.
struct JsonLines {
    label: String,
    /// Prefix of default ids: `{stem}:{line}`.
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    failed: bool,
}

impl JsonLines {
    fn new(label: String, stem: String, reader: Box<dyn BufRead + Send>) -> JsonLines {
        JsonLines { label, stem, reader, line: 0, buf: Vec::new(), failed: false }
    }

    /// The next record, skipping blank lines; `None` at the end (or after a read error, which
    /// could otherwise repeat forever).
    fn next_record(&mut self, options: &IngestOptions) -> Option<Result<Article, IngestError>> {
        if self.failed {
            return None;
        }
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(error(&self.label, Some(self.line + 1), ErrorReason::Io(e))));
                }
            }
            let mut bytes = self.buf.as_slice();
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let result = match std::str::from_utf8(bytes) {
                Ok(text) => parse_record(text, &format!("{}:{}", self.stem, self.line), options),
                Err(_) => Err(ErrorReason::InvalidUtf8),
            };
            return Some(result.map_err(|reason| error(&self.label, Some(self.line), reason)));
        }
    }
}

/// One JSONL record to an article; `default_id` is used when the record has no id.
fn parse_record(line: &str, default_id: &str, options: &IngestOptions) -> Result<Article, ErrorReason> {
    let value: Value = serde_json::from_str(line).map_err(|e| ErrorReason::InvalidJson(e.to_string()))?;
    let Value::Object(record) = value else { return Err(ErrorReason::NotAnObject) };
    let fields = &options.fields;
    let body = match record.get(&fields.text) {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        None | Some(Value::Null) | Some(Value::String(_)) => {
            return Err(ErrorReason::MissingText { field: fields.text.clone() })
        }
        Some(_) => return Err(invalid(&fields.text, "expected a string")),
    };
    // Ids are often numbers in exported feeds; their decimal form is as good an id as any.
    let id = match record.get(&fields.id) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) | Some(Value::String(_)) => default_id.to_string(),
        Some(_) => return Err(invalid(&fields.id, "expected a string or a number")),
    };
    let published = match record.get(&fields.published) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(parse_date(s).ok_or_else(|| bad_date(&fields.published, s))?),
        Some(Value::Number(n)) => {
            Some(parse_date(&n.to_string()).ok_or_else(|| bad_date(&fields.published, &n.to_string()))?)
        }
        Some(_) => return Err(invalid(&fields.published, "expected a date string")),
    };
    Ok(Article {
        id,
        title: optional_string(&record, &fields.title)?,
        body,
        url: optional_string(&record, &fields.url)?,
        source: optional_string(&record, &fields.source)?,
        published: published.or(options.default_published),
    })
}

/// An optional string field; absent, null and "" are all `None`.
fn optional_string(record: &Map<String, Value>, field: &str) -> Result<Option<String>, ErrorReason> {
    match record.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(invalid(field, "expected a string")),
    }
}

fn invalid(field: &str, reason: &str) -> ErrorReason {
    ErrorReason::InvalidField { field: field.to_string(), reason: reason.to_string() }
}

fn bad_date(field: &str, value: &str) -> ErrorReason {
    invalid(field, &format!("invalid date {value:?} (expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp)"))
}

/// `YYYY-MM-DD`, `YYYYMMDD`, or a timestamp (RFC 3339, or without offset) whose date part is
/// kept as written: `2024-03-05T23:30:00-05:00` is March 5, the date the publisher printed.
/// Public so that a `--published` option accepts the same forms.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let (y, m, d) = if b.len() == 8 && digits(0..8) {
        (&s[0..4], &s[4..6], &s[6..8])
    } else if b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        // Anything after the date must make a valid timestamp.
        if b.len() > 10 && s.parse::<jiff::Timestamp>().is_err() && s.parse::<jiff::civil::DateTime>().is_err() {
            return None;
        }
        (&s[0..4], &s[5..7], &s[8..10])
    } else {
        return None;
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}
