//! Loads the real dictionaries under ../shared (when present): the PETRARCH validation sets and
//! the Phoenix production files must load whole, with only per-line warnings.

use dyad_dict::{Builder, Kind};
use std::path::PathBuf;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: {} not found; skipping", p.display());
        None
    }
}

fn load(files: &[(Kind, &str)]) -> Option<(dyad_dict::Dictionaries, Vec<dyad_dict::Diagnostic>)> {
    let mut b = Builder::new();
    for (kind, rel) in files {
        b.add_file(*kind, &shared(rel)?).expect("readable");
    }
    Some(b.build())
}

#[test]
fn petrarch_validation_dictionaries_load() {
    let Some((d, diags)) = load(&[
        (Kind::Verbs, "eval/petrarch/PETR.Validate.verbs.txt"),
        (Kind::Actors, "eval/petrarch/PETR.Validate.actors.txt"),
        (Kind::Agents, "eval/petrarch/PETR.Validate.agents.txt"),
        (Kind::Discards, "eval/petrarch/PETR.Validate.discards.txt"),
    ]) else { return };
    for x in &diags {
        eprintln!("{x}");
    }
    let s = d.stats();
    eprintln!("{s:?}");
    assert!(s.actor_names > 200 && s.verb_blocks > 150 && s.patterns > 300 && s.agent_names > 80, "{s:?}");
}

#[test]
fn petrarch_ud_dictionaries_load() {
    let Some((d, diags)) = load(&[
        (Kind::Verbs, "eval/petrarch-ud/PETR_Validate_verbs_2_02.txt"),
        (Kind::Actors, "eval/petrarch-ud/PETR_Validate_actors_2_02.txt"),
        (Kind::Agents, "eval/petrarch-ud/PETR_Validate_agents_2_02.txt"),
    ]) else { return };
    for x in &diags {
        eprintln!("{x}");
    }
    let s = d.stats();
    eprintln!("{s:?}");
    assert!(s.verb_blocks > 50 && s.patterns > 300, "{s:?}");
}

#[test]
fn phoenix_dictionaries_load_whole() {
    let Some((d, diags)) = load(&[
        (Kind::Verbs, "dictionaries/phoenix/CAMEO.2.0.txt"),
        (Kind::Actors, "dictionaries/phoenix/Phoenix.Countries.actors.txt"),
        (Kind::Actors, "dictionaries/phoenix/Phoenix.International.actors.txt"),
        (Kind::Actors, "dictionaries/phoenix/Phoenix.MilNonState.actors.txt"),
        (Kind::Agents, "dictionaries/phoenix/Phoenix.agents.txt"),
        (Kind::Discards, "dictionaries/phoenix/Phoenix.discards.txt"),
        (Kind::Issues, "dictionaries/phoenix/Phoenix.IssueCoding.txt"),
    ]) else { return };
    eprintln!("{} diagnostics; first ones:", diags.len());
    for x in diags.iter().take(30) {
        eprintln!("{x}");
    }
    let s = d.stats();
    eprintln!("{s:?}");
    assert!(s.actor_names > 30_000 && s.verb_blocks > 200 && s.patterns > 4_000 && s.issue_phrases > 3_000, "{s:?}");
    // Every diagnostic names its file and line.
    assert!(diags.iter().all(|x| x.line > 0 && x.file.contains("phoenix")), "{diags:?}");
}

#[test]
fn phoenix_petrarch1_verb_patterns_load() {
    let Some((d, diags)) = load(&[(Kind::Verbs, "dictionaries/phoenix/CAMEO.verbpatterns.150430.txt")]) else { return };
    eprintln!("{} diagnostics", diags.len());
    for x in diags.iter().take(20) {
        eprintln!("{x}");
    }
    assert!(d.stats().patterns > 10_000, "{:?}", d.stats());
}

#[test]
fn tabari_demo_dictionaries_load() {
    let (Some(a), Some(g), Some(v)) = (shared("eval/tabari/TABARI.Demo.actors"), shared("eval/tabari/Validate.agents"), shared("eval/tabari/TABARI.Demo.verbs")) else { return };
    let mut b = Builder::new();
    b.add_file_as(Kind::Actors, dyad_dict::Format::Tabari, &a).expect("readable");
    b.add_file_as(Kind::Agents, dyad_dict::Format::Tabari, &g).expect("readable");
    b.add_file_as(Kind::Verbs, dyad_dict::Format::Tabari, &v).expect("readable");
    let (d, diags) = b.build();
    for x in &diags {
        eprintln!("{x}");
        assert!(x.line > 0 && x.file.contains("TABARI.Demo"), "every diagnostic names file and line: {x}");
    }
    let s = d.stats();
    eprintln!("{s:?}");
    assert!(s.actor_names > 120 && s.verb_blocks > 250 && s.patterns > 350 && s.agent_names > 80 && s.synsets >= 5, "{s:?}");
}
