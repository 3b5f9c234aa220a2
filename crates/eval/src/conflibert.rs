//! ConfliBERT's CAMEO sets: real news sentences with the pentaclass of their main event
//! (`dyad eval conflibert-class`) and with source/target actor spans (`dyad eval conflibert-ner`).
//!
//! Both code each sentence from its text alone, with no date, and read the sentence's *main
//! event* off the coder's output ([`main_event`]):
//! - class: the main event's CAMEO root gives its pentaclass ([`pentaclass`]); a sentence with no
//!   event is counted as such and scored wrong.
//! - NER: the main event's source and target mentions are the predicted `S` and `T` spans; when
//!   the sentence's events pair the same two actors both ways under one code (a compound acting
//!   among itself: "Beijing and Moscow held talks") they are `R` (reciprocal) spans instead.
//!   Spans are compared exactly, as character ranges of the sentence rebuilt from its tokens
//!   ([`detokenize`]).

use crate::petrarch::ReadIssue;
use dyad_coder::{code_doc, Aux, Event, Options};
use dyad_dict::Dictionaries;
use dyad_text::{Article, Doc};
use serde::Serialize;
use std::fmt::Write;

/// Pentaclass names, by class number.
pub const CLASS_NAMES: [&str; 5] = [
    "0 statements, appeals (01-02)",
    "1 verbal cooperation (03-05)",
    "2 material cooperation (06-08)",
    "3 verbal conflict (09-13)",
    "4 material conflict (14-20)",
];

/// The pentaclass of a CAMEO event code (see [`dyad_ontology::pentaclass`]): 0 = roots 01–02,
/// 1 = 03–05, 2 = 06–08, 3 = 09–13, 4 = 14–20; `None` for anything that is not a CAMEO code.
pub use dyad_ontology::pentaclass;

/// Code a sentence (or short text) on its own, with no date, allowing events with one actor.
/// Events come with spans relative to their own sentence; the second value of each pair is the
/// code-point offset of that sentence in `text`.
pub fn code_text(dicts: &Dictionaries, text: &str) -> Vec<(Event, usize)> {
    let doc = Doc::new(Article { id: String::new(), body: text.to_string(), ..Article::default() });
    let offsets: Vec<usize> = doc.sentences.iter().map(|s| text[..s.start].chars().count()).collect();
    let opts = Options { require_dyad: false };
    code_doc(dicts, &doc, &opts)
        .into_iter()
        .map(|e| {
            let off = offsets.get(e.sentence_index).copied().unwrap_or(0);
            (e, off)
        })
        .collect()
}

/// The main event of a sentence among its coded events: not negated; then not a bare
/// statement (`010`, "said": what was said, even as a plan or possibility, is the news); then
/// told as a plain fact rather than marked future or hypothetical; then with both a source and
/// a target named by the dictionaries (an unnamed actor, `---`, counts as a missing one); then
/// the first in sentence order.
pub fn main_event<'a>(events: &'a [(Event, usize)]) -> Option<&'a (Event, usize)> {
    let rank = |(e, off): &(Event, usize)| {
        (
            e.aux.contains(&Aux::Negation),
            e.code == "010",
            !e.aux.is_empty(),
            [&e.source, &e.target].iter().filter(|a| a.as_ref().is_none_or(|a| a.code == "---")).count(),
            off + e.verb_span.0,
        )
    };
    events.iter().min_by_key(|ev| rank(ev))
}

// ---------------------------------------------------------------------------------------------
// Class: sentence → pentaclass
// ---------------------------------------------------------------------------------------------

/// One labelled sentence of `cameo_class_train.tsv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassRecord {
    /// 1-based line in the file.
    pub line: usize,
    pub text: String,
    pub label: u8,
}

/// Read `sentence TAB label` lines. Blank lines are ignored; a line without a tab or with a
/// label outside 0–4 is reported and skipped.
pub fn parse_class_tsv(content: &str) -> (Vec<ClassRecord>, Vec<ReadIssue>) {
    let mut records = Vec::new();
    let mut issues = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let issue = |message: String| ReadIssue { line: line_no, id: None, message, skipped: true };
        let Some((text, label)) = line.rsplit_once('\t') else {
            issues.push(issue("no tab between sentence and label".into()));
            continue;
        };
        match label.trim().parse::<u8>() {
            Ok(l) if l <= 4 && !text.trim().is_empty() => {
                records.push(ClassRecord { line: line_no, text: text.trim().to_string(), label: l })
            }
            Ok(_) if text.trim().is_empty() => issues.push(issue("empty sentence".into())),
            _ => issues.push(issue(format!("label `{}` is not a pentaclass 0-4", label.trim()))),
        }
    }
    (records, issues)
}

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ClassScore {
    pub support: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// One sentence's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassResult {
    pub line: usize,
    pub text: String,
    pub label: u8,
    /// `None`: no event coded.
    pub predicted: Option<u8>,
    /// The main event's code and rule, if any.
    pub code: Option<String>,
    pub rule: Option<String>,
}

