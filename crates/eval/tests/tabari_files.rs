//! Runs TABARI's validation project from the shared evaluation area when present
//! (`../shared/eval/tabari/` next to the repository). Skips with a note when it is absent.

use std::path::Path;

use dyad_eval::tabari::{run_tabari, Expectation};

#[test]
fn validate_project() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/tabari/Validate.project");
    if !p.is_file() {
        eprintln!("note: {} not found; skipping", p.display());
        return;
    }
    let r = run_tabari(&p).expect("project loads");
    // Every record of the text file is read; the suite's own end record stops the scoring.
    assert_eq!(r.records_read, 481);
    assert!(r.not_evaluated.after_end > 0 && r.not_evaluated.options > 10);
    assert!(r.total.evaluated > 400, "{:?}", r.total);
    let kinds: usize = r.kinds.iter().map(|k| k.evaluated).sum();
    assert_eq!(kinds, r.total.evaluated);
    // Malformed headers are reported with their lines, not fatal.
    assert!(r.read_issues.iter().any(|i| i.skipped && i.id.as_deref() == Some("ACTORSYN-01")));
    let demo = r.records.iter().find(|x| x.id == "DEMO-01").unwrap();
    assert!(matches!(demo.expected, Expectation::Events { .. }) && demo.evaluated);
    // Dictionary diagnostics all name a file and a line.
    assert!(r.dictionaries.sample.iter().all(|d| d.contains(':')));
}
