"""The DCAT record of each published dataset, kept in step with every publication.

Each municipality has a catalogue graph, ``{base}graph/<code>/catalogue``; each lift replaces,
in the same transaction as the data it describes, the record of its dataset there: what it is
(the mapping's bilingual description), whose (``demoi:municipality``), which functional area,
when it was last modified, its size, its temporal coverage and its source. The DCAT-AP
catalogue (demoi.dcat: publisher, distributions, licences, HVD) is generated from these records.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.xsd_datetime import parse_xsd_duration

from demoi.iris import STANDARDS_BASE, dataset_graph, minted_prefix, municipality_iri
from demoi.store.sparql_text import Change

if TYPE_CHECKING:
    from demoi.lifting import Lifted

DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
DEMOI = STANDARDS_BASE + "def/common#"
CAT = STANDARDS_BASE + "def/catalogue#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
#: The record says where it came from with prov:wasDerivedFrom, not dct:source: DCAT-AP gives
#: dct:source the range dcat:Dataset, which a source file (urn:sha256:…) is not.
DERIVED_FROM = ox.NamedNode(PROV + "wasDerivedFrom")
TEMPORAL = ox.NamedNode(DCTERMS + "temporal")
START_DATE = ox.NamedNode(DCAT + "startDate")
END_DATE = ox.NamedNode(DCAT + "endDate")
#: A demoi observation's period (xsd:duration): its sosa:resultTime is the end of that period
#: (a daily mean's resultTime is the next midnight), so the data covers the period before it.
AGGREGATION_PERIOD = STANDARDS_BASE + "def/environment#aggregationPeriod"
#: Reference periods given as IRIs (data.gov.uk's intervals), for a mapping that emits them.
_REFERENCE_PERIOD = re.compile(
    r"^http://reference\.data\.gov\.uk/id/(year|month|day)/([0-9]{4}(?:-[0-9]{2}){0,2})$"
)
_YEAR = re.compile(r"^([0-9]{4})(?:-([0-9]{4}))?$")


#: Dataset ids that name demoi's own graphs of a municipality, so no lift may publish into them.
RESERVED_DATASETS = frozenset({"catalogue"})


def record_removed(graph: str) -> str:
    """The SPARQL Update that removes the catalogue record of a dropped ``graph``, from the
    catalogue graph of the municipality it belongs to alone (``…/graph/<code>/…``): it runs
    on every update that empties a graph, and a record-shaped description elsewhere is not its
    business. Nothing (an empty string, which join_operations leaves out) for a graph of no
    municipality."""
    matched = re.match(r"^(.*/graph/)([0-9]{4})/", graph)
    if matched is None:
        return ""
    catalogue = ox.NamedNode(f"{matched.group(1)}{matched.group(2)}/catalogue")
    relation = ox.NamedNode(DCTERMS + "relation")
    target = ox.NamedNode(graph)
    temporal = ox.NamedNode(DCTERMS + "temporal")
    return (
        f"DELETE {{ GRAPH {catalogue} {{ ?period ?p ?o }} }} WHERE {{ "
        f"GRAPH {catalogue} {{ ?dataset {relation} {target} ; {temporal} ?period . "
        f"?period ?p ?o }} }} ; "
        f"DELETE {{ GRAPH {catalogue} {{ ?dataset ?property ?value }} }} WHERE {{ "
        f"GRAPH {catalogue} {{ ?dataset {relation} {target} ; ?property ?value }} }}"
    )


def catalogue_graph(base: str, municipality: str) -> str:
    return dataset_graph(base, municipality, "catalogue")


def dataset_iri(base: str, lifted: Lifted) -> str:
    """``{base}id/dataset/<code>/<graph's dataset and period>``: one record per published graph."""
    segments = lifted.graph.removeprefix(f"{base}graph/")
    return f"{minted_prefix(base)}dataset/{segments}"


def _title(title: str, description: str, period: str | None) -> str:
    """The mapping's title (else the description's lead, before its first colon), with the
    period."""
    lead = title or description.split(":")[0].strip()
    return f"{lead}, {period}" if period else lead


