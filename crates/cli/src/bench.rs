//! `dyad bench`: end-to-end coding speed on a JSONL file or a generated corpus.
//!
//! Three figures, each timed on its own so none hides in another:
//! - parse: JSONL bytes (already in memory) to articles;
//! - coding: sentence splitting, tokenising and coding of articles already in memory, on the
//!   thread pool, with nothing written;
//! - end to end: what `dyad code` does from JSONL bytes in memory: the same reader thread,
//!   batches and pool, JSON records serialised, written to a null sink (no disk).

use crate::bench_corpus;
use crate::human::{fmt_count, plural};
use crate::pipeline;
use crate::DictArgs;
use dyad_coder::{code_doc, Options};
use dyad_ingest::{ArticleReader, IngestOptions};
use dyad_text::{Article, Doc};
use rayon::prelude::*;
use serde_json::json;
use std::io::Cursor;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct BenchArgs {
    /// JSONL file to code (default: a generated corpus of realistic news sentences).
    #[arg(long, value_name = "FILE.jsonl")]
    input: Option<PathBuf>,
    /// How many times to code the corpus (each of coding and end to end).
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
    /// Coding threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Size of the generated corpus, in sentences (ignored with --input).
    #[arg(long, default_value_t = 24_000, value_name = "N")]
    sentences: usize,
    /// Also write the generated corpus to this file (to time `dyad code` on the same text).
    #[arg(long, value_name = "FILE", conflicts_with = "input")]
    save_corpus: Option<PathBuf>,
    /// Write a generated crawl to this folder and exit: crawl.warc.gz (HTML pages in several
    /// site layouts, wire copy republished, one publisher's appeal) and crawl.jsonl, for timing
    /// `dyad code` at scale.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["input", "save_corpus"])]
    write_crawl: Option<PathBuf>,
    /// Size of each file of the crawl (the WARC counted before compression): 500M, 1G, ...
    #[arg(long, value_name = "SIZE", default_value = "1G", value_parser = parse_size)]
    crawl_bytes: u64,
    /// Print the results as one JSON object.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dicts: DictArgs,
}

/// Durations of repeated runs over the same corpus.
struct Runs(Vec<Duration>);

impl Runs {
    fn seconds(&self) -> Vec<f64> {
        self.0.iter().map(Duration::as_secs_f64).collect()
    }

    /// (fastest, median, slowest) in seconds.
    fn spread(&self) -> (f64, f64, f64) {
        let mut s = self.seconds();
        s.sort_by(f64::total_cmp);
        let n = s.len();
        let median = if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 };
        (s[0], median, s[n - 1])
    }

    /// `count / time` for the median, the slowest (min) and the fastest (max) run.
    fn rates(&self, count: usize) -> Rates {
        let (fast, median, slow) = self.spread();
        Rates { median: count as f64 / median, min: count as f64 / slow, max: count as f64 / fast }
    }
}

#[derive(Clone, Copy)]
struct Rates {
    median: f64,
    min: f64,
    max: f64,
}

impl Rates {
    fn per(self, n: usize) -> Rates {
        let n = n as f64;
        Rates { median: self.median / n, min: self.min / n, max: self.max / n }
    }

    fn json(self) -> serde_json::Value {
        json!({"median": self.median, "min": self.min, "max": self.max})
    }
}

/// What one pass over the corpus counted; equal on every run, or the coder is not deterministic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Counts {
    articles: usize,
    sentences: usize,
    events: usize,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let (num, mult) = match t.strip_suffix('G').or_else(|| t.strip_suffix("GB")) {
        Some(n) => (n, 1u64 << 30),
        None => match t.strip_suffix('M').or_else(|| t.strip_suffix("MB")) {
            Some(n) => (n, 1 << 20),
            None => match t.strip_suffix('K').or_else(|| t.strip_suffix("KB")) {
                Some(n) => (n, 1 << 10),
                None => (t.as_str(), 1),
            },
        },
    };
    let n: f64 = num.trim().parse().map_err(|_| format!("invalid size {s:?} (e.g. 500M, 1G)"))?;
    Ok((n * mult as f64) as u64)
}

