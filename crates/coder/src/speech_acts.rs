//! Speech acts that CAMEO codes by what was said, not by the saying:
//! - a **refusal**: "X will not lift the embargo", "X says it won't accept refugees" is X
//!   rejecting (`12`), while the lifting stays coded as a negated future event;
//! - a **demand** or **appeal**: "X said Y must end the attacks" is X demanding (`10`) of Y,
//!   "X said Y should release them" X appealing (`02`) to Y; the demanded event stays marked
//!   hypothetical.
//!
//! The specific code follows CAMEO's parallel structure: what is demanded, appealed for or
//! refused (material cooperation, aid, yielding, meeting, mediation...) picks the sub-code.

use crate::lexicon::*;
use crate::mentions::Group;
use crate::{ActorRef, Aux, Event};
use dyad_text::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Demand,
    Appeal,
    Reject,
    /// What the speaker says it will do, cooperative: a pledge or offer (`03`).
    Intend,
    /// What the speaker says it will do, hostile: a threat (`13`).
    Threaten,
}

/// The CAMEO code of an `act` about an event coded `what` (`"072"` demanded → `"1032"`).
fn act_code(act: Act, what: &str) -> &'static str {
    let d = |i: usize| what.as_bytes().get(i).copied().unwrap_or(b'0');
    let (root, sub, subsub) = (what.get(..2).unwrap_or(""), d(2), d(3));
    use Act::*;
    if act == Intend || act == Threaten {
        return pledge_or_threat_code(act, root, sub, subsub);
    }
    match (act, root) {
        (Demand, "06") => ["101", "1011", "1012", "1013", "1014"][usize::from(sub.saturating_sub(b'0')).min(4)],
        (Appeal, "06") => ["021", "0211", "0212", "0213", "0214"][usize::from(sub.saturating_sub(b'0')).min(4)],
        (Reject, "06") => match sub {
            b'1' => "1211",
            b'2' => "1212",
            _ => "121",
        },
        (Demand, "07") => ["103", "1031", "1032", "1033", "1034", "103"][usize::from(sub.saturating_sub(b'0')).min(5)],
        (Appeal, "07") => ["023", "0231", "0232", "0233", "0234", "023"][usize::from(sub.saturating_sub(b'0')).min(5)],
        (Reject, "07") => ["122", "1221", "1222", "1223", "1224", "122"][usize::from(sub.saturating_sub(b'0')).min(5)],
        // Yielding: 081 administrative sanctions, 082 dissent, 083 political reform, 084
        // release, 085 economic sanctions, 086 international involvement, 087 de-escalation.
        (_, "08") if sub == b'3' => match (act, subsub) {
            (Demand, b'1'..=b'4') => ["1041", "1042", "1043", "1044"][usize::from(subsub - b'1')],
            (Appeal, b'1'..=b'4') => ["0241", "0242", "0243", "0244"][usize::from(subsub - b'1')],
            (Reject, b'1'..=b'4') => ["1231", "1232", "1233", "1234"][usize::from(subsub - b'1')],
            (Demand, _) => "104",
            (Appeal, _) => "024",
            (Reject, _) => "123",
            (Intend | Threaten, _) => unreachable!("handled above"),
        },
        (_, "08") => {
            let k = match sub {
                b'1' => 1,
                b'2' => 2,
                b'4' => 3,
                b'5' => 4,
                b'6' => 5,
                b'7' => 6,
                _ => 0,
            };
            match act {
                Demand => ["105", "1051", "1052", "1053", "1054", "1055", "1056"][k],
                Appeal => ["025", "0251", "0252", "0253", "0254", "0255", "0256"][k],
                Reject => ["124", "1241", "1242", "1243", "1244", "1245", "1246"][k],
                Intend | Threaten => unreachable!("handled above"),
            }
        }
        (Demand, "04") if sub == b'5' => "108",
        (Appeal, "04") if sub == b'5' => "028",
        (Reject, "04") if sub == b'5' => "126",
        (Demand, "04") => "106",
        (Appeal, "04") => "026",
        (Reject, "04") => "125",
        (Demand, "05") => "102",
        (Appeal, "05") => "022",
        (Demand, _) => "100",
        (Appeal, _) => "020",
        (Reject, _) => "120",
        (Intend | Threaten, _) => unreachable!("handled above"),
    }
}

