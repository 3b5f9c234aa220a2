//! Embeds every dictionary in `dictionaries/` (at the workspace root), classified by its
//! `#% dyad-KIND` header, so the binary carries its default dictionaries.

use std::{env, fs, path::PathBuf};

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../dictionaries");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("pub static FILES: &[(crate::Kind, &str, &str)] = &[\n");
    for f in files {
        if f.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", f.display());
        let text = fs::read_to_string(&f).unwrap_or_default();
        let header = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        let kind = match header.strip_prefix("#%").map(|h| h.split_whitespace().next().unwrap_or("")) {
            Some("dyad-actors") => "Actors",
            Some("dyad-agents") => "Agents",
            Some("dyad-verbs") => "Verbs",
            Some("dyad-discards") => "Discards",
            Some("dyad-issues") => "Issues",
            _ => continue,
        };
        let name = format!("builtin:{}", f.file_name().unwrap().to_string_lossy());
        out.push_str(&format!("    (crate::Kind::{kind}, {name:?}, include_str!({:?})),\n", f.canonicalize().unwrap()));
    }
    out.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("builtin.rs"), out).unwrap();
}
