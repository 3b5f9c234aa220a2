//! Actor mentions: dictionary pieces (actors, agents) grouped into noun-phrase units, units
//! combined into compounds. A unit's code composes its actor and agent codes: "Chinese Foreign
//! Ministry" → CHN + ~GOV → CHNGOV; "soldiers from Gondor" → GONMIL; "MSF Arnor diplomat" →
//! NGO~ + ARN + ~GOV → NGOARNGOV.

use crate::lexicon::*;
use dyad_dict::{AgentPlacement, Dictionaries};
use dyad_text::{Date, Token};

/// A dictionary hit in the sentence.
#[derive(Debug, Clone)]
pub enum PieceKind {
    /// An actor with its date-resolved code; `person` when the name is a specific individual's
    /// (a multi-word name whose code carries a role), which outranks composed codes.
    Actor { code: String, specific: bool },
    Agent { code: String, placement: AgentPlacement },
}

#[derive(Debug, Clone)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: PieceKind,
    pub origin: String,
}

/// One actor of a noun phrase, with its composed code.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    pub code: String,
    /// True when the code names an actor (not just `---` + agent).
    pub has_actor: bool,
    /// The code without its last role agent ("DNKMUS" for "Danish Islamist media"), which a
    /// compound partner lacking a country inherits.
    pub base: String,
    pub origin: String,
}

/// A compound of units ("Beijing and Moscow"); most groups hold one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub start: usize,
    pub end: usize,
    pub units: Vec<Unit>,
}

impl Group {
    pub fn is_compound(&self) -> bool {
        self.units.len() > 1
    }
}

/// Find dictionary pieces: at each position the longest actor or agent name.
pub fn find_pieces(dicts: &Dictionaries, ids: &[u32], text: &str, tokens: &[Token], date: Option<Date>, extra: &[(String, String)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let actor = dicts.actor_at(&ids[i..]).and_then(|(n, info)| info.code_for(date).map(|c| (n, c.to_string(), info)));
        let agent = dicts.agent_at(&ids[i..]);
        let alen = actor.as_ref().map_or(0, |a| a.0);
        let glen = agent.map_or(0, |a| a.0);
        // After an actor ("Russia's security council", "Chinese Foreign Ministry") a name that
        // is both an actor and an agent is read as the agent.
        let after_actor = out.last().is_some_and(|p: &Piece| matches!(p.kind, PieceKind::Actor { .. }) && (p.end == i || p.end + 1 == i && tokens[p.end].norm == "'S"));
        let prefer_actor = alen > glen || alen == glen && !after_actor;
        if alen > 0 && prefer_actor {
            let (n, code, info) = actor.expect("alen > 0");
            let specific = code.len() > 3 && n >= 2;
            out.push(Piece { start: i, end: i + n, kind: PieceKind::Actor { code, specific }, origin: info.origin.clone() });
            i += n;
        } else if glen > 0 {
            let (n, info) = agent.expect("glen > 0");
            out.push(Piece { start: i, end: i + n, kind: PieceKind::Agent { code: info.code.clone(), placement: info.placement }, origin: info.origin.clone() });
            i += n;
        } else {
            // Article-level memory: a surname seen earlier in a full name ("Wang" after "Wang Yi").
            let norm = &tokens[i].norm;
            if let Some((_, code)) = extra.iter().find(|(w, _)| w == norm) {
                if is_capitalised(text, &tokens[i]) {
                    out.push(Piece { start: i, end: i + 1, kind: PieceKind::Actor { code: code.clone(), specific: code.len() > 3 }, origin: "coreference".into() });
                }
            }
            i += 1;
        }
    }
    out
}

/// Whether a token starts with a capital letter in the original text (names, titles).
pub fn is_capitalised(text: &str, t: &Token) -> bool {
    text[t.start..t.end].chars().next().is_some_and(|c| c.is_uppercase())
}

/// Modifiers allowed inside a noun phrase between its dictionary pieces.
fn is_np_modifier(w: &str) -> bool {
    matches!(
        w,
        "FIRST" | "DEPUTY" | "VICE" | "SENIOR" | "TOP" | "MAIN" | "NEW" | "CHIEF" | "LEADING" | "ACTING" | "INTERIM" | "OUTGOING" | "INCOMING" | "FORMER" | "LARGEST" | "HEAD"
            | "ASSISTANT" | "SPECIAL" | "PRIME" | "HIGH" | "LOCAL" | "REGIONAL" | "NATIONAL" | "FEDERAL" | "STATE" | "CENTRAL" | "MILITARY" | "ARMED" | "OPPOSITION" | "RULING"
            | "GENERAL" | "SO-CALLED" | "EVIL" | "AWFUL" | "GOOD" | "COOL" | "OLD" | "YOUNG" | "BIGGEST" | "ISLAMIST" | "SECURITY" | "OFFICIAL" | "INDEPENDENT" | "POWERFUL" | "INFLUENTIAL"
            | "TOUGH" | "STRONGMAN" | "STAUNCH" | "CLOSE"
    )
}

