"""``demoi catalog hvd``: the HVD compliance report (demoi.dcat.hvd) on standard output, as text
or JSON, the report /catalog/hvd serves.

It reads the store, so it needs the store to itself: while `demoi serve` holds it, ask the
server (``/catalog/hvd?format=json``) instead.
"""

from __future__ import annotations

import click

from demoi.command_options import base_uri_option, command_settings, opened_store, store_option
from demoi.errors import UsageError

FORMATS = ("text", "json")
LANGUAGES = ("el", "en")


@click.command("hvd")
@click.option("--municipality", metavar="CODE", help="Only this municipality (ELSTAT code).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Text for people, JSON for tools.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of the text report.")
@store_option
@base_uri_option
def hvd_command(
    municipality: str | None,
    output_format: str,
    lang: str | None,
    store: str | None,
    base_uri: str | None,
) -> None:
    """The high-value datasets (Regulation (EU) 2023/138) of each municipality: present,
    missing, or published with incomplete metadata, with how to fix each finding. The EU
    DCAT-AP HVD shapes run too when DEMOI_EU_SHAPES_DIR names their folder.

    Exit codes: 0 every expected high-value dataset is published with complete metadata,
    1 some are missing or incomplete, 2 usage error (unknown municipality, no store, store in
    use).
    """
    from demoi.dcat.hvd import report
    from demoi.municipalities import get_municipality

    if municipality is not None:
        get_municipality(municipality)
    settings = command_settings(store=store, base_uri=base_uri)
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    with opened_store(settings, create=False) as opened:
        found = report(
            opened, settings.base_uri, municipality, eu_shapes_dir=settings["eu_shapes_dir"]
        )
    if output_format == "json":
        click.echo(found.json_text(), nl=False)
    else:
        click.echo(found.as_text(lang or settings["default_language"]), nl=False)
    raise SystemExit(found.exit_code)
