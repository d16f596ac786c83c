"""Finding Greek personal identifiers inside free text: a cell, a literal, an IRI.

Candidates are found by patterns and kept only when ``demoi.privacy.identifiers`` validates them:
a nine-digit number with a wrong check digit is not an ΑΦΜ. The patterns stop at the edges of
numbers, so that the digits of look-alikes are never read as one: an amount (``1.234.567,89``,
``612000.00``), a KAE code (``00.6121.01``), a CPV code (``45233140-2``), a date
(``2024-07-12``, ``12/07/2024``), a protocol number (``12345/2024``) or a Diavgeia ΑΔΑ
(``Ψ4ΡΛΩΛ6-ΞΝΣ``). Where two validated candidates overlap, the longer one is the identifier (an
ΑΦΜ inside a Personal Number is the Personal Number).

Known ambiguities, kept on the side of privacy: any nine digits with a right check digit are an
ΑΦΜ (one number in ten passes by chance), and a one-letter series with six digits («Α-123456»,
an invoice number) reads as an old identity card (ΑΔΤ). Bare eight-digit numbers are ΑΦΜ only
after a label or an EL/GR prefix.

A finding never carries the identifier: ``masked`` keeps its last two characters (of the value
without separators or prefix) and puts one ``*`` for each other character (``*******89``), enough
to find it again in the source, too little to use.

Legal entities are not personal data: ``is_legal_entity_name`` and ``is_public_body_afm`` let the
caller keep a company's or a public body's ΑΦΜ; a natural person's is personal data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import pyoxigraph as ox

from demoi.privacy import identifiers as ids
from demoi.resources import standards_path
from demoi.transliteration import without_accents


class Kind(StrEnum):
    AFM = "afm"
    AMKA = "amka"
    ADT = "adt"
    PERSONAL_NUMBER = "personal-number"
    IBAN = "iban"
    PHONE = "phone"
    EMAIL = "email"
    PLATE = "plate"
    PERSON_NAME = "person-name"


LABELS = {
    Kind.AFM: {"el": "ΑΦΜ", "en": "tax number (ΑΦΜ)"},
    Kind.AMKA: {"el": "ΑΜΚΑ", "en": "social security number (ΑΜΚΑ)"},
    Kind.ADT: {"el": "αριθμός δελτίου ταυτότητας", "en": "identity card number (ΑΔΤ)"},
    Kind.PERSONAL_NUMBER: {"el": "Προσωπικός Αριθμός", "en": "Personal Number"},
    Kind.IBAN: {"el": "IBAN", "en": "IBAN"},
    Kind.PHONE: {"el": "αριθμός τηλεφώνου", "en": "phone number"},
    Kind.EMAIL: {"el": "διεύθυνση ηλεκτρονικού ταχυδρομείου", "en": "e-mail address"},
    Kind.PLATE: {"el": "αριθμός κυκλοφορίας οχήματος", "en": "vehicle plate"},
    Kind.PERSON_NAME: {"el": "ονοματεπώνυμο φυσικού προσώπου", "en": "name of a natural person"},
}


@dataclass(frozen=True)
class Found:
    """An identifier in a text: its kind, where it is (``text[start:end]``), and masked."""

    kind: Kind
    start: int
    end: int
    masked: str


KEPT_CHARACTERS = 2

# A number starts where no letter or digit (nor a digit and a decimal or grouping mark, as in
# 1.234 or 12/07) comes before it, and ends where none comes after it: the digits of an amount,
# a date, a code (24SYMV015123456) or a protocol number are never part of a candidate. A label
# written glued to the number («ΑΦΜ094019245», «amka01019012341») is the one letter exception.
_GLUED_LABEL = "|".join(
    f"(?<={label})"
    for word in ("ΑΦΜ", "AFM", "ΑΜΚΑ", "AMKA", "ΤΗΛ", "TEL", "ΚΙΝ")
    for label in {word, word.lower(), word.capitalize()}
)
_NUMBER_START = r"(?:(?<![^\W_])(?<![0-9][.,/\-])|" + _GLUED_LABEL + ")"
_NUMBER_END = r"(?![^\W_])(?![.,/\-][0-9])"
# A word-like identifier (letters first) starts and ends where no letter or digit touches it.
_WORD_START = r"(?<!\w)"
_WORD_END = r"(?!\w)(?![.,/\-][0-9])"
_ID_LETTER = "[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧABEZHIKMNOPTYXαβεζηικμνορτυχabezhikmnoptyx]"
_AFM_LABEL = r"(?:Α\.?\s?Φ\.?\s?Μ\.?|A\.?F\.?M\.?|VAT|TIN)(?:\s*(?:no\.?|αρ\.?))?\s*[:.]?\s*"
_AFM_PREFIX = r"(?:(?:EL|GR)[ \-]?)"

#: Labels written glued to the number they label: «ΑΦΜ094019245» is an ΑΦΜ, not a Personal Number.
NOT_PERSONAL_NUMBER_PREFIXES = frozenset({"ΑΦΜ", "AFM", "VAT", "TIN", "ΑΔΤ", "ΤΗΛ", "TEL"})

#: Three-letter words of the plate alphabet that, before a four-digit number, are text and not a
#: plate: «ΚΑΕ 6121» is a budget code, «MAY 2024» a month. Only words of plate letters matter.
NOT_PLATES = frozenset(
    """
    ΚΑΕ ΚΑΙ ΤΗΝ ΤΟΝ ΤΟΥ ΑΝΑ ΕΝΑ ΕΝΟ ΟΧΙ ΝΑΙ ΜΗΝ ΕΤΗ ΕΤΟ ΕΙΝ ΟΤΙ ΑΡΙ ΙΚΕ ΟΤΕ ΚΤΕ ΚΥΑ ΜΑΙ ΙΑΝ
    ΙΟΥ ΝΟΕ ΟΚΤ ΜΑΡ ΑΠΟ ΠΡΟ ΜΕΤ
    THE ONE TEN MAY NOT KAE BOX TOP NET NEXT MIN MAX ΜΙΝ ΜΑΧ
    """.split()
)

#: Two-letter words that, written in lower case before a six-digit number, are text and not the
#: series of an identity card («το 123456», «no 123456»); a card's letters are capitals, so in
#: lower case only a pair of them that is no word is read as one.
NOT_ADT_SERIES = frozenset(
    """
    ΤΟ ΤΑ ΜΕ ΝΑ ΑΝ ΕΝ ΟΙ ΚΙ ΜΗ ΗΝ ΑΙ ΕΙ ΟΥ ΥΠ ΕΚ ΕΞ
    TO NO BE ME MY BY IN ON AT OK HI HE IT AN AM AS OF OR IS ΝΟ
    """.split()
)


#: A ΓΕΜΗ (General Commercial Registry) number is twelve digits too, and one in ten ends in nine
#: digits that pass the ΑΦΜ check: after its label it is a company's number, not a Personal Number.
_COMPANY_REGISTRY_LABEL = re.compile(
    r"(?:Γ\.?\s?Ε\.?\s?Μ\.?\s?Η\.?|G\.?\s?E\.?\s?M\.?\s?I\.?)\s*(?:αρ\.?|no\.?|αριθμός)?\s*[:.]?\s*$",
    re.IGNORECASE,
)

# Each pattern's group ``id`` is the identifier as written (with its prefix: EL, +30); what
# precedes it in the match (a label such as «ΑΦΜ:») only tells what it is. The patterns that
# start with ``_NUMBER_START`` (a dozen lookbehinds) open with a lookahead for the characters
# they can start with: the lookbehinds are then tried where a number starts, not at every
# character of a text (six times faster on the texts a scan reads).
_PATTERNS: dict[Kind, re.Pattern[str]] = {
    Kind.IBAN: re.compile(
        _WORD_START + r"(?P<id>GR[0-9]{2}(?:[ \-]?[0-9A-Z]{4}){5}[ \-]?[0-9A-Z]{3})" + _WORD_END,
        re.IGNORECASE,
    ),
    Kind.EMAIL: re.compile(
        r"(?<![\w.+\-])(?P<id>[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+"
        r"(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*"
        r"@(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+[^\W\d_]{2,})(?![\w\-])"
    ),
    Kind.PERSONAL_NUMBER: re.compile(
        # Not after «<digit>.»: the twelve decimals of a coordinate are no Personal Number.
        _WORD_START + r"(?<![0-9][.,])(?P<id>[0-9A-ZΑ-Ω]{3}-?[0-9]{9})" + _NUMBER_END
    ),
    Kind.AMKA: re.compile(
        "(?=[0-9])"
        + _NUMBER_START
        + r"(?P<id>[0-9]{6}[ \-]?[0-9]{5}|[0-9]{3}(?P<amka_separator>[ \-])[0-9]{3}"
        r"(?P=amka_separator)[0-9]{5})" + _NUMBER_END
    ),
    # Grouped with spaces, dots or dashes, the area or mobile prefix in brackets («+30 (691)
    # 2345678», «69.1234.5678»); ``ids.phone_digits`` then wants one kind of separator.
    Kind.PHONE: re.compile(
        r"(?=[0-9+(])(?P<id>(?:(?<![\w+])(?:\+30|0030)[ .\-]?\(?|" + _NUMBER_START + r"\(?)"
        r"(?:69|2[1-8])(?:(?:[ .\-]|\)\s?)?[0-9]){8})" + _NUMBER_END
    ),
    # Nine digits, whole or in three groups; eight (a pre-1998 number) only after a label or
    # prefix that says it is a tax number, since bare eight-digit numbers are everywhere.
    Kind.AFM: re.compile(
        r"(?=[0-9EG])(?P<id>(?:(?<!\w)" + _AFM_PREFIX + r"|" + _NUMBER_START + r")"
        r"[0-9]{3}(?P<separator>[ .\-]?)[0-9]{3}(?P=separator)[0-9]{3})" + _NUMBER_END
    ),
    Kind.ADT: re.compile(
        _WORD_START + r"(?P<id>" + _ID_LETTER + r"{1,2}[ \-]?[0-9]{6})" + _NUMBER_END
    ),
    Kind.PLATE: re.compile(
        _WORD_START + r"(?P<id>" + _ID_LETTER + r"{3}[ \-]?[1-9][0-9]{3})" + _NUMBER_END
    ),
}
_LEGACY_AFM = re.compile(
    r"(?:(?<!\w)"
    + _AFM_LABEL
    + r"(?P<labelled>"
    + _AFM_PREFIX
    + r"?)|(?<!\w)(?P<prefixed>"
    + _AFM_PREFIX
    + r"))(?P<digits>[0-9]{8})"
    + _NUMBER_END,
    re.IGNORECASE,
)

# Nine digits after a tax-number label, whole or one at a time: «ΑΦΜ 1 2 3 4 5 6 7 8 3»,
# «αφμ123456783» (the prefilter of ``demoi.privacy.scan`` passes both forms, and no other).
_LABELLED_AFM = re.compile(
    r"(?<!\w)" + _AFM_LABEL + r"(?P<digits>[0-9](?:[ .\-][0-9]){8}|[0-9]{9})" + _NUMBER_END,
    re.IGNORECASE,
)

_VALIDATORS: dict[Kind, Callable[[str], bool]] = {
    Kind.IBAN: ids.is_iban_gr,
    Kind.EMAIL: ids.is_email,
    Kind.PERSONAL_NUMBER: lambda text: (
        ids.is_personal_number(text) and text[:3].upper() not in NOT_PERSONAL_NUMBER_PREFIXES
    ),
    Kind.AMKA: ids.is_amka,
    Kind.PHONE: ids.is_phone,
    Kind.AFM: ids.is_afm,
    Kind.ADT: lambda text: ids.is_adt(text) and not _is_lower_case_word(text),
    Kind.PLATE: lambda text: (
        ids.is_vehicle_plate(text)
        and not _is_word_and_number(text)
        and not (_is_lower_case_word(text) and " " in text)
    ),
}


def _is_lower_case_word(text: str) -> bool:
    """«το 123456», «η 123456», «decision 123456»: a word in lower case before a number, not a
    card's series or a plate (in Latin lower case, only glued or with a dash: «ikb-1234»)."""
    letters = text.strip().rstrip("0123456789 -")
    if not letters.islower():
        return False
    if letters.isascii() and " " in text:
        return True
    return len(letters) < 2 or ids.greek_letters(letters.upper()) in {
        ids.greek_letters(word) for word in NOT_ADT_SERIES
    }


