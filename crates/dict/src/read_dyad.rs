//! Reader for dyad's own dictionary format (docs/dictionary-format.md).

use crate::model::*;
use crate::read_common::{parse_iso_date, phrase_norms, strip_comment};
use crate::{Diagnostic, Kind};

/// The kind named by a `#% dyad-KIND 1` header, if the text has one.
pub fn header_kind(text: &str) -> Option<Kind> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let rest = first.strip_prefix("#%")?.trim();
    let kind = rest.split_whitespace().next()?;
    match kind {
        "dyad-actors" => Some(Kind::Actors),
        "dyad-agents" => Some(Kind::Agents),
        "dyad-verbs" => Some(Kind::Verbs),
        "dyad-discards" => Some(Kind::Discards),
        "dyad-issues" => Some(Kind::Issues),
        _ => None,
    }
}

pub(crate) fn names(list: &str) -> impl Iterator<Item = &str> {
    list.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Split `name {irregular forms} rest` into the name (`name rest`) and its brace list: the
/// braces follow the word they inflect ("make {made} a visit to").
fn split_braces(s: &str) -> (String, Vec<&str>) {
    match (s.find('{'), s.rfind('}')) {
        (Some(a), Some(b)) if a < b => (format!("{} {}", s[..a].trim(), s[b + 1..].trim()).trim().to_string(), s[a + 1..b].split_whitespace().collect()),
        _ => (s.trim().to_string(), Vec::new()),
    }
}

/// The index of the word the braces follow in `name {forms} rest`.
fn braced_word_index(s: &str) -> usize {
    s.find('{').map_or(0, |a| s[..a].split_whitespace().count().saturating_sub(1))
}

fn parse_dates(s: &str) -> Result<(Option<crate::Date>, Option<crate::Date>), String> {
    let (a, b) = s.split_once("..").ok_or_else(|| format!("bad date range `{s}` (want FROM..TO)"))?;
    let from = if a.trim().is_empty() { None } else { Some(parse_iso_date(a, false).ok_or_else(|| format!("bad date `{a}`"))?) };
    let to = if b.trim().is_empty() { None } else { Some(parse_iso_date(b, true).ok_or_else(|| format!("bad date `{b}`"))?) };
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(format!("date range `{s}` ends before it starts"));
        }
    }
    Ok((from, to))
}

fn valid_code(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
}

/// The `HEAD : list` lines of a file, with 1-based line numbers; a line without `:` is
/// reported with `expected` and skipped.
pub(crate) fn head_list_lines<'a>(text: &'a str, file: &'a str, expected: &'a str, diags: &'a mut Vec<Diagnostic>) -> impl Iterator<Item = (usize, &'a str, &'a str)> + 'a {
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let line = strip_comment(raw).trim();
        if line.is_empty() || line.starts_with("#%") {
            return None;
        }
        match line.split_once(':') {
            Some((head, list)) => Some((i + 1, head.trim(), list)),
            None => {
                diags.push(Diagnostic::new(file, i + 1, expected));
                None
            }
        }
    })
}

pub fn read_actors(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut problems = Vec::new();
    for (lineno, head, list) in head_list_lines(text, file, "expected `CODE [DATES] : names`", &mut problems) {
        let mut head_parts = head.split_whitespace();
        let code = head_parts.next().unwrap_or("");
        if !valid_code(code) {
            diags.push(Diagnostic::new(file, lineno, format!("bad actor code `{code}`")));
            continue;
        }
        let (from, to) = match head_parts.next() {
            None => (None, None),
            Some(d) => match parse_dates(d) {
                Ok(r) => r,
                Err(e) => {
                    diags.push(Diagnostic::new(file, lineno, e));
                    continue;
                }
            },
        };
        for name in names(list) {
            let phrase = phrase_norms(name);
            if phrase.is_empty() {
                continue;
            }
            model.actors.push(ActorEntry {
                phrase,
                codes: vec![DatedCode { code: code.to_string(), from, to }],
                origin: format!("{file}:{lineno}"),
            });
        }
    }
    diags.extend(problems);
}

