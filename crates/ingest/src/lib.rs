//! Reading articles: plain text, JSON Lines, HTML pages, WARC files, RSS/Atom feeds, folders of
//! any of these, gzip- or zstd-compressed, and stdin.
//!
//! [`read_articles`] turns a list of [`Input`]s into an iterator of `Result<Article, IngestError>`,
//! in input order. A broken record or an unreadable file is one `Err` item; reading goes on with
//! the next record or file, so one bad record never costs the rest of a feed. Everything streams:
//! a JSONL file is read a line at a time, a WARC file a record at a time, a feed an item at a
//! time; no record may be larger than [`IngestOptions::max_record_bytes`].
//!
//! For parallel use, [`ArticleReader::next_record`] hands out [`Record`]s whose expensive part
//! (HTML extraction) is left to [`Record::into_article`], to be run on any thread.
//!
//! Formats, chosen by extension (after a `.gz`/`.zst` suffix), else by content:
//! - Plain text (`.txt`, `.text`, no extension): one article, id = file stem, body = the whole
//!   text. Invalid UTF-8 is decoded lossily (U+FFFD): a stray byte should not lose the article.
//! - JSON Lines (`.jsonl`, `.ndjson`, `.json`): one object per line with `id`, `text` (or `html`,
//!   raw HTML to extract), and optional `title`, `url`, `source`, `published`; field names are
//!   options ([`FieldNames`]). A line with invalid UTF-8 is an error for that line.
//! - HTML (`.html`, `.htm`, `.xhtml`): one page; the article text, title, date, canonical URL and
//!   site are extracted ([`dyad_html`]).
//! - WARC (`.warc`, `.warc.gz`, as in CC-NEWS): every HTML `response` record is a page; the
//!   record's target URI and date are fallbacks for the page's own.
//! - Feeds (`.rss`, `.atom`, `.xml`): every item with content or a description.
//! - A folder: every file inside, recursively, sorted by path; hidden entries (`.name`) and files
//!   with other extensions are skipped and listed by [`ArticleReader::skipped_files`].
//! - Stdin (`-`), or a file named explicitly whose extension says nothing: decompressed if its
//!   magic bytes say gzip or zstd, then JSONL if it starts with `{`, WARC with `WARC/`, a feed with
//!   `<rss`/`<feed`, HTML with `<!doctype html`/`<html`, else one plain-text article.

mod feed;
mod sniff;
mod warc;

pub use feed::{FeedError, FeedItem, FeedReader};
pub use sniff::{Compression, Format};
pub use warc::{WarcError, WarcPage, WarcReader};

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dyad_text::{Article, Date};
use serde_json::{Map, Value};

/// Most bytes a decompressed HTTP payload may grow to (a gzip bomb inside a WARC record).
pub(crate) const DECODED_LIMIT: u64 = 64 << 20;

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
    /// Raw HTML of the page, extracted like an HTML file when the text field is absent.
    pub html: String,
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
            html: "html".into(),
            title: "title".into(),
            url: "url".into(),
            source: "source".into(),
            published: "published".into(),
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Publication date for articles that carry none (plain-text articles, JSONL records
    /// without the field, pages without a date of their own or of their WARC record).
    pub default_published: Option<Date>,
    /// JSONL field names.
    pub fields: FieldNames,
    /// Largest record accepted, in bytes: a JSONL line, a plain-text or HTML file, a WARC
    /// record, a feed item. Larger ones are reported and skipped without being held in memory.
    pub max_record_bytes: usize,
}

/// Default for [`IngestOptions::max_record_bytes`]: 16 MiB.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { default_published: None, fields: FieldNames::default(), max_record_bytes: MAX_RECORD_BYTES }
    }
}

/// A record or file that could not be read. Displays as `file:line: reason` (JSONL),
/// `file: byte N: reason` (a WARC record or feed item at that offset of the decompressed
/// stream), or `file: reason`.
#[derive(Debug)]
pub struct IngestError {
    /// The file as given or found (`<stdin>` for standard input).
    pub file: String,
    /// 1-based line number in a JSONL input.
    pub line: Option<usize>,
    /// Byte offset of the record in the (decompressed) stream.
    pub offset: Option<u64>,
    pub reason: ErrorReason,
}

