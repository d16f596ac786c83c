"""``demoi vocab docs``."""

from __future__ import annotations

import click


@click.command("docs")
def docs_command() -> None:
    """Not built yet."""
    raise click.UsageError("not built yet")