def _is_word_and_number(text: str) -> bool:
    letters = without_accents(text.strip()[:3]).upper()
    return letters in NOT_PLATES or ids.greek_letters(letters) in NOT_PLATES


def find_identifiers(text: str) -> list[Found]:
    """Every validated personal identifier in ``text``, in order of position, and the names of
    natural persons written as the tax registry writes them (:func:`registry_names`). The text
    is read normalised (:func:`normalise`); positions are those of ``text``."""
    normal, positions = normalise(text)
    return mapped(find_in_normalised(normal), positions)


def find_in_normalised(text: str) -> list[Found]:
    """``find_identifiers`` of a text that is already ``normalise``d."""
    candidates = [found for kind in _PATTERNS for found in _validated(kind, text)]
    candidates.extend(_legacy_afms(text))
    candidates.extend(_labelled_afms(text))
    candidates.extend(registry_names(text))
    uuids = [match.span() for match in _UUID.finditer(text)]
    if uuids:
        candidates = [found for found in candidates if not _inside_any(found, uuids)]
    return _longest_of_overlaps(candidates)


#: A UUID (an activity's IRI, a Diavgeia versionId): random hex, whose all-digit 12-character
#: group passes as a Personal Number once in about 3,000 (the demo's provenance tripped the
#: scan now and then). Nothing inside one is an identifier.
_UUID = re.compile(
    r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
    r"(?![0-9A-Fa-f])"
)


