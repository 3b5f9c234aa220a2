//! Clause-level coding: for each verb, find its subject and object by shallow rules, pick the
//! most specific dictionary pattern, mark modality, and emit events.

use crate::lexicon::*;
use crate::phrase::{noun_phrase, PhraseContext};
use crate::mentions::{find_groups, find_pieces, is_capitalised, Group, PieceKind, Unit};
use crate::verbs::{find_verbs, VerbCand};
use crate::{ActorRef, Aux, Discard, Event, Options, SentenceCoding};
use dyad_dict::{CompiledPattern, Dictionaries, Elem, EventCode};
use dyad_text::{Date, Sentence, Token};
use std::fmt::Write;

/// What an article remembers across sentences.
#[derive(Debug, Clone, Default)]
pub struct DocMemory {
    /// Surname → code of a person named in full earlier ("Wang" → CHNGOV after "Wang Yi").
    pub surnames: Vec<(String, String)>,
    /// The last non-person subject ("it") and the last compound subject ("they").
    last_it: Option<Unit>,
    last_they: Option<Group>,
    last_person: Option<Unit>,
}

/// A sentence prepared for clause analysis.
struct Analysis<'a> {
    sentence: &'a Sentence,
    ids: Vec<u32>,
    groups: Vec<Group>,
    /// Group index of each token, if inside one.
    group_of: Vec<Option<usize>>,
    verbs: Vec<VerbCand>,
    /// The sentence's vocabulary ids, for rejecting patterns whose words are absent.
    present: rustc_hash::FxHashSet<u32>,
    /// For the noun phrases of coded actors; made when the first event is.
    phrases: std::cell::OnceCell<PhraseContext<'a>>,
    /// Per token: the first hard boundary at or after it (or the sentence length), and the
    /// position just after the last hard boundary at or before it (or 0). Clause limits are
    /// asked for many times per verb; these answer in one step.
    next_boundary: Vec<usize>,
    after_boundary: Vec<usize>,
    dicts: &'a Dictionaries,
}

impl Analysis<'_> {
    fn norm(&self, i: usize) -> &str {
        self.sentence.tokens.get(i).map_or("", |t| t.norm.as_str())
    }
    fn tokens(&self) -> &[Token] {
        &self.sentence.tokens
    }
    fn verb_at(&self, i: usize) -> Option<usize> {
        self.verbs.iter().position(|v| v.start <= i && i < v.end)
    }
    fn group_starting_at(&self, i: usize) -> Option<usize> {
        self.group_of.get(i).copied().flatten().filter(|&g| self.groups[g].start == i)
    }
}

const PREPOSITIONS: &[&str] = &[
    "OF", "IN", "AT", "ON", "WITH", "TO", "FOR", "BY", "FROM", "NEAR", "AGAINST", "ABOUT", "OVER", "UNDER", "INTO", "TOWARD", "TOWARDS", "BETWEEN", "AMONG",
    "DURING", "AFTER", "BEFORE", "THROUGH", "ACROSS", "WITHIN", "OUTSIDE", "INSIDE", "BEYOND", "UPON", "ONTO", "VIA", "AMID", "DESPITE", "LIKE", "UNLIKE",
];

fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// Code one sentence. `trace`, when given, receives a human-readable account.
pub fn code(dicts: &Dictionaries, sentence: &Sentence, date: Option<Date>, opts: &Options, memory: &mut DocMemory, mut trace: Option<&mut String>) -> SentenceCoding {
    let tokens = &sentence.tokens;
    let ids = dicts.token_ids(tokens);
    if let Some((i, n)) = dicts.article_discard(&ids) {
        let phrase = phrase_text(sentence, i, i + n);
        if let Some(t) = trace.as_deref_mut() {
            let _ = writeln!(t, "article discard: {phrase}");
        }
        return SentenceCoding { events: vec![], discard: Some(Discard::Article(phrase)) };
    }
    if let Some((i, n)) = dicts.sentence_discard(&ids) {
        let phrase = phrase_text(sentence, i, i + n);
        if let Some(t) = trace.as_deref_mut() {
            let _ = writeln!(t, "sentence discard: {phrase}");
        }
        return SentenceCoding { events: vec![], discard: Some(Discard::Sentence(phrase)) };
    }

    let pieces = find_pieces(dicts, &ids, &sentence.text, tokens, date, &memory.surnames);
    // An actor coded `###` for the article's date (TABARI's dated discard code) discards the
    // sentence, as a discard phrase would.
    if let Some(p) = pieces.iter().find(|p| matches!(&p.kind, PieceKind::Actor { code, .. } if code == "###")) {
        let phrase = phrase_text(sentence, p.start, p.end);
        if let Some(t) = trace.as_deref_mut() {
            let _ = writeln!(t, "sentence discard (actor coded ###): {phrase}");
        }
        return SentenceCoding { events: vec![], discard: Some(Discard::Sentence(phrase)) };
    }
    let event_noun_at = |i: usize| i < ids.len() && dicts.noun_at(&ids[i..]).is_some() && dicts.verb_at(&ids[i..]).is_none();
    let groups = find_groups(&pieces, &sentence.text, tokens, &event_noun_at);
    let mut group_of = vec![None; tokens.len()];
    for (gi, g) in groups.iter().enumerate() {
        for slot in &mut group_of[g.start..g.end] {
            *slot = Some(gi);
        }
    }
    let in_mention: Vec<bool> = group_of.iter().map(Option::is_some).collect();
    let verbs = find_verbs(dicts, &ids, tokens, &in_mention);
    let present = ids.iter().copied().collect();
    let hard: Vec<bool> = tokens.iter().map(|t| is_hard_boundary(&t.norm)).collect();
    let mut next_boundary = vec![tokens.len(); tokens.len()];
    for i in (0..tokens.len()).rev() {
        next_boundary[i] = if hard[i] { i } else { next_boundary.get(i + 1).copied().unwrap_or(tokens.len()) };
    }
    let mut after_boundary = vec![0; tokens.len()];
    for i in 0..tokens.len() {
        after_boundary[i] = if hard[i] { i + 1 } else if i > 0 { after_boundary[i - 1] } else { 0 };
    }
    let a = Analysis { sentence, ids, groups, group_of, verbs, present, phrases: std::cell::OnceCell::new(), dicts, next_boundary, after_boundary };

    if let Some(t) = trace.as_deref_mut() {
        let _ = writeln!(t, "sentence: {}", sentence.text);
        let _ = writeln!(t, "tokens:   {}", tokens.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" "));
        for g in &a.groups {
            let units: Vec<String> = g.units.iter().map(|u| format!("{} \"{}\" ({})", u.code, phrase_text(sentence, u.start, u.end), u.origin)).collect();
            let _ = writeln!(t, "actors:   {}", units.join(" + "));
        }
        for v in &a.verbs {
            let blocks: Vec<String> = v.hits.iter().map(|h| dicts.block(h.block).name.clone()).collect();
            let _ = writeln!(t, "verb:     \"{}\" blocks [{}]{}", phrase_text(sentence, v.start, v.end), blocks.join(", "), if v.light { " (light verb)" } else { "" });
        }
    }

    let mut events = Vec::new();
    let mut subjects: Vec<Option<usize>> = vec![None; a.verbs.len()];
    let mut coded = vec![false; a.verbs.len()];
    // "is planning to visit", "is set to sign": a plan is coded as the planned event, marked
    // future; the planning verb codes only when what it governs carries no code.
    let mut deferred: Vec<Option<Option<Subject>>> = vec![None; a.verbs.len()];
    for vi in 0..a.verbs.len() {
        if is_reduced_relative(&a, vi) {
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "  \"{}\": describes the noun before it, not coded", phrase_text(sentence, a.verbs[vi].start, a.verbs[vi].end));
            }
            continue;
        }
        let subject = find_subject(&a, vi, &subjects, memory);
        subjects[vi] = subject.as_ref().and_then(|s| s.group);
        if is_future_marker(a.norm(a.verbs[vi].start)) && (vi + 1..a.verbs.len()).any(|j| governing_verb(&a, j) == Some(vi)) {
            deferred[vi] = Some(subject);
            continue;
        }
        // "urged Y to attack", "vowed to wage war", "agreed to send troops": the infinitive is
        // the content of the governing event (an appeal, a threat, an agreement), not a
        // separate event that happened.
        if let Some(k) = governing_verb(&a, vi) {
            if let Some(governor_subject) = deferred[k].take() {
                coded[vi] = code_verb(dicts, &a, vi, subject, opts, &mut events, trace.as_deref_mut());
                if !coded[vi] {
                    coded[k] = code_verb(dicts, &a, k, governor_subject, opts, &mut events, trace.as_deref_mut());
                }
                continue;
            }
            if coded[k] {
                if let Some(t) = trace.as_deref_mut() {
                    let _ = writeln!(t, "  \"{}\": complement of \"{}\", not coded on its own", phrase_text(sentence, a.verbs[vi].start, a.verbs[vi].end), phrase_text(sentence, a.verbs[k].start, a.verbs[k].end));
                }
                continue;
            }
        }
        coded[vi] = code_verb(dicts, &a, vi, subject, opts, &mut events, trace.as_deref_mut());
    }

    // Remember for later sentences the names of people named in full: the family name comes
    // last in "Sergei Lavrov" and first in "Wang Yi"; either may stand alone later.
    for p in pieces.iter().filter(|p| matches!(p.kind, PieceKind::Actor { specific: true, .. })) {
        let Some(unit) = a.group_of[p.start].and_then(|g| a.groups[g].units.iter().find(|u| u.start <= p.start && p.end <= u.end)) else { continue };
        let mut names = vec![p.end - 1];
        if p.end - p.start == 2 {
            names.push(p.start);
        }
        for k in names {
            let name = &tokens[k].norm;
            if name.len() > 2 && is_capitalised(&sentence.text, &tokens[k]) && !memory.surnames.iter().any(|(s, _)| s == name) {
                memory.surnames.push((name.clone(), unit.code.clone()));
            }
        }
    }
    // What "it"/"they"/"he" will refer to next: this sentence's first subject, or the actor the
    // sentence opens with.
    let opening = a.groups.first().filter(|g| g.start <= 2 && governing_preposition(&a, g.start).is_none()).map(|_| 0usize);
    if let Some(gi) = subjects.iter().flatten().next().copied().or(opening) {
        let g = &a.groups[gi];
        if g.is_compound() {
            memory.last_they = Some(g.clone());
        } else if g.units[0].code.len() > 3 {
            memory.last_person = Some(g.units[0].clone());
        } else {
            memory.last_it = Some(g.units[0].clone());
        }
    }
    let statements = a
        .verbs
        .iter()
        .filter(|v| v.hits.iter().any(|h| h.own_code.as_ref().unwrap_or(&dicts.block(h.block).code).primary.starts_with("01")))
        .map(|v| (v.start, v.end))
        .collect();
    let view = crate::speech_acts::View { tokens, groups: &a.groups, group_of: &a.group_of, statements };
    crate::speech_acts::add_speech_acts(&view, &mut events, |g| a.groups[g].units.iter().map(|u| actor_ref(&a, u)).collect());
    if !events.is_empty() {
        let issues: Vec<String> = dicts.issues_in(&a.ids).into_iter().map(|i| i.code.clone()).collect();
        if !issues.is_empty() {
            for e in &mut events {
                e.issues.clone_from(&issues);
            }
        }
    }
    SentenceCoding { events, discard: None }
}

/// For an infinitive ("to attack"), the verb that governs it: the nearest verb before it in
/// the same clause.
fn governing_verb(a: &Analysis, vi: usize) -> Option<usize> {
    let v = &a.verbs[vi];
    if v.start == 0 || a.norm(v.start - 1) != "TO" {
        return None;
    }
    let k = (0..vi).rev().find(|&k| a.verbs[k].end <= v.start)?;
    let between = a.verbs[k].end..v.start;
    let blocked = between.clone().any(|i| is_hard_boundary(a.norm(i)) || is_subordinator(a.norm(i)) || a.norm(i) == ",");
    (!blocked && between.len() <= 10).then_some(k)
}

/// A subject: a group of the sentence, or a unit recalled from an earlier sentence.
#[derive(Debug, Clone)]
struct Subject {
    group: Option<usize>,
    recalled: Option<Group>,
    /// Where the subject stands in the sentence (the pronoun's position when recalled).
    at: usize,
}

