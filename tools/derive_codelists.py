"""Derive the demoi code lists of Greek regions, regional units and municipalities, with their
crosswalk to the other code systems, from the real source data and two hand-curated tables.

Usage (from the repository root)::

    python tools/derive_codelists.py [--data DIR] [--out FILE]   # write the code list
    python tools/derive_codelists.py --check                     # exit 1 if FILE is out of date

``--data`` defaults to ``../shared/data/external`` (``shared/`` beside the repository) and
``--out`` to ``ontologies/codelists/municipalities.ttl``. The one output file holds three SKOS
schemes, ``region`` (13, by NUTS 2 code), ``regional-unit`` (74, by two-digit ELSTAT code) and
``municipality`` (332, by four-digit ELSTAT 2021 code), linked by ``skos:broader``; keeping them
in one file keeps the whole crosswalk and its decisions in one place, generated in one run.

Inputs, all read-only, under ``--data``:

* ``elstat-census-2021/elstat_municipality_codes.csv``: the 332 municipalities of 2021 (plus Mount
  Athos, 9901, which is not a municipality and is left out) with their 4-digit ELSTAT codes and
  upper-case, accent-less genitive names. This is the authoritative list.
* ``elstat-census-2021/nuts2_region_codes.csv``: the 13 regions by NUTS 2 code.
* ``elstat-census-2021/municipalities_populations.csv`` and ``regions_populations.csv``: the 2021
  resident population of each municipality and region.
* ``kallikratis-2011/kallikratis.json``: the 2011 hierarchy region > regional unit > municipality
  with the YPES code (9xxx) of each 2011 municipality. It places every 2021 regional-unit prefix
  in a 2011 regional unit and a region, and gives the YPES codes.
* ``kallikratis-geojson/ypesCodeMapping.json``: 2011 municipality names *with* accents, the only
  accented source; used to put the accents back on the ELSTAT names.
* ``diavgeia-api-samples/organizations_municipalities_regions.json``: the Diavgeia organisation
  uid and ΑΦΜ of every municipality and region, and the region that supervises many of them
  (a cross-check of the derived regions).

Curated by hand, in ``tools/``:

* ``municipality_crosswalk.csv``: per municipality, the nominative and English name, and every
  YPES or Diavgeia match that exact names cannot make, with the reason (copied into the output).
* ``regional_units.csv``: per regional unit, the accented Greek and the English name and the
  NUTS 3 code.

Every name match is exact (after removing accents and normalising spaces and dashes); whatever
does not match exactly must be decided in the curated tables or in the constants below, and the
script fails on anything left unexplained. It uses the standard library and rdflib only, writes
deterministic Turtle sorted by code, and exits non-zero with a message when a check fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import textwrap
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from generated_files import write_or_check

from demoi.transliteration import romanise, without_accents

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "external"
DEFAULT_OUT = REPO / "ontologies" / "codelists" / "municipalities.ttl"
CROSSWALK = REPO / "tools" / "municipality_crosswalk.csv"
REGIONAL_UNITS = REPO / "tools" / "regional_units.csv"

MUNICIPALITY_SCHEME = "https://w3id.org/demoi/code/municipality"
UNIT_SCHEME = "https://w3id.org/demoi/code/regional-unit"
REGION_SCHEME = "https://w3id.org/demoi/code/region"
DORG = "https://w3id.org/demoi/def/organisation#"
ATHOS = "9901"
# ELSTAT counts the residents of Mount Athos in the total of Central Macedonia
# (regions_populations.csv); checked: that region's municipalities add up to its total minus Athos.
ATHOS_COUNTED_IN = "EL52"

N_MUNICIPALITIES = 332
N_UNITS = 74
N_REGIONS = 13

# Names of the 13 regions: English as in "Region of ...", and the nominative short forms used to
# tell homonymous municipalities apart ("Δήμος Ηρακλείου (Αττική)"). The Greek genitive names
# come from the ELSTAT file; these tables are checked to cover exactly its codes.
REGION_EN = {
    "EL30": "Attica",
    "EL41": "the North Aegean",
    "EL42": "the South Aegean",
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
REGION_SHORT_EL = {
    "EL30": "Αττική",
    "EL41": "Βόρειο Αιγαίο",
    "EL42": "Νότιο Αιγαίο",
    "EL43": "Κρήτη",
    "EL51": "Ανατολική Μακεδονία και Θράκη",
    "EL52": "Κεντρική Μακεδονία",
    "EL53": "Δυτική Μακεδονία",
    "EL54": "Ήπειρος",
    "EL61": "Θεσσαλία",
    "EL62": "Ιόνια Νησιά",
    "EL63": "Δυτική Ελλάδα",
    "EL64": "Στερεά Ελλάδα",
    "EL65": "Πελοπόννησος",
}

# The 2019 splits (L.4600/2019, ΦΕΚ Α' 43/2019): five 2011 municipalities became twelve. Keyed by
# the YPES code of the abolished municipality: its 2011 name (checked against the codebook) and
# the ELSTAT codes of its successors, which have no YPES code of their own and lie in its
# regional unit. The 2011 codebook's other 320 municipalities continue under their YPES code.
SPLIT_2019 = {
    "9069": ("Σερβίων - Βελβεντού", ["1402", "1405"]),
    "9118": ("Κέρκυρας", ["3201", "3202", "3203"]),
    "9120": ("Κεφαλονιάς", ["3501", "3502", "3503"]),
    "9261": ("Λέσβου", ["5301", "5302"]),
    "9264": ("Σάμου", ["5601", "5602"]),
}

# Diavgeia lists 337 organisations of category MUNICIPALITY for the 332 municipalities. These are
# the five that are not a 2021 municipality; the script checks there is no other. For the
# abolished ones, the successor that kept the ΑΦΜ (checked: same vatNumber) is named.
DIAVGEIA_NOT_MUNICIPALITIES = {
    "6147": (
        "3201",
        "Δήμος Κέρκυρας, abolished by the 2019 split (L.4600/2019); still 'active' in Diavgeia, "
        "which keeps the decisions it published. Its ΑΦΜ passed to Κεντρικής Κέρκυρας και "
        "Διαποντίων Νήσων (3201).",
    ),
    "6148": (
        "3501",
        "Δήμος Κεφαλονιάς, abolished by the 2019 split; still 'active' in Diavgeia. Its ΑΦΜ "
        "passed to Αργοστολίου (3501).",
    ),
    "6172": (
        "5301",
        "Δήμος Λέσβου, abolished by the 2019 split; still 'active' in Diavgeia. Its ΑΦΜ passed "
        "to Μυτιλήνης (5301).",
    ),
    "6268": (
        "5601",
        "Δήμος Σάμου, abolished by the 2019 split; still 'active' in Diavgeia. Its ΑΦΜ passed to "
        "Ανατολικής Σάμου (5601).",
    ),
    "100072229": (
        "",
        "«ΕΝΕΡΓΕΙΑΚΗ ΚΟΙΝΟΤΗΤΑ ΑΓΡΙΝΙΟΥ ΣΥΝ ΠΕ», an energy community (a cooperative, ΣΥΝ.ΠΕ.) "
        "supervised by Δήμος Αγρινίου (Diavgeia 6012) and filed under MUNICIPALITY; not a "
        "municipality.",
    ),
}

# municipalities_populations.csv: rows keyed with a wrong code, fixed by hand. Line (1-based,
# header = line 1) -> (code in the file, name in the file, right code, reason).
POPULATION_ROW_FIXES = {
    183: (
        "7101",
        "ΗΡΑΚΛΕΙΟΥ",
        "4604",
        "the row sits between 4603 and 4605 in the Βορείου Τομέα Αθηνών block and its 50,495 "
        "residents are those of Ηρακλείου Αττικής; 7101 (Ηρακλείου Κρήτης, 177,064) has its own "
        "row at line 58",
    ),
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


# The header of the generated file, in three parts around the lists made from the tables above.
HEADER_INTRO = """\
# GENERATED FILE: do not edit by hand.
# Regenerate with: python tools/derive_codelists.py (check: --check)
#
# demoi code lists of the Greek regions (13), regional units (74) and municipalities (332): three
# SKOS schemes linked by skos:broader (municipality -> regional unit -> region), with a crosswalk
# from each to the other code systems Greek data uses.
#
# Legal basis: L.3852/2010 (Kallikratis: 13 regions, 74 regional units, 325 municipalities), as
# amended by L.4555/2018 (Kleisthenis I, ΦΕΚ Α' 133/2018: renamings) and L.4600/2019
# (ΦΕΚ Α' 43/2019: five municipalities split into twelve, 332 in all).
#
# Sources (facts derived, files not copied; ../shared/data/external):
#   - ELSTAT 2021 census: municipality codes and names, NUTS 2 regions, populations
#     (github.com/tdiam/greece-population-census-2021 @da1faac; data: ELSTAT, reuse with
#     attribution)
#   - Kallikratis 2011 codebook: regional unit and region of each 2011 municipality, YPES codes
#     (github.com/AchillesKal/kallikratis @cdbfde9, MIT; codebook: ELSTAT)
#   - accented 2011 names: ypesCodeMapping.json of github.com/sourcegr/Kalikratis-GeoJSON
#     @c7cefeb (CC BY 3.0)
#   - Diavgeia organisations: uid, ΑΦΜ, supervising region
#     (github.com/voulkon/diavgeia-api @641b297, MIT; data: diavgeia.gov.gr, L.3861/2010)
#   - curated by hand: tools/municipality_crosswalk.csv (nominative and English names, hand
#     matches with their reasons) and tools/regional_units.csv (unit names, NUTS 3 codes of the
#     Eurostat NUTS 2021 classification)
#
# Crosswalk properties (declared in ontologies/organisation.ttl), one value each:
#   skos:notation, dorg:elstatCode  ELSTAT 2021 code RRNN of a municipality: RR is its regional
#       unit (01 Ροδόπης ... 74 Χανίων, the unit's notation), NN a sequence number; the leading
#       zero is kept. A region's notation is its NUTS 2 code.
#   dorg:ypesCode  YPES code 9xxx of the 2011 Kallikratis codebook. The 12 municipalities
#       created in 2019 have none. The codebook numbers regional units within their region
#       (0101 Δράμας) where ELSTAT numbers them nationally (02 Δράμας); units are matched
#       through their municipalities.
#   dorg:nutsCode  NUTS 2021: NUTS 2 for a region; for a regional unit, the NUTS 3 region that
#       contains it (some group several units, e.g. EL515 = Θάσου + Καβάλας); for a
#       municipality, the NUTS 3 code of its regional unit.
#   dorg:diavgeiaUid  Diavgeia organisation uid: 6001-6325 for the 2011 municipalities,
#       1000xxxxx for those Diavgeia added later. Not ELSTAT codes even where they look alike:
#       Diavgeia 6202 is Καμένων Βούρλων, ELSTAT 6202 is Ηρωικής Νήσου Κάσου.
#   dorg:vatNumber  ΑΦΜ as Diavgeia publishes it; every one passes the ΑΦΜ check digit and no
#       two municipalities or regions share one.
#   dorg:population2021  ELSTAT 2021 census, resident population.
#
# Each municipality is also a dcterms:Location, the class DCAT-AP 3.0.1 expects as the value of
# dct:spatial: a catalogue names the municipality whose data a dataset covers.
#
# Mount Athos (ELSTAT 9901, «ΑΓΙΟ ΟΡΟΣ (ΑΥΤΟΔΙΟΙΚΗΤΟ)») is left out: it is a self-governing part
# of the Greek state (Article 105 of the Constitution), governed by the Holy Community of its
# monasteries, not a municipality (ΟΤΑ), and in no regional unit. Its {athos:,} residents are in
# no municipality's population.
#
# Diavgeia lists 337 organisations of category MUNICIPALITY for the 332 municipalities; the five
# that are not a 2021 municipality are left out:
"""
HEADER_DECISIONS = """\
#
# Hand matches of single municipalities (renamings, katharevousa and demotic forms, honorary
# titles, the two Ηρακλείου, the Latin «A» of Diavgeia 6195, the 2019 splits) are commented
# above the municipality they concern.
#
# Populations, decided by hand:
"""
HEADER_LABELS = """\
#
# Labels:
#   - Greek: «Δήμος» + the official name (a genitive), with the accents of the 2011 accented
#     names put back on the upper-case ELSTAT name. Codes whose label uses a hand-curated
#     accented word (CURATED_WORDS in the generator):
{curated}
#     Codes whose label keeps a word without accent (no reliable source):
{unaccented}
#   - English: «Municipality of» + the name curated in tools/municipality_crosswalk.csv: the
#     conventional English name where there is one (Athens, Patras, Heraklion, North Corfu),
#     otherwise the ELOT 743 romanisation of the nominative (Καλαμάτα -> Kalamata).
#   - Homonyms: where two municipalities share their official name (the two Ηρακλείου, 4604 and
#     7101), both labels get the region in brackets, in Greek and in English, and the plain name
#     is kept as skos:altLabel. No other label repeats in any language.
"""


class DerivationError(Exception):
    """A check on the source data failed."""


# ---------------------------------------------------------------------------------------------
# Greek text helpers
# ---------------------------------------------------------------------------------------------


def strip_accents(text: str) -> str:
    return unicodedata.normalize("NFC", without_accents(text))


def norm(text: str) -> str:
    """Matching key: upper case, no accents or diaeresis, `&` as ΚΑΙ, one space around `-`.
    Latin look-alike letters are *not* folded into Greek: a name that contains one does not
    match, and has to be matched by hand (see has_latin)."""
    text = strip_accents(text).upper()
    text = text.replace("&", " ΚΑΙ ")
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def has_latin(text: str) -> bool:
    return re.search(r"[A-Za-z]", text) is not None


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
# Reading the sources and the curated tables
# ---------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file; lines starting with '#' (the curated tables' notes) are skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def load_municipalities(data: Path) -> dict[str, str]:
    rows = read_csv(data / "elstat-census-2021" / "elstat_municipality_codes.csv")
    codes = Counter(r["code"] for r in rows)
    dupes = sorted(c for c, k in codes.items() if k > 1)
    if dupes:
        raise DerivationError(f"duplicate ELSTAT codes in elstat_municipality_codes.csv: {dupes}")
    bad = [r["code"] for r in rows if not re.fullmatch(r"[0-9]{4}", r["code"])]
    if bad:
        raise DerivationError(f"ELSTAT codes that are not four digits: {bad}")
    if ATHOS not in codes:
        raise DerivationError(f"Mount Athos ({ATHOS}) is not in the ELSTAT list any more")
    return {r["code"]: r["name"] for r in rows if r["code"] != ATHOS}


def load_regions(data: Path) -> dict[str, str]:
    rows = read_csv(data / "elstat-census-2021" / "nuts2_region_codes.csv")
    return {r["code"]: r["name"] for r in rows}


@dataclass(frozen=True)
class KMunicipality:
    """A municipality of the 2011 Kallikratis codebook."""

    ypes: str
    name: str
    unit_id: str
    unit_name: str
    region_name: str


def load_kallikratis(data: Path) -> dict[str, KMunicipality]:
    regions = json.loads(
        (data / "kallikratis-2011" / "kallikratis.json").read_text(encoding="utf-8")
    )
    found = {}
    for region in regions:
        for unit in region["regional_units"]:
            for municipality in unit["municipalities"]:
                ypes = municipality["id"]
                if ypes in found or not re.fullmatch(r"9[0-9]{3}", ypes):
                    raise DerivationError(f"kallikratis.json: bad or repeated YPES code {ypes}")
                found[ypes] = KMunicipality(
                    ypes, municipality["name"], unit["id"], unit["name"], region["name"]
                )
    return found


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


def load_diavgeia(data: Path) -> list[dict]:
    path = data / "diavgeia-api-samples" / "organizations_municipalities_regions.json"
    return json.loads(path.read_text(encoding="utf-8"))["organizations"]


@dataclass(frozen=True)
class CrosswalkRow:
    """One row of tools/municipality_crosswalk.csv."""

    code: str
    name_nom_el: str
    name_en: str
    name_en_from: str
    ypes: str  # "" = by name, "none" = no 2011 code, else the hand-matched YPES code
    diavgeia_uid: str  # "" = by name, else the hand-matched uid
    decision: str


def load_crosswalk(path: Path, municipalities: dict[str, str]) -> dict[str, CrosswalkRow]:
    rows = read_csv(path)
    codes = Counter(r["elstat_code"] for r in rows)
    twice = sorted(c for c, k in codes.items() if k > 1)
    if twice:
        raise DerivationError(f"{path.name}: codes listed more than once: {twice}")
    if set(codes) != set(municipalities):
        missing = sorted(set(municipalities) - set(codes))
        extra = sorted(set(codes) - set(municipalities))
        raise DerivationError(
            f"{path.name} does not list exactly the ELSTAT municipalities: missing {missing}, "
            f"extra {extra}"
        )
    table = {}
    for r in rows:
        row = CrosswalkRow(
            r["elstat_code"],
            r["name_nom_el"],
            r["name_en"],
            r["name_en_from"],
            r["ypes_code"],
            r["diavgeia_uid"],
            r["decision"],
        )
        where = f"{path.name} {row.code}"
        if row.name_en_from not in ("ELOT 743", "conventional"):
            raise DerivationError(f"{where}: name_en_from must be 'ELOT 743' or 'conventional'")
        if row.name_en_from == "ELOT 743":
            romanised = romanise(row.name_nom_el).replace(" - ", "-")
            if romanised != row.name_en:
                raise DerivationError(
                    f"{where}: {row.name_en!r} is not the ELOT 743 form of {row.name_nom_el!r} "
                    f"({romanised!r}); fix it or mark it 'conventional'"
                )
        if not row.name_en or has_latin(row.name_nom_el) or not row.name_en.isascii():
            raise DerivationError(f"{where}: names must be Greek (nominative) and ASCII (English)")
        if row.ypes and row.ypes != "none" and not re.fullmatch(r"9[0-9]{3}", row.ypes):
            raise DerivationError(f"{where}: ypes_code must be empty, 'none' or 9xxx")
        if row.diavgeia_uid and not row.diavgeia_uid.isdigit():
            raise DerivationError(f"{where}: diavgeia_uid must be digits")
        if (row.ypes or row.diavgeia_uid) and not row.decision:
            raise DerivationError(f"{where}: a hand match needs its reason in 'decision'")
        table[row.code] = row
    return table


@dataclass(frozen=True)
class UnitRow:
    """One row of tools/regional_units.csv."""

    code: str
    name_el: str
    name_en: str
    nuts3: str


def load_units(path: Path) -> dict[str, UnitRow]:
    table = {}
    for r in read_csv(path):
        row = UnitRow(r["code"], r["name_el"], r["name_en"], r["nuts3"])
        if row.code in table or not re.fullmatch(r"[0-9]{2}", row.code):
            raise DerivationError(f"{path.name}: bad or repeated code {row.code!r}")
        if not re.fullmatch(r"EL[0-9]{3}", row.nuts3):
            raise DerivationError(f"{path.name} {row.code}: bad NUTS 3 code {row.nuts3!r}")
        table[row.code] = row
    return table


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


def match_ypes(
    municipalities: dict[str, str],
    kallikratis: dict[str, KMunicipality],
    crosswalk: dict[str, CrosswalkRow],
) -> dict[str, str | None]:
    """YPES code of each 2021 municipality (None for the 2019 split successors)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for ypes, k in kallikratis.items():
        by_name[norm(k.name)].append(ypes)
    elstat_names = Counter(norm(n) for n in municipalities.values())
    successors = {c for _, codes in SPLIT_2019.values() for c in codes}
    result: dict[str, str | None] = {}
    for code, name in sorted(municipalities.items()):
        hand = crosswalk[code].ypes
        exact = by_name.get(norm(name), [])
        unique = len(exact) == 1 and elstat_names[norm(name)] == 1
        if hand == "none":
            if code not in successors:
                raise DerivationError(f"{code}: ypes_code 'none' but not a 2019 split successor")
            result[code] = None
        elif code in successors:
            raise DerivationError(f"{code} is a 2019 split successor: its ypes_code must be 'none'")
        elif hand:
            if hand not in kallikratis:
                raise DerivationError(f"{code}: YPES {hand} is not in the 2011 codebook")
            if unique:
                raise DerivationError(
                    f"{code}: {name} matches YPES {exact[0]} by name; drop {hand}"
                )
            result[code] = hand
        elif unique:
            result[code] = exact[0]
        else:
            raise DerivationError(
                f"{code} {name}: {len(exact)} 2011 municipalities of that name; "
                "match it by hand in municipality_crosswalk.csv"
            )
    used = Counter(y for y in result.values() if y)
    twice = sorted(y for y, k in used.items() if k > 1)
    if twice:
        raise DerivationError(f"YPES codes given to more than one municipality: {twice}")
    unused = set(kallikratis) - set(used)
    if unused != set(SPLIT_2019):
        raise DerivationError(
            f"2011 municipalities without a 2021 successor {sorted(unused)} are not the "
            f"abolished ones of SPLIT_2019 {sorted(SPLIT_2019)}"
        )
    for ypes, (old_name, _) in SPLIT_2019.items():
        if norm(kallikratis[ypes].name) != norm(old_name):
            raise DerivationError(f"SPLIT_2019: YPES {ypes} is {kallikratis[ypes].name}")
    return result


