//! Readers for the dictionaries people already have: PETRARCH-1 (verb patterns, actors with
//! dated codes, agents with `[~XXX]`, discards), PETRARCH-2 / CAMEO 2.0 verbs (`{}` noun phrases
//! and `()` prepositional phrases, read as plain word sequences) and TABARI-style actor files.
//! They tolerate the known defects of real files, with a diagnostic for each repaired line.

use crate::model::*;
use crate::read_common::{parse_compact_date, phrase_norms, strip_comment};
use crate::read_dyad::parse_pattern;
use crate::Diagnostic;

fn is_xml_comment(line: &str) -> bool {
    line.starts_with("<!--") || line.ends_with("-->")
}

/// Parse the inside of one `[...]` actor code block: `CODE`, `CODE < DATE`, `CODE > DATE`,
/// `CODE FROM - TO`. Returns one code per `/`-separated alternative? No: `ELR/GAL` stays one
/// code string; the coder expands it.
pub(crate) fn parse_actor_code(inner: &str, file: &str, lineno: usize, diags: &mut Vec<Diagnostic>) -> Option<DatedCode> {
    let inner = inner.trim();
    let code_end = inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>').unwrap_or(inner.len());
    let code = inner[..code_end].trim().to_string();
    if code.is_empty() {
        diags.push(Diagnostic::new(file, lineno, format!("actor code block `[{inner}]` has no code")));
        return None;
    }
    let rest = inner[code_end..].trim();
    let mut dc = DatedCode { code, from: None, to: None };
    if rest.is_empty() {
        return Some(dc);
    }
    let bad = |diags: &mut Vec<Diagnostic>| {
        diags.push(Diagnostic::new(file, lineno, format!("malformed date in `[{inner}]`; code kept without the date")));
    };
    if let Some(d) = rest.strip_prefix('<') {
        match parse_compact_date(d) {
            Some(d) => dc.to = d.yesterday().ok(),
            None => bad(diags),
        }
    } else if let Some(d) = rest.strip_prefix('>') {
        match parse_compact_date(d) {
            Some(d) => dc.from = Some(d),
            None => bad(diags),
        }
    } else if let Some((a, b)) = rest.split_once('-') {
        match (parse_compact_date(a), parse_compact_date(b)) {
            (Some(a), Some(b)) => {
                dc.from = Some(a);
                dc.to = Some(b);
            }
            _ => bad(diags),
        }
    } else {
        bad(diags);
    }
    Some(dc)
}

/// Every `[...]` block on a line, and the text before the first one.
pub(crate) fn split_code_blocks(line: &str) -> (&str, Vec<&str>) {
    let head_end = line.find('[').unwrap_or(line.len());
    let mut blocks = Vec::new();
    let mut rest = &line[head_end..];
    while let Some(a) = rest.find('[') {
        match rest[a..].find(']') {
            Some(b) => {
                blocks.push(&rest[a + 1..a + b]);
                rest = &rest[a + b + 1..];
            }
            None => {
                blocks.push(&rest[a + 1..]);
                break;
            }
        }
    }
    (&line[..head_end], blocks)
}

