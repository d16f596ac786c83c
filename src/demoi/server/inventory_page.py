"""/inventory: the coverage matrix municipality × functional area (demoi.inventory), as an HTML
page in Greek or English, CSV or JSON, chosen by ``?format=html|csv|json`` or else by the Accept
header (demoi.conneg.negotiate; 406 when it accepts none of them). ``?region=CODE`` and
``?municipality=CODE`` narrow every format to a region's or one municipality's rows.

The same HTML is written by `demoi inventory --format html` as a document of its own
(``standalone_html``), without the site's navigation, which needs a request to link to.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import jinja2
from flask import Blueprint, Response, current_app, render_template, request

from demoi.conneg import requested_format
from demoi.errors import UsageError
from demoi.inventory import (
    CONFORMING,
    MISSING,
    NOT_CONFORMING,
    STATES,
    UNCHECKED,
    Cell,
    Inventory,
    inventory,
)
from demoi.municipalities import municipalities
from demoi.server import app_settings, app_store
from demoi.server.home import grouped_number, regions_of_municipalities
from demoi.server.i18n import page_context, page_language
from demoi.server.write_cache import until_next_write

bp = Blueprint("inventory_page", __name__)

INVENTORY_CACHE = "demoi.inventory"
#: What the page offers, its preference first: a browser's ``*/*`` gets the page.
OFFERED = (("text/html", "html"), ("text/csv", "csv"), ("application/json", "json"))
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8; header=present",
    "json": "application/json",
}

TEXT = {
    "el": {
        "title": "Απογραφή: δήμοι × λειτουργικά πεδία",
        "intro": "Για κάθε δήμο και κάθε λειτουργικό πεδίο: τι έχει δημοσιευτεί και αν "
        "συμμορφώνεται με το προφίλ του πεδίου (ν. 4727/2020: η πρώτη υποχρέωση είναι η απογραφή "
        "του τι διαθέτει κάθε δήμος, ανά λειτουργικό πεδίο).",
        "caption": "Κατάσταση ανά δήμο και λειτουργικό πεδίο",
        "municipality": "Δήμος",
        "areas_published": "Πεδία με δεδομένα",
        "summary_publishing": "Δήμοι με δεδομένα",
        "summary_cells": "Κελιά με δεδομένα",
        "summary_graphs": "Γράφοι",
        "summary_triples": "Τριάδες",
        "coverage": "Κάλυψη ανά πεδίο",
        "coverage_row": "Δήμοι με δεδομένα (%)",
        "legend": "Υπόμνημα",
        "region": "Περιφέρεια",
        "all_regions": "Όλες οι περιφέρειες",
        "show": "Εμφάνιση",
        "downloads": "Λήψη",
        "graphs": "{n} γράφοι",
        "graph": "1 γράφος",
        "triples": "{n} τριάδες",
        "triple": "1 τριάδα",
        "violations": "{n} παραβιάσεις",
        "violation": "1 παραβίαση",
        "rerun": "Τα δημοσιευμένα που δεν έχουν ελεγχθεί ελέγχονται με",
        "generated": "Από το αποθετήριο",
    },
    "en": {
        "title": "Inventory: municipalities × functional areas",
        "intro": "For every municipality and every functional area: what is published and "
        "whether it conforms to the area's profile (Law 4727/2020: the first duty is an "
        "inventory of what each municipality holds, by functional area).",
        "caption": "State per municipality and functional area",
        "municipality": "Municipality",
        "areas_published": "Areas with data",
        "summary_publishing": "Municipalities with data",
        "summary_cells": "Cells with data",
        "summary_graphs": "Graphs",
        "summary_triples": "Triples",
        "coverage": "Coverage per area",
        "coverage_row": "Municipalities with data (%)",
        "legend": "Legend",
        "region": "Region",
        "all_regions": "All regions",
        "show": "Show",
        "downloads": "Download",
        "graphs": "{n} graphs",
        "graph": "1 graph",
        "triples": "{n} triples",
        "triple": "1 triple",
        "violations": "{n} violations",
        "violation": "1 violation",
        "rerun": "What is published but unchecked is checked with",
        "generated": "From the store",
    },
}

#: Each state's symbol and words: colour alone would say nothing to a screen reader, in print
#: or to a reader who does not tell red from green.
STATE_TEXT = {
    "el": {
        CONFORMING: ("✓", "συμμορφώνεται"),
        NOT_CONFORMING: ("✗", "δεν συμμορφώνεται"),
        UNCHECKED: ("?", "δεν έχει ελεγχθεί"),
        MISSING: ("–", "λείπει"),
    },
    "en": {
        CONFORMING: ("✓", "conforms"),
        NOT_CONFORMING: ("✗", "does not conform"),
        UNCHECKED: ("?", "not checked"),
        MISSING: ("–", "missing"),
    },
}

STATE_HELP = {
    "el": {
        CONFORMING: "δημοσιευμένο και ελεγμένο μετά την τελευταία δημοσίευση, χωρίς παραβιάσεις",
        NOT_CONFORMING: "δημοσιευμένο· ο τελευταίος έλεγχος βρήκε παραβιάσεις",
        UNCHECKED: "δημοσιευμένο, χωρίς έλεγχο μετά την τελευταία δημοσίευση",
        MISSING: "δεν έχει δημοσιευτεί τίποτα",
    },
    "en": {
        CONFORMING: "published, and checked since its last publication without violations",
        NOT_CONFORMING: "published; the last check found violations",
        UNCHECKED: "published, not checked since its last publication",
        MISSING: "nothing published",
    },
}


def _count(n: int, what: str, text: dict[str, str]) -> str:
    return text[what] if n == 1 else text[what + "s"].format(n=grouped_number(n))


def html_context(found: Inventory, language: str) -> dict[str, Any]:
    """What inventory_table.html needs, for the page and for the standalone document."""
    text = TEXT[language]
    summary = found.summary()
    return {
        "text": text,
        "lang": language,
        "inventory": found,
        "summary": summary,
        "rows": found.by_data_first(language),
        "states": STATES,
        "state_text": STATE_TEXT[language],
        "state_help": STATE_HELP[language],
        "number": grouped_number,
        "count": lambda n, what: _count(n, what, text),
        "cell_title": lambda cell: _cell_title(cell, language),
        "row_href": None,
    }


def _cell_title(cell: Cell, language: str) -> str:
    return STATE_HELP[language][cell.state]


def standalone_html(found: Inventory, language: str) -> str:
    """The inventory as one HTML document, outside any request (`demoi inventory`)."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("demoi.server", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("inventory_document.html").render(
        **html_context(found, language)
    )


