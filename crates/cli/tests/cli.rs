//! Runs the built `dyad` binary on small inputs. Which events come out is asserted only with the
//! tiny dictionaries in `tests/data/`, never with the built-in ones (they change often).

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh path in cargo's scratch folder for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// The test dictionaries, replacing every built-in kind.
fn test_dicts() -> Vec<String> {
    ["--actors", "actors.txt", "--agents", "agents.txt", "--verbs", "verbs.txt", "--discards", "discards.txt"]
        .iter()
        .enumerate()
        .map(|(i, s)| if i % 2 == 1 { data(s) } else { s.to_string() })
        .collect()
}

fn dyad<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn code(mut args: Vec<String>, stdin: Option<&str>) -> Output {
    args.insert(0, "code".into());
    args.extend(test_dicts());
    dyad(&args, stdin)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn events(text: &[u8]) -> Vec<Value> {
    std::str::from_utf8(text)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The mention's text taken from the sentence by its code-point span.
fn spanned(sentence: &str, actor: &Value) -> String {
    let span = actor["span"].as_array().unwrap();
    let (start, end) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    sentence.chars().skip(start).take(end - start).collect()
}

#[test]
fn plain_text_article_with_published_date() {
    let out = code(vec![data("article.txt"), "--published".into(), "2024-03-05".into()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out.stdout);
    let e = evs.iter().find(|e| e["code"] == "042").unwrap_or_else(|| panic!("no 042 in {evs:?}"));

    assert_eq!(e["article_id"], "article");
    assert_eq!(e["published"], "2024-03-05");
    assert_eq!(e["date"], "2024-03-05");
    assert_eq!(e["sentence_index"], 0);
    // The dateline is not part of the sentence.
    assert_eq!(e["sentence"], "In Zürich, the Chinese foreign minister visited Russia on Monday.");
    assert_eq!(e["root"], "04");
    assert_eq!(e["quad_class"], 1);
    assert!(e["goldstein"].is_number());
    assert_eq!(e["plover"]["event"], "CONSULT");
    assert_eq!(e["plover"]["mode"], "visit");
    assert_eq!(e["aux"], Value::Array(vec![]));
    assert!(e["rule"].as_str().unwrap().contains("verbs.txt"), "{}", e["rule"]);
    for absent in ["url", "title", "source_name"] {
        assert!(e.get(absent).is_none(), "{absent} should be absent: {e}");
    }

    let sentence = e["sentence"].as_str().unwrap();
    let (source, target) = (&e["source"], &e["target"]);
    assert!(source["code"].as_str().unwrap().starts_with("CHN"), "{source}");
    assert_eq!(source["country"], "CHN");
    assert_eq!(target["code"], "RUS");
    assert_eq!(target["country"], "RUS");
    assert_eq!(target["text"], "Russia");
    // "ü" is one code point but two bytes: code-point spans point at the right text.
    assert_eq!(target["span"], serde_json::json!([48, 54]));
    for actor in [source, target] {
        assert_eq!(spanned(sentence, actor), actor["text"].as_str().unwrap());
    }
    assert!(stderr(&out).contains("1 article read, 0 skipped, 2 sentences"), "{}", stderr(&out));
}

#[test]
fn malformed_jsonl_line_is_reported_and_the_rest_coded() {
    let out = code(vec![data("feed.jsonl")], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("dyad: skipped ") && err.contains("feed.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("2 articles read, 1 skipped"), "{err}");

    let evs = events(&out.stdout);
    let ids: Vec<&str> = evs.iter().map(|e| e["article_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["good-1", "good-3"]);

    let visit = &evs[0];
    assert_eq!(visit["code"], "042");
    assert_eq!(visit["source"]["code"], "CHN");
    assert_eq!(visit["source"]["text"], "Chinese");
    assert_eq!(visit["target"]["code"], "RUS");
    assert_eq!(visit["published"], "2024-05-06");
    assert_eq!(visit["url"], "https://example.org/1");
    assert_eq!(visit["title"], "Visit");
    assert_eq!(visit["source_name"], "Example Wire");

    let meet = &evs[1];
    assert_eq!(meet["code"], "040");
    assert_eq!((meet["source"]["code"].as_str(), meet["target"]["code"].as_str()), (Some("RUS"), Some("CHN")));
    assert_eq!(meet["published"], Value::Null);
    assert_eq!(meet["plover"]["mode"], Value::Null);
}

#[test]
fn stdin_jsonl_is_the_default_input_and_dash_names_it() {
    let input = "{\"id\": \"s1\", \"text\": \"China visited Russia.\"}\n\n{\"id\": 7, \"text\": \"Russia visited China.\"}\n";
    for args in [vec![], vec!["-".to_string()]] {
        let out = code(args, Some(input));
        assert!(out.status.success(), "{}", stderr(&out));
        let evs = events(&out.stdout);
        let ids: Vec<&str> = evs.iter().map(|e| e["article_id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["s1", "7"]);
    }
}

#[test]
fn output_file_gets_the_events_and_stdout_stays_empty() {
    let path = scratch("out.jsonl");
    let out = code(vec![data("feed.jsonl"), "-o".into(), path.display().to_string(), "--quiet".into()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    // --quiet drops the summary, never the report of a skipped record.
    let err = stderr(&out);
    assert!(err.contains("feed.jsonl:2:") && !err.contains("articles read"), "{err}");
    assert_eq!(events(&std::fs::read(&path).unwrap()).len(), 2);
}

#[test]
fn exit_1_when_every_input_fails_and_2_for_a_missing_dictionary() {
    let out = code(vec![data("no-such-file.txt")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-file.txt: cannot read"), "{}", stderr(&out));

    let out = dyad(&["code", &data("article.txt"), "--verbs", &data("no-such-verbs.txt")], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-verbs.txt"), "{}", stderr(&out));

    let out = dyad(&["code", "--published", "2024-13-40"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn parallel_coding_keeps_input_order() {
    // More articles than one batch, so several batches go through the pool.
    let path = scratch("many.jsonl");
    let mut feed = String::new();
    for i in 0..700 {
        let (a, b) = if i % 2 == 0 { ("China", "Russia") } else { ("Moscow", "Beijing") };
        feed.push_str(&format!("{{\"id\": \"a{i}\", \"text\": \"Rain fell. {a} visited {b} on day {i}.\"}}\n"));
    }
    std::fs::write(&path, feed).unwrap();
    let one = code(vec![path.display().to_string(), "--threads".into(), "1".into()], None);
    let four = code(vec![path.display().to_string(), "--threads".into(), "4".into()], None);
    assert!(one.status.success() && four.status.success());
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = events(&four.stdout).iter().map(|e| e["article_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, (0..700).map(|i| format!("a{i}")).collect::<Vec<_>>());
}

#[test]
fn dict_check_reports_file_and_line() {
    let out = dyad(&["dict", "check", &data("broken-verbs.txt")], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("broken-verbs.txt:4: "), "{text}");
    assert!(text.contains("1 diagnostic") && text.contains("verb blocks"), "{text}");

    let out = dyad(&["dict", "check", &data("actors.txt"), &data("verbs.txt")], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 files, 0 diagnostics"));

    // Neither header nor name tells the kind: a usage error, unless --kind says it.
    let out = dyad(&["dict", "check", &data("feed.jsonl")], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--kind"));
}

#[test]
fn dict_stats_of_built_in_and_given_dictionaries() {
    let out = dyad(&["dict", "stats"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("built-in dictionaries") && text.contains("actor names") && text.contains("warnings: "), "{text}");

    let mut args = vec!["dict".to_string(), "stats".into()];
    args.extend(test_dicts());
    let out = dyad(&args, None);
    let text = String::from_utf8_lossy(&out.stdout);
    let row = |name: &str| text.lines().find(|l| l.trim_start().starts_with(name)).unwrap().split_whitespace().last().unwrap().to_string();
    assert_eq!(row("verb blocks"), "2", "{text}");
    assert_eq!(row("warnings:"), "0", "{text}");
}

#[test]
fn bench_runs_once_on_a_small_input() {
    let mut args: Vec<String> = ["bench", "--runs", "1", "--threads", "1", "--json", "--input"].map(String::from).to_vec();
    args.push(data("feed.jsonl"));
    args.extend(test_dicts());
    let out = dyad(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["corpus"]["articles"], 2);
    assert_eq!(report["corpus"]["skipped"], 1);
    assert_eq!(report["corpus"]["events"], 2);
    assert_eq!(report["threads"], 1);
    assert!(report["machine"]["cores"].as_u64().unwrap() >= 1);
    for section in ["coding", "end_to_end"] {
        let rate = &report[section]["sentences_per_second"];
        assert!(rate["median"].as_f64().unwrap() > 0.0, "{report}");
        assert!(rate["min"].as_f64().unwrap() <= rate["max"].as_f64().unwrap());
        assert!(report[section]["articles_per_second"]["median"].as_f64().unwrap() > 0.0);
    }
    assert!(report["load"]["parse_seconds"].as_f64().unwrap() >= 0.0);

    // The generated corpus, small, as text, with the built-in dictionaries.
    let corpus = scratch("corpus.jsonl");
    let out = dyad(&["bench", "--runs", "1", "--sentences", "200", "--save-corpus", &corpus.display().to_string()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("sentences/s") && text.contains("end to end") && text.contains("cores"), "{text}");
    assert!(std::fs::read_to_string(&corpus).unwrap().lines().count() > 10);
}

#[test]
fn monadic_events_only_when_asked() {
    let text = "Unknown delegates visited Russia on Friday.";
    let plain = code(vec!["-".into()], Some(text));
    assert!(events(&plain.stdout).is_empty(), "{}", stderr(&plain));
    let monadic = code(vec!["-".into(), "--monadic".into()], Some(text));
    let ev = events(&monadic.stdout);
    assert_eq!(ev.len(), 1, "{}", stderr(&monadic));
    assert_eq!(ev[0]["source"]["code"], "---");
    assert_eq!(ev[0]["source"]["phrase"], "Unknown delegates");
    assert_eq!(ev[0]["target"]["code"], "RUS");
}
