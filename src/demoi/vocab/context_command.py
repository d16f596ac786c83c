"""``demoi vocab context``."""

from __future__ import annotations

import click


@click.command("context")
def context_command() -> None:
    """Not built yet."""
    raise click.UsageError("not built yet")