/// The result of `dyad eval conflibert-class`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub file: String,
    pub sentences: usize,
    pub read_issues: Vec<ReadIssue>,
    /// Sentences with at least one event.
    pub coded: usize,
    pub uncoded: usize,
    pub correct: usize,
    /// correct / sentences (uncoded sentences count as wrong).
    pub accuracy: f64,
    /// correct / coded.
    pub accuracy_coded: f64,
    /// Mean F1 over the five classes (uncoded sentences count as misses of their class).
    pub macro_f1: f64,
    pub per_class: Vec<ClassScore>,
    /// `confusion[gold][predicted]`, predicted 0–4 and 5 = no event.
    pub confusion: Vec<[usize; 6]>,
    pub results: Vec<ClassResult>,
}

/// Code and score labelled sentences.
pub fn evaluate_class(file: &str, records: &[ClassRecord], issues: Vec<ReadIssue>, dicts: &Dictionaries) -> ClassReport {
    let results: Vec<ClassResult> = records
        .iter()
        .map(|r| {
            let events = code_text(dicts, &r.text);
            let main = main_event(&events).map(|(e, _)| e);
            ClassResult {
                line: r.line,
                text: r.text.clone(),
                label: r.label,
                predicted: main.and_then(|e| pentaclass(&e.code)),
                code: main.map(|e| e.code.clone()),
                rule: main.map(|e| e.rule.clone()),
            }
        })
        .collect();
    let mut confusion = vec![[0usize; 6]; 5];
    for r in &results {
        confusion[r.label as usize][r.predicted.map_or(5, usize::from)] += 1;
    }
    let per_class: Vec<ClassScore> = (0..5)
        .map(|c| {
            let support = confusion[c].iter().sum();
            let predicted = (0..5).map(|g| confusion[g][c]).sum();
            let correct = confusion[c][c];
            let (precision, recall, f1) = prf(correct, predicted, support);
            ClassScore { support, predicted, correct, precision, recall, f1 }
        })
        .collect();
    let n = results.len();
    let uncoded = results.iter().filter(|r| r.predicted.is_none()).count();
    let correct = results.iter().filter(|r| r.predicted == Some(r.label)).count();
    ClassReport {
        file: file.to_string(),
        sentences: n,
        read_issues: issues,
        coded: n - uncoded,
        uncoded,
        correct,
        accuracy: ratio(correct, n),
        accuracy_coded: ratio(correct, n - uncoded),
        macro_f1: per_class.iter().map(|c| c.f1).sum::<f64>() / 5.0,
        per_class,
        confusion,
        results,
    }
}

