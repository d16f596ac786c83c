"""The language of a page: ``?lang=el|en`` first, then the browser's Accept-Language, then the
``default_language`` setting. Each page keeps its own strings, in both languages, beside its view
(a ``TEXT = {"el": {...}, "en": {...}}`` table); tests check that both languages have the same keys.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Flask, current_app, request
from werkzeug.datastructures import MultiDict

from demoi import __version__
from demoi.server import app_settings

LANGUAGES = ("el", "en")

#: What every page shows around its own content: the navigation and the language switch.
CHROME_TEXT: dict[str, dict[str, str]] = {
    "el": {
        "home": "Αρχική",
        "query": "Ερώτημα SPARQL",
        "validate": "Έλεγχος συμμόρφωσης",
        "conformance": "Συμμόρφωση",
        "catalogue": "Κατάλογος",
        "inventory": "Απογραφή",
        "indicators": "Δείκτες",
        "standards": "Πρότυπα",
        "switch": "English",
        "footer": "Ανοικτά διασυνδεδεμένα δεδομένα των ΟΤΑ (ν. 4727/2020)",
    },
    "en": {
        "home": "Home",
        "query": "SPARQL query",
        "validate": "Validate",
        "conformance": "Conformance",
        "catalogue": "Catalogue",
        "inventory": "Inventory",
        "indicators": "Indicators",
        "standards": "Standards",
        "switch": "Ελληνικά",
        "footer": "Linked open data of Greek local government (Law 4727/2020)",
    },
}


def page_language() -> str:
    requested = request.args.get("lang")
    if requested in LANGUAGES:
        return requested
    best = request.accept_languages.best_match(LANGUAGES)
    return best or str(app_settings(current_app)["default_language"])


def other_language(language: str) -> str:
    return "en" if language == "el" else "el"


def page_context(language: str) -> dict[str, Any]:
    """What base.html needs: ``lang``, ``other`` and ``chrome`` (the navigation's strings)."""
    return {"lang": language, "other": other_language(language), "chrome": CHROME_TEXT[language]}


def lang_query(args: MultiDict[str, str], language: str) -> str:
    """The current query string with ``lang`` set to ``language``, for the language switch."""
    pairs = [(key, value) for key, value in args.items(multi=True) if key != "lang"]
    return urlencode([*pairs, ("lang", language)])


def init_app(app: Flask) -> None:
    app.add_template_filter(lang_query, "lang_query")
    app.jinja_env.globals["version"] = __version__
