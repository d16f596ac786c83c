"""An indicator's results as its readers get them: read back from the published cube (or, for a
draft, computed on demand), as tables, CSV, JSON and charts.

The pages and ``demoi indicators chart`` read the published cube rather than recomputing: what
they show is what integrators get from ``/sparql``, and a page costs one small query.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from demoi.dumps import neutralised
from demoi.indicators.charts import ChartText, bar_chart, series_chart
from demoi.indicators.compute import Computation, Gap, Value, common_periods, compute, text
from demoi.indicators.cube import (
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
    cube_dataset,
    cube_graph,
)
from demoi.indicators.definitions import MUNICIPALITY, STAT, Definition
from demoi.municipalities import municipalities
from demoi.store import Store

UNIT_TEXT = {
    "PERCENT": ("%", "%"),
    "EUR": ("€", "€"),
    "DAY": ("ημέρες", "days"),
    "KiloGM": ("kg", "kg"),
    "NUM": ("αριθμός", "number"),
    "M3": ("m³", "m³"),
    "L-PER-DAY": ("λίτρα ανά ημέρα", "litres per day"),
}


@dataclass(frozen=True)
class Results:
    """What is known of an indicator: its values and its notes on missing values."""

    definition: Definition
    values: tuple[Value, ...]
    gaps: tuple[Gap, ...]
    #: False for a draft computed on demand: nothing of it is published.
    published: bool

    @property
    def periods(self) -> list[str]:
        return sorted({value.period for value in self.values})

    def latest_period(self) -> str | None:
        """The latest of the periods most municipalities have (compute.common_periods): what a
        page shows first. Not simply the latest: one municipality's data (a year the others
        have not published yet) must not choose everyone's view."""
        shared = common_periods(value.period for value in self.values)
        return max(shared) if shared else None

    def for_period(self, period: str) -> list[Value]:
        found = [value for value in self.values if value.period == period]
        return sorted(found, key=lambda value: (-value.value, value.code))


def published_results(store: Store, base: str, definition: Definition) -> Results:
    """The indicator's values and gaps as its published cube holds them (none if not computed)."""
    graph = cube_graph(base, definition.identifier)
    query = f"""
SELECT ?area ?period ?value ?coverage ?registered
       (GROUP_CONCAT(STR(?source); SEPARATOR=" ") AS ?sources) WHERE {{ GRAPH <{graph}> {{
  ?obs <http://purl.org/linked-data/cube#dataSet> <{cube_dataset(base, definition.identifier)}> ;
       <{STAT}refArea> ?area ; <{SDMX_DIMENSION}refPeriod> ?period ;
       <{SDMX_MEASURE}obsValue> ?value .
  OPTIONAL {{ ?obs <{STAT}coverage> ?coverage }}
  OPTIONAL {{ ?obs <{STAT}sourceGraph> ?source }}
  BIND(EXISTS {{ ?obs <{SKOS}note> ?note }} AS ?registered)
}} }} GROUP BY ?area ?period ?value ?coverage ?registered"""
    # GRAPH in the query, not a protocol dataset naming the graph: a cube not computed yet is
    # a graph the store does not have, which the dataset guard takes for an outside one.
    values = []
    for row in store.query(query).rows:
        area, period, value, coverage, registered, sources = (text(term) for term in row)
        if area is None or period is None or value is None:
            continue
        values.append(
            Value(
                area.removeprefix(MUNICIPALITY),
                period,
                Decimal(value),
                Decimal(coverage) if coverage is not None else None,
                tuple(sorted((sources or "").split())),
                # Only a register's value has a note: its period is its publication's year.
                period_from_publication=registered == "true",
            )
        )
    gaps = _published_gaps(store, graph)
    ordered = tuple(sorted(values, key=lambda v: (v.code, v.period)))
    return Results(definition, ordered, gaps, published=True)


def _published_gaps(store: Store, graph: str) -> tuple[Gap, ...]:
    """The notes on missing values, one per note node (its Greek and English text paired)."""
    query = f"""
SELECT ?area ?period (SAMPLE(?el) AS ?greek) (SAMPLE(?en) AS ?english) WHERE {{ GRAPH <{graph}> {{
  ?gap a <{STAT}MissingValue> ; <{SDMX_DIMENSION}refArea> ?area ;
       <{SKOS}note> ?el , ?en .
  FILTER(LANG(?el) = "el" && LANG(?en) = "en")
  OPTIONAL {{ ?gap <{SDMX_DIMENSION}refPeriod> ?period }}
}} }} GROUP BY ?gap ?area ?period ORDER BY ?area ?period"""
    gaps = []
    for row in store.query(query).rows:
        area, period, el, en = (text(term) for term in row)
        if area is not None and el is not None and en is not None:
            gaps.append(Gap(area.removeprefix(MUNICIPALITY), period, el, en))
    return tuple(gaps)


def results(store: Store, base: str, definition: Definition) -> Results:
    """Published results for an approved indicator; for a draft, computed now and not stored."""
    if definition.is_public:
        return published_results(store, base, definition)
    computed = compute(store, base, definition)
    return from_computation(computed, published=False)


