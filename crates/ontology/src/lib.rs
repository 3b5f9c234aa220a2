//! CAMEO and PLOVER ontology tables.
//!
//! The facts live in two hand-written tab-separated files compiled into the crate:
//! `data/cameo.tsv` (every CAMEO event code with its Goldstein score and PLOVER type/mode)
//! and `data/countries.tsv` (three-letter country codes usable in CAMEO actor codes).
//! They are parsed once, on first use.

use std::sync::LazyLock;

/// One CAMEO event code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameoCode {
    /// `"042"`, `"0211"`, `"14"`... exactly as CAMEO writes it (two-digit roots are `"01"`..`"20"`).
    pub code: &'static str,
    /// Short English name, e.g. "Make a visit".
    pub name: &'static str,
    /// Goldstein conflict-cooperation score, -10.0 ..= 10.0.
    pub goldstein: f32,
    /// 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
    pub quad_class: u8,
    /// PLOVER event type, e.g. "CONSULT"; one of [`PLOVER_EVENTS`]. Empty for the CAMEO 01
    /// (statements) and 02 (appeals) families, which PLOVER drops.
    pub plover_event: &'static str,
    /// PLOVER mode, e.g. "visit"; empty when the type has no specific mode.
    pub plover_mode: &'static str,
}

impl CameoCode {
    /// The two-digit root, e.g. `"04"` for `"042"`.
    pub fn root(&self) -> &'static str {
        &self.code[..2]
    }

    /// The five-way class of the code's root; see [`pentaclass`].
    pub fn pentaclass(&self) -> u8 {
        pentaclass_of_root(root_number(self.code)).expect("table codes have valid roots")
    }
}

/// PLOVER's 16 event types.
pub const PLOVER_EVENTS: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

static CAMEO_TABLE: LazyLock<Vec<CameoCode>> =
    LazyLock::new(|| parse_cameo_table(include_str!("../data/cameo.tsv")));

static COUNTRY_TABLE: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| parse_country_table(include_str!("../data/countries.tsv")));

/// Look up a CAMEO event code. Unknown codes (including dictionary-specific ones like `"174K"`)
/// return `None`.
pub fn cameo(code: &str) -> Option<&'static CameoCode> {
    let table: &'static [CameoCode] = &CAMEO_TABLE;
    // The table is in string order (checked when it is parsed), so binary search works.
    table
        .binary_search_by(|entry| entry.code.cmp(code))
        .ok()
        .map(|i| &table[i])
}

/// All CAMEO event codes, in code order.
pub fn all_cameo() -> &'static [CameoCode] {
    &CAMEO_TABLE
}

/// Whether a three-letter CAMEO actor code names a country (ISO 3166 alpha-3 or a CAMEO country
/// code such as `"KOS"`), as opposed to an international or non-state actor (`"IGO"`, `"NGO"`...).
/// Codes are upper case, as CAMEO writes them.
pub fn is_country(code3: &str) -> bool {
    country_name(code3).is_some()
}

/// Short English name of a country code accepted by [`is_country`], e.g. `"DEU"` → "Germany".
pub fn country_name(code3: &str) -> Option<&'static str> {
    let table: &'static [(&'static str, &'static str)] = &COUNTRY_TABLE;
    table
        .binary_search_by(|(code, _)| (*code).cmp(code3))
        .ok()
        .map(|i| table[i].1)
}

/// QuadClass of a numeric root (1..=20): 1 verbal cooperation (01-05), 2 material cooperation
/// (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). 0 for anything else.
pub fn quad_class_of_root(root: u8) -> u8 {
    match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => 0,
    }
}

