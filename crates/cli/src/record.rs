//! One output line of `dyad code`: a coded event with its article, sentence and ontology facts.

use dyad_coder::{ActorRef, Aux, Event};
use dyad_text::{Date, Doc};
use serde::Serialize;

/// The JSON object written for each event (one per line). Borrows from the document and the
/// event, so building one costs no copies of the sentence text.
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    pub article_id: &'a str,
    /// Publication date of the article (`YYYY-MM-DD`), if known.
    pub published: Option<Date>,
    pub sentence_index: usize,
    pub sentence: &'a str,
    /// Date of the event. The coder does not resolve "on Monday" yet, so this is the
    /// publication date; it is a separate field so consumers need not change when it does.
    pub date: Option<Date>,
    pub source: Option<ActorRecord<'a>>,
    pub target: Option<ActorRecord<'a>>,
    /// CAMEO event code, e.g. `042`.
    pub code: &'a str,
    /// Two-digit CAMEO root, e.g. `04`.
    pub root: &'a str,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f64>,
    pub plover: Option<Plover>,
    pub aux: &'a [Aux],
    /// Issues the sentence is about (issue dictionary codes), possibly none.
    pub issues: &'a [String],
    /// The dictionary entry or pattern that produced the event.
    pub rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// The article's `source` (publisher); named so it cannot be confused with the source actor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_name: Option<&'a str>,
}

/// An actor of an event.
#[derive(Debug, Serialize)]
pub struct ActorRecord<'a> {
    /// CAMEO actor code, e.g. `CHNGOV`.
    pub code: &'a str,
    /// The code's first three letters when they name a country (`CHN`), else null (`IGO...`).
    pub country: Option<&'a str>,
    /// The mention as written in the sentence.
    pub text: &'a str,
    /// Code-point range `[start, end)` of the mention in the sentence.
    pub span: (usize, usize),
    /// The whole noun phrase the mention heads ("a Swiss court", "President Erdogan of
    /// Turkey"), and its code-point range.
    pub phrase: &'a str,
    pub phrase_span: (usize, usize),
}

/// PLOVER event type and mode.
#[derive(Debug, Serialize, PartialEq)]
pub struct Plover {
    pub event: &'static str,
    pub mode: Option<&'static str>,
}

impl<'a> EventRecord<'a> {
    /// The record for `event`, coded from `doc`.
    pub fn new(doc: &'a Doc, event: &'a Event) -> EventRecord<'a> {
        let article = &doc.article;
        let sentence = doc.sentences.get(event.sentence_index).map_or("", |s| s.text.as_str());
        let known = dyad_ontology::cameo(&event.code);
        let root = match known {
            Some(c) => c.root(),
            None => event.code.get(..2).unwrap_or(&event.code),
        };
        // QuadClass depends only on the root, so it is defined even for codes the ontology
        // does not list (dictionary extensions such as "174K"); Goldstein and PLOVER are not.
        let quad_class = match known {
            Some(c) => Some(c.quad_class),
            None => root.parse().ok().map(dyad_ontology::quad_class_of_root).filter(|&q| q != 0),
        };
        let plover = known.filter(|c| !c.plover_event.is_empty()).map(|c| Plover {
            event: c.plover_event,
            mode: Some(c.plover_mode).filter(|m| !m.is_empty()),
        });
        EventRecord {
            article_id: &article.id,
            published: article.published,
            sentence_index: event.sentence_index,
            sentence,
            date: article.published,
            source: event.source.as_ref().map(|a| ActorRecord::new(a, sentence)),
            target: event.target.as_ref().map(|a| ActorRecord::new(a, sentence)),
            code: &event.code,
            root,
            quad_class,
            goldstein: known.map(|c| decimal(c.goldstein)),
            plover,
            aux: &event.aux,
            issues: &event.issues,
            rule: &event.rule,
            url: article.url.as_deref(),
            title: article.title.as_deref(),
            source_name: article.source.as_deref(),
        }
    }
}

