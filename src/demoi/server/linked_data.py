"""Linked data: every minted IRI and every vocabulary and code-list term dereferences."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("linked_data", __name__)
