//! Mechanisms TABARI's dictionaries rely on, each on sentences written for the test, with
//! small dictionaries in TABARI's formats.

use dyad_coder::{code_sentence, Options};
use dyad_dict::{Builder, Dictionaries, Format, Kind};
use dyad_text::{tokenize, Date, Sentence};

const ACTORS: &str = "RIVERLAND  [RVL] ; comment\nHILLMARK [HLM]\nMARSHES [MRS]\nRED_LANTERN_SOCIETY_ [NGO]\nGHOSTLAND  [### <950101] [GHO]\n";
const AGENTS: &str = "AID_GROUP_ [NGO~]\nMINISTER_ [~GOV]\n";
const VERBS: &str = "WARN  [160]\n- * AT ^ +  [162]\nURGE  [102]\n- SUGGESTED * [103]\nSCOLD [121]\n";

fn dicts() -> Dictionaries {
    let mut b = Builder::new();
    b.add_text_as(Kind::Actors, Format::Tabari, "actors", ACTORS)
        .add_text_as(Kind::Agents, Format::Tabari, "agents", AGENTS)
        .add_text_as(Kind::Verbs, Format::Tabari, "verbs", VERBS);
    let (d, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    d
}

fn code_on(text: &str, day: &str) -> Vec<(String, String, String)> {
    let s = Sentence { index: 0, start: 0, end: text.len(), text: text.to_string(), tokens: tokenize(text) };
    let date: Date = day.parse().unwrap();
    code_sentence(&dicts(), &s, Some(date), &Options::default())
        .events
        .into_iter()
        .map(|e| (e.source.map_or("-".into(), |a| a.code), e.target.map_or("-".into(), |a| a.code), e.code))
        .collect()
}

fn code(text: &str) -> Vec<(String, String, String)> {
    code_on(text, "1996-05-01")
}

fn t(s: &str, g: &str, c: &str) -> (String, String, String) {
    (s.into(), g.into(), c.into())
}

#[test]
fn prefix_agents_take_the_actor_they_attach_to() {
    assert_eq!(code("Aid groups in Riverland scolded Hillmark."), vec![t("NGORVL", "HLM", "121")]);
    // An actor whose code already carries the prefix does not get it twice.
    assert_eq!(code("The aid group Red Lantern Society scolded Hillmark."), vec![t("NGO", "HLM", "121")]);
}

#[test]
fn skip_passes_a_whole_noun_phrase() {
    assert_eq!(code("Riverland warned at the Hillmark of the Marshes."), vec![t("RVL", "MRS", "162")]);
}

#[test]
fn words_before_the_verb_put_the_source_before_them() {
    // `SUGGESTED *`: the one who suggested acts, not the subject of "urge".
    assert_eq!(code("Riverland suggested Hillmark urge the Marshes."), vec![t("RVL", "MRS", "103")]);
}

#[test]
fn a_dated_discard_code_discards_the_sentence() {
    assert_eq!(code_on("Ghostland scolded Hillmark on Monday.", "1994-06-01"), vec![]);
    assert_eq!(code_on("Ghostland scolded Hillmark on Monday.", "1996-06-01"), vec![t("GHO", "HLM", "121")]);
}
