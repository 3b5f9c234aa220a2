//! Dictionaries: actors, agents, verbs, discards and issues.
//!
//! Readers turn files — dyad's own format (`docs/dictionary-format.md`), PETRARCH-1, PETRARCH-2
//! and TABARI-style files — into one in-memory [`model`]; [`Dictionaries`] compiles it once into
//! token tries over a shared vocabulary, which the coder queries on the hot path.

mod compiled;
mod diag;
mod forms;
pub mod model;
mod read_common;
mod read_dyad;
mod read_issues;
mod read_petrarch;
mod read_tabari;
mod trie;
mod words;

pub use compiled::{ActorInfo, AgentInfo, IssueInfo, CompiledBlock, CompiledPattern, Dictionaries, Elem, Stats, VerbHit, UNKNOWN};
/// TABARI's project and options files (the dictionaries themselves load through
/// [`Builder::add_file_as`] with [`Format::Tabari`]).
pub mod tabari {
    pub use crate::read_common::parse_compact_date as parse_date;
    pub use crate::read_tabari::{read_options, read_project, CodeBy, Defaults, Options, Project};
}

pub use diag::Diagnostic;
pub use dyad_text::Date;
pub use forms::{noun_plural, verb_inflections};
pub use model::{AgentPlacement, EventCode};

use std::path::Path;

/// Which part of the dictionaries a file provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Actors,
    Agents,
    Verbs,
    Discards,
    /// Issue tags for sentences (PETRARCH-2/Phoenix issue coding).
    Issues,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Actors, Kind::Agents, Kind::Verbs, Kind::Discards, Kind::Issues];
}

/// The built-in dictionaries (`dictionaries/` in the repository), embedded at build time.
mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// A dictionary file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// dyad's own format when the file starts with a `#% dyad-...` header, else PETRARCH.
    #[default]
    Auto,
    /// TABARI `.actors`, `.agents`, `.verbs` files (stems, `_` and `=` word endings, `;` comments).
    Tabari,
}

/// Collects dictionary sources, then compiles them.
#[derive(Debug, Default)]
pub struct Builder {
    sources: Vec<(Kind, Format, String, String)>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Add a dictionary from text; `name` is used in diagnostics. The format is dyad's own when
    /// the text starts with a `#% dyad-...` header, else PETRARCH/TABARI.
    pub fn add_text(&mut self, kind: Kind, name: &str, text: &str) -> &mut Builder {
        self.add_text_as(kind, Format::Auto, name, text)
    }

    /// Add a dictionary from text in a given format.
    pub fn add_text_as(&mut self, kind: Kind, format: Format, name: &str, text: &str) -> &mut Builder {
        self.sources.push((kind, format, name.to_string(), text.to_string()));
        self
    }

    /// Add a dictionary file. An unreadable file is an error naming the file.
    pub fn add_file(&mut self, kind: Kind, path: &Path) -> Result<&mut Builder, Diagnostic> {
        self.add_file_as(kind, Format::Auto, path)
    }

    /// Add a dictionary file in a given format.
    pub fn add_file_as(&mut self, kind: Kind, format: Format, path: &Path) -> Result<&mut Builder, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|e| Diagnostic::new(path.display().to_string(), 0, format!("cannot read: {e}")))?;
        // Old dictionaries are often Latin-1; decode lossily rather than refuse the file.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(self.add_text_as(kind, format, &path.display().to_string(), &text))
    }

    /// Add the built-in dictionaries of one kind.
    pub fn add_builtin(&mut self, kind: Kind) -> &mut Builder {
        for (k, name, text) in builtin::FILES {
            if *k == kind {
                self.add_text_as(kind, Format::Auto, name, text);
            }
        }
        self
    }

    /// Compile; the diagnostics list every line that was skipped or repaired.
    pub fn build(&self) -> (Dictionaries, Vec<Diagnostic>) {
        let mut model = model::Model::default();
        let mut diags = Vec::new();
        for (kind, format, name, text) in &self.sources {
            read_into(*kind, *format, name, text, &mut model, &mut diags);
        }
        let dicts = Dictionaries::compile(model, &mut diags);
        (dicts, diags)
    }
}

fn read_into(kind: Kind, format: Format, name: &str, text: &str, model: &mut model::Model, diags: &mut Vec<Diagnostic>) {
    let first_new = diags.len();
    match format {
        Format::Auto => read_format(kind, name, text, model, diags),
        Format::Tabari => match kind {
            Kind::Actors => read_tabari::read_actors(text, name, model, diags),
            Kind::Agents => read_tabari::read_agents(text, name, model, diags),
            Kind::Verbs => read_tabari::read_verbs(text, name, model, diags),
            // TABARI has no discard file: discards are `[###]` codes in the other files.
            Kind::Discards => read_petrarch::read_discards(text, name, model, diags),
            // Nor an issue file: issues are PETRARCH-2's.
            Kind::Issues => read_format(kind, name, text, model, diags),
        },
    }
    diags[first_new..].sort_by_key(|d| d.line);
}

fn read_format(kind: Kind, name: &str, text: &str, model: &mut model::Model, diags: &mut Vec<Diagnostic>) {
    match read_dyad::header_kind(text) {
        Some(k) if k != kind => {
            diags.push(Diagnostic::new(name, 1, format!("file is a {k:?} dictionary, given as {kind:?}; read as {k:?}")));
            read_format(k, name, text, model, diags);
        }
        Some(_) => match kind {
            Kind::Actors => read_dyad::read_actors(text, name, model, diags),
            Kind::Agents => read_dyad::read_agents(text, name, model, diags),
            Kind::Verbs => read_dyad::read_verbs(text, name, model, diags),
            Kind::Discards => read_dyad::read_discards(text, name, model, diags),
            Kind::Issues => read_issues::read_dyad_issues(text, name, model, diags),
        },
        None => match kind {
            Kind::Actors => read_petrarch::read_actors(text, name, model, diags),
            Kind::Agents => read_petrarch::read_agents(text, name, model, diags),
            Kind::Verbs => read_petrarch::read_verbs(text, name, model, diags),
            Kind::Discards => read_petrarch::read_discards(text, name, model, diags),
            Kind::Issues => read_issues::read_phoenix_issues(text, name, model, diags),
        },
    }
}

impl Dictionaries {
    /// The dictionaries shipped with dyad.
    pub fn builtin() -> (Dictionaries, Vec<Diagnostic>) {
        let mut b = Builder::new();
        for k in Kind::ALL {
            b.add_builtin(k);
        }
        b.build()
    }
}