def _anonymisation(
    dataset: ox.NamedNode, lifted: Lifted
) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """cat:containsPersonalData and cat:anonymisation: whether the source held personal data
    and what the personal-data guard did about it (law 4727/2020, art. 60 §6)."""
    treated = lifted.treated
    if treated is None:
        return []
    personal = ox.Literal(str(treated.personal).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    statements: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (dataset, ox.NamedNode(CAT + "containsPersonalData"), personal)
    ]
    for language, text in sorted(treated.statement().items()):
        statements.append(
            (dataset, ox.NamedNode(CAT + "anonymisation"), ox.Literal(text, language=language))
        )
    return statements


def temporal_iri(record: str) -> str:
    """The record's period of time (dct:PeriodOfTime), a node of its own so that the record's
    replacement can remove it: a blank node would be left behind."""
    return f"{record}#temporal"


def temporal_coverage(
    period: str | None, ntriples: bytes, predicates: tuple[str, ...]
) -> tuple[str, str] | None:
    """The first and last day the graph covers: its period when the period is a year
    (``2024``) or years (``2010-2013``), else the earliest and latest day of the values of
    ``predicates`` (the mapping's ``[catalogue] temporal``), not of any date in the data: a
    monument's protection act or a station's start year is not the time the data covers.
    Computed when the graph is lifted, when its N-Triples are at hand; scanning them is
    cheaper than asking the store for the dates of every graph on every catalogue request."""
    matched = _YEAR.match(period or "")
    if matched:
        return f"{matched.group(1)}-01-01", f"{matched.group(2) or matched.group(1)}-12-31"
    if not predicates:
        return None
    spans = list(_spans(ntriples, frozenset(predicates)))
    if not spans:
        return None
    return min(first for first, _ in spans).isoformat(), max(last for _, last in spans).isoformat()


def _spans(ntriples: bytes, predicates: frozenset[str]) -> Iterator[tuple[date, date]]:
    """The first and last day of each value of ``predicates``; an instant that ends its
    subject's aggregation period (env:aggregationPeriod) stands for that period."""
    times: list[tuple[bytes, str, str | None]] = []
    durations: dict[bytes, str] = {}
    for found in _values_pattern(predicates).finditer(ntriples):
        subject, predicate, text, kind, iri = found.groups()
        if predicate.decode() in predicates:
            value = iri if iri is not None else text
            times.append((subject, value.decode(), kind.decode() if kind else None))
        elif kind == b"duration":
            durations[subject] = text.decode()
    for subject, value, kind in times:
        span = _span(value, kind, durations.get(subject))
        if span is not None:
            yield span


@lru_cache(maxsize=64)
def _values_pattern(predicates: frozenset[str]) -> re.Pattern[bytes]:
    """The triples of ``predicates`` and of the aggregation period whose object is an IRI or
    an XSD-typed literal, one a line as the lift writes them (morph-kgc's statements).
    A regular expression rather than a parser: parsing every triple of a large graph (a year
    of air-quality observations) costs seconds, and dates, periods and IRIs hold no escapes."""
    names = "|".join(re.escape(iri) for iri in sorted(predicates | {AGGREGATION_PERIOD}))
    xsd = re.escape(XSD)
    return re.compile(
        rf'^(\S+) <({names})> (?:"([^"\\\n]*)"\^\^<{xsd}([A-Za-z]+)>|<([^>\s]*)>) \.\r?$'.encode(),
        re.MULTILINE,
    )


def _span(value: str, kind: str | None, duration: str | None) -> tuple[date, date] | None:
    if kind is None:  # an IRI
        reference = _REFERENCE_PERIOD.match(value)
        return _calendar_span(reference.group(2)) if reference else None
    return _literal_span(value, kind, duration)


