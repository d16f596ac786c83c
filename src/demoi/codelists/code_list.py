"""A demoi code list as SKOS, made from the rows of a spreadsheet and read back into rows.

What a row carries (docs/codelists.md): ``code`` is the concept's ``skos:notation`` and names
it, ``<scheme>/<ENCODE_FOR_URI(code)>`` (docs/standards.md, IRI policy); ``label_el|en`` its
``skos:prefLabel``; ``definition_el|en`` its ``skos:definition``; ``note_el|en`` its
``skos:scopeNote``; ``parent`` the code (or, outside the list, the IRI) of its ``skos:broader``.
A concept without a parent is a top concept (``skos:topConceptOf``, ``skos:hasTopConcept``).
Like every file of ontologies/codelists/, only ``skos:broader`` is written, not its inverse
``skos:narrower``, which SKOS lets a reader infer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin

import pyoxigraph as ox

from demoi.codelists.spreadsheet import COLUMNS, Row, Table, both
from demoi.errors import DataError, Location, UsageError
from demoi.iris import STANDARDS_BASE
from demoi.store.oxigraph import rdf_syntax_error

CODE_BASE = STANDARDS_BASE + "code/"
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EXTERNAL = re.compile(r"^https?://")
#: Bidi embeddings, overrides and isolates: they reorder the text around them on screen, so a
#: label holding one can show other words than it holds (CVE-2021-42574, "Trojan Source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Unicode's aliases for the controls a cell may hold by mistake (controls have no name).
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x85": "NEXT LINE",
}
LANGUAGES = ("el", "en")

SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CONCEPT = ox.NamedNode(SKOS + "Concept")
CONCEPT_SCHEME = ox.NamedNode(SKOS + "ConceptScheme")
IN_SCHEME = ox.NamedNode(SKOS + "inScheme")
TOP_CONCEPT_OF = ox.NamedNode(SKOS + "topConceptOf")
HAS_TOP_CONCEPT = ox.NamedNode(SKOS + "hasTopConcept")
NOTATION = ox.NamedNode(SKOS + "notation")
PREF_LABEL = ox.NamedNode(SKOS + "prefLabel")
DEFINITION = ox.NamedNode(SKOS + "definition")
SCOPE_NOTE = ox.NamedNode(SKOS + "scopeNote")
BROADER = ox.NamedNode(SKOS + "broader")
TITLE = ox.NamedNode(DCTERMS + "title")
SOURCE = ox.NamedNode(DCTERMS + "source")
#: The column of each language-tagged property a row carries.
TEXT_COLUMNS = {
    (PREF_LABEL, "el"): "label_el",
    (PREF_LABEL, "en"): "label_en",
    (DEFINITION, "el"): "definition_el",
    (DEFINITION, "en"): "definition_en",
    (SCOPE_NOTE, "el"): "note_el",
    (SCOPE_NOTE, "en"): "note_en",
}
PREFIXES = {"skos": SKOS, "dcterms": DCTERMS}
GENERATED = "# GENERATED FILE"

Triple = ox.Triple


def scheme_iri(name: str) -> str:
    """The scheme named ``waste-stream`` or ``https://w3id.org/demoi/code/waste-stream``."""
    local = name.removeprefix(CODE_BASE)
    if _NAME.fullmatch(local) is None:
        raise UsageError(
            both(
                f"{name!r}: ο κατάλογος ονομάζεται με πεζά λατινικά, ψηφία και '-' "
                f"(waste-stream) ή με το IRI του κάτω από {CODE_BASE}",
                f"{name!r}: a code list is named in lowercase letters, digits and '-' "
                f"(waste-stream) or by its IRI under {CODE_BASE}",
            )
        )
    return CODE_BASE + local


def concept_iri(scheme: str, code: str) -> str:
    # quote with nothing safe is SPARQL's ENCODE_FOR_URI: all but A-Z a-z 0-9 - _ . ~ encoded.
    return f"{scheme}/{quote(code, safe='')}"