def _inside_any(found: Found, spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start and found.end <= end for start, end in spans)


#: Characters that do not show and split a number for the patterns: zero-width spaces and
#: joiners, the soft hyphen, the byte-order mark.
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")


@cache
def _special_characters() -> re.Pattern[str]:
    """Invisible characters and the decimal digits of every script but ASCII (NFKC leaves
    «٦٩١» as it is; the last digits of Unicode are below U+1FC00), as one character class: a
    text is searched for them at the speed of one class, not of a lookahead at each
    character."""
    digits = [
        code for code in range(0x80, 0x1FC00) if unicodedata.decimal(chr(code), None) is not None
    ]
    ranges: list[tuple[int, int]] = []
    for code in sorted({*digits, *map(ord, INVISIBLE)}):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    members = "".join(
        re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges
    )
    return re.compile(f"[{members}]")


def needs_normalising(text: str) -> bool:
    """Whether ``normalise`` would change ``text``."""
    return not text.isascii() and (
        not unicodedata.is_normalized("NFKC", text)
        or _special_characters().search(text) is not None
    )


def normalise(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the patterns read it: NFKC (fullwidth digits and letters, ligatures), every
    decimal digit of any script as 0-9, invisible characters dropped; and, when anything
    changed, the position in ``text`` of each character of the result (and of its end)."""
    if not needs_normalising(text):
        return text, None
    characters: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text):
        if char in INVISIBLE:
            continue
        for normal in unicodedata.normalize("NFKC", char):
            digit = unicodedata.decimal(normal, None)
            characters.append(normal if digit is None else str(digit))
            positions.append(position)
    positions.append(len(text))
    return "".join(characters), positions


def mapped(found: list[Found], positions: list[int] | None) -> list[Found]:
    """Findings in a normalised text placed back in the text it was made from."""
    if positions is None:
        return found
    return [
        Found(hit.kind, positions[hit.start], positions[hit.end - 1] + 1, hit.masked)
        for hit in found
    ]


def _longest_of_overlaps(candidates: list[Found]) -> list[Found]:
    """The longest of overlapping candidates wins, then the earliest. Candidates are cut into
    runs that overlap one another first, so that the pairwise choice stays within a run."""
    kept: list[Found] = []
    run: list[Found] = []
    run_end = -1
    for found in sorted(candidates, key=lambda found: (found.start, -(found.end - found.start))):
        if found.start >= run_end:
            kept.extend(_longest_in_run(run))
            run, run_end = [], found.end
        run.append(found)
        run_end = max(run_end, found.end)
    kept.extend(_longest_in_run(run))
    return kept


def _longest_in_run(run: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for found in sorted(run, key=lambda found: (-(found.end - found.start), found.start)):
        if all(found.end <= other.start or other.end <= found.start for other in kept):
            kept.append(found)
    return sorted(kept, key=lambda found: found.start)


def _validated(kind: Kind, text: str) -> list[Found]:
    pattern, valid = _PATTERNS[kind], _VALIDATORS[kind]
    found = []
    for match in _overlapping(pattern, text):
        written = match["id"]
        if kind is Kind.PERSONAL_NUMBER and _COMPANY_REGISTRY_LABEL.search(
            text, 0, match.start("id")
        ):
            continue
        if valid(written):
            found.append(Found(kind, match.start("id"), match.end("id"), mask(kind, written)))
    return found


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches at every start position, not only the non-overlapping ones ``finditer`` gives: a
    failed validation must not hide a valid candidate that starts inside it."""
    matches = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        matches.append(match)
        position = match.start() + 1
    return matches


def _legacy_afms(text: str) -> list[Found]:
    found = []
    for match in _LEGACY_AFM.finditer(text):
        if ids.is_afm(match["digits"]):
            start = match.start("prefixed") if match["prefixed"] else match.start("labelled")
            written = text[start : match.end("digits")]
            found.append(Found(Kind.AFM, start, match.end("digits"), mask(Kind.AFM, written)))
    return found


def _labelled_afms(text: str) -> list[Found]:
    found = []
    for match in _LABELLED_AFM.finditer(text):
        digits = ids.compact(match["digits"])
        if ids.is_afm(digits):
            start, end = match.start("digits"), match.end("digits")
            found.append(Found(Kind.AFM, start, end, mask(Kind.AFM, digits)))
    return found


def mask(kind: Kind, written: str) -> str:
    """``written`` with every character but the last ``KEPT_CHARACTERS`` of its value (no
    separators, no EL/+30 prefix) as ``*``: ``EL 094 019 245`` -> ``*******45``."""
    value = _value(kind, written)
    hidden = max(len(value) - KEPT_CHARACTERS, 1)
    return "*" * hidden + value[hidden:]


def _value(kind: Kind, written: str) -> str:
    if kind is Kind.AFM:
        return ids.afm_digits(written) or ids.compact(written)
    if kind is Kind.PHONE:
        return ids.phone_digits(written) or ids.compact(written)
    if kind is Kind.EMAIL:
        return written.strip()
    return ids.compact(written).upper()


# Legal-form words and public bodies, compared without accents or the dots of abbreviations
# (Α.Ε. -> ΑΕ, Ι.Κ.Ε. -> ΙΚΕ, ΚΟΙΝ.Σ.ΕΠ. -> ΚΟΙΝΣΕΠ).
LEGAL_FORMS = frozenset(
    """
    ΑΕ ΑΒΕΕ ΑΕΒΕ ΑΤΕ ΑΤΕΒΕ ΑΕΤΕ ΑΞΤΕ ΕΠΕ ΟΕ ΕΕ ΙΚΕ ΜΙΚΕ ΣΙΑ ΜΟΝΟΠΡΟΣΩΠΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ
    ΕΤΑΙΡΙΑ ΚΟΙΝΟΠΡΑΞΙΑ ΣΥΝΕΤΑΙΡΙΣΜΟΣ ΚΟΙΝΣΕΠ ΑΜΚΕ ΝΠΔΔ ΝΠΙΔ ΔΕΥΑ ΔΗΜΟΣ ΔΗΜΟΥ
    ΠΕΡΙΦΕΡΕΙΑ ΠΕΡΙΦΕΡΕΙΑΣ ΣΥΝΔΕΣΜΟΣ ΣΥΝΔΕΣΜΟΥ ΥΠΟΥΡΓΕΙΟ ΟΡΓΑΝΙΣΜΟΣ ΣΥΛΛΟΓΟΣ ΣΩΜΑΤΕΙΟ ΙΔΡΥΜΑ
    ΕΠΙΜΕΛΗΤΗΡΙΟ ΤΑΜΕΙΟ ΝΟΣΟΚΟΜΕΙΟ ΠΑΝΕΠΙΣΤΗΜΙΟ ΚΟΙΝΩΦΕΛΗΣ ΔΗΜΟΤΙΚΗ ΔΗΜΟΤΙΚΟ ΔΗΜΟΤΙΚΟΣ
    LTD LIMITED SA AG GMBH INC LLC SRL BV PLC
    """.split()
)
_WORDS = re.compile(r"[0-9A-ZΑ-Ω]+")


def is_legal_entity_name(text: str) -> bool:
    """Whether ``text`` names a legal entity: it carries a legal-form word (Α.Ε., Ε.Π.Ε., Ο.Ε.,
    Ε.Ε., Ι.Κ.Ε., Μ.Ι.Κ.Ε., ΚΟΙΝ.Σ.ΕΠ., ΝΠΔΔ, ΝΠΙΔ, LTD…) or names a public body (ΔΗΜΟΣ,
    ΠΕΡΙΦΕΡΕΙΑ, ΣΥΝΔΕΣΜΟΣ, ΔΕΥΑ…), however accented, dotted or cased."""
    words = _WORDS.findall(text.upper().translate(_UNACCENTED_CAPITALS))
    return any(word in LEGAL_FORMS for word in words)


#: Greek capitals without their accents, and no dots or combining marks, by one table: a scan
#: asks this of every name in a store (``without_accents`` decomposes each character).
_UNACCENTED_CAPITALS = str.maketrans(
    {
        **dict(zip("ΆΈΉΊΌΎΏΪΫ", "ΑΕΗΙΟΥΩΙΥ", strict=True)),
        ".": None, "\u0301": None, "\u0308": None, "\u0344": None,
    }
)  # fmt: skip


def is_public_body_afm(afm: str) -> bool:
    """Whether ``afm`` is the tax number of a municipality, region or regional unit of the
    organisation code list (``ontologies/codelists/municipalities.ttl``, ``dorg:vatNumber``)."""
    digits = ids.afm_digits(afm)
    return digits is not None and digits in public_body_afms()


@cache
def public_body_afms() -> frozenset[str]:
    store = ox.Store()
    codes = standards_path("ontologies") / "codelists" / "municipalities.ttl"
    store.load(path=str(codes), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        "SELECT ?afm WHERE { ?body <https://w3id.org/demoi/def/organisation#vatNumber> ?afm }"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    return frozenset(str(row["afm"].value) for row in solutions)


# ---------------------------------------------------------------------------------------------
# Names of natural persons

# «ΕΠΩΝΥΜΟ,,ΟΝΟΜΑ,ΠΑΤΡΩΝΥΜΟ»: the tax registry's form of an individual's name, as Diavgeia
# gives the counterparties of payments (the empty field is the second surname, and it is what
# tells the form from a list of words in capitals: «ΑΘΗΝΑ,ΠΑΤΡΑ,ΛΑΡΙΣΑ» is not a name). Capital
# letters only, Greek or Latin, with hyphens and apostrophes inside a word.
_NAME_WORD = r"[Α-ΩΆΈΉΊΌΎΏΪΫA-Z](?:[Α-ΩΆΈΉΊΌΎΏΪΫA-Z'\-]*[Α-ΩΆΈΉΊΌΎΏΪΫA-Z])?"
# The surname and the father's name are one word each (hyphenated at most), the first name one
# or two: a part with spaces would run on into the capitals after it («ΙΩΑΝΝΗΣ ΑΦΜ EL …»).
_REGISTRY_NAME = re.compile(
    rf"(?<![\w,]){_NAME_WORD},,{_NAME_WORD}(?: {_NAME_WORD})?(?:,(?:{_NAME_WORD})?)?(?![\w,])"
)


def registry_names(text: str) -> list[Found]:
    """Names in the registry's form, unless they name a legal entity (a company registered as
    «ΕΤΑΙΡΕΙΑ,,Α.Ε.» is not a person)."""
    return [
        Found(Kind.PERSON_NAME, match.start(), match.end(), mask_name(match.group()))
        for match in _REGISTRY_NAME.finditer(text)
        if not is_legal_entity_name(match.group().replace(",", " "))
    ]


def mask_name(name: str) -> str:
    """The initials only: «ΠΑΠΑΔΟΠΟΥΛΟΣ,,ΓΕΩΡΓΙΟΣ,ΙΩΑΝΝΗΣ» -> «Π.,,Γ.,Ι.»."""
    return ",".join(f"{part.strip()[0]}." if part.strip() else "" for part in name.split(","))


# Column headers that hold natural persons' names, compared lower-case without accents. Not a
# bare «Όνομα»: it heads the names of places and services as often as first names, and a register
# of persons has its «Επώνυμο» column beside it.
NAME_COLUMNS = frozenset(
    {
        "ονοματεπωνυμο", "επωνυμο", "ονομα πατρος", "ονομα μητρος", "πατρωνυμο",
        "μητρωνυμο", "full name", "fullname", "surname", "last name", "first name",
        "given name", "father's name", "fathers name",
    }
)  # fmt: skip
#: Headers that stay personal whatever follows them («Ονοματεπώνυμο δικαιούχου»).
_NAME_COLUMN_STEMS = ("ονοματεπωνυμο", "επωνυμο ", "full name", "surname ")


def is_person_name_column(header: str) -> bool:
    """Whether a column named ``header`` holds persons' names: «Ονοματεπώνυμο», «ΕΠΩΝΥΜΟ»,
    «Όνομα πατρός», «Ονοματεπώνυμο δικαιούχου»; not «Επωνυμία» (a company's name) nor «Όνομα
    υπηρεσίας» (a name, not a person's)."""
    words = " ".join(without_accents(header).lower().replace("_", " ").split())
    return words in NAME_COLUMNS or words.startswith(_NAME_COLUMN_STEMS)


#: Words that name an office of a public body (accents removed, case folded, as word starts).
OFFICE_WORDS = tuple(
    "διευθυνσ,τμημα,γραφει,υπηρεσι,αυτοτελ,δημος,δημου,αντιδημαρχι,γραμματει,δευα,νπδδ,κεπ ,"
    "directorate,department,office,unit ,service,municipality".split(",")
)
#: Where an office's name may be joined to a person's («Γ. Παπαδόπουλος, Τμήμα …», "John
#: Smith (customer service)", «Τμήμα Πληροφορικής & Γιάννης Παπαδόπουλος», "… and John Smith"):
#: each part must name an office on its own.
NAME_PARTS = re.compile(r"[,;:()\[\]/|–—&·•+\n\r]|-|\s(?:και|κι|and|with|με|c/o)\s", re.IGNORECASE)


def plain_words(text: str) -> str:
    """Text for keyword matching: no accents, case folded, words separated by one space."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").casefold()
    return " " + " ".join(re.findall(r"\w+", plain)) + " "


def is_office_name(name: str) -> bool:
    """An office's name alone, such as «Τμήμα Ηλεκτρονικής Διακυβέρνησης»: every part of it
    names an office (or it is a legal entity's name), so that a person's name beside a unit is
    not published as a contact point (the catalogue and harvested records are public). A
    person's name run into the unit's without any separator is not recognised."""
    if is_legal_entity_name(name):
        return True
    parts = [part for part in NAME_PARTS.split(name) if part.strip()]
    return bool(parts) and all(
        any(f" {stem}" in plain_words(part) for stem in OFFICE_WORDS) for part in parts
    )