def derive_units(
    municipalities: dict[str, str],
    regions: dict[str, str],
    ypes_of: dict[str, str | None],
    kallikratis: dict[str, KMunicipality],
    units: dict[str, UnitRow],
) -> tuple[dict[str, str], dict[str, str]]:
    """(region of each 2-digit regional unit, Kallikratis unit id of each), placing each ELSTAT
    prefix in the 2011 regional unit of its municipalities (a split successor: of the abolished
    municipality)."""
    predecessor = {c: ypes for ypes, (_, codes) in SPLIT_2019.items() for c in codes}
    k_units: dict[str, set[str]] = defaultdict(set)
    for code in municipalities:
        k = kallikratis[ypes_of[code] or predecessor[code]]
        k_units[code[:2]].add(k.unit_id)
    by_region_key = {region_key(name): code for code, name in regions.items()}
    if len(by_region_key) != len(regions):
        raise DerivationError("two ELSTAT regions share a match key")
    k_unit_info = {k.unit_id: (k.unit_name, k.region_name) for k in kallikratis.values()}
    unit_region, unit_k = {}, {}
    for prefix, ids in sorted(k_units.items()):
        if len(ids) != 1:
            raise DerivationError(f"regional unit {prefix} spans 2011 units {sorted(ids)}")
        unit_k[prefix] = next(iter(ids))
        unit_name, region_name = k_unit_info[unit_k[prefix]]
        key = region_key(region_name)
        if key not in by_region_key:
            raise DerivationError(f"Kallikratis region {region_name!r} matches no ELSTAT region")
        unit_region[prefix] = by_region_key[key]
        if prefix not in units:
            raise DerivationError(f"regional_units.csv has no row {prefix} ({unit_name})")
        if norm(units[prefix].name_el) != norm(unit_name):
            raise DerivationError(
                f"regional_units.csv {prefix}: {units[prefix].name_el!r} but its municipalities "
                f"are in the 2011 unit {unit_name!r}"
            )
        if not units[prefix].nuts3.startswith(unit_region[prefix]):
            raise DerivationError(
                f"regional_units.csv {prefix}: NUTS 3 {units[prefix].nuts3} is not in "
                f"{unit_region[prefix]}"
            )
    if len(set(unit_k.values())) != len(unit_k) or len(unit_k) != len(k_unit_info):
        raise DerivationError("ELSTAT regional units and 2011 regional units are not one to one")
    if set(units) != set(unit_region):
        raise DerivationError(
            f"regional_units.csv codes differ from the ELSTAT prefixes: "
            f"{sorted(set(units) ^ set(unit_region))}"
        )
    return unit_region, unit_k