def shown(char: str) -> str:
    """A character named so that a message shows it, whatever it does to a terminal."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def refused_in_code(code: str) -> str | None:
    """The first character of ``code`` that a code may not hold: a control, a format character
    (zero-width, bidi), a private-use, unassigned or surrogate one, or a space other than
    U+0020. Each would make two codes that look alike name two concepts (``A`` and ``A`` with
    a zero-width space), or a code that cannot be typed again."""
    for char in code:
        category = unicodedata.category(char)
        if category[0] == "C" or (category[0] == "Z" and char != " "):
            return char
    return None


def refused_in_text(text: str, *, lines: bool) -> str | None:
    """The first character of a label, definition or note that it may not hold: a C0 or C1
    control, a line or paragraph separator, a surrogate, or a bidi embedding, override or
    isolate. Line breaks and tabs are ordinary in a text of several ``lines`` (a definition,
    a note), never in a label. Other characters are kept, zero-width joiners and soft hyphens
    too: they are ordinary text in some scripts."""
    for char in text:
        category = unicodedata.category(char)
        if char in _BIDI or category in ("Zl", "Zp", "Cs"):
            return char
        if category == "Cc" and not (lines and char in "\n\t"):
            return char
    return None


def is_dot_segment(code: str) -> bool:
    """Whether the code's IRI ends in a dot segment (RFC 3986, 5.2.4), which browsers, curl and
    w3id.org remove, so that ``<scheme>/..`` names the folder above the list. Only the codes
    ``.`` and ``..`` make one: ENCODE_FOR_URI encodes every ``/`` and ``%`` of a code."""
    return quote(code, safe="") in (".", "..")


def valid_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI (RFC 3987, as pyoxigraph reads them) with no control,
    format or bidi character, which RFC 3987 (4.1) forbids and oxigraph lets through."""
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return not any(unicodedata.category(char)[0] == "C" for char in text)


@dataclass(frozen=True)
class SchemeText:
    """The scheme's title, definition and source given as options; None keeps the file's.
    UsageError if one holds a character a label or definition may not (``refused_in_text``)."""

    title: dict[str, str] = field(default_factory=dict)
    definition: dict[str, str] = field(default_factory=dict)
    source: str | None = None

    def __post_init__(self) -> None:
        given = [
            *((f"--title-{lang}", text, False) for lang, text in self.title.items()),
            *((f"--definition-{lang}", text, True) for lang, text in self.definition.items()),
            *([("--source", self.source, False)] if self.source is not None else []),
        ]
        for option, text, lines in given:
            if (char := refused_in_text(text, lines=lines)) is not None:
                raise UsageError(
                    both(
                        f"{option}: έχει τον χαρακτήρα ελέγχου {shown(char)}",
                        f"{option}: holds the control character {shown(char)}",
                    )
                )


@dataclass(frozen=True)
class ExistingList:
    """A code-list file that an import updates: what the CSV does not carry is kept from it."""

    file: str
    scheme: str
    header: str
    prefixes: dict[str, str]
    triples: tuple[Triple, ...]
    #: The comment lines before a subject's statements (a decision about a concept), by IRI.
    comments: dict[str, str] = field(default_factory=dict)
    by_subject: dict[str, list[Triple]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in self.triples:
            self.by_subject.setdefault(_text(t.subject), []).append(t)

    def about(self, subject: str) -> list[Triple]:
        return self.by_subject.get(subject, [])

    def concepts(self) -> dict[str, str]:
        """IRI -> notation of the concepts of the scheme."""
        scheme = ox.NamedNode(self.scheme)
        members = {
            t.subject for t in self.triples if t.predicate == IN_SCHEME and t.object == scheme
        }
        return {
            _text(t.subject): _text(t.object)
            for t in self.triples
            if t.subject in members and t.predicate == NOTATION
        }


def _parsed(path: Path) -> tuple[list[Triple], dict[str, str]]:
    try:
        parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        triples = [quad.triple for quad in parser]
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, str(path), ox.RdfFormat.TURTLE) from None
    except OSError as error:
        # pyoxigraph's OSError has no strerror, only its message
        raise UsageError(f"{path}: {error.strerror or error}") from None
    return triples, dict(parser.prefixes)


def _schemes(triples: Iterable[Triple]) -> list[str]:
    return [_text(t.subject) for t in triples if t.predicate == TYPE and t.object == CONCEPT_SCHEME]


def _chosen_scheme(found: list[str], wanted: str | None, file: str) -> str:
    if wanted is not None and wanted in found:
        return wanted
    if wanted is None and len(found) == 1:
        return found[0]
    listed = ", ".join(found) or "-"
    raise UsageError(
        both(
            f"{file}: διαλέξτε κατάλογο με --scheme ({listed})",
            f"{file}: choose a code list with --scheme ({listed})",
        )
        if wanted is None
        else both(
            f"{file}: δεν έχει τον κατάλογο {wanted} ({listed})",
            f"{file}: has no code list {wanted} ({listed})",
        )
    )