/// The f64 nearest the f32's shortest decimal form: the table's `1.9` stays 1.9 for every
/// JSON consumer, not 1.899999976 (what widening the f32 gives).
fn decimal(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

impl<'a> ActorRecord<'a> {
    fn new(actor: &'a ActorRef, sentence: &'a str) -> ActorRecord<'a> {
        let country = actor.code.get(..3).filter(|c| dyad_ontology::is_country(c));
        let (ps, pe) = actor.phrase_span;
        let byte = |c: usize| sentence.char_indices().nth(c).map_or(sentence.len(), |(b, _)| b);
        let phrase = sentence.get(byte(ps)..byte(pe)).unwrap_or(&actor.text);
        ActorRecord { code: &actor.code, country, text: &actor.text, span: actor.span, phrase, phrase_span: actor.phrase_span }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_text::Article;
    use serde_json::{json, Value};

    fn doc(body: &str, published: Option<Date>) -> Doc {
        Doc::new(Article { id: "a1".into(), body: body.into(), published, ..Article::default() })
    }

    fn actor(code: &str, text: &str, span: (usize, usize)) -> Option<ActorRef> {
        Some(ActorRef { code: code.into(), text: text.into(), span, phrase_span: span })
    }

    fn event(code: &str, sentence_index: usize) -> Event {
        Event {
            sentence_index,
            source: actor("CHNGOV", "Chinese officials", (0, 17)),
            target: actor("IGOUNO", "the UN", (26, 32)),
            code: code.into(),
            aux: vec![Aux::Negation, Aux::Future],
            rule: "VISIT [verbs.txt:2]".into(),
            verb_span: (18, 25),
            issues: vec!["DIPLOMACY".into()],
        }
    }

    fn to_json(doc: &Doc, event: &Event) -> Value {
        serde_json::to_value(EventRecord::new(doc, event)).unwrap()
    }

    #[test]
    fn known_code_carries_ontology_facts_and_article_fields() {
        let date = Date::new(2024, 3, 5).unwrap();
        let d = doc("Nothing here. Chinese officials visited the UN.", Some(date));
        let v = to_json(&d, &event("042", 1));
        assert_eq!(
            v,
            json!({
                "article_id": "a1",
                "published": "2024-03-05",
                "sentence_index": 1,
                "sentence": "Chinese officials visited the UN.",
                "date": "2024-03-05",
                "source": {"code": "CHNGOV", "country": "CHN", "text": "Chinese officials", "span": [0, 17], "phrase": "Chinese officials", "phrase_span": [0, 17]},
                "target": {"code": "IGOUNO", "country": null, "text": "the UN", "span": [26, 32], "phrase": "the UN", "phrase_span": [26, 32]},
                "code": "042",
                "root": "04",
                "quad_class": 1,
                "goldstein": 1.9,
                "plover": {"event": "CONSULT", "mode": "visit"},
                "aux": ["negation", "future"],
                "issues": ["DIPLOMACY"],
                "rule": "VISIT [verbs.txt:2]",
            })
        );
    }

    #[test]
    fn optional_article_fields_appear_when_present() {
        let article = Article {
            id: "x".into(),
            title: Some("Talks".into()),
            body: "Chinese officials visited the UN.".into(),
            url: Some("https://example.org/1".into()),
            source: Some("Example Wire".into()),
            published: None,
        };
        let d = Doc::new(article);
        let v = to_json(&d, &event("042", 0));
        assert_eq!(v["url"], "https://example.org/1");
        assert_eq!(v["title"], "Talks");
        assert_eq!(v["source_name"], "Example Wire");
        assert_eq!(v["published"], Value::Null);
        assert_eq!(v["date"], Value::Null);
    }

    #[test]
    fn plover_is_null_without_a_type_and_mode_is_null_when_empty() {
        let d = doc("Chinese officials visited the UN.", None);
        assert_eq!(to_json(&d, &event("010", 0))["plover"], Value::Null);
        assert_eq!(to_json(&d, &event("04", 0))["plover"], json!({"event": "CONSULT", "mode": null}));
    }

    #[test]
    fn unknown_code_keeps_its_root_and_quad_class_only() {
        let d = doc("Chinese officials visited the UN.", None);
        let v = to_json(&d, &event("174K", 0));
        assert_eq!(v["code"], "174K");
        assert_eq!(v["root"], "17");
        assert_eq!(v["quad_class"], 4);
        assert_eq!(v["goldstein"], Value::Null);
        assert_eq!(v["plover"], Value::Null);
        let v = to_json(&d, &event("X", 0));
        assert_eq!(v["root"], "X");
        assert_eq!(v["quad_class"], Value::Null);
    }

    #[test]
    fn missing_actors_are_null() {
        let d = doc("Chinese officials visited the UN.", None);
        let mut e = event("042", 0);
        e.target = None;
        assert_eq!(to_json(&d, &e)["target"], Value::Null);
    }
}