@dataclass
class DiavgeiaMatch:
    uid_of: dict[str, str]  # ELSTAT code -> Diavgeia uid
    vat_of: dict[str, str]  # ELSTAT code -> ΑΦΜ
    region_uid: dict[str, str]  # NUTS 2 -> Diavgeia uid
    region_vat: dict[str, str]  # NUTS 2 -> ΑΦΜ
    checked_regions: int = 0
    notes: list[str] = field(default_factory=list)


def afm_is_valid(afm: str) -> bool:
    """The Greek ΑΦΜ check digit: sum of the first 8 digits times 2^8 ... 2^1, mod 11, mod 10."""
    if not re.fullmatch(r"[0-9]{9}", afm) or afm == "000000000":
        return False
    total = sum(int(d) << (8 - i) for i, d in enumerate(afm[:8]))
    return total % 11 % 10 == int(afm[8])


def match_diavgeia(
    orgs: list[dict],
    municipalities: dict[str, str],
    regions: dict[str, str],
    region_of: dict[str, str],
    crosswalk: dict[str, CrosswalkRow],
) -> DiavgeiaMatch:
    by_region_key = {region_key(name): code for code, name in regions.items()}
    region_by_uid: dict[str, str] = {}
    region_vat: dict[str, str] = {}
    for org in orgs:
        if org["category"] == "REGION":
            key = region_key(org["label"])
            if key not in by_region_key or by_region_key[key] in region_by_uid.values():
                raise DerivationError(f"Diavgeia region {org['label']!r} matches no ELSTAT region")
            region_by_uid[org["uid"]] = by_region_key[key]
            region_vat[by_region_key[key]] = org["vatNumber"]
    if len(region_by_uid) != len(regions):
        raise DerivationError("Diavgeia does not list the 13 regions once each")

    entries = {o["uid"]: o for o in orgs if o["category"] == "MUNICIPALITY"}
    by_label: dict[str, list[str]] = defaultdict(list)
    for uid, org in entries.items():
        by_label[re.sub(r"^ΔΗΜΟΣ ", "", norm(org["label"]))].append(uid)
    elstat_names = Counter(norm(n) for n in municipalities.values())
    uid_of = {}
    for code, name in sorted(municipalities.items()):
        hand = crosswalk[code].diavgeia_uid
        exact = by_label.get(norm(name), [])
        unique = len(exact) == 1 and elstat_names[norm(name)] == 1
        if hand:
            if hand not in entries:
                raise DerivationError(f"{code}: Diavgeia {hand} is not a MUNICIPALITY entry")
            if unique:
                raise DerivationError(f"{code}: {name} matches Diavgeia {exact[0]} by name")
            uid_of[code] = hand
        elif unique:
            uid_of[code] = exact[0]
        else:
            raise DerivationError(
                f"{code} {name}: {len(exact)} Diavgeia labels of that name; "
                "match it by hand in municipality_crosswalk.csv"
            )
    used = Counter(uid_of.values())
    twice = sorted(u for u, k in used.items() if k > 1)
    if twice:
        raise DerivationError(f"Diavgeia uids given to more than one municipality: {twice}")
    extra = set(entries) - set(used)
    if extra != set(DIAVGEIA_NOT_MUNICIPALITIES):
        raise DerivationError(
            f"Diavgeia MUNICIPALITY entries left over {sorted(extra)} are not the ones explained "
            f"in DIAVGEIA_NOT_MUNICIPALITIES {sorted(DIAVGEIA_NOT_MUNICIPALITIES)}"
        )
    latin = sorted(u for u, o in entries.items() if has_latin(o["label"]))
    hand_uids = {row.diavgeia_uid for row in crosswalk.values() if row.diavgeia_uid}
    not_by_hand = [u for u in latin if u in used and u not in hand_uids]
    if not_by_hand:
        raise DerivationError(f"Diavgeia labels with Latin letters matched by name: {not_by_hand}")

    vat_of = {code: entries[uid]["vatNumber"] for code, uid in uid_of.items()}
    for uid, (successor, _) in DIAVGEIA_NOT_MUNICIPALITIES.items():
        if successor and entries[uid]["vatNumber"] != vat_of[successor]:
            raise DerivationError(f"Diavgeia {uid}: ΑΦΜ is not that of its successor {successor}")
    for owner, afm in [*vat_of.items(), *region_vat.items()]:
        if not afm_is_valid(afm):
            raise DerivationError(f"{owner}: ΑΦΜ {afm} fails the check digit")
    repeated = sorted(
        a for a, k in Counter([*vat_of.values(), *region_vat.values()]).items() if k > 1
    )
    if repeated:
        raise DerivationError(f"ΑΦΜ shared by two municipalities or regions: {repeated}")

    checked = 0
    for code, uid in uid_of.items():
        supervisor = region_by_uid.get(entries[uid].get("supervisorId") or "")
        if supervisor is not None:
            checked += 1
            if supervisor != region_of[code]:
                raise DerivationError(
                    f"{code}: Diavgeia has it supervised by {supervisor}, derived {region_of[code]}"
                )
    match = DiavgeiaMatch(
        uid_of, vat_of, {v: k for k, v in region_by_uid.items()}, region_vat, checked
    )
    match.notes.append(f"Latin letters in Diavgeia labels: {', '.join(latin) or 'none'}")
    return match


