//! A synthetic news corpus for `dyad bench`, so the benchmark runs on a fresh machine with no
//! data. Articles are built from hand-written sentence templates about real states, leaders and
//! organisations, mixed with the background sentences real reports are full of, and serialised
//! as JSON Lines so that parsing is measured like it is for a real feed.
//!
//! It is deterministic (a fixed-seed generator): every run and every machine codes the same text.

use serde_json::json;

/// Sentences with a source (`{S}`) and a target (`{T}`) slot; most describe a codable event.
pub const TEMPLATES: &[&str] = &[
    "{S} accused {T} of violating the ceasefire agreement signed last year.",
    "{S} will host talks with {T} next week on trade and energy cooperation.",
    "{S} visited {T} on Tuesday for the first time in five years.",
    "Officials from {S} met their counterparts from {T} in Geneva on Monday.",
    "{S} condemned the airstrike and called on {T} to open an independent investigation.",
    "{S} imposed new sanctions on {T} over its nuclear programme.",
    "{S} said it would not negotiate with {T} until all hostages are released.",
    "{S} threatened to cut off gas supplies to {T} if the debt was not paid by the end of the month.",
    "{S} signed a defence cooperation agreement with {T} on Thursday.",
    "{S} praised {T} for its role in brokering the prisoner exchange.",
    "{S} rejected a proposal by {T} to hold a referendum on the disputed region.",
    "{S} sent humanitarian aid to {T} after the earthquake killed hundreds of people.",
    "{S} expelled two diplomats from {T}, accusing them of espionage.",
    "{S} urged {T} to exercise restraint and return to the negotiating table.",
    "{S} denied reports that it had supplied weapons to {T}.",
    "Troops from {S} attacked positions held by {T} near the border overnight, local officials said.",
    "{S} called for an immediate ceasefire and asked {T} to allow aid convoys into the city.",
    "{S} and {T} agreed to restore diplomatic relations after a two-year rupture.",
    "{S} recalled its ambassador to {T} in protest over the remarks.",
    "{S} warned {T} against any further military build-up along the frontier.",
    "{S} pledged $2 billion in reconstruction loans to {T}, according to a joint statement.",
    "{S} criticised {T} for its crackdown on opposition protesters.",
    "{S} demanded that {T} release the detained journalists immediately.",
    "{S} arrested dozens of people suspected of spying for {T}, state media reported.",
    "{S} offered to mediate between {T} and the rebels, a spokesman said.",
    "{S} hosted {T} at a summit on regional security in the capital.",
    "{S} thanked {T} for its support during the crisis.",
    "{S} refused to extradite the former minister to {T}.",
    "{S} apologised to {T} for the border incident, the foreign ministry said in a statement.",
    "{S} blamed {T} for the collapse of the peace talks.",
    "{S} will discuss nuclear energy with {T} during a three-day visit starting on Sunday.",
    "{S} froze the assets of several banks linked to {T}.",
    "{S} invited {T} to join the regional free trade agreement.",
    "{S} protested to {T} over the detention of its fishermen.",
    "{S} shelled villages controlled by {T}, killing at least 12 civilians.",
    "{S} announced that it was ready to resume dialogue with {T} without preconditions.",
    "{S} opened an investigation into claims that {T} had interfered in the election.",
    "A spokesman for {S} said the government had no plans to recognise {T}.",
    "{S} welcomed the decision by {T} to withdraw troops from the buffer zone.",
    "{S} telephoned {T} to express condolences after the attack.",
    "{S} vowed to retaliate against {T} if its forces were attacked again.",
    "{S} suspended military cooperation with {T} pending a review.",
    "{S} signed a memorandum of understanding on energy with {T} in the presence of reporters.",
    "Speaking in Brussels, {S} told reporters that the talks with {T} had been constructive.",
    "{S} seized a tanker belonging to {T} in international waters.",
    "{S} deployed additional troops to the border with {T} on Friday.",
    "{S} has repeatedly denied accusations by {T} that it is harbouring militants.",
    "{S} provided military training to {T} under a deal reached in March.",
    "{S} boycotted the conference after {T} was invited to attend.",
    "{S} met {T} on the sidelines of the G20 summit in New Delhi.",
    "{S} did not condemn {T} over the missile test, drawing criticism from opposition lawmakers.",
    "{S} may impose tariffs on steel imports from {T} later this year, two sources told reporters.",
];

/// Background sentences: context, attribution and colour, mostly without a codable event.
/// `{S}` is filled with an actor of the article.
pub const FILLERS: &[&str] = &[
    "The talks are expected to last three days, according to a statement released late on Sunday.",
    "Markets in the region fell sharply after the announcement.",
    "The ministry did not immediately respond to a request for comment.",
    "{S} has been under pressure at home over rising food and fuel prices.",
    "Analysts said the move was largely symbolic.",
    "More than 200 people have been killed in the fighting since January, according to local health officials.",
    "The meeting came amid rising tensions in the region.",
    "It was not clear whether the agreement would be ratified by parliament.",
    "\"We will not accept threats from anyone,\" the minister told a news conference.",
    "Oil prices rose 2 percent on the news before paring gains in afternoon trading.",
    "{S} is due to hold parliamentary elections in the spring.",
    "The dispute dates back to the end of the Cold War.",
];