/// The pledge (`03x`) or threat (`13x`) of doing an event of root `root`.
fn pledge_or_threat_code(act: Act, root: &str, sub: u8, subsub: u8) -> &'static str {
    let yield_index = |sub: u8| match sub {
        b'1' => 1,
        b'2' => 2,
        b'4' => 3,
        b'5' => 4,
        b'6' => 5,
        b'7' => 6,
        _ => 0,
    };
    match (act, root) {
        (Act::Intend, "06") => ["031", "0311", "0312", "0313", "0314"][usize::from(sub.saturating_sub(b'0')).min(4)],
        (Act::Intend, "07") => ["033", "0331", "0332", "0333", "0334", "033"][usize::from(sub.saturating_sub(b'0')).min(5)],
        (Act::Intend, "08") if sub == b'3' => match subsub {
            b'1'..=b'4' => ["0341", "0342", "0343", "0344"][usize::from(subsub - b'1')],
            _ => "034",
        },
        (Act::Intend, "08") => ["035", "0351", "0352", "0353", "0354", "0355", "0356"][yield_index(sub)],
        (Act::Intend, "04") if sub == b'5' => "039",
        (Act::Intend, "04") => "036",
        (Act::Intend, "05") => "032",
        (Act::Intend, _) => "030",
        // Reducing relations: 161 relations, 162 aid, 163 sanctions, 164 talks, 165 mediation,
        // 166 expulsion or withdrawal.
        (Act::Threaten, "16") => ["131", "1313", "1311", "1312", "134", "135", "136"][usize::from(sub.saturating_sub(b'0')).min(6)],
        (Act::Threaten, "17") if sub == b'2' => "132",
        (Act::Threaten, "17") => "137",
        (Act::Threaten, "18") => "1383",
        (Act::Threaten, "19") if sub == b'1' => "1381",
        (Act::Threaten, "19") if sub == b'2' => "1382",
        (Act::Threaten, "19") => "1384",
        (Act::Threaten, "20") => "138",
        (Act::Threaten, "14") => "133",
        (Act::Threaten, "15") => "138",
        _ => "130",
    }
}

/// Roots of hostile action one can threaten (14–20).
fn is_hostile(code: &str) -> bool {
    matches!(code.get(..2), Some("14" | "15" | "16" | "17" | "18" | "19" | "20"))
}

/// Where a code's root says the event is cooperation one could refuse (03–08).
fn is_cooperative(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08"))
}

/// A sentence as the speech-act rules see it.
pub(crate) struct View<'a> {
    pub tokens: &'a [Token],
    pub groups: &'a [Group],
    pub group_of: &'a [Option<usize>],
    /// Token ranges of the verbs of saying (whose dictionary code is a statement, `01`),
    /// coded or not (a statement without a target is not an event, but still says something).
    pub statements: Vec<(usize, usize)>,
}

impl View<'_> {
    fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// Token range of a code-point span.
    fn token_range(&self, span: (usize, usize)) -> Option<(usize, usize)> {
        let s = self.tokens.iter().position(|t| t.char_start == span.0)?;
        let e = self.tokens.iter().position(|t| t.char_end == span.1)?;
        Some((s, e + 1))
    }
}

/// The obligation word at `i`: `must`, `has to`, `need to` (a demand), `should`, `ought to`
/// (an appeal); with the number of tokens it takes.
fn obligation_at(v: &View, i: usize) -> Option<(Act, usize)> {
    match (v.norm(i), v.norm(i + 1)) {
        ("MUST", _) => Some((Act::Demand, 1)),
        ("HAS" | "HAVE" | "NEED" | "NEEDS", "TO") => Some((Act::Demand, 2)),
        ("SHOULD", _) => Some((Act::Appeal, 1)),
        ("OUGHT", "TO") => Some((Act::Appeal, 2)),
        _ => None,
    }
}