def _demoi_only(scheme: str) -> None:
    # An EU list's concepts are not <scheme>/<notation>: import could not give them back.
    if not scheme.startswith(CODE_BASE):
        raise UsageError(
            both(
                f"{scheme}: δεν είναι κατάλογος του demoi· η εισαγωγή φτιάχνει IRI στο {CODE_BASE}",
                f"{scheme}: not a demoi code list; import mints IRIs under {CODE_BASE}",
            )
        )


def existing_list(path: Path, scheme: str | None) -> ExistingList:
    """The file an import updates; UsageError if a tool generates it or it holds other lists."""
    triples, prefixes = _parsed(path)
    text = path.read_text(encoding="utf-8")
    if text.startswith(GENERATED):
        raise UsageError(
            both(
                f"{path}: το φτιάχνει εργαλείο (δείτε τις πρώτες γραμμές του): αλλάξτε την πηγή",
                f"{path}: a tool generates it (see its first lines): change the tool's source",
            )
        )
    found = _schemes(triples)
    chosen = _chosen_scheme(found, scheme, str(path))
    _demoi_only(chosen)
    if len(found) > 1:
        raise UsageError(
            both(
                f"{path}: έχει {len(found)} καταλόγους· η ενημέρωση γράφει αρχείο με έναν",
                f"{path}: holds {len(found)} code lists; an update writes a file of one",
            )
        )
    # The prefixes in the order the file declares them (the parser's order is its own).
    declared = re.findall(r"(?m)^@prefix\s+([\w-]*):\s*<([^>]*)>", text)
    prefixes = {**{name: iri for name, iri in declared if name in prefixes}, **prefixes}
    header = "".join(line for line in _leading_comments(text))
    comments = _comments_by_subject(text[len(header) :], prefixes)
    return ExistingList(str(path), chosen, header, prefixes, tuple(triples), comments)


def _comments_by_subject(text: str, prefixes: dict[str, str]) -> dict[str, str]:
    """The comment lines of the file (after its header), each given to the subject whose
    statements start next (at column 0, as code-list files write them)."""
    found: dict[str, str] = {}
    pending: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            pending.append(line.strip())
        elif pending and line[:1] not in ("", " ", "\t", "@") and not line.startswith("PREFIX"):
            subject = _expanded(line.split()[0], prefixes)
            if subject is not None:
                found[subject] = "\n".join(pending)
                pending = []
    if pending:
        found[""] = "\n".join(pending)  # after the last statement: kept at the end
    return found


def _expanded(token: str, prefixes: dict[str, str]) -> str | None:
    if token.startswith("<"):
        return token[1 : token.find(">")]
    prefix, colon, local = token.partition(":")
    if not colon or prefix not in prefixes:
        return None
    return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local.rstrip(";.,"))


def _leading_comments(text: str) -> Iterator[str]:
    for line in text.splitlines(keepends=True):
        if not line.startswith("#") and line.strip():
            return
        yield line


# ---------------------------------------------------------------------------------------------
# CSV -> SKOS


@dataclass
class _Problems:
    found: list[str] = field(default_factory=list)

    def add(self, where: Location, el: str, en: str) -> None:
        self.found.append(f"{where}: {both(el, en)}")

    def raise_any(self) -> None:
        if len(self.found) == 1:
            raise DataError(self.found[0])
        if self.found:
            raise DataError("\n".join([f"{len(self.found)} προβλήματα / problems:", *self.found]))