/// Five-way class of a numeric root (1..=20): QuadClass with verbal cooperation split into
/// neutral talk (0: roots 01-02) and cooperation proper (1: 03-05); then 2 material cooperation
/// (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
pub fn pentaclass_of_root(root: u8) -> Option<u8> {
    match root {
        1..=2 => Some(0),
        3..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// Five-way class of a CAMEO code (see [`pentaclass_of_root`]).
///
/// Besides the codes [`cameo`] knows, this accepts extensions of a known three-digit code,
/// such as dictionary codes like `"174K"` or ICEWS's `"1213"`, since only the root matters here.
pub fn pentaclass(code: &str) -> Option<u8> {
    let known = cameo(code).or_else(|| code.get(..3).and_then(cameo))?;
    Some(known.pentaclass())
}

/// Whether the event is by its nature mutual — both sides do it to each other: consulting,
/// meeting, negotiating (`040`, `044`, `046`, and their sub-codes) and signing an agreement
/// (`057`). A visit (`042`) or hosting (`043`) has a direction; a meeting does not.
pub fn is_mutual(code: &str) -> bool {
    matches!(code.get(..3), Some("040" | "044" | "046" | "057"))
}

/// The numeric value of a code's two-digit root ("04" → 4).
fn root_number(code: &str) -> u8 {
    code[..2]
        .parse()
        .expect("table codes start with two digits")
}

/// Parses `data/cameo.tsv`. The file is ours and compiled in, so any malformed line is a bug
/// and panics with its line number (the unit tests parse it).
fn parse_cameo_table(text: &'static str) -> Vec<CameoCode> {
    let mut table: Vec<CameoCode> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let [code, goldstein, plover_event, plover_mode, name] = fields[..] else {
            panic!(
                "cameo.tsv:{line_no}: expected 5 tab-separated fields, got {}",
                fields.len()
            );
        };
        assert!(
            (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()),
            "cameo.tsv:{line_no}: bad code {code:?}"
        );
        let root = root_number(code);
        assert!(
            (1..=20).contains(&root),
            "cameo.tsv:{line_no}: bad root in {code:?}"
        );
        let goldstein: f32 = goldstein
            .parse()
            .unwrap_or_else(|_| panic!("cameo.tsv:{line_no}: bad Goldstein score {goldstein:?}"));
        assert!(!name.is_empty(), "cameo.tsv:{line_no}: empty name");
        if let Some(previous) = table.last() {
            assert!(
                previous.code < code,
                "cameo.tsv:{line_no}: {code} is out of order"
            );
        }
        table.push(CameoCode {
            code,
            name,
            goldstein,
            quad_class: quad_class_of_root(root),
            plover_event: dash_as_empty(plover_event),
            plover_mode: dash_as_empty(plover_mode),
        });
    }
    table
}

/// Parses `data/countries.tsv` into a table sorted by code.
fn parse_country_table(text: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut table = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((code, name)) = line.split_once('\t') else {
            panic!("countries.tsv:{line_no}: expected code<TAB>name");
        };
        assert!(
            code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
            "countries.tsv:{line_no}: bad code {code:?}"
        );
        assert!(
            !name.is_empty() && !name.contains('\t'),
            "countries.tsv:{line_no}: bad name"
        );
        table.push((code, name));
    }
    table.sort_unstable();
    for pair in table.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "countries.tsv: duplicate code {}",
            pair[0].0
        );
    }
    table
}

