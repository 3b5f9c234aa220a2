//! The coding pipeline shared by `dyad code` and `dyad bench`: articles are read on one thread
//! in bounded batches, each batch is coded in parallel on a rayon pool, and the JSON lines are
//! written in input order.

use crate::record::EventRecord;
use dyad_coder::{code_doc, Options};
use dyad_dict::Dictionaries;
use dyad_ingest::{ArticleReader, IngestError};
use dyad_text::{Article, Doc};
use rayon::prelude::*;
use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

/// Articles per batch for a pool of `threads`: enough that every thread stays busy while one
/// long article finishes, few enough that memory stays bounded.
pub fn batch_size(threads: usize) -> usize {
    256.max(threads * 32)
}

/// What coding one article produced.
pub struct Coded {
    pub sentences: usize,
    pub events: usize,
    /// The article's events as JSON lines, ready to write.
    pub jsonl: Vec<u8>,
}

/// Split, tokenise and code one article, and serialise its events.
pub fn code_article(dicts: &Dictionaries, article: Article, opts: &Options) -> Coded {
    let doc = Doc::new(article);
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
    /// Records or files that could not be read.
    pub skipped: usize,
    /// Articles read but not coded because the coder failed on them.
    pub failed: usize,
    pub sentences: usize,
    pub events: usize,
    /// Files passed over while walking folders (hidden, or not text/JSONL).
    pub skipped_files: Vec<PathBuf>,
}

/// What a reader hands the coder: up to one batch of articles and the errors met on the way,
/// in reading order.
struct Batch {
    articles: Vec<Article>,
    errors: Vec<IngestError>,
}

/// Read everything from `reader`, code it on `pool`, write JSON lines to `out` in input order.
/// Each ingest error goes to `on_error` (in reading order) and the run goes on. Stops at the
/// first write error, which is returned with the totals so far.
pub fn run(
    reader: ArticleReader,
    dicts: &Dictionaries,
    pool: &rayon::ThreadPool,
    out: &mut dyn Write,
    on_error: &mut dyn FnMut(&IngestError),
) -> (Totals, io::Result<()>) {
    let batch = batch_size(pool.current_num_threads());
    let opts = Options::default();
    let mut totals = Totals::default();
    // Two batches in flight: the reader parses the next batch while the pool codes this one.
    let (tx, rx) = sync_channel::<Batch>(2);
    let result = std::thread::scope(|scope| {
        let reading = scope.spawn(move || read_batches(reader, batch, |b| tx.send(b).is_ok()));
        let mut result = Ok(());
        for Batch { articles, errors } in rx.iter() {
            totals.skipped += errors.len();
            errors.iter().for_each(&mut *on_error);
            let coded: Vec<(String, Option<Coded>)> = pool.install(|| {
                articles
                    .into_par_iter()
                    .map(|a| {
                        let id = a.id.clone();
                        // A coder bug on one article must not end a run over a million.
                        (id, catch_unwind(AssertUnwindSafe(|| code_article(dicts, a, &opts))).ok())
                    })
                    .collect()
            });
            for (id, c) in coded {
                let Some(c) = c else {
                    totals.failed += 1;
                    eprintln!("dyad: article {id}: the coder failed (see the panic message above); article skipped");
                    continue;
                };
                totals.articles += 1;
                totals.sentences += c.sentences;
                totals.events += c.events;
                if let Err(e) = out.write_all(&c.jsonl) {
                    result = Err(e);
                    break;
                }
            }
            if result.is_err() {
                break;
            }
        }
        // Dropping the receiver (on a write error) makes the reader's next send fail, so it stops.
        drop(rx);
        totals.skipped_files = reading.join().expect("the reader thread does not panic");
        result
    });
    (totals, result.and_then(|()| out.flush()))
}

/// Group the reader's items into batches of at most `size` items and hand each to `send`
/// (which returns false to stop). Returns the folders' skipped files.
fn read_batches(mut reader: ArticleReader, size: usize, send: impl Fn(Batch) -> bool) -> Vec<PathBuf> {
    loop {
        let mut b = Batch { articles: Vec::with_capacity(size), errors: Vec::new() };
        // Errors count towards the size too, so a file of bad lines cannot grow a batch unbounded.
        for item in reader.by_ref().take(size) {
            match item {
                Ok(a) => b.articles.push(a),
                Err(e) => b.errors.push(e),
            }
        }
        let last = b.articles.len() + b.errors.len() < size;
        if (b.articles.is_empty() && b.errors.is_empty()) || !send(b) || last {
            return reader.skipped_files().to_vec();
        }
    }
}

/// A rayon pool of `threads` threads (all cores when `None`).
pub fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .thread_name(|i| format!("dyad-code-{i}"))
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
