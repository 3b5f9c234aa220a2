//! Publisher boilerplate: hand-written articles in the genres scraped news text comes in, and the
//! Moscow Times example from /work/shared when it is present.

use dyad_text::boilerplate::{detect_boilerplate, paragraphs, Reason};
use dyad_text::{find_boilerplate, Article, BoilerplateSet, Doc};

fn doc(body: &str) -> Doc {
    Doc::new(Article { id: "t".into(), body: body.into(), ..Article::default() })
}

fn kept(body: &str) -> Vec<String> {
    let d = doc(body);
    check_invariants(&d);
    d.sentences.iter().map(|s| s.text.clone()).collect()
}

fn dropped_text(body: &str) -> Vec<&str> {
    find_boilerplate(body).into_iter().map(|r| &body[r]).collect()
}

/// Offsets point into the original body, indices run 0..n, no sentence touches dropped text.
fn check_invariants(d: &Doc) {
    let body = &d.article.body;
    for (i, s) in d.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(&body[s.start..s.end], s.text);
        for r in &d.dropped {
            assert!(s.end <= r.start || s.start >= r.end, "sentence {:?} overlaps dropped {:?}", s.text, &body[r.clone()]);
        }
    }
    for w in d.dropped.windows(2) {
        assert!(w[0].end < w[1].start);
    }
}

fn has(sentences: &[String], needle: &str) -> bool {
    sentences.iter().any(|s| s.contains(needle))
}

const APPEAL_ARTICLE: &str = "\
Foreign ministers of Armenia and Azerbaijan met in Geneva on Thursday for a second round of talks on a border settlement, officials in both capitals said.
The meeting, hosted by the Swiss government, lasted more than six hours and ended without a joint statement.
Armenia's foreign ministry said the sides had agreed to continue work on delimiting the border and to exchange lists of detainees.
Azerbaijan's foreign minister said Baku expected a peace treaty to be signed before the end of the year.
The European Union welcomed the talks and offered to host the next round in Brussels.
Russia, which keeps peacekeepers in the region, criticised the Western mediation as an attempt to push Moscow out of the South Caucasus.
A Word From the Editors of The Caspian Ledger:
Dear friends and readers,
Last month the authorities blocked our website and declared our newsroom an extremist organization, threatening our reporters with arrest.
We will keep reporting from the region, but we cannot do it without you.
If our coverage matters to you, please support our journalism with a monthly donation. As little as €3 helps, and every contribution keeps an independent newsroom alive.
Become a member today.
Maybe later";

#[test]
fn trailing_appeal_with_heading_is_dropped() {
    let s = kept(APPEAL_ARTICLE);
    assert!(has(&s, "Foreign ministers of Armenia and Azerbaijan met in Geneva"));
    assert!(has(&s, "criticised the Western mediation"));
    for gone in ["A Word From", "Dear friends", "extremist organization", "without you", "monthly donation", "member", "Maybe later"] {
        assert!(!has(&s, gone), "{gone:?} should be dropped: {s:#?}");
    }
    let d = dropped_text(APPEAL_ARTICLE);
    assert_eq!(d.len(), 1);
    assert!(d[0].starts_with("A Word From the Editors"));
    assert!(d[0].ends_with("Maybe later"));
    let reasons: Vec<Reason> = detect_boilerplate(APPEAL_ARTICLE, &BoilerplateSet::new()).into_iter().map(|b| b.reason).collect();
    assert_eq!(reasons, [Reason::Appeal]);
}

const WIRE_ARTICLE: &str = "\
KYIV, Ukraine (AP) — Ukraine's air force said Tuesday it shot down 18 of 24 drones launched by Russia overnight, as officials in Kyiv pressed Western allies for more air defense systems.

A firefighter works at the site of a drone strike in Odesa, Ukraine, on Tuesday. (AP Photo/Marta Kolesnyk)

Read more: Russia and Ukraine trade blame over shelling near nuclear plant

The drones targeted energy facilities in the southern Odesa region, the regional governor said on Telegram. Two people were wounded.

Photo: Reuters

Poland's defense minister said Warsaw would ask NATO to reinforce air defenses along its eastern border.

Related: EU agrees new sanctions package against Moscow

Sign up for our World Briefing newsletter to get the day's top stories.