impl Subject {
    fn of(a: &Analysis, g: usize) -> Subject {
        Subject { group: Some(g), recalled: None, at: a.groups[g].start }
    }

    fn resolve<'a>(&'a self, a: &'a Analysis) -> &'a Group {
        match (&self.group, &self.recalled) {
            (Some(g), _) => &a.groups[*g],
            (None, Some(g)) => g,
            _ => unreachable!("a subject has a group"),
        }
    }
}

/// Walk left from the verb to its subject.
fn find_subject(a: &Analysis, vi: usize, subjects: &[Option<usize>], memory: &DocMemory) -> Option<Subject> {
    let v = &a.verbs[vi];
    let mut j = v.start as isize - 1;
    let mut commas = 0;
    let mut unknown = 0;
    // An infinitive ("is about to restore", "vowed to wage") takes the subject of the verb
    // chain that governs it, past catenative words the dictionaries don't know.
    // A gerund after a preposition works the same: "stopped short of sending arms".
    // So does a gerund coordinated with one ("short of getting involved ... or sending arms").
    let gerund = a.norm(v.start).ends_with("ING");
    let coordinated_gerund = gerund
        && v.start > 0
        && matches!(a.norm(v.start - 1), "OR" | "AND")
        && (v.start.saturating_sub(12)..v.start.saturating_sub(1)).any(|k| is_preposition(a.norm(k)) && a.norm(k + 1).ends_with("ING"));
    let infinitive = v.start > 0 && (a.norm(v.start - 1) == "TO" || gerund && is_preposition(a.norm(v.start - 1)) || coordinated_gerund);
    // "condemned ... and promised aid": a verb right after a conjunction shares the subject of
    // the verb before it.
    let mut k = v.start;
    while k > 0 && (is_aux(a.norm(k - 1)) || is_skippable_adverb(a.norm(k - 1)) && a.norm(k - 1) != "TO") {
        k -= 1;
    }
    // "..., while offering Moscow a lifeline": a participle of concurrent action shares the
    // subject of the clause it hangs on. Temporal ones ("after leaving Eriador") are background
    // and keep no subject.
    let participle_clause = a.norm(v.start).ends_with("ING") && v.start > 0 && matches!(a.norm(v.start - 1), "WHILE" | "BY" | "THEREBY" | "WITHOUT");
    if participle_clause {
        if let Some(g) = (0..vi).rev().find_map(|k| subjects[k]) {
            return Some(Subject::of(a, g));
        }
    }
    if k > 0 && matches!(a.norm(k - 1), "AND" | "OR" | "BUT") && vi > 0 {
        if let Some(g) = subjects[vi - 1] {
            return Some(Subject::of(a, g));
        }
    }
    while j >= 0 {
        let i = j as usize;
        let w = a.norm(i);
        if let Some(gi) = a.group_of[i] {
            let g = &a.groups[gi];
            if let Some(p) = governing_preposition(a, g.start) {
                // "Thousands of Kenyans protested": after a quantity, the actor is the subject.
                if a.norm(p) == "OF" && p > 0 && is_quantity(a.norm(p - 1)) {
                    return Some(Subject::of(a, gi));
                }
                // Object of a preposition ("in south Ithilen", "with Gondor"): not the subject.
                j = p as isize - 1;
                continue;
            }
            return Some(Subject::of(a, gi));
        }
        if let Some(pv) = a.verb_at(i).filter(|&pv| is_reduced_relative(a, pv)) {
            // "Forces backed by Russia attacked": the description sits inside the subject.
            j = a.verbs[pv].start as isize - 1;
            continue;
        }
        if let Some(pv) = a.verb_at(i) {
            // VP coordination: "condemned ... and promised" shares the subject.
            let _ = pv;
            let coordinated = (v.start.saturating_sub(3)..v.start).any(|k| matches!(a.norm(k), "AND" | "OR" | "BUT" | ","));
            if coordinated || infinitive {
                for k in (0..vi).rev() {
                    if a.verbs[k].start <= i {
                        return subjects[k].map(|g| Subject::of(a, g));
                    }
                }
            }
            return None;
        }
        if let Some(p) = pronoun_kind(w) {
            return recall(a, p, i, memory);
        }
        if w == ")" {
            // "The European Union (EU) agree": skip a short parenthesis.
            if let Some(k) = (i.saturating_sub(6)..i).rev().find(|&k| a.norm(k) == "(") {
                j = k as isize - 1;
                continue;
            }
        }
        if is_hard_boundary(w) || is_subordinator(w) || w == "THAT" {
            // Relative clause: "the woman who shot" → the noun before "who".
            if matches!(w, "WHO" | "WHICH" | "THAT") && i > 0 {
                if let Some(gi) = a.group_of[i - 1] {
                    return Some(Subject::of(a, gi));
                }
            }
            return None;
        }
        if w == "," {
            // A parenthetical ("X, in remarks published Monday, urged"): jump to the comma
            // that opens it when an actor stands right before that comma.
            if let Some(k) = (i.saturating_sub(12)..i).rev().find(|&k| a.norm(k) == ",") {
                if k > 0 && a.group_of[k - 1].is_some() {
                    j = k as isize - 1;
                    continue;
                }
            }
            commas += 1;
            if commas > 2 {
                return None;
            }
        } else if is_aux(w) || is_skippable_adverb(w) || is_weekday_or_month(w) || matches!(w, "ON" | "LAST" | "NEXT" | "THIS" | "IN" | "EARLIER" | "LATE") || a.tokens()[i].kind == dyad_text::TokenKind::Number {
            // auxiliaries, adverbs and time expressions sit between subject and verb
        } else if w == "'S" || w == "'" {
            // "Eriador's death toll has risen": the possessor stands for the noun phrase.
        } else if possessed_phrase(a, i) {
            // inside "Eriador's death and injury toll": the possessor ahead stands for it
        } else if is_determiner(w) || is_coordinator(w) {
            unknown += 1;
        } else if infinitive && unknown < if coordinated_gerund { 10 } else { 3 } {
            unknown += 1;
        } else {
            unknown += 1;
            if unknown > 3 {
                return None;
            }
            // "the official news agency WFNA said": a compound noun whose modifier is an actor.
            let modifier_of_group = !is_preposition(w)
                && (1..=3).any(|d| i >= d && a.group_of[i - d].is_some() && (i - d + 1..i).all(|k| is_content_word(a.norm(k))));
            // An unknown head noun ("crowds trashed") is the subject: no actor.
            if !modifier_of_group {
                return None;
            }
        }
        j -= 1;
    }
    None
}

