"""The home page: what this server holds and how to query it, in Greek and English."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, current_app, render_template

from demoi.server import app_store
from demoi.server.i18n import page_context, page_language

bp = Blueprint("home", __name__)

EXAMPLE_QUERY = "SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

TEXT = {
    "el": {
        "title": "demoi — ανοικτά διασυνδεδεμένα δεδομένα ΟΤΑ",
        "intro": "Τα δεδομένα των δήμων και των περιφερειών, τυποποιημένα ανά λειτουργικό τομέα "
        "και διαθέσιμα μέσω SPARQL.",
        "graphs": "Γράφοι",
        "triples": "τριάδες",
        "endpoint": "Σημείο SPARQL",
        "example": "Παράδειγμα ερωτήματος",
        "empty": "Το αποθετήριο είναι κενό.",
    },
    "en": {
        "title": "demoi — linked open data of Greek local government",
        "intro": "The data of municipalities and regions, standardised per functional area and "
        "available over SPARQL.",
        "graphs": "Graphs",
        "triples": "triples",
        "endpoint": "SPARQL endpoint",
        "example": "Example query",
        "empty": "The store is empty.",
    },
}


@bp.get("/")
def index() -> str:
    language = page_language()
    return render_template(
        "index.html",
        **page_context(language),
        text=TEXT[language],
        graphs=app_store(current_app).graphs(),
        example_query=EXAMPLE_QUERY,
        example_href="sparql?query=" + quote(EXAMPLE_QUERY),
    )
