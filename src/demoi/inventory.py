"""The inventory: for every municipality of the code list (332) and every functional area, what
is published and whether it conforms (law 4727/2020: the programme's first duty is an inventory
of what each municipality holds, by functional area).

Everything comes from one aggregate over the catalogue records (demoi.catalogue: one per
published graph, with its area, size and modification time) joined with the last conformance
report of each graph (demoi.store_conformance): one row per municipality × area that has data,
so the 332 × 12 matrix costs one query, not one per cell. The home page reads the same aggregate
(``published_cells``).

A cell's state, for the graphs its records name:

- ``published-not-conforming``: at least one graph's last check found violations;
- ``published-unchecked``: none found violations, but at least one graph has no check newer
  than its last publication (``demoi validate --store`` has not run since);
- ``published-conforming``: every graph was checked after its last publication, without
  violations (warnings do not count: they are recommendations);
- ``missing``: nothing published.

The ``catalogue`` area is a column: it holds the municipality's own dataset inventory (the
``data-inventory`` mapping), which is exactly what the law asks each municipality to keep. The
catalogue graph demoi writes itself (``{base}graph/<code>/catalogue``, the records) has no record
of its own, so it never makes a cell "published".

``as_csv`` writes a long table, one row per municipality × area, because that is the shape
spreadsheets and pandas read (``pandas.read_csv`` then ``pivot``), rather than a wide matrix
whose column names would be labels.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import pyoxigraph as ox

from demoi.catalogue import DCAT, DCTERMS, DEMOI, XSD
from demoi.iris import MUNICIPALITY_CODES
from demoi.municipalities import Municipality, municipalities
from demoi.server.example_queries import FunctionalArea, functional_areas
from demoi.store import Store
from demoi.store_conformance import AREA_CODES, DV, PROV, VOID, conformance_graph

QUERY_TIMEOUT = 30.0

CONFORMING = "published-conforming"
NOT_CONFORMING = "published-not-conforming"
UNCHECKED = "published-unchecked"
MISSING = "missing"
#: The states, from the best to the worst a publisher can act on; the order of the summary.
STATES = (CONFORMING, NOT_CONFORMING, UNCHECKED, MISSING)

CSV_COLUMNS = (
    "code",
    "municipality_el",
    "municipality_en",
    "area",
    "area_el",
    "area_en",
    "state",
    "datasets",
    "graphs",
    "triples",
    "modified",
    "violations",
)


def cells_query(base: str) -> str:
    """The aggregate municipality × area. Records are read from each municipality's catalogue
    graph alone: demoi writes them there (demoi.catalogue) and no municipal token may
    (auth.check_scope), while a record in any other graph could claim another municipality's
    data, or a count that is not a whole number.

    A graph's report counts only if it is not older than the graph's last publication: a
    report of what the graph held before says nothing of what it holds now. Reports keep whole
    seconds (store_conformance) and a record may keep fractions, so a check in the second of
    the publication counts (``?checked > ?modified - 1 s``): in that one second, a graph
    published again after its check would pass for checked."""
    return f"""
PREFIX dcat: <{DCAT}>
PREFIX dcterms: <{DCTERMS}>
PREFIX demoi: <{DEMOI}>
PREFIX void: <{VOID}>
PREFIX dv: <{DV}>
PREFIX prov: <{PROV}>
PREFIX xsd: <{XSD}>
SELECT ?municipality ?area (SUM(?triples) AS ?size)
       (MAX(?modified) AS ?last) (GROUP_CONCAT(DISTINCT STR(?graph); SEPARATOR=" ") AS ?named)
       (SUM(IF(?fresh, 0, 1)) AS ?unchecked) (SUM(IF(?fresh && ?violations > 0, 1, 0)) AS ?failing)
       (SUM(IF(?fresh, ?violations, 0)) AS ?violationCount)
