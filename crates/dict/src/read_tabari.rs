//! Readers for TABARI's files: the `.project` file (which names the others), `.verbs`
//! (`<SYNSETS>`, `<TIME>`, verb entries with `-` patterns and `{...}` forms), `.actors`
//! (`<NOUN>`/`<ADJECTIVE>` lists, dated codes, `+synonym` lines) and `.agents`, and the parts of
//! `.options` that change what is coded.
//!
//! TABARI's word matching is carried into the model:
//! - a word with nothing after it is a *stem* (`RESTOR` matches "restore", "restored"; written
//!   `RESTOR*` in the model);
//! - a word followed by `_` must match exactly; a name or verb ending in `_` (`LIBYA_`,
//!   `DEPART_`) also takes the regular endings -S, -ES, -ED, -D (after E), -EN, -ING;
//! - `WORD=` matches that word only, without endings; `WORD~_` is a stem joined to what follows;
//! - `_` between words joins them (no word between); a space between the words of a name, verb
//!   or synset member lets a few words come between (`PRINCE DOL_AMROTH`: "Prince of Dol Amroth").
//!
//! Codes: `[###]` on a verb, a time phrase or an undated actor makes the phrase a sentence
//! discard; `[+++]` (TABARI's "complex") is read the same way, since either way nothing is
//! coded. A dated `###`/`+++` actor code is kept as the code. An actor coded only `[---]` is
//! read as a plain noun, as TABARI does: it is no actor. The `!` (dominant) and `?`
//! (subordinate) marks after a verb code are dropped with the code kept.

use crate::model::*;
use crate::read_petrarch::{parse_actor_code, split_code_blocks};
use crate::read_common::phrase_norms;
use crate::Diagnostic;

/// Remove a `;` comment (outside brackets).
fn strip_semicolon(line: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ';' if depth <= 0 => return &line[..i],
            _ => {}
        }
    }
    line
}

/// How a dictionary word matches text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Stem,
    Exact,
    /// Exact, or with a regular ending.
    Endings,
    /// Not a word: the space between two words, which a few words may fill.
    Gap,
}

/// The regular endings TABARI accepts after a word written `WORD_`.
fn with_endings(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    if !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return out;
    }
    for e in ["S", "ES", "ED", "EN", "ING"] {
        out.push(format!("{w}{e}"));
    }
    if let Some(stem) = w.strip_suffix('E') {
        out.push(format!("{w}D"));
        out.push(format!("{stem}ING"));
    }
    out
}

/// Tokenise one dictionary word like article text; the match kind applies to its last token.
fn word_tokens(raw: &str, kind: Match) -> Vec<Vec<String>> {
    // A trailing space keeps "ANTI-" whole, as the tokeniser does in text.
    let toks = phrase_norms(&format!("{raw} "));
    let Some((last, init)) = toks.split_last() else { return vec![] };
    let lasts: Vec<String> = match kind {
        Match::Stem if last.chars().any(char::is_alphanumeric) => vec![format!("{last}*")],
        Match::Stem | Match::Exact => vec![last.clone()],
        Match::Endings => with_endings(last),
        Match::Gap => unreachable!("gaps are not words"),
    };
    lasts.into_iter().map(|l| init.iter().cloned().chain(std::iter::once(l)).collect()).collect()
}

/// A name, verb form or synset member in TABARI spelling → its phrase variants (one per
/// regular ending of the last word). `endings`: whether a final `_` admits regular endings.
fn tabari_phrase(text: &str, endings: bool) -> Vec<Vec<String>> {
    let items: Vec<&str> = text.split_whitespace().collect();
    let mut words: Vec<(&str, Match)> = Vec::new();
    for (ii, item) in items.iter().enumerate() {
        if !words.is_empty() && words.last().is_some_and(|w| w.1 != Match::Gap) {
            words.push(("", Match::Gap));
        }
        let parts: Vec<&str> = item.split('_').collect();
        for (k, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            let followed = k + 1 < parts.len();
            let last = ii + 1 == items.len() && parts[k + 1..].iter().all(|p| p.is_empty());
            let (raw, kind) = if let Some(r) = part.strip_suffix('=') {
                (r, Match::Exact)
            } else if let Some(r) = part.strip_suffix('~') {
                (r, Match::Stem)
            } else if followed && last && endings {
                (*part, Match::Endings)
            } else if followed {
                (*part, Match::Exact)
            } else {
                (*part, Match::Stem)
            };
            if !raw.is_empty() {
                words.push((raw, kind));
            }
        }
    }
    while words.last().is_some_and(|w| w.1 == Match::Gap) {
        words.pop();
    }
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for (raw, kind) in words {
        let variants = if kind == Match::Gap { vec![vec![GAP_WORD.to_string()]] } else { word_tokens(raw, kind) };
        if variants.is_empty() {
            continue;
        }
        out = out.into_iter().flat_map(|p| variants.iter().map(move |v| p.iter().chain(v).cloned().collect::<Vec<String>>())).collect();
    }
    out.retain(|p| !p.is_empty());
    out
}

