//! The noun phrase an actor mention heads: what a reader would underline as "who".
//!
//! A mention is the dictionary match ("Swiss court", "President Donald Trump"); its phrase adds
//! the words of the same noun phrase around it: determiners and quantities ("a Swiss court",
//! "at least 75 displaced people"), modifiers before it ("another ethnic Chechen"), the head
//! noun after an adjective ("Croatian experts"), a possessed head ("Trump's decision"), an
//! acronym in brackets ("Nigerian Air Force (NAF)"), an `of` phrase holding another actor
//! ("President Erdogan of Turkey") and an appositive naming the same actor ("his Lebanese
//! counterpart, Michel Aoun"). Prepositional phrases of place and time are left out: where
//! they attach is not knowable without a parser.

use crate::lexicon::*;
use crate::mentions::{is_capitalised, Group};
use dyad_text::Token;

/// What the phrase finder needs to know about a sentence.
pub struct PhraseContext<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Per token: a verb of the sentence, or a word the verb dictionary knows as a verb form.
    pub verb_like: Vec<bool>,
    /// Per token: the actor unit covering it.
    pub unit_at: UnitIndex,
}

impl<'a> PhraseContext<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], verb_like: Vec<bool>, groups: &[Group]) -> PhraseContext<'a> {
        PhraseContext { text, tokens, verb_like, unit_at: UnitIndex::new(tokens.len(), groups) }
    }
}

/// Per token, the actor unit covering it: (start, end, code).
pub struct UnitIndex {
    units: Vec<(usize, usize, String)>,
    at: Vec<Option<u32>>,
}

impl UnitIndex {
    fn new(n_tokens: usize, groups: &[Group]) -> UnitIndex {
        let mut at = vec![None; n_tokens];
        let mut units = Vec::new();
        for u in groups.iter().flat_map(|g| &g.units) {
            for slot in at.iter_mut().take(u.end).skip(u.start) {
                *slot = Some(units.len() as u32);
            }
            units.push((u.start, u.end, u.code.clone()));
        }
        UnitIndex { units, at }
    }

    fn at(&self, i: usize) -> Option<(usize, usize, &str)> {
        let k = self.at.get(i).copied().flatten()? as usize;
        let (s, e, c) = &self.units[k];
        Some((*s, *e, c.as_str()))
    }
}

/// Token range `[start, end)` of the noun phrase around the mention `[start, end)`.
pub fn noun_phrase(cx: &PhraseContext, start: usize, end: usize) -> (usize, usize) {
    let s = left_edge(cx, start);
    let e = right_edge(cx, start, end, 1);
    (s, e)
}

fn norm<'a>(cx: &'a PhraseContext, i: usize) -> &'a str {
    cx.tokens.get(i).map_or("", |t| t.norm.as_str())
}

/// Determiners that open a noun phrase (not the possessive `'s`, which closes one).
fn is_phrase_determiner(w: &str) -> bool {
    (is_determiner(w) && !matches!(w, "'S" | "'"))
        || matches!(w, "ALL" | "SEVERAL" | "MANY" | "FEW" | "VARIOUS" | "NUMEROUS" | "OTHER" | "SUCH" | "HALF")
}

/// A quantity: digits (`75`, `1,500`; not a year such as `2017`) or a number word.
fn is_number(w: &str) -> bool {
    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit());
    (!year && w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
        || matches!(
            w,
            "ONE" | "TWO" | "THREE" | "FOUR" | "FIVE" | "SIX" | "SEVEN" | "EIGHT" | "NINE" | "TEN" | "ELEVEN" | "TWELVE" | "THIRTEEN" | "FOURTEEN" | "FIFTEEN"
                | "SIXTEEN" | "SEVENTEEN" | "EIGHTEEN" | "NINETEEN" | "TWENTY" | "THIRTY" | "FORTY" | "FIFTY" | "SIXTY" | "SEVENTY" | "EIGHTY" | "NINETY"
                | "HUNDRED" | "THOUSAND" | "MILLION" | "BILLION" | "DOZEN"
        )
}

