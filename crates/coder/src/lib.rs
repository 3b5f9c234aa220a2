//! The coder: a tokenised sentence in, CAMEO events out.
//!
//! Stages, each a plain function over the sentence: actor mentions (dictionary tries, agents
//! composed with countries) → verb phrases (verb dictionary, inflections, light-verb nouns) →
//! clause structure and modality → pattern matching that assigns source, target and code.

use dyad_dict::Dictionaries;
use dyad_text::{Date, Doc, Sentence};
use serde::Serialize;

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

/// Code one sentence; `date` is the article's publication date (for date-restricted actors).
pub fn code_sentence(_dicts: &Dictionaries, _sentence: &Sentence, _date: Option<Date>, _opts: &Options) -> SentenceCoding {
    SentenceCoding::default()
}

/// Code a whole document. An article-level discard yields no events.
pub fn code_doc(dicts: &Dictionaries, doc: &Doc, opts: &Options) -> Vec<Event> {
    let date = doc.article.published;
    let mut out = Vec::new();
    for s in &doc.sentences {
        let c = code_sentence(dicts, s, date, opts);
        if let Some(Discard::Article(_)) = c.discard {
            return Vec::new();
        }
        out.extend(c.events);
    }
    out
}

/// A human-readable account of how a sentence was coded (`dyad explain`).
pub fn explain_sentence(_dicts: &Dictionaries, sentence: &Sentence, _date: Option<Date>, _opts: &Options) -> String {
    format!("tokens: {}\n", sentence.tokens.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" "))
}
