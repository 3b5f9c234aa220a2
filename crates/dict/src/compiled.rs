//! Compilation of the [`Model`] into tries over a shared vocabulary, and the queries the coder
//! runs on the hot path.

use crate::forms::{noun_plural, verb_inflections};
use crate::model::*;
use crate::trie::Trie;
use crate::words::WordTable;
use crate::{Date, Diagnostic};
use dyad_text::Token;
use rustc_hash::FxHashMap;

/// Id of a token the dictionaries never mention.
pub const UNKNOWN: u32 = u32::MAX;

pub(crate) use crate::model::GAP_WORD;

/// An actor name's codes.
#[derive(Debug, Clone)]
pub struct ActorInfo {
    pub codes: Vec<DatedCode>,
    pub origin: String,
}

impl ActorInfo {
    /// The code for an article published on `date`: a dated code covering the date, else an
    /// undated one. A name known only for certain dates (a surname that is unambiguous only
    /// while its bearer is in office) names nobody outside them. Without a date, the undated
    /// code, else the latest dated one.
    pub fn code_for(&self, date: Option<Date>) -> Option<&str> {
        if let Some(d) = date {
            if let Some(c) = self.codes.iter().find(|c| c.is_dated() && c.covers(d)) {
                return Some(&c.code);
            }
        }
        if let Some(c) = self.codes.iter().find(|c| !c.is_dated()) {
            return Some(&c.code);
        }
        match date {
            Some(_) => None,
            None => self.codes.iter().max_by_key(|c| c.from).map(|c| c.code.as_str()),
        }
    }
}

/// An issue phrase's tag: `exclude` phrases tag nothing and hide the phrases inside them.
#[derive(Debug, Clone)]
pub struct IssueInfo {
    pub code: String,
    pub category: Option<String>,
    pub exclude: bool,
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct AgentInfo {
    pub code: String,
    pub placement: AgentPlacement,
    pub origin: String,
}

/// A compiled pattern element (word ids instead of strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    /// A word, and its regular plural ("effort" also matches "efforts").
    Word(u32, u32),
    /// The previous and next elements belong to one noun phrase: only modifiers may come
    /// between them (PETRARCH-2 `{NEW &TIETYPES RELATIONS}`).
    SamePhrase,
    /// Same prepositional phrase: only determiners between (`(OVER EFFORTS)`).
    SameTightPhrase,
    Adjacent,
    Synset(u32),
    Source,
    Target,
    Compound,
    Skip,
}

#[derive(Debug, Clone)]
pub struct CompiledPattern {
    /// Matching stays inside the verb's clause (see [`crate::model::Pattern::plurals`]).
    pub scoped: bool,
    /// The pattern's words (each with its plural): a sentence lacking one cannot match, which
    /// rejects most patterns without walking the sentence.
    pub required: Vec<(u32, u32)>,
    pub before: Vec<Elem>,
    pub after: Vec<Elem>,
    pub code: EventCode,
    pub text: String,
    pub origin: String,
    pub weight: usize,
}

/// A verb block ready for matching; patterns sorted most specific first.
#[derive(Debug, Clone)]
pub struct CompiledBlock {
    pub name: String,
    pub code: EventCode,
    pub patterns: Vec<CompiledPattern>,
    pub noun: bool,
    pub origin: String,
}

/// Which block (and which lemma's own code) a verb form belongs to.
#[derive(Debug, Clone)]
pub struct VerbHit {
    pub block: u32,
    pub own_code: Option<EventCode>,
    /// Index in the matched phrase of the inflecting word.
    pub head: usize,
}

/// Counts for `dyad dict stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub actor_names: usize,
    pub actor_codes: usize,
    pub agent_names: usize,
    pub verb_blocks: usize,
    pub verb_forms: usize,
    pub noun_forms: usize,
    pub patterns: usize,
    pub synsets: usize,
    pub discards: usize,
    pub issue_phrases: usize,
}

