//! Building the dictionaries from the built-in set and `--verbs/--actors/...` replacements.

use crate::human::plural;
use crate::DictArgs;
use dyad_dict::{Builder, Diagnostic, Dictionaries, Format, Kind};

/// How many dictionary warnings to show before the count; `dyad dict check` lists them all.
const WARNINGS_SHOWN: usize = 5;

/// Built-in dictionaries, with each kind given on the command line replacing the built-in one.
/// An unreadable file is an error. Warnings are returned so the caller decides what to show.
pub fn build(args: &DictArgs) -> Result<(Dictionaries, Vec<Diagnostic>), String> {
    let mut b = Builder::new();
    let format = if args.tabari { Format::Tabari } else { Format::Auto };
    let mut add = |kind: Kind, files: Vec<&std::path::PathBuf>| -> Result<(), String> {
        if files.is_empty() {
            b.add_builtin(kind);
        }
        for f in files {
            b.add_file_as(kind, format, f).map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    add(Kind::Verbs, args.verbs.iter().collect())?;
    add(Kind::Actors, args.actors.iter().collect())?;
    add(Kind::Agents, args.agents.iter().collect())?;
    add(Kind::Discards, args.discards.iter().collect())?;
    add(Kind::Issues, args.issues.iter().collect())?;
    Ok(b.build())
}

/// [`build`], printing the number of warnings and the first few to stderr unless `quiet`.
pub fn load(args: &DictArgs, quiet: bool) -> Result<Dictionaries, String> {
    let (dicts, diags) = build(args)?;
    if !quiet {
        print_warnings(&diags);
    }
    Ok(dicts)
}

fn print_warnings(diags: &[Diagnostic]) {
    if diags.is_empty() {
        return;
    }
    for d in diags.iter().take(WARNINGS_SHOWN) {
        eprintln!("warning: {d}");
    }
    let more = if diags.len() > WARNINGS_SHOWN { format!(", first {WARNINGS_SHOWN} shown above") } else { String::new() };
    eprintln!(
        "dyad: {} dictionary warning{}{more} (`dyad dict check FILE` or `dyad dict stats --verbose` lists them)",
        diags.len(),
        plural(diags.len())
    );
}

/// The Phoenix/PETRARCH-2 production set in `dir`, as replacements for every built-in kind:
/// `CAMEO.2.0.txt` verbs, every `Phoenix.*.actors.txt`, `Phoenix.agents.txt`,
/// `Phoenix.discards.txt`, `Phoenix.IssueCoding.txt`. A missing file is an error naming it.
pub fn phoenix(dir: &std::path::Path) -> Result<DictArgs, String> {
    let need = |name: &str| {
        let p = dir.join(name);
        if p.is_file() {
            Ok(p)
        } else {
            Err(format!("{}: not found (expected in the Phoenix dictionary folder)", p.display()))
        }
    };
    let mut actors: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("Phoenix.") && n.ends_with(".actors.txt")))
        .collect();
    actors.sort();
    if actors.is_empty() {
        return Err(format!("{}: no Phoenix.*.actors.txt files", dir.display()));
    }
    Ok(DictArgs {
        verbs: Some(need("CAMEO.2.0.txt")?),
        actors,
        agents: Some(need("Phoenix.agents.txt")?),
        discards: Some(need("Phoenix.discards.txt")?),
        issues: Some(need("Phoenix.IssueCoding.txt")?),
        tabari: false,
    })
}
