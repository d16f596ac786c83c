"""The Catalogue of Indicators on the web: ``/indicators`` (the catalogue) and
``/indicators/<id>`` (one indicator: its definition, formula, sources, a bar chart comparing
municipalities for a year, a time series per municipality, the values and the notes on missing
ones), in Greek or English, as HTML or JSON (``/indicators``) and HTML, CSV, JSON or Turtle
(``/indicators/<id>``), chosen by ``?format=`` or the Accept header, or by the download paths
``/indicators/<id>.csv|.json|.ttl``. ``/indicators/<id>/chart.svg?kind=bar|series`` is a chart
alone. The charts are SVG drawn on the server (demoi.indicators.charts): no JavaScript.

Who sees what:

* approved indicators: everyone; what they show is the published cube, as ``/sparql`` has it;
* drafts: only with an admin bearer token (the monitoring committee works platform-wide, so a
  municipality's token sees no more than the public); without it a draft is a 404, as an
  unknown identifier is, so that the answer does not tell which drafts exist. A draft's values
  are computed on demand and stored nowhere; its responses are private (``no-store``,
  ``noindex``);
* withdrawn indicators: 410 Gone, to everyone: the identifier was public once and is not
  coming back, which a 404 would not say to those who linked to it.

Only the ``Bearer`` scheme is read: an ``Authorization: Basic`` header that a proxy in front of
the whole site asks for is not a demoi token and leaves the page public. A bearer token that is
unknown or revoked is a 401, as on the other endpoints.

``?year=`` that is not a year is a 400; a year without values shows the chart's "no values" and
the years that have some (a page, not an error: the year switch is a link that may outlive the
data of its year).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, render_template, request, url_for
from markupsafe import Markup
from werkzeug.exceptions import Gone, HTTPException, InternalServerError, NotFound

from demoi.conneg import NotAcceptable, negotiate, requested_format
from demoi.dcat.labels import label
from demoi.dcat.model import mappings_by_dataset
from demoi.errors import DemoiError, UsageError
from demoi.indicators.charts import format_number
from demoi.indicators.compute import Computation, year_of
from demoi.indicators.cube import cube_triples
from demoi.indicators.definitions import (
    DIRECTION,
    FUNCTIONAL_AREA,
    STATUS,
    Definition,
    read_definitions,
)
from demoi.indicators.results import (
    PREFIXES,
    Results,
    as_csv,
    as_json,
    as_turtle,
    bar_svg,
    municipality_name,
    results,
    series_svg,
    unit_text,
)
from demoi.municipalities import municipalities
from demoi.server import app_settings, app_store, auth
from demoi.server.errors import error_response
from demoi.server.example_queries import functional_areas
from demoi.server.i18n import page_context, page_language
from demoi.server.write_cache import until_next_write

bp = Blueprint("indicators_page", __name__)

RESULTS_CACHE = "demoi.indicators.results"
CATALOGUE_OFFERED = (("text/html", "html"), ("application/json", "json"))
#: A browser's ``*/*`` gets the page; the downloads by their own media types.
INDICATOR_OFFERED = (
    ("text/html", "html"),
    ("text/csv", "csv"),
    ("application/json", "json"),
    ("text/turtle", "ttl"),
)
DOWNLOADS = ("csv", "json", "ttl")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8; header=present",
    "json": "application/json",
    "ttl": "text/turtle; charset=utf-8",
}
CHART_KINDS = ("bar", "series")
PAGE_PARAMETERS = frozenset({"year", "municipality", "lang"})
#: A chart is an image: nothing in it may run, load or style from elsewhere.
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
BEARER_SPEC = "https://www.rfc-editor.org/rfc/rfc6750#section-3"

_CODE = re.compile(r"[0-9]{4}")
#: A sentence ends at ., ! or ? before a capital letter: «π.χ. οι» and «e.g. the» go on.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZΑ-ΩΆΈΉΊΌΎΏ])")

TEXT = {
    "el": {
        "title": "Κατάλογος δεικτών",
        "intro": "Δείκτες που υπολογίζονται από τα διαλειτουργικά δεδομένα των δήμων, με τον "
        "ορισμό, τον τύπο και τις πηγές τους. Δημοσιεύονται μόνο όσοι έχει εγκρίνει η επιτροπή "
        "παρακολούθησης.",
        "indicator": "Δείκτης",
        "summary": "Ορισμός",
        "unit": "Μονάδα",
        "direction": "Κατεύθυνση",
        "areas": "Λειτουργικά πεδία",
        "periodicity": "Περιοδικότητα",
        "latest": "Τελευταία περίοδος",
        "municipalities": "Δήμοι με τιμή",
        "all_areas": "Όλα τα πεδία",
        "filter": "Πεδίο",
        "none": "Δεν υπάρχουν εγκεκριμένοι δείκτες σε αυτό το πεδίο.",
        "none_at_all": "Δεν υπάρχουν ακόμη εγκεκριμένοι δείκτες.",
        "formats": "Ο κατάλογος σε",
        "draft": "σχέδιο",
        "draft_banner": "Σχέδιο, μη δημοσιευμένο: οι τιμές υπολογίστηκαν τώρα και δεν έχουν "
        "δημοσιευτεί· η σελίδα φαίνεται μόνο με κλειδί διαχειριστή.",
        "drafts_listed": "Βλέπετε και τα σχέδια δεικτών (κλειδί διαχειριστή).",
        "definition": "Ορισμός",
        "method": "Μέθοδος υπολογισμού",
        "formula": "Τύπος (SPARQL)",
        "open_query": "Άνοιγμα στη σελίδα ερωτημάτων",
        "formula_help": "Ο υπολογισμός εκτελεί τον τύπο χωριστά για κάθε δήμο, μόνο στους "
        "δικούς του γράφους.",
        "notes": "Σημειώσεις πεδίου εφαρμογής",
        "sources": "Σύνολα δεδομένων πηγής",
        "approval": "Έγκριση",
        "status": "Κατάσταση",
        "accepted": "Ημερομηνία",
        "approved_by": "Φορέας",
        "decimals": "Δεκαδικά",
        "identifier": "Αναγνωριστικό",
        "bar_heading": "Σύγκριση δήμων",
        "year": "Έτος",
        "years": "Έτη",
        "no_values_year": "Δεν υπάρχουν τιμές για το {year}. Έτη με τιμές: {years}.",
        "absent_year": "Χωρίς τιμή για το {year}, ενώ έχουν τιμές άλλων ετών: {names}.",
        "no_values": "Δεν υπάρχουν ακόμη τιμές.",
        "series_heading": "Χρονοσειρά ανά δήμο",
        "choose": "Δήμοι",
        "show": "Εμφάνιση",
        "all_municipalities": "Όλοι οι δήμοι",
        "values_heading": "Τιμές",
        "municipality": "Δήμος",
        "period": "Περίοδος",
        "value": "Τιμή",
        "coverage": "Κάλυψη",
        "source_graphs": "Γράφοι πηγής",
        "provisional": "προσωρινή",
        "provisional_help": "Προσωρινή: τα δεδομένα πηγής είναι ελλιπή (κάλυψη κάτω από 100 %).",
        "missing": "Τιμές που λείπουν",
        "missing_help": "Όπου λείπουν δεδομένα δεν υπάρχει τιμή (ποτέ μηδέν)· ο λόγος:",
        "downloads": "Λήψη",
        "chart_alone": "το γράφημα σε SVG",
        "not_found_title": "Δεν βρέθηκε",
        "gone_title": "Αποσύρθηκε",
        "catalogue_link": "Ο κατάλογος δεικτών",
    },
    "en": {
        "title": "Catalogue of indicators",
        "intro": "Indicators computed from the municipalities' interoperable data, with their "
        "definition, formula and sources. Only those the monitoring committee approved are "
        "published.",
        "indicator": "Indicator",
        "summary": "Definition",
        "unit": "Unit",
        "direction": "Direction",
        "areas": "Functional areas",
        "periodicity": "Periodicity",
        "latest": "Latest period",
        "municipalities": "Municipalities with a value",
        "all_areas": "All areas",
        "filter": "Area",
        "none": "There is no approved indicator in this area.",
        "none_at_all": "There is no approved indicator yet.",
        "formats": "The catalogue in",
        "draft": "draft",
        "draft_banner": "Draft, not published: the values were computed just now and are not "
        "published; the page is shown only with an admin token.",
        "drafts_listed": "Draft indicators are listed too (admin token).",
        "definition": "Definition",
        "method": "Method",
        "formula": "Formula (SPARQL)",
        "open_query": "Open in the query page",
        "formula_help": "The computation runs the formula for each municipality separately, "
        "over its own graphs only.",
        "notes": "Scope notes",
        "sources": "Source datasets",
        "approval": "Approval",
        "status": "Status",
        "accepted": "Date",
        "approved_by": "Body",
        "decimals": "Decimals",
        "identifier": "Identifier",
        "bar_heading": "Municipalities compared",
        "year": "Year",
        "years": "Years",
        "no_values_year": "There are no values for {year}. Years with values: {years}.",
        "absent_year": "No value for {year}, although they have values for other years: {names}.",
        "no_values": "There are no values yet.",
        "series_heading": "Time series per municipality",
        "choose": "Municipalities",
        "show": "Show",
        "all_municipalities": "All municipalities",
        "values_heading": "Values",
        "municipality": "Municipality",
        "period": "Period",
        "value": "Value",
        "coverage": "Coverage",
        "source_graphs": "Source graphs",
        "provisional": "provisional",
        "provisional_help": "Provisional: the source data are incomplete (coverage below 100 %).",
        "missing": "Missing values",
        "missing_help": "Where data are missing there is no value (never a zero); why:",
        "downloads": "Download",
        "chart_alone": "the chart as SVG",
        "not_found_title": "Not found",
        "gone_title": "Withdrawn",
        "catalogue_link": "The catalogue of indicators",
    },
}


class Withdrawn(Gone):
    pass


# --- who asks, and what they may see ------------------------------------------------------------


def _base() -> str:
    return app_settings(current_app).base_uri


def _folder() -> Path | None:
    configured = str(app_settings(current_app)["indicators_dir"])
    return Path(configured) if configured else None


def _definitions() -> dict[str, Definition]:
    """The catalogue; checked when the server started, so an error here is a definition edited
    since: the operator's log says which file and line, visitors get no paths."""
    try:
        return read_definitions(_base(), _folder())
    except DemoiError as error:
        current_app.logger.error("the Catalogue of Indicators cannot be read: %s", error)
        raise InternalServerError(
            "the Catalogue of Indicators cannot be read; the server's log says why"
        ) from None


