"""/conformance: the conformance matrix municipality × area that `demoi validate --store`
writes, with drill-down to the report of one graph.

Everything here is read from the conformance graph (demoi.store_conformance): the matrix with
one aggregate, cached per store version as the home page caches its own; a municipality's
graphs with one query; a graph's report with two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup

from demoi import store_conformance, validation_report
from demoi.conformance import Outcome
from demoi.municipalities import municipalities
from demoi.server import app_settings, app_store
from demoi.server.errors import error_response
from demoi.server.example_queries import functional_areas
from demoi.server.home import MUNICIPALITY_ROWS_LIMIT, grouped_number, regions_of_municipalities
from demoi.server.i18n import page_context, page_language
from demoi.store_conformance import Cell, GraphStatus

bp = Blueprint("conformance_page", __name__)

CELLS_CACHE = "demoi.conformance.cells"
REPORT_FORMATS = ("ttl", "json")

TEXT = {
    "el": {
        "title": "Συμμόρφωση των δημοσιευμένων δεδομένων",
        "intro": "Κάθε δημοσιευμένος γράφος ελέγχεται με το προφίλ SHACL του λειτουργικού του "
        "πεδίου (και ο κατάλογος κάθε δήμου με το προφίλ του καταλόγου). Ο πίνακας δείχνει, ανά "
        "δήμο και πεδίο, αν οι γράφοι συμμορφώνονται, τις παραβιάσεις και τις προειδοποιήσεις, "
        "και πότε ελέγχθηκαν τελευταία.",
        "empty": "Τα δημοσιευμένα δεδομένα δεν έχουν ελεγχθεί ακόμη. Ο διαχειριστής τα ελέγχει "
        "με την εντολή",
        "empty_after": "και ο πίνακας εμφανίζεται εδώ.",
        "municipality": "Δήμος",
        "region": "Περιφέρεια",
        "per_region": "Ανά περιφέρεια: επιλέξτε μια περιφέρεια για τους δήμους της.",
        "all_regions": "Όλες οι περιφέρειες",
        "cell_help": "Σε κάθε κελί: αν οι γράφοι συμμορφώνονται ή πόσες παραβιάσεις και "
        "προειδοποιήσεις έχουν, και η ημερομηνία του τελευταίου ελέγχου.",
        "conforms": "συμμορφώνεται",
        "violations": "{n} παραβιάσεις",
        "violation": "1 παραβίαση",
        "warnings": "{n} προειδοποιήσεις",
        "warning": "1 προειδοποίηση",
        "graphs_conform": "{conforming}/{graphs} γράφοι συμμορφώνονται",
        "summary_graphs": "Γράφοι που ελέγχθηκαν",
        "summary_conforming": "Συμμορφώνονται",
        "summary_violations": "Παραβιάσεις",
        "summary_warnings": "Προειδοποιήσεις",
        "summary_checked": "Τελευταίος έλεγχος",
        "graphs_of": "Οι γράφοι του δήμου",
        "graph": "Γράφος",
        "area": "Πεδίο",
        "status": "Κατάσταση",
        "checked": "Ελέγχθηκε",
        "report": "αναφορά",
        "unknown": "Άγνωστος κωδικός: {code}",
        "no_graphs": "Δεν έχει ελεγχθεί κανένας γράφος αυτού του δήμου.",
        "report_title": "Αναφορά ελέγχου του γράφου",
        "graph_page": "Ο γράφος",
        "as_turtle": "Η αναφορά σε Turtle",
        "as_json": "Η αναφορά σε JSON",
        "back": "Πίσω στον πίνακα συμμόρφωσης",
        "profile": "Προφίλ",
        "not_found_title": "Δεν βρέθηκε αναφορά",
        "not_found": "Ο γράφος {iri} δεν έχει ελεγχθεί σε αυτόν τον διακομιστή.",
        "rerun": "Τα αποτελέσματα είναι του τελευταίου ελέγχου· για νέο έλεγχο:",
    },
    "en": {
        "title": "Conformance of the published data",
        "intro": "Each published graph is checked against the SHACL profile of its functional "
        "area (and each municipality's catalogue against the catalogue profile). The matrix "
        "shows, per municipality and area, whether the graphs conform, their violations and "
        "warnings, and when they were last checked.",
        "empty": "The published data has not been checked yet. An administrator checks it with",
        "empty_after": "and the matrix appears here.",
        "municipality": "Municipality",
        "region": "Region",
        "per_region": "Per region: choose a region for its municipalities.",
        "all_regions": "All regions",
        "cell_help": "In each cell: whether the graphs conform, or how many violations and "
        "warnings they have, and the date of the last check.",
        "conforms": "conforms",
        "violations": "{n} violations",
        "violation": "1 violation",
        "warnings": "{n} warnings",
        "warning": "1 warning",
        "graphs_conform": "{conforming}/{graphs} graphs conform",
        "summary_graphs": "Graphs checked",
        "summary_conforming": "Conforming",
        "summary_violations": "Violations",
        "summary_warnings": "Warnings",
        "summary_checked": "Last check",
        "graphs_of": "The graphs of the municipality",
        "graph": "Graph",
        "area": "Area",
        "status": "Status",
        "checked": "Checked",
        "report": "report",
        "unknown": "Unknown code: {code}",
        "no_graphs": "No graph of this municipality has been checked.",
        "report_title": "Validation report of the graph",
        "graph_page": "The graph",
        "as_turtle": "The report as Turtle",
        "as_json": "The report as JSON",
        "back": "Back to the conformance matrix",
        "profile": "Profile",
        "not_found_title": "No report found",
        "not_found": "The graph {iri} has not been checked on this server.",
        "rerun": "These are the results of the last check; to check again:",
    },
}


@dataclass
class Tally:
    """The cells of one matrix row (a municipality or a region) for one area, added up."""

    graphs: int = 0
    conforming: int = 0
    violations: int = 0
    warnings: int = 0
    checked: datetime | None = None

    def add(self, cell: Cell | Tally) -> None:
        self.graphs += cell.graphs
        self.conforming += cell.conforming
        self.violations += cell.violations
        self.warnings += cell.warnings
        if cell.checked is not None and (self.checked is None or cell.checked > self.checked):
            self.checked = cell.checked

    @property
    def status(self) -> str:
        """The cell's colour: no violations nor warnings, warnings only, or violations."""
        if self.violations:
            return "violations"
        return "warnings" if self.warnings else "conforms"


