"""/conformance: the conformance matrix municipality × area that `demoi validate --store`
writes, with drill-down to the report of one graph."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("conformance_page", __name__)


@bp.get("/conformance")
def matrix() -> str:
    return "conformance"