/// A report as JSON, its per-sentence `results` left out unless asked for.
fn report_json(report: &impl Serialize, with_results: bool) -> String {
    let mut v = serde_json::to_value(report).unwrap_or_default();
    if !with_results {
        if let Some(o) = v.as_object_mut() {
            o.remove("results");
        }
    }
    v.to_string()
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// (precision, recall, F1) from counts.
fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(correct, predicted);
    let r = ratio(correct, gold);
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl ClassReport {
    pub fn to_text(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "ConfliBERT pentaclass: {}", self.file);
        let _ = writeln!(s, "Sentences: {} read, {} skipped as malformed", self.sentences, self.read_issues.len());
        for i in &self.read_issues {
            let _ = writeln!(s, "  {i}");
        }
        let _ = writeln!(s, "Rule: the main event's CAMEO root gives the class; a sentence with no event is wrong");
        let _ = writeln!(s);
        let _ = writeln!(s, "  Class                              Support  Predicted  Correct  Precision  Recall     F1");
        for (c, k) in self.per_class.iter().enumerate() {
            let _ = writeln!(
                s,
                "  {:<34} {:>7}  {:>9}  {:>7}  {:>9.3}  {:>6.3}  {:>5.3}",
                CLASS_NAMES[c], k.support, k.predicted, k.correct, k.precision, k.recall, k.f1
            );
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "  Confusion (rows: gold, columns: predicted; `-` no event)");
        let _ = writeln!(s, "  gold      0     1     2     3     4     -");
        for (g, row) in self.confusion.iter().enumerate() {
            let _ = write!(s, "  {g:>4}");
            for n in row {
                let _ = write!(s, " {n:>5}");
            }
            let _ = writeln!(s);
        }
        if verbose {
            let _ = writeln!(s, "\nWrong sentences:");
            for r in self.results.iter().filter(|r| r.predicted != Some(r.label)) {
                let got = match (&r.predicted, &r.code) {
                    (Some(p), Some(c)) => format!("{p} ({c}, {})", r.rule.as_deref().unwrap_or("")),
                    _ => "no event".to_string(),
                };
                let _ = writeln!(s, "  line {}: gold {} got {}\n    {}", r.line, r.label, got, r.text);
            }
        }
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Result: accuracy {:.3} ({}/{}), macro-F1 {:.3}; {} sentences with no event ({:.1}%); accuracy on coded sentences {:.3}",
            self.accuracy,
            self.correct,
            self.sentences,
            self.macro_f1,
            self.uncoded,
            100.0 * ratio(self.uncoded, self.sentences),
            self.accuracy_coded
        );
        s
    }

    /// JSON: the headline figures (the gate reads these), per-class scores, the confusion
    /// matrix; the per-sentence results only when `with_results`.
    pub fn to_json(&self, with_results: bool) -> String {
        report_json(self, with_results)
    }
}

// ---------------------------------------------------------------------------------------------
// NER: source/target spans
// ---------------------------------------------------------------------------------------------

/// The role of an actor span: source, target or reciprocal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Role {
    S,
    T,
    R,
}

impl Role {
    fn from_tag(t: &str) -> Option<Role> {
        match t {
            "S" => Some(Role::S),
            "T" => Some(Role::T),
            "R" => Some(Role::R),
            _ => None,
        }
    }
}

/// A labelled span: role and `[start, end)` code points of the rebuilt sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// One sentence of `cameo_ner_train.txt`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerRecord {
    /// 1-based line of its first token.
    pub line: usize,
    /// The sentence rebuilt from its tokens.
    pub text: String,
    pub gold: Vec<Span>,
}

/// Read `token TAG` lines, a blank line between sentences. Tags are BIO over S/T/R. A line
/// without a tag, or an unknown tag, is reported and its sentence skipped; an `I-` without its
/// `B-` starts a span (as most BIO readers do) and is reported.
pub fn parse_ner(content: &str) -> (Vec<NerRecord>, Vec<ReadIssue>) {
    let mut records = Vec::new();
    let mut issues = Vec::new();
    let mut tokens: Vec<(String, String)> = Vec::new();
    let mut first_line = 0;
    let mut broken = false;
    let mut flush = |tokens: &mut Vec<(String, String)>, first_line: usize, broken: &mut bool, issues: &mut Vec<ReadIssue>| {
        if !tokens.is_empty() && !*broken {
            let words: Vec<&str> = tokens.iter().map(|(w, _)| w.as_str()).collect();
            let (text, offsets) = detokenize(&words);
            let mut gold = Vec::new();
            let mut open: Option<Span> = None;
            for (i, (_, tag)) in tokens.iter().enumerate() {
                let (bio, role) = match tag.split_once('-') {
                    Some((b, r)) => (b, Role::from_tag(r)),
                    None => (tag.as_str(), None),
                };
                let continues = bio == "I" && open.is_some_and(|s| Some(s.role) == role);
                if !continues {
                    gold.extend(open.take());
                    if let (true, Some(r)) = (bio == "B" || bio == "I", role) {
                        if bio == "I" {
                            issues.push(ReadIssue {
                                line: first_line + i,
                                id: None,
                                message: format!("`{tag}` without a `B-` before it; read as the start of a span"),
                                skipped: false,
                            });
                        }
                        open = Some(Span { role: r, start: offsets[i].0, end: offsets[i].1 });
                    }
                } else if let Some(s) = open.as_mut() {
                    s.end = offsets[i].1;
                }
            }
            gold.extend(open);
            records.push(NerRecord { line: first_line, text, gold });
        }
        tokens.clear();
        *broken = false;
    };
    for (i, line) in content.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            flush(&mut tokens, first_line, &mut broken, &mut issues);
            continue;
        }
        if tokens.is_empty() && !broken {
            first_line = line_no;
        }
        let Some((word, tag)) = line.trim_end().rsplit_once([' ', '\t']) else {
            issues.push(ReadIssue { line: line_no, id: None, message: "token without a tag; sentence skipped".into(), skipped: true });
            broken = true;
            continue;
        };
        let tag = tag.trim();
        let valid = tag == "O"
            || tag.split_once('-').is_some_and(|(b, r)| matches!(b, "B" | "I") && Role::from_tag(r).is_some());
        if !valid {
            issues.push(ReadIssue { line: line_no, id: None, message: format!("unknown tag `{tag}`; sentence skipped"), skipped: true });
            broken = true;
            continue;
        }
        tokens.push((word.trim().to_string(), tag.to_string()));
    }
    flush(&mut tokens, first_line, &mut broken, &mut issues);
    (records, issues)
}