def from_computation(computation: Computation, *, published: bool) -> Results:
    return Results(computation.definition, computation.values, computation.gaps, published)


def municipality_name(code: str, language: str) -> str:
    known = municipalities().get(code)
    return known.label(language) if known else code


def unit_text(definition: Definition, language: str) -> str:
    el, en = UNIT_TEXT.get(definition.unit_code, (definition.unit_code, definition.unit_code))
    return el if language == "el" else en


def bar_svg(results: Results, period: str, language: str, *, highlight: str | None = None) -> str:
    definition = results.definition
    values = results.for_period(period)
    bars = [(municipality_name(value.code, language), value.value) for value in values]
    provisional = {
        municipality_name(value.code, language) for value in values if value.is_provisional
    }
    text = ChartText(
        title=f"{definition.label(language)}, {period}",
        unit=unit_text(definition, language),
        description=(
            f"Σύγκριση των δήμων για το {period}."
            if language == "el"
            else f"Municipalities compared for {period}."
        ),
        language=language,
    )
    name = municipality_name(highlight, language) if highlight else None
    return bar_chart(
        bars,
        text,
        decimals=definition.decimals,
        highlight=name,
        provisional=provisional,
        id_prefix="bar",
    )


def series_svg(results: Results, language: str, *, codes: list[str] | None = None) -> str:
    definition = results.definition
    by_code: dict[str, list[tuple[str, Decimal]]] = {}
    provisional: set[tuple[str, str]] = set()
    for value in results.values:
        if codes is None or value.code in codes:
            by_code.setdefault(value.code, []).append((value.period, value.value))
            if value.is_provisional:
                provisional.add((municipality_name(value.code, language), value.period))
    series = [
        (municipality_name(code, language), sorted(points))
        for code, points in sorted(by_code.items())
    ]
    text = ChartText(
        title=definition.label(language),
        unit=unit_text(definition, language),
        description=(
            "Η τιμή κάθε δήμου ανά περίοδο."
            if language == "el"
            else "Each municipality's value over the periods."
        ),
        language=language,
    )
    return series_chart(
        series,
        text,
        decimals=definition.decimals,
        periods=results.periods,
        provisional=provisional,
        id_prefix="series",
    )


def as_rows(results: Results, language: str) -> list[dict[str, Any]]:
    return [
        {
            "municipality": value.code,
            "name": municipality_name(value.code, language),
            "period": value.period,
            "value": f"{value.value:.{results.definition.decimals}f}",
            "unit": results.definition.unit,
            "status": "provisional" if value.is_provisional else "normal",
            "coverage": "" if value.coverage is None else str(value.coverage),
            "sources": " ".join(value.sources),
        }
        for value in results.values
    ]


CSV_COLUMNS = ("municipality", "name", "period", "value", "unit", "status", "coverage", "sources")


def as_csv(results: Results, language: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in as_rows(results, language):
        # Names and graph IRIs come from data: a cell that starts like a formula is quoted so
        # a spreadsheet shows it as text, as in the dumps (a negative value stays a number).
        writer.writerow({key: neutralised(str(cell)) for key, cell in row.items()})
    return out.getvalue()


def as_json(results: Results, language: str) -> str:
    definition = results.definition
    document = {
        "indicator": definition.identifier,
        "iri": definition.iri,
        "label": definition.labels,
        "unit": definition.unit,
        "decimals": definition.decimals,
        "direction": definition.direction,
        "status": definition.status,
        "published": results.published,
        "values": as_rows(results, language),
        "missing": [
            {
                "municipality": gap.code,
                "period": gap.period,
                "reason": {"el": gap.reason_el, "en": gap.reason_en},
            }
            for gap in results.gaps
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_turtle(store: Store, base: str, definition: Definition) -> bytes:
    """The published cube graph as Turtle."""
    quads = store.quads(cube_graph(base, definition.identifier))
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


PREFIXES = {
    "qb": "http://purl.org/linked-data/cube#",
    "stat": STAT,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-measure": SDMX_MEASURE,
    "sdmx-attribute": SDMX_ATTRIBUTE,
    "sdmx-code": "http://purl.org/linked-data/sdmx/2009/code#",
    "skos": SKOS,
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "municipality": MUNICIPALITY,
}


def merged_with_published(store: Store, base: str, computed: Computation, year: str) -> Computation:
    """``computed`` (one year) merged into the published cube's other years, for
    ``demoi indicators compute --year``: the other years stay as they were published, except
    that a note without a period ("has not published …") goes once the municipality has a
    value."""
    published = published_results(store, base, computed.definition)
    values = [v for v in published.values if v.period != year] + list(computed.values)
    with_values = {value.code for value in values}
    fresh = {(gap.code, gap.period) for gap in computed.gaps}
    kept = [
        gap
        for gap in published.gaps
        if gap.period != year
        and (gap.code, gap.period) not in fresh
        and not (gap.period is None and gap.code in with_values)
    ]
    return Computation(
        computed.definition,
        tuple(sorted(values, key=lambda v: (v.code, v.period))),
        tuple(sorted(kept + list(computed.gaps), key=lambda g: (g.code, g.period or ""))),
    )