WHERE {{
  GRAPH ?catalogue {{
    ?record a dcat:Dataset ; dcterms:relation ?graph ; demoi:municipality ?municipality ;
            demoi:functionalArea ?area ; void:triples ?triples ; dcterms:modified ?modified .
  }}
  FILTER(?catalogue = IRI(CONCAT({ox.Literal(base)}, "graph/",
                                 STRAFTER(STR(?municipality), "{MUNICIPALITY_CODES}"),
                                 "/catalogue")))
  OPTIONAL {{
    GRAPH <{conformance_graph(base)}> {{
      ?report dv:graph ?graph ; dv:violations ?violations ; prov:generatedAtTime ?checked .
    }}
  }}
  BIND(COALESCE(?checked > ?modified - "PT1S"^^xsd:dayTimeDuration, false) AS ?fresh)
}}
GROUP BY ?municipality ?area
"""


@dataclass(frozen=True)
class Published:
    """What the records say of one municipality × area with data."""

    graphs: tuple[str, ...]
    triples: int
    modified: str  # the last publication, xsd:dateTime as written
    unchecked: int  # graphs without a check since their last publication
    failing: int  # graphs whose last check found violations
    violations: int

    @property
    def state(self) -> str:
        if self.failing:
            return NOT_CONFORMING
        return UNCHECKED if self.unchecked else CONFORMING


def published_cells(
    store: Store, base: str, *, timeout: float = QUERY_TIMEOUT
) -> dict[tuple[str, str], Published]:
    """(municipality code, area notation) -> what is published there, for the cells with data
    (any code and area the records name, listed or not)."""
    found = {}
    for row in store.query(cells_query(base), timeout=timeout).rows:
        municipality, area, size, last, named, unchecked, failing, violations = row
        if not (isinstance(municipality, ox.NamedNode) and isinstance(area, ox.NamedNode)):
            continue
        code = municipality.value.removeprefix(MUNICIPALITY_CODES)
        notation = area.value.removeprefix(AREA_CODES)
        found[(code, notation)] = Published(
            tuple(sorted(_literal(named).split())),
            _whole(size),
            _literal(last),
            _whole(unchecked),
            _whole(failing),
            _whole(violations),
        )
    return found


def _literal(term: object) -> str:
    return term.value if isinstance(term, ox.Literal) else ""


def _whole(term: object) -> int:
    """A count of a record; 0 for one that is not a whole number (an admin's hand-written
    record), rather than an inventory that fails for everyone."""
    try:
        return int(_literal(term) or 0)
    except ValueError:
        return 0


# ---------------------------------------------------------------------------------------------
# The matrix


@dataclass(frozen=True)
class Cell:
    municipality: str
    area: str
    state: str
    datasets: tuple[str, ...] = ()
    graphs: int = 0
    triples: int = 0
    modified: str = ""
    violations: int = 0

    @property
    def published(self) -> bool:
        return self.state != MISSING

    def as_json(self) -> dict[str, object]:
        return {
            "state": self.state,
            "datasets": list(self.datasets),
            "graphs": self.graphs,
            "triples": self.triples,
            "modified": self.modified or None,
            "violations": self.violations,
        }


@dataclass
class Tally:
    """Cells added up: by state, with their graphs, triples and violations."""

    states: Counter[str] = field(default_factory=Counter)
    graphs: int = 0
    triples: int = 0
    violations: int = 0
    modified: str = ""

    def add(self, cell: Cell) -> None:
        self.states[cell.state] += 1
        self.graphs += cell.graphs
        self.triples += cell.triples
        self.violations += cell.violations
        self.modified = max(self.modified, cell.modified)

    @property
    def published(self) -> int:
        return sum(n for state, n in self.states.items() if state != MISSING)

    def as_json(self) -> dict[str, object]:
        return {
            "states": {state: self.states[state] for state in STATES},
            "published": self.published,
            "graphs": self.graphs,
            "triples": self.triples,
            "violations": self.violations,
            "modified": self.modified or None,
        }


@dataclass(frozen=True)
class Inventory:
    base: str
    municipalities: tuple[Municipality, ...]  # by code
    areas: tuple[FunctionalArea, ...]  # in the code list's order
    cells: dict[tuple[str, str], Cell]

    def cell(self, code: str, area: str) -> Cell:
        return self.cells[(code, area)]

    def row(self, code: str) -> list[Cell]:
        return [self.cells[(code, area.notation)] for area in self.areas]

    def municipality_total(self, code: str) -> Tally:
        return _tally(self.row(code))

    def area_total(self, area: str) -> Tally:
        return _tally(self.cells[(found.code, area)] for found in self.municipalities)

    def publishing(self) -> list[Municipality]:
        """The municipalities with anything published."""
        return [
            found
            for found in self.municipalities
            if any(cell.published for cell in self.row(found.code))
        ]

    def by_data_first(self, language: str) -> list[Municipality]:
        """Municipalities with data first (those with more areas first), then the rest, each
        group by name."""
        return sorted(
            self.municipalities,
            key=lambda found: (
                -self.municipality_total(found.code).published,
                found.label(language),
            ),
        )

    def only(self, codes: Iterable[str]) -> Inventory:
        """The inventory of these municipalities alone."""
        chosen = set(codes)
        return replace(
            self,
            municipalities=tuple(found for found in self.municipalities if found.code in chosen),
            cells={key: cell for key, cell in self.cells.items() if key[0] in chosen},
        )

    def summary(self) -> dict[str, Any]:
        count = len(self.municipalities)
        overall = _tally(self.cells.values())
        return {
            "municipalities": count,
            "municipalities_publishing": len(self.publishing()),
            "areas": len(self.areas),
            "cells": len(self.cells),
            **overall.as_json(),
            "per_area": {
                area.notation: {
                    **(total := self.area_total(area.notation)).as_json(),
                    "coverage_percent": _percent(total.published, count),
                }
                for area in self.areas
            },
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "states": list(STATES),
            "areas": [
                {"notation": area.notation, "iri": area.iri, "labels": area.labels}
                for area in self.areas
            ],
            "summary": self.summary(),
            "municipalities": [
                {
                    "code": found.code,
                    "iri": found.iri,
                    "labels": {"el": found.label_el, "en": found.label_en},
                    "population": found.population,
                    "total": self.municipality_total(found.code).as_json(),
                    "areas": {cell.area: cell.as_json() for cell in self.row(found.code)},
                }
                for found in self.municipalities
            ],
        }

    def as_json_text(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, indent=indent) + "\n"

    def as_csv(self) -> str:
        """One row per municipality × area (a long table: see the module's doc), by code and
        area, with a header row."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for found in self.municipalities:
            for area, cell in zip(self.areas, self.row(found.code), strict=True):
                writer.writerow(
                    (
                        found.code,
                        found.label_el,
                        found.label_en,
                        area.notation,
                        area.labels["el"],
                        area.labels["en"],
                        cell.state,
                        " ".join(cell.datasets),
                        cell.graphs,
                        cell.triples,
                        cell.modified,
                        cell.violations,
                    )
                )
        return out.getvalue()


def _tally(cells: Iterable[Cell]) -> Tally:
    total = Tally()
    for cell in cells:
        total.add(cell)
    return total


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def dataset_ids(base: str, code: str, graphs: Iterable[str]) -> tuple[str, ...]:
    """The dataset ids of a municipality's graphs, ``{base}graph/<code>/<dataset>[/<period>]``
    (several periods are one dataset); a graph named otherwise (a record written by hand) is
    listed by its IRI."""
    prefix = f"{base}graph/{code}/"
    ids = {
        graph.removeprefix(prefix).split("/")[0] if graph.startswith(prefix) else graph
        for graph in graphs
    }
    return tuple(sorted(ids))


def inventory(store: Store, base: str) -> Inventory:
    """The inventory of every municipality of the code list × every functional area."""
    published = published_cells(store, base)
    areas = tuple(functional_areas().values())
    listed = tuple(sorted(municipalities().values(), key=lambda found: found.code))
    cells = {}
    for found in listed:
        for area in areas:
            key = (found.code, area.notation)
            there = published.get(key)
            cells[key] = (
                Cell(found.code, area.notation, MISSING)
                if there is None
                else Cell(
                    found.code,
                    area.notation,
                    there.state,
                    dataset_ids(base, found.code, there.graphs),
                    len(there.graphs),
                    there.triples,
                    there.modified,
                    there.violations,
                )
            )
    return Inventory(base, listed, areas, cells)