def _check_codes(table: Table, scheme: str, problems: _Problems) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    # The NFC and NFD forms of a Greek code look the same: one code, written twice.
    by_form: dict[str, Row] = {}
    for row in table.rows:
        code = row.get("code")
        where = table.where(row, "code")
        form = unicodedata.normalize("NFC", code)
        if not code:
            problems.add(where, "κενός κωδικός", "empty code")
        elif (char := refused_in_code(code)) is not None:
            problems.add(
                where,
                f"ο κωδικός έχει χαρακτήρα ελέγχου ή αόρατο χαρακτήρα: {shown(char)}",
                f"the code holds a control or invisible character: {shown(char)}",
            )
        elif is_dot_segment(code):
            iri, read = concept_iri(scheme, code), urljoin(scheme + "/", code)
            problems.add(
                where,
                f"ο κωδικός {code!r} δίνει το IRI {iri}, που οι φυλλομετρητές και το w3id.org "
                f"διαβάζουν ως {read} (τμήμα τελείας): διαλέξτε άλλον κωδικό",
                f"code {code!r} makes the IRI {iri}, which browsers and w3id.org read as "
                f"{read} (a dot segment): choose another code",
            )
        elif form in by_form:
            other = by_form[form]
            problems.add(where, *_repeated(code, other.get("code"), other.line))
        else:
            rows[code] = by_form[form] = row
    return rows


def _repeated(code: str, other: str, line: int) -> tuple[str, str]:
    if code == other:
        return (
            f"ο κωδικός {code!r} υπάρχει και στη γραμμή {line}",
            f"code {code!r} is also on line {line}",
        )
    return (
        f"ο κωδικός {code!r} είναι ο {other!r} της γραμμής {line} γραμμένος με άλλους χαρακτήρες "
        "Unicode (η μία μορφή NFC, η άλλη NFD)",
        f"code {code!r} is the code {other!r} of line {line} written with other Unicode "
        "characters (one in NFC form, the other in NFD)",
    )


def _check_characters(table: Table, problems: _Problems) -> None:
    """Labels, definitions and notes hold no control or bidi character (``refused_in_text``)."""
    for row in table.rows:
        for column in TEXT_COLUMNS.values():
            lines = not column.startswith("label_")
            if (char := refused_in_text(row.get(column), lines=lines)) is not None:
                problems.add(
                    table.where(row, column),
                    f"το κελί έχει τον χαρακτήρα ελέγχου {shown(char)}",
                    f"the cell holds the control character {shown(char)}",
                )


def _check_texts(
    table: Table, problems: _Problems, existing: ExistingList | None, scheme: str
) -> None:
    seen: dict[tuple[str, str], Row] = {}
    for row in table.rows:
        for language in LANGUAGES:
            label = row.get(f"label_{language}")
            where = table.where(row, f"label_{language}")
            if not label:
                problems.add(
                    where,
                    f"λείπει η ετικέτα στα {_NAMES_EL[language]}",
                    f"no label in {_NAMES_EN[language]}",
                )
            elif (language, _looks(label)) in seen:
                line = seen[(language, _looks(label))].line
                problems.add(
                    where,
                    f"την ετικέτα {label!r} έχει και η γραμμή {line}: κάντε τες διαφορετικές "
                    "και κρατήστε την κοινή στο Turtle ως skos:altLabel",
                    f"line {line} has the label {label!r} too: make them differ, and keep the "
                    "shared one as skos:altLabel in the Turtle",
                )
            else:
                seen[(language, _looks(label))] = row
            _check_definition(table, row, language, problems, existing, scheme)


def _looks(label: str) -> str:
    """What a reader sees of a label: its NFC form without zero-width (format) characters."""
    form = unicodedata.normalize("NFC", label)
    return "".join(char for char in form if unicodedata.category(char) != "Cf")


_NAMES_EL = {"el": "ελληνικά", "en": "αγγλικά"}
_NAMES_EN = {"el": "Greek", "en": "English"}


def _check_definition(
    table: Table,
    row: Row,
    language: str,
    problems: _Problems,
    existing: ExistingList | None,
    scheme: str,
) -> None:
    column = f"definition_{language}"
    if column in table.columns:
        missing = not row.get(column)
    else:  # only with --update: the file's definition is kept
        kept = existing.about(concept_iri(scheme, row.get("code"))) if existing else []
        missing = not any(
            t.predicate == DEFINITION
            and isinstance(t.object, ox.Literal)
            and t.object.language == language
            for t in kept
        )
    if missing and row.get("code"):
        problems.add(
            table.where(row, column),
            f"λείπει ο ορισμός στα {_NAMES_EL[language]}",
            f"no definition in {_NAMES_EN[language]}",
        )


