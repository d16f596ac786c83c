"""``demoi inventory``: the coverage matrix municipality × functional area (demoi.inventory) on
standard output, as CSV (one row per municipality × area), JSON (nested, with the summary) or
an HTML document, the formats /inventory serves.

It reads the store, so it needs the store to itself: while `demoi serve` holds it, ask the
server (``/inventory?format=csv``) instead.
"""

from __future__ import annotations

import click

from demoi.command_options import base_uri_option, command_settings, opened_store, store_option
from demoi.errors import UsageError

FORMATS = ("csv", "json", "html")
LANGUAGES = ("el", "en")


@click.command("inventory")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="csv",
    show_default=True,
    help="CSV (one row per municipality × area), JSON (with the summary) or an HTML document.",
)
@click.option("--municipality", metavar="CODE", help="Only this municipality (ELSTAT code).")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of the HTML document.")
@store_option
@base_uri_option
def inventory(
    output_format: str,
    municipality: str | None,
    lang: str | None,
    store: str | None,
    base_uri: str | None,
) -> None:
    """The coverage matrix: every municipality × every functional area, as CSV, JSON or HTML.

    Each cell is published-conforming, published-not-conforming (violations),
    published-unchecked (not validated since its last publication: `demoi validate --store`)
    or missing, with its datasets, graphs, triples, last publication and violations.

    Exit codes: 0 written, 2 usage error (unknown municipality, no store, store in use).
    """
    from demoi.inventory import inventory as read_inventory
    from demoi.server.inventory_page import scoped, standalone_html

    settings = command_settings(store=store, base_uri=base_uri)
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    with opened_store(settings, create=False) as opened:
        found = read_inventory(opened, settings.base_uri)
    found = scoped(found, region=None, municipality=municipality)
    if output_format == "csv":
        click.echo(found.as_csv(), nl=False)
    elif output_format == "json":
        click.echo(found.as_json_text(), nl=False)
    else:
        click.echo(standalone_html(found, lang or settings["default_language"]))
