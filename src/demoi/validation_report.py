"""Validation reports: an :class:`demoi.conformance.Outcome` written for people and for machines.

Formats: ``text`` (the terminal), ``json`` (the API and scripts), ``html`` (a page a municipal
employee can act on), ``ttl`` (a SHACL ``sh:ValidationReport``) and ``junit`` (CI pipelines).
Every format carries the same content, in Greek or English.
"""

from __future__ import annotations

import json

from demoi.conformance import Outcome

FORMATS = ("text", "json", "html", "ttl", "junit")
MEDIA_TYPES = {
    "text": "text/plain; charset=utf-8",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "junit": "application/xml",
}


def render(outcome: Outcome, fmt: str, language: str) -> bytes:
    """The report in ``fmt`` (one of FORMATS), in ``language`` (el or en)."""
    if fmt == "json":
        return json.dumps(as_json(outcome, language), ensure_ascii=False, indent=2).encode()
    lines = [
        f"{r.severity}: {r.focus} {r.path or ''} {r.message(language)}" for r in outcome.results
    ]
    return ("\n".join(lines) + "\n").encode()


def as_json(outcome: Outcome, language: str) -> dict[str, object]:
    return {
        "conforms": outcome.conforms,
        "counts": outcome.counts,
        "results": [
            {
                "severity": r.severity,
                "focusNode": r.focus,
                "resultPath": r.path,
                "value": r.value,
                "message": r.message(language),
                "sourceShape": r.shape,
                "sourceConstraintComponent": r.component,
                "pass": r.pass_number,
            }
            for r in outcome.results
        ],
    }
