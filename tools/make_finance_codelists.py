"""Write the SKOS code lists of the municipal budget: KAE codes and service codes.

Usage (from the repository root)::

    python tools/make_finance_codelists.py [--data DIR]           # (re)write both files
    python tools/make_finance_codelists.py [--data DIR] --check   # exit 1 if one is out of date

Outputs: ``ontologies/codelists/kae.ttl`` (scheme https://w3id.org/demoi/code/kae) and
``ontologies/codelists/service-codes.ttl`` (scheme https://w3id.org/demoi/code/service).

Inputs:

* ``tools/kae_master.py``: the official classes, subdivisions and four-digit codes of the
  classification of municipal revenue and expenditure (ΚΥΑ 7028/2004), with demoi's English
  labels, the codes added after the 2014 edition (hand-curated, each with its reason), and the
  thirteen service codes.
* ``examples/budget/*.csv``: demoi's example exports (Kalamata 4401, Thessaloniki 0701).
* ``<DATA>/athens-budget/athens_budget_2024.csv``: the City of Athens 2024 budget, 2,787 lines
  (``--data`` defaults to ``shared/data/external`` beside the repository).

Every code these exports use becomes a concept. A code after the first dot (``6011.01.01``,
``6142.022``) is a sub-account that each municipality opens under an official code and titles
itself, so the same number can mean different things in two municipalities (6471.01 is a
liberation-day celebration in the Kalamata example and the Dimitria festival in Thessaloniki's).
Such a concept therefore gets a neutral preferred label ("Αναλυτικός Κ.Α. 6142.022") and keeps
every title the exports give it as a skos:altLabel, with its source in the definition.

The script checks that every code used has an official or curated four-digit parent, that revenue
codes (0-5) appear only on the revenue side and expenditure codes (6-9) only on the expenditure
side, that every service code of the examples is known, and that no two concepts of a scheme
share a label; it exits non-zero with a message otherwise. Output is deterministic.
"""