pub fn read_actors(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    // An entry is a name line, optional `+synonym` lines and code lines; codes may follow the
    // name on its line or stand on their own (indented) lines.
    struct Pending {
        phrases: Vec<Vec<String>>,
        codes: Vec<DatedCode>,
        origin: String,
        line: usize,
    }
    let mut pending: Option<Pending> = None;
    let finish = |p: Option<Pending>, model: &mut Model, diags: &mut Vec<Diagnostic>| {
        let Some(p) = p else { return };
        if p.codes.is_empty() {
            diags.push(Diagnostic::new(file, p.line, "actor without a code; skipped"));
            return;
        }
        for phrase in p.phrases {
            model.actors.push(ActorEntry { phrase, codes: p.codes.clone(), origin: p.origin.clone() });
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || is_xml_comment(trimmed) || trimmed.starts_with('#') {
            continue;
        }
        let line = strip_comment(raw);
        let (head, blocks) = split_code_blocks(line);
        let head = head.trim();
        let codes: Vec<DatedCode> = blocks.iter().filter_map(|b| parse_actor_code(b, file, lineno, diags)).collect();
        if head.is_empty() {
            match pending.as_mut() {
                Some(p) => p.codes.extend(codes),
                None => diags.push(Diagnostic::new(file, lineno, "code line without an actor name")),
            }
        } else if let Some(syn) = head.strip_prefix('+') {
            match pending.as_mut() {
                Some(p) => {
                    let ph = phrase_norms(syn.trim_end_matches('_'));
                    if !ph.is_empty() {
                        p.phrases.push(ph);
                    }
                    p.codes.extend(codes);
                }
                None => diags.push(Diagnostic::new(file, lineno, "synonym line without an actor name")),
            }
        } else {
            finish(pending.take(), model, diags);
            let ph = phrase_norms(head.trim_end_matches('_'));
            if ph.is_empty() {
                diags.push(Diagnostic::new(file, lineno, "empty actor name"));
                continue;
            }
            pending = Some(Pending { phrases: vec![ph], codes, origin: format!("{file}:{lineno}"), line: lineno });
        }
    }
    finish(pending, model, diags);
}

pub fn read_agents(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    // `!SET! = A, B, C` substitution sets expand inside names: `CONGRESS!PERSON!`.
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || is_xml_comment(trimmed) || trimmed.starts_with('#') {
            continue;
        }
        let line = strip_comment(raw).trim();
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            let (name, list) = line.split_once('=').expect("checked");
            sets.push((name.trim().to_string(), list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()));
            continue;
        }
        let (head, blocks) = split_code_blocks(line);
        let Some(code_raw) = blocks.first().map(|b| b.trim()) else {
            diags.push(Diagnostic::new(file, lineno, "agent without a `[~CODE]`; skipped"));
            continue;
        };
        let (code, placement) = if let Some(c) = code_raw.strip_prefix('~') {
            (c.trim(), AgentPlacement::Suffix)
        } else if let Some(c) = code_raw.strip_suffix('~') {
            (c.trim(), AgentPlacement::Prefix)
        } else {
            diags.push(Diagnostic::new(file, lineno, format!("agent code `[{code_raw}]` needs `~`; read as a suffix")));
            (code_raw, AgentPlacement::Suffix)
        };
        // `NAME {PLURALS}`: explicit plurals; `{}` means none beyond the name itself.
        let (name, plurals, explicit) = match (head.find('{'), head.rfind('}')) {
            (Some(a), Some(b)) if a < b => (head[..a].trim(), head[a + 1..b].split_whitespace().map(str::to_string).collect::<Vec<_>>(), true),
            _ => (head.trim(), Vec::new(), false),
        };
        let mut names = vec![name.to_string()];
        for (set, members) in &sets {
            if names.iter().any(|n| n.contains(set.as_str())) {
                names = names.iter().flat_map(|n| members.iter().map(move |m| n.replace(set.as_str(), m))).collect();
            }
        }
        names.extend(plurals);
        for n in names {
            let phrase = phrase_norms(n.trim_end_matches('_'));
            if phrase.is_empty() {
                continue;
            }
            model.agents.push(AgentEntry { phrase, code: code.to_string(), placement, plural: !explicit, origin: format!("{file}:{lineno}") });
        }
    }
}

pub fn read_discards(text: &str, _file: &str, model: &mut Model, _diags: &mut Vec<Diagnostic>) {
    for raw in text.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || is_xml_comment(trimmed) || trimmed.starts_with('#') {
            continue;
        }
        let line = strip_comment(raw).trim();
        let (article, phrase) = match line.strip_prefix('+') {
            Some(p) => (true, p),
            None => (false, line),
        };
        let phrase = phrase_norms(phrase.trim_end_matches('_'));
        if phrase.is_empty() {
            continue;
        }
        if article { model.discards.article.push(phrase) } else { model.discards.sentence.push(phrase) }
    }
}