/// Compiled dictionaries, ready for coding. Immutable; share across threads.
#[derive(Debug, Default)]
pub struct Dictionaries {
    vocab: FxHashMap<Box<str>, u32>,
    /// Case-exact words (`=US`), by their plain norm (`US`): what a token written in capitals
    /// reads as.
    exact_vocab: FxHashMap<Box<str>, u32>,
    /// `vocab` and `exact_vocab` frozen for lookups once compiled ([`WordTable`]).
    words: WordTable,
    exact_words: WordTable,
    actor_trie: Trie,
    actors: Vec<ActorInfo>,
    agent_trie: Trie,
    agents: Vec<AgentInfo>,
    verb_trie: Trie,
    verb_hits: Vec<Vec<VerbHit>>,
    noun_trie: Trie,
    noun_hits: Vec<Vec<VerbHit>>,
    blocks: Vec<CompiledBlock>,
    /// One trie per synonym set, so a set of hundreds of phrases costs one walk per position.
    synsets: Vec<Trie>,
    sentence_discards: Trie,
    article_discards: Trie,
    issue_trie: Trie,
    issues: Vec<IssueInfo>,
    stats: Stats,
    /// Stems (`RESTOR*` in a dictionary, stored without the `*`) → their vocabulary id. A text
    /// word the vocabulary lacks takes the id of the longest stem it begins with.
    stems: FxHashMap<Box<str>, u32>,
    stem_ids: rustc_hash::FxHashSet<u32>,
    /// Stems that are names, verb forms or other dictionary words (not only pattern words).
    root_stems: rustc_hash::FxHashSet<u32>,
    max_stem_len: usize,
    /// Trie insertions that contain a stem, replayed once the vocabulary is complete so that
    /// dictionary words beginning with the stem match it too.
    stem_inserts: Vec<(Slot, Vec<u32>, u32)>,
}

/// Which trie a phrase went into (for replaying stem insertions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Actor,
    Agent,
    Verb,
    Noun,
    Synset(usize),
    SentenceDiscard,
    ArticleDiscard,
}

impl Dictionaries {
    fn intern(&mut self, word: &str) -> u32 {
        if word == GAP_WORD {
            return crate::trie::GAP;
        }
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(word.into(), id);
        if let Some(stem) = word.strip_suffix('*').filter(|s| !s.is_empty()) {
            self.stems.insert(stem.into(), id);
            self.stem_ids.insert(id);
            self.max_stem_len = self.max_stem_len.max(stem.len());
        }
        id
    }

    fn is_stem(&self, id: u32) -> bool {
        self.stem_ids.contains(&id)
    }

    fn trie(&mut self, slot: Slot) -> &mut Trie {
        match slot {
            Slot::Actor => &mut self.actor_trie,
            Slot::Agent => &mut self.agent_trie,
            Slot::Verb => &mut self.verb_trie,
            Slot::Noun => &mut self.noun_trie,
            Slot::Synset(i) => &mut self.synsets[i],
            Slot::SentenceDiscard => &mut self.sentence_discards,
            Slot::ArticleDiscard => &mut self.article_discards,
        }
    }

    /// Insert a phrase into a trie, noting it for stem expansion when it contains a stem.
    fn insert(&mut self, slot: Slot, ids: &[u32], payload: u32) -> Option<u32> {
        if ids.iter().any(|&i| self.is_stem(i)) {
            self.stem_inserts.push((slot, ids.to_vec(), payload));
            if !matches!(slot, Slot::Synset(_)) {
                self.root_stems.extend(ids.iter().copied().filter(|i| self.stem_ids.contains(i)));
            }
        }
        self.trie(slot).insert(ids, payload)
    }

    /// Once the vocabulary is complete: every phrase with a stem also goes in with each
    /// dictionary word that begins with the stem, and with each longer stem — except, in a name
    /// or verb form, a longer stem that is itself a name, verb form or listed word: that one
    /// shadows it, as in TABARI, where the longest matching root wins. An existing phrase keeps
    /// its own payload.
    fn expand_stems(&mut self) {
        if self.stem_inserts.is_empty() {
            return;
        }
        let stems: Vec<(String, u32)> = self.stems.iter().map(|(s, &id)| (s.to_string(), id)).collect();
        let mut closure: FxHashMap<u32, (Vec<u32>, Vec<u32>)> = FxHashMap::default();
        for (stem, id) in &stems {
            let exact: Vec<u32> = self.vocab.iter().filter(|(w, &wid)| wid != *id && !w.ends_with('*') && w.starts_with(stem.as_str())).map(|(_, &wid)| wid).collect();
            let longer: Vec<u32> = stems.iter().filter(|(s, sid)| sid != id && s.len() > stem.len() && s.starts_with(stem.as_str())).map(|(_, sid)| *sid).collect();
            let (roots, others): (Vec<u32>, Vec<u32>) = longer.into_iter().partition(|l| self.root_stems.contains(l));
            closure.insert(*id, (exact.into_iter().chain(others).collect(), roots));
        }
        for (slot, ids, payload) in std::mem::take(&mut self.stem_inserts) {
            let wide = matches!(slot, Slot::Synset(_));
            let options: Vec<Vec<u32>> = ids
                .iter()
                .map(|&i| match closure.get(&i) {
                    Some((exact, longer)) => std::iter::once(i).chain(exact.iter().copied()).chain(if wide { longer.clone() } else { vec![] }).collect(),
                    None => vec![i],
                })
                .collect();
            let mut combos: Vec<Vec<u32>> = vec![Vec::new()];
            for opts in &options {
                combos = combos.into_iter().flat_map(|c| opts.iter().map(move |&o| { let mut c = c.clone(); c.push(o); c })).take(100_000).collect();
            }
            for c in combos {
                if c != ids {
                    self.trie(slot).insert(&c, payload);
                }
            }
        }
    }

