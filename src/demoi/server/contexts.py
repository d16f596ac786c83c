"""The JSON-LD contexts of the vocabularies: ``/context/<area>.jsonld`` and
``/context/demoi.jsonld`` (all areas), the files ``demoi vocab context --out`` writes
(docs/jsonld-contexts.md)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from demoi.errors import UsageError
from demoi.server.errors import error_response

bp = Blueprint("contexts", __name__)

MEDIA_TYPE = "application/ld+json"
#: A context changes only with a new release of the standards, that is with a new server.
CACHE_CONTROL = "public, max-age=86400"


@bp.get("/context/<name>.jsonld")
def context(name: str) -> Response:
    from demoi.vocab.contexts import known_areas, standard_context

    try:
        text = standard_context(name).text()
    except UsageError:
        areas = ", ".join([*known_areas(), "demoi"])
        return error_response(
            404,
            "not-found",
            f"κανένα πλαίσιο {name!r} / no context {name!r}; τα πλαίσια / the contexts: {areas}",
        )
    response = Response(text, content_type=MEDIA_TYPE)
    response.headers["Cache-Control"] = CACHE_CONTROL
    # Read by JSON-LD processors running in pages of any origin; nothing private is served.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.add_etag()
    response.make_conditional(request)
    return response