/// The preposition governing a mention starting at `start`, past up to two determiners or
/// lower-case modifiers ("in *the affected* Ithilen villages").
/// Words of quantity that take their noun in an `of` phrase: "thousands of Kenyans".
fn is_quantity(w: &str) -> bool {
    matches!(w, "THOUSANDS" | "HUNDREDS" | "DOZENS" | "SCORES" | "MILLIONS" | "TENS" | "NUMBER" | "GROUP" | "GROUPS" | "HANDFUL" | "MAJORITY" | "MANY" | "MOST" | "SOME" | "SEVERAL" | "ALL" | "BOTH" | "FEW" | "NONE" | "EACH")
        || w.bytes().all(|b| b.is_ascii_digit() || b == b',') && !w.is_empty()
}

/// A past participle describing the noun right before it, in a clause whose own verb comes
/// later: "forces backed by Russia attacked", "an aid worker imprisoned in Egypt". Not coded;
/// the subject of the later verb is found across it.
fn is_reduced_relative(a: &Analysis, vi: usize) -> bool {
    let v = &a.verbs[vi];
    let w = a.norm(v.start);
    if v.start == 0 || !(w.ends_with("ED") || is_irregular_participle(w)) || v.light {
        return false;
    }
    // Right after a noun phrase: an actor, or a noun the dictionaries do not know.
    let before = a.norm(v.start - 1);
    let after_noun = a.group_of[v.start - 1].is_some()
        || (a.tokens()[v.start - 1].is_word() && !is_aux(before) && !is_negator(before) && !is_skippable_adverb(before) && pronoun_kind(before).is_none() && !is_subordinator(before) && !is_coordinator(before) && !is_determiner(before) && !is_preposition(before) && before != "THAT" && a.verb_at(v.start - 1).is_none());
    if !after_noun {
        return false;
    }
    // Followed by its agent or a place ("by", "in", "from"...), then the clause's own verb.
    if !is_preposition(a.norm(v.end)) {
        return false;
    }
    let stop = |k: usize| matches!(a.norm(k), "," | "THAT") || is_hard_boundary(a.norm(k)) || is_subordinator(a.norm(k)) || is_coordinator(a.norm(k));
    // The later verb must look finite: a past or present-tense form, or one after an auxiliary
    // (not a bare form that may be a noun: "on his first official visit").
    let finite = |later: &VerbCand| {
        let w = a.norm(later.start);
        let before = a.norm(later.start.saturating_sub(1));
        (w.ends_with("ED") || (w.ends_with('S') && !w.ends_with("SS")) || is_irregular_participle(w) || is_aux(before)) && before != "TO"
    };
    a.verbs[vi + 1..].iter().any(|later| !(v.end..later.start).any(stop) && finite(later))
}

fn governing_preposition(a: &Analysis, start: usize) -> Option<usize> {
    let mut k = start;
    for _ in 0..3 {
        if k == 0 {
            return None;
        }
        k -= 1;
        let w = a.norm(k);
        if is_preposition(w) {
            return Some(k);
        }
        let t = &a.tokens()[k];
        let lower = !is_capitalised(&a.sentence.text, t);
        if !(is_determiner(w) && w != "'S" || lower && t.is_word() && !is_aux(w) && a.verb_at(k).is_none() && !is_coordinator(w) && !is_subordinator(w)) {
            return None;
        }
    }
    None
}

/// Whether token `i` is inside a noun phrase owned by a possessor actor: "Eriador's death and
/// injury toll" (up to four words after the `'s`).
fn possessed_phrase(a: &Analysis, i: usize) -> bool {
    (1..=4).any(|d| {
        i >= d + 1
            && matches!(a.norm(i - d), "'S" | "'")
            && a.group_of[i - d - 1].is_some()
            && (i - d + 1..=i).all(|k| is_content_word(a.norm(k)) || a.norm(k) == "AND")
    })
}

fn is_content_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric) && !is_determiner(w) && !is_aux(w) && !is_preposition(w) && !is_coordinator(w) && !is_subordinator(w)
}

fn recall(a: &Analysis, p: Pronoun, at: usize, memory: &DocMemory) -> Option<Subject> {
    // Prefer an antecedent earlier in the same sentence.
    for gi in (0..a.groups.len()).rev() {
        let g = &a.groups[gi];
        if g.end > at {
            continue;
        }
        let fits = match p {
            Pronoun::They => g.is_compound(),
            Pronoun::It => !g.is_compound() && g.units[0].code.len() <= 3,
            Pronoun::Person => !g.is_compound() && g.units[0].code.len() > 3,
        };
        if fits {
            return Some(Subject { group: Some(gi), recalled: None, at });
        }
    }
    let mut g = match p {
        Pronoun::They => memory.last_they.clone(),
        Pronoun::It => memory.last_it.clone().map(unit_group),
        Pronoun::Person => memory.last_person.clone().map(unit_group),
    }?;
    // The antecedent is coded; the mention is the pronoun, here in this sentence.
    for u in &mut g.units {
        u.start = at;
        u.end = at + 1;
    }
    g.start = at;
    g.end = at + 1;
    Some(Subject { group: None, recalled: Some(g), at })
}

fn unit_group(u: Unit) -> Group {
    Group { start: u.start, end: u.end, units: vec![u] }
}

/// Whether the verb is a passive participle: "was attacked", "were fiercely opposed".
fn is_passive(a: &Analysis, v: &VerbCand) -> bool {
    let w = a.norm(v.start);
    if !(w.ends_with("ED") || is_irregular_participle(w)) {
        return false;
    }
    let mut k = v.start;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let p = a.norm(k);
        if is_be(p) || matches!(p, "GET" | "GOT" | "GETS") {
            return true;
        }
        if !(is_skippable_adverb(p) || p == "AND") {
            return false;
        }
    }
    false
}