/// The data files write an empty field as "-" so that rows stay readable.
fn dash_as_empty(field: &'static str) -> &'static str {
    if field == "-" {
        ""
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_has_every_code() {
        // CAMEO 1.1b3: 20 roots, 3-digit and 4-digit codes (311 in all, as in GDELT's table).
        assert_eq!(all_cameo().len(), 311);
        assert_eq!(all_cameo().iter().filter(|c| c.code.len() == 2).count(), 20);
        assert_eq!(
            all_cameo().iter().filter(|c| c.code.len() == 3).count(),
            147
        );
        assert_eq!(
            all_cameo().iter().filter(|c| c.code.len() == 4).count(),
            144
        );
    }

    #[test]
    fn codes_are_sorted_and_unique() {
        for pair in all_cameo().windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn roots_and_quad_classes() {
        for root in 1..=20u8 {
            let code = format!("{root:02}");
            let entry = cameo(&code).unwrap_or_else(|| panic!("root {code} missing"));
            assert_eq!(entry.root(), code);
            assert_eq!(entry.quad_class, quad_class_of_root(root));
        }
        assert_eq!(cameo("05").unwrap().quad_class, 1);
        assert_eq!(cameo("06").unwrap().quad_class, 2);
        assert_eq!(cameo("08").unwrap().quad_class, 2);
        assert_eq!(cameo("09").unwrap().quad_class, 3);
        assert_eq!(cameo("13").unwrap().quad_class, 3);
        assert_eq!(cameo("14").unwrap().quad_class, 4);
        assert_eq!(cameo("20").unwrap().quad_class, 4);
        assert_eq!(quad_class_of_root(0), 0);
        assert_eq!(quad_class_of_root(21), 0);
    }

    #[test]
    fn every_code_inherits_its_roots_quad_class() {
        for entry in all_cameo() {
            let root = cameo(entry.root()).unwrap();
            assert_eq!(entry.quad_class, root.quad_class, "{}", entry.code);
        }
    }

    #[test]
    fn well_known_codes() {
        let visit = cameo("042").unwrap();
        assert_eq!(visit.name, "Make a visit");
        assert_eq!(visit.goldstein, 1.9);
        assert_eq!(
            (visit.plover_event, visit.plover_mode),
            ("CONSULT", "visit")
        );

        // PLOVER has no "host" mode; hosting is a visit seen from the other side.
        let host = cameo("043").unwrap();
        assert_eq!(host.name, "Host a visit");
        assert_eq!(host.goldstein, 2.8);
        assert_eq!((host.plover_event, host.plover_mode), ("CONSULT", "visit"));

        let fight = cameo("190").unwrap();
        assert_eq!(fight.goldstein, -10.0);
        assert_eq!(fight.quad_class, 4);
        assert_eq!(fight.plover_event, "ASSAULT");

        let appeal = cameo("0211").unwrap();
        assert_eq!(appeal.goldstein, 3.4);
        assert_eq!(appeal.quad_class, 1);
        assert_eq!(appeal.root(), "02");
        assert_eq!(appeal.plover_event, "", "PLOVER drops CAMEO appeals");

        assert_eq!(cameo("0874").unwrap().goldstein, 10.0);
        assert_eq!(cameo("163").unwrap().goldstein, -8.0);
        assert_eq!(cameo("057").unwrap().plover_event, "SUPPORT");
    }

    #[test]
    fn root_and_unspecified_child_are_distinct() {
        let root = cameo("04").unwrap();
        let child = cameo("040").unwrap();
        assert_eq!(root.code, "04");
        assert_eq!(child.code, "040");
        assert_ne!(root.name, child.name);
    }

    #[test]
    fn unknown_codes() {
        for code in [
            "", "0", "00", "21", "174K", "1213", "0000", "04a", "abc", "2043", " 04",
        ] {
            assert!(cameo(code).is_none(), "{code:?} should be unknown");
        }
    }

    #[test]
    fn every_longer_code_has_its_parents() {
        for entry in all_cameo() {
            assert!(
                cameo(entry.root()).is_some(),
                "{}: root missing",
                entry.code
            );
            if entry.code.len() == 4 {
                assert!(
                    cameo(&entry.code[..3]).is_some(),
                    "{}: parent missing",
                    entry.code
                );
            }
        }
    }

    #[test]
    fn plover_types_are_valid() {
        for entry in all_cameo() {
            let dropped_by_plover = matches!(entry.root(), "01" | "02");
            if dropped_by_plover {
                assert_eq!(entry.plover_event, "", "{}", entry.code);
                assert_eq!(entry.plover_mode, "", "{}", entry.code);
            } else {
                assert!(
                    PLOVER_EVENTS.contains(&entry.plover_event),
                    "{}: {:?} is not a PLOVER type",
                    entry.code,
                    entry.plover_event
                );
            }
            assert!(
                !entry.plover_mode.contains(char::is_whitespace),
                "{}",
                entry.code
            );
        }
    }

    #[test]
    fn goldstein_scores_in_range_and_names_present() {
        for entry in all_cameo() {
            assert!((-10.0..=10.0).contains(&entry.goldstein), "{}", entry.code);
            assert!(!entry.name.trim().is_empty(), "{}", entry.code);
            assert_eq!(entry.name, entry.name.trim(), "{}", entry.code);
        }
    }

    #[test]
    fn pentaclasses() {
        assert_eq!(pentaclass("01"), Some(0));
        assert_eq!(pentaclass("0211"), Some(0));
        assert_eq!(pentaclass("036"), Some(1));
        assert_eq!(pentaclass("057"), Some(1));
        assert_eq!(pentaclass("0874"), Some(2));
        assert_eq!(pentaclass("094"), Some(3));
        assert_eq!(pentaclass("139"), Some(3));
        assert_eq!(pentaclass("145"), Some(4));
        assert_eq!(pentaclass("2042"), Some(4));
        // Extensions of known 3-digit codes keep their root's class.
        assert_eq!(pentaclass("174K"), Some(4));
        assert_eq!(pentaclass("1213"), Some(3));
        for bad in ["", "2", "21", "99", "999", "abc", "ü0"] {
            assert_eq!(pentaclass(bad), None, "{bad:?}");
        }
        for entry in all_cameo() {
            assert_eq!(pentaclass(entry.code), Some(entry.pentaclass()));
        }
    }

    #[test]
    fn countries() {
        for code in [
            "USA", "GBR", "DEU", "CHN", "RUS", "PSE", "SSD", "KOS", "WSB", "GZS", "YUG",
        ] {
            assert!(is_country(code), "{code} should be a country");
        }
        // International, non-state, regional and religious codes are not countries.
        for code in [
            "IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS", "AFR", "EUR", "MEA", "SUN",
        ] {
            assert!(!is_country(code), "{code} should not be a country");
        }
        assert!(!is_country("usa"));
        assert!(!is_country("US"));
        assert!(!is_country(""));
        assert_eq!(country_name("DEU"), Some("Germany"));
        assert_eq!(country_name("KOS"), Some("Kosovo"));
        assert_eq!(country_name("IGO"), None);
        assert!(
            COUNTRY_TABLE.len() > 249,
            "all of ISO 3166-1 plus CAMEO's own codes"
        );
    }
}
