"""/catalog/hvd: the HVD compliance report (demoi.dcat.hvd), every municipality with data in a
summary table, and /catalog/hvd/<code>, one municipality's report with each finding and its
fix; HTML for people, JSON for tools, by content negotiation or ``?format=html|json``.

The report runs SHACL (when the EU shapes are at hand) on each municipality's catalogue, so it
is kept per store version, as the conformance matrix keeps its own, and made again only after
a write to the store.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from demoi.conneg import requested_format
from demoi.dcat import hvd
from demoi.guide import linkable
from demoi.municipalities import municipalities
from demoi.server import app_settings, app_store
from demoi.server.errors import error_response
from demoi.server.i18n import page_context, page_language
from demoi.server.write_cache import until_next_write

bp = Blueprint("hvd_page", __name__)

REPORT_CACHE = "demoi.hvd.reports"
#: HTML first: the pages are for people; a tool asks for JSON (or ``?format=json``).
OFFERED = [("text/html", "html"), ("application/json", "json")]

TEXT = {
    "el": {
        "title": "Σύνολα δεδομένων υψηλής αξίας",
        "intro": "Ο εκτελεστικός κανονισμός (ΕΕ) 2023/138 ορίζει σύνολα δεδομένων υψηλής αξίας "
        "που διατίθενται δωρεάν, με ανοικτή άδεια (CC BY 4.0 ή λιγότερο περιοριστική) και μέσω "
        "API. Για κάθε δήμο: ποια από τα σύνολα που το demoi χαρακτηρίζει υψηλής αξίας έχει "
        "δημοσιεύσει πλήρως, ποια με ελλιπή μεταδεδομένα και ποια λείπουν· επιπλέον, όσα "
        "δημοσίευσε με αντιστοίχιση υψηλής αξίας αλλά με δικό τους αναγνωριστικό συνόλου.",
        "rules": "Οι κανόνες: οι αντιστοιχίσεις με κατηγορίες υψηλής αξίας",
        "mapping": "Αντιστοίχιση",
        "dataset": "Σύνολο δεδομένων",
        "category": "Κατηγορία",
        "municipality": "Δήμος",
        "expected": "Αναμενόμενα",
        "present": "Πλήρη",
        "incomplete": "Ελλιπή",
        "missing": "Λείπουν",
        "extra": "Επιπλέον",
        "extra_count": "+{n} επιπλέον",
        "status": "Κατάσταση",
        "findings": "Τι λείπει και πώς διορθώνεται",
        "fix": "Διόρθωση",
        "notes": "Προειδοποιήσεις των σχημάτων της ΕΕ (δεν κάνουν το σύνολο ελλιπές)",
        "categories": "Οι κατηγορίες του κανονισμού",
        "published": "Δημοσιευμένα σύνολα",
        "gap": "κενό",
        "other": "Ευρήματα σε κόμβους που δεν συνδέονται με σύνολο υψηλής αξίας",
        "none": "Κανένας δήμος δεν έχει ακόμη δημοσιεύσει δεδομένα.",
        "all": "Όλοι οι δήμοι",
        "catalogue": "Ο κατάλογος του δήμου",
        "as_json": "Η αναφορά σε JSON",
        "command": "Η ίδια αναφορά από τη γραμμή εντολών:",
    },
    "en": {
        "title": "High-value datasets",
        "intro": "Commission Implementing Regulation (EU) 2023/138 lists high-value datasets, "
        "to be made available free of charge, under an open licence (CC BY 4.0 or less "
        "restrictive) and through APIs. For each municipality: which of the datasets demoi "
        "marks as high-value it publishes completely, which with incomplete metadata, and which "
        "are missing; extra, those it published with a high-value mapping under a dataset id "
        "of its own.",
        "rules": "The rules: the mappings with high-value categories",
        "mapping": "Mapping",
        "dataset": "Dataset",
        "category": "Category",
        "municipality": "Municipality",
        "expected": "Expected",
        "present": "Present",
        "incomplete": "Incomplete",
        "missing": "Missing",
        "extra": "Extra",
        "extra_count": "+{n} extra",
        "status": "Status",
        "findings": "What is missing and how to fix it",
        "fix": "Fix",
        "notes": "Warnings of the EU shapes (they do not make the dataset incomplete)",
        "categories": "The categories of the Regulation",
        "published": "Published datasets",
        "gap": "gap",
        "other": "Findings on nodes no high-value dataset links to",
        "none": "No municipality has published data yet.",
        "all": "All municipalities",
        "catalogue": "The municipality's catalogue",
        "as_json": "The report as JSON",
        "command": "The same report from the command line:",
    },
}

#: The colour classes of conformance_style.html for each status.
STATUS_CLASSES = {hvd.PRESENT: "conforms", hvd.INCOMPLETE: "warnings", hvd.MISSING: "violations"}


def _format() -> str:
    return requested_format(request.args.get("format"), request.headers.get("Accept"), OFFERED)


def _report(code: str | None) -> hvd.HvdReport:
    """The report, made again only after a write to the store (or a change of settings)."""
    settings = app_settings(current_app)
    shapes = str(settings["eu_shapes_dir"])
    return until_next_write(
        REPORT_CACHE,
        (code, settings.base_uri, shapes),
        lambda: hvd.report(app_store(current_app), settings.base_uri, code, eu_shapes_dir=shapes),
    )


@bp.get("/catalog/hvd")
def summary() -> Response:
    return _respond(None)


@bp.get("/catalog/hvd/<code>")
def municipality(code: str) -> Response:
    if code not in municipalities():
        return error_response(
            404, "not-found", f"{code!r} is not the ELSTAT code of a municipality, e.g. 4401"
        )
    return _respond(code)


def _respond(code: str | None) -> Response:
    fmt = _format()
    found = _report(code)
    if fmt == "json":
        response = Response(found.json_text(), content_type="application/json")
    else:
        response = Response(_html(found, code), content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


def _html(found: hvd.HvdReport, code: str | None) -> str:
    language = page_language()
    return render_template(
        "hvd.html",
        **page_context(language),
        text=TEXT[language],
        report=found,
        code=code,
        linkable=linkable,
        status_class=STATUS_CLASSES,
        categories=hvd.categories(),
        summary=found.municipalities[0] if code is not None else None,
    )
