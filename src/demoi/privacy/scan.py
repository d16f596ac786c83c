"""Scanning tables, RDF and source files for personal data: every identifier
``demoi.privacy.detect`` finds, where it is, masked, unless it belongs to a legal entity.

Two passes, for tables and RDF alike (here folded into one read and a resolution at the end,
so that a file of millions of triples is parsed once, as it is read):

1. **Entity identifiers.** Identifiers of legal entities and organisations are not personal
   data and pass everywhere in the same scan: the ΑΦΜ of public bodies and of the 8/9 series
   (given to legal persons only); in a table, the whole-cell identifiers of a row whose entity
   name column holds a legal-entity name; in RDF, the identifiers in the IRI, the literals and
   the ``mailto:``/``tel:`` values of a node typed as an organisation. A node typed only
   legal:LegalEntity or org:FormalOrganization may be a sole trader: its identifiers count as
   an entity's only when it has a legal-entity name. ΑΜΚΑ, ΑΔΤ and the Personal Number are
   never an entity's: no organisation has one.
2. **Findings.** Every other identifier, in every cell, literal and IRI (subject, object,
   graph name), unless a policy declares its column not personal, the column or property
   holds codes by definition (Diavgeia uids, skos:notation), it is an organisation's mailbox
   at a public body's domain, or it is an example in the documentation of the standards or of
   a vocabulary term.

The precision of the guard lives here: look-alikes are the detector's concern, legal entities
this module's. ``find_identifiers`` is costly (dozens of patterns), so texts go through a cheap
prefilter first (``_PREFILTER``): only the few that have the shape of some identifier reach it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    find_identifiers,
    is_legal_entity_name,
    is_person_name_column,
    is_public_body_afm,
    mask,
    mask_name,
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
    and part ("object", "subject IRI", "object IRI", "graph IRI")."""

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
_PREFILTER = re.compile(
    r"[0-9]{3}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}|[0-9]{8}|[0-9]{6}[ \-]?[0-9]{5}"
    r"|(?:69|2[1-8])[0-9](?:[ \-]?[0-9]){7}|[Gg][Rr][0-9]{2}"
    r"|_L(?:[ \-]?[0-9]{6}|_L_L[ \-]?[1-9][0-9]{3})|@|,,".replace(
        "_L", "[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧABEZHIKMNOPTYX]"
    )
)
# The scheme and authority of an IRI: a host or port is never personal data, and the digits of
# 127.0.0.1:8000 would send every IRI of a local deployment through the detector.
_IRI_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*")


def candidates(text: str) -> list[Found]:
    """``find_identifiers`` behind the prefilter: the same answer, much faster on the texts
    that cannot hold an identifier."""
    if _PREFILTER.search(text) is None:
        return []
    return find_identifiers(text)


@lru_cache(maxsize=1 << 16)
def _iri_candidates(iri: str) -> tuple[str, tuple[Found, ...]]:
    """The IRI as read (percent-decoded) and the identifiers in its path, query and fragment;
    cached, since a subject's IRI comes once for each of its triples."""
    text = unquote(iri) if "%" in iri else iri
    authority = _IRI_AUTHORITY.match(text)
    start = authority.end() if authority else 0
    if _PREFILTER.search(text, start) is None:
        return text, ()
    found = find_identifiers(text[start:])
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


def masked_iri(iri: str) -> str:
    text, found = _iri_candidates(iri)
    return masked_text(text, found) if found else text


def identity(kind: Kind, written: str) -> tuple[Kind, str]:
    """What two writings of one identifier share: «EL 094 019 245» and «094019245»."""
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
# E-mail addresses of public bodies

