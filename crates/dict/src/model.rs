//! The in-memory dictionary model every reader produces. Phrases are sequences of upper-case
//! token norms, tokenised exactly like article text.
//!
//! A word ending in `*` (`RESTOR*`) is a *stem*: it matches any text word that begins with it
//! (TABARI's open matching), unless a longer stem or an exact dictionary word claims that word.
//! The word [`GAP_WORD`] in a phrase matches up to four words of any kind, or none (TABARI's
//! space inside a name: `PRINCE DOL_AMROTH` is also "Prince of Dol Amroth").

/// A phrase element standing for a few words of any kind (see the module docs).
pub const GAP_WORD: &str = "<gap>";

use dyad_text::Date;

/// A code valid for articles published within `[from, to]` (either end open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DatedCode {
    pub fn undated(code: &str) -> DatedCode {
        DatedCode { code: code.to_string(), from: None, to: None }
    }
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// An actor name and the codes it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    pub phrase: Vec<String>,
    pub codes: Vec<DatedCode>,
    /// Where it was defined, for `rule` and diagnostics: `file:line`.
    pub origin: String,
}

/// How an agent code combines with its actor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlacement {
    /// `~GOV`: RUS + GOV → RUSGOV
    Suffix,
    /// `NGO~`: NGO + ARN → NGOARN
    Prefix,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    pub phrase: Vec<String>,
    pub code: String,
    pub placement: AgentPlacement,
    /// Generate the regular plural (false when the dictionary lists the plurals itself).
    pub plural: bool,
    pub origin: String,
}

/// An event code: `primary` from source to target, optionally `reverse` from target to source.
/// `---` (or any code the ontology does not know) is kept verbatim; the coder treats `---` as
/// "recognised, not an event".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCode {
    pub primary: String,
    pub reverse: Option<String>,
}

impl EventCode {
    /// Parse `042`, `042:043`, `---`.
    pub fn parse(s: &str) -> Option<EventCode> {
        let s = s.trim();
        if s.is_empty() || s.contains(char::is_whitespace) {
            return None;
        }
        match s.split_once(':') {
            // `:173` (PETRARCH-2): only the target-to-source event.
            Some((a, b)) if !b.is_empty() => Some(EventCode { primary: if a.is_empty() { "---".into() } else { a.to_string() }, reverse: Some(b.to_string()) }),
            Some(_) => None,
            None => Some(EventCode { primary: s.to_string(), reverse: None }),
        }
    }
    pub fn is_null(&self) -> bool {
        self.primary == "---"
    }
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElem {
    /// Words that must occur in order; `adjacent` links each to the next with no gap.
    Word(String),
    /// Link marker: the previous and next element must be adjacent.
    Adjacent,
    /// Link marker: the previous and next element are in the same noun phrase.
    SamePhrase,
    /// Link marker: the same prepositional phrase, only determiners between.
    SameTightPhrase,
    Synset(String),
    Source,
    Target,
    /// The subject is a compound coded pairwise.
    Compound,
    /// Skip one noun phrase.
    Skip,
}

/// A verb pattern: elements before and after the verb, and the code it assigns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, in sentence order.
    pub before: Vec<PatternElem>,
    /// Elements after the verb, in sentence order.
    pub after: Vec<PatternElem>,
    pub code: EventCode,
    /// Modern pattern semantics (dyad and PETRARCH-2 files): words also match their plural,
    /// and matching stays inside the verb's own clause. PETRARCH-1 and TABARI patterns match
    /// words exactly, anywhere in the sentence.
    pub plurals: bool,
    /// The pattern as written, for `rule` and `explain`.
    pub text: String,
    pub origin: String,
}

impl Pattern {
    /// How specific the pattern is: words and actor slots count.
    pub fn weight(&self) -> usize {
        self.before.iter().chain(&self.after).filter(|e| !matches!(e, PatternElem::Adjacent | PatternElem::SamePhrase | PatternElem::SameTightPhrase)).count()
    }
}

/// A verb (or event noun) form: the phrase, and which word inflects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    pub phrase: Vec<String>,
    /// Index of the verb word in the phrase (the one that takes inflections).
    pub head: usize,
}

/// A verb of a block: its base form, irregular forms, and its own code if it has one
/// (PETRARCH-1 `DOWNPLAY [014]`; otherwise the block's code applies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lemma {
    pub form: VerbForm,
    /// Irregular inflected forms given explicitly (`{MET}`); regular ones are generated.
    pub irregular: Vec<VerbForm>,
    pub code: Option<EventCode>,
}

/// A block of verbs sharing a default code and patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    /// Display name: the block's first lemma, e.g. `VISIT`.
    pub name: String,
    pub code: EventCode,
    pub lemmas: Vec<Lemma>,
    pub patterns: Vec<Pattern>,
    /// Event nouns ("visit", "talks") rather than verbs.
    pub noun: bool,
    /// Generate regular inflections of each lemma (false when the reader listed every form
    /// itself, as the TABARI reader does).
    pub inflect: bool,
    pub origin: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discards {
    pub sentence: Vec<Vec<String>>,
    pub article: Vec<Vec<String>>,
}

/// Everything the readers produce, before compilation.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub verbs: Vec<VerbBlock>,
    pub synsets: Vec<(String, Vec<Vec<String>>)>,
    pub discards: Discards,
    pub issues: Vec<IssueEntry>,
    /// Words known to be nouns or adjectives (TABARI's `<NOUN>` and `<ADJECTIVE>` lists): they
    /// code nothing, but as dictionary words they keep a verb stem from claiming them
    /// (`LEADER` is not a form of the verb stem `LEAD`).
    pub other_words: Vec<Vec<String>>,
}

/// A phrase that tags a sentence with an issue ("uranium enrichment" → `NUCLEAR`), or, when
/// `exclude`, a phrase that is never one ("nuclear family") and hides the issue phrases inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueEntry {
    pub phrase: Vec<String>,
    pub code: String,
    pub category: Option<String>,
    pub exclude: bool,
    /// Generate the regular plural of the last word.
    pub plural: bool,
    pub origin: String,
}