def _viewer_is_admin() -> bool:
    """Whether the request carries an admin token; 401 for a bearer token that is not one.

    Remembered on ``g`` so that the responses it changed are marked private (_mark)."""
    header = request.headers.get("Authorization", "")
    scheme, _, _secret = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    tokens_path = app_settings(current_app)["tokens"]
    if not tokens_path:
        raise auth.Unauthorized("the token is unknown or revoked (this server has no tokens)")
    token = auth.bearer_token(request, Path(tokens_path), "seeing draft indicators")
    g.indicators_admin = token.is_admin
    return token.is_admin


def _visible(definition: Definition, admin: bool) -> bool:
    return definition.is_public or (admin and definition.status == "draft")


def _definition(identifier: str) -> Definition:
    """The indicator the path names, if this viewer may see it."""
    admin = _viewer_is_admin()
    definition = _definitions().get(identifier)
    if definition is not None and definition.status == "withdrawn":
        raise Withdrawn(f"the indicator {identifier!r} has been withdrawn from the catalogue")
    if definition is None or not _visible(definition, admin):
        raise NotFound(f"there is no indicator {identifier!r} in the catalogue; see /indicators")
    if not definition.is_public:
        g.indicators_draft = True
    return definition


@bp.after_request
def _mark(response: Response) -> Response:
    """Every answer here may depend on the token (a draft is a 404 without one), so caches
    keep them apart; an admin's answers are private."""
    response.vary.add("Authorization")
    if g.get("indicators_admin") or g.get("indicators_draft"):
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.errorhandler(auth.Unauthorized)
def _unauthorized(error: auth.Unauthorized) -> Response:
    response = error_response(401, error.code, error.message, BEARER_SPEC)
    response.headers["WWW-Authenticate"] = 'Bearer realm="demoi"'
    return response


