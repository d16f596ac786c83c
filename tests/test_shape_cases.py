"""Data-driven SHACL cases: tests/cases/shapes/<area>/<case>/{data.ttl, expected.json}.

Each case is validated with demoi's own validation against the area's profile
(shapes/<area>.ttl + shapes/<area>-recommended.ttl); the results must be exactly the expected
ones (as a multiset), and "conforms" means no violations (warnings alone conform).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import rdflib

from conftest import REPO
from demoi.validation import validate_area

CASES = sorted((REPO / "tests" / "cases" / "shapes").glob("*/*/expected.json"))


def test_there_are_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize(
    "expected_file", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_shape_case(expected_file: Path) -> None:
    case = expected_file.parent
    area = case.parent.name
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    data = rdflib.Graph().parse(case / "data.ttl", format="turtle")
    for language in ("el", "en"):
        report = validate_area(data, area, language)
        assert report.conforms == expected["conforms"]
        found = Counter((f.severity, f.focus, f.path, f.component) for f in report.findings)
        wanted = Counter(
            (r["severity"], r["focus"], r.get("path"), r["component"]) for r in expected["results"]
        )
        assert found == wanted
        # Every result carries a message in the language asked for.
        assert all(f.message for f in report.findings)


def test_messages_are_bilingual() -> None:
    data = rdflib.Graph().parse(
        REPO / "tests/cases/shapes/finance/missing-kae/data.ttl", format="turtle"
    )
    greek = validate_area(data, "finance", "el").findings[0].message
    english = validate_area(data, "finance", "en").findings[0].message
    assert greek != english
    assert any("\u0370" <= ch <= "\u03ff" for ch in greek)
    # English may quote a Greek column header («Κ.Α.»), but is mostly Latin text.
    assert sum(ch.isascii() for ch in english) > 0.9 * len(english)