/// Why a record or file could not be read.
#[derive(Debug)]
pub enum ErrorReason {
    /// The file or folder could not be opened or read (a truncated or corrupt gzip/zstd stream
    /// too: the message says so).
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
    /// A record over [`IngestOptions::max_record_bytes`].
    TooLarge { limit: usize },
    /// A WARC record that could not be read.
    Warc(String),
    /// A feed that could not be read.
    Feed(String),
    /// An HTML page that gave no article (no text, a bomb).
    Html(String),
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
            ErrorReason::TooLarge { limit } => write!(f, "record over the limit of {limit} bytes"),
            ErrorReason::Warc(msg) => write!(f, "WARC: {msg}"),
            ErrorReason::Feed(msg) => write!(f, "feed: {msg}"),
            ErrorReason::Html(msg) => write!(f, "HTML: {msg}"),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.offset) {
            (Some(line), _) => write!(f, "{}:{}: {}", self.file, line, self.reason),
            (None, Some(offset)) => write!(f, "{}: byte {}: {}", self.file, offset, self.reason),
            (None, None) => write!(f, "{}: {}", self.file, self.reason),
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

/// An item read from an input: an article ready to code, or an HTML page still to extract
/// ([`Record::into_article`], the costly step, meant for a worker thread).
#[derive(Debug)]
pub enum Record {
    Article(Article),
    Html(HtmlDoc),
}

/// An HTML page or fragment with what its container said about it.
#[derive(Debug, Default)]
pub struct HtmlDoc {
    pub id: String,
    pub bytes: Vec<u8>,
    /// Character set named by the container (HTTP header).
    pub charset: Option<String>,
    /// A fragment (feed item content): all of it is the article, no body to look for.
    pub fragment: bool,
    /// Where the page was found (WARC target URI, feed link, JSONL url).
    pub url: Option<String>,
    /// Title given by the container (feed item, JSONL record); the page's own comes first.
    pub title: Option<String>,
    /// Source given by the container (feed title, JSONL record); wins over the page's site.
    pub source: Option<String>,
    /// A date given by the container that beats the page's own (feed item, JSONL record).
    pub published: Option<Date>,
    /// A date used when the page has none (the WARC record's), then the default.
    pub fallback_date: Option<Date>,
    pub default_published: Option<Date>,
    /// For errors: the file, line and offset the page came from.
    pub file: String,
    pub line: Option<usize>,
    pub offset: Option<u64>,
}

impl Record {
    /// The article: HTML extracted (title, body, date, canonical URL, site). A page with no
    /// article text, or one refused as a bomb, is an error; so is an extractor panic, caught
    /// here so that one page cannot end a run.
    pub fn into_article(self) -> Result<Article, IngestError> {
        match self {
            Record::Article(a) => Ok(a),
            Record::Html(doc) => doc.into_article(),
        }
    }

    /// Bytes held (for batch sizing).
    pub fn size(&self) -> usize {
        match self {
            Record::Article(a) => a.body.len(),
            Record::Html(d) => d.bytes.len(),
        }
    }
}

impl HtmlDoc {
    fn into_article(self) -> Result<Article, IngestError> {
        let fail = |d: &HtmlDoc, reason: ErrorReason| IngestError { file: d.file.clone(), line: d.line, offset: d.offset, reason };
        let extracted = catch_unwind(AssertUnwindSafe(|| {
            let text = dyad_html::decode(&self.bytes, self.charset.as_deref());
            if self.fragment {
                dyad_html::fragment_text(&text).map(|t| dyad_html::Page { text: t, ..Default::default() })
            } else {
                dyad_html::extract(&text, self.url.as_deref())
            }
        }));
        let page = match extracted {
            Ok(Ok(page)) => page,
            Ok(Err(e)) => return Err(fail(&self, ErrorReason::Html(e.to_string()))),
            Err(_) => return Err(fail(&self, ErrorReason::Html("the HTML extractor failed on this page".into()))),
        };
        Ok(Article {
            id: self.id,
            title: page.title.or(self.title),
            body: page.text,
            url: page.canonical_url.or(self.url.clone()),
            source: self.source.or(page.site).or_else(|| self.url.as_deref().and_then(dyad_html::host)),
            published: self.published.or(page.published).or(self.fallback_date).or(self.default_published),
        })
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
        bytes_read: Arc::new(AtomicU64::new(0)),
    }
}

/// Total size in bytes of the files the inputs name (folders walked as [`read_articles`] walks
/// them), for progress; `None` when stdin is among them.
pub fn input_size(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        let Input::Path(path) = input else { return None };
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                walk(path, &mut HashSet::new(), &mut found);
                for (p, f) in found {
                    if matches!(f, Found::File(_)) {
                        total += fs::metadata(&p).map_or(0, |m| m.len());
                    }
                }
            }
            Ok(meta) => total += meta.len(),
            Err(_) => {}
        }
    }
    Some(total)
}

