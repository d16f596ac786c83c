"""``demoi vocab reason``."""

from __future__ import annotations

import click


@click.command("reason")
def reason_command() -> None:
    """Not built yet."""
    raise click.UsageError("not built yet")
