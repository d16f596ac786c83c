"""Scanning tables, RDF and source files for personal data: every identifier
``demoi.privacy.detect`` finds, where it is, masked, unless it belongs to a legal entity.

Two passes, for tables and RDF alike (here folded into one read and a resolution at the end,
so that a file of millions of triples is parsed once, as it is read):

1. **Entity identifiers.** Identifiers of legal entities and organisations are not personal
   data and pass everywhere in the same scan: the ΑΦΜ of public bodies and of the 8/9 series
   (given to legal persons only); in a table, the whole-cell identifiers of a row whose entity
   name column holds a legal-entity name; in RDF, the identifiers in the IRI, the literals and
   the ``mailto:``/``tel:`` values of a node the rest of the store types as an organisation (a
   node typed only legal:LegalEntity or org:FormalOrganization may be a sole trader: it also
   needs a legal-entity name). The scanned data's own say is weaker, since whoever uploads it
   writes it: a node it types as an organisation owns its identifiers only with a legal-entity
   name, or, typed as a public body or office, only those an office has (a ΑΦΜ, a landline, a
   functional mailbox). ΑΜΚΑ, ΑΔΤ and the Personal Number are never an entity's.
2. **Findings.** Every other identifier, in every cell, literal (its lexical form, whatever
   its datatype, language tag included) and IRI (subject, predicate, object, datatype, graph
   name, and inside quoted triples), unless a policy declares its column not personal, the
   column or property holds codes by definition (Diavgeia uids, skos:notation: for the
   ΑΦΜ look-alikes only), it is an office's mailbox (``FUNCTIONAL_LOCAL_PARTS``), or it is
   an example in the documentation of a term the shipped standards define.

The precision of the guard lives here: look-alikes are the detector's concern, legal entities
this module's. ``find_identifiers`` is costly (dozens of patterns), so texts go through a cheap
prefilter first (``_PREFILTER``): only the few that have the shape of some identifier reach it.
"""

from __future__ import annotations

import dataclasses
import decimal
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote

import pyoxigraph as ox

from demoi.privacy import identifiers as ids
from demoi.privacy.detect import (
    LABELS,
    Found,
    Kind,
    find_in_normalised,
    is_legal_entity_name,
    is_person_name_column,
    is_public_body_afm,
    mapped,
    mask,
    mask_name,
    needs_normalising,
    normalise,
)
from demoi.resources import standards_path
from demoi.transliteration import without_accents

if TYPE_CHECKING:
    from demoi.lifting.tabular import Table
    from demoi.store import Store


# ---------------------------------------------------------------------------------------------
# Findings


@dataclass(frozen=True)
class Where:
    """Where a finding is. Tables: file, sheet (workbooks), table (a source's named table when it
    has several), row (1-based line/row number in the file when known, else the row's index+1),
    column (the column's name). JSON files: file, line, pointer (JSON path such as
    decisions[3].extraFieldValues.sponsor[0].sponsorAFMName.afm). RDF: graph, subject, predicate,
    and part ("object", "subject IRI", "predicate IRI", "object IRI", "datatype IRI",
    "language tag", "graph IRI")."""

    file: str = ""
    sheet: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None
    pointer: str | None = None
    graph: str | None = None
    subject: str | None = None
    predicate: str | None = None
    part: str | None = None

    def text(self, language: str = "en") -> str:
        """«4401-2025.csv, row 12, column afm», «subject <…>, predicate <…>, object»."""
        words = _WHERE_WORDS.get(language, _WHERE_WORDS["en"])
        parts = [self.file] if self.file else []
        if self.sheet is not None:
            parts.append(f"{words['sheet']} {self.sheet!r}")
        if self.table is not None:
            parts.append(f"{words['table']} {self.table}")
        if self.row is not None:
            parts.append(f"{words['row']} {self.row}")
        if self.line is not None:
            parts.append(f"{words['line']} {self.line}")
        if self.column is not None:
            parts.append(f"{words['column']} {self.column}")
        if self.pointer is not None:
            parts.append(self.pointer)
        if self.graph is not None:
            parts.append(f"{words['graph']} <{self.graph}>")
        if self.subject is not None:
            parts.append(f"{words['subject']} {_term_text(self.subject)}")
        if self.predicate is not None:
            parts.append(f"{words['predicate']} <{self.predicate}>")
        if self.part is not None:
            parts.append(words.get(self.part, self.part))
        return ", ".join(parts) or "<input>"

    def as_json(self) -> dict[str, object]:
        return {
            name: value
            for name, value in dataclasses.asdict(self).items()
            if value is not None and value != ""
        }


_WHERE_WORDS = {
    "en": {
        "sheet": "sheet", "table": "table", "row": "row", "line": "line", "column": "column",
        "graph": "graph", "subject": "subject", "predicate": "predicate",
    },
    "el": {
        "sheet": "φύλλο", "table": "πίνακας", "row": "γραμμή", "line": "γραμμή",
        "column": "στήλη", "graph": "γράφος", "subject": "υποκείμενο",
        "predicate": "κατηγόρημα", "object": "αντικείμενο", "subject IRI": "IRI υποκειμένου",
        "object IRI": "IRI αντικειμένου", "graph IRI": "IRI γράφου",
        "predicate IRI": "IRI κατηγορήματος", "datatype IRI": "IRI τύπου δεδομένων",
        "language tag": "ετικέτα γλώσσας",
    },
}  # fmt: skip


def _term_text(term: str) -> str:
    return term if term.startswith("_:") else f"<{term}>"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    where: Where
    #: Never the identifier itself: its last characters (or a name's initials).
    masked: str

    def line(self, language: str = "el") -> str:
        """One readable line: «ΑΦΜ *******45: 4401-2025.csv, γραμμή 12, στήλη afm»."""
        label = LABELS[self.kind].get(language, LABELS[self.kind]["en"])
        return f"{label} {self.masked}: {self.where.text(language)}"

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "label": dict(LABELS[self.kind]),
            "where": self.where.as_json(),
            "masked": self.masked,
        }


#: (table name, column name) -> kinds declared not personal in that column (from the policy).
NotPersonal = Mapping[tuple[str, str], frozenset[Kind]]


# ---------------------------------------------------------------------------------------------
# Identifiers in a text

# What every identifier the detector validates contains, and little else does: nine digits in
# three groups (ΑΦΜ, the Personal Number), eight in a row (a legacy ΑΦΜ), six and five (ΑΜΚΑ),
# ten digits from 69 or 21-28 (a phone), GR and two digits (IBAN), a letter and six digits
# (ΑΔΤ), three letters and four digits (a plate), "@" (e-mail), ",," (a registry name). Amounts,
# KAE codes and dates mostly fail it, and so never reach the dozens of patterns of the detector.
# The pattern opens with one character class (a digit, "G", "@" or ","), the branches looking
# behind it for what it was, and the letters of a card or plate are looked behind the number:
# the regex engine then skips every other character at the speed of a class lookup, instead of
# trying each branch at each character (the texts of a store are mostly letters).
_PREFILTER = re.compile(
    (
        r"[0-9Gg@,](?:(?<=[0-9])(?:"
        r"[0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}|[0-9]{7}|[0-9]{5}[ \-]?[0-9]{5}"
        r"|(?:[ .\-][0-9]){8}"
        r"|(?:(?<=6)9|(?<=2)[1-8])(?:(?:[ .\-]|\)\s?)?[0-9]){8}"
        r"|(?:(?<=_L[0-9])|(?<=_L-[0-9])|(?<=_S [0-9]))[0-9]{5}"
        r"|(?:(?<=_L_L_L[1-9])|(?<=_L_L_L-[1-9])|(?<=_S_S_S [1-9]))[0-9]{3}"
        r")|(?<=[Gg])[Rr][0-9]{2}|(?<=@)|(?<=,),)"
    )
    .replace("_L", "[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧABEZHIKMNOPTYXαβεζηικμνορτυχabezhikmnoptyx]")
    # Spaced from the number, Latin letters in lower case are English words («decision 7028»).
    .replace("_S", "[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧABEZHIKMNOPTYXαβεζηικμνορτυχ]")
)
# The scheme and authority of an IRI: a host or port is never personal data, and the digits of
# 127.0.0.1:8000 would send every IRI of a local deployment through the detector.
_IRI_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*")


