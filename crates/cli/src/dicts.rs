//! Building the dictionaries from the built-in set and `--verbs/--actors/...` replacements.

use crate::DictArgs;
use dyad_dict::{Builder, Dictionaries, Kind};

/// Built-in dictionaries, with each kind given on the command line replacing the built-in one.
/// Warnings go to stderr with file and line; an unreadable file is an error.
pub fn load(args: &DictArgs) -> Result<Dictionaries, String> {
    let mut b = Builder::new();
    let mut add = |kind: Kind, files: Vec<&std::path::PathBuf>| -> Result<(), String> {
        if files.is_empty() {
            b.add_builtin(kind);
        }
        for f in files {
            b.add_file(kind, f).map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    add(Kind::Verbs, args.verbs.iter().collect())?;
    add(Kind::Actors, args.actors.iter().collect())?;
    add(Kind::Agents, args.agents.iter().collect())?;
    add(Kind::Discards, args.discards.iter().collect())?;
    let (dicts, diags) = b.build();
    for d in diags.iter().take(20) {
        eprintln!("warning: {d}");
    }
    if diags.len() > 20 {
        eprintln!("warning: ... and {} more dictionary warnings (see `dyad dict check`)", diags.len() - 20);
    }
    Ok(dicts)
}