pub fn read_agents(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut problems = Vec::new();
    for (lineno, head, list) in head_list_lines(text, file, "expected `~CODE : names` or `CODE~ : names`", &mut problems) {
        let (code, placement) = if let Some(c) = head.strip_prefix('~') {
            (c, AgentPlacement::Suffix)
        } else if let Some(c) = head.strip_suffix('~') {
            (c, AgentPlacement::Prefix)
        } else {
            diags.push(Diagnostic::new(file, lineno, format!("agent code `{head}` needs `~` before or after it")));
            continue;
        };
        if !valid_code(code) {
            diags.push(Diagnostic::new(file, lineno, format!("bad agent code `{code}`")));
            continue;
        }
        for item in names(list) {
            let (name, mut plurals) = split_braces(item);
            let name = name.as_str();
            // "member of parliament {members of parliament}": a phrase's plural is one form;
            // a single word may list several ("{spokesmen spokespeople}").
            if name.split_whitespace().count() > 1 && plurals.len() > 1 {
                let whole = item[item.find('{').map_or(0, |a| a + 1)..item.rfind('}').unwrap_or(item.len())].trim();
                plurals = vec![whole];
            }
            let origin = format!("{file}:{lineno}");
            let plural = plurals.is_empty();
            let mut push = |p: Vec<String>| {
                if !p.is_empty() {
                    model.agents.push(AgentEntry { phrase: p, code: code.to_string(), placement, plural, origin: origin.clone() });
                }
            };
            push(phrase_norms(name));
            for p in plurals {
                push(phrase_norms(p));
            }
        }
    }
    diags.extend(problems);
}

pub fn read_discards(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut problems = Vec::new();
    for (lineno, scope, list) in head_list_lines(text, file, "expected `sentence : phrases` or `article : phrases`", &mut problems) {
        let target = match scope {
            "sentence" => &mut model.discards.sentence,
            "article" => &mut model.discards.article,
            _ => {
                diags.push(Diagnostic::new(file, lineno, format!("unknown discard scope `{scope}`")));
                continue;
            }
        };
        target.extend(names(list).map(phrase_norms).filter(|p| !p.is_empty()));
    }
    diags.extend(problems);
}

/// Parse a pattern written with the shared element syntax (also used by the PETRARCH reader).
/// `underscores`: PETRARCH's `_` joins words (`FAILED_TO_*`, `&NEGATVAUXVRB_WANT`); in dyad's
/// format `_` belongs to the name (`&HUMAN_AID`) and adjacency is written `word_word` only
/// between plain words.
pub fn parse_pattern(text: &str, underscores: bool) -> Result<(Vec<PatternElem>, Vec<PatternElem>), String> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut seen_verb = false;
    // PETRARCH-2 `{NEW &TIETYPES RELATIONS}` is a noun phrase (modifiers may come between its
    // words); `(OVER EFFORTS)` a prepositional phrase (only determiners may come between).
    let mut in_phrase: Option<PatternElem> = None;
    for raw_item in text.split_whitespace() {
        let opens = match raw_item.chars().next() {
            Some('{') => Some(PatternElem::SamePhrase),
            Some('(') => Some(PatternElem::SameTightPhrase),
            _ => None,
        };
        let closes = raw_item.ends_with('}') || raw_item.ends_with(')');
        let item = raw_item.trim_matches(|c| matches!(c, '{' | '}' | '(' | ')'));
        if item.is_empty() {
            continue;
        }
        if let (Some(link), None) = (&in_phrase, &opens) {
            let target = if seen_verb { &mut after } else { &mut before };
            if !matches!(target.last(), None | Some(PatternElem::Adjacent | PatternElem::SamePhrase | PatternElem::SameTightPhrase)) {
                target.push(link.clone());
            }
        }
        if opens.is_some() {
            in_phrase = opens;
        }
        if closes {
            in_phrase = None;
        }
        let parts: Vec<&str> = if !underscores && item.starts_with('&') { vec![item] } else { item.split('_').collect() };
        for (k, part) in parts.iter().enumerate() {
            let trailing_marker = part.is_empty();
            if trailing_marker {
                continue; // `IN_` is PETRARCH's whole-word marker, `_X` a stray joiner
            }
            let target = if seen_verb { &mut after } else { &mut before };
            if k > 0 && !parts[k - 1].is_empty() {
                target.push(PatternElem::Adjacent);
            }
            match *part {
                "*" => {
                    if seen_verb {
                        return Err("pattern has two `*`".into());
                    }
                    seen_verb = true;
                    // A trailing `Adjacent` in `before` (or a leading one in `after`) ties
                    // that word to the verb itself.
                }
                "+" => target.push(PatternElem::Target),
                "$" => target.push(PatternElem::Source),
                "%" => target.push(PatternElem::Compound),
                "^" => target.push(PatternElem::Skip),
                p if p.starts_with('&') => target.push(PatternElem::Synset(p[1..].to_uppercase())),
                p => {
                    let norms = phrase_norms(p);
                    for (j, n) in norms.into_iter().enumerate() {
                        if j > 0 {
                            target.push(PatternElem::Adjacent);
                        }
                        target.push(PatternElem::Word(n));
                    }
                }
            }
        }
    }
    if !seen_verb {
        return Err("pattern has no `*` (the verb)".into());
    }
    Ok((before, after))
}

