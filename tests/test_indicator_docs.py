"""docs/indicators.md lists every shipped indicator with its status, so that the guide's table
is the catalogue a reader gets."""

from __future__ import annotations

import re
from pathlib import Path

from demoi.indicators.definitions import read_definitions

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "indicators.md"


def test_the_guide_lists_every_shipped_indicator_with_its_status() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index("<!-- indicators-table") : text.index("<!-- /indicators-table -->")]
    listed = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^\| `([a-z0-9-]+)` \|.*\| ([a-z]+) \|$", table, re.M)
    }
    shipped = {d.identifier: d.status for d in read_definitions("http://demoi.test/").values()}
    assert listed == shipped
