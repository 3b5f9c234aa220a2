//! The coding pipeline shared by `dyad code` and `dyad bench`. Records are read on one thread
//! in bounded batches (by count and by bytes); for each batch, on a rayon pool:
//!
//! 1. in parallel: HTML extracted, publisher boilerplate found by the text rules, paragraphs
//!    hashed, a MinHash sketch made ([`dyad_corpus`]);
//! 2. in input order (cheap): each article checked against the window of recent originals —
//!    a near-duplicate is folded (not coded, linked to its original) — and its paragraphs
//!    counted per source, so that a paragraph recurring across a source's articles is dropped
//!    as boilerplate from then on (the batch being coded counts);
//! 3. in parallel: sentences split, tokenised and coded;
//!
//! and the JSON lines are written in input order. Memory is bounded by the batch limits, the
//! duplicate window and the paragraph-count cap, whatever the input size.

use crate::record::EventRecord;
use dyad_coder::{code_doc, Options};
use dyad_corpus::{DedupIndex, RecurringParagraphs, Sketch};
use dyad_dict::Dictionaries;
use dyad_ingest::{ArticleReader, IngestError, Record};
use dyad_text::{find_boilerplate, Article, Doc};
use rayon::prelude::*;
use std::io::{self, Write};
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;

/// Records per batch for a pool of `threads`: enough that every thread stays busy while one
/// long article finishes, few enough that memory stays bounded.
pub fn batch_size(threads: usize) -> usize {
    256.max(threads * 32)
}

/// A batch is also closed when its records hold this many bytes.
pub const BATCH_BYTES: usize = 64 << 20;

/// What coding one article produced.
pub struct Coded {
    pub sentences: usize,
    pub events: usize,
    /// The article's events as JSON lines, ready to write.
    pub jsonl: Vec<u8>,
}

/// Code one split and tokenised article, and serialise its events.
fn code_doc_of(dicts: &Dictionaries, doc: Doc, opts: &Options) -> Coded {
    let events = code_doc(dicts, &doc, opts);
    let mut jsonl = Vec::with_capacity(events.len() * 600);
    for e in &events {
        serde_json::to_writer(&mut jsonl, &EventRecord::new(&doc, e)).expect("records serialise to memory");
        jsonl.push(b'\n');
    }
    Coded { sentences: doc.sentences.len(), events: events.len(), jsonl }
}

/// Totals of one run.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    /// Articles read and coded.
    pub articles: usize,
    /// Records or files that could not be read (or pages that gave no article).
    pub skipped: usize,
    /// Articles read but not coded because the coder failed on them.
    pub failed: usize,
    /// Articles folded as near-duplicates of an earlier one (not coded).
    pub duplicates: usize,
    /// Paragraphs dropped because they recur across their source's articles.
    pub recurring_dropped: usize,
    pub sentences: usize,
    pub events: usize,
    /// Files passed over while walking folders (hidden, or not a known format).
    pub skipped_files: Vec<PathBuf>,
    /// The run was stopped (Ctrl-C) before the end of the input.
    pub interrupted: bool,
}

/// How the corpus-level stages behave.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Fold near-duplicates: (similarity threshold, window of originals); `None`: code all.
    pub dedup: Option<(f32, usize)>,
    /// A paragraph in this many articles of a source is boilerplate; 0: off.
    pub recurring_min: u32,
    /// Code events with one actor, or an unnamed one (`---`), too.
    pub monadic: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dedup: Some((dyad_corpus::THRESHOLD, dyad_corpus::WINDOW)),
            recurring_min: dyad_corpus::MIN_ARTICLES,
            monadic: false,
        }
    }
}

/// A folded duplicate, as written to `--duplicates`.
#[derive(serde::Serialize)]
pub struct DuplicateLink<'a> {
    pub article_id: &'a str,
    pub duplicate_of: &'a str,
    pub similarity: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_name: Option<&'a str>,
}

/// What the caller hears about during a run.
pub struct Hooks<'a> {
    /// Each unreadable record, in reading order.
    pub on_error: &'a mut dyn FnMut(&IngestError),
    /// Each folded duplicate, in input order.
    pub on_duplicate: &'a mut dyn FnMut(&DuplicateLink),
    /// After each batch is written.
    pub on_batch: &'a mut dyn FnMut(&Totals),
    /// Set (by a Ctrl-C handler) to stop after the batch being coded.
    pub stop: Option<Arc<AtomicBool>>,
}