def load_populations(
    data: Path, municipalities: dict[str, str], region_of: dict[str, str]
) -> tuple[dict[str, int], dict[str, int], int]:
    """(2021 population of each municipality, of each region as ELSTAT publishes it, of Athos)."""
    rows = read_csv(data / "elstat-census-2021" / "municipalities_populations.csv")
    population: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        code = row["elstat_municipality_code"]
        if line in POPULATION_ROW_FIXES:
            wrong, name, right, _ = POPULATION_ROW_FIXES[line]
            if (code, row["municipality_name"]) != (wrong, name) or municipalities[right] != name:
                raise DerivationError(f"municipalities_populations.csv line {line} has changed")
            code = right
        if code in population:
            raise DerivationError(f"municipalities_populations.csv: two rows for {code}")
        if code != ATHOS and municipalities.get(code) != row["municipality_name"]:
            raise DerivationError(
                f"municipalities_populations.csv line {line}: {code} is not "
                f"{row['municipality_name']}"
            )
        population[code] = int(row["pop_total_2021"])
    athos = population.pop(ATHOS, None)
    if athos is None or set(population) != set(municipalities):
        raise DerivationError("municipalities_populations.csv does not have one row per code")
    region_population = {
        r["nuts2_region_code"]: int(r["pop_total_2021"])
        for r in read_csv(data / "elstat-census-2021" / "regions_populations.csv")
    }
    totals: Counter[str] = Counter()
    for code, people in population.items():
        totals[region_of[code]] += people
    for region, published in region_population.items():
        expected = published - (athos if region == ATHOS_COUNTED_IN else 0)
        if totals[region] != expected:
            raise DerivationError(
                f"2021 populations of the municipalities of {region} add up to {totals[region]}, "
                f"not {expected}"
            )
    return population, region_population, athos