    fn intern_phrase(&mut self, phrase: &[String]) -> Vec<u32> {
        phrase.iter().map(|w| self.intern(w)).collect()
    }

    pub(crate) fn compile(model: Model, diags: &mut Vec<Diagnostic>) -> Dictionaries {
        let mut d = Dictionaries { actor_trie: Trie::new(), agent_trie: Trie::new(), verb_trie: Trie::new(), noun_trie: Trie::new(), sentence_discards: Trie::new(), article_discards: Trie::new(), issue_trie: Trie::new(), ..Default::default() };

        // Actors: one payload per distinct phrase; codes of repeated names accumulate.
        for a in &model.actors {
            for phrase in actor_variants(&a.phrase) {
                let ids = d.intern_phrase(&phrase);
                let next = d.actors.len() as u32;
                match d.insert(Slot::Actor, &ids, next) {
                    None => d.actors.push(ActorInfo { codes: a.codes.clone(), origin: a.origin.clone() }),
                    Some(existing) => {
                        let info = &mut d.actors[existing as usize];
                        for c in &a.codes {
                            if !info.codes.contains(c) {
                                info.codes.push(c.clone());
                            }
                        }
                    }
                }
            }
        }
        d.stats.actor_names = d.actors.len();
        d.stats.actor_codes = d.actors.iter().map(|a| a.codes.len()).sum();

        for a in &model.agents {
            let variants = if a.plural { plural_variants(&a.phrase) } else { vec![a.phrase.clone()] };
            for phrase in variants {
                let ids = d.intern_phrase(&phrase);
                let next = d.agents.len() as u32;
                if d.insert(Slot::Agent, &ids, next).is_none() {
                    d.agents.push(AgentInfo { code: a.code.clone(), placement: a.placement, origin: a.origin.clone() });
                }
            }
        }
        d.stats.agent_names = d.agents.len();

        // Synsets, with members that name other synsets expanded (bounded depth: cycles are errors).
        let names: FxHashMap<String, usize> = model.synsets.iter().enumerate().map(|(i, (n, _))| (n.clone(), i)).collect();
        let expanded: Vec<Vec<Vec<String>>> = (0..model.synsets.len()).map(|i| expand_synset(&model.synsets, &names, i, 0, diags)).collect();
        for members in &expanded {
            let si = d.synsets.len();
            d.synsets.push(Trie::new());
            for m in members {
                let ids = d.intern_phrase(m);
                d.insert(Slot::Synset(si), &ids, 0);
            }
        }
        d.stats.synsets = d.synsets.len();

        for (bi, block) in model.verbs.iter().enumerate() {
            let mut patterns = Vec::new();
            for p in &block.patterns {
                match d.compile_pattern(p, &names) {
                    Ok(cp) => patterns.push(cp),
                    Err(e) => diags.push(Diagnostic::at_origin(&p.origin, e)),
                }
            }
            patterns.sort_by(|a, b| b.weight.cmp(&a.weight));
            d.stats.patterns += patterns.len();
            d.blocks.push(CompiledBlock { name: block.name.clone(), code: block.code.clone(), patterns, noun: block.noun, origin: block.origin.clone() });
            let lemmas: Vec<Lemma> = if block.lemmas.is_empty() {
                // PETRARCH blocks whose only verb is the header name.
                vec![Lemma { form: VerbForm { phrase: crate::read_common::phrase_norms(&block.name), head: 0 }, irregular: vec![], code: None }]
            } else {
                block.lemmas.clone()
            };
            for lemma in &lemmas {
                let mut forms: Vec<VerbForm> = Vec::new();
                if block.noun {
                    forms.extend(plural_variants(&lemma.form.phrase).into_iter().map(|p| VerbForm { phrase: p, head: lemma.form.head }));
                } else if !block.inflect {
                    forms.push(lemma.form.clone());
                } else {
                    let head_word = &lemma.form.phrase[lemma.form.head.min(lemma.form.phrase.len() - 1)];
                    for infl in verb_inflections(head_word) {
                        let mut p = lemma.form.phrase.clone();
                        let h = lemma.form.head.min(p.len() - 1);
                        p[h] = infl;
                        forms.push(VerbForm { phrase: p, head: lemma.form.head });
                    }
                }
                forms.extend(lemma.irregular.iter().cloned());
                for f in forms {
                    if f.phrase.is_empty() {
                        continue;
                    }
                    let ids = d.intern_phrase(&f.phrase);
                    let hit = VerbHit { block: bi as u32, own_code: lemma.code.clone(), head: f.head.min(f.phrase.len() - 1) };
                    let slot = if block.noun { Slot::Noun } else { Slot::Verb };
                    let next = if block.noun { d.noun_hits.len() } else { d.verb_hits.len() } as u32;
                    let existing = d.insert(slot, &ids, next);
                    let hits = if block.noun { &mut d.noun_hits } else { &mut d.verb_hits };
                    match existing {
                        None => hits.push(vec![hit]),
                        Some(e) => hits[e as usize].push(hit),
                    }
                }
            }
        }
        d.stats.verb_blocks = d.blocks.len();
        d.stats.verb_forms = d.verb_hits.len();
        d.stats.noun_forms = d.noun_hits.len();

        for p in &model.discards.sentence {
            let ids = d.intern_phrase(p);
            d.insert(Slot::SentenceDiscard, &ids, 0);
        }
        for p in &model.discards.article {
            let ids = d.intern_phrase(p);
            d.insert(Slot::ArticleDiscard, &ids, 0);
        }
        d.stats.discards = model.discards.sentence.len() + model.discards.article.len();
        for p in &model.other_words {
            let ids = d.intern_phrase(p);
            d.root_stems.extend(ids.into_iter().filter(|i| d.stem_ids.contains(i)));
        }
        d.expand_stems();
        for e in &model.issues {
            let variants = if e.plural { plural_variants(&e.phrase) } else { vec![e.phrase.clone()] };
            for phrase in variants {
                let ids = d.intern_phrase(&phrase);
                let next = d.issues.len() as u32;
                if d.issue_trie.insert(&ids, next).is_none() {
                    d.issues.push(IssueInfo { code: e.code.clone(), category: e.category.clone(), exclude: e.exclude, origin: e.origin.clone() });
                }
            }
        }
        d.stats.issue_phrases = d.issues.len();
        d.exact_vocab = d
            .vocab
            .iter()
            .filter_map(|(w, &id)| w.strip_prefix(crate::read_common::EXACT_MARK).map(|plain| (plain.into(), id)))
            .collect();
        d.words = WordTable::new(d.vocab.iter().map(|(w, &id)| (&**w, id)));
        d.exact_words = WordTable::new(d.exact_vocab.iter().map(|(w, &id)| (&**w, id)));
        d
    }