/// A batch item after step 1.
enum Prepared {
    Failed(IngestError),
    /// The extractor or the rules panicked on this record.
    Panicked(String),
    Ready(Box<Ready>),
}

struct Ready {
    article: Article,
    dropped: Vec<Range<usize>>,
    paragraphs: Vec<(Range<usize>, u64)>,
    sketch: Option<Sketch>,
}

fn prepare(item: Result<Record, IngestError>, settings: &Settings) -> Prepared {
    let record = match item {
        Ok(r) => r,
        Err(e) => return Prepared::Failed(e),
    };
    let id = match &record {
        Record::Article(a) => a.id.clone(),
        Record::Html(d) => d.id.clone(),
    };
    let work = catch_unwind(AssertUnwindSafe(|| {
        let article = record.into_article()?;
        let dropped = find_boilerplate(&article.body);
        let paragraphs =
            if settings.recurring_min > 0 { dyad_corpus::paragraph_hashes(&article.body) } else { Vec::new() };
        let sketch = if settings.dedup.is_some() { Sketch::of(&article.body, &dropped) } else { None };
        Ok(Ready { article, dropped, paragraphs, sketch })
    }));
    match work {
        Ok(Ok(ready)) => Prepared::Ready(Box::new(ready)),
        Ok(Err(e)) => Prepared::Failed(e),
        Err(_) => Prepared::Panicked(id),
    }
}

/// The key articles of one source share for the recurring-paragraph count: the source, else
/// the URL's host; `None` (no count) when neither is known.
fn source_key(a: &Article) -> Option<String> {
    a.source.clone().or_else(|| a.url.as_deref().and_then(dyad_html::host))
}

/// Read everything from `reader`, code it on `pool`, write JSON lines to `out` in input order.
/// Each ingest error goes to `on_error` (in reading order) and the run goes on. Stops at the
/// first write error, which is returned with the totals so far.
#[cfg(test)]
pub fn run(
    reader: ArticleReader,
    dicts: &Dictionaries,
    pool: &rayon::ThreadPool,
    out: &mut dyn Write,
    on_error: &mut dyn FnMut(&IngestError),
) -> (Totals, io::Result<()>) {
    let hooks = Hooks { on_error, on_duplicate: &mut |_| {}, on_batch: &mut |_| {}, stop: None };
    run_with(reader, dicts, pool, out, hooks, &Settings::default())
}

