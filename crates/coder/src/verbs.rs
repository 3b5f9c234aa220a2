//! Verb candidates: dictionary verb forms used as verbs, and light verbs ("made", "held") whose
//! event is the noun they govern.

use crate::lexicon::*;
use dyad_dict::{Dictionaries, VerbHit};
use dyad_text::Token;

#[derive(Debug, Clone)]
pub struct VerbCand {
    pub start: usize,
    pub end: usize,
    /// Dictionary blocks this form belongs to (empty for a light verb not in the dictionary).
    pub hits: Vec<VerbHit>,
    pub light: bool,
}

/// Find verbs, skipping tokens inside actor mentions and nouns that look like verbs.
pub fn find_verbs(dicts: &Dictionaries, ids: &[u32], tokens: &[Token], in_mention: &[bool]) -> Vec<VerbCand> {
    let norm = |i: usize| tokens[i].norm.as_str();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        if in_mention[i] || !tokens[i].is_word() {
            i += 1;
            continue;
        }
        let prev = if i > 0 { norm(i - 1) } else { "" };
        // "an attack", "their meeting", "of talks": a noun, not a verb. "to" + base form stays a verb.
        // A gerund after a preposition is still a verb: "stopped short of sending arms".
        let gerund = norm(i).ends_with("ING") && matches!(prev, "OF" | "FOR" | "BY" | "WITHOUT" | "AFTER" | "BEFORE" | "FROM" | "ON" | "IN");
        // "joint sea and air patrols": a bare form coordinated with a noun is a noun too.
        let coordinated_noun = matches!(prev, "AND" | "OR")
            && i >= 2
            && tokens[i - 2].is_word()
            && !in_mention[i - 2]
            && !is_aux(&tokens[i - 2].norm)
            && !is_skippable_adverb(&tokens[i - 2].norm)
            && dicts.verb_at(&ids[i - 2..]).is_none()
            && !is_light_verb(&tokens[i - 2].norm)
            && !["ED", "ING", "S"].iter().any(|s| norm(i).ends_with(s));
        // After a preposition a bare form is a noun: "in exchange for", "under control".
        let after_preposition = matches!(prev, "IN" | "AT" | "ON" | "UNDER" | "WITH" | "WITHOUT" | "AMID" | "DURING" | "AFTER" | "BEFORE" | "OVER" | "INTO" | "FROM" | "BY" | "AGAINST" | "BETWEEN" | "THROUGH");
        // A modifier that ends an actor's name ("the U.S. military gives", "Lithuania first
        // opened") closes that name; only a determiner or possessive there makes a noun.
        // But after a verb of its own clause the phrase is that verb's object, and the word is
        // its head noun ("condemned the military attack").
        let prev_in_mention = i > 0 && in_mention[i - 1];
        let forced = if prev_in_mention {
            is_determiner(prev) || (forces_noun(prev) && object_of_earlier_verb(tokens, in_mention, &out, i - 1))
        } else {
            forces_noun(prev)
        };
        let nounish = !gerund && (coordinated_noun || after_preposition || forced);
        // "has appealed", "is about to", "did not clash": auxiliaries are not events themselves.
        if is_aux(norm(i)) && governs_verb(dicts, ids, tokens, i) {
            i += 1;
            continue;
        }
        // "stopped short of sending", "fell short of": a negation of what follows, not a verb.
        if tokens.get(i + 1).is_some_and(|t| t.norm == "SHORT") && tokens.get(i + 2).is_some_and(|t| t.norm == "OF") {
            i += 3;
            continue;
        }
        let hit = dicts.verb_at(&ids[i..]);
        match hit {
            Some((n, hits)) if !nounish => {
                let light = is_light_verb(norm(i));
                out.push(VerbCand { start: i, end: i + n, hits: hits.to_vec(), light });
                i += n;
            }
            _ if !nounish && is_light_verb(norm(i)) => {
                out.push(VerbCand { start: i, end: i + 1, hits: Vec::new(), light: true });
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether the mention ending at `last` stands after a verb of its own clause (no comma, clause
/// word or hard boundary between), as that verb's object.
fn object_of_earlier_verb(tokens: &[Token], in_mention: &[bool], found: &[VerbCand], last: usize) -> bool {
    let mut start = last;
    while start > 0 && in_mention[start - 1] {
        start -= 1;
    }
    let Some(v) = found.last().filter(|v| v.end <= start) else { return false };
    !(v.end..start).any(|k| {
        let w = tokens[k].norm.as_str();
        w == "," || w == "THAT" || is_hard_boundary(w) || is_subordinator(w) || is_coordinator(w)
    })
}

/// Whether the auxiliary at `i` is followed (past adverbs and negation) by a verb form.
fn governs_verb(dicts: &Dictionaries, ids: &[u32], tokens: &[Token], i: usize) -> bool {
    let mut k = i + 1;
    while k < tokens.len() && (is_skippable_adverb(&tokens[k].norm) || is_aux(&tokens[k].norm)) && tokens[k].norm != "TO" {
        k += 1;
    }
    let Some(t) = tokens.get(k) else { return false };
    let w = t.norm.as_str();
    dicts.verb_at(&ids[k..]).is_some() || is_light_verb(w) || w.ends_with("ED") || w.ends_with("ING") || w.ends_with("EN") || is_irregular_participle(w) || w == "ABOUT" || w == "TO"
}
