"""Counterparties of municipal acts and contracts: telling legal entities from natural persons,
and the municipality code list's Diavgeia uids and tax numbers. Shared by the ``diavgeia`` and
``kimdis`` readers; not a reader itself (no ``read``): the leading underscore keeps it out of
``format =``.

Personal data never reach the output (law 4727/2020, art. 60 §6; ontologies/decisions.ttl and
procurement.ttl: beneficiaries and contractors are legal entities). Diavgeia and ΚΗΜΔΗΣ give a
counterparty as a tax number (ΑΦΜ) and a name, and do not say whether it is a company or an
individual, so the readers keep a counterparty only when ``legal_entity`` recognises it:

1. its ΑΦΜ is a valid Greek tax number (nine digits with a right check digit, ``afmType`` EL or
   none). A foreign VAT number is dropped: nothing in it tells a company from an individual;
2. its name is not in the form the tax registry gives an individual. Diavgeia copies the name
   from the registry when ``enterName`` is false, and an individual's is surname, second surname,
   given name and father's name joined by commas («ΕΠΩΝΥΜΟ,,ΟΝΟΜΑ,ΠΑΤΡΩΝΥΜΟ»);
3. and either its name carries a legal form or names a public body (Α.Ε., Ε.Π.Ε., Ι.Κ.Ε., Ο.Ε.,
   Ε.Ε., ΑΒΕΕ, ΜΟΝΟΠΡΟΣΩΠΗ, ΕΤΑΙΡΕΙΑ, ΚΟΙΝΟΠΡΑΞΙΑ, ΣΥΝΕΤΑΙΡΙΣΜΟΣ, ΔΗΜΟΣ, ΔΕΥΑ, ΝΠΔΔ, ΥΠΟΥΡΓΕΙΟ,
   LTD, S.A., GMBH…), or its ΑΦΜ is of the 8xxxxxxxx or 9xxxxxxxx series, which the tax
   administration gives to legal persons and entities only (companies, public bodies: 99x…).

Anything else is treated as a natural person, including the unsure cases (an ΑΦΜ of the 0–7
series under a name without a legal form, which is what a sole trader looks like): neither the
name nor the ΑΦΜ is kept, and the line or record goes on without that counterparty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from demoi.privacy.identifiers import is_afm
from demoi.resources import standards_path
from demoi.transliteration import without_accents

AFM = re.compile(r"^[0-9]{9}$")
# Words of a name, after dropping accents and the dots of abbreviations (Α.Ε. -> ΑΕ).
_WORDS = re.compile(r"[0-9A-ZΑ-Ω]+")
LEGAL_FORMS = frozenset(
    """
    ΑΕ ΑΒΕΕ ΑΕΒΕ ΑΤΕ ΑΤΕΒΕ ΑΕΤΕ ΑΞΤΕ ΕΠΕ ΟΕ ΕΕ ΙΚΕ ΣΙΑ ΜΟΝΟΠΡΟΣΩΠΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ ΕΤΑΙΡΙΑ
    ΚΟΙΝΟΠΡΑΞΙΑ ΣΥΝΕΤΑΙΡΙΣΜΟΣ ΚΟΙΝΣΕΠ ΑΜΚΕ ΝΠΔΔ ΝΠΙΔ ΔΕΥΑ ΔΗΜΟΣ ΔΗΜΟΥ ΠΕΡΙΦΕΡΕΙΑ ΥΠΟΥΡΓΕΙΟ
    ΟΡΓΑΝΙΣΜΟΣ ΣΥΛΛΟΓΟΣ ΣΩΜΑΤΕΙΟ ΙΔΡΥΜΑ ΕΠΙΜΕΛΗΤΗΡΙΟ ΤΑΜΕΙΟ ΠΡΟΕΔΡΙΑ ΝΟΣΟΚΟΜΕΙΟ ΠΑΝΕΠΙΣΤΗΜΙΟ
    LTD LIMITED SA AG GMBH INC LLC SRL BV PLC
    """.split()
)


@dataclass(frozen=True)
class Party:
    """A counterparty recognised as a legal entity: its ΑΦΜ and its name ("" when not given)."""

    afm: str
    name: str


def valid_afm(text: str) -> bool:
    """A Greek tax number as these sources write it: exactly nine digits, the last the check
    digit of the first eight (demoi.privacy.identifiers, which also reads prefixed and legacy
    forms)."""
    return AFM.match(text) is not None and is_afm(text)


def name_words(name: str) -> list[str]:
    return _WORDS.findall(without_accents(name.upper().replace(".", "")))


def looks_like_registry_person(name: str) -> bool:
    """«ΕΠΩΝΥΜΟ,,ΟΝΟΜΑ,ΠΑΤΡΩΝΥΜΟ»: the tax registry's form of an individual's name."""
    return name.count(",") >= 2


def legal_entity(afm: str | None, name: str | None, afm_type: str | None = None) -> Party | None:
    """The counterparty as a legal entity, or None when it is (or may be) a natural person."""
    number = (afm or "").strip()
    text = " ".join((name or "").split())
    if afm_type not in (None, "", "EL") or not valid_afm(number):
        return None
    if looks_like_registry_person(text):
        return None
    has_legal_form = any(word in LEGAL_FORMS for word in name_words(text))
    if has_legal_form or number[0] in "89":
        return Party(number, text)
    return None


@dataclass(frozen=True)
class Bodies:
    """The municipality code list's crosswalk: Diavgeia uid and ΑΦΜ -> ELSTAT code."""

    municipality_by_uid: dict[str, str]
    municipality_by_afm: dict[str, str]
    afm_by_uid: dict[str, str]
    region_uids: frozenset[str]
    region_afms: frozenset[str]


@cache
def bodies() -> Bodies:
    store = ox.Store()
    codes = standards_path("ontologies") / "codelists" / "municipalities.ttl"
    store.load(path=str(codes), format=ox.RdfFormat.TURTLE)
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
        SELECT ?scheme ?code ?uid ?afm WHERE {
          ?concept skos:inScheme ?scheme ; skos:notation ?code ; dorg:diavgeiaUid ?uid .
          OPTIONAL { ?concept dorg:vatNumber ?afm }
        }"""
    by_uid: dict[str, str] = {}
    by_afm: dict[str, str] = {}
    afm_by_uid: dict[str, str] = {}
    regions: set[str] = set()
    region_afms: set[str] = set()
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        uid = row["uid"].value
        if not row["scheme"].value.endswith("/municipality"):
            regions.add(uid)
            if row["afm"] is not None:
                region_afms.add(row["afm"].value)
            continue
        code = row["code"].value
        by_uid[uid] = code
        if row["afm"] is not None:
            by_afm[row["afm"].value] = code
            afm_by_uid[uid] = row["afm"].value
    return Bodies(by_uid, by_afm, afm_by_uid, frozenset(regions), frozenset(region_afms))