@lru_cache(maxsize=4096)
def _literal_span(text: str, kind: str, duration: str | None) -> tuple[date, date] | None:
    """Cached: the observations of a day share their resultTime and period."""
    try:
        if kind in ("date", "gYear", "gYearMonth"):
            # A timezone, if any, does not move the day: the value is that day, month or year.
            return _calendar_span(re.sub(r"(Z|[+-][0-9]{2}:[0-9]{2})$", "", text))
        if kind in ("dateTime", "dateTimeStamp"):
            return _instant_span(datetime.fromisoformat(text), duration)
    except ValueError:
        return None  # not a valid value of its datatype: validation reports it, not the catalogue
    return None


def _calendar_span(text: str) -> tuple[date, date]:
    """The first and last day of a year (2021), a month (2021-03) or a day (2021-03-01)."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(parts[0], parts[1], parts[2])
    return day, day


def _instant_span(instant: datetime, duration: str | None) -> tuple[date, date]:
    """The day of an instant, in its own offset (Greek local time); or the days of the period
    of ``duration`` that ends at it, without the instant itself (the next period's start)."""
    if duration is None:
        return instant.date(), instant.date()
    # rdflib's xsd:duration parser, because months and years have no fixed length.
    start = instant - parse_xsd_duration(duration)
    return start.date(), (instant - timedelta(microseconds=1)).date()


def _temporal(
    dataset: ox.NamedNode, period: str | None, ntriples: bytes, predicates: tuple[str, ...]
) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    coverage = temporal_coverage(period, ntriples, predicates)
    if coverage is None:
        return []
    node = ox.NamedNode(temporal_iri(dataset.value))
    date = ox.NamedNode(XSD + "date")
    return [
        (dataset, TEMPORAL, node),
        (node, RDF_TYPE, ox.NamedNode(DCTERMS + "PeriodOfTime")),
        (node, START_DATE, ox.Literal(coverage[0], datatype=date)),
        (node, END_DATE, ox.Literal(coverage[1], datatype=date)),
    ]


def dataset_record(base: str, lifted: Lifted, *, triples: int) -> Change:
    """The update that replaces the dataset's record in its municipality's catalogue."""
    graph = ox.NamedNode(catalogue_graph(base, lifted.municipality.code))
    dataset = ox.NamedNode(dataset_iri(base, lifted))
    mapping = lifted.mapping
    period = lifted.parameters.get(mapping.period) if mapping.period else None
    now = datetime.now(UTC).isoformat(timespec="seconds")
    statements: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (dataset, RDF_TYPE, ox.NamedNode(DCAT + "Dataset")),
        (
            dataset,
            ox.NamedNode(DEMOI + "municipality"),
            ox.NamedNode(municipality_iri(lifted.municipality.code)),
        ),
        (
            dataset,
            ox.NamedNode(DEMOI + "functionalArea"),
            ox.NamedNode(f"{STANDARDS_BASE}code/functional-area/{mapping.area}"),
        ),
        (
            dataset,
            ox.NamedNode(DCTERMS + "modified"),
            ox.Literal(now, datatype=ox.NamedNode(XSD + "dateTime")),
        ),
        (dataset, DERIVED_FROM, ox.NamedNode(f"urn:sha256:{lifted.sha256}")),
        (dataset, ox.NamedNode(DCTERMS + "relation"), ox.NamedNode(lifted.graph)),
        (dataset, VOID_TRIPLES, ox.Literal(str(triples), datatype=ox.NamedNode(XSD + "integer"))),
    ]
    for language, description in sorted(mapping.description.items()):
        statements.append(
            (
                dataset,
                ox.NamedNode(DCTERMS + "title"),
                ox.Literal(
                    _title(mapping.title.get(language, ""), description, period),
                    language=language,
                ),
            )
        )
        statements.append(
            (
                dataset,
                ox.NamedNode(DCTERMS + "description"),
                ox.Literal(description, language=language),
            )
        )
    statements += _anonymisation(dataset, lifted)
    statements += _temporal(dataset, period, lifted.ntriples, mapping.temporal)
    temporal = ox.NamedNode(temporal_iri(dataset.value))
    return Change(
        (
            f"GRAPH {graph} {{ {dataset} ?property ?value }}",
            f"GRAPH {graph} {{ {temporal} ?property ?value }}",
        ),
        tuple(ox.Quad(s, p, o, graph) for s, p, o in statements),
    )