/// The right edge of the verb's reach: a hard boundary or the sentence end.
fn right_limit(a: &Analysis, from: usize) -> usize {
    a.next_boundary.get(from).copied().unwrap_or(a.tokens().len())
}

fn left_limit(a: &Analysis, from: usize) -> usize {
    if from == 0 {
        return 0;
    }
    a.after_boundary[from - 1]
}

/// The default object: the first mention after the verb within its clause.
fn find_object(a: &Analysis, v: &VerbCand, passive: bool, described: &[std::ops::Range<usize>]) -> Option<usize> {
    let limit = right_limit(a, v.end);
    let mut i = v.end;
    while i < limit {
        let w = a.norm(i);
        if let Some(gi) = a.group_of[i] {
            let prev = if i > 0 { a.norm(i - 1) } else { "" };
            let g = &a.groups[gi];
            if described.iter().any(|r| r.start <= g.start && g.end <= r.end) {
                i = g.end;
                continue;
            }
            if passive && prev == "BY" {
                i = a.groups[gi].end;
                continue;
            }
            return Some(gi);
        }
        if is_subordinator(w) {
            return None;
        }
        if w == "," {
            // "restore complete, full ties with Gondor" goes on; ", a senior official said" or
            // ", which ..." starts something else.
            let next = a.norm(i + 1);
            if is_determiner(next) || is_coordinator(next) || is_subordinator(next) || pronoun_kind(next).is_some() || is_aux(next) || a.group_of.get(i + 1).copied().flatten().is_some() || a.verb_at(i + 1).is_some() || next == "," {
                return None;
            }
        }
        if let Some(vk) = a.verb_at(i) {
            // An infinitive continues the verb phrase ("vowed to wage war on"); a finite verb
            // starts another clause.
            let infinitive = i > 0 && a.norm(i - 1) == "TO";
            let prev = if i > 0 { a.norm(i - 1) } else { "" };
            let finite = i > 0 && (a.group_of[i - 1].is_some() || is_aux(prev) || pronoun_kind(prev).is_some() || prev == "THAT");
            if !infinitive && !a.verbs[vk].light && finite {
                return None;
            }
        }
        i += 1;
    }
    None
}

/// The by-agent of a passive verb.
fn find_by_agent(a: &Analysis, v: &VerbCand) -> Option<usize> {
    let limit = right_limit(a, v.end);
    (v.end..limit.min(v.end + 8)).find_map(|i| if a.norm(i) == "BY" { a.group_starting_at(i + 1).or_else(|| a.group_starting_at(i + 2)) } else { None })
}

/// Result of matching a pattern.
#[derive(Debug, Default, Clone)]
struct PatternMatch {
    source: Option<usize>,
    target: Option<usize>,
    compound: bool,
    /// The target was matched before the verb ("noted that + *"): the source is then the
    /// subject of the clause around it.
    target_before: bool,
    leftmost: usize,
    /// Tokens before the verb that the pattern spelled out (a negation there is the pattern's).
    consumed: Vec<usize>,
    /// Tokens after the verb that the pattern's words matched: "called for closer *military
    /// cooperation*" — a mention inside them is part of the event's description, not its target.
    described: Vec<std::ops::Range<usize>>,
}

/// Try one pattern at the verb.
fn match_pattern(dicts: &Dictionaries, a: &Analysis, v: &VerbCand, p: &CompiledPattern, subject: Option<&Group>, subject_at: Option<usize>) -> Option<PatternMatch> {
    if !p.required.iter().all(|(w, pl)| a.present.contains(w) || a.present.contains(pl)) {
        return None;
    }
    let mut m = PatternMatch::default();
    let right = right_limit(a, v.end);
    let mut left = left_limit(a, v.start);
    if p.scoped {
        // Modern patterns look back no further than the verb's subject.
        if let Some(at) = subject_at.filter(|&at| at < v.start) {
            left = left.max(at);
        }
    }
    // After the verb, left to right.
    let mut pos = v.end;
    let mut adjacent = false;
    let mut link: Option<Elem> = None;
    // Modern patterns stay in the verb's clause: not across "that", a subordinate clause or a
    // comma ("allowed that Mordor isn't the neatest place" is not "allowed the neatest place").
    let right = if p.scoped { clause_end(a, v.end, right) } else { right };
    for e in &p.after {
        // Within a noun phrase only modifiers (or, in a prepositional phrase, determiners) may
        // stand between two pattern words.
        let right = match link.take() {
            Some(Elem::SamePhrase) => phrase_end(a, pos, right, false),
            Some(Elem::SameTightPhrase) => phrase_end(a, pos, right, true),
            _ => right,
        };
        match *e {
            Elem::Adjacent => {
                adjacent = true;
                continue;
            }
            Elem::SamePhrase | Elem::SameTightPhrase => {
                link = Some(*e);
                continue;
            }
            Elem::Compound => {
                // `* WITH %`: a compound stands here as the target.
                let mut found = None;
                pos = seek(pos, right, adjacent, |i| {
                    let g = a.group_starting_at(i).filter(|&g| a.groups[g].is_compound())?;
                    found = Some(g);
                    Some(a.groups[g].end - i)
                })?;
                m.target = found;
            }
            Elem::Word(w, pl) => {
                let mut at = pos;
                pos = seek(pos, right, adjacent, |i| (a.ids[i] == w || a.ids[i] == pl).then(|| { at = i; 1 }))?;
                m.described.push(at..pos);
            }
            Elem::Synset(s) => {
                let mut at = pos;
                pos = seek(pos, right, adjacent, |i| dicts.synset_at(s, &a.ids[i..right]).inspect(|_| at = i))?;
                m.described.push(at..pos);
            }
            Elem::Target | Elem::Source => {
                let mut found = None;
                pos = seek(pos, right, adjacent, |i| {
                    let g = a.group_starting_at(i)?;
                    found = Some(g);
                    Some(a.groups[g].end - i)
                })?;
                if *e == Elem::Target { m.target = found } else { m.source = found }
            }
            Elem::Skip => {
                // One noun phrase: a mention with its determiners ("at the Gondor"), else a word.
                let mut at = pos;
                while at < right && is_determiner(a.norm(at)) && a.group_starting_at(at).is_none() {
                    at += 1;
                }
                pos = match a.group_starting_at(at) {
                    Some(g) => a.groups[g].end,
                    None if pos < right => pos + 1,
                    None => return None,
                };
            }
        }
        adjacent = false;
    }
    // Before the verb, right to left.
    let mut pos = v.start; // exclusive upper bound
    let mut adjacent = false;
    for e in p.before.iter().rev() {
        match *e {
            Elem::Adjacent | Elem::SamePhrase | Elem::SameTightPhrase => {
                adjacent = true;
                continue;
            }
            Elem::Compound => {
                if !subject.is_some_and(Group::is_compound) {
                    return None;
                }
                m.compound = true;
            }
            Elem::Word(w, pl) => {
                pos = seek_back(pos, left, adjacent, |i| (a.ids[i] == w || a.ids[i] == pl).then_some(i))?;
                m.consumed.push(pos);
            }
            Elem::Synset(s) => {
                let end = pos;
                pos = seek_back(pos, left, adjacent, |i| {
                    // a synset member ending at i
                    (left..=i).rev().find(|&st| dicts.synset_at(s, &a.ids[st..=i]) == Some(i + 1 - st))
                })?;
                let member_end = (pos..end).find(|&i| dicts.synset_at(s, &a.ids[pos..=i]) == Some(i + 1 - pos)).unwrap_or(pos);
                m.consumed.extend(pos..=member_end);
            }
            Elem::Target | Elem::Source => {
                let mut found = None;
                pos = seek_back(pos, left, adjacent, |i| {
                    let g = a.group_of[i].filter(|&g| a.groups[g].end == i + 1)?;
                    found = Some(g);
                    Some(a.groups[g].start)
                })?;
                if *e == Elem::Target {
                    m.target = found;
                    m.target_before = true;
                } else {
                    m.source = found
                }
            }
            Elem::Skip => {
                if pos == 0 || pos <= left {
                    return None;
                }
                pos = match a.group_of[pos - 1] {
                    Some(g) => a.groups[g].start,
                    None => pos - 1,
                };
            }
        }
        adjacent = false;
    }
    m.leftmost = pos;
    Some(m)
}

