//! `dyad dict check` and `dyad dict stats`: diagnostics and counts for dictionary files.

use crate::human::plural;
use crate::DictArgs;
use dyad_dict::{Builder, Kind, Stats};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum DictCommand {
    /// Load each file on its own, print every diagnostic (file:line: message) and its counts.
    /// Exits 1 if any file has a diagnostic.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// What the files are; by default read from the `#% dyad-KIND` header, else guessed
        /// from the file name (containing "verb", "actor", "agent", "discard" or "issue"),
        /// else from the content (verb blocks, `<ISSUE` sections).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
    },
    /// Counts for the built-in dictionaries (or those given with --verbs/--actors/...), and
    /// how many warnings building them gave.
    Stats {
        /// List every warning.
        #[arg(short, long)]
        verbose: bool,
        #[command(flatten)]
        dicts: DictArgs,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum KindArg {
    Actors,
    Agents,
    Verbs,
    Discards,
    Issues,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Actors => Kind::Actors,
            KindArg::Agents => Kind::Agents,
            KindArg::Verbs => Kind::Verbs,
            KindArg::Discards => Kind::Discards,
            KindArg::Issues => Kind::Issues,
        }
    }
}

pub fn run(cmd: DictCommand) -> Result<ExitCode, String> {
    match cmd {
        DictCommand::Check { files, kind } => check(&files, kind.map(Kind::from)),
        DictCommand::Stats { verbose, dicts } => stats(&dicts, verbose),
    }
}

fn check(files: &[PathBuf], kind: Option<Kind>) -> Result<ExitCode, String> {
    // Read and classify every file first, so a file that cannot be checked at all is a usage
    // error before any output.
    let mut loaded = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        // Decoded lossily as the dictionary builder does (old dictionaries are often Latin-1).
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let kind = kind.or_else(|| guess_kind(path, &text)).ok_or_else(|| {
            format!(
                "{}: cannot tell the dictionary kind (no `#% dyad-KIND` header, and the name contains none of verb/actor/agent/discard); give --kind",
                path.display()
            )
        })?;
        loaded.push((path, kind, text));
    }
    let mut total = 0;
    for (path, kind, text) in loaded {
        let (dicts, diags) = Builder::new().add_text(kind, &path.display().to_string(), &text).build();
        for d in &diags {
            println!("{d}");
        }
        println!("{} ({}): {} diagnostic{}", path.display(), kind_name(kind), diags.len(), plural(diags.len()));
        print!("{}", format_stats(dicts.stats(), false));
        total += diags.len();
    }
    if files.len() > 1 {
        println!("{} files, {total} diagnostic{}", files.len(), plural(total));
    }
    Ok(if total > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn stats(args: &DictArgs, verbose: bool) -> Result<ExitCode, String> {
    let (dicts, diags) = crate::dicts::build(args)?;
    let custom = args.verbs.is_some() || !args.actors.is_empty() || args.agents.is_some() || args.discards.is_some() || args.issues.is_some();
    println!("{} dictionaries:", if custom { "given" } else { "built-in" });
    print!("{}", format_stats(dicts.stats(), true));
    println!("warnings: {}", diags.len());
    if verbose {
        for d in &diags {
            println!("{d}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The kind named by a `#% dyad-KIND` header, else by the file name.
fn guess_kind(path: &Path, text: &str) -> Option<Kind> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let from_header = first.strip_prefix("#%").and_then(|h| h.split_whitespace().next()).and_then(|k| k.strip_prefix("dyad-"));
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let named = |word: &str| match word {
        w if w.contains("verb") => Some(Kind::Verbs),
        w if w.contains("actor") => Some(Kind::Actors),
        w if w.contains("agent") => Some(Kind::Agents),
        w if w.contains("discard") => Some(Kind::Discards),
        w if w.contains("issue") => Some(Kind::Issues),
        _ => None,
    };
    from_header.and_then(named).or_else(|| named(&name)).or_else(|| kind_from_content(text))
}

/// A PETRARCH-style file's kind from what it holds: `<ISSUE` sections are issues; verb block
/// headers (`--- NAME [code]`) or pattern lines (`- ... [code]`) are verbs.
fn kind_from_content(text: &str) -> Option<Kind> {
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    if lines().take(200).any(|l| l.starts_with("<ISSUE")) {
        return Some(Kind::Issues);
    }
    let verbish = lines().take(5000).filter(|l| (l.starts_with("--- ") || l.starts_with("- ")) && l.contains('[')).count();
    (verbish >= 3).then_some(Kind::Verbs)
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Actors => "actors",
        Kind::Agents => "agents",
        Kind::Verbs => "verbs",
        Kind::Discards => "discards",
        Kind::Issues => "issues",
    }
}

/// One `  name  count` row per figure; zero rows only with `all` (a verbs file has no actors).
fn format_stats(s: &Stats, all: bool) -> String {
    let rows = [
        ("actor names", s.actor_names),
        ("actor codes", s.actor_codes),
        ("agent names", s.agent_names),
        ("verb blocks", s.verb_blocks),
        ("verb forms", s.verb_forms),
        ("noun forms", s.noun_forms),
        ("patterns", s.patterns),
        ("synsets", s.synsets),
        ("discards", s.discards),
        ("issue phrases", s.issue_phrases),
    ];
    rows.iter().filter(|(_, n)| all || *n > 0).map(|(name, n)| format!("  {name:<13} {n:>8}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_comes_from_the_header_before_the_name() {
        let p = Path::new("my-verbs.txt");
        assert_eq!(guess_kind(p, "\n#% dyad-actors 1\nCHN : China\n"), Some(Kind::Actors));
        assert_eq!(guess_kind(p, "verb 042 : visit\n"), Some(Kind::Verbs));
        assert_eq!(guess_kind(Path::new("CAMEO.Agents.txt"), ""), Some(Kind::Agents));
        assert_eq!(guess_kind(Path::new("Phoenix.Countries.actors.txt"), ""), Some(Kind::Actors));
        assert_eq!(guess_kind(Path::new("discards.txt"), ""), Some(Kind::Discards));
        assert_eq!(guess_kind(Path::new("Policy.txt"), "# topics\n<ISSUE CATEGORY=\"X\">\nfoo [FOO]\n</ISSUE>\n"), Some(Kind::Issues));
        let verbs = "--- VISIT [042]\n- * TO + [042]\n--- MEET [040]\n- * WITH + [040]\n";
        assert_eq!(guess_kind(Path::new("CAMEO.2.0.txt"), verbs), Some(Kind::Verbs));
        assert_eq!(guess_kind(Path::new("words.txt"), "abaft\naboard\n"), None);
        assert_eq!(guess_kind(Path::new("words.txt"), "hello"), None);
    }
}
