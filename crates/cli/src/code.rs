//! `dyad code`: articles in, one JSON line per event out.

use crate::human::{fmt_count, plural};
use crate::pipeline::{self, Hooks, Settings, Totals};
use crate::DictArgs;
use dyad_ingest::{input_size, read_articles, FieldNames, IngestOptions, Input};
use dyad_text::Date;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct CodeArgs {
    /// Files, folders, or `-` for stdin (the default when none is given). By extension: .txt
    /// (one article), .jsonl/.ndjson/.json (one per line), .html/.htm (a page), .warc (HTML
    /// responses), .rss/.atom/.xml (feed items); any of them .gz or .zst; otherwise by content.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Publication date for articles that carry none (plain text, JSONL records without one):
    /// YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Date>,
    /// Write the events here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Coding threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// No progress bar, no summary and no dictionary warnings on stderr (skipped inputs are
    /// still reported).
    #[arg(short, long)]
    quiet: bool,
    /// No progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long)]
    no_progress: bool,
    #[command(flatten)]
    fields: FieldArgs,
    /// Largest record read, in bytes (a JSONL line, a file, a WARC record, a feed item); larger
    /// ones are reported and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = dyad_ingest::MAX_RECORD_BYTES)]
    max_record_bytes: usize,
    /// Code every article, near-duplicates too.
    #[arg(long)]
    no_dedup: bool,
    /// Estimated word-shingle Jaccard similarity from which an article is a copy of an earlier one.
    #[arg(long, value_name = "X", default_value_t = dyad_corpus::THRESHOLD)]
    dedup_threshold: f32,
    /// How many recent original articles copies are looked for among.
    #[arg(long, value_name = "N", default_value_t = dyad_corpus::WINDOW)]
    dedup_window: usize,
    /// Write one JSON line per folded duplicate here (article_id, duplicate_of, similarity, url).
    #[arg(long, value_name = "FILE")]
    duplicates: Option<PathBuf>,
    /// A paragraph found in this many articles of one source is that source's boilerplate and
    /// is not coded (0: off).
    #[arg(long, value_name = "N", default_value_t = dyad_corpus::MIN_ARTICLES)]
    recurring_min: u32,
    /// Also code events with a single actor or an actor no dictionary names (`"code": "---"`,
    /// with its noun phrase), as researchers of protest or violence without named perpetrators
    /// need; by default an event needs two named actors, as in CAMEO datasets.
    #[arg(long)]
    monadic: bool,
    #[command(flatten)]
    dicts: DictArgs,
}

/// JSONL field names.
#[derive(clap::Args)]
pub struct FieldArgs {
    /// JSONL field holding the article id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// JSONL field holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,
    /// JSONL field holding raw HTML, extracted when the text field is absent.
    #[arg(long, value_name = "NAME", default_value = "html")]
    html_field: String,
    #[arg(long, value_name = "NAME", default_value = "title")]
    title_field: String,
    #[arg(long, value_name = "NAME", default_value = "url")]
    url_field: String,
    /// JSONL field naming the publisher.
    #[arg(long, value_name = "NAME", default_value = "source")]
    source_field: String,
    /// JSONL field holding the publication date.
    #[arg(long, value_name = "NAME", default_value = "published")]
    date_field: String,
}

impl FieldArgs {
    fn names(&self) -> FieldNames {
        FieldNames {
            id: self.id_field.clone(),
            text: self.text_field.clone(),
            html: self.html_field.clone(),
            title: self.title_field.clone(),
            url: self.url_field.clone(),
            source: self.source_field.clone(),
            published: self.date_field.clone(),
        }
    }
}

fn parse_published(s: &str) -> Result<Date, String> {
    dyad_ingest::parse_date(s).ok_or_else(|| format!("invalid date {s:?} (expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp)"))
}

