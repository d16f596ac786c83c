"""/guide/<code>: a municipality's Guide (art. 67 of law 4727/2020, demoi.guide) as an HTML
document in the page's language (``?lang=el|en``, else Accept-Language), or as Markdown with
``?format=md`` or ``Accept: text/markdown``. ``?lang=el,en`` gives the bilingual document (Greek
first, English below), the one `demoi guide --out` writes as guide.html.

The HTML is the standalone document the CLI writes, with the site's links above it on screen
only: what a municipality saves from here is what it posts.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import NotFound

from demoi.conneg import requested_format
from demoi.guide import LANGUAGES, Link, as_html, as_markdown, guides
from demoi.municipalities import municipalities
from demoi.server import app_settings, app_store
from demoi.server.i18n import CHROME_TEXT, other_language, page_language

bp = Blueprint("guide_page", __name__)

OFFERED = (("text/html", "html"), ("text/markdown", "md"))
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}
BILINGUAL = ",".join(LANGUAGES)

TEXT = {
    "el": {"markdown": "Markdown", "bilingual": "Ελληνικά και αγγλικά"},
    "en": {"markdown": "Markdown", "bilingual": "Greek and English"},
}


def _format() -> str:
    return requested_format(request.args.get("format"), request.headers.get("Accept"), OFFERED)


def _languages() -> tuple[str, ...]:
    if request.args.get("lang") == BILINGUAL:
        return LANGUAGES
    return (page_language(),)


def _navigation(code: str, languages: tuple[str, ...]) -> list[Link]:
    """The site's links, shown on screen only: home, each other version of this Guide."""
    language = languages[0]
    here = f"/guide/{code}"
    # Each language's switch label names the other language (CHROME_TEXT["el"] says English).
    versions = [
        Link(CHROME_TEXT[other_language(one)]["switch"], f"{here}?lang={one}")
        for one in LANGUAGES
        if (one,) != languages
    ]
    if len(languages) == 1:
        versions.append(Link(TEXT[language]["bilingual"], f"{here}?lang={BILINGUAL}"))
    markdown = f"{here}?{urlencode({'format': 'md', 'lang': ','.join(languages)})}"
    return [
        Link(CHROME_TEXT[language]["home"], f"/?lang={language}"),
        Link(CHROME_TEXT[language]["catalogue"], f"/catalog/{code}?lang={language}"),
        *versions,
        Link(TEXT[language]["markdown"], markdown),
    ]


@bp.get("/guide/<code>")
def guide_page(code: str) -> Response:
    if code not in municipalities():
        raise NotFound(f"unknown municipality {code!r}: give its ELSTAT code, e.g. 4401")
    fmt = _format()
    languages = _languages()
    base = str(app_settings(current_app).base_uri)
    found = guides(app_store(current_app), base, code, languages)
    if fmt == "md":
        body = as_markdown(*found)
    else:
        body = as_html(*found, navigation=_navigation(code, languages))
    response = Response(body, content_type=MEDIA_TYPES[fmt])
    response.headers["Vary"] = "Accept, Accept-Language"
    return response
