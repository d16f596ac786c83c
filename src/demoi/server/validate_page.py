"""/validate (a page: upload or paste, choose profile and language, read the report) and
POST /api/validate (the same validation for programs, answering the CLI's JSON)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("validate_page", __name__)


@bp.get("/validate")
def page() -> str:
    return "validate"
