"""The home page: what this server holds (graphs per municipality and functional area, their
size and last update) and example queries per area, in Greek and English.

The counts come from the DCAT records demoi keeps in each municipality's catalogue graph
(demoi.catalogue: one per published graph, with its area, triple count and modification time),
read by the inventory's aggregate (demoi.inventory.published_cells, which /inventory reads too),
so the page costs one aggregate over about seven triples and a conformance report per graph, not
a scan of the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, current_app, render_template, request

from demoi.catalogue import DCAT, DCTERMS, DEMOI, catalogue_graph
from demoi.inventory import published_cells
from demoi.iris import MUNICIPALITY_CODES
from demoi.municipalities import CODE_LIST, municipalities
from demoi.resources import standards_path
from demoi.server import app_settings, app_store
from demoi.server.example_queries import examples_by_area, functional_areas
from demoi.server.i18n import page_context, page_language
from demoi.server.write_cache import until_next_write

bp = Blueprint("home", __name__)

VOID = "http://rdfs.org/ns/void#"
AREA_CODES = "https://w3id.org/demoi/code/functional-area/"
#: Above this many municipalities with data, the home page shows one row per region (each
#: opening its municipalities) instead of one per municipality: 332 rows x 12 areas is a
#: page nobody reads.
MUNICIPALITY_ROWS_LIMIT = 30
HOME_QUERY_TIMEOUT = 10.0
CELLS_CACHE = "demoi.home.cells"


GRAPHS_QUERY = """
PREFIX dcat: <{dcat}>
PREFIX dcterms: <{dcterms}>
PREFIX demoi: <{demoi}>
PREFIX void: <{void}>
SELECT ?graph ?area ?title ?triples ?modified
WHERE {{
  GRAPH <{catalogue}> {{
    ?record a dcat:Dataset ; dcterms:relation ?graph ; demoi:municipality <{municipality}> ;
            demoi:functionalArea ?area ; void:triples ?triples ; dcterms:modified ?modified .
    OPTIONAL {{ ?record dcterms:title ?title FILTER(LANG(?title) = "{lang}") }}
  }}
}}
ORDER BY ?area ?graph
"""

TEXT = {
    "el": {
        "title": "demoi — ανοικτά διασυνδεδεμένα δεδομένα ΟΤΑ",
        "intro": "Τα δεδομένα των δήμων και των περιφερειών, τυποποιημένα ανά λειτουργικό πεδίο "
        "και διαθέσιμα μέσω SPARQL.",
        "endpoint": "Σημείο SPARQL",
        "editor": "Επεξεργαστής ερωτημάτων",
        "holdings": "Τι περιέχει",
        "graphs": "Γράφοι",
        "municipalities": "Δήμοι με δεδομένα",
        "last": "Τελευταία ενημέρωση",
        "per_region": "Ανά περιφέρεια: επιλέξτε μια περιφέρεια για τους δήμους της.",
        "cell_help": "Σε κάθε κελί: γράφοι · τριάδες, και η ημερομηνία της τελευταίας ενημέρωσης.",
        "municipality": "Δήμος",
        "region": "Περιφέρεια",
        "total": "Σύνολο",
        "all_regions": "Όλες οι περιφέρειες",
        "graphs_of": "Οι γράφοι του δήμου",
        "graph": "Γράφος",
        "dataset": "Σύνολο δεδομένων",
        "triples": "Τριάδες",
        "modified": "Τελευταία ενημέρωση",
        "browse": "περιήγηση",
        "download": "Turtle",
        "examples": "Παραδείγματα ερωτημάτων ανά λειτουργικό πεδίο",
        "examples_help": "Κάθε παράδειγμα ανοίγει στον επεξεργαστή, έτοιμο να εκτελεστεί.",
        "empty": "Το αποθετήριο δεν έχει ακόμη δημοσιευμένους γράφους δήμων.",
        "unknown": "Άγνωστος κωδικός: {code}",
    },
    "en": {
        "title": "demoi — linked open data of Greek local government",
        "intro": "The data of municipalities and regions, standardised per functional area and "
        "available over SPARQL.",
        "endpoint": "SPARQL endpoint",
        "editor": "Query editor",
        "holdings": "What it holds",
        "graphs": "Graphs",
        "municipalities": "Municipalities with data",
        "last": "Last update",
        "per_region": "Per region: choose a region for its municipalities.",
        "cell_help": "In each cell: graphs · triples, and the date of the last update.",
        "municipality": "Municipality",
        "region": "Region",
        "total": "Total",
        "all_regions": "All regions",
        "graphs_of": "The graphs of the municipality",
        "graph": "Graph",
        "dataset": "Dataset",
        "triples": "Triples",
        "modified": "Last updated",
        "browse": "browse",
        "download": "Turtle",
        "examples": "Example queries per functional area",
        "examples_help": "Each example opens in the editor, ready to run.",
        "empty": "The store holds no published municipal graphs yet.",
        "unknown": "Unknown code: {code}",
    },
}


@dataclass
class Cell:
    graphs: int = 0
    triples: int = 0
    last: str = ""

    def add(self, other: Cell) -> None:
        self.graphs += other.graphs
        self.triples += other.triples
        self.last = max(self.last, other.last)


@dataclass
class Row:
    """One line of the matrix: a municipality or a region, its cells by area and its total."""

    code: str
    label: str
    href: str
    cells: dict[str, Cell] = field(default_factory=dict)
    total: Cell = field(default_factory=Cell)

    def add(self, area: str, cell: Cell) -> None:
        self.cells.setdefault(area, Cell()).add(cell)
        self.total.add(cell)


@dataclass(frozen=True)
class Region:
    code: str
    labels: dict[str, str]


@cache
def regions_of_municipalities() -> dict[str, Region]:
    """Each municipality's region (municipality -> regional unit -> region, by skos:broader)."""
    store = ox.Store()
    store.load(path=str(standards_path("ontologies") / CODE_LIST), format=ox.RdfFormat.TURTLE)
    solutions = store.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?code ?region ?label WHERE {
          ?municipality skos:inScheme <https://w3id.org/demoi/code/municipality> ;
                        skos:notation ?code ; skos:broader/skos:broader ?region .
          ?region skos:notation ?regionCode ; skos:prefLabel ?label }"""
    )
    assert isinstance(solutions, ox.QuerySolutions)
    labels: dict[str, dict[str, str]] = {}
    members: dict[str, str] = {}
    for row in solutions:
        label = row["label"]
        assert isinstance(label, ox.Literal)
        region = row["region"].value.rsplit("/", 1)[-1]
        labels.setdefault(region, {})[label.language or ""] = label.value
        members[row["code"].value] = region
    return {code: Region(region, labels[region]) for code, region in members.items()}


def grouped_number(value: int) -> str:
    """``1234567`` as ``1 234 567``: thin spaces group digits alike in Greek and English (a
    comma or a dot would mean the opposite in one of them)."""
    return f"{value:,}".replace(",", "\u202f")


def _literal(term: object) -> str:
    return term.value if isinstance(term, ox.Literal) else ""


def _whole(term: object) -> int:
    """A count of a record; 0 for one that is not a whole number (an admin's hand-written
    record), rather than a page that fails for every visitor."""
    try:
        return int(_literal(term) or 0)
    except ValueError:
        return 0


def _cells() -> dict[tuple[str, str], Cell]:
    """The cells, computed again only after a write: the aggregate takes 0.4 to 0.9 s over
    11 000 graphs (every municipality in 11 areas, three periods each; half of them checked),
    and the home page is what every visitor opens first. A store that counts
    its writes (``version``) makes that safe: the server process alone opens the store."""
    return until_next_write(CELLS_CACHE, None, _count_cells)


def _count_cells() -> dict[tuple[str, str], Cell]:
    """(municipality code, area notation) -> its cell, from the inventory's aggregate of the
    catalogue records (demoi.inventory.published_cells)."""
    published = published_cells(
        app_store(current_app), app_settings(current_app).base_uri, timeout=HOME_QUERY_TIMEOUT
    )
    return {
        key: Cell(len(there.graphs), there.triples, there.modified)
        for key, there in published.items()
    }


def _page_href(language: str, **args: str) -> str:
    return "?" + urlencode({**args, "lang": language})


def _rows(
    cells: dict[tuple[str, str], Cell], language: str, region: str | None, by_region: bool
) -> list[Row]:
    known = municipalities()
    regions = regions_of_municipalities()
    rows: dict[str, Row] = {}
    for (code, area), cell in cells.items():
        home = regions.get(code)
        if region is not None and (home is None or home.code != region):
            continue
        if by_region and home is not None:
            key, label = home.code, home.labels.get(language, home.code)
            href = _page_href(language, region=home.code)
        else:
            key = code
            label = known[code].label(language) if code in known else code
            href = _page_href(language, municipality=code)
        rows.setdefault(key, Row(key, label, href)).add(area, cell)
    return sorted(rows.values(), key=lambda row: row.label)


def _totals(rows: Iterable[Row]) -> Row:
    total = Row("", "", "")
    for row in rows:
        for area, cell in row.cells.items():
            total.add(area, cell)
    return total


def _page_of(iri: str) -> str:
    """Where this server describes ``iri`` (its linked-data page): the path under the base for
    the IRIs it minted, ``/resource?iri=`` for any other."""
    base = str(app_settings(current_app)["base_uri"]) or request.url_root
    if iri.startswith(base):
        return request.script_root + "/" + iri.removeprefix(base)
    return request.script_root + "/resource?" + urlencode({"iri": iri})


def _municipality_graphs(code: str, language: str) -> list[dict[str, object]]:
    query = GRAPHS_QUERY.format(
        dcat=DCAT,
        dcterms=DCTERMS,
        demoi=DEMOI,
        void=VOID,
        municipality=MUNICIPALITY_CODES + code,
        catalogue=catalogue_graph(app_settings(current_app).base_uri, code),
        lang=language,
    )
    result = app_store(current_app).query(query, timeout=HOME_QUERY_TIMEOUT)
    graphs = []
    for graph, area, title, triples, modified in result.rows:
        if not isinstance(graph, ox.NamedNode) or not isinstance(area, ox.NamedNode):
            continue
        graphs.append(
            {
                "iri": graph.value,
                "page": _page_of(graph.value),
                "area": area.value.removeprefix(AREA_CODES),
                "title": _literal(title),
                "triples": _whole(triples),
                "modified": _literal(modified),
                "browse": "SELECT * WHERE { GRAPH <" + graph.value + "> { ?s ?p ?o } } LIMIT 100",
            }
        )
    return graphs


@bp.get("/")
def index() -> str:
    language = page_language()
    text = TEXT[language]
    cells = _cells()
    region = request.args.get("region") or None
    municipality = request.args.get("municipality") or None
    regions = regions_of_municipalities()
    known = municipalities()
    counted = {code for code, _area in cells}
    by_region = region is None and len(counted) > MUNICIPALITY_ROWS_LIMIT
    rows = _rows(cells, language, region, by_region)
    region_label = None
    if region is not None:
        labels = next((r.labels for r in regions.values() if r.code == region), None)
        region_label = labels.get(language, region) if labels else None
    municipality_label = None
    graphs: list[dict[str, object]] = []
    if municipality is not None and municipality in known:
        municipality_label = known[municipality].label(language)
        graphs = _municipality_graphs(municipality, language)
    return render_template(
        "index.html",
        **page_context(language),
        text=text,
        areas=functional_areas(),
        rows=rows,
        totals=_totals(rows),
        overall=_totals(_rows(cells, language, None, False)).total,
        municipalities_counted=len(counted),
        by_region=by_region,
        region=region,
        region_label=region_label,
        unknown_region=region is not None and region_label is None,
        municipality=municipality,
        municipality_label=municipality_label,
        unknown_municipality=municipality is not None and municipality not in known,
        graphs=graphs,
        examples=examples_by_area(),
        endpoint=request.host_url + "sparql",
        number=grouped_number,
    )
