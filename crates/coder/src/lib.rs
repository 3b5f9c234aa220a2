//! The coder: a tokenised sentence in, CAMEO events out.
//!
//! Stages, each a plain function over one sentence (no I/O):
//! 1. [`mentions`]: dictionary pieces (actors, agents) → noun-phrase units with composed codes →
//!    compounds ("Beijing and Moscow").
//! 2. [`verbs`]: verb candidates (dictionary forms in any inflection, light verbs with event
//!    nouns), nouns that merely look like verbs filtered out.
//! 3. [`clause`]: for each verb, its subject and object by shallow clause rules (passive voice,
//!    VP coordination, pronouns, causatives), then the most specific dictionary pattern, and the
//!    modality of the event (negated, future, hypothetical).
//!
//! An article adds one piece of memory across sentences ([`DocMemory`]): surnames of people
//! already named in full, and what "it"/"they"/"he" last referred to.

mod clause;
mod lexicon;
mod mentions;
mod phrase;
mod speech_acts;
mod verbs;

use dyad_dict::Dictionaries;
use dyad_text::{Date, Doc, Sentence};
use serde::Serialize;

pub use clause::DocMemory;

/// PLOVER's auxiliary modes that mark an event as not (yet) a plain fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Aux {
    Negation,
    Future,
    Hypothetical,
}

/// An actor as coded in one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    /// CAMEO actor code, e.g. `CHNGOV`.
    pub code: String,
    /// The mention's text as it stands in the sentence.
    pub text: String,
    /// Code-point range `[start, end)` of the mention in the sentence.
    pub span: (usize, usize),
    /// Code-point range of the whole noun phrase the mention heads ("a Swiss court",
    /// "President Erdogan of Turkey"); contains `span`.
    pub phrase_span: (usize, usize),
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub sentence_index: usize,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    /// CAMEO event code, e.g. `042`.
    pub code: String,
    pub aux: Vec<Aux>,
    /// The dictionary entry or pattern that produced the event.
    pub rule: String,
    /// Code-point range of the verb (or event noun) in the sentence.
    pub verb_span: (usize, usize),
    /// Issues the sentence's phrases tag (`NUCLEAR`, `REFUGEES`...), from the issue dictionary.
    pub issues: Vec<String>,
}

/// Why a sentence or article produced nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discard {
    Sentence(String),
    Article(String),
}

/// Coding options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only code events that have both a source and a target.
    pub require_dyad: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { require_dyad: true }
    }
}

/// What coding one sentence produced.
#[derive(Debug, Clone, Default)]
pub struct SentenceCoding {
    pub events: Vec<Event>,
    pub discard: Option<Discard>,
}

/// Code one sentence on its own (no memory of earlier sentences).
pub fn code_sentence(dicts: &Dictionaries, sentence: &Sentence, date: Option<Date>, opts: &Options) -> SentenceCoding {
    let mut memory = DocMemory::default();
    clause::code(dicts, sentence, date, opts, &mut memory, None)
}

/// Code a whole document, sentence by sentence, carrying [`DocMemory`] along.
/// An article-level discard yields no events.
pub fn code_doc(dicts: &Dictionaries, doc: &Doc, opts: &Options) -> Vec<Event> {
    let date = doc.article.published;
    let mut memory = DocMemory::default();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let c = clause::code(dicts, s, date, opts, &mut memory, None);
        if let Some(Discard::Article(_)) = c.discard {
            return Vec::new();
        }
        out.extend(c.events);
    }
    out
}

/// A human-readable account of how a sentence was coded (`dyad explain`).
pub fn explain_sentence(dicts: &Dictionaries, sentence: &Sentence, date: Option<Date>, opts: &Options) -> String {
    let mut memory = DocMemory::default();
    let mut trace = String::new();
    clause::code(dicts, sentence, date, opts, &mut memory, Some(&mut trace));
    trace
}