def scoped(found: Inventory, *, region: str | None, municipality: str | None) -> Inventory:
    """The rows of ``municipality`` or of ``region`` (a region code of the code list)."""
    if municipality:
        if municipality not in municipalities():
            raise UsageError(
                f"unknown municipality {municipality!r}: give its ELSTAT code, e.g. 4401"
            )
        found = found.only([municipality])
    if region:
        members = [
            code for code, home in regions_of_municipalities().items() if home.code == region
        ]
        if not members:
            raise UsageError(f"unknown region {region!r}: give its code, e.g. {_a_region()}")
        found = found.only(members)
    return found


def _a_region() -> str:
    return min(home.code for home in regions_of_municipalities().values())


def _regions(language: str) -> list[tuple[str, str]]:
    labels = {
        home.code: home.labels.get(language, home.code)
        for home in regions_of_municipalities().values()
    }
    return sorted(labels.items(), key=lambda pair: pair[1])


def _inventory() -> Inventory:
    """The whole inventory, computed again only after a write (as home._cells)."""
    base = str(app_settings(current_app).base_uri)
    return until_next_write(INVENTORY_CACHE, base, lambda: inventory(app_store(current_app), base))


def _href(**args: str | None) -> str:
    return "?" + urlencode({name: value for name, value in args.items() if value})


def _requested_format() -> str:
    return requested_format(request.args.get("format"), request.headers.get("Accept"), OFFERED)


@bp.get("/inventory")
def page() -> Response:
    fmt = _requested_format()
    region = request.args.get("region") or None
    municipality = request.args.get("municipality") or None
    found = scoped(_inventory(), region=region, municipality=municipality)
    if fmt == "csv":
        body = found.as_csv()
    elif fmt == "json":
        body = found.as_json_text(indent=None)  # a third of the size; tools indent it
    else:
        language = page_language()
        context = {**page_context(language), **html_context(found, language)}
        context["row_href"] = lambda code: _href(lang=language, municipality=code)
        body = render_template(
            "inventory.html",
            **context,
            regions=_regions(language),
            region=region,
            municipality=municipality,
            download_href=lambda fmt: _href(region=region, municipality=municipality, format=fmt),
        )
    response = Response(body, content_type=MEDIA_TYPES[fmt])
    if fmt == "csv":
        response.headers["Content-Disposition"] = 'inline; filename="inventory.csv"'
    response.headers["Vary"] = "Accept, Accept-Language"
    return response
