"""Indicator definitions: one Turtle file per indicator in ``indicators/``, read and checked.

A definition is written with IRIs relative to the deployment's base (``<id/indicator/x>``), as
the mappings mint theirs, so that the definition's IRI is the one the ``indicator-values``
mapping already points hand-kept values to (``{base}id/indicator/<id>``). Reading it resolves
them against the store's base IRI.

What a definition must hold is the ``statistics`` SHACL profile (statsh:IndicatorShape); what
SHACL cannot say is checked here: the file's name is the identifier, the formula is a SPARQL
SELECT that parses and projects ``?area`` and ``?value``, and its source datasets are datasets
demoi's mappings make.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from demoi.errors import DataError, Location, QuerySyntaxError, UsageError, ValidationFailed
from demoi.lifting.mappings import available_mappings
from demoi.query_guard import OutboundRefused, check_query, has_dataset_clause
from demoi.resources import standards_path
from demoi.settings import Settings
from demoi.store.oxigraph import rdf_syntax_error
from demoi.validation import validate_ntriples

STAT = "https://w3id.org/demoi/def/statistics#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#"
DEMOI = "https://w3id.org/demoi/def/common#"
ADMS_STATUS = "http://www.w3.org/ns/adms#status"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STATUS = "https://w3id.org/demoi/code/indicator-status/"
DIRECTION = "https://w3id.org/demoi/code/indicator-direction/"
MUNICIPALITY = "https://w3id.org/demoi/code/municipality/"
FUNCTIONAL_AREA = "https://w3id.org/demoi/code/functional-area/"

#: The variables a formula must project; ``?period`` and ``?coverage`` are optional.
REQUIRED_VARIABLES = ("area", "value")
OPTIONAL_VARIABLES = ("period", "coverage")
FORMULA_SPEC = "https://www.w3.org/TR/sparql11-query/#select"

_IDENTIFIER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Definition:
    """One indicator of the Catalogue of Indicators, as its file says, rebased."""

    identifier: str
    iri: str
    path: Path
    labels: dict[str, str]
    definitions: dict[str, str]
    method: dict[str, str]
    notes: dict[str, str]
    formula: str
    unit: str
    decimals: int
    direction: str | None
    areas: tuple[str, ...]
    periodicity: str
    sources: tuple[str, ...]
    status: str
    accepted: date | None
    approved_by: dict[str, str]
    sha256: str
    triples: tuple[ox.Triple, ...] = field(repr=False)

    @property
    def is_public(self) -> bool:
        return self.status == "approved"

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("el") or self.identifier

    def text(self, values: dict[str, str], language: str) -> str:
        return values.get(language) or values.get("el") or ""

    @property
    def unit_code(self) -> str:
        """The QUDT unit's local name (``PERCENT``, ``EUR``), which the pages spell out."""
        return self.unit.rsplit("/", 1)[-1]


def indicators_folder() -> Path:
    return standards_path("indicators")


def configured_definitions(settings: Settings) -> dict[str, Definition]:
    """The definitions of the folder the ``indicators_dir`` setting names (the shipped one when
    empty), for the store's base."""
    folder = str(settings["indicators_dir"])
    return read_definitions(settings.base_uri, Path(folder) if folder else None)


def read_definitions(base: str, folder: Path | None = None) -> dict[str, Definition]:
    """Every definition in ``folder`` (``indicators/`` by default), by identifier, checked.

    Raises DataError naming the file (and line) of the first definition that is wrong: a
    catalogue with one broken entry is not published in part."""
    chosen = folder or indicators_folder()
    if not chosen.is_dir():
        raise UsageError(f"{chosen}: no such folder of indicator definitions")
    return dict(_read_all(base, chosen, _versions(chosen)))