/// Where the noun phrase continuing at `pos` ends: at the first preposition, verb,
/// punctuation or clause word.
fn phrase_end(a: &Analysis, pos: usize, limit: usize, tight: bool) -> usize {
    (pos..limit)
        .find(|&i| {
            let w = a.norm(i);
            let t = &a.tokens()[i];
            let modifier_ok = if tight { is_determiner(w) || t.kind == dyad_text::TokenKind::Number } else { t.is_word() && !is_preposition(w) && !is_aux(w) && !is_coordinator(w) && !is_subordinator(w) && w != "THAT" && a.verb_at(i).is_none_or(|v| a.verbs[v].light) };
            !modifier_ok
        })
        .map_or(limit, |i| i + 1)
}

/// The end of the verb's own clause, for scoped patterns.
fn clause_end(a: &Analysis, from: usize, limit: usize) -> usize {
    (from..limit).find(|&i| matches!(a.norm(i), "THAT" | "," | "WHETHER") || is_subordinator(a.norm(i))).unwrap_or(limit)
}

/// Find the first position in `pos..limit` where `hit` matches (only `pos` itself when
/// `adjacent`); returns the position after the match.
fn seek(pos: usize, limit: usize, adjacent: bool, mut hit: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
    let end = if adjacent { (pos + 1).min(limit) } else { limit };
    (pos..end).find_map(|i| hit(i).map(|n| i + n))
}

/// Find, scanning left from `pos - 1` down to `limit`, a match ending there; returns its start.
fn seek_back(pos: usize, limit: usize, adjacent: bool, mut hit: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
    if pos <= limit {
        return None;
    }
    let lowest = if adjacent { pos - 1 } else { limit };
    (lowest..pos).rev().find_map(&mut hit)
}

