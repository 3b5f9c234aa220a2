//! Sentence splitting on hand-written news-like text. Each case lists the sentences expected; most
//! are joined with one space to form the input, so the expectation reads as the answer.

use dyad_text::{split_sentences, Article, Doc};

fn split(text: &str) -> Vec<&str> {
    split_sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect()
}

/// Join the expected sentences with a space and check the splitter finds them again.
fn roundtrip(expected: &[&str]) {
    let text = expected.join(" ");
    assert_eq!(split(&text), expected, "input: {text:?}");
}

#[test]
fn plain_sentences() {
    roundtrip(&["Orc raiders crossed the river on Monday.", "Gondor sent troops to the border."]);
    roundtrip(&["Is the ceasefire holding?", "Nobody in Minas Tirith would say.", "The talks resume Friday!"]);
    roundtrip(&["Prices rose?!", "Yes, sharply."]);
}

#[test]
fn title_abbreviations_never_end_a_sentence() {
    roundtrip(&["Mr. Baggins met Dr. Elrond and Gen. Aragorn in Rivendell on Tuesday."]);
    roundtrip(&["Mrs. Took and Prof. Oakenshield spoke after Sen. Brandybuck left."]);
    roundtrip(&["Pilgrims gathered in St. Petersburg and at Mt. Doom, officials said."]);
    roundtrip(&["The case, Gondor vs. Rohan, was heard by Lt. Col. Faramir."]);
    roundtrip(&["Rep. Sackville and Gov. Proudfoot voted no.", "Both were absent later."]);
}

#[test]
fn acronyms_split_only_before_a_sentence_opener() {
    roundtrip(&["The U.S. Army and the U.N. Security Council met in New York."]);
    roundtrip(&["The delegation arrived in the U.S.", "The talks begin on Monday."]);
    roundtrip(&["Sanctions were lifted by the U.N.", "But trade remained slow."]);
    roundtrip(&["The ambassador flew back to the U.K.", "He did not comment."]);
    roundtrip(&["The meeting ended at 5 p.m. Monday, a spokesman said."]);
    roundtrip(&["The meeting ended at 5 p.m.", "Then the delegates left."]);
    roundtrip(&["He met U.S. President Amroth and U.S. officials in Dol Amroth."]);
    roundtrip(&["Sanctions were imposed by the U.S.", "\"We will respond,\" the ministry said."]);
    roundtrip(&["The envoy returned to the U.S.", "Mr. Took said talks would continue."]);
}

#[test]
fn company_and_name_suffixes() {
    roundtrip(&["Shares of Mithril Corp. rose 4% after Erebor Mining Inc. Chief Executive Thorin spoke."]);
    roundtrip(&["The contract went to Mithril Corp.", "It beat two rivals."]);
    roundtrip(&["Bilbo Baggins Jr. said the road goes ever on."]);
    roundtrip(&["The deal was signed by Shire Holdings Ltd.", "However, regulators objected."]);
}

#[test]
fn months_and_numbered_abbreviations() {
    roundtrip(&["The summit opened on Sept. 15 and closed on Oct. 2, 2023."]);
    roundtrip(&["The vote was moved to Jan. 3 after protests in Dec. 2022."]);
    roundtrip(&["The minister lives at No. 10 Downing Street."]);
    roundtrip(&["See p. 12 and Art. 5 of the treaty."]);
    roundtrip(&["Elections were held in Nov.", "The results came in Dec. 4, officials said."]);
}

#[test]
fn initials() {
    roundtrip(&["J. R. R. Tolkien wrote the book in Oxford."]);
    roundtrip(&["George W. Bush met Vladimir V. Putin in 2001."]);
    roundtrip(&["The author, C. S. Lewis, lectured at Oxford."]);
    roundtrip(&["They chose Plan B.", "It failed within a week."]);
}

#[test]
fn numbers_and_amounts() {
    roundtrip(&["The army has 11.8 million soldiers and a $2.5bn budget."]);
    roundtrip(&["Inflation hit 3.5% in March, up from 2.9%.", "Analysts expected 3.1%."]);
    roundtrip(&["The treaty was signed in 1954.", "It expired in 2004."]);
    roundtrip(&["Rohan paid 1,200.50 gold pieces to settle the claim."]);
    roundtrip(&["Turnout was 61.2 per cent, the commission said.", "2024 will bring new elections."]);
}

#[test]
fn quotes_after_the_period() {
    roundtrip(&["\"We will not surrender,\" he said.", "The siege went on."]);
    roundtrip(&["He said: \"We will fight.\"", "The crowd cheered."]);
    roundtrip(&["\"We will win,\" he said."]);
    roundtrip(&["The king said the city \"will never fall.\"", "His advisers were less sure."]);
    roundtrip(&["“The border is closed,” the minister said.", "“Nobody crosses.”"]);
    roundtrip(&["'We are ready,' she told reporters.", "'Let them come.'"]);
    roundtrip(&["The envoy left (the talks had failed.)", "No date was set."]);
}