Follow us on Twitter and Facebook.

Advertisement

Hungary's prime minister again criticized the sanctions and said Budapest would veto any new military aid to Kyiv.

Image credit: Getty Images

Hungarian officials visit Moscow in April. (Reuters/Piet Vandermeer)

Share this article

Reporting by Ivan Petrenko in Kyiv; Editing by Clara Holm

© 2024 The Associated Press. All rights reserved.

We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.";

#[test]
fn link_lines_credits_and_prompts_are_dropped() {
    let s = kept(WIRE_ARTICLE);
    assert_eq!(
        s,
        [
            "Ukraine's air force said Tuesday it shot down 18 of 24 drones launched by Russia overnight, as officials in Kyiv pressed Western allies for more air defense systems.",
            "The drones targeted energy facilities in the southern Odesa region, the regional governor said on Telegram.",
            "Two people were wounded.",
            "Poland's defense minister said Warsaw would ask NATO to reinforce air defenses along its eastern border.",
            "Hungary's prime minister again criticized the sanctions and said Budapest would veto any new military aid to Kyiv.",
        ]
    );
    let reasons: Vec<Reason> = detect_boilerplate(WIRE_ARTICLE, &BoilerplateSet::new()).into_iter().map(|b| b.reason).collect();
    assert_eq!(
        reasons,
        [
            Reason::Credit,
            Reason::Link,
            Reason::Credit,
            Reason::Link,
            Reason::Prompt,
            Reason::Prompt,
            Reason::Prompt,
            Reason::Credit,
            Reason::Credit,
            Reason::Prompt,
            Reason::Note,
            Reason::Copyright,
            Reason::Cookies,
        ]
    );
}

#[test]
fn cue_words_inside_political_sentences_are_kept() {
    // Cues mid-sentence, and sentences that start with a cue word but are news.
    let body = "\
Germany pledged to donate 20 tanks to Ukraine and support its air defence, Chancellor Olaf Scholz said on Friday.
The United States will donate $50 million to the relief fund, a monthly contribution agreed with Jordan in March.
Officials said Washington would support us-led efforts to monitor the ceasefire.
The ministry's newsletter reported that troops had withdrawn from two villages.
Subscribers to the state broadcaster were told the referendum would go ahead.
Photographs released by the army showed destroyed armoured vehicles near the border.
Related talks on prisoner exchanges will resume in Istanbul next week.
Copyright disputes between Chinese and American firms were also on the agenda.
By continuing to use force, Moscow risks further sanctions, the envoy warned.
Reporting by state media suggested that the troops had been withdrawn.
Sweden hopes to become a member of NATO before the summit in Vilnius.
Share prices in Moscow fell after the announcement.
Follow-up talks between the two delegations are planned for May.
Read more broadly, the treaty bans all such tests, the court said.
Originally published in 1990, the treaty was amended by both parties to allow inspections.
Support for the president fell to 38 percent, a poll showed (Reuters/Ipsos)
The envoy met Taliban officials in Kabul (UNAMA)
Follow the latest developments on the talks in Vienna.";
    let s = kept(body);
    for line in body.lines() {
        assert!(has(&s, line), "{line:?} dropped: {s:#?}");
    }
    assert!(find_boilerplate(body).is_empty());
}

#[test]
fn captions_and_credit_lines() {
    let body = "\
The leaders of Kenya and Somalia met in Nairobi on Monday to discuss border security.
President Ruto greets his Somali counterpart at State House. (Kenya Pool Photo via AP)
Somali troops patrol near the border. (Reuters/Amina Farah)
Delegates arrive for the summit. (Getty Images)
Omar Hassan / AFP
FILE PHOTO: Kenyan soldiers stand guard in Mogadishu, Somalia, May 3, 2021.
The two sides agreed to reopen a border crossing closed since 2011.";
    let s = kept(body);
    assert_eq!(
        s,
        [
            "The leaders of Kenya and Somalia met in Nairobi on Monday to discuss border security.",
            "The two sides agreed to reopen a border crossing closed since 2011.",
        ]
    );
}