def candidates(text: str) -> list[Found]:
    """``find_identifiers`` behind the prefilter: the same answer, much faster on the texts
    that cannot hold an identifier."""
    if _PREFILTER.search(text) is None:
        # Fullwidth or Arabic-Indic digits, a zero-width space inside a number: only then
        # is the text normalised before it is looked at again.
        if text.isascii() or not needs_normalising(text):
            return []
        normal, positions = normalise(text)
        if _PREFILTER.search(normal) is None:
            return []
    else:
        normal, positions = normalise(text)
    return mapped(find_in_normalised(normal), positions)


@lru_cache(maxsize=1 << 16)
def _iri_candidates(iri: str) -> tuple[str, tuple[Found, ...]]:
    """The IRI as read (percent-decoded) and the identifiers in its path, query and fragment;
    cached, since a subject's IRI comes once for each of its triples."""
    text = unquote(iri) if "%" in iri else iri
    authority = _IRI_AUTHORITY.match(text)
    start = authority.end() if authority else 0
    if _PREFILTER.search(text, start) is None and (text.isascii() or not needs_normalising(text)):
        return text, ()
    found = candidates(text[start:])
    return text, tuple(
        dataclasses.replace(f, start=f.start + start, end=f.end + start) for f in found
    )


def masked_text(text: str, found: Sequence[Found] | None = None) -> str:
    """``text`` with every identifier in it masked, to show a place (an IRI, a JSON path)
    without showing what is found there."""
    found = candidates(text) if found is None else found
    for hit in sorted(found, key=lambda f: f.start, reverse=True):
        text = text[: hit.start] + hit.masked + text[hit.end :]
    return text


@lru_cache(maxsize=256)
def masked_name(name: str) -> str:
    """A file's name masked like a place: «ΠΑΠΑΔΟΠΟΥΛΟΣ,,ΓΕΩΡΓΙΟΣ,ΙΩΑΝΝΗΣ 6912345678.nt»
    names a person."""
    return masked_text(name) if name else name


def masked_iri(iri: str) -> str:
    text, found = _iri_candidates(iri)
    return masked_text(text, found) if found else text


def identity(kind: Kind, written: str) -> tuple[Kind, str]:
    """What two writings of one identifier share: «EL 094 019 245» and «094019245»."""
    written = normalise(written)[0]
    if kind is Kind.AFM:
        return kind, ids.afm_digits(written) or ids.compact(written).upper()
    if kind is Kind.PHONE:
        return kind, ids.phone_digits(written) or ids.compact(written).upper()
    if kind is Kind.EMAIL:
        return kind, written.strip().lower()
    return kind, ids.compact(written).upper()


#: The identifiers an organisation can have. ΑΜΚΑ, ΑΔΤ and the Personal Number are natural
#: persons' only: stated on an organisation's node or row, they are still a person's.
ENTITY_KINDS = frozenset({Kind.AFM, Kind.IBAN, Kind.PHONE, Kind.EMAIL, Kind.PLATE})


def is_legal_person_afm(value: str) -> bool:
    """A public body's ΑΦΜ, or one of the 8xxxxxxxx / 9xxxxxxxx series, which the tax
    administration gives to legal persons only (as ``lifting.sources._counterparties``)."""
    return value[:1] in ("8", "9") or is_public_body_afm(value)


# ---------------------------------------------------------------------------------------------
# E-mail addresses of offices

#: Local parts of an office's mailbox, not a person's, as Greek public bodies and the
#: organisations demoi meets name them (the municipal sites' transliterations: grammateia,
#: protokollo, dimarxos, adeies). A fixed list, at any domain: a public body's domain does not
#: make a mailbox functional (gpapadopoulos@kalamata.gr is a person's), and a one-word local
#: part not in the list (giorgos@) may be anyone's.
FUNCTIONAL_LOCAL_PARTS = frozenset(
    """
    info contact contactus enquiries inquiries opendata data dpo gdpr privacy press media pr
    grammateia grammatia grammateias secretariat secretary protokollo protokolo protocol kep
    adeies adeia dimarxos dimarchos dimarxou dimarchou mayor dimarxeio dimarcheio dimos
    antidimarxos antidimarchos ds dimotikosymvoulio symvoulio council epitropi committee
    support helpdesk help webmaster postmaster hostmaster abuse noreply no reply donotreply
    admin office grafeio typou tech it hr prosopiko logistirio tameio oikonomiki oikonomikes
    promithies promitheies procurement diavgeia ode manager poleodomia ydom ypodomes
    texniki texnikes technical perivallon kathariotita prasino pronoia koinoniki paideia
    politismos athlitismos tourismos dimotologio lixiarxeio lixiarheio politiki prostasia
    civil protection kdap kapi deya ydrefsi billing sales orders hello feedback newsletter
    mail email inbox service services ypiresia ypiresies tmima department dieuthinsi
    diefthinsi directorate
    """.split()
)
_LOCAL_PART_WORDS = re.compile(r"[^._\-+0-9]+")


def is_functional_local_part(local: str) -> bool:
    """opendata, info, grammateia.dimarxou, kep-2: an office's mailbox; g.papadopoulos,
    gpapadopoulos, giorgos: a person's. Every word of the local part is in
    ``FUNCTIONAL_LOCAL_PARTS`` (digits and separators aside)."""
    words = _LOCAL_PART_WORDS.findall(local.lower())
    return bool(words) and all(word in FUNCTIONAL_LOCAL_PARTS for word in words)


# ---------------------------------------------------------------------------------------------
# The scan: hits collected while reading, resolved against the entities at the end


@dataclass(frozen=True)
class _Hit:
    kind: Kind
    key: tuple[Kind, str]
    masked: str
    where: Where
    #: The node (RDF) whose identifier this is; None in tables.
    owner: str | None = None
    #: The subject of a documentation literal (RDF), to tell the standards' examples.
    documents: str | None = None