pub fn run(args: BenchArgs) -> Result<ExitCode, String> {
    if let Some(dir) = &args.write_crawl {
        let t = Instant::now();
        let stats = crate::bench_crawl::write(dir, args.crawl_bytes).map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
        eprintln!(
            "dyad: wrote {}: crawl.warc.gz ({} pages, {} of them republished copies; {:.2} GB of WARC, {:.2} GB compressed) and crawl.jsonl ({} records, {:.2} GB) in {:.1} s",
            dir.display(),
            stats.pages,
            stats.copies,
            stats.warc_bytes as f64 / 1e9,
            stats.warc_gz_bytes as f64 / 1e9,
            stats.jsonl_records,
            stats.jsonl_bytes as f64 / 1e9,
            t.elapsed().as_secs_f64()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let t = Instant::now();
    let (dicts, warnings) = crate::dicts::build(&args.dicts)?;
    let dict_time = t.elapsed();

    let t = Instant::now();
    let (bytes, corpus_name) = match &args.input {
        Some(path) => (
            std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?,
            path.display().to_string(),
        ),
        None => (bench_corpus::generate(args.sentences), "generated".to_string()),
    };
    let read_time = t.elapsed();
    if let Some(path) = &args.save_corpus {
        std::fs::write(path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }

    // Parse: bytes in memory to articles, exactly as `dyad code` reads a JSONL stream.
    let t = Instant::now();
    let mut articles = Vec::new();
    let mut bad = Vec::new();
    for item in reader(&corpus_name, &bytes) {
        match item {
            Ok(a) => articles.push(a),
            Err(e) => bad.push(e),
        }
    }
    let parse_time = t.elapsed();
    let words = articles.iter().map(|a| a.body.split_whitespace().count()).sum();
    for e in bad.iter().take(5) {
        eprintln!("dyad: skipped {e}");
    }
    if bad.len() > 5 {
        eprintln!("dyad: ... and {} more unreadable records", bad.len() - 5);
    }
    if articles.is_empty() {
        eprintln!("dyad: no article could be read from {corpus_name}");
        return Ok(ExitCode::FAILURE);
    }

    let pool = pipeline::thread_pool(args.threads.map(usize::from))?;
    let threads = pool.current_num_threads();
    let runs = args.runs as usize;

    // One untimed pass first: the first pass over a corpus pays for growing the allocator's
    // pools and faulting pages in, which no later pass (or long `dyad code` run) sees.
    let mut counts = Some(time_coding(&dicts, &articles, &pool).1);
    let mut coding = Runs(Vec::new());
    for _ in 0..runs {
        let (time, c) = time_coding(&dicts, &articles, &pool);
        check_same(&mut counts, c, "coding")?;
        coding.0.push(time);
    }
    let counts = counts.expect("at least one run");

    let mut end_to_end = Runs(Vec::new());
    for _ in 0..runs {
        let input = reader(&corpus_name, &bytes);
        let t = Instant::now();
        // The corpus stages (duplicates, recurring paragraphs) are off: a benchmark corpus may
        // repeat its text on purpose (the real-news one is 20 copies), and they are timed with
        // `dyad code` on a generated crawl instead (--write-crawl).
        let hooks = pipeline::Hooks { on_error: &mut |_| {}, on_duplicate: &mut |_| {}, on_batch: &mut |_| {}, stop: None };
        let settings = pipeline::Settings { dedup: None, recurring_min: 0, monadic: false };
        let (totals, written) = pipeline::run_with(input, &dicts, &pool, &mut std::io::sink(), hooks, &settings);
        end_to_end.0.push(t.elapsed());
        written.map_err(|e| e.to_string())?;
        let c = Counts { articles: totals.articles, sentences: totals.sentences, events: totals.events };
        check_same(&mut Some(counts), c, "end to end")?;
    }

    let report = Report {
        corpus: corpus_name,
        bytes: bytes.len(),
        skipped: bad.len(),
        words,
        counts,
        threads,
        runs,
        dict_time,
        warnings: warnings.len(),
        read_time,
        parse_time,
        coding,
        end_to_end,
        generated: args.input.is_none(),
    };
    if args.json {
        println!("{}", report.json());
    } else {
        print!("{}", report.text());
    }
    Ok(ExitCode::SUCCESS)
}

fn reader(name: &str, bytes: &[u8]) -> ArticleReader {
    // A copy per pass so every pass reads the same bytes; made before any timer starts.
    ArticleReader::from_reader(name, Cursor::new(bytes.to_vec()), IngestOptions::default())
}

/// Split, tokenise and code every article on the pool; only that is timed (the copy of the
/// articles each pass consumes is made before the clock starts).
fn time_coding(dicts: &dyad_dict::Dictionaries, articles: &[Article], pool: &rayon::ThreadPool) -> (Duration, Counts) {
    let batch = articles.to_vec();
    let opts = Options::default();
    let t = Instant::now();
    let (sentences, events) = pool.install(|| {
        batch
            .into_par_iter()
            .map(|a| {
                let doc = Doc::new(a);
                (doc.sentences.len(), code_doc(dicts, &doc, &opts).len())
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    (t.elapsed(), Counts { articles: articles.len(), sentences, events })
}

fn check_same(first: &mut Option<Counts>, now: Counts, what: &str) -> Result<(), String> {
    match first {
        None => *first = Some(now),
        Some(c) if *c == now => {}
        Some(c) => return Err(format!("{what}: runs disagree ({c:?} then {now:?}); the coder is not deterministic")),
    }
    Ok(())
}

struct Report {
    corpus: String,
    generated: bool,
    bytes: usize,
    skipped: usize,
    /// Whitespace-separated words in the bodies: how long the sentences are.
    words: usize,
    counts: Counts,
    threads: usize,
    runs: usize,
    dict_time: Duration,
    warnings: usize,
    read_time: Duration,
    parse_time: Duration,
    coding: Runs,
    end_to_end: Runs,
}

impl Report {
    fn section_json(&self, runs: &Runs) -> serde_json::Value {
        let (fast, median, slow) = runs.spread();
        let sentences = runs.rates(self.counts.sentences);
        json!({
            "seconds": runs.seconds(),
            "median_seconds": median,
            "min_seconds": fast,
            "max_seconds": slow,
            "sentences_per_second": sentences.json(),
            "sentences_per_second_per_thread": sentences.per(self.threads).json(),
            "articles_per_second": runs.rates(self.counts.articles).json(),
        })
    }

    fn json(&self) -> serde_json::Value {
        let parse = self.parse_time.as_secs_f64();
        json!({
            "dyad_version": env!("CARGO_PKG_VERSION"),
            "optimized": !cfg!(debug_assertions),
            "corpus": {
                "input": self.corpus,
                "generated": self.generated,
                "bytes": self.bytes,
                "articles": self.counts.articles,
                "skipped": self.skipped,
                "sentences": self.counts.sentences,
                "words": self.words,
                "events": self.counts.events,
            },
            "machine": {"cores": pipeline::cores()},
            "threads": self.threads,
            "runs": self.runs,
            "warmup_runs": 1,
            "dictionaries": {"build_seconds": self.dict_time.as_secs_f64(), "warnings": self.warnings},
            "load": {
                "read_seconds": self.read_time.as_secs_f64(),
                "parse_seconds": parse,
                "articles_per_second": self.counts.articles as f64 / parse,
                "megabytes_per_second": self.bytes as f64 / 1e6 / parse,
            },
            "coding": self.section_json(&self.coding),
            "end_to_end": self.section_json(&self.end_to_end),
        })
    }

    fn section_text(&self, runs: &Runs) -> String {
        let (fast, median, slow) = runs.spread();
        let sentences = runs.rates(self.counts.sentences);
        let per_thread = sentences.per(self.threads);
        let articles = runs.rates(self.counts.articles);
        let row = |label: &str, secs: f64, pick: fn(Rates) -> f64| {
            format!(
                "  {label:<9}{secs:>9.3} s{:>14}{:>14}{:>13}\n",
                fmt_count(pick(sentences)),
                fmt_count(pick(per_thread)),
                fmt_count(pick(articles))
            )
        };
        let mut s = format!("  {:<9}{:>11}{:>14}{:>14}{:>13}\n", "", "time", "sentences/s", "per thread", "articles/s");
        s += &row("median", median, |r| r.median);
        s += &row("min", slow, |r| r.min);
        s += &row("max", fast, |r| r.max);
        s
    }

    fn text(&self) -> String {
        let c = self.counts;
        let mb = self.bytes as f64 / 1e6;
        let parse = self.parse_time.as_secs_f64();
        let mut s = String::new();
        if cfg!(debug_assertions) {
            s += "NOTE: unoptimised debug build; use `cargo run --release -p dyad -- bench` for real figures\n";
        }
        let what = if self.generated {
            format!(
                "generated corpus ({} templates, {} background sentences, {} actors)",
                bench_corpus::TEMPLATES.len(),
                bench_corpus::FILLERS.len(),
                bench_corpus::ACTORS.len()
            )
        } else {
            self.corpus.clone()
        };
        s += &format!(
            "corpus:       {what}: {} articles, {} sentences ({:.1} words each), {:.1} MB{}\n",
            fmt_count(c.articles as f64),
            fmt_count(c.sentences as f64),
            self.words as f64 / c.sentences.max(1) as f64,
            mb,
            if self.skipped > 0 { format!(", {} unreadable records skipped", self.skipped) } else { String::new() }
        );
        s += &format!(
            "machine:      {} cores; {} coding thread{}; {} timed run{} of each measurement, after one warm-up pass\n",
            pipeline::cores(),
            self.threads,
            plural(self.threads),
            self.runs,
            plural(self.runs)
        );
        s += &format!(
            "dictionaries: built in {:.0} ms ({} warning{})\n",
            self.dict_time.as_secs_f64() * 1e3,
            self.warnings,
            plural(self.warnings)
        );
        s += &format!(
            "parse JSONL:  {:.0} ms ({} articles/s, {:.0} MB/s; one thread){}\n",
            parse * 1e3,
            fmt_count(c.articles as f64 / parse),
            mb / parse,
            if self.generated {
                String::new()
            } else {
                format!(" after reading the file in {:.0} ms", self.read_time.as_secs_f64() * 1e3)
            }
        );
        s += &format!(
            "events:       {} per pass ({:.2} per sentence)\n",
            fmt_count(c.events as f64),
            c.events as f64 / c.sentences.max(1) as f64
        );
        s += "\ncoding (split + tokenise + code; articles already in memory, nothing written):\n";
        s += &self.section_text(&self.coding);
        s += "\nend to end from JSONL in memory (as `dyad code`: parsing on a reader thread, coding, JSON records to a null sink):\n";
        s += &self.section_text(&self.end_to_end);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_min_and_max_of_runs() {
        let runs = Runs([4.0, 1.0, 2.0, 3.0].iter().map(|&s| Duration::from_secs_f64(s)).collect());
        assert_eq!(runs.spread(), (1.0, 2.5, 4.0));
        let r = runs.rates(100);
        assert_eq!((r.median, r.min, r.max), (40.0, 25.0, 100.0));
        assert_eq!(r.per(2).median, 20.0);
        let odd = Runs([3.0, 1.0, 2.0].iter().map(|&s| Duration::from_secs_f64(s)).collect());
        assert_eq!(odd.spread(), (1.0, 2.0, 3.0));
    }
}