/// Rebuild running text from word tokens as news prints it, with each token's code-point range.
/// No space before closing punctuation (`. , ; : ! ? ) ] } %`) and contractions (`'s`, `n't`,
/// `’ s` given as two tokens); none after opening brackets; hyphens, and the `.` or `,` inside
/// numbers (`352 . 5`), join their neighbours; straight double quotes alternate open/close.
pub fn detokenize(tokens: &[&str]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut quote_open = false;
    let is_apostrophe = |t: &str| matches!(t, "'" | "’" | "´" | "`");
    for (i, &tok) in tokens.iter().enumerate() {
        let prev = if i > 0 { tokens[i - 1] } else { "" };
        let next = tokens.get(i + 1).copied().unwrap_or("");
        let lower = tok.to_lowercase();
        let digit_end = |s: &str| s.chars().last().is_some_and(|c| c.is_ascii_digit());
        let digit_start = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_digit());
        let closing = matches!(tok, "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%" | "...")
            || matches!(lower.as_str(), "'s" | "’s" | "n't" | "n’t" | "'re" | "'ve" | "'ll" | "'d" | "'m");
        // `’ s`, `’ t` given as separate tokens: the apostrophe joins the word before it, the
        // letter joins the apostrophe.
        let split_contraction = is_apostrophe(tok) && matches!(next, "s" | "S" | "t" | "d" | "re" | "ve" | "ll" | "m");
        let after_split_apostrophe = is_apostrophe(prev) && matches!(tok, "s" | "S" | "t" | "d" | "re" | "ve" | "ll" | "m");
        // A plural possessive (`Kurds '`) is an apostrophe after a word ending in s.
        let possessive_apostrophe = is_apostrophe(tok) && prev.ends_with(['s', 'S']) && !is_apostrophe(next);
        let hyphen_join = tok == "-" || prev == "-";
        let number_join = (matches!(tok, "." | ",") && digit_end(prev) && digit_start(next))
            || (matches!(prev, "." | ",") && digit_start(tok) && i >= 2 && digit_end(tokens[i - 2]));
        let after_opening = matches!(prev, "(" | "[" | "{" | "“" | "‘") || (prev == "\"" && quote_open);
        let closing_quote = matches!(tok, "”" | "’") && !split_contraction && !possessive_apostrophe || (tok == "\"" && quote_open);
        let no_space = i == 0
            || closing
            || split_contraction
            || after_split_apostrophe
            || possessive_apostrophe
            || hyphen_join
            || number_join
            || after_opening
            || closing_quote;
        if tok == "\"" {
            quote_open = !quote_open;
        }
        if !no_space {
            text.push(' ');
            chars += 1;
        }
        let n = tok.chars().count();
        offsets.push((chars, chars + n));
        text.push_str(tok);
        chars += n;
    }
    (text, offsets)
}