def disambiguate(labels: list[dict[str, str]], region_of: dict[str, str]) -> set[str]:
    """Codes whose label is shared with another municipality in any language (in 2021: the two
    Ηρακλείου). They get their region in brackets in every language, which must tell them
    apart."""
    clash = set()
    for by_code in labels:
        groups: dict[str, list[str]] = defaultdict(list)
        for code, label in by_code.items():
            groups[label].append(code)
        for label, codes in groups.items():
            if len(codes) > 1:
                if len({region_of[c] for c in codes}) != len(codes):
                    raise DerivationError(
                        f"{codes} share the label {label!r} within one region; "
                        "extend disambiguate()"
                    )
                clash.update(codes)
    return clash


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


def comment(text: str) -> list[str]:
    return textwrap.wrap(text, width=98, initial_indent="# ", subsequent_indent="# ")


def bullet(text: str) -> list[str]:
    return textwrap.wrap(text, width=98, initial_indent="#   - ", subsequent_indent="#     ")


def wrap_codes(codes: list[str], indent: str = "#      ", width: int = 98) -> list[str]:
    lines, line = [], indent
    for code in codes:
        if len(line) + len(code) + 1 > width:
            lines.append(line.rstrip())
            line = indent
        line += " " + code
    if line.strip("# "):
        lines.append(line.rstrip())
    return lines or [indent + " (none)"]