/// Group pieces into units and units into compounds.
/// `event_noun_at(i)`: whether an event noun (not also a verb) starts at token `i`.
pub fn find_groups(pieces: &[Piece], text: &str, tokens: &[Token], event_noun_at: &dyn Fn(usize) -> bool) -> Vec<Group> {
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    // 1. Units: runs of pieces joined by nothing, `'s`, modifiers, or capitalised names.
    let mut raw: Vec<(usize, usize, Vec<&Piece>)> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let mut members = vec![&pieces[k]];
        let start = pieces[k].start;
        let mut end = pieces[k].end;
        let mut j = k + 1;
        while j < pieces.len() {
            let gap = end..pieces[j].start;
            // "Ithilen's awful and evil minister": lower-case adjectives joined by "and" stay
            // inside one noun phrase; "Russia and China" stays a compound.
            let lower_word = |g: usize| g >= end && g < pieces[j].start && tokens[g].is_word() && !is_capitalised(text, &tokens[g]) && !is_function_word(norm(g));
            let joinable = gap.clone().all(|g| {
                let w = norm(g);
                w == "'S" || w == "'" || is_np_modifier(w) || (is_capitalised(text, &tokens[g]) && !is_determiner(w) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.'))
                    || w == "AND" && g > 0 && lower_word(g - 1) && lower_word(g + 1)
                    || lower_word(g) && gap.clone().any(|k| norm(k) == "'S") && (g + 1..pieces[j].start).all(|k| norm(k) != "AND" || lower_word(k + 1))
            }) && gap.len() <= 4;
            if !joinable {
                break;
            }
            members.push(&pieces[j]);
            end = pieces[j].end;
            j += 1;
        }
        // A trailing capitalised name after an agent belongs to it: "Prime Minister Falastur".
        let last_is_agent = matches!(members.last().map(|p| &p.kind), Some(PieceKind::Agent { .. }));
        if last_is_agent {
            while end < tokens.len() && is_capitalised(text, &tokens[end]) && tokens[end].is_word() && !is_function_word(norm(end)) && (j >= pieces.len() || pieces[j].start > end) {
                end += 1;
            }
        }
        raw.push((start, end, members));
        k = j;
    }

    // 2. Compose codes; attach "agent of/in/from ACTOR(S)" post-modifiers.
    // An agent word used as a modifier of an event noun ("military cooperation", "police
    // presence") is not an actor.
    let units: Vec<Unit> = raw.iter().map(|(s, e, m)| compose(*s, *e, m)).filter(|u| u.has_actor || !event_noun_at(u.end)).collect();

    // 3. Compounds: units separated by `,` `and` `or` `nor` (with optional determiners). A list
    // joined by commas alone is no compound: "in Gaza, health officials said" is two phrases.
    let mut groups: Vec<Group> = Vec::new();
    let mut has_conjunction: Vec<bool> = Vec::new();
    for u in units {
        if let Some(last) = groups.last_mut() {
            let gap: Vec<&str> = (last.end..u.start).map(norm).collect();
            if is_conjunction_gap(&gap) {
                let conj = gap.iter().any(|w| matches!(*w, "AND" | "OR" | "NOR" | "&"));
                *has_conjunction.last_mut().expect("one flag per group") |= conj;
                last.end = u.end;
                last.units.push(u);
                continue;
            }
        }
        groups.push(Group { start: u.start, end: u.end, units: vec![u] });
        has_conjunction.push(false);
    }
    let groups: Vec<Group> = groups
        .into_iter()
        .zip(has_conjunction)
        .flat_map(|(g, conj)| if conj || g.units.len() == 1 { vec![g] } else { g.units.into_iter().map(|u| Group { start: u.start, end: u.end, units: vec![u] }).collect() })
        .collect();
    let mut groups = groups;
    distribute_agents(&mut groups, tokens);
    groups
}

fn is_function_word(w: &str) -> bool {
    is_determiner(w) || is_aux(w) || is_coordinator(w) || matches!(w, "OF" | "IN" | "ON" | "AT" | "TO" | "FOR" | "WITH" | "BY" | "FROM" | "THAT" | "SAID" | "SAYS")
}

