"""The open-data catalogue: ``/catalog`` (the platform's) and ``/catalog/<code>`` (a
municipality's), DCAT-AP 3.0.1 in Turtle, JSON-LD, RDF/XML or N-Triples, or HTML for people,
by content negotiation or ``?format=``. Paged for harvesters (``?page=N&page_size=M``, Hydra)."""

from __future__ import annotations

import re
from collections import defaultdict

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.exceptions import NotFound

from demoi.conneg import requested_format
from demoi.dcat import vocabulary as v
from demoi.dcat.export import Platform, municipal_triples
from demoi.dcat.labels import label
from demoi.dcat.model import Catalogue, Dataset, read_catalogues
from demoi.dcat.paging import RDF_FORMATS, catalogue_triples, serialise
from demoi.errors import UsageError
from demoi.iris import minted_prefix
from demoi.municipalities import municipalities
from demoi.server import app_settings, app_store
from demoi.server.i18n import page_context, page_language
from demoi.server.write_cache import until_next_write

bp = Blueprint("catalogue_page", __name__)
CATALOGUES_CACHE = "demoi.catalogue.catalogues"

#: Media type -> format name: RDF syntaxes first, so that a harvester's */* gets Turtle.
OFFERED = [(media_type, name) for name, (_, media_type) in RDF_FORMATS.items()] + [
    ("text/html", "html")
]

TEXT = {
    "el": {
        "title": "Κατάλογος ανοικτών δεδομένων",
        "platform_intro": "Οι κατάλογοι των δήμων που δημοσιεύουν στο demoi (DCAT-AP 3.0.1). "
        "Οι συλλέκτες μεταδεδομένων διαβάζουν τον κατάλογο σε RDF, ανά σελίδες (Hydra).",
        "municipality": "Δήμος",
        "datasets": "Σύνολα δεδομένων",
        "modified": "Τελευταία ενημέρωση",
        "guide": "Οδηγός",
        "hvd_report": "Σύνολα υψηλής αξίας",
        "formats": "Ο κατάλογος σε",
        "area": "Λειτουργικό πεδίο",
        "dataset": "Σύνολο δεδομένων",
        "distributions": "Διανομές",
        "licence": "Άδεια",
        "charging": "Χρέωση",
        "hvd": "Υψηλής αξίας",
        "periods": "Περίοδοι",
        "empty": "Ο δήμος δεν έχει ακόμη δημοσιεύσει σύνολα δεδομένων.",
        "none": "Κανένας δήμος δεν έχει ακόμη δημοσιεύσει σύνολα δεδομένων.",
        "contact": "Επικοινωνία",
        "inventory": "Απογραφή",
    },
    "en": {
        "title": "Open data catalogue",
        "platform_intro": "The catalogues of the municipalities publishing on demoi (DCAT-AP "
        "3.0.1). Harvesters read the catalogue as RDF, page by page (Hydra).",
        "municipality": "Municipality",
        "datasets": "Datasets",
        "modified": "Last updated",
        "guide": "Guide",
        "hvd_report": "High-value datasets",
        "formats": "The catalogue in",
        "area": "Functional area",
        "dataset": "Dataset",
        "distributions": "Distributions",
        "licence": "Licence",
        "charging": "Charging",
        "hvd": "High-value",
        "periods": "Periods",
        "empty": "The municipality has not published any dataset yet.",
        "none": "No municipality has published a dataset yet.",
        "contact": "Contact",
        "inventory": "Inventory",
    },
}


def _platform() -> Platform:
    settings = app_settings(current_app)
    return Platform(settings.base_uri, settings["operator_name"], settings["operator_email"])


def _format() -> str:
    return requested_format(request.args.get("format"), request.headers.get("Accept"), OFFERED)


def _integer(name: str, default: int | None) -> int | None:
    text = request.args.get(name)
    if text is None:
        return default
    if not re.fullmatch("[0-9]{1,9}", text):  # not str.isdigit, which takes "²"
        raise UsageError(f"{name} must be a whole number, not {text!r}")
    return int(text)


@bp.get("/catalog")
def platform_catalogue() -> Response | str:
    return _catalogue(None)


@bp.get("/catalog/<code>")
def municipal_catalogue(code: str) -> Response | str:
    if code not in municipalities():
        raise NotFound(f"{code!r} is not the ELSTAT code of a municipality, e.g. 4401")
    return _catalogue(code)


def _catalogues(code: str | None) -> list[Catalogue]:
    base = app_settings(current_app).base_uri
    return until_next_write(
        CATALOGUES_CACHE, (code, base), lambda: read_catalogues(app_store(current_app), base, code)
    )


def dataset_quads(iri: str) -> list[ox.Quad]:
    """What the catalogue says about a dataset IRI (``{base}id/dataset/<code>/<dataset>``), in
    the graph of its catalogue, for the linked-data pages: so that the IRI dereferences to its
    DCAT-AP description, although a yearly dataset has no record of its own in the store (its
    years have)."""
    prefix = f"{minted_prefix(app_settings(current_app).base_uri)}dataset/"
    code, _, dataset = iri.removeprefix(prefix).partition("/")
    if not iri.startswith(prefix) or code not in municipalities():
        return []
    base = app_settings(current_app).base_uri
    catalogue = _catalogues(code)[0]
    found = [d for d in catalogue.datasets if d.dataset_id == dataset]
    if not found:
        return []
    graph = ox.NamedNode(catalogue.iri)
    triples = municipal_triples(catalogue, base, found)
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def _catalogue(code: str | None) -> Response | str:
    fmt = _format()
    settings = app_settings(current_app)
    catalogues = _catalogues(code)
    if fmt == "html":
        return _html(catalogues, code)
    number = _integer("page", 1)
    size = _integer("page_size", settings["catalogue_page_size"])
    # The page links name the catalogue at its IRI, never at the Host header the client sent.
    url = f"{settings.base_uri}{request.path.lstrip('/')}"
    triples = catalogue_triples(
        catalogues,
        platform=_platform(),
        code=code,
        number=number,
        size=size or 0,
        since=request.args.get("modified_since"),
        url=url,
    )
    response = Response(serialise(triples, fmt), mimetype=RDF_FORMATS[fmt][1])
    response.headers["Vary"] = "Accept"
    return response


def _html(catalogues: list[Catalogue], code: str | None) -> Response:
    language = page_language()
    base = app_settings(current_app).base_uri
    context = {
        **page_context(language),
        "text": TEXT[language],
        "code": code,
        "catalogues": catalogues,
        "areas": _by_area(catalogues[0].datasets) if code is not None else [],
        "label": lambda iri: label(iri, language),
        "municipality_label": lambda catalogue: catalogue.municipality.label(language),
        "guide": lambda c: v.guide_url(base, c),
        "formats": list(RDF_FORMATS),
    }
    response = Response(render_template("catalogue.html", **context), mimetype="text/html")
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


def _by_area(datasets: tuple[Dataset, ...]) -> list[tuple[str, list[Dataset]]]:
    grouped: dict[str, list[Dataset]] = defaultdict(list)
    for dataset in datasets:
        grouped[dataset.area].append(dataset)
    return sorted(grouped.items())
