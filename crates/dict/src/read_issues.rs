//! Issue dictionaries: phrases that tag a sentence with a policy issue.
//!
//! - dyad's format (`#% dyad-issues 1`): `CODE [CATEGORY] : phrase ; phrase`, and
//!   `! : phrase ; phrase` for phrases that are never an issue. Regular plurals of a phrase's
//!   last word are generated; irregular ones go in braces (`crisis {crises}`).
//! - PETRARCH-2/Phoenix (`Phoenix.IssueCoding.txt`): `<ISSUE CATEGORY="..." TYPE="...">` sections
//!   of `phrase [CODE]` lines; `~phrase` excludes; `n:word` is a noun whose plural is generated;
//!   `a+b` joins two words as `a-b` or `a b` (both are read).

use crate::model::{IssueEntry, Model};
use crate::read_common::{phrase_norms, strip_comment};
use crate::read_dyad::{head_list_lines, names};
use crate::{noun_plural, verb_inflections};
use crate::Diagnostic;

pub fn read_dyad_issues(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut problems = Vec::new();
    for (lineno, head, list) in head_list_lines(text, file, "expected `CODE [CATEGORY] : phrases` or `! : phrases`", &mut problems) {
        let mut parts = head.split_whitespace();
        let code = parts.next().unwrap_or("");
        let exclude = code == "!";
        let valid = exclude || (!code.is_empty() && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'));
        if !valid {
            diags.push(Diagnostic::new(file, lineno, format!("bad issue code `{code}` (upper-case letters, digits and `_`)")));
            continue;
        }
        let category = parts.next().map(str::to_string);
        for item in names(list) {
            let (name, irregular) = match (item.find('{'), item.rfind('}')) {
                (Some(a), Some(b)) if a < b => (format!("{} {}", &item[..a], &item[b + 1..]), Some(item[a + 1..b].trim())),
                _ => (item.to_string(), None),
            };
            let phrase = phrase_norms(&name);
            if phrase.is_empty() {
                continue;
            }
            let entry = |phrase: Vec<String>, plural| IssueEntry {
                phrase,
                code: if exclude { String::new() } else { code.to_string() },
                category: category.clone(),
                exclude,
                plural,
                origin: format!("{file}:{lineno}"),
            };
            if let Some(pl) = irregular {
                // `crisis {crises}` inflects the last word; `crime against humanity {crimes
                // against humanity}` gives the whole plural phrase.
                let plural_phrase = if pl.split_whitespace().count() > 1 {
                    phrase_norms(pl)
                } else {
                    let mut p = phrase.clone();
                    p.pop();
                    p.extend(phrase_norms(pl));
                    p
                };
                model.issues.push(entry(plural_phrase, false));
            }
            model.issues.push(entry(phrase, irregular.is_none()));
        }
    }
    diags.extend(problems);
}

pub fn read_phoenix_issues(text: &str, file: &str, model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut category: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("<ISSUE") {
            category = attribute(rest, "CATEGORY");
            if category.is_none() {
                diags.push(Diagnostic::new(file, lineno, "`<ISSUE` without a CATEGORY; its phrases are read without one"));
            }
            continue;
        }
        if line.starts_with("</ISSUE") {
            category = None;
            continue;
        }
        let (exclude, body) = match line.strip_prefix('~') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let (words, code) = match (body.find('['), body.rfind(']'), &category) {
            (Some(a), Some(b), _) if a < b => (body[..a].trim(), body[a + 1..b].trim()),
            (None, None, _) if exclude => (body, ""),
            // A known defect of the Phoenix file: phrases listed under a section without their
            // own code. The section's category is the issue they were meant for.
            (None, None, Some(cat)) => {
                diags.push(Diagnostic::new(file, lineno, format!("issue phrase without a `[CODE]`: `{line}`; coded as its section's category {cat}")));
                (body, cat.as_str())
            }
            _ => {
                diags.push(Diagnostic::new(file, lineno, format!("issue phrase without a `[CODE]`: `{line}`; skipped")));
                continue;
            }
        };
        let code = code.to_string();
        if !exclude && code.is_empty() {
            diags.push(Diagnostic::new(file, lineno, "empty issue code `[]`; skipped"));
            continue;
        }
        if words.is_empty() {
            diags.push(Diagnostic::new(file, lineno, "issue code without a phrase; skipped"));
            continue;
        }
        for (phrase, plural) in phoenix_variants(words) {
            model.issues.push(IssueEntry {
                phrase,
                code: code.clone(),
                category: category.clone(),
                exclude,
                plural,
                origin: format!("{file}:{lineno}"),
            });
        }
    }
}

/// `KEY="value"` in an element's attributes.
fn attribute(attrs: &str, key: &str) -> Option<String> {
    let at = attrs.find(&format!("{key}="))? + key.len() + 1;
    let rest = attrs[at..].trim_start_matches('"');
    let end = rest.find(['"', '>', ' ']).unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|v| !v.is_empty())
}