#: A local part in a person's name form: two words joined by ".", "_" or "-" (g.papadopoulos).
_PERSON_LOCAL_PART = re.compile(r"[^\W\d_]{1,}[._\-][^\W\d_]{1,}", re.UNICODE)
#: Free mail services: an organisation's address there says nothing about the domain.
WEBMAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com yahoo.com yahoo.gr hotmail.com hotmail.gr outlook.com outlook.com.gr
    live.com windowslive.com msn.com icloud.com me.com aol.com otenet.gr hol.gr freemail.gr
    in.gr mail.com gmx.com gmx.net protonmail.com proton.me yandex.com zoho.com
    """.split()
)


def is_functional_local_part(local: str) -> bool:
    """opendata, info, adeies: an office's mailbox; g.papadopoulos, maria_k is a person's."""
    return _PERSON_LOCAL_PART.search(local) is None


def is_public_body_domain(domain: str, known: Iterable[str] = ()) -> bool:
    domain = domain.lower().rstrip(".")
    if domain == "gov.gr" or domain.endswith(".gov.gr"):
        return True
    return any(domain == other or domain.endswith("." + other) for other in known)


@cache
def code_list_domains() -> frozenset[str]:
    """The domains of the homepages the organisation code list gives its bodies; none in the
    current list, read in case it gains them."""
    return homepage_domains(standards_path("ontologies") / "codelists" / "municipalities.ttl")


@cache
def municipal_domains() -> frozenset[str]:
    """``<name>.gr`` for the English name of each municipality of the code list (kalamata.gr,
    athens.gr, thessaloniki.gr, heraklion.gr, dafni-ymittos.gr): the code list gives no
    homepages, and this is where most municipalities keep their offices' mailboxes. A guess from
    the name, so it only ever lets through a functional mailbox (opendata@, info@), never an
    address in a person's name form."""
    store = ox.Store()
    codes = standards_path("ontologies") / "codelists" / "municipalities.ttl"
    store.load(path=str(codes), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label WHERE { "
        "?body skos:inScheme <https://w3id.org/demoi/code/municipality> ; skos:prefLabel ?label "
        'FILTER(LANG(?label) = "en") }'
    )
    assert isinstance(solutions, ox.QuerySolutions)
    domains = set()
    for row in solutions:
        name = str(row["label"].value).removeprefix("Municipality of ").partition("(")[0]
        words = re.findall(r"[a-z]+", without_accents(name).lower())
        if words:
            domains.update({"".join(words) + ".gr", "-".join(words) + ".gr"})
    return frozenset(domains)


def homepage_domains(path: Path) -> frozenset[str]:
    """The domains (without www.) of the foaf:homepage, foaf:page and schema:url of the
    Turtle file at ``path``."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        "SELECT ?page WHERE { ?body <http://xmlns.com/foaf/0.1/homepage>|"
        "<http://xmlns.com/foaf/0.1/page>|<http://schema.org/url>|<https://schema.org/url> ?page }"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    domains = set()
    for row in solutions:
        authority = _HOMEPAGE_HOST.match(str(row["page"].value).lower())
        if authority:
            domains.add(authority.group(1))
    return frozenset(domains)


_HOMEPAGE_HOST = re.compile(r"^[a-z][a-z0-9+.\-]*://(?:www\.)?([^/:?#@]+)")


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
    """Hits, entity identifiers and e-mail domains of one scan; ``findings`` resolves them."""

    def __init__(self) -> None:
        self.hits: list[_Hit] = []
        self.entity_keys: set[tuple[Kind, str]] = set()
        #: Public bodies' domains known from elsewhere (the rest of the store).
        self.known_domains: set[str] = set()

    def add(self, found: Found, written: str, where: Where, **extra: str | None) -> None:
        key = identity(found.kind, written)
        if found.kind is Kind.AFM and is_legal_person_afm(key[1]):
            return  # a legal person's whatever the rest of the scan says: no need to keep it
        self.hits.append(_Hit(found.kind, key, found.masked, where, **extra))

    def personal(self, hit: _Hit, domains: Iterable[str]) -> bool:
        kind, value = hit.key
        if hit.key in self.entity_keys:
            return False
        if kind is Kind.AFM and is_legal_person_afm(value):
            return False
        if kind is Kind.EMAIL:
            local, _, domain = value.rpartition("@")
            if is_functional_local_part(local) and is_public_body_domain(domain, domains):
                return False
        return True

    def organisation_domains(self) -> set[str]:
        """Domains of the organisations' own mailboxes in this scan (opendata@kalamata.gr on
        a municipality's contact point), besides gov.gr and the code list's."""
        domains = set(code_list_domains()) | municipal_domains() | self.known_domains
        for kind, value in self.entity_keys:
            if kind is Kind.EMAIL:
                local, _, domain = value.rpartition("@")
                if is_functional_local_part(local) and domain not in WEBMAIL_DOMAINS:
                    domains.add(domain)
        return domains

    def findings(self, hits: Iterable[_Hit] | None = None) -> list[Finding]:
        domains = self.organisation_domains()
        return [
            Finding(hit.kind, hit.where, hit.masked)
            for hit in (self.hits if hits is None else hits)
            if hit.kind is Kind.PERSON_NAME or self.personal(hit, domains)
        ]


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


#: Columns of codes by definition, as the code properties in RDF: Diavgeia's uids of units and
#: organisations (nine digits, one in ten with an ΑΦΜ's check digit by chance) and the keys
#: that refer to them.
CODE_COLUMN_WORDS = frozenset({"uid", "uids"})
CODE_COLUMNS = frozenset(
    {"unit id", "unit ids", "parent id", "organization id", "organisation id", "supervisor id"}
)


def is_code_column(header: str) -> bool:
    """«uid», «DIAVGEIA_UID», «unitUid», «unitIds», «parentId»: codes, not personal data."""
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
            if not text or code:
                continue
            declared = self.not_personal.get((table, names[0])) if names else None
            found: Sequence[Found] = _cell_candidates(text) or (_unpadded_afm(text) if afm else ())
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
#: Organisation classes of the vocabularies demoi uses (demoi's own are added from the
#: ontologies: every class under one of these).
ORGANISATION_CLASSES = frozenset(
    {
        _ORG + "Organization", FORMAL_ORGANIZATION, _ORG + "OrganizationalUnit",
        "http://data.europa.eu/m8g/PublicOrganisation", LEGAL_ENTITY,
        "http://xmlns.com/foaf/0.1/Organization", "http://www.w3.org/2006/vcard/ns#Organization",
        "http://schema.org/Organization", "https://schema.org/Organization",
    }
)  # fmt: skip
#: Classes that a sole trader may be typed with: their ΑΦΜ is personal data unless the node
#: has a legal-entity name.
MAY_BE_PERSON = frozenset({LEGAL_ENTITY, FORMAL_ORGANIZATION})
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
#: Properties whose values are codes by definition (ontologies/organisation.ttl, SKOS).
CODE_PREDICATES = frozenset(
    ox.NamedNode(iri)
    for iri in (
        _DORG + "diavgeiaUid", _DORG + "diavgeiaUnitUid", _DORG + "elstatCode",
        _DORG + "ypesCode", _DORG + "kallikratisCode", _DORG + "nutsCode",
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
#: The standards' namespaces (vocabularies, shapes, code lists); data is never minted there.
STANDARDS_NAMESPACES = (
    "https://w3id.org/demoi/def/",
    "https://w3id.org/demoi/shapes/",
    "https://w3id.org/demoi/code/",
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Literals whose datatype cannot hold an identifier (dates, times, truth values, geometries);
#: decimals and doubles only with a fractional part or exponent (see ``_literal_may_hold``).
NO_IDENTIFIER_DATATYPES = frozenset(
    ox.NamedNode(iri)
    for iri in (
        *(
            _XSD + name
            for name in (
                "date dateTime dateTimeStamp time gYear gYearMonth gMonth gDay gMonthDay "
                "duration dayTimeDuration yearMonthDuration boolean"
            ).split()
        ),
        "http://www.opengis.net/ont/geosparql#wktLiteral",
        "http://www.opengis.net/ont/geosparql#gmlLiteral",
    )
)
FRACTIONAL_DATATYPES = frozenset(
    ox.NamedNode(_XSD + name) for name in ("decimal", "double", "float")
)
#: IRIs that are values (an address, a number), owned by the node that states them.
VALUE_SCHEMES = ("mailto:", "tel:")

#: Types of vocabulary terms: the documentation of a term (demoi's own, or one it reuses and
#: documents, such as vcard:hasEmail) gives examples, not data.
VOCABULARY_TYPES = frozenset(
    {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
        "http://www.w3.org/2000/01/rdf-schema#Class",
        "http://www.w3.org/2002/07/owl#Class",
        "http://www.w3.org/2002/07/owl#ObjectProperty",
        "http://www.w3.org/2002/07/owl#DatatypeProperty",
        "http://www.w3.org/2002/07/owl#AnnotationProperty",
        "http://www.w3.org/ns/shacl#NodeShape",
        "http://www.w3.org/ns/shacl#PropertyShape",
    }
)


class Context(Protocol):
    """What the rest of the data (the store, for one of its graphs) tells about nodes the
    scanned quads mention but do not describe: a decision's unit is described in the units'
    graph."""

    def describe(self, iris: set[str]) -> Mapping[str, tuple[frozenset[str], bool]]:
        """IRI -> (its types, whether it has a legal-entity name)."""

    def organisation_domains(self) -> Iterable[str]:
        """Domains of the functional mailboxes of organisations."""


@cache
def organisation_classes() -> frozenset[str]:
    """``ORGANISATION_CLASSES`` and every class of demoi's ontologies under one of them
    (dorg:Municipality, dorg:Directorate, …)."""
    store = ox.Store()
    for ontology in sorted(standards_path("ontologies").glob("*.ttl")):
        store.load(path=str(ontology), format=ox.RdfFormat.TURTLE)
    values = " ".join(f"<{iri}>" for iri in ORGANISATION_CLASSES)
    solutions = store.query(
        "SELECT DISTINCT ?class WHERE { VALUES ?base { " + values + " } "
        "?class <http://www.w3.org/2000/01/rdf-schema#subClassOf>+ ?base }"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    return ORGANISATION_CLASSES | frozenset(str(row["class"].value) for row in solutions)


def _literal_may_hold(literal: ox.Literal) -> bool:
    datatype = literal.datatype
    if datatype in NO_IDENTIFIER_DATATYPES:
        return False
    if datatype in FRACTIONAL_DATATYPES:
        value = literal.value
        return "." not in value and "e" not in value.lower()
    return True


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


class _RdfScan(_Scan):
    def __init__(self) -> None:
        super().__init__()
        self.classes = organisation_classes()
        #: Organisation types of the nodes that have one.
        self.types: defaultdict[str, set[str]] = defaultdict(set)
        #: Nodes with a legal-entity name.
        self.named: set[str] = set()
        #: Blank node -> the node that points to it, to find a documentation literal's owner.
        self.parents: dict[str, str] = {}
        #: Vocabulary terms (classes, properties, shapes) described in the scanned data.
        self.vocabulary: set[str] = set()
        self._subjects_seen: set[tuple[str | None, str]] = set()
        self._graphs_seen: set[str] = set()
        self._last_subject: ox.NamedNode | ox.BlankNode | ox.Triple | None = None
        self._last_graph: str | None = None
        self._node = ""

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
        role = _PREDICATE_ROLES.get(predicate, _OTHER)
        if isinstance(term, ox.Literal):
            if role is _CODE or not _literal_may_hold(term):
                return
            text = term.value
            if role is _NAME and is_legal_entity_name(text):
                self.named.add(node)
            documents = node if role is _DOCUMENTATION else None
            if documents is not None and documents.startswith(STANDARDS_NAMESPACES):
                return  # an example in the standards' documentation (see _documents_standards)
            found = candidates(text)
            if found:
                where = Where(
                    graph=graph_iri, subject=node, predicate=predicate.value, part="object"
                )
                for hit in found:
                    self.add(hit, text[hit.start : hit.end], where, owner=node, documents=documents)
        elif isinstance(term, ox.NamedNode):
            iri = term.value
            if role is _TYPE:
                if iri in self.classes:
                    self.types[node].add(iri)
                elif iri in VOCABULARY_TYPES:
                    self.vocabulary.add(node)
            elif _iri_candidates(iri)[1]:
                owner = node if iri.startswith(VALUE_SCHEMES) else iri
                where = Where(
                    graph=graph_iri, subject=node, predicate=predicate.value, part="object IRI"
                )
                self._iri(iri, where, owner=owner)
        elif isinstance(term, ox.BlankNode):
            self.parents["_:" + term.value] = node

    def _subject_changed(
        self, subject: ox.NamedNode | ox.BlankNode | ox.Triple, graph_iri: str | None
    ) -> None:
        if graph_iri is not None and graph_iri not in self._graphs_seen:
            self._graphs_seen.add(graph_iri)
            self._iri(graph_iri, Where(graph=graph_iri, part="graph IRI"), owner=graph_iri)
        node = self._node
        if isinstance(subject, ox.NamedNode) and (graph_iri, node) not in self._subjects_seen:
            if _iri_candidates(node)[1]:
                self._subjects_seen.add((graph_iri, node))
                where = Where(graph=graph_iri, subject=node, part="subject IRI")
                self._iri(node, where, owner=node)

    def _iri(self, iri: str, where: Where, *, owner: str) -> None:
        text, found = _iri_candidates(iri)
        for hit in found:
            self.add(hit, text[hit.start : hit.end], where, owner=owner)

    def resolve(self, context: Context | None = None) -> list[Finding]:
        if context is not None:
            unknown = {
                hit.owner
                for hit in self.hits
                if hit.owner and not hit.owner.startswith("_:") and hit.owner not in self.types
            }
            if any(hit.kind is Kind.EMAIL for hit in self.hits):
                self.known_domains.update(context.organisation_domains())
            if unknown:
                for iri, (types, named) in context.describe(unknown).items():
                    known = {type_ for type_ in types if type_ in self.classes}
                    if known:
                        self.types[iri].update(known)
                    if named:
                        self.named.add(iri)
        for hit in self.hits:
            if hit.kind in ENTITY_KINDS and hit.owner is not None and self._is_entity(hit.owner):
                self.entity_keys.add(hit.key)
        kept = [hit for hit in self.hits if not self._documents_standards(hit)]
        return [_masked_where(finding) for finding in self.findings(kept)]

    def _is_entity(self, node: str) -> bool:
        types = self.types.get(node)
        if not types:
            return False
        if types <= MAY_BE_PERSON:
            return node in self.named
        return True

    def _documents_standards(self, hit: _Hit) -> bool:
        node = hit.documents
        for _ in range(64):  # blank nodes nest a few levels; a cycle must not hang the scan
            if node is None or not node.startswith("_:"):
                break
            node = self.parents.get(node)
        return node is not None and (
            node.startswith(STANDARDS_NAMESPACES) or node in self.vocabulary
        )


def _masked_where(finding: Finding) -> Finding:
    """The finding with the IRIs of its place masked: an identifier in a subject IRI must not
    be shown by the finding of its literal."""
    where = finding.where
    masked = dataclasses.replace(
        where,
        graph=masked_iri(where.graph) if where.graph else None,
        subject=(
            masked_iri(where.subject)
            if where.subject and not where.subject.startswith("_:")
            else where.subject
        ),
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
        findings = [
            dataclasses.replace(finding, where=dataclasses.replace(finding.where, file=file))
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
    return scan_quads(store.quads(graph), context=StoreContext(store))


class StoreContext:
    """The whole store as the context of one of its graphs."""

    #: IRIs asked about in one query.
    BATCH = 500

    def __init__(self, store: Store) -> None:
        self.store = store

    def describe(self, iris: set[str]) -> dict[str, tuple[frozenset[str], bool]]:
        """The types and legal-entity names the whole store gives ``iris``."""
        known: dict[str, tuple[frozenset[str], bool]] = {}
        ordered = sorted(iri for iri in iris if _IRIREF.fullmatch(iri))
        names = " ".join(f"<{name.value}>" for name in NAME_PREDICATES)
        for start in range(0, len(ordered), self.BATCH):
            values = " ".join(f"<{iri}>" for iri in ordered[start : start + self.BATCH])
            result = self.store.query(
                "SELECT ?node ?type ?name WHERE { VALUES ?node { " + values + " } GRAPH ?g { "
                "{ ?node a ?type } UNION { VALUES ?p { " + names + " } ?node ?p ?name } } }"
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

    def organisation_domains(self) -> set[str]:
        """Domains of the functional mailboxes (mailto: IRIs, e-mail literals) of the nodes of
        the store typed as organisations, but for those a sole trader may be typed with."""
        classes = " ".join(f"<{iri}>" for iri in sorted(organisation_classes() - MAY_BE_PERSON))
        result = self.store.query(
            "SELECT DISTINCT ?value WHERE { VALUES ?class { " + classes + " } GRAPH ?g { "
            "?node a ?class ; ?p ?value "
            'FILTER(STRSTARTS(STR(?value), "mailto:") || isLiteral(?value) '
            '&& CONTAINS(STR(?value), "@")) } }'
        )
        domains = set()
        for (value,) in result.rows:
            assert value is not None and not isinstance(value, ox.Triple)
            text = str(value.value)
            for found in candidates(text):
                if found.kind is Kind.EMAIL:
                    local, _, domain = text[found.start : found.end].lower().rpartition("@")
                    if is_functional_local_part(local) and domain not in WEBMAIL_DOMAINS:
                        domains.add(domain)
        return domains


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
        return scan_quads(ox.parse(path=str(path), format=rdf_format), file=str(path))
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
    return scan_rdf_bytes(data, RDF_EXTENSIONS[kind], file=file)


def _scan_delimited(data: bytes, file: str) -> list[Finding]:
    from demoi.lifting.tabular import decode, numbered_rows

    text, _ = decode(data, file)
    delimiter = sniff_delimiter(text)
    scan = _TableScan()
    _scan_records(scan, numbered_rows(text, delimiter, file), Where(file=file))
    return scan.findings()


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
    scan: _TableScan, records: Iterable[tuple[int, list[str]]], base: Where, table: str = ""
) -> None:
    """Rows numbered as in the file; the header is the first of the widest rows among the first
    ones (title lines above it, as exports have, are scanned as text without a column)."""
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
        scan.row(columns, texts, _locate_in_row(base, number, columns), table)


def _filled(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _scan_workbook(path: Path) -> list[Finding]:
    from demoi.lifting.sources.excel import workbook_sheets

    scan = _TableScan()
    for sheet, records in workbook_sheets(path):
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
        return Where(file=document.file, line=document.line(path), pointer=pointer)

    return locate