pub fn run(args: CodeArgs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let dicts = crate::dicts::load(&args.dicts, args.quiet)?;
    let pool = pipeline::thread_pool(args.threads.map(usize::from))?;
    // Open the output before reading anything: a bad path is a usage error, found at once.
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::with_capacity(
            1 << 16,
            File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };
    let inputs: Vec<Input> =
        if args.inputs.is_empty() { vec![Input::Stdin] } else { args.inputs.iter().map(|a| Input::from_arg(a)).collect() };
    // Without this a bare `dyad code` at a prompt just seems to hang.
    if !args.quiet && inputs.contains(&Input::Stdin) && io::stdin().is_terminal() {
        eprintln!("dyad: reading articles from stdin (end with Ctrl-D; `dyad code --help` for files)");
    }
    let options = IngestOptions {
        default_published: args.published,
        fields: args.fields.names(),
        max_record_bytes: args.max_record_bytes.max(1),
    };
    let size = input_size(&inputs);
    let reader = read_articles(inputs, options);
    let bytes_read = reader.bytes_read();
    let mut dup_out: Option<BufWriter<File>> = match &args.duplicates {
        Some(path) => Some(BufWriter::new(File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?)),
        None => None,
    };

    // Ctrl-C (or SIGTERM) stops after the batch being coded, with everything written so far
    // complete and flushed; a second one exits at once.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop));
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }

    let bar = progress_bar(!args.quiet && !args.no_progress && io::stderr().is_terminal(), size);
    let coding_started = Instant::now();
    let settings = Settings {
        dedup: (!args.no_dedup).then_some((args.dedup_threshold, args.dedup_window.max(1))),
        recurring_min: args.recurring_min,
        monadic: args.monadic,
    };
    let mut dup_error: Option<io::Error> = None;
    let mut on_error = |e: &dyad_ingest::IngestError| bar.suspend(|| eprintln!("dyad: skipped {e}"));
    let mut on_duplicate = |d: &pipeline::DuplicateLink| {
        if let (Some(w), None) = (&mut dup_out, &dup_error) {
            let line = serde_json::to_vec(d).expect("links serialise");
            if let Err(e) = w.write_all(&line).and_then(|()| w.write_all(b"\n")) {
                dup_error = Some(e);
            }
        }
    };
    let mut on_batch = |t: &Totals| {
        bar.set_position(bytes_read.load(Ordering::Relaxed));
        bar.set_message(progress_message(t, coding_started.elapsed()));
    };
    let hooks = Hooks { on_error: &mut on_error, on_duplicate: &mut on_duplicate, on_batch: &mut on_batch, stop: Some(Arc::clone(&stop)) };
    let (totals, written) = pipeline::run_with(reader, &dicts, &pool, &mut out, hooks, &settings);
    bar.finish_and_clear();
    drop(out);
    let target = args.output.as_ref().map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
    match written {
        Ok(()) => {}
        // The reader of our output went away (`dyad code | head`): not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(format!("cannot write {target}: {e}")),
    }
    if let Some(w) = dup_out.as_mut() {
        if let Err(e) = dup_error.map_or_else(|| w.flush(), Err) {
            let path = args.duplicates.as_ref().expect("set with dup_out").display();
            return Err(format!("cannot write {path}: {e}"));
        }
    }
    if !args.quiet {
        eprintln!("{}", summary(&totals, coding_started.elapsed(), coding_started - started, pool.current_num_threads()));
    }
    if totals.interrupted {
        return Ok(ExitCode::from(130));
    }
    let all_failed = totals.articles == 0 && (totals.skipped > 0 || totals.failed > 0);
    Ok(if all_failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// A progress bar on stderr (hidden unless `show`): bytes read against the input size when it
/// is known (with an ETA), else a spinner.
fn progress_bar(show: bool, size: Option<u64>) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = match size {
        Some(n) if n > 0 => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{bar:24} {percent:>3}% {binary_bytes}/{binary_total_bytes} · {msg} · ETA {eta}")
                .expect("valid template"),
        ),
        _ => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
            .with_style(ProgressStyle::with_template("{spinner} {binary_bytes} · {msg}").expect("valid template")),
    };
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

fn progress_message(t: &Totals, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mut s = format!(
        "{} articles ({}/s) · {} sentences ({}/s) · {} events · {} skipped",
        fmt_count(t.articles as f64),
        fmt_count(t.articles as f64 / secs),
        fmt_count(t.sentences as f64),
        fmt_count(t.sentences as f64 / secs),
        fmt_count(t.events as f64),
        fmt_count((t.skipped + t.failed) as f64),
    );
    if t.duplicates > 0 {
        s.push_str(&format!(" · {} duplicates", fmt_count(t.duplicates as f64)));
    }
    s
}

fn summary(t: &Totals, coding: Duration, setup: Duration, threads: usize) -> String {
    let secs = coding.as_secs_f64();
    let rate = if secs > 0.0 { t.sentences as f64 / secs } else { 0.0 };
    let mut s = format!(
        "dyad: {} article{} read, {} skipped, {} sentence{}, {} event{} in {:.2} s ({} sentences/s, {threads} thread{}; dictionaries loaded in {:.2} s)",
        fmt_count(t.articles as f64),
        plural(t.articles),
        fmt_count(t.skipped as f64),
        fmt_count(t.sentences as f64),
        plural(t.sentences),
        fmt_count(t.events as f64),
        plural(t.events),
        secs,
        fmt_count(rate),
        plural(threads),
        setup.as_secs_f64(),
    );
    if t.duplicates > 0 {
        s.push_str(&format!("; {} near-duplicate article{} folded", fmt_count(t.duplicates as f64), plural(t.duplicates)));
    }
    if t.recurring_dropped > 0 {
        s.push_str(&format!(
            "; {} recurring paragraph{} dropped as boilerplate",
            fmt_count(t.recurring_dropped as f64),
            plural(t.recurring_dropped)
        ));
    }
    if t.interrupted {
        s.push_str("; interrupted: stopped before the end of the input, everything written is complete");
    }
    if t.failed > 0 {
        s.push_str(&format!("; the coder failed on {} article{}", t.failed, plural(t.failed)));
    }
    if !t.skipped_files.is_empty() {
        let n = t.skipped_files.len();
        s.push_str(&format!("; {n} file{} in folders ignored (hidden, or not a known format)", plural(n)));
    }
    s
}