/// Words that qualify a number from the left: "at least 75", "more than 500", "some 300".
fn number_qualifier(cx: &PhraseContext, i: usize) -> usize {
    let w = norm(cx, i);
    let prev = if i > 0 { norm(cx, i - 1) } else { "" };
    match (prev, w) {
        ("AT", "LEAST" | "MOST") | ("MORE" | "LESS" | "FEWER" | "RATHER", "THAN") | ("UP", "TO") | ("AS", "MANY") => 2,
        (_, "SOME" | "ABOUT" | "AROUND" | "NEARLY" | "ALMOST" | "OVER" | "APPROXIMATELY" | "ROUGHLY" | "ONLY" | "JUST" | "ESTIMATED" | "UNDER") => 1,
        _ => 0,
    }
}

/// Nouns of quantity before `of`: "dozens of", "a number of", "hundreds of".
fn is_quantity_noun(w: &str) -> bool {
    matches!(w, "DOZENS" | "HUNDREDS" | "THOUSANDS" | "MILLIONS" | "SCORES" | "TENS" | "NUMBER" | "GROUP" | "HANDFUL" | "MAJORITY" | "MEMBERS" | "MEMBER")
}

/// A word that cannot be inside a noun phrase next to the mention.
fn is_closed(w: &str) -> bool {
    is_aux(w)
        || is_negator(w)
        || is_coordinator(w)
        || is_subordinator(w)
        || is_hard_boundary(w)
        || is_skippable_adverb(w)
        || is_weekday_or_month(w)
        || pronoun_kind(w).is_some()
        || matches!(
            w,
            "OF" | "IN" | "AT" | "ON" | "WITH" | "TO" | "FOR" | "BY" | "FROM" | "NEAR" | "AGAINST" | "ABOUT" | "OVER" | "UNDER" | "INTO" | "TOWARD" | "TOWARDS"
                | "BETWEEN" | "AMONG" | "DURING" | "AFTER" | "BEFORE" | "THROUGH" | "ACROSS" | "WITHIN" | "VIA" | "AMID" | "DESPITE" | "LIKE" | "THAT" | "THAN"
                | "WE" | "I" | "YOU" | "HIM" | "THEM" | "US" | "ME" | "THIS" | "THERE" | "HERE" | "WHAT" | "ACCORDING" | "SAID" | "SAYS" | "SAY" | "TOLD"
                | "AGO" | "LAST" | "NEXT" | "LATTER" | "VERY" | "DUE" | "LATE" | "ALONE" | "RESPONSIBLE" | "ABROAD" | "HOME" | "TONIGHT" | "TODAY" | "YESTERDAY" | "TOMORROW" | "MEANWHILE" | "HOWEVER" | "THUS" | "ALSO"
        )
}

/// A content word that may sit in the noun phrase: a word, not closed-class, not a verb, not
/// part of another mention.
fn is_open(cx: &PhraseContext, i: usize) -> bool {
    let Some(t) = cx.tokens.get(i) else { return false };
    t.is_word() && !cx.verb_like[i] && !is_closed(&t.norm) && cx.unit_at.at(i).is_none() && !is_phrase_determiner(&t.norm) && !is_number(&t.norm)
}

/// A word that can head or modify an unnamed noun phrase: open-class, not a verb, not in a
/// known actor, not a number.
pub(crate) fn is_nounlike(cx: &PhraseContext, i: usize) -> bool {
    is_open(cx, i) && !norm(cx, i).ends_with("ING")
}

/// A word that opens a noun phrase: a determiner or a quantity.
pub(crate) fn is_np_opener(cx: &PhraseContext, i: usize) -> bool {
    let qualifies = |j: usize| (j == i + 1 || j == i + 2) && is_number(norm(cx, j)) && number_qualifier(cx, j - 1) >= j - i;
    is_phrase_determiner(norm(cx, i)) || is_number(norm(cx, i)) || qualifies(i + 1) || qualifies(i + 2)
}

fn is_capitalised_at(cx: &PhraseContext, i: usize) -> bool {
    cx.tokens.get(i).is_some_and(|t| is_capitalised(cx.text, t))
}