/// [`run`] with corpus settings and every hook.
pub fn run_with(
    reader: ArticleReader,
    dicts: &Dictionaries,
    pool: &rayon::ThreadPool,
    out: &mut dyn Write,
    hooks: Hooks,
    settings: &Settings,
) -> (Totals, io::Result<()>) {
    let Hooks { on_error, on_duplicate, on_batch, stop } = hooks;
    let batch = batch_size(pool.current_num_threads());
    let opts = Options { require_dyad: !settings.monadic };
    let mut totals = Totals::default();
    let mut dedup = settings.dedup.map(|(t, w)| DedupIndex::new(t, w));
    let mut recurring = (settings.recurring_min > 0)
        .then(|| RecurringParagraphs::new(settings.recurring_min, dyad_corpus::CAP));
    let stopped = |s: &Option<Arc<AtomicBool>>| s.as_ref().is_some_and(|f| f.load(Ordering::Relaxed));
    // Two batches in flight: the reader parses the next batch while the pool codes this one.
    let (tx, rx) = sync_channel::<Vec<Result<Record, IngestError>>>(2);
    let reader_stop = stop.clone();
    let result = std::thread::scope(|scope| {
        let reading = scope.spawn(move || read_batches(reader, batch, reader_stop, |b| tx.send(b).is_ok()));
        let mut result = Ok(());
        // A three-stage pipeline over batches: while this thread runs the in-order stage of
        // batch k, the pool prepares batch k+1 and codes batch k-1; so the serial work never
        // leaves the cores idle. Batches are still written in input order.
        pool.in_place_scope(|s| {
            type CodedBatch = Vec<(String, Option<Coded>)>;
            let mut write = |coded: CodedBatch, totals: &mut Totals| -> io::Result<()> {
                for (id, c) in coded {
                    let Some(c) = c else {
                        totals.failed += 1;
                        eprintln!("dyad: article {id}: the coder failed (see the panic message above); article skipped");
                        continue;
                    };
                    totals.articles += 1;
                    totals.sentences += c.sentences;
                    totals.events += c.events;
                    out.write_all(&c.jsonl)?;
                }
                Ok(())
            };
            // 1. Extract, find rule boilerplate, hash paragraphs, sketch (on the pool).
            let prepare_batch = |items: Vec<Result<Record, IngestError>>| {
                let (done, prepared) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(1);
                s.spawn(move |_| {
                    let _ = done.send(items.into_par_iter().map(|item| prepare(item, settings)).collect());
                });
                prepared
            };
            let mut next = rx.recv().ok().map(prepare_batch);
            let mut in_flight: Option<std::sync::mpsc::Receiver<CodedBatch>> = None;
            while let Some(preparing) = next.take() {
                let prepared = preparing.recv().unwrap_or_default();
                next = rx.recv().ok().map(prepare_batch);
                // 2. In input order: duplicates, recurring paragraphs.
                let to_code = in_order_stage(prepared, &mut dedup, &mut recurring, &mut totals, on_error, on_duplicate);
                // The previous batch's events go out first.
                if let Some(prev) = in_flight.take() {
                    if let Err(e) = write(prev.recv().unwrap_or_default(), &mut totals) {
                        result = Err(e);
                        break;
                    }
                    on_batch(&totals);
                    if stopped(&stop) {
                        totals.interrupted = true;
                        break;
                    }
                }
                // 3. Code (on the pool).
                let (done, coded) = std::sync::mpsc::sync_channel(1);
                let opts = &opts;
                s.spawn(move |_| {
                    let coded: CodedBatch = to_code
                        .into_par_iter()
                        .map(|(a, dropped)| {
                            let id = a.id.clone();
                            // A coder bug on one article must not end a run over a million.
                            let c = catch_unwind(AssertUnwindSafe(|| code_doc_of(dicts, Doc::with_dropped(a, dropped), opts)));
                            (id, c.ok())
                        })
                        .collect();
                    let _ = done.send(coded);
                });
                in_flight = Some(coded);
            }
            if let (Some(prev), Ok(())) = (in_flight.take(), &result) {
                if !totals.interrupted {
                    match write(prev.recv().unwrap_or_default(), &mut totals) {
                        Ok(()) => on_batch(&totals),
                        Err(e) => result = Err(e),
                    }
                }
            }
        });
        // Dropping the receiver (on a write error or a stop) makes the reader's next send fail,
        // so it stops.
        drop(rx);
        totals.skipped_files = reading.join().expect("the reader thread does not panic");
        result
    });
    (totals, result.and_then(|()| out.flush()))
}

/// Articles ready for coding, with the byte ranges of their bodies left out.
type ToCode = Vec<(Article, Vec<Range<usize>>)>;

/// The in-order stage of a batch: failed records counted and reported, near-duplicates folded
/// (reported through `on_duplicate`), paragraphs counted per source and those recurring
/// dropped. Paragraphs are checked once the whole batch is counted, so a run's first articles
/// lose their recurring paragraphs too.
fn in_order_stage(
    prepared: Vec<Prepared>,
    dedup: &mut Option<DedupIndex>,
    recurring: &mut Option<RecurringParagraphs>,
    totals: &mut Totals,
    on_error: &mut dyn FnMut(&IngestError),
    on_duplicate: &mut dyn FnMut(&DuplicateLink),
) -> ToCode {
    type Pending = (Article, Vec<Range<usize>>, Vec<(Range<usize>, u64)>, Option<String>);
    let mut pending: Vec<Pending> = Vec::with_capacity(prepared.len());
    for p in prepared {
        let ready = match p {
            Prepared::Failed(e) => {
                totals.skipped += 1;
                on_error(&e);
                continue;
            }
            Prepared::Panicked(id) => {
                totals.failed += 1;
                eprintln!("dyad: record {id}: reading it failed (see the panic message above); skipped");
                continue;
            }
            Prepared::Ready(r) => *r,
        };
        let Ready { article, mut dropped, paragraphs, sketch } = ready;
        if let (Some(index), Some(sketch)) = (dedup.as_mut(), &sketch) {
            if let Some(d) = index.check(&article.id, sketch) {
                totals.duplicates += 1;
                on_duplicate(&DuplicateLink {
                    article_id: &article.id,
                    duplicate_of: &d.of,
                    similarity: d.similarity,
                    url: article.url.as_deref(),
                    title: article.title.as_deref(),
                    source_name: article.source.as_deref(),
                });
                continue;
            }
        }
        let source = recurring.as_ref().and_then(|_| source_key(&article));
        if let (Some(rec), Some(source)) = (recurring.as_mut(), &source) {
            let hashes: Vec<u64> = paragraphs.iter().map(|p| p.1).collect();
            rec.observe(source, &hashes);
        }
        dropped.shrink_to_fit();
        pending.push((article, dropped, paragraphs, source));
    }
    pending
        .into_iter()
        .map(|(article, mut dropped, paragraphs, source)| {
            if let (Some(rec), Some(source)) = (recurring.as_ref(), &source) {
                for (range, hash) in paragraphs {
                    if rec.is_recurring(source, hash) && !dropped.iter().any(|d| d.start <= range.start && range.end <= d.end) {
                        totals.recurring_dropped += 1;
                        dropped.push(range);
                    }
                }
            }
            (article, dropped)
        })
        .collect()
}