def _check_parents(table: Table, rows: dict[str, Row], problems: _Problems) -> None:
    if "parent" not in table.columns:
        return
    for row in rows.values():
        parent = row.get("parent")
        if not parent or parent in rows:
            continue
        if not _EXTERNAL.match(parent):
            problems.add(
                table.where(row, "parent"),
                f"ο γονέας {parent!r} δεν είναι κωδικός του καταλόγου",
                f"parent {parent!r} is no code of this list",
            )
        elif not valid_iri(parent):
            problems.add(
                table.where(row, "parent"),
                f'ο γονέας {parent!r} δεν είναι έγκυρο IRI (π.χ. κενό ή < > " μέσα του)',
                f'parent {parent!r} is not a valid IRI (e.g. a space or < > " in it)',
            )
    for cycle in parent_cycles({code: row.get("parent") for code, row in rows.items()}):
        path = " → ".join([*cycle, cycle[0]])
        problems.add(
            table.where(rows[cycle[0]], "parent"),
            f"κύκλος γονέων: {path}",
            f"a cycle of parents: {path}",
        )


def parent_cycles(parents: Mapping[str, str]) -> list[list[str]]:
    """The cycles of ``parents`` (code -> its parent; a parent that is no key ends a chain),
    each once, from its code that comes first in ``parents``, in that order.

    Linear in the codes, since a filled-down parent column is a chain of thousands: each code
    is entered once, as a walk up from a code stops at a code an earlier walk entered."""
    order = {code: number for number, code in enumerate(parents)}
    entered: set[str] = set()
    cycles = []
    for start in parents:
        walk: dict[str, int] = {}  # this walk's codes, by their step
        code = start
        while code in parents and code not in entered and code not in walk:
            walk[code] = len(walk)
            code = parents[code]
        if code in walk:  # the walk came back to one of its own codes
            cycle = list(walk)[walk[code] :]
            first = min(range(len(cycle)), key=lambda step: order[cycle[step]])
            cycles.append(cycle[first:] + cycle[:first])
        entered.update(walk)
    return sorted(cycles, key=lambda cycle: order[cycle[0]])


def _check_kept(
    table: Table, rows: dict[str, Row], existing: ExistingList, problems: _Problems
) -> None:
    # IRIs never change meaning and are not deleted (docs/standards.md): a concept of the file
    # that the CSV lacks is an error, not a deletion.
    missing = [code for code in existing.concepts().values() if code not in rows]
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        problems.add(
            Location(table.file),
            f"λείπουν κωδικοί του {existing.file}: {shown} (ένα IRI δεν σβήνεται· "
            "κρατήστε τη γραμμή και σημειώστε την έννοια owl:deprecated στο Turtle)",
            f"codes of {existing.file} are missing: {shown} (an IRI is never deleted: "
            "keep the row and mark the concept owl:deprecated in the Turtle)",
        )


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return str(term) if isinstance(term, ox.Triple) else term.value


def _is_top(concept: list[Triple], scheme: ox.NamedNode) -> bool:
    return Triple(concept[0].subject, TOP_CONCEPT_OF, scheme) in concept


def _literal(text: str, language: str) -> ox.Literal:
    return ox.Literal(text, language=language)


def _carried(triple: Triple, columns: Sequence[str], scheme: ox.NamedNode) -> bool:
    """Whether the CSV's columns replace this triple of an existing concept."""
    predicate, value = triple.predicate, triple.object
    if predicate == TYPE:
        return value == CONCEPT
    if predicate in (IN_SCHEME, NOTATION):
        return predicate == NOTATION or value == scheme
    if predicate in (BROADER, TOP_CONCEPT_OF):
        return "parent" in columns and (predicate == BROADER or value == scheme)
    if isinstance(value, ox.Literal) and value.language in LANGUAGES:
        return TEXT_COLUMNS.get((predicate, value.language)) in columns
    return False