#[test]
fn question_and_exclamation_inside_quotes() {
    roundtrip(&["\"Why should we trust them?\" he asked."]);
    roundtrip(&["\"Stop the war!\" shouted the protesters outside the palace."]);
    roundtrip(&["\"Where is the army?\" Faramir asked the steward."]);
    roundtrip(&["\"Why now?\" Mr. Took asked.", "Nobody answered."]);
    roundtrip(&["\"Surrender!\"", "The crowd roared back.", "Then it was quiet."]);
}

#[test]
fn ellipses() {
    roundtrip(&["The talks were going well... until the shelling began."]);
    roundtrip(&["The talks stalled...", "Both sides blamed each other."]);
    roundtrip(&["The talks stalled…", "Both sides blamed each other."]);
    roundtrip(&["He paused . . . and then resumed."]);
    roundtrip(&["He paused . . .", "The room waited."]);
}

#[test]
fn lower_case_after_a_period_continues_the_sentence() {
    roundtrip(&["The force of approx. five thousand men, i.e. two legions, marched east."]);
    roundtrip(&["The rebels, e.g. the Dunlendings, refused."]);
}

#[test]
fn numbered_list_items() {
    let text = "1. The army withdraws.\n2. The prisoners are released.";
    assert_eq!(split(text), ["1. The army withdraws.", "2. The prisoners are released."]);
}

#[test]
fn paragraphs_and_headlines() {
    let text = "Orcs Attack Gondor Border Town\nOrc raiders attacked Osgiliath on Monday. Ten died.\n\nThe king vowed revenge.";
    assert_eq!(
        split(text),
        [
            "Orcs Attack Gondor Border Town",
            "Orc raiders attacked Osgiliath on Monday.",
            "Ten died.",
            "The king vowed revenge."
        ]
    );

    let text = "Dear readers,\nWe regret the error in yesterday's report.";
    assert_eq!(split(text), ["Dear readers,", "We regret the error in yesterday's report."]);

    // Windows line ends and a paragraph without final punctuation.
    let text = "Correction\r\n\r\nAn earlier version misspelled the name of the steward.\r\n";
    assert_eq!(split(text), ["Correction", "An earlier version misspelled the name of the steward."]);

    // A line break never joins across a blank line, even mid-sentence.
    let text = "The army of\n\nRohan rode.";
    assert_eq!(split(text), ["The army of", "Rohan rode."]);
}

#[test]
fn hard_wrapped_text_is_joined() {
    let text = "The council of Gondor met on Monday to discuss the growing threat from\n\
                Mordor, officials said. Envoys from Rohan and Dol Amroth attended the\n\
                meeting, which lasted more than six hours. No agreement was reached.";
    assert_eq!(
        split(text),
        [
            "The council of Gondor met on Monday to discuss the growing threat from\nMordor, officials said.",
            "Envoys from Rohan and Dol Amroth attended the\nmeeting, which lasted more than six hours.",
            "No agreement was reached.",
        ]
    );
    // A wrap after a title abbreviation does not split the name from its title.
    let text = "The delegation was led by the chief negotiator of the western realm, Mr.\n\
                Baggins, who had arrived from the Shire the previous evening by cart.";
    assert_eq!(split(text).len(), 1);
}

#[test]
fn headline_on_top_of_wrapped_text_stays_apart() {
    let text = "Gondor And Rohan Sign Mutual Defence Pact In Edoras\n\
                The kingdoms of Gondor and Rohan signed a mutual defence pact in Edoras\n\
                on Tuesday, ending months of talks.";
    assert_eq!(
        split(text),
        [
            "Gondor And Rohan Sign Mutual Defence Pact In Edoras",
            "The kingdoms of Gondor and Rohan signed a mutual defence pact in Edoras\non Tuesday, ending months of talks.",
        ]
    );
}

#[test]
fn datelines_are_dropped() {
    let cases = [
        ("MOSCOW (Reuters) - Orc envoys arrived on Monday. Talks begin today.", "Orc envoys arrived on Monday."),
        ("WASHINGTON, Sept. 15 (AP) — The Senate voted on the treaty. It passed.", "The Senate voted on the treaty."),
        ("BEIJING — Officials announced new tariffs on Tuesday.", "Officials announced new tariffs on Tuesday."),
        ("BEIJING—Officials announced new tariffs on Tuesday.", "Officials announced new tariffs on Tuesday."),
        ("KYIV, Ukraine (AP) — Air raid sirens sounded overnight.", "Air raid sirens sounded overnight."),
        ("NEW YORK, March 3, 2024 (Reuters) -- Stocks fell.", "Stocks fell."),
        ("(Reuters) - The central bank raised rates.", "The central bank raised rates."),
        ("ST. PETERSBURG, Russia (AP) — The forum opened.", "The forum opened."),
        ("  \n MINAS TIRITH (Gondor Herald) - The steward resigned.", "The steward resigned."),
        ("RIO DE JANEIRO — \"We are ready,\" the mayor said.", "\"We are ready,\" the mayor said."),
    ];
    for (text, first) in cases {
        assert_eq!(split(text)[0], first, "input: {text:?}");
    }
    let article = Article { body: "WASHINGTON, Sept. 15 (AP) — The Senate voted.".into(), ..Default::default() };
    assert_eq!(article.dateline(), Some("WASHINGTON, Sept. 15 (AP)"));
}