@dataclass
class Row:
    code: str
    label: str
    href: str
    cells: dict[str, Tally] = field(default_factory=dict)

    def add(self, cell: Cell) -> None:
        self.cells.setdefault(cell.area, Tally()).add(cell)


def _cells() -> list[Cell]:
    """The matrix, read again only after a write to the store (as home._cells)."""
    store = app_store(current_app)
    version = getattr(store, "version", None)
    cached = current_app.extensions.get(CELLS_CACHE)
    if version is not None and cached is not None and cached[0] == (id(store), version):
        cells: list[Cell] = cached[1]
        return cells
    cells = store_conformance.matrix(store, _base())
    if version is not None:
        current_app.extensions[CELLS_CACHE] = ((id(store), version), cells)
    return cells


def _base() -> str:
    return str(app_settings(current_app).base_uri)


def _href(language: str, **args: str) -> str:
    return "?" + urlencode({**args, "lang": language})


def _rows(cells: list[Cell], language: str, region: str | None, by_region: bool) -> list[Row]:
    known = municipalities()
    regions = regions_of_municipalities()
    rows: dict[str, Row] = {}
    for cell in cells:
        home = regions.get(cell.municipality)
        if region is not None and (home is None or home.code != region):
            continue
        if by_region and home is not None:
            key, label = home.code, home.labels.get(language, home.code)
            href = _href(language, region=home.code)
        else:
            key = cell.municipality
            found = known.get(key)
            label = found.label(language) if found is not None else key
            href = _href(language, municipality=key)
        rows.setdefault(key, Row(key, label, href)).add(cell)
    return sorted(rows.values(), key=lambda row: row.label)


def _status_text(tally: Tally | GraphStatus, text: dict[str, str]) -> list[str]:
    """The words of a cell: colour alone would say nothing to a screen reader or in print."""
    if not tally.violations and not tally.warnings:
        return [text["conforms"]]
    words = []
    if tally.violations:
        words.append(_count(tally.violations, "violation", text))
    if tally.warnings:
        words.append(_count(tally.warnings, "warning", text))
    return words


