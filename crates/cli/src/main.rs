//! `dyad`: news articles in, CAMEO/PLOVER political events out.

use clap::{Parser, Subcommand};

// The coder allocates many small strings and vectors per sentence; mimalloc serves them several
// times faster than the system allocator (measured: see README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod bench;
mod bench_corpus;
mod bench_crawl;
mod code;
mod dict_cmd;
mod dicts;
mod explain;
mod human;
mod pipeline;
mod record;

#[derive(Parser)]
#[command(name = "dyad", version, about = "News in, political events out: CAMEO/PLOVER event coding with sentence-level provenance")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone, Default)]
pub struct DictArgs {
    /// Verb dictionary replacing the built-in verbs (dyad, PETRARCH-1/-2 format).
    #[arg(long, value_name = "FILE")]
    verbs: Option<PathBuf>,
    /// Actor dictionary; repeatable; replaces the built-in actors.
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Agent dictionary replacing the built-in agents.
    #[arg(long, value_name = "FILE")]
    agents: Option<PathBuf>,
    /// Discard list replacing the built-in discards.
    #[arg(long, value_name = "FILE")]
    discards: Option<PathBuf>,
    /// Issue list (dyad or Phoenix `IssueCoding` format) replacing the built-in issues.
    #[arg(long, value_name = "FILE")]
    issues: Option<PathBuf>,
    /// Read the files given above in TABARI's formats (`.verbs`, `.actors`, `.agents`).
    #[arg(long)]
    tabari: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events: one JSON object per event per line (JSONL), in input order.
    Code(code::CodeArgs),
    /// Show, for a person, how one sentence is coded: tokens, actors, verbs, patterns, events.
    Explain {
        sentence: String,
        /// Publication date (YYYY-MM-DD) for date-restricted actors.
        #[arg(long)]
        published: Option<jiff::civil::Date>,
        #[command(flatten)]
        dicts: DictArgs,
    },
    /// Check dictionary files, or count what the dictionaries hold.
    Dict {
        #[command(subcommand)]
        command: dict_cmd::DictCommand,
    },
    /// Measure coding speed on a JSONL file or a generated corpus.
    Bench(bench::BenchArgs),
    /// Run an evaluation suite.
    Eval {
        #[command(subcommand)]
        suite: EvalSuite,
    },
}

#[derive(Subcommand)]
enum EvalSuite {
    /// A PETRARCH validation file (unit tests or the 2018 UD revision), with the dictionaries
    /// its <Environment> names.
    Petrarch {
        file: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// List each failing record with expected and coded events.
        #[arg(long, short)]
        verbose: bool,
        /// Make the <Include> categories the headline figure.
        #[arg(long)]
        include_only: bool,
    },
    /// ConfliBERT's pentaclass set (`sentence TAB label`): accuracy and macro-F1 of the main
    /// event's class, and how many sentences got no event.
    ConflibertClass(ConflibertArgs),
    /// ConfliBERT's actor-span set (BIO tags S/T/R): exact-span precision, recall and F1 of the
    /// main event's source and target.
    ConflibertNer(ConflibertArgs),
    /// TABARI's validation suite: a .project file naming the actors, agents, verbs, options
    /// and text files (TABARI formats).
    Tabari {
        project: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// List each failing record with expected and coded events.
        #[arg(long, short)]
        verbose: bool,
    },
}

#[derive(clap::Args)]
struct ConflibertArgs {
    file: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// List every sentence scored wrong.
    #[arg(long, short)]
    verbose: bool,
    /// Use the Phoenix/PETRARCH-2 dictionaries in DIR (CAMEO.2.0.txt, Phoenix.*.actors.txt,
    /// Phoenix.agents.txt, Phoenix.discards.txt, Phoenix.IssueCoding.txt) instead of the
    /// built-in ones.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["verbs", "actors", "agents", "discards", "issues"])]
    phoenix: Option<PathBuf>,
    #[command(flatten)]
    dicts: DictArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command. `Err` is a usage or dictionary-file error (exit 2); commands return their
/// own exit code otherwise.
fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Code(args) => code::run(args),
        Command::Explain { sentence, published, dicts } => {
            let d = dicts::load(&dicts, false)?;
            print!("{}", explain::explain(&d, &sentence, published));
            Ok(ExitCode::SUCCESS)
        }
        Command::Dict { command } => dict_cmd::run(command),
        Command::Bench(args) => bench::run(args),
        Command::Eval { suite: EvalSuite::Petrarch { file, json, verbose, include_only } } => {
            let opts = dyad_eval::RunOptions { include_only, ..Default::default() };
            let report = dyad_eval::run_petrarch(&file, &opts).map_err(|e| e.to_string())?;
            if json {
                println!("{}", report.to_json());
            } else {
                print!("{}", report.to_text(verbose));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { suite: EvalSuite::ConflibertClass(args) } => conflibert(args, false),
        Command::Eval { suite: EvalSuite::ConflibertNer(args) } => conflibert(args, true),
        Command::Eval { suite: EvalSuite::Tabari { project, json, verbose } } => {
            let report = dyad_eval::run_tabari(&project).map_err(|e| e.to_string())?;
            if json {
                println!("{}", report.to_json());
            } else {
                print!("{}", report.to_text(verbose));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `dyad eval conflibert-class` and `conflibert-ner`.
fn conflibert(args: ConflibertArgs, ner: bool) -> Result<ExitCode, String> {
    use dyad_eval::conflibert::*;
    let dict_args = match &args.phoenix {
        Some(dir) => dicts::phoenix(dir)?,
        None => args.dicts.clone(),
    };
    let d = dicts::load(&dict_args, args.json)?;
    let content = std::fs::read(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let content = String::from_utf8_lossy(&content);
    let name = args.file.display().to_string();
    let out = if ner {
        let (records, issues) = parse_ner(&content);
        let report = evaluate_ner(&name, &records, issues, &d);
        if args.json { report.to_json(args.verbose) } else { report.to_text(args.verbose) }
    } else {
        let (records, issues) = parse_class_tsv(&content);
        let report = evaluate_class(&name, &records, issues, &d);
        if args.json { report.to_json(args.verbose) } else { report.to_text(args.verbose) }
    };
    // A closed pipe (`| head`) ends the output quietly.
    let _ = writeln!(std::io::stdout(), "{}", out.trim_end());
    Ok(ExitCode::SUCCESS)
}
