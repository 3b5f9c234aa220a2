//! English inflection: verb forms (-s, -ed, -ing) and noun plurals, generated from a lemma so
//! dictionaries list each verb once.

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Regular inflections of an upper-case verb: the base, third person, past and gerund.
/// Where English spelling is ambiguous (final-consonant doubling) both spellings are produced:
/// an extra form that never occurs in text costs nothing.
pub fn verb_inflections(base: &str) -> Vec<String> {
    let b = base.as_bytes();
    let mut out = vec![base.to_string()];
    if b.len() < 2 || !base.is_ascii() {
        return out;
    }
    let last = b[b.len() - 1];
    let prev = b[b.len() - 2];
    let stem = &base[..base.len() - 1];
    if last == b'E' {
        out.push(format!("{base}S"));
        out.push(format!("{base}D"));
        if prev == b'E' {
            out.push(format!("{base}ING")); // agree → agreeing
        } else {
            out.push(format!("{stem}ING"));
        }
    } else if last == b'Y' && !is_vowel(prev) {
        out.push(format!("{stem}IES"));
        out.push(format!("{stem}IED"));
        out.push(format!("{base}ING"));
    } else {
        if base.ends_with('S') || base.ends_with("SH") || base.ends_with("CH") || last == b'X' || last == b'Z' {
            out.push(format!("{base}ES"));
        } else {
            out.push(format!("{base}S"));
        }
        out.push(format!("{base}ED"));
        out.push(format!("{base}ING"));
        // stop → stopped; visit → visited (both spellings generated).
        let cvc = b.len() >= 3 && !is_vowel(last) && is_vowel(prev) && !is_vowel(b[b.len() - 3]);
        if cvc && !matches!(last, b'W' | b'X' | b'Y') {
            let l = last as char;
            out.push(format!("{base}{l}ED"));
            out.push(format!("{base}{l}ING"));
        }
        if last == b'C' {
            out.push(format!("{base}KED")); // panic → panicked
            out.push(format!("{base}KING"));
        }
    }
    out
}

/// Plural of an upper-case noun (`MINISTRY` → `MINISTRIES`, `CHURCH` → `CHURCHES`).
pub fn noun_plural(word: &str) -> Option<String> {
    let b = word.as_bytes();
    if b.len() < 2 || !word.is_ascii() || !word.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let last = b[b.len() - 1];
    let prev = b[b.len() - 2];
    Some(if last == b'Y' && !is_vowel(prev) {
        format!("{}IES", &word[..word.len() - 1])
    } else if word.ends_with('S') || word.ends_with("SH") || word.ends_with("CH") || last == b'X' || last == b'Z' {
        format!("{word}ES")
    } else if word.ends_with("MAN") {
        format!("{}MEN", &word[..word.len() - 3])
    } else {
        format!("{word}S")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        assert_eq!(verb_inflections("DEPART"), ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]);
        assert_eq!(verb_inflections("RESCHEDULE"), ["RESCHEDULE", "RESCHEDULES", "RESCHEDULED", "RESCHEDULING"]);
        assert_eq!(verb_inflections("DENY"), ["DENY", "DENIES", "DENIED", "DENYING"]);
        assert!(verb_inflections("STOP").contains(&"STOPPED".to_string()));
        assert!(verb_inflections("VISIT").contains(&"VISITED".to_string()));
        assert!(verb_inflections("PUSH").contains(&"PUSHES".to_string()));
        assert!(!verb_inflections("DEPART").contains(&"DEPARTES".to_string()));
    }

    #[test]
    fn forms_plurals() {
        assert_eq!(noun_plural("MINISTRY").unwrap(), "MINISTRIES");
        assert_eq!(noun_plural("SPOKESMAN").unwrap(), "SPOKESMEN");
        assert_eq!(noun_plural("SOLDIER").unwrap(), "SOLDIERS");
        assert_eq!(noun_plural("DAY").unwrap(), "DAYS");
    }
}