def _concept_triples(
    row: Row,
    table: Table,
    scheme: ox.NamedNode,
    codes: Mapping[str, Row],
    existing: ExistingList | None,
) -> list[Triple]:
    code = row.get("code")
    concept = ox.NamedNode(concept_iri(scheme.value, code))
    kept = [
        t
        for t in (existing.about(concept.value) if existing else [])
        if not _carried(t, table.columns, scheme)
    ]
    parent = row.get("parent")
    if "parent" in table.columns:
        top = not parent
    else:  # the file's hierarchy is kept; a concept new to it is a top concept
        top = not any(t.predicate in (BROADER, TOP_CONCEPT_OF) for t in kept)
    triples = [Triple(concept, TYPE, CONCEPT), Triple(concept, IN_SCHEME, scheme)]
    if top:
        triples.append(Triple(concept, TOP_CONCEPT_OF, scheme))
    triples.append(Triple(concept, NOTATION, ox.Literal(code)))
    for (predicate, language), column in TEXT_COLUMNS.items():
        if row.get(column):
            triples.append(Triple(concept, predicate, _literal(row.get(column), language)))
    if parent:
        broader = parent if parent not in codes else concept_iri(scheme.value, parent)
        triples.append(Triple(concept, BROADER, ox.NamedNode(broader)))
    # An updated concept keeps the order of its properties in the file, so a diff shows changes.
    existing_order = [t.predicate for t in (existing.about(concept.value) if existing else [])]
    order = {p: existing_order.index(p) for p in existing_order}
    return sorted(triples + kept, key=lambda t: order.get(t.predicate, len(order)))


def _given(text: SchemeText) -> dict[tuple[ox.NamedNode, str | None], ox.Literal]:
    """The scheme's triples the options give, by predicate and language."""
    given: dict[tuple[ox.NamedNode, str | None], ox.Literal] = {}
    for predicate in (PREF_LABEL, TITLE):
        given.update({(predicate, lang): _literal(t, lang) for lang, t in text.title.items()})
    given.update({(DEFINITION, lang): _literal(d, lang) for lang, d in text.definition.items()})
    if text.source is not None:
        given[(SOURCE, None)] = ox.Literal(text.source)
    return given


def _scheme_triples(
    scheme: ox.NamedNode, text: SchemeText, existing: ExistingList | None, tops: list[ox.NamedNode]
) -> list[Triple]:
    """The file's statements about the scheme (or a new scheme's type), each one an option
    gives replaced where it stands, so that an update changes the line it changes; then the
    options the file lacked, and the top concepts."""
    given = _given(text)
    replaced: set[tuple[ox.NamedNode, str | None]] = set()
    triples = []
    for t in existing.about(scheme.value) if existing else [Triple(scheme, TYPE, CONCEPT_SCHEME)]:
        language = t.object.language if isinstance(t.object, ox.Literal) else None
        if t.predicate == HAS_TOP_CONCEPT:
            continue
        key = (t.predicate, language)
        if key in given:
            triples.append(Triple(scheme, t.predicate, given.pop(key)))
            replaced.add(key)
        elif key not in replaced:
            triples.append(t)
    triples.extend(Triple(scheme, predicate, value) for (predicate, _), value in given.items())
    triples.extend(Triple(scheme, HAS_TOP_CONCEPT, top) for top in tops)
    return triples


def missing_scheme_text(text: SchemeText) -> list[str]:
    """The options a new code list (no --update) lacks: its title and definition in el and en."""
    return [
        f"--{kind}-{language}"
        for kind, given in (("title", text.title), ("definition", text.definition))
        for language in LANGUAGES
        if not given.get(language)
    ]


def code_list_triples(
    table: Table, scheme: str, text: SchemeText, existing: ExistingList | None = None
) -> list[Triple]:
    """The triples of the code list, scheme first and then the concepts in the CSV's order;
    DataError listing every problem of the CSV (file, line, column) when it is not a list."""
    problems = _Problems()
    rows = _check_codes(table, scheme, problems)
    _check_characters(table, problems)
    _check_texts(table, problems, existing, scheme)
    _check_parents(table, rows, problems)
    if existing is not None:
        _check_kept(table, rows, existing, problems)
    problems.raise_any()
    node = ox.NamedNode(scheme)
    concepts = [_concept_triples(row, table, node, rows, existing) for row in rows.values()]
    tops = [ox.NamedNode(_text(c[0].subject)) for c in concepts if _is_top(c, node)]
    others = _others(existing, scheme, {c[0].subject for c in concepts}) if existing else []
    return [
        *_scheme_triples(node, text, existing, tops),
        *(t for c in concepts for t in c),
        *others,
    ]


def _others(existing: ExistingList, scheme: str, concepts: set[object]) -> list[Triple]:
    """What else the file says (e.g. about a blank node a concept points to), kept as it is."""
    return [
        t
        for t in existing.triples
        if t.subject != ox.NamedNode(scheme) and t.subject not in concepts
    ]