fn is_marker_code(c: &str) -> bool {
    c == "###" || c == "+++"
}

// ---------------------------------------------------------------------------------------------
// Actors and agents
// ---------------------------------------------------------------------------------------------

pub fn read_actors(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    struct Pending {
        names: Vec<String>,
        codes: Vec<DatedCode>,
        origin: String,
        line: usize,
    }
    let finish = |p: Option<Pending>, model: &mut Model, diags: &mut Vec<Diagnostic>| {
        let Some(p) = p else { return };
        if p.codes.is_empty() {
            diags.push(Diagnostic::new(file, p.line, "actor without a code; skipped"));
            return;
        }
        let undated = p.codes.len() == 1 && !p.codes[0].is_dated();
        let marker_only = undated && is_marker_code(&p.codes[0].code);
        // TABARI reads a null-coded actor as a plain noun.
        let null_only = undated && p.codes[0].code == "---";
        for name in &p.names {
            for phrase in tabari_phrase(name, true) {
                if null_only {
                    model.other_words.push(phrase);
                } else if marker_only {
                    model.discards.sentence.push(phrase);
                } else {
                    model.actors.push(ActorEntry { phrase, codes: p.codes.clone(), origin: p.origin.clone() });
                }
            }
        }
    };
    let mut pending: Option<Pending> = None;
    let mut section: Option<&str> = None;
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("~~") {
            break; // ~~FINISH
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        match trimmed {
            "<NOUN>" | "<ADJECTIVE>" => {
                finish(pending.take(), model, diags);
                section = Some(if trimmed == "<NOUN>" { "NOUN" } else { "ADJECTIVE" });
                continue;
            }
            "</NOUN>" | "</ADJECTIVE>" => {
                section = None;
                continue;
            }
            _ => {}
        }
        let line = strip_semicolon(raw);
        if section.is_some() {
            let w = line.trim();
            if !w.is_empty() {
                model.other_words.extend(tabari_phrase(w, true));
            }
            continue;
        }
        let (head, blocks) = split_code_blocks(line);
        let head = head.trim();
        let codes: Vec<DatedCode> = blocks.iter().filter_map(|b| parse_actor_code(b, file, lineno, diags)).collect();
        if head.is_empty() {
            match pending.as_mut() {
                Some(p) => p.codes.extend(codes),
                None => diags.push(Diagnostic::new(file, lineno, "code line without an actor name; skipped")),
            }
        } else if let Some(syn) = head.strip_prefix('+') {
            match pending.as_mut() {
                Some(p) => {
                    p.names.push(syn.trim().to_string());
                    p.codes.extend(codes);
                }
                None => diags.push(Diagnostic::new(file, lineno, "synonym line without an actor name; skipped")),
            }
        } else {
            finish(pending.take(), model, diags);
            pending = Some(Pending { names: vec![head.to_string()], codes, origin: format!("{file}:{lineno}"), line: lineno });
        }
    }
    finish(pending, model, diags);
}