/// Iterator over the articles of a list of inputs; see [`read_articles`].
pub struct ArticleReader {
    inputs: VecDeque<Input>,
    /// Work found while expanding an input (a folder's files, a stream), not yet read.
    queue: VecDeque<Queued>,
    /// The multi-record stream being read.
    current: Option<Stream>,
    options: IngestOptions,
    skipped: Vec<PathBuf>,
    bytes_read: Arc<AtomicU64>,
}

enum Queued {
    /// A file, with the format its extension names (if it does).
    File(PathBuf, Option<Format>),
    /// A stream whose format is sniffed (stdin).
    Stream {
        label: String,
        id: String,
        reader: Box<dyn Read + Send>,
    },
    Error(IngestError),
}

/// A stream of several records.
enum Stream {
    Json(JsonLines),
    Warc { label: String, stem: String, reader: Box<WarcReader<Box<dyn BufRead + Send>>> },
    Feed { label: String, stem: String, reader: Box<FeedReader<Box<dyn BufRead + Send>>>, n: usize },
}

impl ArticleReader {
    /// Read one stream the way stdin is read (format sniffed from its first bytes, gzip and zstd
    /// undone); `name` labels errors and is the id of a plain-text article. `Input::Stdin` goes
    /// through here (as `stdin`, errors labelled `<stdin>`), and tests can feed any reader.
    pub fn from_reader(name: &str, reader: impl Read + Send + 'static, options: IngestOptions) -> ArticleReader {
        let mut out = read_articles([], options);
        out.queue.push_back(Queued::Stream { label: name.to_string(), id: name.to_string(), reader: Box::new(reader) });
        out
    }

    /// Files passed over while walking folders: hidden (`.name`), or with an extension that is
    /// not one of the formats read. Complete once the iterator is exhausted.
    pub fn skipped_files(&self) -> &[PathBuf] {
        &self.skipped
    }