/// The phrases a Phoenix issue line stands for: each `a+b` as `a-b` and as `a b`; `n:word` as
/// the noun and its plural, `v:word` in every inflection. (Bounded: a line of many marked words
/// would multiply out.)
fn phoenix_variants(words: &str) -> Vec<(Vec<String>, bool)> {
    const MAX_VARIANTS: usize = 64;
    let mut texts = vec![String::new()];
    for tok in words.split_whitespace() {
        let (mark, word) = match tok.split_once(':') {
            Some((m @ ("n" | "v"), w)) => (m, w),
            _ => ("", tok),
        };
        let joined: Vec<String> = if word.contains('+') { vec![word.replace('+', "-"), word.replace('+', " ")] } else { vec![word.to_string()] };
        let mut forms: Vec<String> = Vec::new();
        for j in joined {
            let upper = j.to_uppercase();
            match mark {
                "n" => {
                    forms.push(j.clone());
                    forms.extend(noun_plural(&upper));
                }
                "v" => forms.extend(verb_inflections(&upper)),
                _ => forms.push(j),
            }
        }
        texts = texts
            .iter()
            .flat_map(|t| forms.iter().map(move |f| if t.is_empty() { f.clone() } else { format!("{t} {f}") }))
            .take(MAX_VARIANTS)
            .collect();
    }
    texts.into_iter().map(|t| phrase_norms(&t)).filter(|p| !p.is_empty()).map(|p| (p, false)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(m: &Model) -> Vec<(String, String, bool)> {
        m.issues.iter().map(|e| (e.phrase.join(" "), e.code.clone(), e.exclude)).collect()
    }

    #[test]
    fn dyad_issues_with_exclusions_and_irregular_plurals() {
        let mut m = Model::default();
        let mut d = Vec::new();
        read_dyad_issues("#% dyad-issues 1\nREFUGEES MIGRATION : refugee camp ; asylum seeker\nHUMANITARIAN : humanitarian crisis {crises} ; crime against humanity {crimes against humanity}\n! : nuclear family\nbad code : x\n", "t", &mut m, &mut d);
        assert_eq!(
            phrases(&m),
            vec![
                ("REFUGEE CAMP".into(), "REFUGEES".into(), false),
                ("ASYLUM SEEKER".into(), "REFUGEES".into(), false),
                ("HUMANITARIAN CRISES".into(), "HUMANITARIAN".into(), false),
                ("HUMANITARIAN CRISIS".into(), "HUMANITARIAN".into(), false),
                ("CRIMES AGAINST HUMANITY".into(), "HUMANITARIAN".into(), false),
                ("CRIME AGAINST HUMANITY".into(), "HUMANITARIAN".into(), false),
                ("NUCLEAR FAMILY".into(), "".into(), true),
            ]
        );
        assert_eq!(m.issues[0].category.as_deref(), Some("MIGRATION"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 5);
    }

    #[test]
    fn phoenix_issue_sections_nouns_and_joins() {
        let mut m = Model::default();
        let mut d = Vec::new();
        let text = "# comment\n<ISSUE CATEGORY=\"HEALTH\" TYPE=\"ALL\">\nn:vaccine [VACCINATION]\nwell+being [WELLBEING]\n~shot in the arm\nno code here\n</ISSUE>\nv:kidnap [KIDNAP]\norphan line\n";
        read_phoenix_issues(text, "p", &mut m, &mut d);
        assert_eq!(
            phrases(&m),
            vec![
                ("VACCINE".into(), "VACCINATION".into(), false),
                ("VACCINES".into(), "VACCINATION".into(), false),
                ("WELL-BEING".into(), "WELLBEING".into(), false),
                ("WELL BEING".into(), "WELLBEING".into(), false),
                ("SHOT IN THE ARM".into(), "".into(), true),
                ("NO CODE HERE".into(), "HEALTH".into(), false),
                ("KIDNAP".into(), "KIDNAP".into(), false),
                ("KIDNAPS".into(), "KIDNAP".into(), false),
                ("KIDNAPED".into(), "KIDNAP".into(), false),
                ("KIDNAPING".into(), "KIDNAP".into(), false),
                ("KIDNAPPED".into(), "KIDNAP".into(), false),
                ("KIDNAPPING".into(), "KIDNAP".into(), false),
            ]
        );
        assert_eq!(m.issues[0].category.as_deref(), Some("HEALTH"));
        assert_eq!(m.issues[6].category, None);
        // The orphan phrase in a section is coded with a warning; outside any section skipped.
        assert_eq!(d.iter().map(|d| d.line).collect::<Vec<_>>(), vec![6, 9]);
    }
}