def count_el(n: int, one: str, many: str) -> str:
    return f"έναν {one}" if n == 1 else f"{n} {many}"


def count_en(n: int, one: str, many: str) -> str:
    return f"one {one}" if n == 1 else f"{n} {many}"


@dataclass
class Municipality:
    code: str
    label_el: str
    label_en: str
    alt_el: str | None
    alt_en: str | None
    unit: str
    ypes: str | None
    nuts3: str
    diavgeia_uid: str
    vat: str
    population: int
    decision: str


@dataclass
class Unit:
    code: str
    name_el: str
    name_en: str
    region: str
    nuts3: str
    k_id: str


@dataclass
class Region:
    code: str
    genitive_el: str
    name_en: str
    diavgeia_uid: str
    vat: str
    population: int


def literal_lines(m: Municipality) -> list[str]:
    lines = [
        f"    dorg:elstatCode {turtle_string(m.code)} ;",
    ]
    if m.ypes:
        lines.append(f"    dorg:ypesCode {turtle_string(m.ypes)} ;")
    lines += [
        f"    dorg:nutsCode {turtle_string(m.nuts3)} ;",
        f"    dorg:diavgeiaUid {turtle_string(m.diavgeia_uid)} ;",
        f"    dorg:vatNumber {turtle_string(m.vat)} ;",
        f'    dorg:population2021 "{m.population}"^^xsd:nonNegativeInteger .',
    ]
    return lines