    /// Bytes read so far from files and stdin (compressed bytes for compressed files), shared
    /// so that another thread can show progress.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    /// The next record, HTML not yet extracted; `None` when every input is read.
    pub fn next_record(&mut self) -> Option<Result<Record, IngestError>> {
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
                // A file named explicitly is read whatever its extension: the user asked for
                // it; its content tells the format.
                Ok(_) => {
                    let format = sniff::by_extension(&path).0;
                    self.queue.push_back(Queued::File(path, format));
                }
            },
        }
    }

    /// Open queued work: returns an item, or sets `current` to a multi-record stream.
    fn open(&mut self, queued: Queued) -> Option<Result<Record, IngestError>> {
        match queued {
            Queued::Error(e) => Some(Err(e)),
            Queued::File(path, format) => {
                let label = path.display().to_string();
                let stem = stem_of(&path);
                match File::open(&path) {
                    Ok(file) => {
                        let reader = Counting { inner: file, count: Arc::clone(&self.bytes_read) };
                        self.open_stream(label, stem, Box::new(reader), format)
                    }
                    Err(e) => Some(Err(error(&label, None, ErrorReason::Io(e)))),
                }
            }
            Queued::Stream { label, id, reader } => {
                let reader = Counting { inner: reader, count: Arc::clone(&self.bytes_read) };
                self.open_stream(label, id, Box::new(reader), None)
            }
        }
    }

    fn open_stream(
        &mut self,
        label: String,
        id: String,
        reader: Box<dyn Read + Send>,
        format: Option<Format>,
    ) -> Option<Result<Record, IngestError>> {
        let mut reader = match sniff::decompress(reader) {
            Ok((_, r)) => r,
            Err(e) => return Some(Err(error(&label, None, ErrorReason::Io(e)))),
        };
        let format = match format {
            Some(f) => f,
            None => match peek(&mut reader) {
                Ok(head) => sniff::by_content(&head),
                Err(e) => return Some(Err(error(&label, None, ErrorReason::Io(e)))),
            },
        };
        let limit = self.options.max_record_bytes;
        match format {
            Format::JsonLines => {
                self.current = Some(Stream::Json(JsonLines::new(label, id, reader)));
                None
            }
            Format::Warc => {
                self.current = Some(Stream::Warc { label, stem: id, reader: Box::new(WarcReader::new(reader, limit)) });
                None
            }
            Format::Feed => {
                self.current = Some(Stream::Feed { label, stem: id, reader: Box::new(FeedReader::new(reader, limit)), n: 0 });
                None
            }
            Format::Text | Format::Html => Some(match read_limited(&mut reader, limit) {
                Ok(Some(bytes)) if format == Format::Text => {
                    plain_article(&label, &id, &bytes, &self.options).map(Record::Article)
                }
                Ok(Some(bytes)) => Ok(Record::Html(HtmlDoc {
                    id,
                    bytes,
                    default_published: self.options.default_published,
                    file: label,
                    ..HtmlDoc::default()
                })),
                Ok(None) => Err(error(&label, None, ErrorReason::TooLarge { limit })),
                Err(e) => Err(error(&label, None, ErrorReason::Io(e))),
            }),
        }
    }
}

impl Iterator for ArticleReader {
    type Item = Result<Article, IngestError>;

    /// The next article, HTML extracted on this thread.
    fn next(&mut self) -> Option<Self::Item> {
        self.next_record().map(|r| r.and_then(Record::into_article))
    }
}

impl Stream {
    fn next_record(&mut self, options: &IngestOptions) -> Option<Result<Record, IngestError>> {
        match self {
            Stream::Json(j) => j.next_record(options),
            Stream::Warc { label, stem, reader } => Some(match reader.next_page()? {
                Ok(page) => Ok(Record::Html(HtmlDoc {
                    id: page.record_id.clone().unwrap_or_else(|| format!("{stem}@{}", page.offset)),
                    bytes: page.body,
                    charset: page.charset,
                    url: page.target_uri,
                    fallback_date: page.date.as_deref().and_then(parse_date),
                    default_published: options.default_published,
                    file: label.clone(),
                    offset: Some(page.offset),
                    ..HtmlDoc::default()
                })),
                Err(e) => Err(IngestError {
                    file: label.clone(),
                    line: None,
                    offset: Some(e.offset),
                    reason: match e.fatal {
                        Some(io) => ErrorReason::Io(io),
                        None => ErrorReason::Warc(e.reason),
                    },
                }),
            }),
            Stream::Feed { label, stem, reader, n } => Some(match reader.next_item()? {
                Ok(item) => {
                    *n += 1;
                    let date = item.date.as_deref().and_then(parse_date).or_else(|| item.date.as_deref().and_then(dyad_html::parse_date));
                    Ok(Record::Html(HtmlDoc {
                        id: item.id.clone().or(item.link.clone()).unwrap_or_else(|| format!("{stem}:{n}")),
                        bytes: item.html.into_bytes(),
                        charset: Some("utf-8".into()),
                        fragment: true,
                        url: item.link,
                        title: item.title,
                        source: item.source,
                        published: date,
                        default_published: options.default_published,
                        file: label.clone(),
                        offset: Some(item.offset),
                        ..HtmlDoc::default()
                    }))
                }
                Err(e) => Err(IngestError { file: label.clone(), line: None, offset: Some(e.offset), reason: ErrorReason::Feed(e.reason) }),
            }),
        }
    }
}

/// Counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn stem_of(path: &Path) -> String {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
    // `crawl.warc.gz` → `crawl`; `story.txt` → `story`.
    let mut stem = name.as_str();
    for ext in [".gz", ".gzip", ".zst", ".zstd"] {
        if let Some(s) = stem.strip_suffix(ext) {
            stem = s;
            break;
        }
    }
    match stem.rfind('.') {
        Some(i) if i > 0 => stem[..i].to_string(),
        _ => stem.to_string(),
    }
}

