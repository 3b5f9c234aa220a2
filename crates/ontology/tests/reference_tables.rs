//! Cross-checks our hand-written tables against the reference files in `/work/shared/ontology`.
//!
//! The reference files are not part of the repository, so each test prints a note and passes
//! when they are absent. When present, a test fails listing every disagreement at once.

use dyad_ontology::{all_cameo, cameo, is_country};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SHARED_ONTOLOGY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/ontology");

/// PLOVER mappings where we knowingly differ from CAMEO2PLOVER-2021 (also commented in
/// `data/cameo.tsv`): code, and why.
const PLOVER_DEVIATIONS: &[(&str, &str)] = &[(
    "175",
    "the table puts the context \"pro_autocracy\" in the mode column; we leave the mode empty",
)];

/// Codes in CAMEO.country.txt that are regions or cities, not countries.
const CAMEO_NON_COUNTRIES: &[&str] = &[
    "AFR", "ASA", "BAG", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
    "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
];

/// Reads a reference file, or returns `None` (after printing why) when it is unavailable.
fn read_reference(relative: &str) -> Option<String> {
    let path: PathBuf = Path::new(SHARED_ONTOLOGY).join(relative);
    match std::fs::read(&path) {
        // Some of these files are Latin-1; we only compare ASCII fields, so lossy is fine.
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(err) => {
            eprintln!(
                "note: skipping check, {} unavailable: {err}",
                path.display()
            );
            None
        }
    }
}

/// Data rows of a tab-separated reference file: skips comments and the header line.
fn data_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .skip(1)
        .map(|line| line.split('\t').map(str::trim).collect())
}

fn fail_with(problems: &[String], what: &str) {
    assert!(
        problems.is_empty(),
        "{} problem(s) with {what}:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn codes_and_goldstein_scores_match_reference() {
    let Some(text) = read_reference("cameo/CAMEO.goldsteinscale.txt") else {
        return;
    };
    let mut problems = Vec::new();
    let mut reference_codes = BTreeSet::new();
    for row in data_rows(&text) {
        let (code, score) = (row[0], row.get(1).copied().unwrap_or(""));
        reference_codes.insert(code.to_string());
        let Ok(score) = score.parse::<f32>() else {
            problems.push(format!("{code}: unreadable reference score {score:?}"));
            continue;
        };
        match cameo(code) {
            None => problems.push(format!("{code}: missing from our table")),
            Some(ours) if ours.goldstein != score => problems.push(format!(
                "{code}: Goldstein {} but reference says {score}",
                ours.goldstein
            )),
            Some(_) => {}
        }
    }
    for ours in all_cameo() {
        if !reference_codes.contains(ours.code) {
            problems.push(format!(
                "{}: in our table but not in the reference",
                ours.code
            ));
        }
    }
    fail_with(&problems, "CAMEO codes / Goldstein scores");
}

#[test]
fn plover_mapping_matches_reference() {
    let Some(text) = read_reference("plover/CAMEO2PLOVER-2021.tsv") else {
        return;
    };
    // A code may be listed more than once (root 08 is split between CONCEDE and RETREAT).
    let mut reference: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for row in data_rows(&text) {
        let field = |i: usize| row.get(i).copied().unwrap_or("");
        reference
            .entry(field(0))
            .or_default()
            .push((field(1), field(2)));
    }

    let mut problems = Vec::new();
    for (code, choices) in &reference {
        let Some(ours) = cameo(code) else {
            // CAMEO2PLOVER lists a few codes CAMEO 1.1b3 lacks (1213, 1214); nothing to compare.
            eprintln!("note: CAMEO2PLOVER code {code} is not a CAMEO 1.1b3 code; ignored");
            continue;
        };
        let event_matches = choices.iter().any(|(event, _)| *event == ours.plover_event);
        let pair_matches = choices.contains(&(ours.plover_event, ours.plover_mode));
        let deviation = PLOVER_DEVIATIONS.iter().find(|(c, _)| c == code);
        if !event_matches || (!pair_matches && deviation.is_none()) {
            problems.push(format!(
                "{code}: ours {}/{} but reference says {choices:?}",
                ours.plover_event, ours.plover_mode
            ));
        }
    }
    // Codes the reference leaves out are the ones PLOVER drops; they must carry no PLOVER type.
    for ours in all_cameo() {
        if !reference.contains_key(ours.code) && !ours.plover_event.is_empty() {
            problems.push(format!(
                "{}: not mapped by the reference, but ours says {}",
                ours.code, ours.plover_event
            ));
        }
    }
    for (code, why) in PLOVER_DEVIATIONS {
        assert!(
            reference.contains_key(code),
            "deviation {code} ({why}) no longer needed?"
        );
    }
    fail_with(&problems, "CAMEO-to-PLOVER mapping");
}

#[test]
fn cameo_country_codes_are_countries() {
    let Some(text) = read_reference("cameo/CAMEO.country.txt") else {
        return;
    };
    let mut problems = Vec::new();
    for row in data_rows(&text) {
        let code = row[0];
        let expected = !CAMEO_NON_COUNTRIES.contains(&code);
        if is_country(code) != expected {
            problems.push(format!(
                "{code} ({}): is_country should be {expected}",
                row.get(1).unwrap_or(&"")
            ));
        }
    }
    fail_with(&problems, "country codes");
}

#[test]
fn actor_type_codes_are_not_countries() {
    let Some(text) = read_reference("cameo/CAMEO.type.txt") else {
        return;
    };
    let problems: Vec<String> = data_rows(&text)
        .filter(|row| is_country(row[0]))
        .map(|row| format!("{} is an actor type, not a country", row[0]))
        .collect();
    fail_with(&problems, "actor type codes");
}