/// Whether the tokens between two units join them into a compound.
fn is_conjunction_gap(gap: &[&str]) -> bool {
    if gap.is_empty() {
        return false;
    }
    let mut saw_conj = false;
    for w in gap {
        match *w {
            "," => saw_conj = true,
            "AND" | "OR" | "NOR" | "&" => saw_conj = true,
            w if is_determiner(w) && w != "'S" => {}
            w if is_np_modifier(w) => {}
            _ => return false,
        }
    }
    saw_conj && gap.len() <= 5
}

/// Agents with no country inherit one: "Danish media and government" (from a compound
/// partner), "the ambassadors of Arnor, Osgiliath and Gondor" and "lawmakers in Fornost and
/// Gondor" (from a following `of`/`in`/`from` compound, one unit per actor).
fn distribute_agents(groups: &mut Vec<Group>, tokens: &[Token]) {
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    let mut gi = 0;
    while gi < groups.len() {
        let trailing_agent = groups[gi].units.last().is_some_and(|u| !u.has_actor);
        if trailing_agent && gi + 1 < groups.len() {
            let gap: Vec<usize> = (groups[gi].end..groups[gi + 1].start).collect();
            let attaches = !gap.is_empty() && gap.len() <= 2 && is_agent_preposition(norm(gap[0])) && gap[1..].iter().all(|&g| is_determiner(norm(g)));
            if attaches && groups[gi + 1].units.iter().all(|u| u.has_actor) {
                let actors = groups.remove(gi + 1);
                let g = &mut groups[gi];
                // Only the agents without a country take the attached actors:
                // "Ithilen and the government of Gondor" → ITH, GONGOV.
                let (agents, keep): (Vec<Unit>, Vec<Unit>) = std::mem::take(&mut g.units).into_iter().partition(|u| !u.has_actor);
                g.units = keep;
                for a in &actors.units {
                    for ag in &agents {
                        let code = with_actor(&ag.code, &a.code);
                        g.units.push(Unit { start: ag.start, end: a.end, code, has_actor: true, base: a.code.clone(), origin: a.origin.clone() });
                    }
                }
                g.end = actors.end;
                continue;
            }
        }
        // Within a compound: an agent-only unit takes the country of the unit before it.
        let units = &mut groups[gi].units;
        for k in 1..units.len() {
            if !units[k].has_actor && units[k - 1].has_actor {
                let base = units[k - 1].base.clone();
                units[k].code = with_actor(&units[k].code, &base);
                units[k].base = base;
                units[k].has_actor = true;
            }
        }
        gi += 1;
    }
}

/// An agent-only code (`---GOV`, or `NGM---` for a prefix agent) given an actor: `ARNGOV`,
/// `NGMARN`; an agent the actor's code already carries is not repeated.
fn with_actor(agent_code: &str, actor: &str) -> String {
    let (pre, post) = agent_code.split_once("---").unwrap_or(("", agent_code));
    let pre = if actor.starts_with(pre) { "" } else { pre };
    let post = if actor.ends_with(post) { "" } else { post };
    format!("{pre}{actor}{post}")
}

/// Compose a unit's code from its pieces.
fn compose(start: usize, end: usize, pieces: &[&Piece]) -> Unit {
    let mut specific: Option<&str> = None;
    let mut base: Option<String> = None;
    let mut prefixes: Vec<&str> = Vec::new();
    let mut suffixes: Vec<&str> = Vec::new();
    let mut origin = String::new();
    for p in pieces {
        if origin.is_empty() {
            origin = p.origin.clone();
        }
        match &p.kind {
            PieceKind::Actor { code, specific: true } => {
                specific = Some(code);
                origin = p.origin.clone();
            }
            PieceKind::Actor { code, .. } => {
                if base.is_none() {
                    base = Some(code.clone());
                }
            }
            PieceKind::Agent { code, placement: AgentPlacement::Suffix } => suffixes.push(code),
            PieceKind::Agent { code, placement: AgentPlacement::Prefix } => prefixes.push(code),
        }
    }
    if let Some(code) = specific {
        // A named individual's own code wins over "Chinese Defence Minister" composition.
        return Unit { start, end, code: code.to_string(), has_actor: true, base: code[..3.min(code.len())].to_string(), origin };
    }
    let has_actor = base.is_some();
    let mut code = base.unwrap_or_else(|| "---".to_string());
    let mut unit_base = code.clone();
    for s in suffixes {
        if !code.get(3..).unwrap_or("").contains(s) {
            unit_base = code.clone();
            code.push_str(s);
        }
    }
    for p in prefixes.into_iter().rev() {
        if code.starts_with(p) {
            continue; // "human rights activists Amnesty International": NGM already
        }
        code = format!("{p}{code}");
        unit_base = format!("{p}{unit_base}");
    }
    Unit { start, end, code, has_actor, base: unit_base, origin }
}
