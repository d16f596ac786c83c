"""The documentation shows what the commands really print."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
from refresh_cli_help import BLOCK, refreshed  # noqa: E402

PAGES = sorted((REPO / "docs").glob("*.md"))


def test_there_are_generated_help_blocks() -> None:
    assert sum(len(BLOCK.findall(page.read_text(encoding="utf-8"))) for page in PAGES) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_help_blocks_are_current(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert refreshed(text) == text, "run: uv run python tools/refresh_cli_help.py"
