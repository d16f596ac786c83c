"""GET /healthz: whether the server can answer queries, for load balancers and monitors."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, jsonify

from demoi.server import app_settings, app_store

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)

#: Counting graph names, not triples: it stays quick on a store of thousands of graphs.
GRAPH_COUNT_QUERY = "SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g {} }"


@bp.get("/healthz")
def healthz() -> Response:
    settings = app_settings(current_app)
    try:
        result = app_store(current_app).query(GRAPH_COUNT_QUERY, timeout=settings["query_timeout"])
        graphs = int(result.rows[0][0].value)  # type: ignore[union-attr]
    except Exception:  # any failure means "not healthy"; the reason goes to the log
        log.exception("health check: the store cannot be queried")
        response = jsonify({"status": "unavailable", "store": "unavailable"})
        response.status_code = 503
    else:
        response = jsonify({"status": "ok", "store": settings["store_backend"], "graphs": graphs})
    response.headers["Cache-Control"] = "no-store"
    return response