/// Group the reader's items into batches of at most `size` items or [`BATCH_BYTES`] bytes and
/// hand each to `send` (which returns false to stop). Returns the folders' skipped files.
fn read_batches(
    mut reader: ArticleReader,
    size: usize,
    stop: Option<Arc<AtomicBool>>,
    send: impl Fn(Vec<Result<Record, IngestError>>) -> bool,
) -> Vec<PathBuf> {
    loop {
        let mut b = Vec::with_capacity(size);
        let mut bytes = 0;
        let mut last = false;
        // Errors count towards the size too, so a file of bad lines cannot grow a batch unbounded.
        while b.len() < size && bytes < BATCH_BYTES {
            if stop.as_ref().is_some_and(|f| f.load(Ordering::Relaxed)) {
                last = true;
                break;
            }
            match reader.next_record() {
                Some(item) => {
                    bytes += item.as_ref().map_or(0, Record::size);
                    b.push(item);
                }
                None => {
                    last = true;
                    break;
                }
            }
        }
        if b.is_empty() || !send(b) || last {
            return reader.skipped_files().to_vec();
        }
    }
}

/// A rayon pool of `threads` threads (all cores when `None`).
pub fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .thread_name(|i| format!("dyad-code-{i}"))
        // Room for deep (but accepted) HTML trees; threads are few.
        .stack_size(16 << 20)
        .build()
        .map_err(|e| format!("cannot start the thread pool: {e}"))
}

/// The machine's core count as the OS reports it (1 if unknown).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_ingest::IngestOptions;
    use std::io::Cursor;

    fn dicts() -> Dictionaries {
        let mut b = dyad_dict::Builder::new();
        b.add_text(dyad_dict::Kind::Actors, "a", "#% dyad-actors 1\nCHN : China ; Chinese\nRUS : Russia\n");
        b.add_text(dyad_dict::Kind::Verbs, "v", "#% dyad-verbs 1\nverb 042 : visit\n");
        b.build().0
    }

    #[test]
    fn output_keeps_input_order_across_batches_and_counts_errors() {
        let mut input = String::new();
        for i in 0..700 {
            if i % 100 == 50 {
                input.push_str("{not json\n");
            }
            input.push_str(&format!("{{\"id\": \"n{i}\", \"text\": \"China visited Russia on day {i}.\"}}\n"));
        }
        let reader = ArticleReader::from_reader("feed", Cursor::new(input.into_bytes()), IngestOptions::default());
        let pool = thread_pool(Some(3)).unwrap();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let (totals, result) = run(reader, &dicts(), &pool, &mut out, &mut |e| errors.push(e.to_string()));
        result.unwrap();
        assert_eq!((totals.articles, totals.skipped, totals.failed), (700, 7, 0));
        assert_eq!(errors.len(), 7);
        assert!(errors[0].starts_with("feed:51: invalid JSON"), "{}", errors[0]);
        let ids: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["article_id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids, (0..700).map(|i| format!("n{i}")).collect::<Vec<_>>());
        assert_eq!(totals.events, 700);
    }

    #[test]
    fn a_write_error_stops_the_run() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let input: String = (0..2000).map(|i| format!("{{\"id\": {i}, \"text\": \"China visited Russia.\"}}\n")).collect();
        let reader = ArticleReader::from_reader("feed", Cursor::new(input.into_bytes()), IngestOptions::default());
        let pool = thread_pool(Some(2)).unwrap();
        let (totals, result) = run(reader, &dicts(), &pool, &mut Broken, &mut |_| {});
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert!(totals.articles < 2000);
    }
}