class _Scan:
    """Hits and entity identifiers of one scan; ``findings`` resolves them."""

    def __init__(self) -> None:
        self.hits: list[_Hit] = []
        self.entity_keys: set[tuple[Kind, str]] = set()

    def add(self, found: Found, written: str, where: Where, **extra: str | None) -> None:
        key = identity(found.kind, written)
        if found.kind is Kind.AFM and is_legal_person_afm(key[1]):
            return  # a legal person's whatever the rest of the scan says: no need to keep it
        self.hits.append(_Hit(found.kind, key, found.masked, where, **extra))

    def personal(self, hit: _Hit) -> bool:
        kind, value = hit.key
        if hit.key in self.entity_keys:
            return False
        if kind is Kind.AFM and is_legal_person_afm(value):
            return False
        return not (kind is Kind.EMAIL and is_functional_local_part(value.rpartition("@")[0]))

    def findings(self, hits: Iterable[_Hit] | None = None) -> list[Finding]:
        """The personal hits, each identifier once at each place (an address written twice in
        one cell or literal is one finding)."""
        findings: dict[tuple[tuple[Kind, str], Where], Finding] = {}
        for hit in self.hits if hits is None else hits:
            if hit.kind is Kind.PERSON_NAME or self.personal(hit):
                findings.setdefault((hit.key, hit.where), Finding(hit.kind, hit.where, hit.masked))
        return list(findings.values())


# ---------------------------------------------------------------------------------------------
# Tables (and the rows of JSON objects)