/// The first bytes of a stream, left unread.
fn peek(reader: &mut Box<dyn BufRead + Send>) -> io::Result<Vec<u8>> {
    // A BufReader shows at most what one read brought: enough to tell formats apart.
    Ok(reader.fill_buf()?.to_vec())
}

/// The whole stream, or `None` when it is longer than `limit` bytes (not held in memory).
fn read_limited(reader: &mut dyn Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

fn error(file: &str, line: Option<usize>, reason: ErrorReason) -> IngestError {
    IngestError { file: file.to_string(), line, offset: None, reason }
}

enum Found {
    File(Option<Format>),
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
                let entry = match sniff::by_extension(&path) {
                    (Some(format), _) => Found::File(Some(format)),
                    // `data.gz`: compressed, format told by the content.
                    (None, Compression::Gzip | Compression::Zstd) => Found::File(None),
                    (None, Compression::None) => Found::Skipped,
                };
                found.push((path, entry));
            }
            Err(e) => found.push((path, Found::Error(e))),
        }
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
    /// could otherwise repeat forever). A line longer than the limit is consumed without being
    /// kept, and reported.
    fn next_record(&mut self, options: &IngestOptions) -> Option<Result<Record, IngestError>> {
        if self.failed {
            return None;
        }
        let limit = options.max_record_bytes;
        loop {
            self.buf.clear();
            match read_line_limited(&mut self.reader, &mut self.buf, limit) {
                Ok((0, _)) => return None,
                Ok((_, too_long)) => {
                    self.line += 1;
                    if too_long {
                        // Keep the buffer from staying huge.
                        self.buf = Vec::new();
                        return Some(Err(error(&self.label, Some(self.line), ErrorReason::TooLarge { limit })));
                    }
                }
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
            return Some(result.map_err(|reason| error(&self.label, Some(self.line), reason)).map(|r| match r {
                Record::Html(mut d) => {
                    d.file = self.label.clone();
                    d.line = Some(self.line);
                    Record::Html(d)
                }
                other => other,
            }));
        }
    }
}

/// Read through the next `\n`, keeping at most `limit` bytes in `buf`. Returns the bytes
/// consumed and whether the line was longer than the limit.
fn read_line_limited(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<(usize, bool)> {
    let mut total = 0;
    let mut too_long = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((total, too_long));
        }
        let (take, end) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit + 1 {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(take);
        total += take;
        if end {
            return Ok((total, too_long));
        }
    }
}

/// One JSONL record to an article; `default_id` is used when the record has no id.
fn parse_record(line: &str, default_id: &str, options: &IngestOptions) -> Result<Record, ErrorReason> {
    let value: Value = serde_json::from_str(line).map_err(|e| ErrorReason::InvalidJson(e.to_string()))?;
    let Value::Object(record) = value else { return Err(ErrorReason::NotAnObject) };
    let fields = &options.fields;
    let text = match record.get(&fields.text) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        None | Some(Value::Null) | Some(Value::String(_)) => None,
        Some(_) => return Err(invalid(&fields.text, "expected a string")),
    };
    // Without text, raw HTML to extract will do.
    let html = match (&text, record.get(&fields.html)) {
        (None, Some(Value::String(s))) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    };
    if text.is_none() && html.is_none() {
        return Err(ErrorReason::MissingText { field: fields.text.clone() });
    }
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
    let title = optional_string(&record, &fields.title)?;
    let url = optional_string(&record, &fields.url)?;
    let source = optional_string(&record, &fields.source)?;
    match (text, html) {
        (Some(body), _) => {
            Ok(Record::Article(Article { id, title, body, url, source, published: published.or(options.default_published) }))
        }
        (None, Some(html)) => Ok(Record::Html(HtmlDoc {
            id,
            bytes: html.into_bytes(),
            charset: Some("utf-8".into()),
            url,
            title,
            source,
            published,
            default_published: options.default_published,
            ..HtmlDoc::default()
        })),
        (None, None) => unreachable!("checked above"),
    }
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
