//! The coder's behaviours, each on sentences written for the test, with a small dictionary in
//! dyad's format so the tests do not depend on the built-in dictionaries.

use dyad_coder::{code_doc, code_sentence, Aux, Event, Options};
use dyad_dict::{Builder, Dictionaries, Kind};
use dyad_text::{tokenize, Article, Date, Doc, Sentence};

const ACTORS: &str = "#% dyad-actors 1
CHN : China ; Chinese ; Beijing ; People's Republic of China
RUS : Russia ; Russian ; Moscow ; the Kremlin
BLR : Belarus ; Minsk
KOR : South Korea ; Seoul
UKR : Ukraine ; Kyiv
USA : United States ; U.S. ; Washington
IGOWSTNAT : NATO
CHNGOV 2023-03-12..2023-10-24 : Li Shangfu
CHNGOV : Xi Jinping ; Wang Yi
RUSGOV 2008-05-12..2024-05-13 : Nikolai Patrushev
RUSELI 2024-05-14.. : Nikolai Patrushev
RUSGOV : Vladimir Putin ; Sergei Lavrov
";

const AGENTS: &str = "#% dyad-agents 1
~GOV : government ; foreign ministry ; ministry ; president ; defence minister ; minister ; spokesman {spokesmen} ; official ; security council
~MIL : army ; troops ; soldiers ; military ; navy
~COP : police
~OPP : protesters
";

const VERBS: &str = "#% dyad-verbs 1
&ARMS = arms ; lethal arms ; weapons ; ammunition
&JETS = fighter jets ; warplanes ; jets

verb 042 : visit ; travel to
verb 040 : meet {met} ; hold talks
  % * => 040:040
verb 010 : say {said} ; tell {told}
verb 070 : send {sent} ; supply ; provide
  * &ARMS => 072
verb 150 : deploy
verb 190 : attack ; shell
verb 173 : arrest ; detain
verb 111 : criticize ; condemn
verb 0212 : call for
noun 042 : visit ; state visit ; trip
noun 062 : joint patrols ; joint exercises ; patrols
noun 040 : talks ; consultations ; meeting
";

const DISCARDS: &str = "#% dyad-discards 1
sentence : world cup
article : horoscope
";