#: Words of a column header that names an organisation (compared lower-case, no accents).
ENTITY_NAME_WORDS = frozenset(
    {"name", "επωνυμια", "ονομασια", "company", "φορεας", "legalname", "organisation",
     "organization", "organisationname", "organizationname", "επιχειρηση", "αναδοχος",
     "label"}
)  # fmt: skip
_HEADER_WORDS = re.compile(r"[^\W_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTER = re.compile(r"[^\W\d_]")


def header_words(header: str) -> str:
    """«legalName», «legal_name», «Legal name» -> «legal name»."""
    spaced = _CAMEL.sub(" ", header)
    return " ".join(_HEADER_WORDS.findall(without_accents(spaced).lower()))


def is_entity_name_column(header: str) -> bool:
    """Whether a column named ``header`` holds an organisation's name: «Επωνυμία αναδόχου»,
    «name», «legal_name», «Φορέας»; not a person's («Επώνυμο», «Ονοματεπώνυμο»)."""
    if is_person_name_column(header) or is_person_name_column(header_words(header)):
        return False
    words = header_words(header).split()
    return any(word in ENTITY_NAME_WORDS for word in words) or "".join(words) in ENTITY_NAME_WORDS


#: Columns of codes by definition, as the code properties in RDF: Diavgeia's uids of units,
#: organisations and signers (nine digits, one in ten with an ΑΦΜ's check digit by chance), the
#: keys that refer to them, and budget codes (a ΚΑΕ such as 2410202001 reads as a landline).
CODE_COLUMN_WORDS = frozenset({"uid", "uids", "kae", "καε", "κ.α.ε"})
CODE_COLUMNS = frozenset(
    {
        "unit id", "unit ids", "parent id", "organization id", "organisation id",
        "supervisor id", "signer id", "signer ids", "signers ids", "signer uid",
    }
)  # fmt: skip
#: What a code column may look like: an ΑΦΜ (nine digits) or a phone (ten digits). Any other
#: identifier there (an e-mail, an IBAN, an ΑΜΚΑ) is what it is, and still reported.
CODE_LOOKALIKE_KINDS = frozenset({Kind.AFM, Kind.PHONE})


def is_code_column(header: str) -> bool:
    """«uid», «DIAVGEIA_UID», «unitUid», «unitIds», «parentId», «signerIds», «kae»: codes, in
    which a nine- or ten-digit number is no ΑΦΜ and no phone."""
    words = header_words(header)
    return words in CODE_COLUMNS or any(word in CODE_COLUMN_WORDS for word in words.split())


def is_afm_column(header: str) -> bool:
    """«ΑΦΜ», «Α.Φ.Μ. Αναδόχου», «afm», «VAT number»: a column of tax numbers, where a bare
    eight-digit number is one whose leading 0 was lost (a workbook stores it as a number)."""
    words = header_words(header).split()
    return "αφμ" in "".join(words) or any(word in ("afm", "vat", "tin") for word in words)


def _unpadded_afm(text: str) -> tuple[Found, ...]:
    """An ΑΦΜ of the 0 series that lost its leading 0, as the only content of a cell."""
    if len(text) == 8 and text.isdigit() and ids.is_afm(text):
        return (Found(Kind.AFM, 0, 8, mask(Kind.AFM, text)),)
    return ()


def is_name_column(header: str) -> bool:
    return is_person_name_column(header) or is_person_name_column(header_words(header))


#: A column by its names: the first is the one shown and declared in the policy, the others
#: the source headers it was read from; () for text outside any column (a title line, a key).
ColumnNames = tuple[str, ...]
#: Where the cell at a position of the row is; called only for a hit.
Locate = Callable[[int], Where]


def _initials(name: str) -> str:
    """A person's name masked: the registry form's initials by field («Π.,,Γ.,Ι.»), else each
    word's («Γ. Π.»)."""
    if "," in name:
        return mask_name(name)
    return " ".join(f"{word[0]}." for word in name.split())


@lru_cache(maxsize=1 << 14)
def _cell_candidates(text: str) -> tuple[Found, ...]:
    """``candidates`` of a cell, cached: a table repeats its values (a supplier's ΑΦΜ on each of
    its payments)."""
    return tuple(candidates(text))


@lru_cache(maxsize=1 << 14)
def _legal_entity_parts(text: str) -> tuple[bool, ...]:
    return tuple(is_legal_entity_name(part) for part in _parts(text))


class _TableScan(_Scan):
    def __init__(self, not_personal: NotPersonal | None = None) -> None:
        super().__init__()
        self.not_personal = not_personal or {}
        self._column_kinds: dict[ColumnNames, tuple[bool, bool, bool, bool]] = {(): _PLAIN}

    def _kinds_of(self, names: ColumnNames) -> tuple[bool, bool, bool, bool]:
        """(person-name column, entity-name column, code column, ΑΦΜ column) for a column of
        these names."""
        known = self._column_kinds.get(names)
        if known is None:
            person = any(is_name_column(name) for name in names)
            entity = not person and any(is_entity_name_column(name) for name in names)
            code = not person and any(is_code_column(name) for name in names)
            afm = any(is_afm_column(name) for name in names)
            known = self._column_kinds[names] = (person, entity, code, afm)
        return known

    def row(
        self,
        columns: Sequence[ColumnNames],
        texts: Sequence[str],
        locate: Locate,
        table: str = "",
    ) -> None:
        kinds = [self._kinds_of(names) for names in columns]
        entities = [
            _legal_entity_parts(text)
            for text, (_, entity, _, _) in zip(texts, kinds, strict=False)
            if entity and text
        ]
        for position, (names, text, (person, entity, code, afm)) in enumerate(
            zip(columns, texts, kinds, strict=False)
        ):
            if not text:
                continue
            declared = self.not_personal.get((table, names[0])) if names else None
            found: Sequence[Found] = _cell_candidates(text) or (_unpadded_afm(text) if afm else ())
            if code:
                found = [f for f in found if f.kind not in CODE_LOOKALIKE_KINDS]
            if person:
                found = [f for f in found if f.kind is not Kind.PERSON_NAME]
                if (
                    _LETTER.search(text)
                    and not is_legal_entity_name(text)
                    and not (declared and Kind.PERSON_NAME in declared)
                ):
                    name = (Kind.PERSON_NAME, "")
                    self.hits.append(
                        _Hit(Kind.PERSON_NAME, name, _initials(text), locate(position))
                    )
            if not found:
                continue
            if entities and not entity:
                self.entity_keys.update(_entity_identifiers(text, entities, afm=afm))
            where: Where | None = None
            for hit in found:
                if declared and hit.kind in declared:
                    continue
                written = text[hit.start : hit.end]
                if hit.kind is Kind.AFM and is_legal_person_afm(identity(hit.kind, written)[1]):
                    continue
                where = where or locate(position)
                self.add(hit, written, where)


def _parts(text: str) -> list[str]:
    """The values of a cell that holds several («ΑΛΦΑ Α.Ε. | ΒΗΤΑ Ε.Π.Ε.», as ΚΗΜΔΗΣ lists the
    members of a joint venture; one a line in a workbook's cell), or the cell itself."""
    if "|" not in text and "\n" not in text:
        return [text]
    return [part.strip() for part in _PART_SEPARATOR.split(text.strip())]


_PART_SEPARATOR = re.compile(r"\s*[|\n]\s*")


def _entity_identifiers(
    text: str, entities: list[tuple[bool, ...]], *, afm: bool = False
) -> set[tuple[Kind, str]]:
    """The identifiers of ``text`` that are the legal entities' of the row: the whole cell (or
    each of its values, paired with the entity names listed in the same order) when the entity
    name it goes with is a legal entity's. ``afm``: the cell is in a column of tax numbers."""
    parts = _parts(text)
    keys: set[tuple[Kind, str]] = set()
    for legal in entities:
        if len(legal) != len(parts):
            continue
        for is_legal, part in zip(legal, parts, strict=True):
            if not is_legal:
                continue
            found = _cell_candidates(part) or (_unpadded_afm(part) if afm else ())
            if len(found) == 1 and found[0].kind in ENTITY_KINDS and _is_whole(found[0], part):
                keys.add(identity(found[0].kind, part[found[0].start : found[0].end]))
    return keys


_PLAIN = (False, False, False, False)


def _is_whole(found: Found, text: str) -> bool:
    return found.start == len(text) - len(text.lstrip()) and found.end == len(text.rstrip())


def scan_tables(
    tables: Mapping[str, Table],
    *,
    source: str,
    not_personal: NotPersonal | None = None,
    headers: Mapping[str, Sequence[str]] | None = None,
) -> list[Finding]:
    """The personal data in a source's tables, by cell. ``headers`` gives, for a canonical
    column name, the source headers it was read from, so that «Ονοματεπώνυμο» read as
    ``beneficiary`` is still a person-name column."""
    scan = _TableScan(not_personal)
    several = len(tables) > 1
    for name, table in tables.items():
        columns = [(column, *(headers or {}).get(column, ())) for column in table.columns]
        base = Where(file=table.file or source, sheet=table.sheet, table=name if several else None)
        for index, texts in enumerate(table.rows):
            line = table.lines[index] if index < len(table.lines) and table.lines[index] else None
            scan.row(columns, texts, _locate_in_row(base, line or index + 1, columns), name)
    return scan.findings()


def excused_identities(
    tables: Mapping[str, Table], not_personal: NotPersonal
) -> frozenset[tuple[Kind, str]]:
    """The identities found in the columns a policy declares not personal, of the kinds it
    declares: the RDF lifted from those cells is not personal either (a Diavgeia unit's uid in
    its IRI, read as an ΑΦΜ)."""
    excused: set[tuple[Kind, str]] = set()
    for (name, column), kinds in not_personal.items():
        table = tables.get(name)
        if table is None or column not in table.columns:
            continue
        position = table.columns.index(column)
        for row in table.rows:
            cell = row[position]
            for found in candidates(cell):
                if found.kind in kinds:
                    excused.add(identity(found.kind, cell[found.start : found.end]))
    return frozenset(excused)


def _locate_in_row(base: Where, row: int, columns: Sequence[ColumnNames]) -> Locate:
    def locate(position: int) -> Where:
        # Names come from the file (a header that is really a data row, a sheet named after a
        # person): shown masked like everything else.
        names = columns[position] if position < len(columns) else ()
        return dataclasses.replace(
            base,
            file=masked_name(base.file),
            sheet=masked_text(base.sheet) if base.sheet else base.sheet,
            table=masked_text(base.table) if base.table else base.table,
            row=row,
            column=masked_text(names[0]) if names else None,
        )

    return locate


# ---------------------------------------------------------------------------------------------
# RDF

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ORG = "http://www.w3.org/ns/org#"
LEGAL_ENTITY = "http://www.w3.org/ns/legal#LegalEntity"
FORMAL_ORGANIZATION = _ORG + "FormalOrganization"
PUBLIC_ORGANISATION = "http://data.europa.eu/m8g/PublicOrganisation"
ORGANIZATIONAL_UNIT = _ORG + "OrganizationalUnit"
#: Organisation classes of the vocabularies demoi uses (demoi's own are added from the
#: ontologies: every class under one of these).
ORGANISATION_CLASSES = frozenset(
    {
        _ORG + "Organization", FORMAL_ORGANIZATION, ORGANIZATIONAL_UNIT, PUBLIC_ORGANISATION,
        LEGAL_ENTITY, "http://xmlns.com/foaf/0.1/Organization",
        "http://www.w3.org/2006/vcard/ns#Organization", "http://schema.org/Organization",
        "https://schema.org/Organization",
    }
)  # fmt: skip
#: Classes that a sole trader may be typed with: their ΑΦΜ is personal data unless the node
#: has a legal-entity name.
MAY_BE_PERSON = frozenset({LEGAL_ENTITY, FORMAL_ORGANIZATION})
#: Classes of public bodies and their offices (and demoi's under them: dorg:Municipality,
#: dorg:Directorate…): typed so by the scanned data itself, a node's office identifiers (see
#: ``is_office_identifier``) are the body's.
PUBLIC_ORGANISATION_CLASSES = frozenset({ORGANIZATIONAL_UNIT, PUBLIC_ORGANISATION})
#: Names of a node (legal:legalName, skos:prefLabel, rdfs:label, foaf:name, vcard:fn).
NAME_PREDICATES = frozenset(
    ox.NamedNode(iri)
    for iri in (
        "http://www.w3.org/ns/legal#legalName",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://xmlns.com/foaf/0.1/name",
        "http://www.w3.org/2006/vcard/ns#fn",
    )
)
_DORG = "https://w3id.org/demoi/def/organisation#"
#: Properties whose values are codes by definition (ontologies/organisation.ttl, SKOS): a
#: nine-digit code there is no ΑΦΜ (Diavgeia's uids look like one); any other identifier is.
# Only those whose codes can look like an ΑΦΜ (Diavgeia's uids run to nine digits, a notation
# may be anything): found in re-review, dorg:elstatCode "123456783" was excused, though ELSTAT,
# ΥΠΕΣ and Kallikratis codes never have nine digits and NUTS codes have letters.
CODE_PREDICATES = frozenset(
    ox.NamedNode(iri)
    for iri in (
        _DORG + "diavgeiaUid", _DORG + "diavgeiaUnitUid",
        "http://www.w3.org/2004/02/skos/core#notation",
    )
)  # fmt: skip
#: Properties that document a vocabulary: their literals in the standards are examples.
DOCUMENTATION_PREDICATES = frozenset(
    ox.NamedNode(iri)
    for iri in (
        "http://www.w3.org/ns/shacl#message",
        "http://www.w3.org/2004/02/skos/core#definition",
        "http://www.w3.org/2004/02/skos/core#scopeNote",
        "http://www.w3.org/2004/02/skos/core#example",
        "http://www.w3.org/2004/02/skos/core#editorialNote",
        "http://www.w3.org/2004/02/skos/core#note",
        "http://www.w3.org/2000/01/rdf-schema#comment",
        "http://purl.org/dc/terms/description",
        "http://purl.org/dc/elements/1.1/description",
    )
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Numbers that may be amounts: one with a fractional part (612000.45) holds no identifier; one
#: whose value is a whole number (123456783.0, 6912345678e0) is read as its digits.
FRACTIONAL_DATATYPES = frozenset(
    ox.NamedNode(_XSD + name) for name in ("decimal", "double", "float")
)
#: How a literal's text is read, by datatype: as it is, with a language tag, or as a number.
_PLAIN_TEXT, _LANGUAGE_TEXT, _NUMBER = "plain", "language", "number"
_LEXICAL = {
    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"): _LANGUAGE_TEXT,
    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"): _LANGUAGE_TEXT,
    **dict.fromkeys(FRACTIONAL_DATATYPES, _NUMBER),
}
#: IRIs that are values (an address, a number), owned by the node that states them.
VALUE_SCHEMES = ("mailto:", "tel:")


class Context(Protocol):
    """What the rest of the data (the store, for one of its graphs) tells about nodes the
    scanned quads mention but do not describe: a decision's unit is described in the units'
    graph."""

    def describe(self, iris: set[str]) -> Mapping[str, tuple[frozenset[str], bool]]:
        """IRI -> (its types, whether it has a legal-entity name)."""


@cache
def _ontologies() -> ox.Store:
    store = ox.Store()
    for ontology in sorted(standards_path("ontologies").glob("*.ttl")):
        store.load(path=str(ontology), format=ox.RdfFormat.TURTLE)
    return store


def _with_subclasses(bases: frozenset[str]) -> frozenset[str]:
    values = " ".join(f"<{iri}>" for iri in sorted(bases))
    solutions = _ontologies().query(
        "SELECT DISTINCT ?class WHERE { VALUES ?base { " + values + " } "
        "?class <http://www.w3.org/2000/01/rdf-schema#subClassOf>+ ?base }"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    return bases | frozenset(str(row["class"].value) for row in solutions)


@cache
def organisation_classes() -> frozenset[str]:
    """``ORGANISATION_CLASSES`` and every class of demoi's ontologies under one of them
    (dorg:Municipality, dorg:Directorate, …)."""
    return _with_subclasses(ORGANISATION_CLASSES)


@cache
def public_organisation_classes() -> frozenset[str]:
    """``PUBLIC_ORGANISATION_CLASSES`` and the classes of demoi's ontologies under them."""
    return _with_subclasses(PUBLIC_ORGANISATION_CLASSES)


@cache
def standards_subjects() -> frozenset[str]:
    """The IRIs the shipped standards describe (every subject of ``ontologies/`` and
    ``shapes/``): only their documentation gives examples rather than data. The data's own
    say (an IRI under demoi's namespace, a node it types rdf:Property) proves nothing."""
    subjects: set[str] = set()
    for folder in ("ontologies", "shapes"):
        for path in sorted(standards_path(folder).rglob("*.ttl")):
            for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                if isinstance(quad.subject, ox.NamedNode):
                    subjects.add(quad.subject.value)
    return frozenset(subjects)


def is_office_identifier(kind: Kind, value: str) -> bool:
    """What an office has: a tax number (or a code that looks like one), a landline, a
    functional mailbox; never a mobile, an IBAN or a person's mailbox."""
    if kind is Kind.AFM:
        return True
    if kind is Kind.PHONE:
        return value.startswith("2")
    return kind is Kind.EMAIL and is_functional_local_part(value.rpartition("@")[0])


def _lexical_text(literal: ox.Literal) -> str | None:
    """What of a literal may hold an identifier: its lexical form, whatever the datatype says
    (an ill-typed xsd:date may hold anything), but for a number with a fractional part."""
    value = literal.value
    if literal.datatype not in FRACTIONAL_DATATYPES:
        return value
    whole, _, fraction = value.partition(".")
    if fraction.isdigit():
        digits = whole.lstrip("+-")
        if fraction.strip("0"):
            return None
        if digits.isdigit():
            return digits
    try:
        number = decimal.Decimal(value.strip())
    except decimal.InvalidOperation:
        return value
    if not number.is_finite() or number.adjusted() > 20:
        return None
    if number != number.to_integral_value():
        return None
    return format(abs(number), "f").partition(".")[0]


def _node_key(term: ox.NamedNode | ox.BlankNode | ox.Triple) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


_TYPE, _NAME, _CODE, _DOCUMENTATION, _OTHER = "type", "name", "code", "documentation", "other"
_PREDICATE_ROLES: dict[ox.NamedNode, str] = {
    RDF_TYPE: _TYPE,
    **dict.fromkeys(NAME_PREDICATES, _NAME),
    **dict.fromkeys(CODE_PREDICATES, _CODE),
    **dict.fromkeys(DOCUMENTATION_PREDICATES, _DOCUMENTATION),
}
Subject = ox.NamedNode | ox.BlankNode | ox.Triple


class _RdfScan(_Scan):
    def __init__(self) -> None:
        super().__init__()
        self.classes = organisation_classes()
        self.standards = standards_subjects()
        #: Organisation types the scanned data gives its nodes.
        self.types: defaultdict[str, set[str]] = defaultdict(set)
        #: Organisation types the context (the rest of the store) gives them.
        self.context_types: dict[str, set[str]] = {}
        #: Nodes with a legal-entity name.
        self.named: set[str] = set()
        #: Blank node -> the node that points to it, to find a documentation literal's owner.
        self.parents: dict[str, str] = {}
        self._subjects_seen: set[tuple[str | None, str]] = set()
        self._graphs_seen: set[str] = set()
        #: Predicates and datatypes already read (a handful, each in thousands of triples),
        #: with what they tell.
        self._roles: dict[ox.NamedNode, str] = {}
        self._datatypes: dict[ox.NamedNode, str] = {}
        self._last_subject: Subject | None = None
        self._last_graph: str | None = None
        self._node = ""
        #: Inside a quoted triple (RDF-star): read, but what it says is not asserted.
        self._quoting = 0

    def quad(self, quad: ox.Quad | ox.Triple) -> None:
        # The hot loop of a scan of millions of triples: one dictionary lookup tells what the
        # predicate is, and a subject is looked at once for the run of triples it starts.
        subject, predicate, term = quad.subject, quad.predicate, quad.object
        graph = quad.graph_name if isinstance(quad, ox.Quad) else None
        graph_iri = graph.value if isinstance(graph, ox.NamedNode) else None
        if subject != self._last_subject or graph_iri != self._last_graph:
            self._last_subject, self._last_graph = subject, graph_iri
            self._node = _node_key(subject)
            self._subject_changed(subject, graph_iri)
        node = self._node
        role = self._roles.get(predicate)
        if role is None:
            role = self._roles[predicate] = _PREDICATE_ROLES.get(predicate, _OTHER)
            self._term_iri(predicate, node, predicate.value, graph_iri, "predicate IRI")
        if isinstance(term, ox.Literal):
            if role is _DOCUMENTATION and node in self.standards:
                return  # an example in the standards' documentation (see _documents_standards)
            datatype = term.datatype
            lexical = self._datatypes.get(datatype)
            if lexical is None:
                lexical = self._datatypes[datatype] = _LEXICAL.get(datatype, _PLAIN_TEXT)
                self._term_iri(datatype, node, predicate.value, graph_iri, "datatype IRI")
            if lexical is _PLAIN_TEXT:
                text: str | None = term.value
            elif lexical is _LANGUAGE_TEXT:
                text = term.value
                language = term.language
                if language is not None and len(language) > 3:
                    self._language(language, node, predicate.value, graph_iri)
            else:
                text = _lexical_text(term)
            if text is None:
                return
            if role is _NAME and not self._quoting and is_legal_entity_name(text):
                self.named.add(node)
            found = candidates(text)
            if found:
                if role is _CODE:
                    found = [hit for hit in found if hit.kind is not Kind.AFM]
                documents = node if role is _DOCUMENTATION else None
                where = Where(
                    graph=graph_iri, subject=node, predicate=predicate.value, part="object"
                )
                for hit in found:
                    self.add(hit, text[hit.start : hit.end], where, owner=node, documents=documents)
        elif isinstance(term, ox.NamedNode):
            iri = term.value
            if role is _TYPE and not self._quoting and iri in self.classes:
                self.types[node].add(iri)
            if _iri_candidates(iri)[1]:
                owner = node if iri.startswith(VALUE_SCHEMES) else iri
                where = Where(
                    graph=graph_iri, subject=node, predicate=predicate.value, part="object IRI"
                )
                self._iri(iri, where, owner=owner)
        elif isinstance(term, ox.BlankNode):
            if not self._quoting:
                self.parents["_:" + term.value] = node
        elif isinstance(term, ox.Triple):
            self._quoted(term, graph)

    def _language(self, language: str, node: str, predicate: str, graph_iri: str | None) -> None:
        where = Where(graph=graph_iri, subject=node, predicate=predicate, part="language tag")
        for hit in _cell_candidates(language):
            self.add(hit, language[hit.start : hit.end], where, owner=node)

    def _term_iri(
        self, term: ox.NamedNode, node: str, predicate: str, graph_iri: str | None, part: str
    ) -> None:
        """A predicate's or a datatype's IRI, read once in a scan: it is nobody's."""
        iri = term.value
        if _iri_candidates(iri)[1]:
            where = Where(graph=graph_iri, subject=node, predicate=predicate, part=part)
            self._iri(iri, where, owner=iri)

    def _quoted(self, triple: ox.Triple, graph: object) -> None:
        """A quoted triple (RDF-star) is read as any other, without asserting what it says."""
        saved = self._last_subject, self._last_graph, self._node
        self._quoting += 1
        try:
            if isinstance(graph, ox.NamedNode | ox.BlankNode | ox.DefaultGraph):
                self.quad(ox.Quad(triple.subject, triple.predicate, triple.object, graph))
            else:
                self.quad(triple)
        finally:
            self._quoting -= 1
            self._last_subject, self._last_graph, self._node = saved

    def _subject_changed(self, subject: Subject, graph_iri: str | None) -> None:
        if graph_iri is not None and graph_iri not in self._graphs_seen:
            self._graphs_seen.add(graph_iri)
            self._iri(graph_iri, Where(graph=graph_iri, part="graph IRI"), owner=graph_iri)
        node = self._node
        if isinstance(subject, ox.NamedNode) and (graph_iri, node) not in self._subjects_seen:
            if _iri_candidates(node)[1]:
                self._subjects_seen.add((graph_iri, node))
                where = Where(graph=graph_iri, subject=node, part="subject IRI")
                self._iri(node, where, owner=node)
        elif isinstance(subject, ox.Triple):
            self._quoted(subject, ox.NamedNode(graph_iri) if graph_iri else None)

    def _iri(self, iri: str, where: Where, *, owner: str) -> None:
        text, found = _iri_candidates(iri)
        for hit in found:
            self.add(hit, text[hit.start : hit.end], where, owner=owner)

    def resolve(self, context: Context | None = None) -> list[Finding]:
        if context is not None:
            asked = {
                hit.owner
                for hit in self.hits
                if hit.kind in ENTITY_KINDS and hit.owner and hit.owner[0] not in "_<"
            }
            if asked:
                for iri, (types, named) in context.describe(asked).items():
                    known = {type_ for type_ in types if type_ in self.classes}
                    if known:
                        self.context_types[iri] = known
                    if named:
                        self.named.add(iri)
        for hit in self.hits:
            if hit.kind in ENTITY_KINDS and hit.owner is not None and self._owns(hit.owner, hit):
                self.entity_keys.add(hit.key)
        kept = [hit for hit in self.hits if not self._documents_standards(hit)]
        return [_masked_where(finding) for finding in self.findings(kept)]

    def _owns(self, node: str, hit: _Hit) -> bool:
        """Whether ``hit`` is the identifier of an organisation ``node`` is. Types the rest of
        the store gives a node are trusted (it passed the guard when it was written); the
        scanned data's own say only counts with a legal-entity name, or, for a public body's
        class, for the identifiers an office has."""
        named = node in self.named
        # Found in re-review: a token typed a node as an organisation in one graph and wrote a
        # person's mobile about it in another. Types from the rest of the store now weigh as
        # the data's own: a legal-entity name, or a public body's office identifiers.
        types = self.types.get(node, set()) | self.context_types.get(node, set())
        if not types:
            return False
        if named:
            return True
        return not types.isdisjoint(public_organisation_classes()) and is_office_identifier(
            *hit.key
        )

    def _documents_standards(self, hit: _Hit) -> bool:
        node = hit.documents
        for _ in range(64):  # blank nodes nest a few levels; a cycle must not hang the scan
            if node is None or not node.startswith("_:"):
                break
            node = self.parents.get(node)
        return node is not None and node in self.standards


def _masked_where(finding: Finding) -> Finding:
    """The finding with the IRIs of its place masked: an identifier in a subject or predicate
    IRI must not be shown by the finding of its literal."""
    where = finding.where
    masked = dataclasses.replace(
        where,
        graph=masked_iri(where.graph) if where.graph else None,
        subject=(
            masked_iri(where.subject)
            if where.subject and not where.subject.startswith("_:")
            else where.subject
        ),
        predicate=masked_iri(where.predicate) if where.predicate else None,
    )
    return dataclasses.replace(finding, where=masked)


def scan_quads(
    quads: Iterable[ox.Quad | ox.Triple],
    *,
    context: Context | None = None,
    file: str = "",
    excused: Iterable[tuple[Kind, str]] = (),
) -> list[Finding]:
    """The personal data in RDF, by triple. ``context`` tells the types and names of nodes the
    quads mention but do not describe (the store, for a graph); ``excused`` are identities
    (``identity(kind, text)``) known not to be personal, such as those of the columns a privacy
    policy declares not personal, for the RDF lifted from them (``excused_identities``)."""
    scan = _RdfScan()
    scan.entity_keys.update(excused)
    for quad in quads:
        scan.quad(quad)
    findings = scan.resolve(context)
    if file:
        shown = masked_name(file)
        findings = [
            dataclasses.replace(finding, where=dataclasses.replace(finding.where, file=shown))
            for finding in findings
        ]
    return findings


def scan_rdf_bytes(
    data: bytes,
    rdf_format: ox.RdfFormat,
    *,
    base_iri: str | None = None,
    file: str = "",
    excused: Iterable[tuple[Kind, str]] = (),
) -> list[Finding]:
    """The personal data in an RDF document; a syntax error is an RdfSyntaxError at its line."""
    from demoi.store.oxigraph import rdf_syntax_error

    try:
        quads = ox.parse(data, rdf_format, base_iri=base_iri)
        return scan_quads(quads, file=file, excused=excused)
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, file or None, rdf_format) from None


def scan_graph(store: Store, graph: str) -> list[Finding]:
    """The personal data in a graph of the store; the rest of the store tells what the nodes it
    only mentions are (a decision's unit is described in the units' graph)."""
    return scan_quads(store.quads(graph), context=StoreContext(store, exclude=graph))


class StoreContext:
    """The whole store (but the graph ``exclude``, the one being scanned, whose say about its
    own nodes is no evidence) as the context of one of its graphs."""

    #: IRIs asked about in one query.
    BATCH = 500

    def __init__(self, store: Store, *, exclude: str | Iterable[str] | None = None) -> None:
        self.store = store
        excluded = [exclude] if isinstance(exclude, str) else list(exclude or ())
        #: The graphs whose say is no evidence: those being scanned, those a write just made.
        self.excluded = sorted(iri for iri in excluded if _IRIREF.fullmatch(iri))

    def describe(self, iris: set[str]) -> dict[str, tuple[frozenset[str], bool]]:
        """The types and legal-entity names the whole store gives ``iris``."""
        known: dict[str, tuple[frozenset[str], bool]] = {}
        ordered = sorted(iri for iri in iris if _IRIREF.fullmatch(iri))
        names = " ".join(f"<{name.value}>" for name in NAME_PREDICATES)
        excluded = (
            "FILTER(?g NOT IN (" + ", ".join(f"<{iri}>" for iri in self.excluded) + "))"
            if self.excluded
            else ""
        )
        for start in range(0, len(ordered), self.BATCH):
            values = " ".join(f"<{iri}>" for iri in ordered[start : start + self.BATCH])
            result = self.store.query(
                "SELECT ?node ?type ?name WHERE { VALUES ?node { " + values + " } GRAPH ?g { "
                "{ ?node a ?type } UNION { VALUES ?p { "
                + names
                + " } ?node ?p ?name } } "
                + excluded
                + PUBLISHED_BY_DEMOI
                + " }"
            )
            types: defaultdict[str, set[str]] = defaultdict(set)
            named: set[str] = set()
            for node, type_, name in result.rows:
                assert isinstance(node, ox.NamedNode)
                if isinstance(type_, ox.NamedNode):
                    types[node.value].add(type_.value)
                if isinstance(name, ox.Literal) and is_legal_entity_name(name.value):
                    named.add(node.value)
            for iri in set(types) | named:
                known[iri] = (frozenset(types.get(iri, ())), iri in named)
        return known


#: Only graphs demoi itself published (a lift, a load, the demo: their provenance activity's
#: label is the command, "demoi …") vouch for the nodes they type. Found in re-review: a token
#: typed a node as a public body in one graph it wrote through the Graph Store, to pass office
#: identifiers written about it in another. Tokens cannot write the provenance graph.
PUBLISHED_BY_DEMOI = (
    " FILTER EXISTS { GRAPH ?provenance { ?g <http://www.w3.org/ns/prov#wasGeneratedBy> ?made . "
    "?made <http://www.w3.org/2000/01/rdf-schema#label> ?command } "
    'FILTER(STRENDS(STR(?provenance), "/graph/provenance") && STRSTARTS(?command, "demoi ")) }'
)
#: What SPARQL accepts between < and >.
_IRIREF = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')


# ---------------------------------------------------------------------------------------------
# Files


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings by kind, in the order of ``Kind``."""
    counted = Counter(finding.kind for finding in findings)
    return {kind.value: counted[kind] for kind in Kind if counted[kind]}


#: The kinds of source files ``scan_path`` reads, by extension (and ``--syntax``).
FILE_KINDS = {
    "csv": "delimited", "tsv": "delimited", "txt": "delimited",
    "xlsx": "workbook", "xlsm": "workbook",
    "json": "json", "geojson": "json",
    "zip": "archive",
    "sqlite": "database", "sqlite3": "database", "db": "database",
}  # fmt: skip
#: Delimiters a delimited export may use, in the order preferred when two fit as well.
DELIMITERS = (";", ",", "\t", "|")
#: Lines looked at to find the delimiter and the header.
SNIFF_LINES = 50


def file_kinds() -> list[str]:
    """Every name ``--syntax`` accepts: the file kinds and the RDF syntaxes."""
    from demoi.formats import RDF_EXTENSIONS

    return [*FILE_KINDS, *RDF_EXTENSIONS]


def scan_path(path: Path, *, syntax: str | None = None) -> list[Finding]:
    """The personal data in a source file of any kind demoi reads: delimited text (.csv, .tsv,
    .txt, in any encoding municipal systems write), workbooks (.xlsx, every sheet), JSON (every
    string, number and key), RDF (by extension, as ``demoi load``), zip archives (each member
    by its extension, as a GTFS feed) and SQLite databases (every table). ``syntax`` (one of
    ``file_kinds()``) overrides the extension."""
    from demoi.errors import UsageError
    from demoi.lifting.tabular import read_bytes

    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    kind = _file_kind(path, syntax)
    if kind == "workbook":
        return _scan_workbook(path)
    if kind == "database":
        return _scan_database(path)
    if kind == "archive":
        return _scan_archive(path)
    if kind not in ("delimited", "json"):
        return _scan_rdf_file(path, kind)
    return _scan_bytes(read_bytes(path), kind, str(path))


def _scan_rdf_file(path: Path, kind: str) -> list[Finding]:
    """An RDF file parsed as it is read, not loaded whole: ``demoi load`` takes millions of
    triples."""
    from demoi.formats import RDF_EXTENSIONS
    from demoi.store.oxigraph import rdf_syntax_error

    rdf_format = RDF_EXTENSIONS[kind]
    try:
        # Relative IRIs resolve against the file's own URI, as a parser reads a document.
        quads = ox.parse(path=str(path), format=rdf_format, base_iri=path.absolute().as_uri())
        return scan_quads(quads, file=str(path))
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, str(path), rdf_format) from None
    except OSError as error:
        from demoi.errors import UsageError

        raise UsageError(f"{path}: cannot read ({error.strerror or error})") from None


def _file_kind(path: Path, syntax: str | None) -> str:
    from demoi.errors import UsageError
    from demoi.formats import RDF_EXTENSIONS

    name = (syntax or path.suffix.removeprefix(".")).lower()
    if name in FILE_KINDS:
        return FILE_KINDS[name]
    if name in RDF_EXTENSIONS:
        return name
    if syntax is None:
        with path.open("rb") as opened:
            head = opened.read(16)
        if head.startswith(b"SQLite format 3\x00"):
            return "database"
        if head.startswith(b"PK\x03\x04"):
            return "archive"
    raise UsageError(
        f"{path}: cannot tell what kind of file this is; give --syntax ({', '.join(file_kinds())})"
    )


def _scan_bytes(data: bytes, kind: str, file: str) -> list[Finding]:
    from demoi.formats import RDF_EXTENSIONS

    if kind == "delimited":
        return _scan_delimited(data, file)
    if kind == "json":
        return _scan_json(data, file)
    base = Path(file).absolute().as_uri()
    return scan_rdf_bytes(data, RDF_EXTENSIONS[kind], base_iri=base, file=file)


def _scan_delimited(data: bytes, file: str) -> list[Finding]:
    from demoi.lifting.tabular import decode, numbered_rows

    text, _ = decode(data, file)
    delimiter = sniff_delimiter(text)
    scan = _TableScan()
    records = _by_first_line(numbered_rows(text, delimiter, file))
    _scan_records(scan, records, Where(file=file), lines=True)
    return scan.findings()


def _by_first_line(records: Iterable[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    """Records numbered by the line they start on (``numbered_rows`` gives the one they end
    on): a cell over two lines is shown where one starts reading it."""
    first = 1
    for last, cells in records:
        yield first, cells
        first = last + 1


def sniff_delimiter(text: str) -> str:
    """The delimiter with which most of the first lines have the same number of cells, and
    more than one (the csv module's Sniffer guesses from character frequencies and is thrown
    by the decimal commas of Greek numbers)."""
    import csv

    lines = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        widths = Counter(len(next(csv.reader([line], delimiter=delimiter))) for line in lines)
        if not widths:
            continue
        width, lines_of_width = widths.most_common(1)[0]
        score = (lines_of_width, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _scan_records(
    scan: _TableScan,
    records: Iterable[tuple[int, list[str]]],
    base: Where,
    table: str = "",
    *,
    lines: bool = False,
) -> None:
    """Rows numbered as in the file; the header is the first of the widest rows among the first
    ones (title lines above it, as exports have, are scanned as text without a column).
    ``lines``: the numbers are lines of a text file, and a cell after one over several lines is
    shown at the line it starts on."""
    numbered = [(number, cells) for number, cells in records if any(cells)]
    head = numbered[:SNIFF_LINES]
    widest = max((_filled(cells) for _, cells in head), default=0)
    header_at = next((i for i, (_, cells) in enumerate(head) if _filled(cells) == widest), 0)
    header: list[ColumnNames] = [
        (cell.strip() or str(position + 1),)
        for position, cell in enumerate(numbered[header_at][1] if numbered else [])
    ]
    for position, (number, cells) in enumerate(numbered):
        texts = [cell.strip() for cell in cells]
        columns: list[ColumnNames] = header if position > header_at else []
        columns = [*columns, *[()] * (len(texts) - len(columns))]
        locate = _locate_in_row(base, number, columns)
        if lines and any("\n" in cell for cell in cells):
            locate = _locate_in_lines(locate, number, cells)
        scan.row(columns, texts, locate, table)


def _locate_in_lines(locate: Locate, first: int, cells: Sequence[str]) -> Locate:
    starts = [first]
    for cell in cells:
        starts.append(starts[-1] + cell.count("\n"))

    def located(position: int) -> Where:
        return dataclasses.replace(locate(position), row=starts[min(position, len(cells))])

    return located


def _filled(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _scan_workbook(path: Path) -> list[Finding]:
    import zipfile
    import zlib

    from demoi.errors import DataError, Location
    from demoi.lifting.sources.excel import workbook_sheets

    try:
        sheets = workbook_sheets(path)
    except DataError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError) as error:
        # open_workbook names most broken workbooks; not one that is no zip file at all.
        raise DataError(
            f"not a readable .xlsx workbook ({error})", location=Location(str(path))
        ) from None
    scan = _TableScan()
    for sheet, records in sheets:
        _scan_records(scan, records, Where(file=str(path), sheet=sheet), sheet)
    return scan.findings()


def _scan_database(path: Path) -> list[Finding]:
    import sqlite3

    from demoi.errors import DataError, Location

    scan = _TableScan()
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
            ]
            for table in tables:
                quoted = table.replace('"', '""')
                cursor = connection.execute(f'SELECT * FROM "{quoted}"')  # noqa: S608 - a name
                columns = [(description[0],) for description in cursor.description]
                base = Where(file=str(path), table=table)
                for number, values in enumerate(cursor, 1):
                    texts = [_sql_text(value) for value in values]
                    scan.row(columns, texts, _locate_in_row(base, number, columns), table)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DataError(
            f"not a readable SQLite database ({error})", location=Location(str(path))
        ) from None
    return scan.findings()


def _sql_text(value: object) -> str:
    if value is None or isinstance(value, bytes):
        return ""
    return str(value).strip()


def _scan_archive(path: Path) -> list[Finding]:
    import zipfile

    from demoi.errors import DataError, Location

    findings: list[Finding] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                name = member.filename
                extension = name.rpartition(".")[2].lower() if "." in name else ""
                kind = _member_kind(extension)
                if member.is_dir() or kind is None:
                    continue
                file = f"{path}/{masked_text(name)}"
                findings.extend(_scan_bytes(archive.read(member), kind, file))
    except zipfile.BadZipFile as error:
        raise DataError(
            f"not a readable zip archive ({error})", location=Location(str(path))
        ) from None
    return findings


def _member_kind(extension: str) -> str | None:
    from demoi.formats import RDF_EXTENSIONS

    kind = FILE_KINDS.get(extension)
    if kind in ("delimited", "json"):
        return kind
    return extension if extension in RDF_EXTENSIONS else None


def _scan_json(data: bytes, file: str) -> list[Finding]:
    from demoi.lifting.sources._jsonpath import parse_documents
    from demoi.lifting.tabular import decode

    text, _ = decode(data, file)
    scan = _TableScan()
    for document in parse_documents(text, file):
        _scan_json_value(scan, document, document.data, ())
    # An object's own members are scanned before its nested ones; shown in the file's order.
    return sorted(scan.findings(), key=lambda finding: finding.where.line or 0)


JsonPath = tuple[str | int, ...]


def _scan_json_value(scan: _TableScan, document: object, value: object, path: JsonPath) -> None:
    """Each object is a row of its scalar members (and of the scalars of its arrays), keyed by
    their names, so that a legal entity's {"afm", "name"} is told from a person's; its keys
    are scanned too."""
    if isinstance(value, dict):
        columns: list[ColumnNames] = []
        texts: list[str] = []
        paths: list[JsonPath] = []
        for key, member in value.items():
            at = (*path, key)
            columns.append(())
            texts.append(str(key))
            paths.append(at)
            elements = enumerate(member) if isinstance(member, list) else [(None, member)]
            for index, element in elements:
                if _is_scalar(element):
                    columns.append((str(key),))
                    texts.append(_json_text(element))
                    paths.append(at if index is None else (*at, index))
        scan.row(columns, texts, _locate_in_json(document, paths))
        for key, member in value.items():
            if isinstance(member, list):
                for index, element in enumerate(member):
                    if not _is_scalar(element):
                        _scan_json_value(scan, document, element, (*path, key, index))
            elif not _is_scalar(member):
                _scan_json_value(scan, document, member, (*path, key))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            _scan_json_value(scan, document, element, (*path, index))
    else:
        scan.row([()], [_json_text(value)], _locate_in_json(document, [path]))


def _is_scalar(value: object) -> bool:
    return not isinstance(value, dict | list)


def _json_text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    return str(value).strip()


def _locate_in_json(document: object, paths: Sequence[JsonPath]) -> Locate:
    from demoi.lifting.sources._jsonpath import JsonText, dotted

    def locate(position: int) -> Where:
        assert isinstance(document, JsonText)
        path = paths[position]
        pointer = masked_text(dotted(path)) if path else "$"
        return Where(file=masked_name(document.file), line=document.line(path), pointer=pointer)

    return locate
