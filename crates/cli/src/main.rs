//! `dyad`: news articles in, CAMEO/PLOVER political events out.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

mod bench;
mod bench_corpus;
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