def new_header(scheme: str, text: SchemeText, csv_name: str) -> str:
    name = scheme.removeprefix(CODE_BASE)
    en, el = (_one_line(text.title.get(language, name)) for language in ("en", "el"))
    return (
        f"# {en} ({el}): the code list {scheme}.\n"
        f"# Made by `demoi codelist import` from {_one_line(csv_name)}. To change it in a "
        "spreadsheet:\n"
        f"# `uv run demoi codelist export {name} --out {name}.csv`, edit, then\n"
        f"# `uv run demoi codelist import {name}.csv --update <this file> --out <this file>`\n"
        "# (docs/codelists.md). Say here where the codes come from and why the list is as it is.\n"
    )


def _one_line(text: str) -> str:
    """``text`` fit for a ``#`` comment line: a line break would end the comment and make the
    rest Turtle statements, so every control, separator and bidi character is shown escaped."""
    return "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI
        else char
        for char in text
    )


# A local name written as prefix:local only when it is this simple (letters, digits, _ - . and
# %HH, not ending in .), so that no character of it needs Turtle's backslash escapes.
_LOCAL = re.compile(
    r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:(?:[A-Za-z0-9_.-]|%[0-9A-Fa-f]{2})*(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2}))?"
)
WIDTH = 100


def turtle(
    triples: Sequence[Triple],
    header: str,
    prefixes: dict[str, str],
    scheme: str,
    comments: dict[str, str] | None = None,
) -> str:
    """Readable Turtle: the header comment, the prefixes, then one block a subject in the order
    of ``triples``, each after the comment lines ``comments`` has for it.

    A small writer rather than a library's: rdflib's serializer sorts subjects, which would
    scatter the spreadsheet's order, and pyoxigraph's keeps the order but writes every object
    of a predicate on one line, however long. Terms are written by pyoxigraph (N-Triples form,
    which Turtle reads), IRIs shortened by the prefixes."""
    wanted = {**prefixes, **{k: v for k, v in PREFIXES.items() if v not in prefixes.values()}}
    if scheme + "/" not in wanted.values():
        wanted["code"] = scheme + "/"
    comments = comments or {}
    parts = ["\n".join(f"@prefix {name}: <{iri}> ." for name, iri in wanted.items())]
    for subject, about in _runs(triples):
        comment = comments.get(_text(subject), "")
        parts.append((comment + "\n" if comment else "") + _block(subject, about, wanted))
    if "" in comments:
        parts.append(comments[""])
    header = header.rstrip("\n") + "\n\n" if header.strip() else ""
    written = header + "\n\n".join(parts) + "\n"
    _check_reads_back(written, triples)
    return written


def _check_reads_back(written: str, triples: Sequence[Triple]) -> None:
    """A writer by hand can be wrong where a library's is tested: the file is read again and
    must say exactly ``triples``, so that a bug never writes a list that says something else."""
    read = {quad.triple for quad in ox.parse(written, format=ox.RdfFormat.TURTLE)}
    if read != set(triples):
        raise RuntimeError("the Turtle written does not read back as the code list's triples")


def _runs(triples: Sequence[Triple]) -> Iterator[tuple[ox.NamedNode | ox.BlankNode, list[Triple]]]:
    """The triples in runs of one subject, in their order."""
    run: list[Triple] = []
    for t in triples:
        if run and t.subject != run[0].subject:
            yield run[0].subject, run  # type: ignore[misc]
            run = []
        run.append(t)
    if run:
        yield run[0].subject, run  # type: ignore[misc]


def _block(
    subject: ox.NamedNode | ox.BlankNode, about: list[Triple], prefixes: dict[str, str]
) -> str:
    by_predicate: dict[ox.NamedNode, list[str]] = {}
    for t in about:
        by_predicate.setdefault(t.predicate, []).append(_term(t.object, prefixes))
    lines = [_term(subject, prefixes)]
    for number, (predicate, values) in enumerate(by_predicate.items(), start=1):
        end = " ." if number == len(by_predicate) else " ;"
        name = "a" if predicate == TYPE else _term(predicate, prefixes)
        lines.extend(_packed(f"    {name} ", values, end))
    return "\n".join(lines)


def _packed(start: str, values: list[str], end: str) -> list[str]:
    """The objects of one predicate, as many a line as fit in WIDTH, the next lines indented."""
    lines = [start + values[0]]
    for value in values[1:]:
        if len(lines[-1]) + len(value) + 3 + len(end) <= WIDTH:
            lines[-1] += f" , {value}"
        else:
            lines[-1] += " ,"
            lines.append(f"        {value}")
    lines[-1] += end
    return lines