    fn compile_pattern(&mut self, p: &Pattern, synsets: &FxHashMap<String, usize>) -> Result<CompiledPattern, String> {
        let conv = |elems: &[PatternElem], d: &mut Dictionaries| -> Result<Vec<Elem>, String> {
            elems
                .iter()
                .map(|e| {
                    Ok(match e {
                        PatternElem::Word(w) if w.len() > 1 && w.ends_with('*') => {
                            // A stem: a one-member synset, widened once the vocabulary is known.
                            let id = d.intern(w);
                            let si = d.synsets.len();
                            d.synsets.push(Trie::new());
                            d.insert(Slot::Synset(si), &[id], 0);
                            Elem::Synset(si as u32)
                        }
                        PatternElem::Word(w) => {
                            let id = d.intern(w);
                            let pl = if p.plurals { noun_plural(w).map_or(id, |pl| d.intern(&pl)) } else { id };
                            Elem::Word(id, pl)
                        }
                        PatternElem::SamePhrase => Elem::SamePhrase,
                        PatternElem::SameTightPhrase => Elem::SameTightPhrase,
                        PatternElem::Adjacent => Elem::Adjacent,
                        PatternElem::Synset(s) => Elem::Synset(*synsets.get(s).ok_or_else(|| format!("pattern `{}` uses unknown synset &{s}", p.text))? as u32),
                        PatternElem::Source => Elem::Source,
                        PatternElem::Target => Elem::Target,
                        PatternElem::Compound => Elem::Compound,
                        PatternElem::Skip => Elem::Skip,
                    })
                })
                .collect()
        };
        let before = conv(&p.before, self)?;
        let after = conv(&p.after, self)?;
        let required = before.iter().chain(&after).filter_map(|e| if let Elem::Word(w, pl) = e { Some((*w, *pl)) } else { None }).collect();
        Ok(CompiledPattern { scoped: p.plurals, required, weight: p.weight(), before, after, code: p.code.clone(), text: p.text.clone(), origin: p.origin.clone() })
    }

