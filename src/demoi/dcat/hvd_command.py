"""``demoi catalog hvd``: the HVD compliance report (demoi.dcat.hvd) on standard output, as text
or JSON, the report /catalog/hvd serves.

It reads the store, so it needs the store to itself: while `demoi serve` holds it, ask the
server (``/catalog/hvd?format=json``) instead.
"""

from __future__ import annotations

import click

from demoi.errors import UsageError
from demoi.settings import SETTINGS_BY_NAME, load_settings

FORMATS = ("text", "json")
LANGUAGES = ("el", "en")


def _setting_help(name: str) -> str:
    setting = SETTINGS_BY_NAME[name]
    return f"{setting.help} [env: {setting.env_var}]"


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
@click.option("--store", type=click.Path(path_type=str), help=_setting_help("store"))
@click.option("--base-uri", metavar="IRI", help=_setting_help("base_uri"))
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
    from demoi.store import open_store

    if municipality is not None:
        get_municipality(municipality)
    settings = load_settings({"store": store, "base_uri": base_uri})
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    opened = open_store(settings.store_path, backend=settings["store_backend"], create=False)
    try:
        found = report(
            opened, settings.base_uri, municipality, eu_shapes_dir=settings["eu_shapes_dir"]
        )
    finally:
        opened.close()
    if output_format == "json":
        click.echo(found.json_text(), nl=False)
    else:
        click.echo(found.as_text(lang or settings["default_language"]), nl=False)
    raise SystemExit(found.exit_code)
