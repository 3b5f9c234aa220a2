//! `dyad code`: articles in, one JSON line per event out.

use crate::human::{fmt_count, plural};
use crate::pipeline::{self, Totals};
use crate::DictArgs;
use dyad_ingest::{read_articles, IngestOptions, Input};
use dyad_text::Date;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct CodeArgs {
    /// Files (.txt: one article; .jsonl/.ndjson/.json: one article per line), folders, or `-`
    /// for stdin (the default when none is given).
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
    /// No summary and no dictionary warnings on stderr (skipped inputs are still reported).
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    dicts: DictArgs,
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
    let reader = read_articles(inputs, IngestOptions { default_published: args.published, ..IngestOptions::default() });

    let coding_started = Instant::now();
    let (totals, written) =
        pipeline::run(reader, &dicts, &pool, &mut out, &mut |e| eprintln!("dyad: skipped {e}"));
    drop(out);
    let target = args.output.as_ref().map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
    match written {
        Ok(()) => {}
        // The reader of our output went away (`dyad code | head`): not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(format!("cannot write {target}: {e}")),
    }
    if !args.quiet {
        eprintln!("{}", summary(&totals, coding_started.elapsed(), coding_started - started, pool.current_num_threads()));
    }
    let all_failed = totals.articles == 0 && (totals.skipped > 0 || totals.failed > 0);
    Ok(if all_failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
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
    if t.failed > 0 {
        s.push_str(&format!("; the coder failed on {} article{}", t.failed, plural(t.failed)));
    }
    if !t.skipped_files.is_empty() {
        let n = t.skipped_files.len();
        s.push_str(&format!("; {n} file{} in folders ignored (hidden, or not .txt/.jsonl)", plural(n)));
    }
    s
}