@bp.errorhandler(NotFound)
@bp.errorhandler(Gone)
def _missing(error: HTTPException) -> Response:
    """A page for a browser, the house JSON error for everyone else (as linked_data does)."""
    status = error.code or 404
    message = error.description or ""
    wants_page = "." not in request.path.rsplit("/", 1)[-1] and request.args.get("format") in (
        None,
        "html",
    )
    if not wants_page or _error_format() != "html":
        code = "gone" if status == 410 else "not-found"
        return error_response(status, code, message)
    language = page_language()
    body = render_template(
        "indicators_missing.html",
        **page_context(language),
        text=TEXT[language],
        status=status,
        message=message,
    )
    response = Response(body, status=status, content_type=MEDIA_TYPES["html"])
    response.vary.update(("Accept", "Accept-Language"))
    return response


def _error_format() -> str:
    """HTML for a browser; JSON for the others, also for one that accepts neither: the error
    it is told about is the missing indicator, not its Accept header."""
    try:
        return negotiate(
            request.headers.get("Accept"), (("application/json", "json"), ("text/html", "html"))
        )
    except NotAcceptable:
        return "json"


# --- results ------------------------------------------------------------------------------------


def _results(definition: Definition) -> Results:
    """Read once per write to the store: a draft's computation runs its formula for every
    municipality, too much for each page view."""
    key = (_base(), str(_folder()), definition.identifier, definition.sha256)
    return until_next_write(
        RESULTS_CACHE, key, lambda: results(app_store(current_app), _base(), definition)
    )


