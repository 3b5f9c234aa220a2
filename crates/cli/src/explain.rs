//! `dyad explain`: one sentence, coded with a trace for people.

use dyad_coder::{code_sentence, explain_sentence, Options};
use dyad_dict::Dictionaries;
use dyad_text::{tokenize, Date, Sentence};
use std::fmt::Write;

pub fn explain(dicts: &Dictionaries, text: &str, published: Option<Date>) -> String {
    let text = text.trim();
    let sentence = Sentence { index: 0, start: 0, end: text.len(), text: text.to_string(), tokens: tokenize(text) };
    let opts = Options::default();
    let mut out = explain_sentence(dicts, &sentence, published, &opts);
    let coded = code_sentence(dicts, &sentence, published, &opts);
    let _ = writeln!(out, "events:");
    if coded.events.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for e in &coded.events {
        let actor = |a: &Option<dyad_coder::ActorRef>| a.as_ref().map_or("-".to_string(), |a| format!("{} \"{}\"", a.code, a.text));
        let _ = writeln!(out, "  {} -> {} : {}{}  [{}]", actor(&e.source), actor(&e.target), e.code, if e.aux.is_empty() { String::new() } else { format!(" {:?}", e.aux) }, e.rule);
    }
    out
}
