"""/standards/…: the documentation site of the standards (demoi.vocab.site), served.

``/standards/`` is the index, ``/standards/<area>`` a vocabulary's page,
``/standards/<area>/rules`` the same page with its rules first, ``/standards/code/<scheme>`` a
code list, ``/standards/changelog`` the releases; ``?lang=el|en`` as on every page. The site is
built from the packaged standards once per app, on the first request that needs it (they do
not change while a server runs), and each page is rendered once per language.

linked_data.py sends a browser asking for a standards IRI (``/def/…``, ``/code/…``,
``/shapes/…``) here with ``docs_location``.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field

from flask import Blueprint, Flask, Response, current_app, request

from demoi.server.errors import error_response
from demoi.server.i18n import page_language
from demoi.vocab.docs_pages import Renderer, ServedLinks
from demoi.vocab.site import Site, build_site

bp = Blueprint("standards_docs", __name__)

EXTENSION = "demoi.standards_docs"
_LOCK = threading.Lock()
#: The pages change only when the server is upgraded; an hour, then a 304 from the ETag.
CACHE_CONTROL = "public, max-age=3600"


@dataclass(frozen=True)
class Page:
    html: str
    #: Computed once: the largest pages (the KAE list) are megabytes.
    etag: str


@dataclass
class ServedSite:
    site: Site
    renderer: Renderer
    pages: dict[tuple[str, str, bool, str], Page] = field(default_factory=dict)

    def page(self, key: str, language: str, rules_first: bool = False) -> Page | None:
        """The page, or None when the site has no page ``key`` (not cached: any URL asks)."""
        root = request.script_root
        cache_key = (key, language, rules_first, root)
        if cache_key not in self.pages:
            html = self.renderer.render(key, ServedLinks(root, language), rules_first)
            if html is None:
                return None
            etag = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]
            self.pages[cache_key] = Page(html, etag)
        return self.pages[cache_key]


def served_site(app: Flask) -> ServedSite:
    with _LOCK:  # two first requests at once must not both build the site
        if EXTENSION not in app.extensions:
            from demoi.resources import standards_root

            site = build_site(standards_root())
            app.extensions[EXTENSION] = ServedSite(site, Renderer(site))
        served: ServedSite = app.extensions[EXTENSION]
        return served


def docs_location(iri: str) -> str | None:
    """Where the documentation of a standards IRI is, for a browser: the page and, for a
    concept, its anchor. A vocabulary's URL carries no anchor, so the browser keeps the
    fragment of a term's IRI (``…/def/finance#BudgetLine``); a shapes file goes to its area's
    page with the rules first, for the same reason (``…/shapes/finance#<shape>``)."""
    served = served_site(current_app)
    target = served.site.index.get(iri)
    if target is None:
        return None
    links = ServedLinks(request.script_root, page_language())
    if target.anchor == "rules":
        return links.page(target.page).replace("?", "/rules?", 1)
    return links.target(target, current="")


def _html(key: str, rules_first: bool = False) -> Response:
    served, language = served_site(current_app), page_language()
    page = served.page(key, language, rules_first)
    if page is None:
        return _not_found(served, key, language)
    response = Response(page.html, content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept-Language"
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.set_etag(page.etag)
    response.make_conditional(request)
    return response


def _not_found(served: ServedSite, key: str, language: str) -> Response:
    """A browser gets a page in its language; a program the JSON error of every endpoint."""
    if request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html":
        links = ServedLinks(request.script_root, language)
        response = Response(
            served.renderer.not_found(key, links),
            status=404,
            content_type="text/html; charset=utf-8",
        )
    else:
        response = error_response(
            404,
            "not-found",
            f"τα πρότυπα δεν έχουν σελίδα {key!r} / the standards have no page {key!r}",
        )
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


@bp.get("/standards/")
def index() -> Response:
    return _html("index")


@bp.get("/standards/changelog")
def changelog() -> Response:
    return _html("changelog")


@bp.get("/standards/<slug>")
def area(slug: str) -> Response:
    return _html(f"area/{slug}")


@bp.get("/standards/<slug>/rules")
def area_rules(slug: str) -> Response:
    return _html(f"area/{slug}", rules_first=True)


@bp.get("/standards/code/<path:slug>")
def code_list(slug: str) -> Response:
    return _html(f"code/{slug}")