pub fn read_verbs(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut current: Option<VerbBlock> = None;
    let flush = |block: Option<VerbBlock>, model: &mut Model| {
        if let Some(b) = block {
            model.verbs.push(b);
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        if raw.trim_start().starts_with("#%") {
            continue;
        }
        let indented = raw.starts_with(' ') || raw.starts_with('\t');
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("{file}:{lineno}");
        if let Some(rest) = line.strip_prefix('&') {
            let Some((name, list)) = rest.split_once('=') else {
                diags.push(Diagnostic::new(file, lineno, "expected `&NAME = phrase ; phrase`"));
                continue;
            };
            let members: Vec<Vec<String>> = names(list).map(|m| {
                if m.starts_with('&') { vec![m.to_uppercase()] } else { phrase_norms(m) }
            }).filter(|p| !p.is_empty()).collect();
            model.synsets.push((name.trim().to_uppercase(), members));
            continue;
        }
        let keyword = line.split_whitespace().next().unwrap_or("");
        if !indented && (keyword == "verb" || keyword == "noun") {
            flush(current.take(), model);
            let rest = line[keyword.len()..].trim();
            let Some((code_s, forms)) = rest.split_once(':').filter(|(c, _)| EventCode::parse(c).is_some()) else {
                diags.push(Diagnostic::new(file, lineno, format!("expected `{keyword} CODE : forms`")));
                continue;
            };
            let code = EventCode::parse(code_s).expect("checked above");
            let mut lemmas = Vec::new();
            for item in names(forms) {
                let (form, irregular) = split_braces(item);
                let phrase = phrase_norms(&form);
                if phrase.is_empty() {
                    continue;
                }
                // The braces follow the inflecting word; irregular forms replace it, keeping the
                // rest of a phrasal verb ("make {made} a visit to" → "made a visit to").
                let head = braced_word_index(item).min(phrase.len() - 1);
                let irregular = irregular
                    .into_iter()
                    .map(|w| {
                        let mut p = phrase.clone();
                        p[head] = w.to_uppercase();
                        VerbForm { phrase: p, head }
                    })
                    .collect();
                lemmas.push(Lemma { form: VerbForm { phrase, head }, irregular, code: None });
            }
            if lemmas.is_empty() {
                diags.push(Diagnostic::new(file, lineno, "verb block without forms"));
                continue;
            }
            let name = lemmas[0].form.phrase.join(" ");
            current = Some(VerbBlock { name, code, lemmas, patterns: Vec::new(), noun: keyword == "noun", inflect: true, origin });
            continue;
        }
        if indented {
            let Some(block) = current.as_mut() else {
                diags.push(Diagnostic::new(file, lineno, "pattern outside a verb block"));
                continue;
            };
            let Some((pat, code_s)) = line.rsplit_once("=>") else {
                diags.push(Diagnostic::new(file, lineno, "expected `pattern => CODE`"));
                continue;
            };
            let Some(code) = EventCode::parse(code_s) else {
                diags.push(Diagnostic::new(file, lineno, format!("bad event code `{}`", code_s.trim())));
                continue;
            };
            match parse_pattern(pat, false) {
                Ok((before, after)) => block.patterns.push(Pattern { before, after, code, plurals: true, text: pat.trim().to_string(), origin }),
                Err(e) => diags.push(Diagnostic::new(file, lineno, e)),
            }
            continue;
        }
        diags.push(Diagnostic::new(file, lineno, format!("unexpected line `{line}`")));
    }
    flush(current, model);
}