#[test]
fn not_datelines() {
    let cases = [
        "UN - Iran talks resumed on Monday.",
        "The minister - who resigned - spoke on Monday.",
        "Gondor - the oldest realm - was at war.",
        "The U.S. (the largest donor) — said nothing.",
        "Sauron’s forces, long-prepared — attacked.",
        "NATO allies — and some others — met.",
    ];
    for text in cases {
        assert_eq!(split(text), [text], "input: {text:?}");
        let article = Article { body: text.into(), ..Default::default() };
        assert_eq!(article.dateline(), None, "input: {text:?}");
    }
}

#[test]
fn ranges_are_trimmed_and_in_order() {
    let text = "  First sentence here.   Second one!\n\n\tThird?  ";
    let ranges = split_sentences(text);
    assert_eq!(split(text), ["First sentence here.", "Second one!", "Third?"]);
    assert!(ranges.windows(2).all(|w| w[0].1 <= w[1].0));
}

#[test]
fn unicode_text_keeps_byte_ranges_valid() {
    roundtrip(&["Éowyn met Théoden in Édoras.", "Ünal met Müller in Zürich for 3.5 hours."]);
    roundtrip(&["Der Ministerpräsident Łukasz Żółć traf Čapek.", "Οι συνομιλίες συνεχίστηκαν."]);
}

#[test]
fn a_longer_article() {
    let text = "EDORAS (Rohan News) — King Théoden of Rohan on Tuesday accused Saruman of the \
        Isengard Corp. of arming raiders, a day after an attack near the Fords of Isen killed 14 \
        people. \"We have been patient,\" the king told reporters. \"That time is over.\" \
        Saruman denied the charge. In a statement, Isengard said it had \"never supplied a single \
        blade\" to the raiders... and called the accusation absurd. The U.N. envoy, Gen. Hirgon, \
        arrived in Edoras at 9 a.m. Wednesday. Asked whether talks were possible, he said: \
        \"Why not?\" The envoy is due to meet Mr. Gríma on Sept. 18 in the U.S. Capitol. \
        Shares of Isengard Corp. fell 2.3% to $41.20.";
    assert_eq!(
        split(text),
        [
            "King Théoden of Rohan on Tuesday accused Saruman of the Isengard Corp. of arming raiders, \
             a day after an attack near the Fords of Isen killed 14 people.",
            "\"We have been patient,\" the king told reporters.",
            "\"That time is over.\"",
            "Saruman denied the charge.",
            "In a statement, Isengard said it had \"never supplied a single blade\" to the raiders... \
             and called the accusation absurd.",
            "The U.N. envoy, Gen. Hirgon, arrived in Edoras at 9 a.m. Wednesday.",
            "Asked whether talks were possible, he said: \"Why not?\"",
            "The envoy is due to meet Mr. Gríma on Sept. 18 in the U.S. Capitol.",
            "Shares of Isengard Corp. fell 2.3% to $41.20.",
        ]
    );
}

#[test]
fn doc_uses_the_splitter() {
    let article = Article {
        id: "a1".into(),
        body: "LONDON (Reuters) - Mr. Took met the U.N. envoy. They talked.".into(),
        ..Default::default()
    };
    let doc = Doc::new(article);
    let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Mr. Took met the U.N. envoy.", "They talked."]);
    let s = &doc.sentences[1];
    assert_eq!(&doc.article.body[s.start..s.end], "They talked.");
    assert_eq!(s.index, 1);
}

#[test]
fn more_abbreviation_endings() {
    roundtrip(&["The envoys met in Washington, D.C.", "The next round is in Edoras."]);
    roundtrip(&["The speech was given by Malcolm X.", "He spoke for an hour."]);
    roundtrip(&["He answered \"no.\"", "Then he left the hall."]);
    roundtrip(&["The pact was signed in 2019 (the second attempt).", "It held."]);
    roundtrip(&["Talks resumed on Wed.", "In Edoras, nobody expected a deal."]);
    roundtrip(&["The meeting is at 10 a.m.", "Asked why, the spokesman declined to comment."]);
}

/// Pseudo-random text from a nasty alphabet: ranges must stay valid, ordered, trimmed and
/// non-empty whatever comes in.
#[test]
fn ranges_are_well_formed_on_noise() {
    let alphabet: Vec<char> = "aZ .!?…\"'“”‘’()-—\n\r\t U.S. Mr. É€ 1.5 \n\n".chars().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..(seed % 80) {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let ranges = split_sentences(&text);
        let mut last = 0;
        for &(a, b) in &ranges {
            assert!(last <= a && a < b && b <= text.len(), "{text:?} -> {ranges:?}");
            let s = &text[a..b];
            assert_eq!(s, s.trim(), "{text:?}");
            last = b;
        }
        let _ = Article { body: text.clone(), ..Default::default() }.dateline();
    }
}
