"""The query page (``/query``): YASGUI, served from this package, querying this server's
``/sparql``. ``?query=`` preloads a query, ``?example=<name>`` one of the example queries."""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from demoi.server.example_queries import example_queries, functional_areas
from demoi.server.i18n import page_context, page_language

bp = Blueprint("query_page", __name__)

DEFAULT_QUERY = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?graph ?title WHERE {
  GRAPH ?catalogue { ?record dcterms:relation ?graph ; dcterms:title ?title }
}
LIMIT 20
"""

TEXT = {
    "el": {
        "title": "Ερώτημα SPARQL",
        "intro": "Γράψτε ένα ερώτημα SPARQL ή επιλέξτε ένα παράδειγμα και πατήστε το κουμπί "
        "εκτέλεσης (▶) ή Ctrl+Enter. Τα ερωτήματα εκτελούνται σε αυτόν τον διακομιστή.",
        "examples": "Παραδείγματα",
        "choose": "— επιλέξτε παράδειγμα —",
        "open": "Άνοιγμα",
        "tab": "Ερώτημα",
        "unknown_example": "Δεν υπάρχει παράδειγμα με το όνομα «{name}».",
        "noscript": "Ο επεξεργαστής χρειάζεται JavaScript· χωρίς αυτή, στείλτε το ερώτημα "
        "απευθείας στο {endpoint}.",
    },
    "en": {
        "title": "SPARQL query",
        "intro": "Write a SPARQL query or choose an example and press the run button (▶) or "
        "Ctrl+Enter. Queries run on this server.",
        "examples": "Examples",
        "choose": "— choose an example —",
        "open": "Open",
        "tab": "Query",
        "unknown_example": "There is no example named “{name}”.",
        "noscript": "The editor needs JavaScript; without it, send the query to {endpoint} "
        "directly.",
    },
}


@bp.get("/query")
def query() -> str:
    language = page_language()
    text = TEXT[language]
    examples = {example.name: example for example in example_queries()}
    chosen = request.args.get("example")
    unknown = chosen is not None and chosen not in examples
    preset = request.args.get("query")
    if preset is None and chosen in examples:
        preset = examples[chosen].text
    return render_template(
        "query.html",
        **page_context(language),
        text=text,
        query_text=preset or DEFAULT_QUERY,
        endpoint=url_for("sparql.sparql", _external=True),
        examples=example_queries(),
        areas=functional_areas(),
        chosen=chosen if not unknown else None,
        unknown_example=chosen if unknown else None,
    )