#[test]
fn trailing_single_cue_is_not_an_appeal() {
    // One kind of cue (a donation with an amount) at the end of a news article is news.
    let body = "\
The government of Chile announced a new programme for families displaced by the wildfires.
Interior Minister Carolina Toha said the state would rebuild more than 3,000 homes by next year.
Opposition lawmakers criticised the plan as too slow and demanded an inquiry into the response.
The president met regional governors in Valparaiso to discuss the reconstruction.
Under the plan, the state will donate $300 a month to each family until it is rehoused.";
    assert!(find_boilerplate(body).is_empty());
    assert_eq!(kept(body).len(), 5);
}

const QUOTED_APPEAL: &str = "\
The Lakeside Courier, an independent weekly in the Belarusian city of Grodno, said on Monday it would close after the authorities labelled it extremist.
In a farewell letter to readers, editor-in-chief Anna Bergman wrote:
\"Dear readers, the KGB has declared our newspaper an extremist formation. Please support independent journalism in Belarus wherever you can, even with a monthly donation of $5.\"
The Belarusian information ministry said the newspaper had been added to the list of extremist materials by a court in Grodno.
The European Union condemned the decision and called on Minsk to release detained journalists.
Press freedom groups said it was the fourth independent outlet forced to close this year.
Lithuania offered to host the newspaper's staff, the Lithuanian foreign ministry said.
Belarusian officials did not respond to requests for comment.";

#[test]
fn early_quoted_appeal_is_kept() {
    // Decision: an appeal quoted in the news (in quotation marks, introduced by `... wrote:`, and
    // followed by more news) is reported speech, not the publisher's boilerplate: kept.
    assert!(find_boilerplate(QUOTED_APPEAL).is_empty());
    let s = kept(QUOTED_APPEAL);
    assert!(has(&s, "the KGB has declared our newspaper an extremist formation"));
    assert!(has(&s, "Please support independent journalism"));
    assert!(has(&s, "Lithuania offered to host"));
}

#[test]
fn early_appeal_followed_by_news_is_kept() {
    // Without quotation marks too: an appeal-like block followed by several real paragraphs does
    // not reach the end of the article, so it is not a trailing appeal.
    // A salutation standing alone on its line goes (a short appeal line); nothing else does.
    let body = QUOTED_APPEAL.replace('"', "").replace(" wrote:", " wrote that").replace("Dear readers, the", "Dear readers,\nThe");
    assert_eq!(dropped_text(&body), ["Dear readers,"]);
    let s = kept(&body);
    assert!(has(&s, "Please support independent journalism"));
    assert!(has(&s, "Belarusian officials did not respond"));
}

#[test]
fn short_report_with_long_appeal_is_dropped() {
    // The appeal starts in the first half, but it is unmistakable (many kinds of cue) and runs to
    // the end, after a real paragraph.
    let body = "\
Police in Tbilisi detained at least 40 protesters outside parliament on Saturday, the interior ministry said.
Dear reader,
Independent media in Georgia are under pressure as never before. A new law brands outlets that receive foreign funding as agents of a foreign power, and our editors have been summoned for questioning.
We refuse to stop reporting. But we rely on readers like you.
Please support us with a one-time gift or, better, a monthly donation from just $5.
It only takes a minute. Thank you.
Remind me later";
    let s = kept(body);
    assert_eq!(s, ["Police in Tbilisi detained at least 40 protesters outside parliament on Saturday, the interior ministry said."]);
}

#[test]
fn appeal_needs_a_real_paragraph_before_it() {
    // An article that is nothing but an appeal: the block rule needs news before it; only the
    // short lines that open with an appeal cue go.
    let body = "\
Dear readers,
Independent journalism in the region is under threat and our reporters face prosecution for their work.
Please support us with a monthly donation.";
    let d = dropped_text(body);
    assert_eq!(d, ["Dear readers,", "Please support us with a monthly donation."]);
    assert_eq!(kept(body).len(), 1);
}

#[test]
fn appeal_interrupting_in_short_lines() {
    // Short appeal lines inside the text go on their own; the news after them stays.
    let body = "\
Negotiators from Sudan's army and the Rapid Support Forces resumed talks in Jeddah on Sunday, Saudi officials said.
Support independent journalism: donate today.
The United States and Saudi Arabia urged both sides to agree a humanitarian truce.
The army said it had attended in good faith, while the RSF accused it of stalling.";
    assert_eq!(dropped_text(body), ["Support independent journalism: donate today."]);
    assert_eq!(kept(body).len(), 3);
}