fn dicts() -> Dictionaries {
    let mut b = Builder::new();
    b.add_text(Kind::Actors, "actors", ACTORS).add_text(Kind::Agents, "agents", AGENTS).add_text(Kind::Verbs, "verbs", VERBS).add_text(Kind::Discards, "discards", DISCARDS);
    let (d, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    d
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn sentence(text: &str) -> Sentence {
    Sentence { index: 0, start: 0, end: text.len(), text: text.to_string(), tokens: tokenize(text) }
}

fn code(text: &str) -> Vec<Event> {
    code_sentence(&dicts(), &sentence(text), Some(date("2023-09-15")), &Options::default()).events
}

/// (source, target, code) triples.
fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = events
        .iter()
        .map(|e| (e.source.as_ref().map_or("-".into(), |a| a.code.clone()), e.target.as_ref().map_or("-".into(), |a| a.code.clone()), e.code.clone()))
        .collect();
    v.sort();
    v
}

fn t(s: &str, g: &str, c: &str) -> (String, String, String) {
    (s.into(), g.into(), c.into())
}

#[test]
fn simple_visit_with_spans() {
    let text = "Chinese Defence Minister Li Shangfu visited Belarus on Tuesday.";
    let ev = code(text);
    assert_eq!(triples(&ev), vec![t("CHNGOV", "BLR", "042")]);
    let src = ev[0].source.as_ref().unwrap();
    assert_eq!(src.text, "Chinese Defence Minister Li Shangfu");
    assert_eq!(src.span, (0, 35));
    assert_eq!(ev[0].target.as_ref().unwrap().span, (44, 51));
    assert!(ev[0].aux.is_empty());
}

#[test]
fn compound_objects_and_subjects() {
    assert_eq!(triples(&code("Li Shangfu visited Russia and Belarus last month.")), vec![t("CHNGOV", "BLR", "042"), t("CHNGOV", "RUS", "042")]);
    // A compound subject with no object acts among its members.
    assert_eq!(triples(&code("Beijing and Moscow held talks on Monday.")), vec![t("CHN", "RUS", "040"), t("RUS", "CHN", "040")]);
}

#[test]
fn agents_compose_with_countries() {
    // An agent with no country in reach keeps the null country.
    assert_eq!(triples(&code("The Chinese Foreign Ministry criticized the Ukrainian government.")), vec![t("CHNGOV", "---GOV", "111")]);
    assert_eq!(triples(&code("The Chinese Foreign Ministry criticized Kyiv.")), vec![t("CHNGOV", "UKR", "111")]);
    assert_eq!(triples(&code("Russia's security council condemned the government of Ukraine.")), vec![t("RUSGOV", "UKRGOV", "111")]);
    assert_eq!(triples(&code("Soldiers from Russia attacked Ukraine.")), vec![t("RUSMIL", "UKR", "190")]);
    // An agent in a compound takes its partner's country.
    assert_eq!(triples(&code("Russian police and soldiers detained protesters from Belarus.")), vec![t("RUSCOP", "BLROPP", "173"), t("RUSMIL", "BLROPP", "173")]);
}

#[test]
fn person_roles_follow_the_article_date() {
    let d = dicts();
    let s = sentence("Nikolai Patrushev met Wang Yi.");
    let before = code_sentence(&d, &s, Some(date("2023-09-18")), &Options::default()).events;
    let after = code_sentence(&d, &s, Some(date("2024-09-18")), &Options::default()).events;
    assert!(triples(&before).contains(&t("RUSGOV", "CHNGOV", "040")));
    assert!(triples(&after).contains(&t("RUSELI", "CHNGOV", "040")));
}

#[test]
fn passive_voice_swaps_roles() {
    assert_eq!(triples(&code("Ukraine was attacked by Russia on Friday.")), vec![t("RUS", "UKR", "190")]);
    // No agent named: nobody to code as the source.
    assert!(code("Ukraine was attacked on Friday.").is_empty());
}

#[test]
fn negation_is_marked_not_asserted() {
    for s in [
        "China has not sent lethal arms to Russia.",
        "China didn't send weapons to Russia.",
        "China has stopped short of sending lethal arms to Russia.",
        "China refused to send weapons to Russia.",
        "China has never supplied arms to Russia.",
    ] {
        let ev = code(s);
        let arms: Vec<&Event> = ev.iter().filter(|e| e.code == "072").collect();
        assert_eq!(arms.len(), 1, "{s}: {ev:?}");
        assert!(arms[0].aux.contains(&Aux::Negation), "{s}: {ev:?}");
    }
    let ev = code("China sent weapons to Russia.");
    assert_eq!(triples(&ev), vec![t("CHN", "RUS", "072")]);
    assert!(ev[0].aux.is_empty());
}

#[test]
fn future_and_hypothetical_are_marked() {
    let ev = code("Vladimir Putin will visit China in October.");
    assert_eq!(triples(&ev), vec![t("RUSGOV", "CHN", "042")]);
    assert_eq!(ev[0].aux, vec![Aux::Future]);
    let ev = code("The Russian president was planning to visit China in October.");
    assert_eq!(triples(&ev), vec![t("RUSGOV", "CHN", "042")]);
    assert!(ev[0].aux.contains(&Aux::Future), "{ev:?}");
    let ev = code("Russia could attack Ukraine.");
    assert_eq!(ev[0].aux, vec![Aux::Hypothetical]);
}

#[test]
fn reported_speech_codes_the_reported_event() {
    let ev = code("The Kremlin said on Monday that Wang Yi would meet Sergei Lavrov.");
    assert!(triples(&ev).contains(&t("CHNGOV", "RUSGOV", "040")), "{ev:?}");
    let meet = ev.iter().find(|e| e.code == "040").unwrap();
    assert_eq!(meet.aux, vec![Aux::Future], "'would' after 'said' is the future of the past");
    // An event before the speech verb is coded the same way.
    assert!(triples(&code("Wang Yi will visit Russia on Monday, the Chinese Foreign Ministry said.")).contains(&t("CHNGOV", "RUS", "042")));
}

#[test]
fn light_verbs_take_the_event_noun() {
    assert_eq!(triples(&code("President Xi Jinping made a state visit to Moscow in March.")), vec![t("CHNGOV", "RUS", "042")]);
    let ev = code("Wang Yi will begin a four-day trip to Russia on Monday.");
    assert_eq!(triples(&ev), vec![t("CHNGOV", "RUS", "042")]);
    assert_eq!(ev[0].aux, vec![Aux::Future]);
    assert_eq!(triples(&code("Beijing and Moscow have carried out joint patrols in recent months.")), vec![t("CHN", "RUS", "062"), t("RUS", "CHN", "062")]);
}

#[test]
fn causatives_make_the_cause_the_target() {
    let ev = code("Beijing and Moscow held joint patrols, causing South Korea to deploy fighter jets.");
    let t3 = triples(&ev);
    assert!(t3.contains(&t("KOR", "CHN", "150")) && t3.contains(&t("KOR", "RUS", "150")), "{t3:?}");
}

#[test]
fn infinitive_complements_belong_to_their_governing_event() {
    // The appeal is the event; the attack it asks for has not happened.
    let ev = code("NATO called for Russia to attack nobody.");
    assert!(ev.iter().all(|e| e.code != "190"), "{ev:?}");
}

#[test]
fn vp_coordination_shares_the_subject() {
    assert_eq!(triples(&code("Li Shangfu visited Russia and criticized Ukraine.")), vec![t("CHNGOV", "RUS", "042"), t("CHNGOV", "UKR", "111")]);
}

#[test]
fn discards() {
    let d = dicts();
    let c = code_sentence(&d, &sentence("Russia attacked Ukraine in the World Cup final."), None, &Options::default());
    assert!(c.events.is_empty() && c.discard.is_some());
    let doc = Doc::new(Article { id: "a".into(), body: "Your horoscope for today. Russia attacked Ukraine.".into(), ..Default::default() });
    assert!(code_doc(&d, &doc, &Options::default()).is_empty());
}

#[test]
fn articles_remember_names_and_pronouns() {
    let d = dicts();
    let body = "Wang Yi arrived in Moscow on Monday. Wang will meet Sergei Lavrov on Tuesday. China has sought closer ties. But it has not sent arms to Russia.";
    let doc = Doc::new(Article { id: "a".into(), body: body.into(), published: Some(date("2023-09-15")), ..Default::default() });
    let ev = code_doc(&d, &doc, &Options::default());
    assert!(ev.iter().any(|e| e.sentence_index == 1 && e.code == "040" && e.source.as_ref().unwrap().code == "CHNGOV"), "surname recalled: {ev:?}");
    let arms = ev.iter().find(|e| e.sentence_index == 3 && e.code == "072").expect("pronoun resolved");
    assert_eq!(arms.source.as_ref().unwrap().code, "CHN");
    assert!(arms.aux.contains(&Aux::Negation));
}

#[test]
fn nouns_that_look_like_verbs_are_not_verbs() {
    // "attack" after a determiner is a noun: no 190 from Russia to Ukraine here.
    let ev = code("China condemned the attack on Ukraine by Russia.");
    assert!(ev.iter().all(|e| e.code != "190"), "{ev:?}");
    assert!(triples(&ev).iter().any(|x| x.0 == "CHN" && x.2 == "111"));
}

/// The phrase of each coded actor (source, target), as text.
fn phrases(text: &str) -> Vec<(String, String)> {
    let cut = |a: &Option<dyad_coder::ActorRef>| a.as_ref().map_or(String::new(), |a| text.chars().skip(a.phrase_span.0).take(a.phrase_span.1 - a.phrase_span.0).collect());
    code(text).iter().map(|e| (cut(&e.source), cut(&e.target))).collect()
}

fn p(s: &str, t: &str) -> (String, String) {
    (s.into(), t.into())
}

#[test]
fn actor_phrases_take_in_their_noun_phrase() {
    // Determiners, quantities and modifiers before the mention; a head noun after an adjective.
    assert_eq!(phrases("The Russian army attacked at least 40 Chinese villages."), vec![p("The Russian army", "at least 40 Chinese villages")]);
    assert_eq!(phrases("Several masked Russian soldiers detained another ethnic Chinese farmer."), vec![p("Several masked Russian soldiers", "another ethnic Chinese farmer")]);
    // A possessed head, an acronym in brackets, an `of` phrase with an actor.
    assert_eq!(phrases("The Chinese Foreign Ministry (CFM) condemned Russia's decision."), vec![p("The Chinese Foreign Ministry (CFM)", "Russia's decision")]);
    assert_eq!(phrases("The president of Belarus visited the Kremlin."), vec![p("The president of Belarus", "the Kremlin")]);
    // An appositive naming the same actor.
    assert_eq!(phrases("Russia's president, Vladimir Putin, met Xi Jinping."), vec![p("Russia's president, Vladimir Putin", "Xi Jinping")]);
}

#[test]
fn actor_phrases_stop_at_verbs_times_and_clauses() {
    // A verb the dictionary does not know, a participle, a time word: not part of the phrase.
    assert_eq!(phrases("China decided on Monday to condemn Ukraine."), vec![p("China", "Ukraine")]);
    assert_eq!(phrases("Russia attacked Ukraine yesterday, the ministry said."), vec![p("Russia", "Ukraine")]);
    // A gerund taking the mention as its object, and a year, stay out.
    assert_eq!(phrases("In 2023 Belarus criticized Ukraine, causing Russia to deploy jets."), vec![p("Belarus", "Ukraine"), p("Russia", "Belarus")]);
    // A compound is two phrases, not one ("both" introduces the pair).
    assert_eq!(phrases("Russia condemned both China and Ukraine."), vec![p("Russia", "China"), p("Russia", "Ukraine")]);
}

#[test]
fn case_exact_names_match_only_in_capitals() {
    let mut b = Builder::new();
    b.add_text(Kind::Actors, "actors", "#% dyad-actors 1\nUSA : United States ; =US\nRUS : Russia\n").add_text(Kind::Verbs, "verbs", VERBS);
    let (d, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    let run = |text: &str| triples(&code_sentence(&d, &sentence(text), None, &Options::default()).events);
    assert_eq!(run("US troops attacked Russia."), vec![t("USA", "RUS", "190")]);
    assert_eq!(run("Russia condemned the US on Friday."), vec![t("RUS", "USA", "111")]);
    // The pronoun is not the country, and a headline in capitals reads every word as plain.
    assert_eq!(run("Russia told us nothing."), vec![]);
    assert_eq!(run("RUSSIA CONDEMNED US"), vec![]);
}

#[test]
fn refusals_demands_and_appeals_are_coded_as_what_was_said() {
    let mut b = Builder::new();
    let verbs = format!("{VERBS}verb 085 : lift\nverb 0841 : release\nverb 036 : accept\n");
    b.add_text(Kind::Actors, "actors", ACTORS).add_text(Kind::Agents, "agents", AGENTS).add_text(Kind::Verbs, "verbs", &verbs);
    let (d, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    let run = |text: &str| code_sentence(&d, &sentence(text), None, &Options::default()).events;
    // "will not lift": a refusal (1244) that happened, the lifting a negated future event.
    let ev = run("Russia said it will not lift the ban on Ukraine.");
    assert!(triples(&ev).contains(&t("RUS", "UKR", "1244")), "{ev:?}");
    assert!(ev.iter().any(|e| e.code == "085" && e.aux.contains(&Aux::Negation) && e.aux.contains(&Aux::Future)));
    // "must": the statement is a demand of the one obliged; "should": an appeal.
    assert_eq!(triples(&run("China said Ukraine must release the Russian soldiers.")).iter().filter(|x| x.0 == "CHN").cloned().collect::<Vec<_>>(), vec![t("CHN", "UKR", "1053")]);
    assert_eq!(triples(&run("Russia says Belarus should meet Ukraine.")).iter().filter(|x| x.0 == "RUS").cloned().collect::<Vec<_>>(), vec![t("RUS", "BLR", "026")]);
    // The speaker's own future acts: a pledge (03x) or a threat (13x).
    assert!(triples(&run("Russia said it will send weapons to Belarus.")).contains(&t("RUS", "BLR", "0332")));
    assert!(triples(&run("Russia said it will attack Ukraine.")).contains(&t("RUS", "UKR", "1384")));
    // Someone else's future act is reported, not pledged.
    assert!(!triples(&run("Russia said China will attack Ukraine.")).iter().any(|x| x.2.starts_with("13")));
    // A plain negative fact is not a refusal: "has not sent" stays one negated event.
    let ev = run("China has not sent lethal arms to Russia.");
    assert_eq!(ev.len(), 1);
    assert!(ev[0].aux.contains(&Aux::Negation));
}

#[test]
fn unnamed_actors_are_reported_when_the_dyad_is_not_required() {
    let d = dicts();
    let monadic = Options { require_dyad: false };
    let run = |text: &str, opts: &Options| code_sentence(&d, &sentence(text), Some(date("2023-09-15")), opts).events;
    // No dictionary names the attackers: the event keeps their noun phrase, coded `---`.
    let ev = run("Masked gunmen attacked a Russian army convoy.", &monadic);
    assert_eq!(triples(&ev), vec![t("---", "RUSMIL", "190")]);
    let src = ev[0].source.as_ref().unwrap();
    assert_eq!("Masked gunmen attacked a Russian army convoy.".chars().skip(src.phrase_span.0).take(src.phrase_span.1 - src.phrase_span.0).collect::<String>(), "Masked gunmen");
    // An unnamed object: "at least 40 villagers".
    let ev = run("Russian soldiers detained at least 40 villagers.", &monadic);
    assert_eq!(triples(&ev), vec![t("RUSMIL", "---", "173")]);
    // With the dyad required (the default), nothing is coded without two named actors.
    assert!(run("Masked gunmen attacked a Russian army convoy.", &Options::default()).iter().all(|e| e.source.is_some()));
    assert!(run("Masked gunmen attacked villagers.", &Options::default()).is_empty());
}

#[test]
fn a_modifier_ending_an_actor_name_leaves_the_verb_a_verb() {
    // "military" before a word makes it a noun ("military attack"), but not when it ends the
    // actor's name.
    assert_eq!(triples(&code("The Russian military attacked Ukraine on Monday.")), vec![t("RUSMIL", "UKR", "190")]);
    // After a verb, the phrase is its object and "attack" its head noun: no attack is coded.
    let ev = code("Russia condemned the military attack on Ukraine.");
    assert!(ev.iter().all(|e| e.code == "111"), "{ev:?}");
}

#[test]
fn quantities_and_descriptions_inside_the_subject() {
    // "Thousands of X" is X acting.
    assert_eq!(triples(&code("Thousands of Russian soldiers attacked Ukraine.")), vec![t("RUSMIL", "UKR", "190")]);
    // A participle describing the subject is not an event, and the subject is found across it.
    assert_eq!(triples(&code("Soldiers sent by Russia attacked Kyiv on Monday.")), vec![t("---MIL", "UKR", "190")]);
    // A past-tense verb followed by a noun that is not a finite verb stays the main verb.
    assert_eq!(triples(&code("Xi Jinping visited Moscow on his first official state visit.")), vec![t("CHNGOV", "RUS", "042")]);
}