    /// Vocabulary id of a token norm ([`UNKNOWN`] if no dictionary uses it; punctuation no
    /// dictionary uses has an id of its own, which phrase gaps do not cross).
    #[inline]
    pub fn word_id(&self, norm: &str) -> u32 {
        match self.words.get(norm) {
            Some(id) => id,
            None => self.word_id_unlisted(norm),
        }
    }

    /// [`Dictionaries::word_id`] of a word not in the vocabulary.
    fn word_id_unlisted(&self, norm: &str) -> u32 {
        if !norm.chars().any(char::is_alphanumeric) {
            return crate::trie::PUNCT;
        }
        if self.stems.is_empty() {
            return UNKNOWN;
        }
        // The longest stem the word begins with.
        let mut end = norm.len().min(self.max_stem_len);
        while end > 0 {
            if norm.is_char_boundary(end) {
                if let Some(&id) = self.stems.get(&norm[..end]) {
                    return id;
                }
            }
            end -= 1;
        }
        UNKNOWN
    }

    /// Vocabulary ids of a sentence's tokens. A word in capitals takes its case-exact id
    /// (`=US`) when there is one, unless the whole sentence is in capitals (a headline).
    pub fn token_ids(&self, tokens: &[Token]) -> Vec<u32> {
        let exact = !self.exact_words.is_empty() && tokens.iter().any(|t| t.caps) && !tokens.iter().filter(|t| t.is_word()).all(|t| t.caps);
        tokens
            .iter()
            .map(|t| match exact && t.caps {
                true => self.exact_words.get(&t.norm).unwrap_or_else(|| self.word_id(&t.norm)),
                false => self.word_id(&t.norm),
            })
            .collect()
    }