/// In a statement's complement starting at `from`: a speaker-like subject (a pronoun or an
/// actor) followed by `will not` / `won't` / `would not`; the position of the negator.
fn refusal_in_complement(v: &View, from: usize) -> Option<usize> {
    let mut i = from;
    if v.norm(i) == "THAT" {
        i += 1;
    }
    // The complement's subject: a pronoun or an actor group.
    match v.group_of.get(i).copied().flatten() {
        Some(g) if v.groups[g].start == i => i = v.groups[g].end,
        _ if matches!(v.norm(i), "IT" | "HE" | "SHE" | "THEY" | "WE") => i += 1,
        _ => return None,
    }
    while is_skippable_adverb(v.norm(i)) && !is_negator(v.norm(i)) {
        i += 1;
    }
    (matches!(v.norm(i), "WILL" | "WO" | "WOULD") && matches!(v.norm(i + 1), "NOT" | "N'T" | "NEVER")).then_some(i + 1)
}

/// Refusals, demands and appeals in one sentence's events (see the module docs). Derived
/// events are added; a statement that is a demand or appeal is recoded as one.
pub(crate) fn add_speech_acts(v: &View, events: &mut Vec<Event>, actor_ref: impl Fn(usize) -> Vec<ActorRef>) {
    if events.is_empty() {
        return;
    }
    // Refusals: "will not" / "won't" / "would not" + cooperation.
    let mut refusals = Vec::new();
    for e in events.iter() {
        if e.aux.contains(&Aux::Negation) && e.aux.contains(&Aux::Future) && is_cooperative(&e.code) && e.source.is_some() {
            let mut r = e.clone();
            r.code = act_code(Act::Reject, &e.code).to_string();
            r.aux.clear();
            r.rule = format!("refusal of {}: {}", e.code, e.rule);
            refusals.push(r);
        }
    }
    // Pledges and threats: "X said it will send aid" is X pledging aid (0333); "X said it will
    // attack" is a threat (138x). Only the speaker's own future acts count: the complement's
    // subject is a pronoun standing for the speaker.
    let mut pledges = Vec::new();
    for e in events.iter() {
        if e.source.is_none() || e.aux != [Aux::Future] {
            continue;
        }
        let Some((vs, _)) = v.token_range(e.verb_span) else { continue };
        // The complement's subject: the pronoun before the verb's auxiliaries ("it will send").
        let mut k = vs;
        while k > 0 && (is_aux(v.norm(k - 1)) || is_future_marker(v.norm(k - 1)) || is_skippable_adverb(v.norm(k - 1)) || v.norm(k - 1) == "TO") {
            k -= 1;
        }
        let Some(ss) = k.checked_sub(1).filter(|&i| matches!(v.norm(i), "IT" | "HE" | "SHE" | "THEY" | "WE")) else { continue };
        let said_before = v.statements.iter().any(|&(_, se)| se <= ss && (se..ss).all(|k| v.norm(k) == "THAT" || is_skippable_adverb(v.norm(k))));
        if !said_before {
            continue;
        }
        let act = if is_hostile(&e.code) {
            Act::Threaten
        } else if is_cooperative(&e.code) {
            Act::Intend
        } else {
            continue;
        };
        let mut d = e.clone();
        d.code = act_code(act, &e.code).to_string();
        d.aux.clear();
        d.rule = format!("{} of {}: {}", if act == Act::Intend { "pledge" } else { "threat" }, e.code, e.rule);
        pledges.push(d);
    }
    refusals.extend(pledges);
    // Demands and appeals: a statement whose complement says someone must or should act.
    let mut recoded: Vec<Event> = Vec::new();
    for si in 0..events.len() {
        let s = &events[si];
        if !s.code.starts_with("01") || s.source.is_none() {
            continue;
        }
        let Some((_, after)) = v.token_range(s.verb_span) else { continue };
        // "X says it will not accept refugees", the accepting not in the dictionaries: the
        // statement is itself the refusal. (When the refused act is coded, its refusal above
        // already says more.)
        if let Some(not_at) = refusal_in_complement(v, after) {
            let covered = refusals.iter().any(|r| v.token_range(r.verb_span).is_some_and(|(vs, _)| vs > not_at && vs <= not_at + 3));
            if !covered {
                let mut d = s.clone();
                d.code = act_code(Act::Reject, "").to_string();
                let object = (not_at + 1..(not_at + 8).min(v.tokens.len()))
                    .take_while(|&i| !is_hard_boundary(v.norm(i)) && !is_subordinator(v.norm(i)))
                    .find_map(|i| v.group_of[i].filter(|&g| v.groups[g].start == i));
                if let Some(t) = object.and_then(|g| actor_ref(g).into_iter().next()) {
                    d.target = Some(t);
                }
                d.rule = format!("refusal (will not ...): {}", s.rule);
                recoded.push(d);
                events[si].code.clear();
                continue;
            }
        }
        let limit = (after + 12).min(v.tokens.len());
        let Some((m, act, width)) = (after..limit)
            .take_while(|&i| !is_hard_boundary(v.norm(i)))
            .find_map(|i| obligation_at(v, i).map(|(act, w)| (i, act, w)))
        else {
            continue;
        };
        // The one obliged: the actor just before the obligation word (an adverb may sit between).
        let mut k = m;
        while k > after && is_skippable_adverb(v.norm(k - 1)) && v.group_of[k - 1].is_none() {
            k -= 1;
        }
        let Some(g) = (k > after).then(|| v.group_of[k - 1]).flatten().filter(|&g| v.groups[g].end == k) else { continue };
        let obliged = actor_ref(g);
        if obliged.is_empty() {
            continue;
        }
        let negated = is_negator(v.norm(m + width));
        // What is demanded: an event of the obliged actor right after the obligation word.
        let content = events.iter().find(|e| {
            e.source.as_ref().is_some_and(|src| obliged.iter().any(|o| o.span == src.span))
                && v.token_range(e.verb_span).is_some_and(|(vs, _)| vs > m && vs <= m + width + 3)
        });
        let code = match (content, negated) {
            (Some(c), false) => act_code(act, &c.code),
            _ => act_code(act, ""),
        };
        let word = v.norm(m).to_lowercase();
        for o in obliged {
            let mut d = s.clone();
            d.code = code.to_string();
            d.target = Some(o);
            d.rule = format!("{} ({word} ...): {}", if act == Act::Demand { "demand" } else { "appeal" }, s.rule);
            recoded.push(d);
        }
        events[si].code.clear();
    }
    events.retain(|e| !e.code.is_empty());
    for d in recoded.into_iter().chain(refusals) {
        if !events.iter().any(|e| e.code == d.code && e.source == d.source && e.target == d.target) {
            events.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn act_codes_follow_what_is_asked() {
        assert_eq!(act_code(Act::Demand, "072"), "1032");
        assert_eq!(act_code(Act::Appeal, "0841"), "0253");
        assert_eq!(act_code(Act::Reject, "085"), "1244");
        assert_eq!(act_code(Act::Reject, "0832"), "1232");
        assert_eq!(act_code(Act::Demand, "045"), "108");
        assert_eq!(act_code(Act::Reject, "042"), "125");
        assert_eq!(act_code(Act::Appeal, "062"), "0212");
        assert_eq!(act_code(Act::Demand, "190"), "100");
        assert_eq!(act_code(Act::Reject, "036"), "120");
        assert_eq!(act_code(Act::Demand, ""), "100");
        assert_eq!(act_code(Act::Intend, "073"), "0333");
        assert_eq!(act_code(Act::Intend, "042"), "036");
        assert_eq!(act_code(Act::Intend, "0841"), "0353");
        assert_eq!(act_code(Act::Threaten, "190"), "1384");
        assert_eq!(act_code(Act::Threaten, "163"), "1312");
        assert_eq!(act_code(Act::Threaten, "192"), "1382");
    }
}