def _term(
    term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, prefixes: dict[str, str]
) -> str:
    if isinstance(term, ox.NamedNode):
        for name, namespace in sorted(prefixes.items(), key=lambda p: -len(p[1])):
            local = term.value.removeprefix(namespace)
            if local != term.value and (not local or _LOCAL.fullmatch(local)):
                return f"{name}:{local}"
    return str(term)


# ---------------------------------------------------------------------------------------------
# SKOS -> CSV


def installed_file(scheme: str, folder: Path) -> Path:
    """The file of ontologies/codelists/ that declares ``scheme``."""
    for path in sorted(folder.glob("*.ttl")):
        if scheme in _schemes(_parsed(path)[0]):
            return path
    raise UsageError(
        both(
            f"κανένα αρχείο του {folder} δεν έχει τον κατάλογο {scheme}",
            f"no file of {folder} declares the code list {scheme}",
        )
    )


def code_list_rows(path: Path, scheme: str | None) -> tuple[str, list[dict[str, str]]]:
    """The scheme of ``path`` (the one named, or its only one) and its concepts as CSV rows,
    parents before their children, siblings in the order of the file."""
    triples, _ = _parsed(path)
    chosen = _chosen_scheme(_schemes(triples), scheme, str(path))
    _demoi_only(chosen)
    by_subject: dict[str, list[Triple]] = {}
    for t in triples:
        by_subject.setdefault(_text(t.subject), []).append(t)
    node = ox.NamedNode(chosen)
    members = [
        s for s, about in by_subject.items() if Triple(ox.NamedNode(s), IN_SCHEME, node) in about
    ]
    if not members:
        raise DataError(
            both(
                f"ο κατάλογος {chosen} δεν έχει έννοιες", f"the code list {chosen} has no concepts"
            ),
            location=Location(str(path)),
        )
    notations = {s: _one(by_subject[s], NOTATION, None, path, s) for s in members}
    rows = {s: _row(s, by_subject[s], notations, chosen, path) for s in members}
    return chosen, _outline(rows)


def _one(
    about: list[Triple], predicate: ox.NamedNode, language: str | None, path: Path, subject: str
) -> str:
    values = [
        _text(t.object)
        for t in about
        if t.predicate == predicate
        and (language is None or getattr(t.object, "language", None) == language)
    ]
    if len(values) > 1:
        name = predicate.value.removeprefix(SKOS)
        shown = f"skos:{name}" + (f"@{language}" if language else "")
        raise DataError(
            both(
                f"{subject}: έχει {len(values)} {shown}· ένα κελί χωρά ένα",
                f"{subject}: has {len(values)} {shown}; a cell holds one",
            ),
            location=Location(str(path)),
        )
    return values[0] if values else ""


def _row(
    subject: str, about: list[Triple], notations: dict[str, str], scheme: str, path: Path
) -> dict[str, str]:
    code = notations[subject]
    if subject != concept_iri(scheme, code):
        raise DataError(
            both(
                f"{subject}: το IRI δεν είναι {concept_iri(scheme, code)} (skos:notation {code!r})",
                f"{subject}: the IRI is not {concept_iri(scheme, code)} (skos:notation {code!r})",
            ),
            location=Location(str(path)),
        )
    row = {"code": code}
    for (predicate, language), column in TEXT_COLUMNS.items():
        row[column] = _one(about, predicate, language, path, subject)
    parent = _one(about, BROADER, None, path, subject)
    row["parent"] = notations.get(parent, parent)
    return row


def _outline(rows: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    codes = {row["code"]: row for row in rows.values()}
    children: dict[str, list[dict[str, str]]] = {}
    for row in codes.values():
        parent = row["parent"] if row["parent"] in codes else ""
        children.setdefault(parent, []).append(row)
    ordered: list[dict[str, str]] = []
    stack = children.get("", [])[::-1]
    while stack:
        row = stack.pop()
        ordered.append(row)
        stack.extend(children.get(row["code"], [])[::-1])
    if len(ordered) < len(codes):  # a cycle of broader: its codes last, as they are
        written = {row["code"] for row in ordered}
        ordered.extend(row for code, row in codes.items() if code not in written)
    return [{column: row.get(column, "") for column in COLUMNS} for row in ordered]