pub fn read_agents(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("~~") {
            break;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (head, blocks) = split_code_blocks(strip_semicolon(raw));
        let head = head.trim();
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
        if head.is_empty() || code.is_empty() {
            diags.push(Diagnostic::new(file, lineno, "agent without a name or code; skipped"));
            continue;
        }
        for phrase in tabari_phrase(head, true) {
            model.agents.push(AgentEntry { phrase, code: code.to_string(), placement, plural: false, origin: format!("{file}:{lineno}") });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------

/// Expand `{ A | B }` alternatives into one pattern text per choice.
fn expand_alternatives(text: &str) -> Result<Vec<String>, String> {
    let Some(open) = text.find('{') else { return Ok(vec![text.to_string()]) };
    let close = text[open..].find('}').map(|i| open + i).ok_or("`{` without `}`")?;
    let (pre, inner, post) = (&text[..open], &text[open + 1..close], &text[close + 1..]);
    let mut out = Vec::new();
    for alt in inner.split('|') {
        let alt = alt.trim();
        // `DEMAND_{ GENEVA_ | X }_CONVENTIONS`: the connectors around the braces join the
        // choice to its neighbours; doubled connectors collapse.
        let joined = format!("{pre}{alt}{post}").replace("__", "_");
        out.extend(expand_alternatives(&joined)?);
    }
    if out.len() > 64 {
        return Err("too many alternative combinations".into());
    }
    Ok(out)
}

/// Parse one TABARI pattern (no alternatives left) into elements before and after the verb.
fn parse_pattern(text: &str) -> Result<(Vec<PatternElem>, Vec<PatternElem>), String> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut seen_verb = false;
    for item in text.split_whitespace() {
        let parts: Vec<&str> = item.split('_').collect();
        let mut prev_real = false;
        for (k, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            if k > 0 && prev_real {
                let target = if seen_verb { &mut after } else { &mut before };
                target.push(PatternElem::Adjacent);
            }
            prev_real = true;
            let followed = k + 1 < parts.len();
            match *part {
                "*" => {
                    if seen_verb {
                        return Err("pattern has two `*`".into());
                    }
                    seen_verb = true;
                }
                "+" | "$" | "%" | "^" => {
                    let e = match *part {
                        "+" => PatternElem::Target,
                        "$" => PatternElem::Source,
                        "%" => PatternElem::Compound,
                        _ => PatternElem::Skip,
                    };
                    if seen_verb { after.push(e) } else { before.push(e) }
                }
                p if p.starts_with('&') => {
                    let e = PatternElem::Synset(p[1..].to_uppercase());
                    if seen_verb { after.push(e) } else { before.push(e) }
                }
                p => {
                    let (raw, kind) = match p.strip_suffix('~') {
                        Some(r) => (r, Match::Stem),
                        None if followed => (p, Match::Exact),
                        None => (p, Match::Stem),
                    };
                    let words = word_tokens(raw, kind).into_iter().next().unwrap_or_default();
                    let target = if seen_verb { &mut after } else { &mut before };
                    for (j, w) in words.into_iter().enumerate() {
                        if j > 0 {
                            target.push(PatternElem::Adjacent);
                        }
                        target.push(PatternElem::Word(w));
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

/// A verb or pattern code: `[031]`, `[032:033]`, `[031!]`, `[023?]`.
fn parse_code(raw: &str) -> Option<EventCode> {
    let c = raw.trim().trim_end_matches(['!', '?']);
    EventCode::parse(c)
}

/// A synset member in TABARI spelling: words and `&OTHER` references.
enum MemberPart {
    Words(Vec<Vec<String>>),
    Ref(String),
}

fn parse_member(text: &str, file: &str, lineno: usize, diags: &mut Vec<Diagnostic>) -> Vec<MemberPart> {
    let mut parts = Vec::new();
    let mut words = String::new();
    let flush = |words: &mut String, parts: &mut Vec<MemberPart>| {
        let w = words.trim().trim_matches('_');
        if !w.is_empty() {
            parts.push(MemberPart::Words(tabari_phrase(&format!("{w}{}", if words.trim_end().ends_with('_') { "_" } else { "" }), false)));
        }
        words.clear();
    };
    for tok in text.split(|c: char| c.is_whitespace()).filter(|t| !t.is_empty()) {
        for (k, piece) in tok.split('_').enumerate() {
            if k > 0 {
                words.push('_');
            }
            if let Some(name) = piece.strip_prefix('&') {
                flush(&mut words, &mut parts);
                parts.push(MemberPart::Ref(name.to_uppercase()));
            } else if piece == "$" || piece == "+" {
                diags.push(Diagnostic::new(file, lineno, format!("actor slot `{piece}` in a synset member is not supported; member read without it")));
            } else {
                words.push_str(piece);
            }
        }
        words.push(' ');
    }
    flush(&mut words, &mut parts);
    parts
}

/// Expand a member's references to other synsets (cycles and unknown names reported).
fn expand_member(parts: &[MemberPart], raw: &[(String, Vec<Vec<MemberPart>>, String, usize)], depth: usize, diags: &mut Vec<Diagnostic>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for p in parts {
        let options: Vec<Vec<String>> = match p {
            MemberPart::Words(v) => v.clone(),
            MemberPart::Ref(name) => match raw.iter().find(|(n, ..)| n == name) {
                Some((_, members, _, _)) if depth < 6 => members.iter().flat_map(|m| expand_member(m, raw, depth + 1, diags)).collect(),
                Some((n, _, file, line)) => {
                    diags.push(Diagnostic::new(file.as_str(), *line, format!("synset &{n} nests too deeply")));
                    vec![]
                }
                None => vec![vec![format!("&{name}")]],
            },
        };
        out = out.into_iter().flat_map(|pre| options.iter().map(move |o| pre.iter().chain(o).cloned().collect::<Vec<String>>())).take(10_000).collect();
    }
    out.retain(|m| !m.is_empty());
    out
}

pub fn read_verbs(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    #[derive(PartialEq)]
    enum Section {
        Verbs,
        Synsets,
        Time,
    }
    let mut section = Section::Verbs;
    let mut block: Option<VerbBlock> = None;
    // Synsets are expanded once all are read (members may name later ones).
    let mut raw_synsets: Vec<(String, Vec<Vec<MemberPart>>, String, usize)> = Vec::new();
    let flush = |b: Option<VerbBlock>, model: &mut Model| {
        if let Some(b) = b {
            model.verbs.push(b);
        }
    };
    for (i, rawline) in text.lines().enumerate() {
        let lineno = i + 1;
        let trimmed = rawline.trim();
        if trimmed.starts_with("~~") {
            break; // ~~FINISH
        }
        match trimmed {
            "<SYNSETS>" => {
                section = Section::Synsets;
                continue;
            }
            "<TIME>" => {
                section = Section::Time;
                continue;
            }
            "</SYNSETS>" | "</TIME>" => {
                section = Section::Verbs;
                continue;
            }
            _ => {}
        }
        let line = strip_semicolon(rawline).trim();
        if line.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let origin = format!("{file}:{lineno}");
        match section {
            Section::Synsets => {
                if let Some(name) = line.strip_prefix('&') {
                    raw_synsets.push((name.trim().trim_end_matches('_').to_uppercase(), Vec::new(), file.to_string(), lineno));
                } else if let Some(member) = line.strip_prefix('+') {
                    match raw_synsets.last_mut() {
                        Some(s) => s.1.push(parse_member(member, file, lineno, diags)),
                        None => diags.push(Diagnostic::new(file, lineno, "synset member before any `&NAME`; skipped")),
                    }
                } else {
                    diags.push(Diagnostic::new(file, lineno, format!("unexpected line in <SYNSETS>: `{line}`; skipped")));
                }
            }
            Section::Time => {
                let (head, blocks) = split_code_blocks(line);
                let code = blocks.first().map(|c| c.trim()).unwrap_or("");
                if is_marker_code(code) && !head.trim().starts_with('-') {
                    model.discards.sentence.extend(tabari_phrase(head.trim(), false));
                } else {
                    diags.push(Diagnostic::new(file, lineno, format!("time-shift entry `{line}` not supported; skipped")));
                }
            }
            Section::Verbs => {
                if let Some(body) = line.strip_prefix('-') {
                    let Some(b) = block.as_mut() else {
                        diags.push(Diagnostic::new(file, lineno, "pattern before any verb; skipped"));
                        continue;
                    };
                    let (pat, blocks) = split_code_blocks(body);
                    let Some(code) = blocks.first().and_then(|c| parse_code(c)) else {
                        diags.push(Diagnostic::new(file, lineno, "pattern without a `[CODE]`; skipped"));
                        continue;
                    };
                    match expand_alternatives(pat.trim()) {
                        Ok(texts) => {
                            for t in texts {
                                match parse_pattern(&t) {
                                    Ok((before, after)) => b.patterns.push(Pattern { before, after, code: code.clone(), plurals: false, text: pat.trim().to_string(), origin: origin.clone() }),
                                    Err(e) => diags.push(Diagnostic::new(file, lineno, format!("{e}; skipped"))),
                                }
                            }
                        }
                        Err(e) => diags.push(Diagnostic::new(file, lineno, format!("{e}; skipped"))),
                    }
                    continue;
                }
                if let Some(forms) = line.strip_prefix('{') {
                    let Some(b) = block.as_mut() else {
                        diags.push(Diagnostic::new(file, lineno, "verb forms before any verb; skipped"));
                        continue;
                    };
                    if !forms.contains('}') {
                        diags.push(Diagnostic::new(file, lineno, "verb forms without a closing `}`; read to the end of the line"));
                    }
                    for f in forms.trim_end_matches('}').split_whitespace() {
                        for phrase in tabari_phrase(f, true) {
                            b.lemmas.push(Lemma { form: VerbForm { phrase, head: 0 }, irregular: vec![], code: None });
                        }
                    }
                    continue;
                }
                // A verb entry: `NAME [CODE]`.
                flush(block.take(), model);
                let (head, blocks) = split_code_blocks(line);
                let head = head.trim();
                let code_raw = blocks.first().map(|c| c.trim()).unwrap_or("");
                let phrases = tabari_phrase(head, true);
                if phrases.is_empty() {
                    diags.push(Diagnostic::new(file, lineno, format!("unreadable verb line `{line}`; skipped")));
                    continue;
                }
                let code = if is_marker_code(code_raw) {
                    // A discard or complex verb: the phrase stops the sentence being coded.
                    // Its patterns (if any follow) still code, under a null default.
                    model.discards.sentence.extend(phrases.iter().cloned());
                    EventCode { primary: "---".into(), reverse: None }
                } else {
                    match parse_code(code_raw) {
                        Some(c) => c,
                        None => {
                            diags.push(Diagnostic::new(file, lineno, "verb without a `[CODE]`; read as `[---]`"));
                            EventCode { primary: "---".into(), reverse: None }
                        }
                    }
                };
                let lemmas = phrases.into_iter().map(|phrase| Lemma { form: VerbForm { phrase, head: 0 }, irregular: vec![], code: None }).collect();
                block = Some(VerbBlock { name: head.replace('_', " "), code, lemmas, patterns: Vec::new(), noun: false, inflect: false, origin });
            }
        }
    }
    flush(block, model);
    for (name, members, file, line) in &raw_synsets {
        let mut expanded = Vec::new();
        for m in members {
            for e in expand_member(m, &raw_synsets, 0, diags) {
                if let Some(bad) = e.iter().find(|w| w.starts_with('&')) {
                    diags.push(Diagnostic::new(file.as_str(), *line, format!("synset &{name} names unknown {bad}; member skipped")));
                    continue;
                }
                expanded.push(e);
            }
        }
        model.synsets.push((name.clone(), expanded));
    }
}

// ---------------------------------------------------------------------------------------------
// Project and options
// ---------------------------------------------------------------------------------------------

/// A TABARI `.project` file: the files it names, relative to the project file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub actors: Vec<String>,
    pub verbs: Vec<String>,
    pub agents: Vec<String>,
    pub options: Option<String>,
    pub text: Vec<String>,
}

/// Read a `.project` file: `<actorsfile> NAME` lines (also `verbsfile`, `agentsfile`,
/// `optionsfile`, `textfile`); output files and session logs are ignored. An unknown
/// `<...file>` tag gets a diagnostic.
pub fn read_project(text: &str, file: &str) -> (Project, Vec<Diagnostic>) {
    let mut p = Project::default();
    let mut diags = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let Some(rest) = line.strip_prefix('<') else { continue };
        let Some((tag, value)) = rest.split_once('>') else { continue };
        let tag = tag.trim().to_ascii_lowercase();
        let value = value.trim().to_string();
        if !tag.ends_with("file") {
            continue;
        }
        if value.is_empty() {
            diags.push(Diagnostic::new(file, i + 1, format!("<{tag}> without a file name; ignored")));
            continue;
        }
        match tag.as_str() {
            "actorsfile" => p.actors.push(value),
            "verbsfile" => p.verbs.push(value),
            "agentsfile" => p.agents.push(value),
            "optionsfile" => p.options = Some(value),
            "textfile" => p.text.push(value),
            "eventfile" | "problemfile" | "errorfile" => {}
            _ => diags.push(Diagnostic::new(file, i + 1, format!("unknown project entry <{tag}>; ignored"))),
        }
    }
    (p, diags)
}

/// `SET: CODE BY ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeBy {
    Clause,
    Sentence,
    All,
}

/// TABARI's `DEFAULT:` actors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    /// `SOURCE [CODE] PRIOR`: the source when no actor precedes the verb.
    pub source: Option<String>,
    /// `TARGET [CODE] AFTER`: the target when no actor follows the verb.
    pub target: Option<String>,
}

/// The settings of a `.options` file that matter for coding. Output format, labels, usage
/// statistics and the like are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// `COMPLEX: VERBS[n]`: more verbs than this make the sentence complex.
    pub complex_verbs: Option<usize>,
    /// `COMPLEX: CONJ[n]`: more conjunctions than this make it complex.
    pub complex_conj: Option<usize>,
    /// `COMPLEX: ... NOACTPRIOR`: no actor before the verb makes it complex.
    pub no_actor_prior: bool,
    pub code_by: CodeBy,
    /// `SET: MINIMUM WORDS = n`: shorter records are not coded (TABARI's default is 8).
    pub minimum_words: usize,
    /// `SET: CONVERT AGENT = TRUE`: an agent with no actor is coded as `~CODE`.
    pub convert_agent: bool,
    pub defaults: Defaults,
    /// `SET: YYYY = TRUE`: record dates have four-digit years.
    pub yyyy: bool,
    /// `SET: TIME SHIFT`, `FORWARD:`, `COMMA:` as last set (read, not applied by dyad).
    pub time_shift: bool,
    pub forward: bool,
    pub comma: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            complex_verbs: None,
            complex_conj: None,
            no_actor_prior: false,
            code_by: CodeBy::Clause,
            minimum_words: 8,
            convert_agent: false,
            defaults: Defaults::default(),
            yyyy: false,
            time_shift: false,
            forward: false,
            comma: None,
        }
    }
}

fn bracket_value(s: &str, key: &str) -> Option<String> {
    let up = s.to_ascii_uppercase();
    let at = up.find(key)? + key.len();
    let rest = &s[at..];
    let open = rest.find('[')?;
    if rest[..open].trim().len() > 0 {
        return None;
    }
    let close = rest.find(']')?;
    Some(rest[open + 1..close].trim().to_string())
}

fn flag(v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_uppercase().as_str() {
        "TRUE" | "ON" | "YES" => Ok(true),
        "FALSE" | "OFF" | "NO" => Ok(false),
        other => Err(format!("expected TRUE or FALSE, got `{other}`")),
    }
}

impl Options {
    /// Apply one option line (`COMPLEX: ...`, `SET: ...`, `DEFAULT: ...`, ...). Returns
    /// whether the line concerns coding; an unreadable setting is an error.
    pub fn apply(&mut self, line: &str) -> Result<bool, String> {
        let line = line.trim();
        let Some((cmd, rest)) = line.split_once(':') else {
            return Err(format!("expected `COMMAND: ...`, got `{line}`"));
        };
        let rest = rest.trim();
        let up = rest.to_ascii_uppercase();
        match cmd.trim().to_ascii_uppercase().as_str() {
            "COMPLEX" => {
                let num = |key: &str| -> Option<usize> { bracket_value(rest, key).and_then(|v| v.parse().ok()) };
                self.complex_verbs = num("VERBS");
                self.complex_conj = num("CONJ");
                self.no_actor_prior = up.split_whitespace().any(|w| w == "NOACTPRIOR");
                Ok(true)
            }
            "SET" => {
                let (key, value) = match up.split_once('=') {
                    Some((k, v)) => (k.trim().to_string(), Some(v.trim().to_string())),
                    None => (up.trim().to_string(), None),
                };
                match (key.as_str(), value) {
                    ("CODE BY CLAUSE", None) => self.code_by = CodeBy::Clause,
                    ("CODE BY SENTENCE", None) => self.code_by = CodeBy::Sentence,
                    ("CODE ALL", None) => self.code_by = CodeBy::All,
                    ("MINIMUM WORDS", Some(v)) => self.minimum_words = v.trim_end_matches(|c: char| !c.is_ascii_digit()).parse().map_err(|_| format!("bad MINIMUM WORDS `{v}`"))?,
                    ("CONVERT AGENT", Some(v)) => self.convert_agent = flag(&v)?,
                    ("YYYY", Some(v)) => self.yyyy = flag(&v)?,
                    ("TIME SHIFT", Some(v)) => self.time_shift = flag(&v)?,
                    _ => return Ok(false),
                }
                Ok(true)
            }
            "DEFAULT" => {
                if up.split_whitespace().next() == Some("OFF") {
                    self.defaults = Defaults::default();
                    return Ok(true);
                }
                let words: Vec<&str> = up.split_whitespace().collect();
                let source = bracket_value(rest, "SOURCE");
                let target = bracket_value(rest, "TARGET");
                if source.is_none() && target.is_none() {
                    return Err(format!("DEFAULT: without SOURCE [..] or TARGET [..]: `{rest}`"));
                }
                self.defaults.source = source.filter(|_| words.contains(&"PRIOR"));
                self.defaults.target = target.filter(|_| words.contains(&"AFTER"));
                Ok(true)
            }
            "FORWARD" => {
                self.forward = !up.split_whitespace().any(|w| w == "OFF");
                Ok(true)
            }
            "COMMA" => {
                self.comma = if up.trim() == "OFF" { None } else { Some(rest.to_string()) };
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// Read a `.options` file: every line that parses as a setting is applied in order; `//`
/// lines are comments; a setting that cannot be read gets a diagnostic.
pub fn read_options(text: &str, file: &str) -> (Options, Vec<Diagnostic>) {
    let mut o = Options::default();
    let mut diags = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.starts_with("~~") {
            break;
        }
        if let Err(e) = o.apply(line) {
            diags.push(Diagnostic::new(file, i + 1, format!("{e}; ignored")));
        }
    }
    (o, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn words_stems_exact_and_endings() {
        assert_eq!(tabari_phrase("GRAB", true), vec![s(&["GRAB*"])]);
        assert_eq!(tabari_phrase("SHUT_DOWN", true), vec![s(&["SHUT", "DOWN*"])]);
        assert_eq!(tabari_phrase("HOP=", true), vec![s(&["HOP"])]);
        let v = tabari_phrase("LEAP_", true);
        assert!(v.contains(&s(&["LEAP"])) && v.contains(&s(&["LEAPED"])) && v.contains(&s(&["LEAPING"])), "{v:?}");
        let v = tabari_phrase("GLIDE_", true);
        assert!(v.contains(&s(&["GLIDED"])) && v.contains(&s(&["GLIDING"])), "{v:?}");
        assert_eq!(tabari_phrase("LEAP_", false), vec![s(&["LEAP"])]);
        assert_eq!(tabari_phrase("BIG~_TOWN", true), vec![s(&["BIG*", "TOWN*"])]);
        assert_eq!(tabari_phrase("KING OF_HILLS_", false), vec![s(&["KING*", GAP_WORD, "OF", "HILLS"])]);
    }

    #[test]
    fn patterns_and_alternatives() {
        let alts = expand_alternatives("- ASKED_{ RED_ | BLUE } * HATS").unwrap();
        assert_eq!(alts, vec!["- ASKED_RED_ * HATS", "- ASKED_BLUE * HATS"]);
        let (b, a) = parse_pattern("ASKED_RED_ * HATS_ $").unwrap();
        assert_eq!(b, vec![PatternElem::Word("ASKED".into()), PatternElem::Adjacent, PatternElem::Word("RED".into())]);
        assert_eq!(a, vec![PatternElem::Word("HATS".into()), PatternElem::Source]);
        let (b, a) = parse_pattern("SOON~_* + ^ &COLOURS").unwrap();
        assert_eq!(b, vec![PatternElem::Word("SOON*".into()), PatternElem::Adjacent]);
        assert_eq!(a, vec![PatternElem::Target, PatternElem::Skip, PatternElem::Synset("COLOURS".into())]);
        assert!(parse_pattern("NO VERB HERE").is_err());
    }

    const VERBS: &str = "<SYNSETS>\n&HUE\n+SCARLET\n+DEEP_BLUE_\n&SHADE\n+&HUE_TINT\n</SYNSETS>\n<TIME>\nONCE_A_MOON [###]\nNEXT_TIDE [+2]\n</TIME>\nPAINT  [510] ;a comment\n{ PAINTED_ DAUBED_ }\n- * &HUE WALLS [511] ; pattern\n- * { FENCES | GATES } [512]\nCROQUET [###]\nBOGUS LINE WITHOUT CODE\n- NOSTAR [1]\n~~FINISH\nIGNORED [9]\n";

    #[test]
    fn reads_verbs_file() {
        let mut m = Model::default();
        let mut d = Vec::new();
        read_verbs(VERBS, "v", &mut m, &mut d);
        let lines: Vec<usize> = d.iter().map(|x| x.line).collect();
        assert_eq!(lines, vec![10, 17, 18], "{d:?}");
        assert_eq!(m.verbs.len(), 3); // PAINT, CROQUET (a discard, kept for its patterns), BOGUS LINE...
        let paint = &m.verbs[0];
        assert_eq!(paint.code.primary, "510");
        assert!(!paint.inflect);
        assert!(paint.lemmas.iter().any(|l| l.form.phrase == s(&["DAUBED"])));
        assert_eq!(paint.patterns.len(), 3);
        assert!(m.discards.sentence.contains(&s(&["ONCE", "A", "MOON*"])));
        assert!(m.discards.sentence.contains(&s(&["CROQUET*"])));
        let shade = m.synsets.iter().find(|(n, _)| n == "SHADE").unwrap();
        assert!(shade.1.contains(&s(&["SCARLET*", "TINT*"])) && shade.1.contains(&s(&["DEEP", "BLUE", "TINT*"])), "{shade:?}");
        assert!(m.discards.sentence.contains(&s(&["ONCE", "A", "MOON*"])));
    }

    const ACTORS: &str = "<NOUN>\nPEBBLES   ;x\n</NOUN>\nRIVERLAND  [RVL] ; comment\nHILL_FOLK_ [HLF]\n# commented out\nOLD KING\n+KING_COLE\n\t[KNG < 010101]\n\t[KNGELI 010101 - 051231]\n\t[KNGRET > 060101]\nGHOST_TOWN [###]\nSTRANGER [---]\nNOBODY\n~~FINISH\nLATE [LTE]\n";

    #[test]
    fn reads_actors_file() {
        let mut m = Model::default();
        let mut d = Vec::new();
        read_actors(ACTORS, "a", &mut m, &mut d);
        assert!(m.other_words.contains(&s(&["PEBBLES*"])));
        let king: Vec<&ActorEntry> = m.actors.iter().filter(|a| a.codes.len() == 3).collect();
        assert_eq!(king.len(), 2, "{:?}", m.actors);
        assert!(king.iter().any(|a| a.phrase == s(&["KING", "COLE*"])));
        assert!(king.iter().any(|a| a.phrase == s(&["OLD*", GAP_WORD, "KING*"])));
        assert!(m.actors.iter().any(|a| a.phrase == s(&["HILL", "FOLKS"])));
        assert!(m.discards.sentence.contains(&s(&["GHOST", "TOWN*"])));
        // NOBODY has no code; nothing after ~~FINISH is read.
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 14);
        assert!(m.other_words.contains(&s(&["STRANGER*"])) && !m.actors.iter().any(|a| a.phrase == s(&["STRANGER*"])));
        assert!(!m.actors.iter().any(|a| a.phrase == s(&["LATE*"])));
    }

    #[test]
    fn reads_agents_project_and_options() {
        let mut m = Model::default();
        let mut d = Vec::new();
        read_agents("RANGERS_ [ ~MIL] ;x\nSCRIBES_ [SCR~]\nNOCODE_\n", "g", &mut m, &mut d);
        assert_eq!(m.agents.iter().filter(|a| a.code == "MIL").count(), with_endings("RANGERS").len());
        assert!(m.agents.iter().any(|a| a.code == "SCR" && a.placement == AgentPlacement::Prefix));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 3);

        let (p, d) = read_project("Title line\n<actorsfile>  a.actors\n<verbsfile>\tv.verbs\n<optionsfile> o.options\n<textfile> t.text\n<eventfile> out\n<weirdfile> x\n<session 1> <coder x>\n", "p");
        assert_eq!(p.actors, vec!["a.actors"]);
        assert_eq!(p.verbs, vec!["v.verbs"]);
        assert_eq!(p.options.as_deref(), Some("o.options"));
        assert_eq!(p.text, vec!["t.text"]);
        assert_eq!(d.len(), 1);

        let (o, d) = read_options("// c\nCOMPLEX: VERBS[3] CONJ[2] NOACTPRIOR\nSET: MINIMUM WORDS = 5\nSET: CODE ALL\nLABEL: 01=X\nSET: CONVERT AGENT = MAYBE\n", "o");
        assert_eq!((o.complex_verbs, o.complex_conj, o.no_actor_prior), (Some(3), Some(2), true));
        assert_eq!(o.minimum_words, 5);
        assert_eq!(o.code_by, CodeBy::All);
        assert_eq!(d.len(), 1);
        let mut o = Options::default();
        o.apply("DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT]").unwrap();
        assert_eq!(o.defaults, Defaults { source: Some("SRC".into()), target: None });
        o.apply("DEFAULT: OFF").unwrap();
        assert_eq!(o.defaults, Defaults::default());
    }

    #[test]
    fn stems_match_open_words_and_yield_to_longer_ones() {
        use crate::{Builder, Format, Kind};
        let mut b = Builder::new();
        b.add_text_as(Kind::Actors, Format::Tabari, "a", "<NOUN>\nRIVERBANK\n</NOUN>\nRIVER [RVR]\nHILL_ [HIL]\n");
        b.add_text_as(Kind::Verbs, Format::Tabari, "v", "SCOLD [120]\n- * RIVER [121]\n");
        let (d, diags) = b.build();
        assert!(diags.is_empty(), "{diags:?}");
        let ids = |ws: &[&str]| ws.iter().map(|w| d.word_id(w)).collect::<Vec<u32>>();
        // A stem claims the words it begins ("RIVERS", "RIVERINE"), but not one a longer
        // dictionary word begins ("RIVERBANKS" belongs to the noun RIVERBANK).
        assert!(d.actor_at(&ids(&["RIVERS"])).is_some());
        assert!(d.actor_at(&ids(&["RIVERINE"])).is_some());
        assert!(d.actor_at(&ids(&["RIVERBANKS"])).is_none());
        // `HILL_`: exact with regular endings only.
        assert!(d.actor_at(&ids(&["HILLS"])).is_some());
        assert!(d.actor_at(&ids(&["HILLY"])).is_none());
        assert!(d.verb_at(&ids(&["SCOLDED"])).is_some());
        // A stem in a pattern also accepts longer dictionary words ("RIVERBANK").
        let block = d.block(d.verb_at(&ids(&["SCOLDS"])).unwrap().1[0].block);
        let crate::Elem::Synset(si) = block.patterns[0].after[0] else { panic!("stem pattern word is a synset") };
        assert_eq!(d.synset_at(si, &ids(&["RIVERBANKS"])), Some(1));
        assert_eq!(d.synset_at(si, &ids(&["RIVERS"])), Some(1));
    }
}