def _count(n: int, what: str, text: dict[str, str]) -> str:
    return text[what] if n == 1 else text[what + "s"].format(n=grouped_number(n))


def _page_of(iri: str) -> str:
    """Where this server shows ``iri`` (as home._page_of)."""
    base = _base() or request.url_root
    if iri.startswith(base):
        return request.script_root + "/" + iri.removeprefix(base)
    return request.script_root + "/resource?" + urlencode({"iri": iri})


def _date(value: datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _context(language: str) -> dict[str, object]:
    text = TEXT[language]
    return {
        **page_context(language),
        "text": text,
        "areas": functional_areas(),
        "status_text": lambda tally: _status_text(tally, text),
        "number": grouped_number,
        "date": _date,
    }


@bp.get("/conformance")
def matrix() -> str:
    language = page_language()
    cells = _cells()
    region = request.args.get("region") or None
    municipality = request.args.get("municipality") or None
    counted = {cell.municipality for cell in cells}
    by_region = region is None and len(counted) > MUNICIPALITY_ROWS_LIMIT
    overall = Tally()
    for cell in cells:
        overall.add(cell)
    region_label = None
    if region is not None:
        labels = next(
            (r.labels for r in regions_of_municipalities().values() if r.code == region), None
        )
        region_label = labels.get(language, region) if labels else None
    known = municipalities()
    municipality_label = None
    graphs: list[GraphStatus] = []
    if municipality is not None and municipality in known:
        municipality_label = known[municipality].label(language)
        graphs = store_conformance.graph_statuses(app_store(current_app), _base(), municipality)
    return render_template(
        "conformance.html",
        **_context(language),
        cells=cells,
        rows=_rows(cells, language, region, by_region),
        overall=overall,
        by_region=by_region,
        region=region,
        region_label=region_label,
        unknown_region=region is not None and region_label is None,
        municipality=municipality,
        municipality_label=municipality_label,
        unknown_municipality=municipality is not None and municipality not in known,
        graphs=graphs,
        page_of=_page_of,
    )


@bp.get("/conformance/graph")
def graph_report() -> Response:
    language = page_language()
    iri = request.args.get("iri", "")
    fmt = request.args.get("format") or "html"
    if fmt not in ("html", *REPORT_FORMATS):
        return error_response(
            400, "bad-format", f"unknown format {fmt!r}; choose html, {', '.join(REPORT_FORMATS)}"
        )
    outcome = store_conformance.graph_outcome(app_store(current_app), _base(), iri)
    if outcome is None:
        return _not_found(iri, language, fmt)
    if fmt in REPORT_FORMATS:
        return Response(
            validation_report.render(outcome, fmt, language),
            content_type=validation_report.MEDIA_TYPES[fmt],
        )
    status = store_conformance.graph_status(app_store(current_app), _base(), iri)
    page = render_template(
        "conformance_graph.html",
        **_context(language),
        iri=iri,
        status=status,
        municipality_label=_municipality_label(status, language),
        outcome=outcome,
        report=_report_html(outcome, language),
        report_css=Markup(validation_report.CSS),  # noqa: S704 - demoi's own stylesheet
        graph_page=_page_of(iri),
        report_href=lambda fmt: "?" + urlencode({"iri": iri, "format": fmt, "lang": language}),
    )
    return Response(page, content_type="text/html; charset=utf-8")


def _municipality_label(status: GraphStatus | None, language: str) -> str:
    if status is None:
        return ""
    found = municipalities().get(status.municipality)
    return found.label(language) if found is not None else status.municipality


def _report_html(outcome: Outcome, language: str) -> Markup:
    """The report as the validator's HTML renders it, for people to act on."""
    return Markup(validation_report.html_fragment(outcome, language))  # noqa: S704 - it escapes


def _not_found(iri: str, language: str, fmt: str) -> Response:
    if fmt != "html":
        return error_response(404, "not-found", f"the graph {iri} has not been checked")
    response = Response(
        render_template("conformance_not_found.html", **_context(language), texts=TEXT, iri=iri),
        status=404,
        content_type="text/html; charset=utf-8",
    )
    response.headers["Vary"] = "Accept-Language"
    return response