/// Choose the code and actors for one verb and push its events.
/// Returns whether the verb carried an event code (whatever its actors).
fn code_verb(dicts: &Dictionaries, a: &Analysis, vi: usize, subject: Option<Subject>, opts: &Options, events: &mut Vec<Event>, mut trace: Option<&mut String>) -> bool {
    let v = &a.verbs[vi];
    let subject_group = subject.as_ref().map(|s| s.resolve(a).clone());
    let subject_at = subject.as_ref().map(|s| s.at);
    // Best pattern across the blocks this form belongs to.
    let mut best: Option<(&CompiledPattern, PatternMatch, u32)> = None;
    for h in &v.hits {
        for p in &dicts.block(h.block).patterns {
            if best.as_ref().is_some_and(|(b, _, _)| b.weight >= p.weight) {
                break;
            }
            if !is_event_code(&p.code.primary) && p.code.primary != "---" {
                continue; // PETRARCH's `+++`/`###` markers: not codes
            }
            if let Some(m) = match_pattern(dicts, a, v, p, subject_group.as_ref(), subject_at) {
                best = Some((p, m, h.block));
                break;
            }
        }
    }
    let (mut code, mut rule, mut m) = match &best {
        Some((p, m, _)) => (p.code.clone(), format!("{}: {} [{}]", phrase_text(a.sentence, v.start, v.end).to_lowercase(), p.text, p.origin), m.clone()),
        None => match v.hits.first() {
            Some(h) => {
                let b = dicts.block(h.block);
                (h.own_code.clone().unwrap_or_else(|| b.code.clone()), format!("{} [{}]", phrase_text(a.sentence, v.start, v.end).to_lowercase(), b.origin), PatternMatch::default())
            }
            None => (EventCode { primary: "---".into(), reverse: None }, String::new(), PatternMatch::default()),
        },
    };
    let mut event_span = (v.start, v.end);
    // A light verb takes its event from the noun it governs: "made a state visit to Moscow".
    if v.light && (best.is_none() || code.is_null()) {
        if let Some((ns, ne, hit)) = find_event_noun(dicts, a, v) {
            let b = dicts.block(hit.block);
            code = hit.own_code.clone().unwrap_or_else(|| b.code.clone());
            rule = format!("{} + {} [{}]", a.norm(v.start).to_lowercase(), phrase_text(a.sentence, ns, ne).to_lowercase(), b.origin);
            event_span = (ns, ne);
            m = PatternMatch::default();
            if let Some((p, pm)) = b.patterns.iter().find_map(|p| {
                let nv = VerbCand { start: ns, end: ne, hits: vec![], light: false };
                match_pattern(dicts, a, &nv, p, subject_group.as_ref(), subject_at).map(|pm| (p, pm))
            }) {
                code = p.code.clone();
                rule = format!("{} + {}: {} [{}]", a.norm(v.start).to_lowercase(), phrase_text(a.sentence, ns, ne).to_lowercase(), p.text, p.origin);
                m = pm;
            }
        }
    }
    if let Some(t) = trace.as_deref_mut() {
        let _ = writeln!(t, "  \"{}\": code {}{} by {}", phrase_text(a.sentence, v.start, v.end), code.primary, code.reverse.as_deref().map(|r| format!(":{r}")).unwrap_or_default(), if rule.is_empty() { "-" } else { &rule });
    }
    if code.is_null() && code.reverse.is_none() {
        return false;
    }

    let passive = is_passive(a, v);
    let mut source: Option<Group> = m.source.map(|g| a.groups[g].clone());
    let mut target: Option<Group> = m.target.map(|g| a.groups[g].clone());
    if passive && m.source.is_none() && m.target.is_none() {
        // "Eriador was opposed by Osgiliath": the subject is acted upon.
        target = subject_group.clone();
        source = find_by_agent(a, v).map(|g| a.groups[g].clone());
    } else {
        // "Arnor suggested Gondor should apply ..." under `SUGGESTED * APPLY`: when the pattern
        // spells out words before the verb and the subject stands after them, the event is
        // the act of the actor before those words.
        let spelled = m.consumed.iter().copied().min().filter(|&w| subject_at.is_some_and(|at| at > w));
        if source.is_none() && (m.target_before || spelled.is_some()) {
            let edge = spelled.map_or(m.leftmost, |w| w.min(m.leftmost));
            source = a.groups.iter().rev().find(|g| g.end <= edge && governing_preposition(a, g.start).is_none()).cloned();
        }
        if source.is_none() {
            source = subject_group.clone();
        }
        if target.is_none() {
            let obj_from = VerbCand { start: event_span.0, end: event_span.1.max(v.end), hits: vec![], light: false };
            target = find_object(a, &obj_from, passive, &m.described).map(|g| a.groups[g].clone());
        }
    }
    // "X did A, causing Y to react": X is the target of Y's reaction.
    if target.is_none() {
        target = causer(a, v, source.as_ref());
    }
    let aux = modality(a, v, source.as_ref(), &m.consumed);
    if let Some(t) = trace.as_deref_mut() {
        let show = |g: &Option<Group>| g.as_ref().map_or("-".to_string(), |g| g.units.iter().map(|u| u.code.as_str()).collect::<Vec<_>>().join("+"));
        let _ = writeln!(t, "    source {} target {}{}{}", show(&source), show(&target), if passive { " (passive)" } else { "" }, if aux.is_empty() { String::new() } else { format!(" aux {aux:?}") });
    }

    let mut push = |s: Option<&Unit>, t: Option<&Unit>, c: &str| {
        if c == "---" || c.is_empty() {
            return;
        }
        if opts.require_dyad && (s.is_none() || t.is_none()) {
            return;
        }
        if let (Some(s), Some(t)) = (s, t) {
            if s.code == t.code {
                return;
            }
        }
        let ev = Event {
            sentence_index: a.sentence.index,
            source: s.map(|u| actor_ref(a, u)),
            target: t.map(|u| actor_ref(a, u)),
            code: c.to_string(),
            aux: aux.clone(),
            rule: rule.clone(),
            verb_span: (a.tokens()[event_span.0].char_start, a.tokens()[event_span.1 - 1].char_end),
            issues: Vec::new(),
        };
        if !events.contains(&ev) {
            events.push(ev);
        }
    };
    // Without the dyad requirement, a subject or object no dictionary names is still reported
    // as an unnamed actor (code `---`) with its noun phrase: "Hundreds of workers stopped ...".
    let (mut bare_source, mut bare_target) = (None, None);
    if !opts.require_dyad {
        let cx = a.phrase_context();
        let subject_np = || bare_subject(a, v).map(|(s, e)| unnamed_unit(cx, s, e));
        if passive && target.is_none() && source.is_none() {
            bare_target = subject_np();
        } else {
            if source.is_none() && !passive {
                bare_source = subject_np();
            }
            if target.is_none() && !passive {
                bare_target = bare_object(a, event_span.1.max(v.end)).map(|(s, e)| unnamed_unit(cx, s, e));
            }
        }
    }
    let mut sources: Vec<&Unit> = source.as_ref().map(|g| g.units.iter().collect()).unwrap_or_default();
    let mut targets: Vec<&Unit> = target.as_ref().map(|g| g.units.iter().collect()).unwrap_or_default();
    sources.extend(bare_source.as_ref());
    targets.extend(bare_target.as_ref());
    if m.compound || (targets.is_empty() && sources.len() > 1) {
        // A compound subject acting together: each member towards each other.
        for s in &sources {
            for t in &sources {
                if !std::ptr::eq(*s, *t) {
                    push(Some(s), Some(t), &code.primary);
                }
            }
        }
        return true;
    }
    if sources.is_empty() {
        for t in &targets {
            push(None, Some(t), &code.primary);
        }
        return true;
    }
    for s in &sources {
        if targets.is_empty() {
            push(Some(s), None, &code.primary);
        }
        for t in &targets {
            if !code.is_null() {
                push(Some(s), Some(t), &code.primary);
            }
            if let Some(r) = &code.reverse {
                push(Some(t), Some(s), r);
            }
        }
    }
    true
}

/// The event noun governed by a light verb, within its verb phrase.
fn find_event_noun<'a>(dicts: &'a Dictionaries, a: &Analysis, v: &VerbCand) -> Option<(usize, usize, &'a dyad_dict::VerbHit)> {
    let limit = right_limit(a, v.end).min(v.end + 7);
    let mut i = v.end;
    while i < limit {
        if a.group_of[i].is_some() || is_preposition(a.norm(i)) && a.norm(i) != "OF" || a.norm(i) == "," {
            return None;
        }
        if let Some((n, hits)) = dicts.noun_at(&a.ids[i..]) {
            return Some((i, i + n, &hits[0]));
        }
        i += 1;
    }
    None
}

