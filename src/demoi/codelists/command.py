"""``demoi codelist import`` and ``demoi codelist export``."""

from __future__ import annotations

import click


@click.group("codelist")
def codelist_group() -> None:
    """Code lists as CSV for editors who work in a spreadsheet."""