#[test]
fn hard_wrapped_article_with_appeal_and_links() {
    let body = "\
Turkey's parliament on Tuesday ratified Sweden's bid to join NATO, clearing one
of the last obstacles to the Nordic country's membership after more than a year
of delays.

Read more: Hungary signals it will follow Ankara's lead

The vote passed by 287 to 55. President Recep Tayyip Erdogan is expected to sign
the protocol within days, officials said.

Sweden's prime minister welcomed the decision and thanked Turkey for its
support.

A message from the Nordic Dispatch

Dear readers, our small team covers Nordic politics without a paywall, but
quality reporting costs money. If you value our work, please become a
supporter: a monthly contribution of $4 keeps us going.

Remind me later";
    let s = kept(body);
    assert!(has(&s, "Turkey's parliament on Tuesday ratified"));
    assert!(has(&s, "thanked Turkey for its\nsupport."));
    assert!(!has(&s, "Hungary signals"));
    assert!(!has(&s, "Dear readers"));
    assert!(!has(&s, "A message from"));
    assert!(!has(&s, "Remind me later"));
    let units: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
    assert_eq!(units.len(), 7, "{units:#?}");
}

#[test]
fn known_paragraphs_are_dropped() {
    let body = "\
The Serbian government recalled its ambassador from Montenegro on Friday.
The Belgrade Observer is an independent outlet   registered in Novi Sad.
Montenegro's foreign ministry said the decision was regrettable.";
    let known: BoilerplateSet = ["the belgrade observer is an independent outlet registered in novi sad."].into_iter().collect();
    assert!(known.contains("The Belgrade Observer is an independent outlet registered in Novi Sad."));
    let article = Article { id: "k".into(), body: body.into(), ..Article::default() };
    let d = Doc::with_boilerplate(article.clone(), &known);
    check_invariants(&d);
    assert_eq!(d.sentences.len(), 2);
    assert_eq!(d.dropped.len(), 1);
    assert!(body[d.dropped[0].clone()].starts_with("The Belgrade Observer"));
    // Doc::new knows nothing of it.
    assert_eq!(Doc::new(article).sentences.len(), 3);
}

#[test]
fn explicit_ranges_cut_sentences() {
    let body = "Envoys met in Doha. Qatar hosted them. Talks ended late.";
    let start = body.find("Qatar").unwrap();
    let end = body.find("Talks").unwrap() + "Talks".len();
    let article = Article { id: "x".into(), body: body.into(), ..Article::default() };
    let d = Doc::with_dropped(article, std::iter::once(start..end));
    check_invariants(&d);
    let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Envoys met in Doha.", "ended late."]);
    assert_eq!(d.dropped_len(), end - start);
}

#[test]
fn plain_news_drops_nothing() {
    let body = "MOSCOW (Reuters) - Russia and China held talks on Monday. The ministers discussed trade.\n\nBoth sides said the talks were useful.";
    let d = doc(body);
    assert!(d.dropped.is_empty());
    assert_eq!(d.sentences.len(), 3);
    assert_eq!(d.sentences[0].text, "Russia and China held talks on Monday.");
}

#[test]
fn moscow_times_example() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/examples/moscow-times-wang-yi-2023.txt");
    let path = if std::path::Path::new(path).exists() { path.to_string() } else { "/work/shared/examples/moscow-times-wang-yi-2023.txt".to_string() };
    let Ok(body) = std::fs::read_to_string(&path) else {
        eprintln!("note: {path} not present, skipping the Moscow Times example");
        return;
    };
    let s = kept(&body);
    for gone in ["Dear readers", "support us", "undesirable", "Remind me later", "A Message from"] {
        assert!(!has(&s, gone), "{gone:?} kept: {s:#?}");
    }
    assert!(s.iter().any(|x| x.contains("Xi Jinping") && x.contains("state visit")), "{s:#?}");
    assert!(s.iter().any(|x| x.contains("Putin") && x.contains("Zhang Guoqing")), "{s:#?}");
    assert!(s.iter().any(|x| x.contains("Wang Yi will begin a four-day trip")), "{s:#?}");
    assert_eq!(find_boilerplate(&body).len(), 1);
}
