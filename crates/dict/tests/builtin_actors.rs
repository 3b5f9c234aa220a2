//! The built-in actor dictionaries (`dictionaries/actors-*.txt`, hand-written and generated):
//! they load without warnings, no name carries two codes on the same day, and dated offices
//! resolve by the article date.

use dyad_dict::{Date, Dictionaries};
use jiff::civil::date;

fn builtin() -> Dictionaries {
    let (d, diags) = Dictionaries::builtin();
    for x in &diags {
        eprintln!("{x}");
    }
    assert!(diags.is_empty(), "{} warnings in the built-in dictionaries", diags.len());
    d
}

/// The code of the actor named exactly `name` for an article published on `on`.
fn code(d: &Dictionaries, name: &str, on: Option<Date>) -> Option<String> {
    let ids = d.token_ids(&dyad_text::tokenize(name));
    let (n, info) = d.actor_at(&ids)?;
    assert_eq!(n, ids.len(), "{name:?} matches only a shorter name");
    info.code_for(on).map(str::to_string)
}

#[test]
fn builtin_dictionaries_load_without_warnings() {
    let d = builtin();
    let s = d.stats();
    assert!(s.actor_names > 20_000 && s.agent_names > 1_500, "{s:?}");
}

#[test]
fn no_name_has_two_codes_on_one_day() {
    let d = builtin();
    let mut bad = Vec::new();
    for info in d.actor_infos() {
        let dated: Vec<_> = info.codes.iter().filter(|c| c.is_dated()).collect();
        for (i, a) in dated.iter().enumerate() {
            for b in &dated[i + 1..] {
                if a.code == b.code {
                    continue;
                }
                let start = a.from.max(b.from); // None < Some: an open start is the earliest
                let end = match (a.to, b.to) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, None) | (None, x) => x,
                };
                if start.zip(end).is_none_or(|(s, e)| s <= e) {
                    bad.push(format!("{}: {} {:?}..{:?} and {} {:?}..{:?}", info.origin, a.code, a.from, a.to, b.code, b.from, b.to));
                }
            }
        }
        let mut undated: Vec<&str> = info.codes.iter().filter(|c| !c.is_dated()).map(|c| c.code.as_str()).collect();
        undated.sort_unstable();
        undated.dedup();
        if undated.len() > 1 {
            bad.push(format!("{}: undated codes {undated:?}", info.origin));
        }
    }
    for b in &bad {
        eprintln!("{b}");
    }
    assert!(bad.is_empty(), "{} names with conflicting codes", bad.len());
}

