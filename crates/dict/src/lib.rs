//! Dictionaries: actors, agents, verbs and discards.
//!
//! Readers turn files (dyad's own format, PETRARCH-1/-2, TABARI) into one in-memory model;
//! [`Dictionaries`] compiles that model once into token tries the coder queries on the hot path.

mod diag;
pub use diag::Diagnostic;

use std::path::Path;

/// Which part of the dictionaries a file provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Actors,
    Agents,
    Verbs,
    Discards,
}

/// Compiled dictionaries, ready for coding. Cheap to share across threads.
#[derive(Debug, Default)]
pub struct Dictionaries {}

/// Collects dictionary sources, then compiles them.
#[derive(Debug, Default)]
pub struct Builder {
    sources: Vec<(Kind, String, String)>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }
    /// Add a dictionary from text; `name` is used in diagnostics.
    pub fn add_text(&mut self, kind: Kind, name: &str, text: &str) -> &mut Builder {
        self.sources.push((kind, name.to_string(), text.to_string()));
        self
    }
    /// Add a dictionary file. An unreadable file is an error naming the file.
    pub fn add_file(&mut self, kind: Kind, path: &Path) -> Result<&mut Builder, Diagnostic> {
        let text = std::fs::read(path).map_err(|e| Diagnostic::new(path.display().to_string(), 0, format!("cannot read: {e}")))?;
        let text = String::from_utf8_lossy(&text).into_owned();
        Ok(self.add_text(kind, &path.display().to_string(), &text))
    }
    /// Compile; the diagnostics list every line that was skipped or repaired.
    pub fn build(&self) -> (Dictionaries, Vec<Diagnostic>) {
        (Dictionaries::default(), Vec::new())
    }
}

impl Dictionaries {
    /// The dictionaries shipped with dyad (`dictionaries/` in the repository).
    pub fn builtin() -> (Dictionaries, Vec<Diagnostic>) {
        Builder::new().build()
    }
}
