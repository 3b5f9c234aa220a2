//! Evaluation harnesses for dyad.
//!
//! - [`petrarch`]: the PETRARCH-1 unit-test records and the UD-PETRARCH validation records
//!   (`dyad eval petrarch FILE`).
//! - [`conflibert`]: ConfliBERT's real news sentences, pentaclass of the main event and
//!   source/target spans (`dyad eval conflibert-class FILE`, `dyad eval conflibert-ner FILE`).
//! - [`tabari`]: TABARI's validation suite, `Validate.project` and the files it names
//!   (`dyad eval tabari PROJECT`).

pub mod conflibert;
pub mod petrarch;
pub mod tabari;

pub use petrarch::{
    code_record, dedup, evaluate, is_null_actor, load_dictionaries, parse_validation,
    read_validation_file, run_petrarch, score, score_ud, score_unit_test, DictionaryInfo,
    Environment, EvalError, Expected, LoadedDictionaries, Mode, ReadIssue, Record, RecordResult,
    RecordScore, Report, RunOptions, Summary, Tally, Triple, ValidationFile, NULL_ACTOR,
};
pub use tabari::{
    code_tabari_record, evaluate_tabari, parse_text, run_tabari, score_tabari, Expectation,
    KindTally, NotEvaluated, TabariRecord, TabariReport, TabariResult, TabariScore, TabariText,
};