/// The predicted spans of a sentence: the main event's source and target, or `R` for both when
/// the event is mutual by nature (a meeting, talks, an agreement signed: see
/// [`dyad_ontology::is_mutual`]) or the events pair them both ways under one code.
pub fn predicted_spans(events: &[(Event, usize)]) -> Vec<Span> {
    let Some((main, off)) = main_event(events) else { return Vec::new() };
    let span = |a: &dyad_coder::ActorRef, role| Span { role, start: off + a.phrase_span.0, end: off + a.phrase_span.1 };
    let reciprocal = match (&main.source, &main.target) {
        (Some(_), Some(_)) if dyad_ontology::is_mutual(&main.code) => true,
        (Some(s), Some(t)) => events.iter().any(|(e, o)| {
            *o == *off
                && e.code == main.code
                && e.source.as_ref().is_some_and(|x| x.span == t.span)
                && e.target.as_ref().is_some_and(|x| x.span == s.span)
        }),
        _ => false,
    };
    let mut out = Vec::new();
    if let Some(s) = &main.source {
        out.push(span(s, if reciprocal { Role::R } else { Role::S }));
    }
    if let Some(t) = &main.target {
        out.push(span(t, if reciprocal { Role::R } else { Role::T }));
    }
    out.sort();
    out.dedup();
    out
}

/// Exact-match counts for one role (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SpanScore {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl SpanScore {
    fn finish(mut self) -> SpanScore {
        (self.precision, self.recall, self.f1) = prf(self.correct, self.predicted, self.gold);
        self
    }
}

/// One sentence's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerResult {
    pub line: usize,
    pub text: String,
    pub gold: Vec<Span>,
    pub predicted: Vec<Span>,
}

/// The result of `dyad eval conflibert-ner`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerReport {
    pub file: String,
    pub sentences: usize,
    pub read_issues: Vec<ReadIssue>,
    /// Sentences where nothing was predicted.
    pub uncoded: usize,
    /// Span and role must both match.
    pub total: SpanScore,
    /// S, T, R separately.
    pub per_role: Vec<(Role, SpanScore)>,
    /// Span must match, role ignored (an actor found, whatever its side).
    pub any_role: SpanScore,
    pub results: Vec<NerResult>,
}

/// Code and score span-labelled sentences.
pub fn evaluate_ner(file: &str, records: &[NerRecord], issues: Vec<ReadIssue>, dicts: &Dictionaries) -> NerReport {
    let results: Vec<NerResult> = records
        .iter()
        .map(|r| NerResult {
            line: r.line,
            text: r.text.clone(),
            gold: r.gold.clone(),
            predicted: predicted_spans(&code_text(dicts, &r.text)),
        })
        .collect();
    let mut total = SpanScore::default();
    let mut any_role = SpanScore::default();
    let mut per_role: Vec<(Role, SpanScore)> = [Role::S, Role::T, Role::R].into_iter().map(|r| (r, SpanScore::default())).collect();
    for r in &results {
        total.gold += r.gold.len();
        total.predicted += r.predicted.len();
        total.correct += r.predicted.iter().filter(|p| r.gold.contains(p)).count();
        for (role, s) in per_role.iter_mut() {
            s.gold += r.gold.iter().filter(|g| g.role == *role).count();
            s.predicted += r.predicted.iter().filter(|p| p.role == *role).count();
            s.correct += r.predicted.iter().filter(|p| p.role == *role && r.gold.contains(p)).count();
        }
        let ranges = |v: &[Span]| {
            let mut x: Vec<(usize, usize)> = v.iter().map(|s| (s.start, s.end)).collect();
            x.sort();
            x.dedup();
            x
        };
        let (g, p) = (ranges(&r.gold), ranges(&r.predicted));
        any_role.gold += g.len();
        any_role.predicted += p.len();
        any_role.correct += p.iter().filter(|x| g.contains(x)).count();
    }
    NerReport {
        file: file.to_string(),
        sentences: results.len(),
        read_issues: issues,
        uncoded: results.iter().filter(|r| r.predicted.is_empty()).count(),
        total: total.finish(),
        per_role: per_role.into_iter().map(|(r, s)| (r, s.finish())).collect(),
        any_role: any_role.finish(),
        results,
    }
}