    /// The issues a sentence's phrases tag, in order of first mention, each once. Matching is
    /// longest-first from left to right; an exclusion phrase tags nothing and hides what it
    /// contains ("nuclear family" is not about `NUCLEAR`).
    pub fn issues_in(&self, ids: &[u32]) -> Vec<&IssueInfo> {
        let mut out: Vec<&IssueInfo> = Vec::new();
        if self.issues.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < ids.len() {
            match self.issue_trie.longest_at(&ids[i..]) {
                Some((n, v)) => {
                    let info = &self.issues[v as usize];
                    if !info.exclude && !out.iter().any(|o| o.code == info.code) {
                        out.push(info);
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Every actor name's codes (one entry per distinct phrase, plural variants included), for
    /// consistency checks over a whole dictionary.
    pub fn actor_infos(&self) -> &[ActorInfo] {
        &self.actors
    }

    /// Longest actor name starting at `ids[0]`.
    pub fn actor_at(&self, ids: &[u32]) -> Option<(usize, &ActorInfo)> {
        self.actor_trie.longest_at(ids).map(|(n, v)| (n, &self.actors[v as usize]))
    }

    /// Longest agent name starting at `ids[0]`.
    pub fn agent_at(&self, ids: &[u32]) -> Option<(usize, &AgentInfo)> {
        self.agent_trie.longest_at(ids).map(|(n, v)| (n, &self.agents[v as usize]))
    }

    /// Longest verb form starting at `ids[0]`, with the blocks it belongs to.
    pub fn verb_at(&self, ids: &[u32]) -> Option<(usize, &[VerbHit])> {
        self.verb_trie.longest_at(ids).map(|(n, v)| (n, self.verb_hits[v as usize].as_slice()))
    }

    /// Every verb form starting at `ids[0]` (shortest first): a phrasal verb and its plain verb.
    pub fn verbs_at<'a>(&'a self, ids: &'a [u32]) -> impl Iterator<Item = (usize, &'a [VerbHit])> + 'a {
        self.verb_trie.matches_at(ids).map(|(n, v)| (n, self.verb_hits[v as usize].as_slice()))
    }

    /// Longest event noun starting at `ids[0]`.
    pub fn noun_at(&self, ids: &[u32]) -> Option<(usize, &[VerbHit])> {
        self.noun_trie.longest_at(ids).map(|(n, v)| (n, self.noun_hits[v as usize].as_slice()))
    }

    pub fn block(&self, i: u32) -> &CompiledBlock {
        &self.blocks[i as usize]
    }

    /// Length of the longest member of synset `s` starting at `ids[0]`.
    pub fn synset_at(&self, s: u32, ids: &[u32]) -> Option<usize> {
        self.synsets[s as usize].longest_at(ids).map(|(n, _)| n)
    }

    /// Position and length of a sentence-level discard phrase, if any.
    pub fn sentence_discard(&self, ids: &[u32]) -> Option<(usize, usize)> {
        (0..ids.len()).find_map(|i| self.sentence_discards.longest_at(&ids[i..]).map(|(n, _)| (i, n)))
    }

    /// Position and length of an article-level discard phrase, if any.
    pub fn article_discard(&self, ids: &[u32]) -> Option<(usize, usize)> {
        (0..ids.len()).find_map(|i| self.article_discards.longest_at(&ids[i..]).map(|(n, _)| (i, n)))
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}

/// Actor names also match in the plural ("Russians", "Rohans") and without a leading "the".
fn actor_variants(phrase: &[String]) -> Vec<Vec<String>> {
    let mut out = plural_variants(phrase);
    if phrase.len() > 1 && phrase[0] == "THE" {
        out.extend(plural_variants(&phrase[1..]));
    }
    out
}

fn plural_variants(phrase: &[String]) -> Vec<Vec<String>> {
    let mut out = vec![phrase.to_vec()];
    if let Some(last) = phrase.last() {
        if let Some(pl) = noun_plural(last) {
            let mut p = phrase.to_vec();
            *p.last_mut().expect("non-empty") = pl;
            out.push(p);
        }
    }
    out
}

fn expand_synset(all: &[(String, Vec<Vec<String>>)], names: &FxHashMap<String, usize>, i: usize, depth: usize, diags: &mut Vec<Diagnostic>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for m in &all[i].1 {
        if m.len() == 1 && m[0].starts_with('&') {
            let name = m[0].trim_start_matches('&').trim_end_matches('_');
            match names.get(name) {
                Some(&j) if depth < 8 => out.extend(expand_synset(all, names, j, depth + 1, diags)),
                Some(_) => diags.push(Diagnostic::new("synsets", 0, format!("synset &{} nests too deeply", all[i].0))),
                None => diags.push(Diagnostic::new("synsets", 0, format!("synset &{} names unknown &{name}", all[i].0))),
            }
        } else {
            out.push(m.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frozen tables answer as the vocabulary maps, for every dictionary word and for the
    /// tokens of real text.
    #[test]
    fn word_tables_agree_with_the_vocabulary() {
        let (d, _) = Dictionaries::builtin();
        for (w, &id) in d.vocab.iter() {
            assert_eq!(d.words.get(w), Some(id), "{w:?}");
        }
        for (w, &id) in d.exact_vocab.iter() {
            assert_eq!(d.exact_words.get(w), Some(id), "{w:?}");
        }
        let mut text = String::from("The U.S. and Gondor's army didn't meet in MOSCOW on Monday; officials said 50,000 troops");
        let local = format!("{}/../../../shared/eval/conflibert/cameo_class_train.tsv", env!("CARGO_MANIFEST_DIR"));
        if let Ok(t) = std::fs::read_to_string(local).or_else(|_| std::fs::read_to_string("/work/shared/eval/conflibert/cameo_class_train.tsv")) {
            text.push_str(&t);
        }
        for t in dyad_text::tokenize(&text) {
            assert_eq!(d.words.get(&t.norm), d.vocab.get(t.norm.as_str()).copied(), "{:?}", t.norm);
            assert_eq!(d.exact_words.get(&t.norm), d.exact_vocab.get(t.norm.as_str()).copied(), "{:?}", t.norm);
        }
    }
}
