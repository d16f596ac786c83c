"""Derive the demoi municipality and region SKOS code lists from the real source data.

Usage (from the repository root)::

    python tools/derive_codelists.py [--data DIR] [--out FILE]

``--data`` defaults to ``../shared/data/external`` (``shared/`` beside the repository) and
``--out`` to ``ontologies/codelists/municipalities.ttl``.

Inputs, all read-only, under ``--data`` (default: ``shared/data/external`` beside the repository):

* ``elstat-census-2021/elstat_municipality_codes.csv``: the 332 municipalities of 2021 (plus Mount
  Athos, 9901, which is not a municipality and is left out) with their 4-digit ELSTAT codes and
  upper-case, accent-less genitive names. This is the authoritative list.
* ``elstat-census-2021/nuts2_region_codes.csv``: the 13 regions by NUTS-2 code.
* ``kallikratis-2011/kallikratis.json``: the 2011 hierarchy region > regional unit > municipality.
  It gives the region of each 2-digit ELSTAT regional-unit prefix (01 Rhodope ... 74 Chania), found
  by matching unambiguous municipality names.
* ``kallikratis-geojson/ypesCodeMapping.json``: 2011 municipality names *with* accents, the only
  accented source; used to put the accents back on the ELSTAT names.
* Cross-checks only: ``diavgeia-api-samples/organizations_municipalities_regions.json`` (the
  region that supervises each municipality) and the 2021 populations of municipalities and regions
  (the municipalities of each derived region must add up to the region's population).

The script uses the standard library and rdflib only, writes deterministic Turtle sorted by code,
and exits non-zero with a message when any check fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import rdflib

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "external"
DEFAULT_OUT = REPO / "ontologies" / "codelists" / "municipalities.ttl"

MUNICIPALITY_SCHEME = "https://w3id.org/demoi/code/municipality"
REGION_SCHEME = "https://w3id.org/demoi/code/region"
ATHOS = "9901"

# English names of the 13 regions (the regions' own official English names, not transliterations).
# The Greek names are derived from the ELSTAT file; these are checked to cover exactly its codes.
REGION_EN = {
    "EL30": "Attica",
    "EL41": "North Aegean",
    "EL42": "South Aegean",
    "EL43": "Crete",
    "EL51": "Eastern Macedonia and Thrace",
    "EL52": "Central Macedonia",
    "EL53": "Western Macedonia",
    "EL54": "Epirus",
    "EL61": "Thessaly",
    "EL62": "the Ionian Islands",
    "EL63": "Western Greece",
    "EL64": "Central Greece",
    "EL65": "Peloponnese",
}

# Accent errors in ypesCodeMapping.json, corrected by hand (the stressed syllable is misplaced or
# the accent is missing in the source): Άκτιου, Αμάριου, Βοϊου, Νέαπολης, Σέλινου.
SOURCE_CORRECTIONS = {
    "Άκτιου": "Ακτίου",
    "Αμάριου": "Αμαρίου",
    "Βοϊου": "Βοΐου",
    "Νέαπολης": "Νεάπολης",
    "Σέλινου": "Σελίνου",
}

# Accented forms of the words of 2021 names that the 2011 accented source does not contain
# (Kleisthenis renamings, katharevousa forms kept by ELSTAT, new municipalities). Curated by hand;
# each entry is checked to reduce to the ELSTAT spelling once accents are removed, and the codes
# that needed one are listed in the output header.
CURATED_WORDS = [
    "Αργοστολίου",
    "Βούρλων",
    "Διαποντίων",
    "Ηλιουπόλεως",
    "Ηρωικής",
    "Θεσπιέων",
    "Ιωάννη",
    "Καμένων",
    "Κεντρικής",
    "Ληξουρίου",
    "Μεθάνων",
    "Μετεώρων",
    "Μυτιλήνης",
    "Νήσου",
    "Νήσων",
    "Ορεστικού",
    "Περαχώρας",
    "Πετρουπόλεως",
    "Πόλεως",
    "Σαλαμίνος",
    "Σάμης",
    "Στυλίδος",
    "Φεραίου",
]

# The Kleisthenis split (L.4600/2019): four 2011 municipalities became eleven. A 2021 successor
# lies in the region of its 2011 predecessor. Each name is checked against the sources.
SPLIT_2019 = {
    "ΚΕΡΚΥΡΑΣ": ["ΚΕΝΤΡΙΚΗΣ ΚΕΡΚΥΡΑΣ ΚΑΙ ΔΙΑΠΟΝΤΙΩΝ ΝΗΣΩΝ", "ΒΟΡΕΙΑΣ ΚΕΡΚΥΡΑΣ", "ΝΟΤΙΑΣ ΚΕΡΚΥΡΑΣ"],
    "ΚΕΦΑΛΟΝΙΑΣ": ["ΑΡΓΟΣΤΟΛΙΟΥ", "ΛΗΞΟΥΡΙΟΥ", "ΣΑΜΗΣ"],
    "ΛΕΣΒΟΥ": ["ΜΥΤΙΛΗΝΗΣ", "ΔΥΤΙΚΗΣ ΛΕΣΒΟΥ"],
    "ΣΑΜΟΥ": ["ΑΝΑΤΟΛΙΚΗΣ ΣΑΜΟΥ", "ΔΥΤΙΚΗΣ ΣΑΜΟΥ"],
}

LATIN_HOMOGLYPHS = str.maketrans("ABEZHIKMNOPTYX", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")


class DerivationError(Exception):
    """A check on the source data failed."""


# ---------------------------------------------------------------------------------------------
# Greek text helpers
# ---------------------------------------------------------------------------------------------


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def norm(text: str) -> str:
    """Matching key: upper case, no accents or diaeresis, Greek letters only, `&` as ΚΑΙ."""
    text = strip_accents(text).upper().translate(LATIN_HOMOGLYPHS)
    text = text.replace("&", " ΚΑΙ ")
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """Words and the separator '-' of a name, in order."""
    return norm_spacing(text).split(" ")


def norm_spacing(text: str) -> str:
    text = text.replace("&", " και ")
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


_VOWEL_GROUP = re.compile(r"ΑΙ|ΕΙ|ΟΙ|ΟΥ|ΥΙ|ΑΥ|ΕΥ|ΗΥ|[ΑΕΗΙΟΥΩ]")


def syllables(word_upper_plain: str) -> int:
    return len(_VOWEL_GROUP.findall(word_upper_plain))


def title_word(word_upper: str) -> str:
    """Proper casing of an upper-case Greek word (final sigma handled by str.lower)."""
    lower = word_upper.lower()
    return lower[:1].upper() + lower[1:]


# ---------------------------------------------------------------------------------------------
# ELOT 743 (ISO 843 type 1, transcription) romanisation
# ---------------------------------------------------------------------------------------------

_SINGLE = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
_VOICED_OR_VOWEL = set("βγδζλμνραεηιουω")
_DIGRAPHS = {"γγ": "ng", "γξ": "nx", "γχ": "nch", "γκ": "gk"}
_LETTER = set(_SINGLE)


def _elot_word(word: str) -> str:
    """Romanise one lower-case Greek word (accents allowed) by ELOT 743."""
    plain = strip_accents(word)
    # a diaeresis on ι/υ keeps it a separate vowel: remember where it was
    diaeresis = [("\u0308" in unicodedata.normalize("NFD", c)) for c in word]
    out: list[str] = []
    i = 0
    n = len(plain)
    while i < n:
        c = plain[i]
        nxt = plain[i + 1] if i + 1 < n else ""
        nxt_diaeresis = diaeresis[i + 1] if i + 1 < n else False
        if c not in _LETTER:
            out.append(c)
            i += 1
            continue
        pair = c + nxt
        if c in "αεη" and nxt == "υ" and not nxt_diaeresis:
            after = plain[i + 2] if i + 2 < n else ""
            out.append(
                {"α": "a", "ε": "e", "η": "i"}[c] + ("v" if after in _VOICED_OR_VOWEL else "f")
            )
            i += 2
        elif pair == "ου" and not nxt_diaeresis:
            out.append("ou")
            i += 2
        elif pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
        elif pair == "μπ":
            at_edge = i == 0 or i + 2 == n
            out.append("b" if at_edge else "mp")
            i += 2
        else:
            out.append(_SINGLE[c])
            i += 1
    return "".join(out)


def elot743(text: str) -> str:
    """Romanise a properly cased Greek name by ELOT 743, keeping word capitalisation."""
    result = []
    for word in re.split(r"(\s+|-|\(|\))", text):
        if not word or not any(ch.isalpha() for ch in word):
            result.append(word)
            continue
        latin = _elot_word(word.lower())
        if word[:1].isupper():
            latin = latin[:1].upper() + latin[1:]
        result.append(latin)
    return "".join(result)


# ---------------------------------------------------------------------------------------------
# Reading the sources
# ---------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def load_municipalities(data: Path) -> dict[str, str]:
    rows = read_csv(data / "elstat-census-2021" / "elstat_municipality_codes.csv")
    codes = Counter(r["code"] for r in rows)
    dupes = sorted(c for c, k in codes.items() if k > 1)
    if dupes:
        raise DerivationError(f"duplicate ELSTAT codes in elstat_municipality_codes.csv: {dupes}")
    bad = [r["code"] for r in rows if not re.fullmatch(r"[0-9]{4}", r["code"])]
    if bad:
        raise DerivationError(f"ELSTAT codes that are not four digits: {bad}")
    return {r["code"]: r["name"] for r in rows if r["code"] != ATHOS}


def load_regions(data: Path) -> dict[str, str]:
    rows = read_csv(data / "elstat-census-2021" / "nuts2_region_codes.csv")
    return {r["code"]: r["name"] for r in rows}


def load_kallikratis(data: Path) -> list[tuple[str, str]]:
    """(normalised municipality name, normalised region name) for the 2011 municipalities."""
    regions = json.loads(
        (data / "kallikratis-2011" / "kallikratis.json").read_text(encoding="utf-8")
    )
    pairs = []
    for region in regions:
        for unit in region["regional_units"]:
            for municipality in unit["municipalities"]:
                pairs.append((norm(municipality["name"]), norm(region["name"])))
    return pairs


def load_accented_names(data: Path) -> list[str]:
    entries = json.loads(
        (data / "kallikratis-geojson" / "ypesCodeMapping.json").read_text(encoding="utf-8")
    )
    names = []
    for entry in entries:
        if entry["ypes"] is None:  # Mount Athos
            continue
        words = [SOURCE_CORRECTIONS.get(w, w) for w in tokens(entry["name"])]
        names.append(" ".join(words))
    return names


# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------


def region_key(name: str) -> str:
    """Match key for region names across ELSTAT ('ΑΝΑΤΟΛΙΚΗΣ ΜΑΚΕΔΟΝΙΑΣ ΚΑΙ ΘΡΑΚΗΣ'),
    Kallikratis ('Αν. Μακεδονιας & Θρακης') and Diavgeia ('ΠΕΡΙΦΕΡΕΙΑ ... ΜΑΚΕΔΟΝΙΑΣ - ΘΡΑΚΗΣ')."""
    key = norm(name)
    key = re.sub(r"^ΠΕΡΙΦΕΡΕΙΑ ", "", key)
    key = key.replace("ΑΝ. ", "ΑΝΑΤΟΛΙΚΗΣ ").replace(" - ", " ΚΑΙ ")
    return key


def kallikratis_evidence(
    municipalities: dict[str, str], regions: dict[str, str], kallikratis: list[tuple[str, str]]
) -> dict[str, str]:
    """Region (NUTS-2 code) of each 2021 municipality whose name matches exactly one 2011
    municipality (homonyms such as the two ΗΡΑΚΛΕΙΟΥ are skipped)."""
    by_key = {region_key(name): code for code, name in regions.items()}
    if len(by_key) != len(regions):
        raise DerivationError("two ELSTAT regions share a match key")
    k_regions: dict[str, set[str]] = defaultdict(set)
    k_count: Counter[str] = Counter()
    for name, region_name in kallikratis:
        key = region_key(region_name)
        if key not in by_key:
            raise DerivationError(f"Kallikratis region {region_name!r} matches no ELSTAT region")
        k_regions[name].add(by_key[key])
        k_count[name] += 1
    elstat_names = Counter(norm(n) for n in municipalities.values())
    predecessor = {}
    for old_name, successors in SPLIT_2019.items():
        if k_count[old_name] != 1:
            raise DerivationError(f"SPLIT_2019: {old_name} is not one 2011 municipality")
        for successor in successors:
            if elstat_names[successor] != 1:
                raise DerivationError(f"SPLIT_2019: {successor} is not one 2021 municipality")
            predecessor[successor] = old_name
    evidence = {}
    for code, name in municipalities.items():
        key = predecessor.get(norm(name), norm(name))
        if elstat_names[norm(name)] == 1 and k_count[key] == 1:
            evidence[code] = next(iter(k_regions[key]))
    return evidence


def diavgeia_evidence(
    data: Path, municipalities: dict[str, str], regions: dict[str, str]
) -> dict[str, str]:
    """Region (NUTS-2 code) that supervises each 2021 municipality in Diavgeia, where the name
    matches exactly one Diavgeia municipality."""
    orgs = json.loads(
        (data / "diavgeia-api-samples" / "organizations_municipalities_regions.json").read_text(
            encoding="utf-8"
        )
    )["organizations"]
    by_key = {region_key(name): code for code, name in regions.items()}
    region_by_uid = {}
    for org in orgs:
        if org["category"] == "REGION":
            key = region_key(org["label"])
            if key not in by_key:
                raise DerivationError(f"Diavgeia region {org['label']!r} matches no ELSTAT region")
            region_by_uid[org["uid"]] = by_key[key]
    if len(set(region_by_uid.values())) != len(regions):
        raise DerivationError("Diavgeia does not list the 13 regions once each")
    supervised: dict[str, list[str]] = defaultdict(list)
    for org in orgs:
        if org["category"] == "MUNICIPALITY" and org.get("supervisorId") in region_by_uid:
            key = re.sub(r"^ΔΗΜΟ[Σ]? ", "", norm(org["label"]))
            supervised[key].append(region_by_uid[org["supervisorId"]])
    elstat_names = Counter(norm(n) for n in municipalities.values())
    return {
        code: supervised[norm(name)][0]
        for code, name in municipalities.items()
        if elstat_names[norm(name)] == 1 and len(supervised.get(norm(name), ())) == 1
    }


def derive_unit_regions(
    municipalities: dict[str, str], evidence: dict[str, dict[str, str]]
) -> dict[str, str]:
    """Region of each 2-digit regional-unit prefix. Where two sources place the same
    municipality, they must agree; inside a prefix, all placements must give one region."""
    for code in municipalities:
        placed = {source: ev[code] for source, ev in evidence.items() if code in ev}
        if len(set(placed.values())) > 1:
            raise DerivationError(
                f"sources disagree on the region of {code} {municipalities[code]}: {placed}"
            )
    unit_region = {}
    for prefix in sorted({code[:2] for code in municipalities}):
        members = sorted(c for c in municipalities if c[:2] == prefix)
        found = {ev[c] for ev in evidence.values() for c in members if c in ev}
        if len(found) != 1:
            raise DerivationError(
                f"regional unit {prefix} ({members}) gets {len(found)} regions: {sorted(found)}"
            )
        unit_region[prefix] = next(iter(found))
    return unit_region


def check_with_populations(
    data: Path, municipalities: dict[str, str], region_of: dict[str, str]
) -> list[str]:
    """The municipalities of each derived region must add up to the region's 2021 population.
    Returns notes on defects found in the populations file."""
    notes = []
    rows = read_csv(data / "elstat-census-2021" / "municipalities_populations.csv")
    counts = Counter(r["elstat_municipality_code"] for r in rows)
    missing = sorted(set(municipalities) - set(counts))
    fixed_rows = []
    for i, row in enumerate(rows):
        code = row["elstat_municipality_code"]
        if counts[code] > 1:
            # a mis-keyed row: give it the missing code of the same name whose regional unit
            # matches the rows around it
            around = {
                rows[j]["elstat_municipality_code"][:2]
                for j in (i - 1, i + 1)
                if 0 <= j < len(rows)
            }
            candidates = [
                m
                for m in missing
                if municipalities[m] == row["municipality_name"] and m[:2] in around
            ]
            if len(candidates) == 1 and code[:2] not in around:
                notes.append(
                    f"municipalities_populations.csv line {i + 2}: "
                    f"{code} {row['municipality_name']} "
                    f"is listed under regional unit {candidates[0][:2]}; it is {candidates[0]}"
                )
                row = dict(row, elstat_municipality_code=candidates[0])
        fixed_rows.append(row)
    codes = Counter(r["elstat_municipality_code"] for r in fixed_rows)
    if any(k > 1 for k in codes.values()) or set(codes) - {ATHOS} != set(municipalities):
        raise DerivationError(
            "municipalities_populations.csv does not have one row per municipality"
        )
    totals: Counter[str] = Counter()
    athos = 0
    for row in fixed_rows:
        if row["elstat_municipality_code"] == ATHOS:
            athos = int(row["pop_total_2021"])
        else:
            totals[region_of[row["elstat_municipality_code"]]] += int(row["pop_total_2021"])
    expected = {
        r["nuts2_region_code"]: int(r["pop_total_2021"])
        for r in read_csv(data / "elstat-census-2021" / "regions_populations.csv")
    }
    wrong = {
        code: (totals[code], expected[code]) for code in expected if totals[code] != expected[code]
    }
    # ELSTAT counts the population of Mount Athos in one region's total: allow that, once.
    with_athos = [code for code, (got, want) in wrong.items() if want - got == athos]
    if len(with_athos) == 1:
        notes.append(
            f"regions_populations.csv counts Mount Athos ({athos} inhabitants) in {with_athos[0]}"
        )
        del wrong[with_athos[0]]
    if wrong:
        raise DerivationError(
            f"2021 populations of municipalities do not add up to their region: {wrong}"
        )
    return notes


def greek_label(
    name: str,
    full: dict[str, set[str]],
    words: dict[str, set[str]],
    curated: dict[str, str],
    used_curated: set[str],
) -> tuple[str, str]:
    """Properly cased, accented Greek name for an ELSTAT name, and how it was found:
    'source' (all from the accented source), 'curated' (some word from CURATED_WORDS) or
    'unaccented' (some word left without accent)."""
    elstat_tokens = tokens(name)
    keys = [norm(t) for t in elstat_tokens]
    whole = full.get(" ".join(keys), set())
    if len(whole) == 1:
        aligned = tokens(next(iter(whole)))
    else:
        aligned = None
    how = "source"
    out = []
    for i, (tok, key) in enumerate(zip(elstat_tokens, keys, strict=True)):
        if tok == "-":
            out.append("-")
            continue
        if key == "ΚΑΙ":
            out.append("και")
            continue
        if aligned is not None:
            out.append(aligned[i])
            continue
        forms = words.get(key, set())
        if len(forms) == 1:
            out.append(next(iter(forms)))
        elif syllables(key) < 2:
            out.append(title_word(tok))
        elif key in curated:
            out.append(curated[key])
            used_curated.add(key)
            how = "curated" if how == "source" else how
        else:
            out.append(title_word(tok))
            how = "unaccented"
    return " ".join(out), how


def accent_tables(accented_names: list[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    full: dict[str, set[str]] = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    for name in accented_names:
        toks = tokens(name)
        full[" ".join(norm(t) for t in toks)].add(name)
        for tok in toks:
            if tok not in ("-", "και"):
                words[norm(tok)].add(tok)
    return full, words


def region_greek(name_upper: str) -> str:
    """Accented, properly cased form of an ELSTAT region name (13 names, 17 distinct words)."""
    extra = {
        # accented region words, curated by hand; each must reduce to the ELSTAT spelling
        "ΑΤΤΙΚΗΣ": "Αττικής",
        "ΒΟΡΕΙΟΥ": "Βορείου",
        "ΗΠΕΙΡΟΥ": "Ηπείρου",
        "ΘΕΣΣΑΛΙΑΣ": "Θεσσαλίας",
        "ΘΡΑΚΗΣ": "Θράκης",
        "ΙΟΝΙΩΝ": "Ιονίων",
        "ΚΡΗΤΗΣ": "Κρήτης",
        "ΜΑΚΕΔΟΝΙΑΣ": "Μακεδονίας",
        "ΝΟΤΙΟΥ": "Νοτίου",
        "ΠΕΛΟΠΟΝΝΗΣΟΥ": "Πελοποννήσου",
        "ΣΤΕΡΕΑΣ": "Στερεάς",
        "ΕΛΛΑΔΑΣ": "Ελλάδας",
        "ΑΙΓΑΙΟΥ": "Αιγαίου",
        "ΔΥΤΙΚΗΣ": "Δυτικής",
        "ΑΝΑΤΟΛΙΚΗΣ": "Ανατολικής",
        "ΚΕΝΤΡΙΚΗΣ": "Κεντρικής",
        "ΝΗΣΩΝ": "Νήσων",
    }
    out = []
    for tok in tokens(name_upper):
        key = norm(tok)
        if key == "ΚΑΙ":
            out.append("και")
        elif key in extra and norm(extra[key]) == key:
            out.append(extra[key])
        else:
            raise DerivationError(f"no accented form for region word {tok!r}")
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def turtle_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrap_codes(codes: list[str], width: int = 90) -> list[str]:
    lines, line = [], "#  "
    for code in codes:
        if len(line) + len(code) + 1 > width:
            lines.append(line.rstrip())
            line = "#  "
        line += " " + code
    if line.strip("# "):
        lines.append(line.rstrip())
    return lines or ["#   (none)"]


def render(
    municipalities: dict[str, tuple[str, str, str]],
    regions: dict[str, tuple[str, str]],
    curated_codes: list[str],
    unaccented_codes: list[str],
    notes: list[str],
) -> str:
    out = [
        "# GENERATED FILE: do not edit by hand.",
        "# Regenerate with: python tools/derive_codelists.py",
        "#",
        "# demoi code lists of the Greek municipalities (332, Kleisthenis, L.4600/2019)",
        "# and regions (13). Sources (facts derived, files not copied):",
        "#   - ELSTAT 2021 census: municipality codes and names, NUTS-2 regions, populations",
        "#     (github.com/tdiam/greece-population-census-2021 @da1faac;",
        "#     data: ELSTAT, reuse with attribution)",
        "#   - Kallikratis 2011 codebook: region of each regional unit",
        "#     (github.com/AchillesKal/kallikratis @cdbfde9, MIT; codebook: ELSTAT)",
        "#   - accented 2011 names: ypesCodeMapping.json of",
        "#     github.com/sourcegr/Kalikratis-GeoJSON @c7cefeb (CC BY 3.0)",
        "#   - region of each municipality, cross-check: Diavgeia organisations",
        "#     (github.com/voulkon/diavgeia-api @641b297, MIT)",
        "# Code: 4-digit ELSTAT 2021 code with its leading zero (regional unit + sequence).",
        "# Mount Athos (9901) is not a municipality and is left out.",
        "# Greek labels: accents from the 2011 accented names, matched after removing accents.",
        "# English labels: 'Municipality of' + the ELOT 743 romanisation of the official Greek",
        "# name, which is in the genitive (Καλαμάτας -> Kalamatas); no source gives nominative",
        "# or conventional English forms.",
        "# Codes whose Greek label uses a hand-curated accented word (CURATED_WORDS):",
        *wrap_codes(curated_codes),
        "# Codes whose Greek label has a word left without accent (no reliable source):",
        *wrap_codes(unaccented_codes),
    ]
    if notes:
        out.append("# Notes on the sources (found by the cross-checks):")
        out += [f"#   - {note}" for note in notes]
    out += [
        "",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
        f"<{MUNICIPALITY_SCHEME}>",
        "    a skos:ConceptScheme ;",
        '    skos:prefLabel "Δήμοι της Ελλάδας"@el , "Municipalities of Greece"@en ;',
        "    skos:definition \"Οι 332 δήμοι της Ελλάδας (ΟΤΑ α' βαθμού, ν. 4600/2019), "
        'με τον τετραψήφιο κωδικό της ΕΛΣΤΑΤ για την απογραφή 2021 ως notation."@el ,',
        '        "The 332 municipalities of Greece (first-tier local government, Law 4600/2019), '
        'with the four-digit ELSTAT 2021 census code as notation."@en ;',
        '    dcterms:source "ELSTAT, 2021 population-housing census" ;',
        '    dcterms:creator "demoi" .',
        "",
        f"<{REGION_SCHEME}>",
        "    a skos:ConceptScheme ;",
        '    skos:prefLabel "Περιφέρειες της Ελλάδας"@el , "Regions of Greece"@en ;',
        "    skos:definition \"Οι 13 περιφέρειες της Ελλάδας (ΟΤΑ β' βαθμού), "
        'με τον κωδικό NUTS 2 ως notation."@el ,',
        '        "The 13 regions of Greece (second-tier local government), '
        'with the NUTS 2 code as notation."@en ;',
        '    dcterms:source "ELSTAT, 2021 population-housing census" ;',
        '    dcterms:creator "demoi" .',
        "",
    ]
    for code in sorted(regions):
        el, en = regions[code]
        out += [
            f"<{REGION_SCHEME}/{code}>",
            "    a skos:Concept ;",
            f"    skos:inScheme <{REGION_SCHEME}> ;",
            f"    skos:notation {turtle_string(code)} ;",
            f"    skos:prefLabel {turtle_string(el)}@el , {turtle_string(en)}@en .",
            "",
        ]
    for code in sorted(municipalities):
        el, en, region = municipalities[code]
        out += [
            f"<{MUNICIPALITY_SCHEME}/{code}>",
            "    a skos:Concept ;",
            f"    skos:inScheme <{MUNICIPALITY_SCHEME}> ;",
            f"    skos:notation {turtle_string(code)} ;",
            f"    skos:prefLabel {turtle_string(el)}@el , {turtle_string(en)}@en ;",
            f"    skos:broader <{REGION_SCHEME}/{region}> .",
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"


def derive(data: Path) -> tuple[str, list[str]]:
    municipalities = load_municipalities(data)
    regions = load_regions(data)
    report = []

    if set(REGION_EN) != set(regions):
        raise DerivationError(
            f"REGION_EN does not cover the ELSTAT regions: {sorted(set(regions) ^ set(REGION_EN))}"
        )

    k_evidence = kallikratis_evidence(municipalities, regions, load_kallikratis(data))
    d_evidence = diavgeia_evidence(data, municipalities, regions)
    unit_region = derive_unit_regions(
        municipalities, {"Kallikratis 2011": k_evidence, "Diavgeia": d_evidence}
    )
    region_of = {code: unit_region[code[:2]] for code in municipalities}
    both = sorted(set(k_evidence) & set(d_evidence))
    only_diavgeia = sorted({c[:2] for c in d_evidence} - {c[:2] for c in k_evidence})
    report.append(
        f"regional units: {len(unit_region)}; municipalities placed by name: "
        f"Kallikratis 2011 {len(k_evidence)}, "
        f"Diavgeia {len(d_evidence)}, both sources and agreeing {len(both)}"
    )
    report.append(f"regional units placed by Diavgeia alone: {', '.join(only_diavgeia) or 'none'}")
    notes = check_with_populations(data, municipalities, region_of)
    report.append("2021 populations of the municipalities add up to each of the 13 regions")
    report += [f"note: {n}" for n in notes]

    curated = {}
    for word in CURATED_WORDS:
        key = norm(word)
        if key in curated:
            raise DerivationError(f"CURATED_WORDS has {word!r} twice")
        curated[key] = word

    full, words = accent_tables(load_accented_names(data))
    labelled: dict[str, tuple[str, str, str]] = {}
    curated_codes, unaccented_codes = [], []
    used_curated: set[str] = set()
    for code, name in sorted(municipalities.items()):
        greek, how = greek_label(name, full, words, curated, used_curated)
        if norm(greek) != norm(name):
            raise DerivationError(f"label {greek!r} does not spell ELSTAT name {name!r}")
        for word in greek.split(" "):
            accents = sum(1 for c in unicodedata.normalize("NFD", word) if c == "\u0301")
            if accents > 1 or (how != "unaccented" and accents == 0 and syllables(norm(word)) >= 2):
                raise DerivationError(f"{code}: word {word!r} of {greek!r} has {accents} accents")
        if how == "curated":
            curated_codes.append(code)
        elif how == "unaccented":
            unaccented_codes.append(code)
        labelled[code] = (f"Δήμος {greek}", f"Municipality of {elot743(greek)}", region_of[code])

    unused = sorted(curated[k] for k in set(curated) - used_curated)
    if unused:
        raise DerivationError(f"CURATED_WORDS not needed by any label: {unused}")

    region_labels = {}
    for code, name in regions.items():
        greek = region_greek(name)
        region_labels[code] = (f"Περιφέρεια {greek}", f"Region of {REGION_EN[code]}")

    text = render(labelled, region_labels, curated_codes, unaccented_codes, notes)

    graph = rdflib.Graph().parse(data=text, format="turtle")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    m_scheme = rdflib.URIRef(MUNICIPALITY_SCHEME)
    r_scheme = rdflib.URIRef(REGION_SCHEME)
    n_muni = len(set(graph.subjects(skos.inScheme, m_scheme)))
    n_reg = len(set(graph.subjects(skos.inScheme, r_scheme)))
    if n_muni != 332 or n_reg != 13:
        raise DerivationError(
            f"expected 332 municipalities and 13 regions, got {n_muni} and {n_reg}"
        )
    for concept in graph.subjects(skos.inScheme, m_scheme):
        broader = list(graph.objects(concept, skos.broader))
        if len(broader) != 1 or (broader[0], skos.inScheme, r_scheme) not in graph:
            raise DerivationError(f"{concept} does not have exactly one region")
    report.insert(0, f"municipalities: {n_muni}, regions: {n_reg}")
    report.append(
        f"Greek labels: {332 - len(curated_codes) - len(unaccented_codes)} "
        "fully from the accented source, "
        f"{len(curated_codes)} with a curated word, {len(unaccented_codes)} with an unaccented word"
    )

    for code, expect in [
        ("4401", "Καλαμάτας"),
        ("7101", "Ηρακλείου"),
        ("0701", "Θεσσαλονίκης"),
        ("4501", "Αθηναίων"),
    ]:
        el, en, region = labelled[code]
        ok = el == f"Δήμος {expect}"
        report.append(
            f"{'ok' if ok else 'MISMATCH'}: {code} = {el} / {en}, region {region} "
            f"{region_labels[region][0]}"
        )
        if not ok:
            raise DerivationError(f"{code} is {el!r}, expected Δήμος {expect}")
    return text, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the external source data"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Turtle file to write")
    args = parser.parse_args(argv)
    try:
        text, report = derive(args.data)
    except DerivationError as err:
        print(f"derive_codelists: {err}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    for line in report:
        print(line)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