/// Actors as news writes them: states, capitals as metonyms, leaders with titles, ministries,
/// armed forces and organisations.
pub const ACTORS: &[&str] = &[
    "China",
    "Russia",
    "the United States",
    "Ukraine",
    "Iran",
    "Israel",
    "India",
    "Pakistan",
    "Turkey",
    "Germany",
    "France",
    "Japan",
    "South Korea",
    "North Korea",
    "Saudi Arabia",
    "Egypt",
    "Brazil",
    "Mexico",
    "Nigeria",
    "Ethiopia",
    "Venezuela",
    "Colombia",
    "Syria",
    "Poland",
    "Britain",
    "Chinese President Xi Jinping",
    "Russian President Vladimir Putin",
    "U.S. Secretary of State Antony Blinken",
    "Ukrainian President Volodymyr Zelenskiy",
    "Indian Prime Minister Narendra Modi",
    "Turkish President Tayyip Erdogan",
    "French President Emmanuel Macron",
    "the Japanese government",
    "Iran's foreign ministry",
    "the Israeli military",
    "Pakistani security forces",
    "Egyptian officials",
    "the European Union",
    "NATO",
    "the United Nations",
    "the African Union",
    "Hamas",
    "the Kremlin",
    "Beijing",
    "Washington",
];

const DATELINES: &[&str] =
    &["GENEVA (Reuters) - ", "MOSCOW (AP) - ", "BEIJING, March 3 (Reuters) - ", "WASHINGTON - ", "CAIRO (AFP) - ", "NEW DELHI - "];

const SOURCES: &[&str] = &["Reuters", "Associated Press", "AFP", "BBC Monitoring"];

/// A JSONL corpus of at least `sentences` sentences (as written; the splitter may count a few
/// differently), about 8 per article.
pub fn generate(sentences: usize) -> Vec<u8> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(sentences * 150);
    let mut written = 0;
    let mut article = 0;
    while written < sentences {
        let n = (5 + rng.below(7)).min(sentences - written);
        let (mut s, mut t) = rng.pair();
        let mut body = String::new();
        if rng.below(3) == 0 {
            body.push_str(rng.pick(DATELINES));
        }
        let mut title = String::new();
        for k in 0..n {
            // Articles mostly stay with one pair of actors, as real ones do.
            if k > 0 && rng.below(3) == 0 {
                (s, t) = rng.pair();
            }
            let template = if k > 0 && rng.below(10) < 3 { rng.pick(FILLERS) } else { rng.pick(TEMPLATES) };
            let sentence = capitalise(&template.replace("{S}", ACTORS[s]).replace("{T}", ACTORS[t]));
            if k == 0 {
                title = sentence.trim_end_matches('.').to_string();
            } else {
                body.push(' ');
            }
            body.push_str(&sentence);
        }
        let day = jiff::civil::date(2023, 1, 1) + jiff::Span::new().days(article as i64 % 730);
        let record = json!({
            "id": format!("bench-{article}"),
            "title": title,
            "text": body,
            "url": format!("https://news.example.org/{article}"),
            "source": rng.pick(SOURCES),
            "published": day.to_string(),
        });
        serde_json::to_writer(&mut out, &record).expect("JSON to memory");
        out.push(b'\n');
        written += n;
        article += 1;
    }
    out
}

/// "the United States said" → "The United States said" at the start of a sentence.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// xorshift64*: tiny, fixed-seed, good enough to vary a corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Two different actors.
    fn pair(&mut self) -> (usize, usize) {
        let s = self.below(ACTORS.len());
        let t = (s + 1 + self.below(ACTORS.len() - 1)) % ACTORS.len();
        (s, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic_valid_jsonl_of_the_asked_size() {
        let a = generate(20_000);
        assert_eq!(a, generate(20_000));
        let lines: Vec<serde_json::Value> =
            std::str::from_utf8(&a).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert!(lines.len() > 20_000 / 12 && lines.len() < 20_000 / 4, "{} articles", lines.len());
        for l in &lines {
            let text = l["text"].as_str().unwrap();
            assert!(!text.contains('{') && text.len() > 100, "{text}");
            assert!(l["published"].as_str().unwrap().starts_with("202"));
        }
    }

    #[test]
    fn corpus_draws_on_enough_variety() {
        assert!(TEMPLATES.len() >= 50 && ACTORS.len() >= 40);
        assert!(TEMPLATES.iter().all(|t| t.contains("{S}") && t.contains("{T}")));
        assert_eq!(capitalise("the Kremlin said."), "The Kremlin said.");
    }
}