# ruff: noqa: E501  (the scheme descriptions are written out in full, as in the Turtle)

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generated_files import write_or_check

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kae_master import (  # noqa: E402
    CLASS_DEFINITIONS,
    CURATED_KAE,
    OFFICIAL_KAE,
    SERVICES,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "external"
EXAMPLES = REPO / "examples" / "budget"
ATHENS = Path("athens-budget") / "athens_budget_2024.csv"
KAE_OUT = REPO / "ontologies" / "codelists" / "kae.ttl"
SERVICE_OUT = REPO / "ontologies" / "codelists" / "service-codes.ttl"

KAE_SCHEME = "https://w3id.org/demoi/code/kae"
SERVICE_SCHEME = "https://w3id.org/demoi/code/service"
CODE = re.compile(r"^[0-9]{4}(\.[0-9]{1,3})*$")

# Where a sub-account title comes from: (Greek, English), as the definitions name it.
SOURCES = {
    "athens": ("τον προϋπολογισμό 2024 του Δήμου Αθηναίων", "the City of Athens 2024 budget"),
    "4401": ("Δήμος Καλαμάτας", "Municipality of Kalamata"),
    "0701": ("Δήμος Θεσσαλονίκης", "Municipality of Thessaloniki"),
}
EXAMPLES_SOURCE = ("τις εξαγωγές-παραδείγματα του demoi", "demoi's example exports")
ENCODINGS = {".utf16": "utf-16", ".cp1253": "cp1253", ".iso8859-7": "iso8859-7", ".utf8": "utf-8"}

# Sub-accounts of the examples whose title contradicts their official four-digit code: the
# example exports (tools/make_budget_examples.py) are invented, and these four lines put a
# revenue under a code of another revenue. The titles are kept as the exports give them; the
# comment written next to each concept says where the revenue belongs.
MISPLACED_TITLES = {
    "0321.01": "ΤΑΠ is 0441 (Τέλος ακίνητης περιουσίας), not a water supply charge (032x)",
    "0411.01": "the visitor accommodation levy is 0451; 0411 is family-grave dues",
    "0612.01": "ΚΑΠ for school running costs is 0614; 0612 is ΚΑΠ for school rents",
    "0711.01": "Road Traffic Code fines are 1512; 0711 is rents of public quarries",
    "4211.01": "refunds of amounts paid in error are 4213; 4211 is money returned on advance orders",
    "6654.01": "pharmaceutical supplies are 6631; 6654 is other printing materials",
}


class CodeListError(Exception):
    """The inputs break one of the rules above."""


@dataclass
class Concept:
    code: str
    label_el: str
    label_en: str
    definition_el: str = ""
    definition_en: str = ""
    alt_el: list[str] = field(default_factory=list)
    alt_en: list[str] = field(default_factory=list)
    curated: str = ""  # why a hand-curated title was chosen
    comment: str = ""  # a further note written next to the concept

    @property
    def broader(self) -> str | None:
        if "." in self.code:
            return self.code.rsplit(".", 1)[0]
        return self.code[:-1] or None


def side_of(code: str) -> str:
    return "revenue" if code[0] in "012345" else "expenditure"


def parse_table(text: str, columns: int) -> list[list[str]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = line.split("|")
        if len(cells) != columns or not all(cells):
            raise CodeListError(f"master table line {number}: needs {columns} cells: {line!r}")
        rows.append(cells)
    return rows


def clean(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip()


def read_examples() -> dict[str, list[tuple[str, str, str, str]]]:
    """code -> [(title, source, side, service)] from examples/budget/*.csv."""
    used: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for path in sorted(EXAMPLES.glob("*.csv")):
        municipality, _year, side = path.name.split(".")[0].split("-")
        encoding = ENCODINGS[Path(path.stem).suffix]
        text = path.read_bytes().decode(encoding).lstrip("\ufeff")
        expected_side = "expenditure" if side == "expense" else "revenue"
        for line in text.splitlines()[1:]:
            service, code, title = line.split(";")[:3]
            used[code].append((clean(title), municipality, expected_side, service))
    return used


def read_athens(data: Path) -> dict[str, list[tuple[str, str, str, str]]]:
    used: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    with (data / ATHENS).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            side = "expenditure" if row["args_pro_esex"] == "1" else "revenue"
            # args_pro_cdief is a department of the City of Athens, not a service code.
            used[row["code"]].append((clean(row["title"]), "athens", side, ""))
    return used


def kae_concepts(data: Path) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for code, label_el, label_en in parse_table(OFFICIAL_KAE, 3):
        if code in concepts:
            raise CodeListError(f"KAE {code} is listed twice")
        concepts[code] = Concept(code, label_el, label_en)
    for code, (label_el, label_en, why) in CURATED_KAE.items():
        if code in concepts:
            raise CodeListError(f"KAE {code} is both official and curated")
        concepts[code] = Concept(code, label_el, label_en, curated=why)

    used = read_examples()
    for code, uses in read_athens(data).items():
        used[code].extend(uses)

    services = {row[0] for row in parse_table(SERVICES, 5)}
    for code, uses in sorted(used.items()):
        if not CODE.match(code):
            raise CodeListError(f"{code!r} is not a KAE code (4 digits, then .-separated parts)")
        for _title, source, side, service in uses:
            if side_of(code) != side:
                raise CodeListError(f"KAE {code} is {side_of(code)} but {source} has it as {side}")
            if service and service not in services:
                raise CodeListError(f"{source}: unknown service code {service!r} (KAE {code})")
        account = code[:4]
        if account not in concepts:
            raise CodeListError(f"KAE {code}: {account} is neither official nor curated")
        titles = list(dict.fromkeys(title for title, *_ in uses))
        sources = list(dict.fromkeys(source for _, source, *_ in uses))
        if "." not in code:
            concept = concepts[code]
            concept.alt_el += [t for t in titles if t != concept.label_el]
            continue
        parts = code.split(".")
        for depth in range(2, len(parts) + 1):
            sub = ".".join(parts[:depth])
            if sub not in concepts:
                concepts[sub] = sub_account(sub, concepts[account])
        concept = concepts[code]
        concept.alt_el += titles
        where_el, where_en = where(sources)
        concept.definition_el = concept.definition_el.replace(
            "PLACEHOLDER", f"τίτλος (skos:altLabel) από {where_el}."
        )
        concept.definition_en = concept.definition_en.replace(
            "PLACEHOLDER", f"title (skos:altLabel) from {where_en}."
        )
        if code in MISPLACED_TITLES:
            concept.comment = (
                "The example's title does not fit this code: " + MISPLACED_TITLES[code]
            )
    for concept in concepts.values():
        if "PLACEHOLDER" in concept.definition_el:  # an intermediate level no export titles
            concept.definition_el = concept.definition_el.replace(
                "PLACEHOLDER",
                f"ομαδοποιεί τους αναλυτικούς κωδικούς που αρχίζουν από {concept.code}.",
            )
            concept.definition_en = concept.definition_en.replace(
                "PLACEHOLDER", f"it groups the sub-accounts that start with {concept.code}."
            )

    for code, concept in concepts.items():
        parent = concept.broader
        if parent is not None and parent not in concepts:
            raise CodeListError(f"KAE {code}: its parent {parent} is missing")
        if not concept.definition_el:
            concept.definition_el, concept.definition_en = official_definition(concept, concepts)
    unused = sorted(
        code
        for code, concept in concepts.items()
        if concept.curated and not any(other.startswith(code) for other in used)
    )
    if unused:
        raise CodeListError(f"curated codes no export uses: {', '.join(unused)}")
    disambiguate(concepts.values(), "Κ.Α.", "KAE")
    return dict(sorted(concepts.items()))


def where(sources: list[str]) -> tuple[str, str]:
    """The exports a title comes from, as the definition of a sub-account names them."""
    examples = [SOURCES[s] for s in sorted(sources) if s != "athens"]
    named_el, named_en = [], []
    if "athens" in sources:
        named_el.append(SOURCES["athens"][0])
        named_en.append(SOURCES["athens"][1])
    if examples:
        named_el.append(f"{EXAMPLES_SOURCE[0]} ({', '.join(e[0] for e in examples)})")
        named_en.append(f"{EXAMPLES_SOURCE[1]} ({', '.join(e[1] for e in examples)})")
    return " και ".join(named_el), " and ".join(named_en)


def sub_account(code: str, account: Concept) -> Concept:
    side_el = "εσόδων" if side_of(code) == "revenue" else "εξόδων"
    side_en = "Revenue" if side_of(code) == "revenue" else "Expenditure"
    return Concept(
        code,
        f"Αναλυτικός Κ.Α. {code}",
        f"KAE sub-account {code}",
        f"Αναλυτικός κωδικός {side_el} κάτω από τον Κ.Α. {account.code}, που ανοίγει ο ίδιος ο "
        "δήμος· PLACEHOLDER",
        f"{side_en} sub-account under KAE {account.code}, opened by the municipality itself; "
        "PLACEHOLDER",
    )


def official_definition(concept: Concept, concepts: dict[str, Concept]) -> tuple[str, str]:
    code = concept.code
    if len(code) == 1:
        return CLASS_DEFINITIONS[code]
    parent = concepts[code[:-1]]
    revenue = side_of(code) == "revenue"
    side_el, side_en = ("εσόδων", "revenue") if revenue else ("εξόδων", "expenditure")
    under_el = f"της ομάδας {parent.code}" if len(parent.code) == 1 else f"του {parent.code}"
    under_en = f"class {parent.code}" if len(parent.code) == 1 else parent.code
    if len(code) == 4:
        kind_el = "Κωδικός αριθμός εσόδου (Κ.Α.)" if revenue else "Κωδικός αριθμός εξόδου (Κ.Α.)"
        kind_en = f"{side_en.capitalize()} account (KAE)"
    else:
        digits_el, digits_en = (
            ("Διψήφιος", "Two-digit") if len(code) == 2 else ("Τριψήφιος", "Three-digit")
        )
        kind_el, kind_en = f"{digits_el} κωδικός {side_el}", f"{digits_en} {side_en} code"
    return (
        f"{kind_el} {code} της ταξινόμησης του προϋπολογισμού των δήμων (ΚΥΑ 7028/2004), "
        f"υποδιαίρεση {under_el} «{parent.label_el}».",
        f"{kind_en} {code} of the classification of the municipal budget (Joint Ministerial "
        f"Decision 7028/2004), under {under_en} «{parent.label_en}».",
    )


def disambiguate(concepts: object, prefix_el: str, prefix_en: str) -> None:
    """Two concepts sharing a label: the shortest (then lowest) code keeps it, the others get
    " (Κ.Α. <code>)" and keep the plain label as skos:altLabel (docs/standards.md)."""
    items = sorted(concepts, key=lambda c: (len(c.code), c.code))  # type: ignore[attr-defined]
    for language, prefix in (("el", prefix_el), ("en", prefix_en)):
        seen: set[str] = set()
        for concept in items:
            label = getattr(concept, f"label_{language}")
            if label in seen:
                setattr(concept, f"label_{language}", f"{label} ({prefix} {concept.code})")
                getattr(concept, f"alt_{language}").insert(0, label)
            seen.add(getattr(concept, f"label_{language}"))
        labels = [getattr(c, f"label_{language}") for c in items]
        if len(labels) != len(set(labels)):
            raise CodeListError(f"duplicate {language} labels remain after disambiguation")


def literal(text: str, language: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{language}" if language else "")


def concept_turtle(prefix: str, scheme: str, concept: Concept, top: bool) -> str:
    lines = []
    if concept.curated:
        lines.append(f"# Curated title: {concept.curated}.")
    if concept.comment:
        lines.append(f"# {concept.comment}.")
    lines += [f"{prefix}:{concept.code}", "    a skos:Concept ;", f"    skos:inScheme <{scheme}> ;"]
    if top:
        lines.append(f"    skos:topConceptOf <{scheme}> ;")
    else:
        lines.append(f"    skos:broader {prefix}:{concept.broader} ;")
    lines.append(f"    skos:notation {literal(concept.code)} ;")
    lines.append(
        f"    skos:prefLabel {literal(concept.label_el, 'el')} , {literal(concept.label_en, 'en')} ;"
    )
    alts = [literal(a, "el") for a in dict.fromkeys(concept.alt_el)]
    alts += [literal(a, "en") for a in dict.fromkeys(concept.alt_en)]
    if alts:
        lines.append("    skos:altLabel " + " ,\n        ".join(alts) + " ;")
    if concept.curated:
        lines.append(
            "    skos:editorialNote "
            + literal(
                "Ο κωδικός δεν υπάρχει στην έκδοση 2014 της ταξινόμησης που χρησιμοποιήθηκε ως "
                "πηγή· το demoi διατύπωσε τον τίτλο από τη χρήση του κωδικού στους "
                "προϋπολογισμούς του 2024. Να ελεγχθεί με την ισχύουσα ΚΥΑ.",
                "el",
            )
            + " ,\n        "
            + literal(
                "The code is not in the 2014 edition of the classification used as the source; "
                "demoi worded its title from the code's use in 2024 budgets. Check it against "
                "the Joint Ministerial Decision in force.",
                "en",
            )
            + " ;"
        )
    lines.append(
        f"    skos:definition {literal(concept.definition_el, 'el')} ,\n"
        f"        {literal(concept.definition_en, 'en')} ."
    )
    return "\n".join(lines) + "\n"


KAE_HEADER = """\
# GENERATED FILE: do not edit by hand.
# Regenerate with: python tools/make_finance_codelists.py
# (master tables: tools/kae_master.py)
#
# The KAE code list: the classification of the revenue and expenditure of Greek municipalities
# (Κωδικοί Αριθμοί Εσόδων/Εξόδων, ΚΥΑ 7028/2004, ΦΕΚ Β' 253/2004, as amended), the fourth part
# of a budget line 02.<service>.<KAE> (the service codes are in service-codes.ttl).
#
# Hierarchy (skos:broader), notations with dots as exported:
#   class        1 digit    0-5 revenue, 6-9 expenditure (the top concepts)
#   subdivision  2 digits   60 Αμοιβές και έξοδα προσωπικού
#   subdivision  3 digits   601 Αποδοχές μόνιμων υπαλλήλων
#   account      4 digits   6011 Τακτικές αποδοχές ... (the official Κ.Α.)
#   sub-account  .xx...     6011.01, 6011.01.01, 6142.022: opened by each municipality
# A sub-account is numbered and titled by each municipality, so one number can mean different
# things in two municipalities (6471.01 in the Kalamata and Thessaloniki examples). Its preferred
# label is therefore neutral, "Αναλυτικός Κ.Α. 6142.022", and the titles the exports give it are
# its skos:altLabel; its definition names the exports.
#
# Sources (facts derived, files not copied):
#   - official titles: the 2014 edition of the classification as published in SKOS by
#     OpenBudgets.eu (github.com/openbudgets/Code-lists @98e5bf0, kae-ota-esodwn-2014 and
#     kae-ota-exodwn-2014), edited as tools/kae_master.py says; English labels are demoi's;
#   - every code used by the City of Athens 2024 budget (github.com/justdataplease/dataforgreece
#     @5b5ef9b, 2,138 codes on 2,787 lines, MIT) and by examples/budget/*.csv.
# Codes added after 2014 carry a skos:editorialNote and a "Curated title" comment.
# Labels shared by two concepts are disambiguated with the code, "(Κ.Α. 6021)", and the plain
# label is kept as skos:altLabel.

@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kae: <https://w3id.org/demoi/code/kae/> .
"""

SERVICE_HEADER = """\
# GENERATED FILE: do not edit by hand.
# Regenerate with: python tools/make_finance_codelists.py
# (master table: SERVICES in tools/kae_master.py)
#
# The service codes of Greek municipal budgets (Κωδικός υπηρεσίας, ΚΥΑ 7028/2004): the two digits
# between the side and the KAE code of an expenditure line, 02.<service>.<KAE> (02.20.6211: the
# electricity for street lighting, booked by the cleaning and street-lighting services). Exports
# show them in the column «Υπηρεσία» with the leading zero ("00"); revenue lines use 00.
#
# Sources (facts derived, files not copied): ΚΥΑ 7028/2004 as published by OpenBudgets.eu
# (github.com/openbudgets/Code-lists @98e5bf0, kae-ota-administration-2014), whose pseudo-code
# "1000 Ανεξαρτήτως υπηρεσίας" is left out; examples/budget/*.csv use 00-50, 80 and 90.
# The City of Athens budget does not carry these codes: its column args_pro_cdief numbers the
# City's own departments (9 Δ/ΝΣΗ ΔΗΜΟΤΙΚΩΝ ΠΡΟΣΟΔΩΝ, 90 Ο.Π.Α.Ν.Δ.Α.), another list.

@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix service: <https://w3id.org/demoi/code/service/> .
"""


def kae_turtle(concepts: dict[str, Concept]) -> str:
    tops = [code for code in concepts if len(code) == 1]
    parts = [
        KAE_HEADER,
        f"""<{KAE_SCHEME}>
    a skos:ConceptScheme ;
    skos:prefLabel "Κωδικοί αριθμοί εσόδων και εξόδων (Κ.Α.) των δήμων"@el ,
        "Revenue and expenditure classification codes (KAE) of Greek municipalities"@en ;
    dcterms:title "Κωδικοί αριθμοί εσόδων και εξόδων (Κ.Α.) των δήμων"@el ,
        "Revenue and expenditure classification codes (KAE) of Greek municipalities"@en ;
    skos:definition "Η ταξινόμηση των εσόδων και των εξόδων του προϋπολογισμού των δήμων (ΚΥΑ 7028/2004, όπως ισχύει): ομάδες (πρώτο ψηφίο· 0-5 έσοδα, 6-9 έξοδα), διψήφιες και τριψήφιες υποδιαιρέσεις, τετραψήφιοι κωδικοί αριθμοί (Κ.Α.) και οι αναλυτικοί κωδικοί που ανοίγει κάθε δήμος μετά την τελεία."@el ,
        "The classification of the revenue and expenditure of the municipal budget (Joint Ministerial Decision 7028/2004, as amended): classes (first digit; 0-5 revenue, 6-9 expenditure), two- and three-digit subdivisions, four-digit accounts (KAE), and the sub-accounts each municipality opens after the dot."@en ;
    dcterms:source "ΚΥΑ 7028/2004 (ΦΕΚ Β' 253/2004) «Καθορισμός του τύπου του προϋπολογισμού των δήμων και κοινοτήτων», όπως ισχύει" ;
    dcterms:creator "demoi" ;
    skos:hasTopConcept {" , ".join(f"kae:{code}" for code in tops)} .
""",
    ]
    for code, concept in concepts.items():
        if len(code) == 1:
            rule = f"# {code} {concept.label_el} ".ljust(99, "-")
            parts.append(f"{rule}\n")
        parts.append(concept_turtle("kae", KAE_SCHEME, concept, top=len(code) == 1))
    return "\n".join(parts)


def service_turtle() -> str:
    rows = parse_table(SERVICES, 5)
    concepts = [Concept(code, el, en, d_el, d_en) for code, el, en, d_el, d_en in rows]
    disambiguate(concepts, "κωδ.", "code")
    parts = [
        SERVICE_HEADER,
        f"""<{SERVICE_SCHEME}>
    a skos:ConceptScheme ;
    skos:prefLabel "Κωδικοί υπηρεσιών του προϋπολογισμού των δήμων"@el ,
        "Service codes of Greek municipal budgets"@en ;
    dcterms:title "Κωδικοί υπηρεσιών του προϋπολογισμού των δήμων"@el ,
        "Service codes of Greek municipal budgets"@en ;
    skos:definition "Οι διψήφιοι κωδικοί υπηρεσίας (λειτουργικής ενότητας) με τους οποίους ο προϋπολογισμός των δήμων κατανέμει τις πιστώσεις εξόδων, πριν από τον Κ.Α. (ΚΥΑ 7028/2004)."@el ,
        "The two-digit service (functional unit) codes by which a municipal budget allocates its expenditure appropriations, before the KAE code (Joint Ministerial Decision 7028/2004)."@en ;
    dcterms:source "ΚΥΑ 7028/2004 (ΦΕΚ Β' 253/2004) «Καθορισμός του τύπου του προϋπολογισμού των δήμων και κοινοτήτων», όπως ισχύει" ;
    dcterms:creator "demoi" ;
    skos:hasTopConcept {" , ".join(f"service:{c.code}" for c in concepts)} .
""",
    ]
    parts += [concept_turtle("service", SERVICE_SCHEME, c, top=True) for c in concepts]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared/data/external")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    try:
        outputs = {KAE_OUT: kae_turtle(kae_concepts(args.data)), SERVICE_OUT: service_turtle()}
    except CodeListError as err:
        print(f"make_finance_codelists: {err}", file=sys.stderr)
        return 1
    encoded = {path: text.encode("utf-8") for path, text in outputs.items()}
    return write_or_check("make_finance_codelists", encoded, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