/// Extend left over modifiers, quantities and a determiner. Lower-case modifiers count only
/// when a determiner or quantity stands before them ("another ethnic Chechen"); capitalised
/// ones ("Rohingya Muslim insurgents") count on their own.
fn left_edge(cx: &PhraseContext, start: usize) -> usize {
    let mut s = start;
    let mut committed = start;
    let mut open_run = 0;
    while s > 0 {
        let w = norm(cx, s - 1);
        if is_phrase_determiner(w) {
            s -= 1;
            committed = s;
            open_run = 0;
            continue;
        }
        if is_number(w) {
            s -= 1;
            s -= number_qualifier(cx, s.wrapping_sub(1)).min(s);
            committed = s;
            open_run = 0;
            continue;
        }
        if w == "OF" && s >= 2 && is_quantity_noun(norm(cx, s - 2)) {
            s -= 2;
            committed = s;
            open_run = 0;
            continue;
        }
        // A participle in -ing modifies ("the fleeing civilians") only right after a
        // determiner or quantity; otherwise it is a verb taking the mention as its object
        // ("causing South Korea to deploy").
        let gerund_verb = w.ends_with("ING") && s >= 2 && !(is_phrase_determiner(norm(cx, s - 2)) || is_number(norm(cx, s - 2)));
        if is_open(cx, s - 1) && open_run < 3 && !gerund_verb && !is_causative(w) {
            s -= 1;
            open_run += 1;
            // A capitalised modifier is part of the name-like phrase; a sentence-initial word
            // followed by a comma ("Meanwhile,") never gets here (closed or punctuation).
            if is_capitalised_at(cx, s) && open_run == 1 && s + 1 == committed {
                committed = s;
                open_run = 0;
            }
            continue;
        }
        break;
    }
    committed
}

/// Extend right over a head noun or a possessed head, then an acronym in brackets, an `of`
/// phrase holding another actor, and an appositive naming the same actor. `depth` bounds the
/// recursion through `of` phrases and appositives.
fn right_edge(cx: &PhraseContext, start: usize, end: usize, depth: u8) -> usize {
    let n = cx.tokens.len();
    let mut e = end;
    if matches!(norm(cx, e), "'S" | "'") {
        let run = (e + 1..n).take_while(|&j| is_open(cx, j)).take(3).count();
        if run > 0 {
            e += 1 + run;
        }
    } else {
        // After a mention, participles ("Japan decided", "forces based in") and words that take
        // an object or a preposition of their own ("Haiti cope with") are verbs, not heads.
        let nounlike = |j: usize| {
            let w = norm(cx, j);
            let next = norm(cx, j + 1);
            is_open(cx, j)
                && !is_capitalised_at(cx, j)
                && !w.ends_with("ED")
                && !w.ends_with("ING")
                && !(is_phrase_determiner(next) || matches!(next, "TO" | "WITH") || cx.unit_at.at(j + 1).is_some())
        };
        let run = (e..n).take_while(|&j| nounlike(j)).take(2).count();
        // A head noun closes the phrase; one followed by `'s` is the possessor of something
        // else ("Israeli army's statement" keeps the possessed part out of this rule).
        if run > 0 && !matches!(norm(cx, e + run), "'S" | "'") {
            e += run;
        }
    }
    // "Nigerian Air Force (NAF)"
    if norm(cx, e) == "(" && norm(cx, e + 2) == ")" && cx.tokens.get(e + 1).is_some_and(|t| cx.text[t.start..t.end].chars().all(|c| c.is_uppercase() || c == '-')) {
        e += 3;
    }
    if depth == 0 {
        return e;
    }
    // "President Erdogan of Turkey", "an arms depot of the Syrian army"
    if norm(cx, e) == "OF" {
        let mut k = e + 1;
        while k < n && (is_phrase_determiner(norm(cx, k)) || is_open(cx, k)) && k < e + 4 {
            k += 1;
        }
        if let Some((_, ue, _)) = cx.unit_at.at(k).filter(|u| u.0 == k) {
            e = right_edge(cx, k, ue, depth - 1);
        }
    }
    // "his Lebanese counterpart, Michel Aoun" — the same actor named twice.
    if norm(cx, e) == "," {
        let own = cx.unit_at.at(start).map(|u| u.2);
        if let (Some(own), Some((us, ue, code))) = (own, cx.unit_at.at(e + 1)) {
            if us == e + 1 && code == own {
                e = right_edge(cx, us, ue, 0);
            }
        }
    }
    e
}
