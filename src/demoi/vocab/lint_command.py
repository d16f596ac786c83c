"""``demoi vocab lint``."""

from __future__ import annotations

import click


@click.command("lint")
def lint_command() -> None:
    """Not built yet."""
    raise click.UsageError("not built yet")