/// "Beijing and Moscow held patrols, the latter causing South Korea to deploy jets": the
/// subject of the clause that caused the verb's clause.
fn causer(a: &Analysis, v: &VerbCand, source: Option<&Group>) -> Option<Group> {
    let left = left_limit(a, v.start);
    let cause_at = (left..v.start).rev().find(|&i| is_causative(a.norm(i)))?;
    // The causing clause's subject: the first group of the sentence before the causative that
    // is not the reacting source.
    let g = a.groups.iter().find(|g| g.end <= cause_at && source.is_none_or(|s| s.start != g.start))?;
    Some(g.clone())
}

/// Negation, future and hypothetical marks from the words between subject and verb.
fn modality(a: &Analysis, v: &VerbCand, source: Option<&Group>, consumed: &[usize]) -> Vec<Aux> {
    // Only the verb's own clause counts: "sought to position itself ..., while offering" — the
    // seeking does not make the offering hypothetical.
    let left = (0..v.start).rev().find(|&i| is_hard_boundary(a.norm(i)) || is_subordinator(a.norm(i)) || a.norm(i) == "THAT").map_or(0, |i| i + 1);
    let from = source.filter(|g| g.end <= v.start && g.end >= left).map_or_else(|| v.start.saturating_sub(6).max(left), |g| g.end);
    let mut aux = Vec::new();
    let speech_before = (0..from).any(|i| matches!(a.norm(i), "SAID" | "SAYS" | "SAY" | "SAYING" | "ADDED" | "ANNOUNCED" | "TOLD" | "STATED"));
    for i in from..v.start {
        let w = a.norm(i);
        if consumed.contains(&i) {
            continue;
        }
        if is_negator(w) || is_negating_verb(w) {
            if !aux.contains(&Aux::Negation) {
                aux.push(Aux::Negation);
            }
        } else if w == "WOULD" && speech_before || is_future_marker(w) && (w != "ABOUT" || a.norm(i + 1) == "TO") && (w != "SET" || a.norm(i + 1) == "TO") {
            if !aux.contains(&Aux::Future) {
                aux.push(Aux::Future);
            }
        } else if is_hypothetical_marker(w) && !aux.contains(&Aux::Hypothetical) {
            aux.push(Aux::Hypothetical);
        }
    }
    aux
}

impl<'a> Analysis<'a> {
    /// What the noun-phrase rules need, made once per sentence when first asked for.
    fn phrase_context(&self) -> &PhraseContext<'a> {
        let sentence: &'a Sentence = self.sentence;
        let t = &sentence.tokens[..];
        self.phrases.get_or_init(|| {
            let mut verb_like: Vec<bool> = (0..t.len()).map(|i| self.dicts.verb_at(&self.ids[i..]).is_some()).collect();
            for v in &self.verbs {
                verb_like[v.start..v.end].iter_mut().for_each(|x| *x = true);
            }
            PhraseContext::new(&sentence.text, t, verb_like, &self.groups)
        })
    }
}

/// An actor no dictionary names: the noun phrase `start..end`, coded `---`.
fn unnamed_unit(cx: &PhraseContext, start: usize, end: usize) -> Unit {
    let (s, e) = noun_phrase(cx, start, end);
    Unit { start: s, end: e, code: NULL_ACTOR.to_string(), has_actor: false, base: NULL_ACTOR.to_string(), origin: "unnamed noun phrase".to_string() }
}

/// The code of an actor no dictionary names.
pub(crate) const NULL_ACTOR: &str = "---";

/// The head of an unnamed subject: the noun right before the verb (auxiliaries, negators and
/// adverbs between), when it is not part of a known actor, a pronoun or a clause word.
fn bare_subject(a: &Analysis, v: &VerbCand) -> Option<(usize, usize)> {
    let mut k = v.start;
    while k > 0 && (is_aux(a.norm(k - 1)) || is_negator(a.norm(k - 1)) || is_skippable_adverb(a.norm(k - 1))) {
        k -= 1;
    }
    let head = k.checked_sub(1)?;
    let cx = a.phrase_context();
    (crate::phrase::is_nounlike(cx, head) && a.group_of[head].is_none()).then_some((head, head + 1))
}

/// The head of an unnamed object: the last noun of the noun phrase right after the verb
/// (determiners, quantities and modifiers first).
fn bare_object(a: &Analysis, from: usize) -> Option<(usize, usize)> {
    let cx = a.phrase_context();
    let limit = right_limit(a, from).min(from + 6);
    let mut i = from;
    while i < limit && crate::phrase::is_np_opener(cx, i) {
        i += 1;
    }
    let mut head = None;
    while i < limit && crate::phrase::is_nounlike(cx, i) && a.group_of[i].is_none() {
        head = Some(i);
        i += 1;
    }
    // A known actor right after the modifiers is the object, not an unnamed one.
    if a.group_of.get(i).copied().flatten().is_some() {
        return None;
    }
    head.map(|h| (h, h + 1))
}

fn actor_ref<'a>(a: &Analysis<'a>, u: &Unit) -> ActorRef {
    let sentence: &'a Sentence = a.sentence;
    let t = &sentence.tokens[..];
    let phrases = a.phrase_context();
    let (ps, pe) = noun_phrase(phrases, u.start, u.end);
    ActorRef {
        code: u.code.clone(),
        text: phrase_text(a.sentence, u.start, u.end),
        span: (t[u.start].char_start, t[u.end - 1].char_end),
        phrase_span: (t[ps].char_start, t[pe - 1].char_end),
    }
}

fn phrase_text(s: &Sentence, start: usize, end: usize) -> String {
    let t = &s.tokens;
    if start >= end || end > t.len() {
        return String::new();
    }
    s.text[t[start].start..t[end - 1].end].to_string()
}

/// CAMEO-like event codes: digits, optionally with a letter suffix (`174K`).
fn is_event_code(c: &str) -> bool {
    c.chars().next().is_some_and(|ch| ch.is_ascii_digit()) && c.chars().all(|ch| ch.is_ascii_alphanumeric())
}
