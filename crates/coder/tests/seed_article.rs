//! The article dyad grew from (../shared/examples, read at run time, never copied): a Moscow
//! Times report of 2023-09-15 on Wang Yi's security talks in Russia, ending in the publisher's
//! donation appeal. Coded with the built-in dictionaries, it must yield the visits, meetings,
//! joint patrols and South Korea's deployment, China's lethal arms only as negated, and nothing
//! from the appeal. Skips when ../shared is absent.

use dyad_coder::{code_doc, Aux, Event, Options};
use dyad_dict::Dictionaries;
use dyad_text::{Article, Doc};
use std::path::PathBuf;

fn seed() -> Option<(Doc, Vec<Event>)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/moscow-times-wang-yi-2023.txt");
    let Ok(body) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found; skipping", path.display());
        return None;
    };
    let (dicts, _) = Dictionaries::builtin();
    let doc = Doc::new(Article { id: "seed".into(), body, published: Some("2023-09-15".parse().unwrap()), ..Default::default() });
    let events = code_doc(&dicts, &doc, &Options::default());
    for e in &events {
        eprintln!("{} {:?} -> {:?} {} {:?}  [{}]", e.sentence_index, e.source.as_ref().map(|a| &a.code), e.target.as_ref().map(|a| &a.code), e.code, e.aux, doc.sentences[e.sentence_index].text);
    }
    Some((doc, events))
}

/// Events whose sentence contains `needle`.
fn in_sentence<'a>(doc: &Doc, events: &'a [Event], needle: &str) -> Vec<&'a Event> {
    events.iter().filter(|e| doc.sentences[e.sentence_index].text.contains(needle)).collect()
}

fn has(events: &[&Event], source: &str, target: &str, root: &str) -> bool {
    events.iter().any(|e| {
        e.source.as_ref().is_some_and(|a| a.code.starts_with(source)) && e.target.as_ref().is_some_and(|a| a.code.starts_with(target)) && e.code.starts_with(root)
    })
}

#[test]
fn seed_article_events() {
    let Some((doc, ev)) = seed() else { return };
    let trip = in_sentence(&doc, &ev, "four-day trip");
    assert!(has(&trip, "CHN", "RUS", "04"), "Wang Yi's trip to Russia");
    let lavrov = in_sentence(&doc, &ev, "counterpart Sergei Lavrov");
    assert!(has(&lavrov, "CHN", "RUS", "04"), "Wang meets Lavrov");
    let li = in_sentence(&doc, &ev, "Li Shangfu");
    assert!(has(&li, "CHNGOV", "RUS", "04") && has(&li, "CHNGOV", "BLR", "04"), "Li Shangfu visits Russia and Belarus");
    let xi = in_sentence(&doc, &ev, "state visit");
    assert!(has(&xi, "CHNGOV", "RUS", "04"), "Xi's state visit to Moscow");
    let putin = in_sentence(&doc, &ev, "planning to visit China");
    assert!(putin.iter().any(|e| e.code.starts_with("04") && e.source.as_ref().is_some_and(|a| a.code.starts_with("RUS")) && e.target.as_ref().is_some_and(|a| a.code.starts_with("CHN")) && !e.aux.is_empty()), "Putin's planned visit, marked as not yet happened");
    let patrols = in_sentence(&doc, &ev, "joint sea and air patrols");
    assert!(has(&patrols, "CHN", "RUS", "06") && has(&patrols, "RUS", "CHN", "06"), "joint patrols");
    assert!(has(&patrols, "KOR", "CHN", "15") || has(&patrols, "KOR", "RUS", "15"), "South Korea deploys fighter jets");
    let arms = in_sentence(&doc, &ev, "lethal arms");
    assert!(!arms.is_empty() && arms.iter().all(|e| e.aux.contains(&Aux::Negation)), "lethal arms only as negated: {arms:?}");
    for needle in ["Dear readers", "undesirable", "support us", "Remind me later", "foreign agent", "silence independent"] {
        assert!(in_sentence(&doc, &ev, needle).is_empty(), "nothing from the appeal ({needle})");
    }
}