@dataclass(frozen=True)
class Entry:
    """One line of the catalogue."""

    definition: Definition
    latest: str | None
    #: Municipalities with a value for the latest period.
    municipalities: int


def _entry(definition: Definition) -> Entry:
    found = _results(definition)
    latest = found.latest_period()
    count = len(found.for_period(latest)) if latest else 0
    return Entry(definition, latest, count)


def sort_key(text: str) -> str:
    """Alphabetical order for Greek too: «Έσοδα» among the Ε, not before «Αστικά» as its
    code point (U+0388, before Α) would put it."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def first_sentence(text: str) -> str:
    """The definition's first sentence, for the catalogue's one-line summary."""
    end = _SENTENCE_END.search(text)
    return text[: end.end()] if end else text


# --- the catalogue ------------------------------------------------------------------------------


@bp.get("/indicators")
def catalogue() -> Response:
    fmt = requested_format(
        request.args.get("format"), request.headers.get("Accept"), CATALOGUE_OFFERED
    )
    admin = _viewer_is_admin()
    area = request.args.get("area") or None
    known_areas = functional_areas()
    if area is not None and area not in known_areas:
        raise UsageError(f"area must be a functional area ({', '.join(known_areas)}), not {area!r}")
    shown = [d for d in _definitions().values() if _visible(d, admin)]
    entries = [_entry(d) for d in shown if area is None or area in d.areas]
    if fmt == "json":
        body = _catalogue_json(entries)
    else:
        body = _catalogue_html(entries, shown, area, admin)
    response = Response(body, content_type=MEDIA_TYPES[fmt])
    response.vary.update(("Accept", "Accept-Language"))
    return response


def _catalogue_json(entries: list[Entry]) -> str:
    import json

    document = {
        "indicators": [_entry_json(entry) for entry in sorted(entries, key=_by_identifier)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _by_identifier(entry: Entry) -> str:
    return entry.definition.identifier


def _entry_json(entry: Entry) -> dict[str, Any]:
    definition = entry.definition
    identifier = definition.identifier
    return {
        "indicator": identifier,
        "iri": definition.iri,
        "url": url_for("indicators_page.indicator", identifier=identifier),
        "label": definition.labels,
        "summary": {lang: first_sentence(text) for lang, text in definition.definitions.items()},
        "unit": definition.unit,
        "unit_text": {lang: unit_text(definition, lang) for lang in ("el", "en")},
        "direction": definition.direction,
        "areas": list(definition.areas),
        "periodicity": definition.periodicity,
        "status": definition.status,
        "accepted": definition.accepted.isoformat() if definition.accepted else None,
        "latest_period": entry.latest,
        "municipalities": entry.municipalities,
        "downloads": {
            fmt: url_for("indicators_page.indicator", identifier=f"{identifier}.{fmt}")
            for fmt in DOWNLOADS
        },
    }


def _catalogue_html(
    entries: list[Entry], shown: list[Definition], area: str | None, admin: bool
) -> str:
    language = page_language()
    known = functional_areas()
    counts = {notation: sum(notation in d.areas for d in shown) for notation in known}
    ordered = sorted(entries, key=lambda entry: sort_key(entry.definition.label(language)))
    return render_template(
        "indicators.html",
        **page_context(language),
        text=TEXT[language],
        entries=ordered,
        area=area,
        area_links=[(n, a.label(language), counts[n]) for n, a in known.items() if counts[n]],
        area_label=lambda notation: label(FUNCTIONAL_AREA + notation, language),
        summary=lambda d: first_sentence(d.text(d.definitions, language)),
        unit=lambda d: unit_text(d, language),
        concept=lambda iri: label(iri, language) if iri else "—",
        direction=lambda d: label(DIRECTION + d.direction, language) if d.direction else "—",
        admin=admin,
    )


# --- one indicator ------------------------------------------------------------------------------


@bp.get("/indicators/<identifier>")
def indicator(identifier: str) -> Response:
    identifier, dot, extension = identifier.partition(".")
    if dot and extension not in DOWNLOADS:
        raise NotFound(f"there is no download .{extension}; they are .{', .'.join(DOWNLOADS)}")
    definition = _definition(identifier)
    if dot:
        fmt = extension
    else:
        fmt = requested_format(
            request.args.get("format"), request.headers.get("Accept"), INDICATOR_OFFERED
        )
    found = _results(definition)
    if fmt == "html":
        response = Response(_indicator_html(found), content_type=MEDIA_TYPES["html"])
        response.vary.update(("Accept", "Accept-Language"))
        return response
    response = Response(_download(found, fmt), content_type=MEDIA_TYPES[fmt])
    # A download link saves a file; the same data negotiated at the page's URL is shown.
    disposition = "attachment" if dot else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{identifier}.{fmt}"'
    if not dot:
        response.vary.add("Accept")
    return response


def _download(found: Results, fmt: str) -> str | bytes:
    # CSV carries one language's municipality names: the page's, Greek unless asked otherwise.
    language = "en" if request.args.get("lang") == "en" else "el"
    if fmt == "csv":
        return as_csv(found, language)
    if fmt == "json":
        return as_json(found, language)
    if found.published:
        return as_turtle(app_store(current_app), _base(), found.definition)
    # A draft has no cube in the store: the one publishing it would write.
    computation = Computation(found.definition, found.values, found.gaps)
    triples = cube_triples(_base(), computation)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def _year(found: Results) -> str | None:
    """The year the bar chart compares: ``?year=``, else the latest with values."""
    requested = request.args.get("year")
    if requested is None or requested == "":
        return found.latest_period()
    if year_of(requested) != requested:
        raise UsageError(f"year must be a year such as 2024, not {requested!r}")
    return requested


def _chosen_municipalities() -> list[str] | None:
    """``?municipality=CODE`` (repeatable) for the time series; None means all."""
    codes = [code for code in request.args.getlist("municipality") if code]
    known = municipalities()
    for code in codes:
        if not _CODE.fullmatch(code) or code not in known:
            raise UsageError(
                f"municipality must be the ELSTAT code of a municipality, e.g. 4401, not {code!r}"
            )
    return sorted(set(codes)) or None


def _charts(found: Results, language: str) -> tuple[str | None, str, str]:
    year = _year(found)
    codes = _chosen_municipalities()
    highlight = codes[0] if codes and len(codes) == 1 else None
    bar = bar_svg(found, year or "", language, highlight=highlight)
    series = series_svg(found, language, codes=codes)
    return year, bar, series


@dataclass(frozen=True)
class Row:
    """A line of the values table, in one language."""

    code: str
    name: str
    period: str
    value: str
    provisional: bool
    coverage: str
    sources: list[tuple[str, str]]


def _rows(found: Results, language: str) -> list[Row]:
    decimals = found.definition.decimals
    rows = [
        Row(
            value.code,
            municipality_name(value.code, language),
            value.period,
            format_number(value.value, decimals, language),
            value.is_provisional,
            ""
            if value.coverage is None
            else format_number(value.coverage * 100, 0, language) + " %",
            [(graph, _graph_href(graph)) for graph in value.sources],
        )
        for value in found.values
    ]
    rows.sort(key=lambda row: sort_key(row.name))
    return sorted(rows, key=lambda row: row.period, reverse=True)  # stable: names stay sorted


def _graph_href(graph: str) -> str:
    """A source graph on this server's linked-data pages when it is one of the store's."""
    base = _base()
    if graph.startswith(base + "graph/"):
        return url_for("linked_data.graph", path=graph[len(base + "graph/") :])
    return graph


def _href(**args: Any) -> str:
    """The page's own query string with ``args`` replaced (None drops one)."""
    # Only the page's own parameters: anything else in the request is not repeated in every
    # link (a 180 KB query string once made a 450 KB page).
    pairs = [
        (k, v) for k, v in request.args.items(multi=True) if k in PAGE_PARAMETERS and k not in args
    ]
    for name, value in args.items():
        values = value if isinstance(value, list) else [value]
        pairs += [(name, v) for v in values if v is not None]
    return "?" + urlencode(pairs)