def _versions(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What identifies the folder's current content cheaply: each file's name, mtime and size
    (an edited definition, e.g. an approval, is read again without a restart)."""
    paths = sorted(folder.glob("*.ttl"))
    for path in paths:
        if not path.is_file():
            raise DataError(
                "not a file; the folder holds one Turtle file per indicator",
                location=Location(str(path)),
            )
    return tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in paths)


@cache
def _read_all(
    base: str, folder: Path, versions: tuple[tuple[str, int, int], ...]
) -> tuple[tuple[str, Definition], ...]:
    # Reading and checking a definition costs a SHACL validation; a server reads each once.
    found = [read_definition(folder / name, base) for name, _, _ in versions]
    return tuple((definition.identifier, definition) for definition in found)


def read_definition(path: Path, base: str) -> Definition:
    data = path.read_bytes()
    triples = _parse(path, data, base)
    subject = _the_indicator(path, triples, base)
    check = validate_ntriples(_ntriples(triples), "statistics", "en", str(path))
    if not check.conforms:
        raise ValidationFailed(
            f"{path}: {len(check.violations)} violation(s) of the statistics profile",
            report=check.text(),
            results=len(check.violations),
        )
    about = [t for t in triples if t.subject == subject]
    formula = _one(about, STAT + "formula")
    if formula is None:
        raise DataError(
            "the definition has no formula (stat:formula)", location=Location(str(path))
        )
    _check_formula(path, data, formula)
    _check_readable(path, about)
    sources = tuple(sorted(_all(about, STAT + "sourceDataset")))
    _check_sources(path, data, sources)
    status = _one(about, ADMS_STATUS)
    accepted = _one(about, DCTERMS + "dateAccepted")
    body = _one(about, STAT + "approvedBy")
    return Definition(
        identifier=path.stem,
        iri=subject.value,
        path=path,
        labels=_languages(about, SKOS + "prefLabel"),
        definitions=_languages(about, SKOS + "definition"),
        method=_languages(about, STAT + "method"),
        notes=_languages(about, SKOS + "scopeNote"),
        formula=formula,
        unit=_one(about, SDMX_ATTRIBUTE + "unitMeasure") or "",
        decimals=int(_one(about, SDMX_ATTRIBUTE + "decimals") or 1),
        direction=(_one(about, STAT + "direction") or "").removeprefix(DIRECTION) or None,
        areas=tuple(
            sorted(a.removeprefix(FUNCTIONAL_AREA) for a in _all(about, DEMOI + "functionalArea"))
        ),
        periodicity=_one(about, DCTERMS + "accrualPeriodicity") or "",
        sources=sources,
        status=(status or STATUS + "draft").removeprefix(STATUS),
        accepted=date.fromisoformat(accepted) if accepted else None,
        approved_by=_names(triples, body),
        sha256=hashlib.sha256(data).hexdigest(),
        triples=tuple(triples),
    )


def _parse(path: Path, data: bytes, base: str) -> list[ox.Triple]:
    try:
        quads = list(ox.parse(data, ox.RdfFormat.TURTLE, base_iri=base))
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, str(path), ox.RdfFormat.TURTLE) from None
    return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]


def _the_indicator(path: Path, triples: list[ox.Triple], base: str) -> ox.NamedNode:
    indicator = ox.NamedNode(STAT + "Indicator")
    subjects = {
        t.subject for t in triples if t.predicate.value == RDF_TYPE and t.object == indicator
    }
    expected = f"{base}id/indicator/{path.stem}"
    if not _IDENTIFIER.match(path.stem):
        raise DataError(
            "an indicator's file is named after its identifier, in lower-case Latin letters, "
            "digits and hyphens (e.g. budget-execution-rate.ttl)",
            location=Location(str(path)),
        )
    if [s.value for s in subjects if isinstance(s, ox.NamedNode)] != [expected]:
        raise DataError(
            f"the file must describe exactly one stat:Indicator, <id/indicator/{path.stem}> "
            f"(relative to the base, so it becomes {expected}); it describes "
            f"{sorted(str(s) for s in subjects) or 'none'}",
            location=Location(str(path)),
        )
    identifier = _one(
        [t for t in triples if t.subject == ox.NamedNode(expected)], DCTERMS + "identifier"
    )
    if identifier != path.stem:
        raise DataError(
            f"dcterms:identifier is {identifier!r} but the file is named {path.name}: they must "
            "be the same",
            location=Location(str(path), _line_of(path.read_bytes(), "dcterms:identifier")),
        )
    return ox.NamedNode(expected)


def _check_formula(path: Path, data: bytes, formula: str) -> None:
    """The formula parses as a SELECT and projects the variables the computation reads.
    A syntax error is placed in the file: the formula's line plus the error's line in it."""
    first_line = _line_of(data, 'stat:formula """') or _line_of(data, "stat:formula") or 1
    if has_dataset_clause(formula):
        raise DataError(
            "the formula chooses its graphs (FROM / FROM NAMED); demoi runs it over each "
            "municipality's own graphs, so remove the clause",
            location=Location(str(path), first_line),
            spec=FORMULA_SPEC,
        )
    try:
        # Checked before the formula runs at all: even on an empty store, Oxigraph would follow
        # a SERVICE clause to its host, with no time limit.
        check_query(formula)
    except OutboundRefused as error:
        raise DataError(
            f"the formula may not reach outside the store: {error.message}",
            location=Location(str(path), first_line),
            spec=FORMULA_SPEC,
        ) from None
    except QuerySyntaxError as error:
        raise QuerySyntaxError(
            f"the formula is not valid SPARQL: {error.message}",
            location=Location(str(path), first_line),
            spec=FORMULA_SPEC,
        ) from None
    try:
        result = ox.Store().query(formula)
    except SyntaxError as error:
        message = str(error.args[0]) if error.args else str(error)
        position = re.match(r"^error at (\d+):(\d+): ", message)
        line = first_line + int(position.group(1)) - 1 if position else first_line
        column = int(position.group(2)) if position else None
        detail = message[position.end() :] if position else message
        raise QuerySyntaxError(
            f"the formula is not valid SPARQL: {detail}",
            location=Location(str(path), line, column),
            spec=FORMULA_SPEC,
        ) from None
    if not isinstance(result, ox.QuerySolutions):
        raise DataError(
            "the formula must be a SELECT query (not ASK, CONSTRUCT or DESCRIBE)",
            location=Location(str(path), first_line),
            spec=FORMULA_SPEC,
        )
    projected = {variable.value for variable in result.variables}
    missing = [v for v in REQUIRED_VARIABLES if v not in projected]
    extra = sorted(projected - set(REQUIRED_VARIABLES) - set(OPTIONAL_VARIABLES))
    if missing or extra:
        raise DataError(
            "the formula must project ?area and ?value, and may project ?period and ?coverage; "
            + (
                f"it lacks ?{', ?'.join(missing)}"
                if missing
                else f"it also projects ?{', ?'.join(extra)}"
            ),
            location=Location(str(path), first_line),
            spec=FORMULA_SPEC,
        )


def _check_readable(path: Path, about: list[ox.Triple]) -> None:
    """What a reader of a computed indicator needs beyond the profile's rules for any
    indicator: the methodology in both languages and how to read a comparison."""
    missing = [
        what
        for what, present in (
            ("stat:method in English", "en" in _languages(about, STAT + "method")),
            (
                "skos:scopeNote (methodology notes) in Greek",
                "el" in _languages(about, SKOS + "scopeNote"),
            ),
            ("skos:scopeNote in English", "en" in _languages(about, SKOS + "scopeNote")),
            ("stat:direction", bool(_all(about, STAT + "direction"))),
        )
        if not present
    ]
    if missing:
        raise DataError(
            f"an indicator computed by demoi also needs {', '.join(missing)}",
            location=Location(str(path)),
        )


def _check_sources(path: Path, data: bytes, sources: tuple[str, ...]) -> None:
    known = {mapping.dataset for mapping in available_mappings().values()}
    for source in sources:
        if source not in known:
            raise DataError(
                f"stat:sourceDataset {source!r} is not a dataset any mapping makes; the known "
                f"ones are {', '.join(sorted(known))}",
                location=Location(str(path), _line_of(data, f'"{source}"')),
            )


def _line_of(data: bytes, needle: str) -> int | None:
    index = data.find(needle.encode())
    return None if index < 0 else data.count(b"\n", 0, index) + 1


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _one(triples: list[ox.Triple], predicate: str) -> str | None:
    values = _all(triples, predicate)
    return values[0] if values else None


def _all(triples: list[ox.Triple], predicate: str) -> list[str]:
    return [
        t.object.value
        for t in triples
        if t.predicate.value == predicate and isinstance(t.object, ox.NamedNode | ox.Literal)
    ]


def _languages(triples: list[ox.Triple], predicate: str) -> dict[str, str]:
    return {
        t.object.language: t.object.value
        for t in triples
        if t.predicate.value == predicate and isinstance(t.object, ox.Literal) and t.object.language
    }


def _names(triples: list[ox.Triple], body: str | None) -> dict[str, str]:
    if body is None:
        return {}
    return _languages([t for t in triples if t.subject == ox.NamedNode(body)], FOAF_NAME)


def rounded(value: Decimal, decimals: int) -> Decimal:
    """Half away from zero, as statistics tables round (Python's default is half to even)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
