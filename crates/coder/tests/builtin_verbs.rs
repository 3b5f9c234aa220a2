//! The built-in verb dictionary on sentences written for these tests: multi-word verbs with the
//! object inside them ("pulled its troops out"), verbs CAMEO files under a specific sub-code
//! (work stoppages, halting mediation, expelling aid workers), and nouns that look like verbs
//! ("the peace plan", "UN sanctions", "thanks to") that must not code.

use dyad_coder::{code_doc, Event, Options};
use dyad_dict::Dictionaries;
use dyad_text::{Article, Doc};
use std::sync::OnceLock;

fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::builtin().0)
}

/// Code one sentence on its own, keeping events with a single actor.
fn events(text: &str) -> Vec<Event> {
    let doc = Doc::new(Article { id: "t".into(), body: text.to_string(), ..Default::default() });
    code_doc(dicts(), &doc, &Options { require_dyad: false })
}

fn codes(text: &str) -> Vec<String> {
    events(text).into_iter().map(|e| e.code).collect()
}

/// Some event of the sentence has exactly `code` and its source code starts with `source`.
#[track_caller]
fn assert_event(text: &str, source: &str, code: &str) {
    let ev = events(text);
    assert!(
        ev.iter().any(|e| e.code == code && e.source.as_ref().is_some_and(|a| a.code.starts_with(source))),
        "{text:?}: expected {source} {code}, got {:?}",
        ev.iter().map(|e| (e.source.as_ref().map(|a| a.code.clone()), e.target.as_ref().map(|a| a.code.clone()), e.code.clone(), e.rule.clone())).collect::<Vec<_>>()
    );
}

/// No event of the sentence has a code starting with `prefix`.
#[track_caller]
fn assert_no_code(text: &str, prefix: &str) {
    let c = codes(text);
    assert!(c.iter().all(|c| !c.starts_with(prefix)), "{text:?}: no {prefix} expected, got {c:?}");
}

#[test]
fn strikes_and_work_stoppages() {
    assert_event("Kenyan nurses joined the strike on Monday.", "KEN", "143");
    assert_event("Nigerian dock workers stopped work at the port of Lagos on Tuesday.", "NGA", "143");
    // the demand is known: a strike for pay
    assert_event("Kenyan doctors went on strike over unpaid wages.", "KEN", "1432");
}

#[test]
fn leaders_resign_or_quit() {
    assert_event("The Nigerian minister resigned on Monday.", "NGA", "0831");
    assert_event("The Kenyan finance minister quit on Monday.", "KEN", "0831");
    // leaving an organisation is a cut in relations, not a resignation
    assert_event("Russia quit the Council of Europe in March.", "RUS", "161");
}

#[test]
fn forcing_out_and_expelling() {
    assert_event("Ethiopia forced foreign aid workers out of the country.", "ETH", "1663");
    assert_event("Turkish jets forced a Syrian airliner to land in Ankara.", "TUR", "150");
    // recalling one's own ambassador cuts ties; it deports no one
    assert_event("The United States recalled its ambassador from Russia.", "USA", "161");
    assert_no_code("The United States recalled its ambassador from Russia.", "174");
}

#[test]
fn objects_between_verb_and_particle() {
    assert_event("Russia pulled its troops out of Kherson.", "RUS", "0874");
    assert_event("Sudan handed the suspects over to Egypt.", "SDN", "063");
    assert_event("Egypt put the former president under house arrest.", "EGY", "173");
    assert_event("China put its forces on high alert.", "CHN", "152");
    assert_event("The Iranian government held the British sailors captive for two weeks.", "IRN", "181");
    assert_event("Britain holds Russia responsible for the poisoning.", "GBR", "112");
}

#[test]
fn mediation_accord_and_intent() {
    assert_event("Qatar ended mediation efforts between Israel and Hamas.", "QAT", "165");
    assert_event("Egypt abandoned its mediation between Israel and Hamas.", "EGY", "165");
    assert_event("France agreed with Germany that the treaty must change.", "FRA", "019");
    assert_event("The Kremlin declined to comment on the report.", "RUS", "011");
    // "is willing to" is intent, whatever the coder makes of "is" before an -ing word
    assert_event("Russia is willing to withdraw its troops from Moldova.", "RUS", "0356");
    assert_event("Iran is open to talks with the United States.", "IRN", "036");
}

#[test]
fn taking_part_and_completing() {
    assert_event("Indian troops took part in joint exercises with Russia.", "IND", "062");
    assert_event("Pakistani troops participate in peacekeeping operations in Congo.", "PAK", "074");
    assert_event("The United States completed its withdrawal from Iraq.", "USA", "0874");
    assert_event("Germany sent a team of experts to Iraq to investigate the attack.", "DEU", "090");
    assert_event("British troops arrived in Mali to join the UN peacekeeping mission.", "GBR", "074");
}

#[test]
fn crackdowns_and_weapons() {
    assert_event("Egyptian police fired tear gas at protesters in Cairo.", "EGY", "175");
    assert_event("Kenyan police broke up a protest by opposition supporters in Nairobi.", "KEN", "175");
    assert_event("Colombian rebels laid down their weapons on Friday.", "COL", "0873");
    assert_event("The Syrian army intensified its bombardment of rebel areas near Damascus.", "SYR", "194");
    assert_event("North Korea launched a ballistic missile over Japan.", "PRK", "150");
    assert_event("Bolivia's president declared a state of siege in Pando.", "BOL", "1724");
}

#[test]
fn nouns_that_look_like_verbs() {
    assert_no_code("The EU will also propose an international development plan.", "03");
    assert_no_code("Beijing says it applies all UN sanctions, which now cover a ban on textile exports.", "16");
    assert_no_code("The talks succeeded thanks to Qatar.", "05");
    assert_no_code("A week-long strike by Kenyan dock workers ended on Friday.", "19");
    assert_no_code("Japan sent doctors to Guinea to fight the cholera outbreak.", "19");
    assert_no_code("The United States increased trade and investment with Kenya.", "061");
    assert_no_code("Yemen's internationally recognised government accepted the truce.", "054");
    assert_no_code("American border patrol agents detained the migrants.", "15");
}