/// A PETRARCH verb line: `BAN {BANS BANNED}`, `+BREAK_DOWN {+BROKE_DOWN}`, `WIRE_+TAP`,
/// `DOWNPLAY [014]`. `+` marks the inflecting word (default: the first).
fn parse_verb_form(s: &str) -> Option<VerbForm> {
    let words: Vec<&str> = s.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let mut phrase = Vec::new();
    let mut head = 0;
    for w in words {
        let (is_head, w) = match w.strip_prefix('+') {
            Some(r) => (true, r),
            None => (false, w),
        };
        if w.is_empty() {
            continue;
        }
        if is_head {
            head = phrase.len();
        }
        phrase.extend(phrase_norms(w));
    }
    (!phrase.is_empty()).then_some(VerbForm { phrase, head })
}

pub fn read_verbs(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    // PETRARCH-2 files mark phrases with `{}` and `()`, and match nouns in either number.
    let petrarch2 = text.lines().any(|l| l.trim_start().starts_with('-') && (l.contains('{') || l.contains('(')) && l.contains('['));
    let mut block: Option<VerbBlock> = None;
    let mut synset: Option<(String, Vec<Vec<String>>)> = None;
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if let Some(s) = synset.take() {
                model.synsets.push(s);
            }
            continue;
        }
        if is_xml_comment(trimmed) || trimmed.starts_with('#') {
            continue;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("{file}:{lineno}");
        if line.starts_with("---") && line.ends_with("---") && line.len() > 6 {
            if let Some(s) = synset.take() {
                model.synsets.push(s);
            }
            if let Some(b) = block.take() {
                model.verbs.push(b);
            }
            let inner = line.trim_matches('-').trim();
            let (name, blocks) = split_code_blocks(inner);
            let code = blocks.first().and_then(|c| EventCode::parse(c)).unwrap_or_else(|| {
                diags.push(Diagnostic::new(file, lineno, "verb block header without a code; read as `---`"));
                EventCode { primary: "---".into(), reverse: None }
            });
            block = Some(VerbBlock { name: name.trim().to_string(), code, lemmas: Vec::new(), patterns: Vec::new(), noun: false, inflect: true, origin });
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            if let Some(s) = synset.take() {
                model.synsets.push(s);
            }
            synset = Some((name.trim().trim_end_matches('_').to_uppercase(), Vec::new()));
            continue;
        }
        if let (Some(s), Some(member)) = (synset.as_mut(), line.strip_prefix('+')) {
            let member = member.trim().trim_end_matches('_');
            if member.starts_with('&') {
                s.1.push(vec![member.to_uppercase()]);
            } else {
                let p = phrase_norms(member);
                if !p.is_empty() {
                    s.1.push(p);
                }
            }
            continue;
        }
        let Some(b) = block.as_mut() else {
            diags.push(Diagnostic::new(file, lineno, format!("line outside any verb block: `{line}`")));
            continue;
        };
        let is_pattern = line.starts_with('-') || (line.contains('*') && line.contains('['));
        if is_pattern {
            let body = line.trim_start_matches('-').trim();
            let (pat, blocks) = split_code_blocks(body);
            let Some(code) = blocks.first().and_then(|c| EventCode::parse(c)) else {
                diags.push(Diagnostic::new(file, lineno, "pattern without a `[CODE]`; skipped"));
                continue;
            };
            match parse_pattern(pat, true) {
                Ok((before, after)) => b.patterns.push(Pattern { before, after, code, plurals: petrarch2, text: pat.trim().to_string(), origin }),
                Err(e) => diags.push(Diagnostic::new(file, lineno, format!("{e}; skipped"))),
            }
            continue;
        }
        // A verb line.
        let (head, blocks) = split_code_blocks(line);
        let own_code = blocks.first().and_then(|c| EventCode::parse(c));
        let (base, irregular) = match (head.find('{'), head.rfind('}')) {
            (Some(a), Some(z)) if a < z => (&head[..a], head[a + 1..z].split_whitespace().filter_map(parse_verb_form).collect()),
            _ => (head, Vec::new()),
        };
        match parse_verb_form(base) {
            Some(form) => b.lemmas.push(Lemma { form, irregular, code: own_code }),
            None => diags.push(Diagnostic::new(file, lineno, format!("unreadable verb line `{line}`"))),
        }
    }
    if let Some(s) = synset.take() {
        model.synsets.push(s);
    }
    if let Some(b) = block.take() {
        model.verbs.push(b);
    }
}