impl NerReport {
    pub fn to_text(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "ConfliBERT source/target spans: {}", self.file);
        let skipped = self.read_issues.iter().filter(|i| i.skipped).count();
        let _ = writeln!(s, "Sentences: {} read, {} skipped as malformed", self.sentences, skipped);
        for i in &self.read_issues {
            let _ = writeln!(s, "  {i}");
        }
        let _ = writeln!(s, "Rule: the main event's source and target mentions (R when coded both ways) against the S/T/R spans; exact character spans");
        let _ = writeln!(s);
        let _ = writeln!(s, "  Role        Gold  Predicted  Correct  Precision  Recall     F1");
        let row = |s: &mut String, name: &str, k: &SpanScore| {
            let _ = writeln!(
                s,
                "  {name:<8} {:>7}  {:>9}  {:>7}  {:>9.3}  {:>6.3}  {:>5.3}",
                k.gold, k.predicted, k.correct, k.precision, k.recall, k.f1
            );
        };
        for (r, k) in &self.per_role {
            row(&mut s, &format!("{r:?}"), k);
        }
        row(&mut s, "ALL", &self.total);
        row(&mut s, "any role", &self.any_role);
        if verbose {
            let _ = writeln!(s, "\nSentences with a miss:");
            for r in self.results.iter().filter(|r| r.gold != r.predicted) {
                let show = |v: &[Span]| {
                    v.iter()
                        .map(|x| format!("{:?}:{}", x.role, r.text.chars().skip(x.start).take(x.end - x.start).collect::<String>()))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let _ = writeln!(s, "  line {}: {}\n    gold: {}\n    got:  {}", r.line, r.text, show(&r.gold), show(&r.predicted));
            }
        }
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Result: span F1 {:.3} (precision {:.3}, recall {:.3}); role ignored {:.3}; {} of {} sentences with no span predicted",
            self.total.f1, self.total.precision, self.total.recall, self.any_role.f1, self.uncoded, self.sentences
        );
        s
    }

    /// JSON: headline figures (`total.f1` is the gate), per role; per-sentence results only
    /// when `with_results`.
    pub fn to_json(&self, with_results: bool) -> String {
        report_json(self, with_results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pentaclasses_follow_the_roots() {
        assert_eq!(pentaclass("010"), Some(0));
        assert_eq!(pentaclass("0231"), Some(0));
        assert_eq!(pentaclass("042"), Some(1));
        assert_eq!(pentaclass("061"), Some(2));
        assert_eq!(pentaclass("112"), Some(3));
        assert_eq!(pentaclass("190"), Some(4));
        assert_eq!(pentaclass("---"), None);
        assert_eq!(pentaclass("21"), None);
        assert_eq!(pentaclass("174K"), Some(4));
    }

    #[test]
    fn class_file_reports_bad_lines() {
        let (recs, issues) = parse_class_tsv("Ruritania shelled the border town.\t4\n\nno label here\nA line.\t9\n");
        assert_eq!(recs, vec![ClassRecord { line: 1, text: "Ruritania shelled the border town.".into(), label: 4 }]);
        assert_eq!(issues.iter().map(|i| i.line).collect::<Vec<_>>(), vec![3, 4]);
        assert!(issues[1].message.contains("`9`"));
    }

    #[test]
    fn detokenize_joins_like_print() {
        let toks = ["The", "Kurds", "'", "leader", "said", "Baghdad", "’", "s", "forces", "fired", "352", ".", "5", "self", "-", "made", "shells", "(", "so", "far", ")", "."];
        let (text, offs) = detokenize(&toks);
        assert_eq!(text, "The Kurds' leader said Baghdad’s forces fired 352.5 self-made shells (so far).");
        for (i, (a, b)) in offs.iter().enumerate() {
            assert_eq!(text.chars().skip(*a).take(b - a).collect::<String>(), toks[i]);
        }
        let (t2, _) = detokenize(&["He", "said", "\"", "no", "\"", "and", "left", "."]);
        assert_eq!(t2, "He said \"no\" and left.");
    }

    #[test]
    fn ner_reader_builds_spans_and_reports_bad_lines() {
        let file = "Ruritanian B-S\ntroops I-S\nshelled O\nGranland B-T\n. O\n\nbad\nline O\n\nBoth B-R\nsides I-R\nO-X\n\nlone I-T\nword O\n";
        let (recs, issues) = parse_ner(file);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "Ruritanian troops shelled Granland.");
        assert_eq!(recs[0].gold, vec![Span { role: Role::S, start: 0, end: 17 }, Span { role: Role::T, start: 26, end: 34 }]);
        assert_eq!(recs[1].gold, vec![Span { role: Role::T, start: 0, end: 4 }]);
        assert_eq!(issues.len(), 3, "{issues:?}");
        assert!(issues[0].skipped && issues[0].line == 7);
        assert!(issues[1].skipped && issues[1].line == 12);
        assert!(!issues[2].skipped && issues[2].line == 14);
    }
}
