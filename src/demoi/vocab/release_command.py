"""``demoi vocab diff`` and ``demoi vocab release``."""

from __future__ import annotations

import click


@click.command("diff")
def diff_command() -> None:
    """Not built yet."""
    raise click.UsageError("not built yet")


@click.command("release")
def release_command() -> None:
    """Not built yet."""
    raise click.UsageError("not built yet")