#[test]
fn offices_follow_the_article_date() {
    let d = builtin();
    let on = |y, m, dd| Some(date(y, m, dd));
    // Patrushev: FSB director, Security Council secretary until May 2024, then out of the
    // security apparatus (an aide on shipbuilding): ELI.
    assert_eq!(code(&d, "Nikolai Patrushev", on(2005, 6, 1)).as_deref(), Some("RUSSPY"));
    assert_eq!(code(&d, "Patrushev", on(2023, 9, 15)).as_deref(), Some("RUSGOV"));
    assert_eq!(code(&d, "Nikolai Patrushev", on(2024, 5, 13)).as_deref(), Some("RUSGOV"));
    assert_eq!(code(&d, "Nikolai Patrushev", on(2024, 6, 1)).as_deref(), Some("RUSELI"));
    assert_eq!(code(&d, "Sergei Lavrov", on(2023, 9, 15)).as_deref(), Some("RUSGOV"));
    assert_eq!(code(&d, "Sergei Lavrov", None).as_deref(), Some("RUSGOV"));
    // US secretaries of state by date; after office they are elites.
    assert_eq!(code(&d, "Colin Powell", on(2003, 2, 5)).as_deref(), Some("USAGOV"));
    assert_eq!(code(&d, "Colin Powell", on(1991, 1, 17)).as_deref(), Some("USAMIL"));
    assert_eq!(code(&d, "Colin Powell", on(2010, 1, 1)).as_deref(), Some("USAELI"));
    assert_eq!(code(&d, "Condoleezza Rice", on(2007, 3, 1)).as_deref(), Some("USAGOV"));
    assert_eq!(code(&d, "Condoleezza Rice", None).as_deref(), Some("USAELI"));
    assert_eq!(code(&d, "Rumsfeld", on(2004, 5, 1)).as_deref(), Some("USAGOV"));
    // Sudan's RSF: a state paramilitary until the war began on 2023-04-15.
    assert_eq!(code(&d, "Rapid Support Forces", on(2023, 4, 14)).as_deref(), Some("SDNMIL"));
    assert_eq!(code(&d, "RSF", on(2023, 4, 15)).as_deref(), Some("SDNREB"));
    assert_eq!(code(&d, "Hemedti", on(2021, 1, 1)).as_deref(), Some("SDNMIL"));
    assert_eq!(code(&d, "Hemedti", on(2024, 1, 1)).as_deref(), Some("SDNREB"));
    // Heads of government and rebels turned rulers.
    assert_eq!(code(&d, "Ahmed al-Sharaa", on(2024, 11, 30)).as_deref(), Some("SYRREB"));
    assert_eq!(code(&d, "Ahmed al-Sharaa", on(2025, 3, 1)).as_deref(), Some("SYRGOV"));
    assert_eq!(code(&d, "Taliban", on(2010, 1, 1)).as_deref(), Some("AFGREBTAL"));
    assert_eq!(code(&d, "Taliban", on(2022, 1, 1)).as_deref(), Some("AFGGOV"));
    assert_eq!(code(&d, "Riek Machar", on(2014, 6, 1)).as_deref(), Some("SSDREB"));
    assert_eq!(code(&d, "Riek Machar", on(2021, 6, 1)).as_deref(), Some("SSDGOV"));
    assert_eq!(code(&d, "Alvaro Uribe", on(2005, 1, 1)).as_deref(), Some("COLGOV"));
    assert_eq!(code(&d, "Mohamed Morsi", on(2013, 1, 1)).as_deref(), Some("EGYGOV"));
    assert_eq!(code(&d, "Mohamed Morsi", on(2011, 6, 1)).as_deref(), Some("EGYOPP"));
    assert_eq!(code(&d, "Nouri al-Maliki", on(2010, 1, 1)).as_deref(), Some("IRQGOV"));
    assert_eq!(code(&d, "Arseniy Yatsenyuk", on(2015, 1, 1)).as_deref(), Some("UKRGOV"));
    assert_eq!(code(&d, "Wolfgang Schäuble", on(2019, 1, 1)).as_deref(), Some("DEULEG"));
    assert_eq!(code(&d, "Gerhard Schroeder", on(2003, 1, 1)).as_deref(), Some("DEUGOV"));
    assert_eq!(code(&d, "Gerhard Schroeder", on(2020, 1, 1)).as_deref(), Some("DEUBUS"));
    // IGO offices.
    assert_eq!(code(&d, "Romano Prodi", on(2002, 1, 1)).as_deref(), Some("IGOEUREEC"));
    assert_eq!(code(&d, "Romano Prodi", on(2007, 1, 1)).as_deref(), Some("ITAGOV"));
    assert_eq!(code(&d, "Ban Ki-moon", on(2010, 1, 1)).as_deref(), Some("IGOUNO"));
}

#[test]
fn generated_names_resolve() {
    let d = builtin();
    // ISO 3166-2 subdivisions, former names, demonyms and Factbook leaders (actors-generated.txt).
    assert_eq!(code(&d, "Borno State", None).as_deref(), Some("NGA"));
    assert_eq!(code(&d, "Helmand Province", None).as_deref(), Some("AFG"));
    assert_eq!(code(&d, "North Darfur", None).as_deref(), Some("SDN"));
    assert_eq!(code(&d, "Ceylon", None).as_deref(), Some("LKA"));
    assert_eq!(code(&d, "Upper Volta", None).as_deref(), Some("BFA"));
    assert_eq!(code(&d, "Abdel Fattah Burhan", on_date(2024, 1, 1)).as_deref(), Some("SDNGOV"));
    // Hand-written names win over generated ones: "Congo" stays the DRC.
    assert_eq!(code(&d, "Congo", None).as_deref(), Some("COD"));
    assert_eq!(code(&d, "The Hague", None).as_deref(), Some("NLD"));
}

fn on_date(y: i16, m: i8, d: i8) -> Option<Date> {
    Some(date(y, m, d))
}