def _absent_in_year(found: Results, year: str | None, language: str) -> str | None:
    """Municipalities with values for other years but none for the year shown and no note
    for it: the cube notes only the years most municipalities have, so a page showing a
    minority year says who is missing from its chart (found in review)."""
    if year is None:
        return None
    shown = {value.code for value in found.values if value.period == year}
    noted = {gap.code for gap in found.gaps if gap.period == year}
    dated = {v.code for v in found.values if not v.period_from_publication}
    absent = sorted(
        (municipality_name(code, language) for code in dated - shown - noted), key=sort_key
    )
    if not absent or not shown:
        return None
    return TEXT[language]["absent_year"].format(year=year, names=", ".join(absent))


def _indicator_html(found: Results) -> str:
    language = page_language()
    definition = found.definition
    year, bar, series = _charts(found, language)
    chosen = _chosen_municipalities()
    datasets = mappings_by_dataset()
    with_values = sorted(
        {value.code for value in found.values},
        key=lambda code: sort_key(municipality_name(code, language)),
    )
    text = TEXT[language]
    return render_template(
        "indicators_indicator.html",
        **page_context(language),
        text=text,
        d=definition,
        found=found,
        t=lambda values: definition.text(values, language),
        unit=unit_text(definition, language),
        direction=label(DIRECTION + definition.direction, language)
        if definition.direction
        else "—",
        areas=[(area, label(FUNCTIONAL_AREA + area, language)) for area in definition.areas],
        periodicity=label(definition.periodicity, language) if definition.periodicity else "—",
        status=label(STATUS + definition.status, language),
        sources=[
            (source, _title(datasets[source].title, language) if source in datasets else source)
            for source in definition.sources
        ],
        query_href=url_for("query_page.query", query=definition.formula, lang=language),
        year=year,
        years=found.periods,
        no_values_year=(
            text["no_values_year"].format(year=year, years=", ".join(found.periods))
            if year and year not in found.periods
            else None
        ),
        absent_year=_absent_in_year(found, year, language),
        bar=Markup(bar),  # noqa: S704 - demoi.indicators.charts escapes every text it draws
        series=Markup(series),  # noqa: S704 - as above
        year_href=lambda y: _href(year=y),
        municipalities=[(code, municipality_name(code, language)) for code in with_values],
        chosen=chosen or [],
        rows=_rows(found, language),
        gaps=[
            (
                municipality_name(gap.code, language),
                gap.period or "—",
                gap.reason_el if language == "el" else gap.reason_en,
            )
            for gap in found.gaps
        ],
        download_href=lambda fmt: url_for(
            "indicators_page.indicator", identifier=f"{definition.identifier}.{fmt}", lang=language
        ),
        chart_href=lambda kind: url_for(
            "indicators_page.chart",
            identifier=definition.identifier,
            kind=kind,
            year=year if kind == "bar" else None,
            municipality=chosen or None,
            lang=language,
        ),
    )


def _title(titles: dict[str, str], language: str) -> str:
    return titles.get(language) or titles.get("el") or ""


# --- a chart alone ------------------------------------------------------------------------------


@bp.get("/indicators/<identifier>/chart.svg")
def chart(identifier: str) -> Response:
    definition = _definition(identifier)
    kind = request.args.get("kind") or "bar"
    if kind not in CHART_KINDS:
        raise UsageError(f"kind must be one of {', '.join(CHART_KINDS)}, not {kind!r}")
    found = _results(definition)
    language = page_language()
    year, bar, series = _charts(found, language)
    svg = bar if kind == "bar" else series
    response = Response(svg, content_type="image/svg+xml; charset=utf-8")
    name = f"{definition.identifier}-{kind}{'-' + year if kind == 'bar' and year else ''}.svg"
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Content-Security-Policy"] = CHART_POLICY
    response.vary.add("Accept-Language")
    return response