def render(
    municipalities: dict[str, Municipality],
    units: dict[str, Unit],
    regions: dict[str, Region],
    header_notes: dict[str, list[str]],
    athos: int,
) -> str:
    members: dict[str, int] = Counter(m.unit for m in municipalities.values())
    region_units: dict[str, int] = Counter(u.region for u in units.values())
    region_members: dict[str, int] = Counter(units[m.unit].region for m in municipalities.values())
    out = HEADER_INTRO.format(athos=athos).splitlines()
    for uid, (_, why) in sorted(DIAVGEIA_NOT_MUNICIPALITIES.items(), key=lambda i: int(i[0])):
        out += bullet(f"{uid}: {why}")
    out += HEADER_DECISIONS.splitlines()
    for line, (wrong, name, right, why) in sorted(POPULATION_ROW_FIXES.items()):
        out += bullet(
            f"municipalities_populations.csv line {line} keys {name} as {wrong}; it is {right}: "
            f"{why}."
        )
    out += bullet(
        f"regions_populations.csv counts Mount Athos ({athos:,}) in {ATHOS_COUNTED_IN}; every "
        "other region's total is the sum of its municipalities (checked)."
    )
    out += HEADER_LABELS.format(
        curated="\n".join(wrap_codes(header_notes["curated"])),
        unaccented="\n".join(wrap_codes(header_notes["unaccented"])),
    ).splitlines()
    out += [
        "",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        f"@prefix dorg: <{DORG}> .",
        "",
        f"<{REGION_SCHEME}>",
        "    a skos:ConceptScheme ;",
        '    skos:prefLabel "Περιφέρειες της Ελλάδας"@el , "Regions of Greece"@en ;',
        '    dcterms:title "Περιφέρειες της Ελλάδας"@el , "Regions of Greece"@en ;',
        "    skos:definition \"Οι 13 περιφέρειες της Ελλάδας (ΟΤΑ β' βαθμού, ν. 3852/2010), "
        'με notation τον κωδικό NUTS 2."@el ,',
        '        "The 13 regions of Greece (second-tier local government, Law 3852/2010), '
        'with the NUTS 2 code as notation."@en ;',
        '    dcterms:source "ELSTAT, 2021 population-housing census; Eurostat, NUTS 2021" ;',
        '    dcterms:creator "demoi" .',
        "",
        f"<{UNIT_SCHEME}>",
        "    a skos:ConceptScheme ;",
        '    skos:prefLabel "Περιφερειακές ενότητες της Ελλάδας"@el , '
        '"Regional units of Greece"@en ;',
        '    dcterms:title "Περιφερειακές ενότητες της Ελλάδας"@el , '
        '"Regional units of Greece"@en ;',
        '    skos:definition "Οι 74 περιφερειακές ενότητες της Ελλάδας (ν. 3852/2010), με notation '
        "τον διψήφιο κωδικό της ΕΛΣΤΑΤ με τον οποίο αρχίζουν οι κωδικοί των δήμων τους· κάθε "
        'ενότητα έχει ως skos:broader την περιφέρειά της."@el ,',
        '        "The 74 regional units of Greece (Law 3852/2010), with the two-digit ELSTAT code '
        "that begins the codes of their municipalities as notation; each unit's skos:broader is "
        'its region."@en ;',
        '    dcterms:source "ELSTAT, 2021 population-housing census; ELSTAT, Kallikratis '
        'codebook 2011; Eurostat, NUTS 2021" ;',
        '    dcterms:creator "demoi" .',
        "",
        f"<{MUNICIPALITY_SCHEME}>",
        "    a skos:ConceptScheme ;",
        '    skos:prefLabel "Δήμοι της Ελλάδας"@el , "Municipalities of Greece"@en ;',
        '    dcterms:title "Δήμοι της Ελλάδας"@el , "Municipalities of Greece"@en ;',
        "    skos:definition \"Οι 332 δήμοι της Ελλάδας (ΟΤΑ α' βαθμού, ν. 3852/2010 όπως "
        "τροποποιήθηκε με τον ν. 4600/2019), με notation τον τετραψήφιο κωδικό της ΕΛΣΤΑΤ για "
        'την απογραφή 2021· κάθε δήμος έχει ως skos:broader την περιφερειακή ενότητά του."@el ,',
        '        "The 332 municipalities of Greece (first-tier local government, Law 3852/2010 as '
        "amended by Law 4600/2019), with the four-digit ELSTAT 2021 census code as notation; "
        "each municipality's skos:broader is its regional unit.\"@en ;",
        '    skos:scopeNote "Το Άγιο Όρος (κωδικός ΕΛΣΤΑΤ 9901) είναι αυτοδιοίκητο τμήμα του '
        'ελληνικού κράτους και όχι δήμος· δεν περιλαμβάνεται."@el ,',
        '        "Mount Athos (ELSTAT code 9901) is a self-governing part of the Greek state, not '
        'a municipality, and is not included."@en ;',
        '    dcterms:source "ELSTAT, 2021 population-housing census; ELSTAT, Kallikratis '
        'codebook 2011; Diavgeia organisations (diavgeia.gov.gr)" ;',
        '    dcterms:creator "demoi" .',
        "",
    ]
    for code in sorted(regions):
        r = regions[code]
        if code == ATHOS_COUNTED_IN:
            out += comment(
                f"dorg:population2021 is ELSTAT's published total, which includes the {athos:,} "
                "residents of Mount Athos; the municipalities of the region add up to it minus "
                "them."
            )
        out += [
            f"<{REGION_SCHEME}/{code}>",
            "    a skos:Concept ;",
            f"    skos:inScheme <{REGION_SCHEME}> ;",
            f"    skos:topConceptOf <{REGION_SCHEME}> ;",
            f"    skos:notation {turtle_string(code)} ;",
            f"    skos:prefLabel {turtle_string('Περιφέρεια ' + r.genitive_el)}@el , "
            f"{turtle_string('Region of ' + r.name_en)}@en ;",
            "    skos:definition "
            + turtle_string(
                "Περιφέρεια (ΟΤΑ β' βαθμού, ν. 3852/2010) με "
                f"{count_el(region_units[code], 'περιφερειακή ενότητα', 'περιφερειακές ενότητες')}"
                f" και {count_el(region_members[code], 'δήμο', 'δήμους')}."
            )
            + "@el ,",
            "        "
            + turtle_string(
                "Region (second-tier local government, Law 3852/2010) with "
                f"{count_en(region_units[code], 'regional unit', 'regional units')} and "
                f"{count_en(region_members[code], 'municipality', 'municipalities')}."
            )
            + "@en ;",
            f"    dorg:nutsCode {turtle_string(code)} ;",
            f"    dorg:diavgeiaUid {turtle_string(r.diavgeia_uid)} ;",
            f"    dorg:vatNumber {turtle_string(r.vat)} ;",
            f'    dorg:population2021 "{r.population}"^^xsd:nonNegativeInteger .',
            "",
        ]
    for code in sorted(units):
        u = units[code]
        region = regions[u.region]
        out += [
            f"# {code}: regional unit {u.k_id} in the 2011 Kallikratis codebook.",
            f"<{UNIT_SCHEME}/{code}>",
            "    a skos:Concept ;",
            f"    skos:inScheme <{UNIT_SCHEME}> ;",
            f"    skos:notation {turtle_string(code)} ;",
            f"    skos:prefLabel {turtle_string('Περιφερειακή Ενότητα ' + u.name_el)}@el , "
            f"{turtle_string('Regional Unit of ' + u.name_en)}@en ;",
            "    skos:definition "
            + turtle_string(
                f"Περιφερειακή ενότητα της Περιφέρειας {region.genitive_el} με "
                f"{count_el(members[code], 'δήμο', 'δήμους')} (περιοχή NUTS 3 {u.nuts3})."
            )
            + "@el ,",
            "        "
            + turtle_string(
                f"Regional unit of the Region of {region.name_en} with "
                f"{count_en(members[code], 'municipality', 'municipalities')} "
                f"(NUTS 3 region {u.nuts3})."
            )
            + "@en ;",
            f"    skos:broader <{REGION_SCHEME}/{u.region}> ;",
            f"    dorg:nutsCode {turtle_string(u.nuts3)} .",
            "",
        ]
    for code in sorted(municipalities):
        m = municipalities[code]
        u = units[m.unit]
        region = regions[u.region]
        if m.decision:
            out += comment(f"{code}: {m.decision}")
        labels = [
            f"<{MUNICIPALITY_SCHEME}/{code}>",
            # A place as well as a code: catalogues name the municipality as dct:spatial, whose
            # range DCAT-AP checks (sh:class dct:Location) against the code lists.
            "    a skos:Concept , dcterms:Location ;",
            f"    skos:inScheme <{MUNICIPALITY_SCHEME}> ;",
            f"    skos:notation {turtle_string(code)} ;",
            f"    skos:prefLabel {turtle_string(m.label_el)}@el , {turtle_string(m.label_en)}@en ;",
        ]
        if m.alt_el and m.alt_en:
            labels.append(
                f"    skos:altLabel {turtle_string(m.alt_el)}@el , {turtle_string(m.alt_en)}@en ;"
            )
        out += labels + [
            "    skos:definition "
            + turtle_string(
                f"Δήμος της Περιφερειακής Ενότητας {u.name_el}, Περιφέρεια {region.genitive_el}."
            )
            + "@el ,",
            "        "
            + turtle_string(
                f"Municipality in the regional unit of {u.name_en}, Region of {region.name_en}."
            )
            + "@en ;",
            f"    skos:broader <{UNIT_SCHEME}/{m.unit}> ;",
            *literal_lines(m),
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# The whole derivation
# ---------------------------------------------------------------------------------------------


def greek_names(
    data: Path, municipalities: dict[str, str]
) -> tuple[dict[str, str], list[str], list[str]]:
    """Accented Greek name of each municipality, and the codes that needed a curated word or
    kept an unaccented one."""
    curated = {}
    for word in CURATED_WORDS:
        key = norm(word)
        if key in curated:
            raise DerivationError(f"CURATED_WORDS has {word!r} twice")
        curated[key] = word
    full, words = accent_tables(load_accented_names(data))
    names: dict[str, str] = {}
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
        names[code] = greek
    unused = sorted(curated[k] for k in set(curated) - used_curated)
    if unused:
        raise DerivationError(f"CURATED_WORDS not needed by any label: {unused}")
    return names, curated_codes, unaccented_codes


def derive(data: Path) -> tuple[str, list[str]]:
    municipalities = load_municipalities(data)
    regions = load_regions(data)
    if set(REGION_EN) != set(regions) or set(REGION_SHORT_EL) != set(regions):
        raise DerivationError("REGION_EN and REGION_SHORT_EL must cover exactly the ELSTAT regions")
    crosswalk = load_crosswalk(CROSSWALK, municipalities)
    unit_rows = load_units(REGIONAL_UNITS)
    kallikratis = load_kallikratis(data)

    ypes_of = match_ypes(municipalities, kallikratis, crosswalk)
    unit_region, unit_k = derive_units(municipalities, regions, ypes_of, kallikratis, unit_rows)
    region_of = {code: unit_region[code[:2]] for code in municipalities}
    diavgeia = match_diavgeia(load_diavgeia(data), municipalities, regions, region_of, crosswalk)
    population, region_population, athos = load_populations(data, municipalities, region_of)
    greek, curated_codes, unaccented_codes = greek_names(data, municipalities)

    plain_el = {code: f"Δήμος {greek[code]}" for code in municipalities}
    plain_en = {code: f"Municipality of {row.name_en}" for code, row in crosswalk.items()}
    homonyms = disambiguate([plain_el, plain_en], region_of)

    regions_out = {
        code: Region(
            code,
            region_greek(name),
            REGION_EN[code],
            diavgeia.region_uid[code],
            diavgeia.region_vat[code],
            region_population[code],
        )
        for code, name in regions.items()
    }
    units_out = {
        code: Unit(row.code, row.name_el, row.name_en, unit_region[code], row.nuts3, unit_k[code])
        for code, row in unit_rows.items()
    }
    municipalities_out = {}
    for code in municipalities:
        region = region_of[code]
        label_el, label_en, alt_el, alt_en = plain_el[code], plain_en[code], None, None
        if code in homonyms:
            short_en = REGION_EN[region].removeprefix("the ")
            label_el, alt_el = f"{plain_el[code]} ({REGION_SHORT_EL[region]})", plain_el[code]
            label_en, alt_en = f"{plain_en[code]} ({short_en})", plain_en[code]
        municipalities_out[code] = Municipality(
            code,
            label_el,
            label_en,
            alt_el,
            alt_en,
            code[:2],
            ypes_of[code],
            unit_rows[code[:2]].nuts3,
            diavgeia.uid_of[code],
            diavgeia.vat_of[code],
            population[code],
            crosswalk[code].decision,
        )

    text = render(
        municipalities_out,
        units_out,
        regions_out,
        {"curated": curated_codes, "unaccented": unaccented_codes},
        athos,
    )
    check_output(text)

    report = [
        f"municipalities: {len(municipalities_out)}, regional units: {len(units_out)}, "
        f"regions: {len(regions_out)}",
        f"YPES codes: {sum(1 for y in ypes_of.values() if y)} "
        f"({sum(1 for r in crosswalk.values() if r.ypes and r.ypes != 'none')} matched by hand), "
        f"none for the {sum(1 for y in ypes_of.values() if not y)} municipalities of 2019",
        f"Diavgeia: {len(diavgeia.uid_of)} municipalities "
        f"({sum(1 for r in crosswalk.values() if r.diavgeia_uid)} matched by hand), "
        f"{len(DIAVGEIA_NOT_MUNICIPALITIES)} entries left out; supervising region agrees for "
        f"{diavgeia.checked_regions}",
        *diavgeia.notes,
        f"NUTS 3 regions: {len({u.nuts3 for u in units_out.values()})}",
        f"2021 population of the municipalities: {sum(population.values()):,} "
        f"(+ Mount Athos {athos:,} = {sum(region_population.values()):,}, the 13 regions)",
        f"homonyms disambiguated: {', '.join(sorted(homonyms))}",
        f"Greek labels: {len(municipalities) - len(curated_codes) - len(unaccented_codes)} "
        f"fully from the accented source, {len(curated_codes)} with a curated word, "
        f"{len(unaccented_codes)} with an unaccented word",
        f"English names: {sum(1 for r in crosswalk.values() if r.name_en_from == 'ELOT 743')} "
        f"ELOT 743, {sum(1 for r in crosswalk.values() if r.name_en_from == 'conventional')} "
        "conventional",
    ]
    for code in ("4401", "0701", "4501", "4604", "7101"):
        m = municipalities_out[code]
        report.append(f"  {code} = {m.label_el} / {m.label_en}, {units_out[m.unit].name_el}")
    return text, report


def check_output(text: str) -> None:
    """Re-read the Turtle and check its shape: counts, one broader chain each, unique labels."""
    graph = rdflib.Graph().parse(data=text, format="turtle")
    skos = rdflib.namespace.SKOS
    schemes = {
        MUNICIPALITY_SCHEME: N_MUNICIPALITIES,
        UNIT_SCHEME: N_UNITS,
        REGION_SCHEME: N_REGIONS,
    }
    for scheme, expected in schemes.items():
        members = set(graph.subjects(skos.inScheme, rdflib.URIRef(scheme)))
        if len(members) != expected:
            raise DerivationError(f"{scheme}: {len(members)} concepts, expected {expected}")
        for lang in ("el", "en"):
            labels = Counter(
                str(label)
                for concept in members
                for label in graph.objects(concept, skos.prefLabel)
                if label.language == lang
            )
            if len(labels) != expected or any(k > 1 for k in labels.values()):
                raise DerivationError(f"{scheme}: {lang} labels are not one per concept and unique")
    chain = [MUNICIPALITY_SCHEME, UNIT_SCHEME, REGION_SCHEME]
    for child, parent in zip(chain, chain[1:], strict=False):
        for concept in graph.subjects(skos.inScheme, rdflib.URIRef(child)):
            broader = list(graph.objects(concept, skos.broader))
            if len(broader) != 1 or (broader[0], skos.inScheme, rdflib.URIRef(parent)) not in graph:
                raise DerivationError(f"{concept} does not have exactly one broader in {parent}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the external source data"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Turtle file to write")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if --out differs from what the sources give",
    )
    args = parser.parse_args(argv)
    try:
        text, report = derive(args.data)
    except DerivationError as err:
        print(f"derive_codelists: {err}", file=sys.stderr)
        return 1
    if not args.check:
        for line in report:
            print(line)
    return write_or_check("derive_codelists", {args.out: text.encode("utf-8")}, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
