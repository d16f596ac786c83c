"""``demoi indicators``: the Catalogue of Indicators from the command line.

``list`` the definitions, ``compute`` them over the store and publish the cubes, ``chart`` one
as SVG or PNG, ``check`` the published cubes against the Data Cube integrity constraints.
``compute`` and ``check`` need the store to themselves (stop ``demoi serve`` first).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from demoi.atomic_write import replace_file
from demoi.command_options import base_uri_option, command_settings, opened_store, store_option
from demoi.errors import DataError, UsageError
from demoi.municipalities import municipalities
from demoi.settings import Settings

if TYPE_CHECKING:
    from demoi.indicators.compute import Computation
    from demoi.indicators.definitions import Definition
    from demoi.store import Store

LANGUAGES = ("el", "en")


@click.group("indicators")
def indicators_group() -> None:
    """The Catalogue of Indicators: definitions in indicators/, values as RDF Data Cube."""


def _definitions(settings: Settings, identifier: str | None, *, drafts: bool) -> list[Definition]:
    # Imported here, as every command's heavy imports are: `demoi --help` stays fast.
    from demoi.indicators.definitions import configured_definitions

    known = configured_definitions(settings)
    if identifier is not None:
        if identifier not in known:
            raise UsageError(
                f"no indicator {identifier!r}; `demoi indicators list --all` shows them"
            )
        return [known[identifier]]
    return [d for d in known.values() if drafts or d.is_public]


@indicators_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Drafts and withdrawn indicators too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document instead of lines.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="el", show_default=True)
@base_uri_option
def list_command(show_all: bool, as_json: bool, lang: str, base_uri: str | None) -> None:
    """The indicators of the catalogue: identifier, status, unit, areas and name.

    Without --all, only approved indicators (the public catalogue).

    Exit codes: 0 listed, 1 a definition is wrong (file and line named), 2 usage error.
    """
    settings = command_settings(base_uri=base_uri)
    found = _definitions(settings, None, drafts=show_all)
    if as_json:
        rows = [
            {
                "id": d.identifier,
                "iri": d.iri,
                "status": d.status,
                "label": d.labels,
                "unit": d.unit,
                "areas": list(d.areas),
                "sources": list(d.sources),
            }
            for d in found
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for d in found:
        click.echo(
            f"{d.identifier}\t{d.status}\t{d.unit_code}\t{','.join(d.areas)}\t{d.label(lang)}"
        )


@indicators_group.command("compute")
@click.option("--indicator", "identifier", metavar="ID", help="Only this indicator.")
@click.option("--year", metavar="YYYY", help="Only this reference year (the others are kept).")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the values and notes; publish nothing (works for drafts too).",
)
@store_option
@base_uri_option
def compute_command(
    identifier: str | None, year: str | None, dry_run: bool, store: str | None, base_uri: str | None
) -> None:
    """Run the formulas over the store for every municipality with data, and publish each
    approved indicator as an RDF Data Cube in the graph {base}graph/indicators/<ID>.

    Each cube is checked with the statistics profile and the W3C integrity constraints IC-1 …
    IC-21 before it replaces the previous one. A municipality without an input gets no value
    and a note, never a zero. Drafts are not published; a withdrawn indicator's cube is removed.

    Exit codes: 0 published, 1 a definition or a cube is wrong (nothing of it published),
    2 usage error (unknown indicator, a draft without --dry-run, bad year, no store).
    """
    from demoi.indicators.compute import compute
    from demoi.indicators.publication import publish_indicators

    _check_year(year)
    settings = command_settings(store=store, base_uri=base_uri)
    base = settings.base_uri
    # Every definition: publish_indicators leaves drafts out and removes withdrawn ones.
    chosen = _definitions(settings, identifier, drafts=True)
    if identifier is not None and not dry_run and chosen[0].status == "draft":
        raise UsageError(
            f"{identifier} is a draft: it is published once approved (adms:status approved in "
            f"indicators/{identifier}.ttl); --dry-run shows its values"
        )
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there (demoi demo or demoi lift first)")
    with opened_store(settings, create=False) as opened:
        if dry_run:
            for definition in chosen:
                if identifier is not None or definition.is_public:
                    _print(compute(opened, base, definition, year=year))
            return
        if year is not None:
            _refuse_an_empty_year(opened, base, chosen, year)
        lines = publish_indicators(opened, base, chosen, year=year, complete=identifier is None)
        for line in lines:
            click.echo(line)


def _refuse_an_empty_year(store: Store, base: str, chosen: list[Definition], year: str) -> None:
    """--year that gives no indicator a value, and of which no cube holds values, would only
    publish a note per municipality for a year nobody has data for (a mistyped year)."""
    from demoi.indicators.compute import compute, read_inputs
    from demoi.indicators.results import published_results

    inputs = read_inputs(store, base)
    for definition in (d for d in chosen if d.is_public):
        if any(v.period == year for v in published_results(store, base, definition).values):
            return
        if compute(store, base, definition, year=year, inputs=inputs).values:
            return
    raise UsageError(f"no indicator has a value for {year}; nothing was published")


def _check_year(year: str | None) -> None:
    from demoi.indicators.compute import year_of

    if year is not None and year_of(year) != year:
        raise UsageError(f"--year must be a year such as 2024, not {year!r}")


def _print(computed: Computation) -> None:
    name = computed.definition.identifier
    for value in computed.values:
        status = " provisional" if value.is_provisional else ""
        click.echo(f"{name}\t{value.code}\t{value.period}\t{value.value}{status}")
    for gap in computed.gaps:
        click.echo(f"{name}\t{gap.code}\t{gap.period or '-'}\tno value: {gap.reason_en}")


@indicators_group.command("chart")
@click.argument("identifier", metavar="ID")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write: .svg or .png.",
)
@click.option(
    "--kind",
    type=click.Choice(("bar", "series")),
    default="bar",
    show_default=True,
    help="bar: municipalities compared for one year; series: each municipality over time.",
)
@click.option("--year", metavar="YYYY", help="The bar chart's year (default: the latest).")
@click.option(
    "--municipality",
    "codes",
    metavar="CODE",
    multiple=True,
    help="The series chart's municipalities (repeatable; default: all); the bar "
    "chart highlights the first.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), default="el", show_default=True)
@store_option
@base_uri_option
def chart_command(
    identifier: str,
    out: Path,
    kind: str,
    year: str | None,
    codes: tuple[str, ...],
    lang: str,
    store: str | None,
    base_uri: str | None,
) -> None:
    """Draw an indicator's published values as an SVG or PNG chart, as /indicators/ID shows it.

    Exit codes: 0 written, 1 no value to draw for that year, 2 usage error (unknown indicator,
    a draft, not computed yet, an extension other than .svg or .png).
    """
    from demoi.indicators.charts import svg_to_png
    from demoi.indicators.results import bar_svg, published_results, series_svg

    suffix = out.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise UsageError(f"{out}: --out must end in .svg or .png")
    _check_year(year)
    unknown = [code for code in codes if code not in municipalities()]
    if unknown:
        raise UsageError(
            f"unknown municipality {unknown[0]!r}: give its ELSTAT code, e.g. 4401 (Καλαμάτα)"
        )
    settings = command_settings(store=store, base_uri=base_uri)
    base = settings.base_uri
    definition = _definitions(settings, identifier, drafts=True)[0]
    if not definition.is_public:
        raise UsageError(f"{identifier} is {definition.status}: only approved indicators are drawn")
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    with opened_store(settings, create=False) as opened:
        found = published_results(opened, base, definition)
    if not found.values:
        raise UsageError(f"{identifier} has no published values: run demoi indicators compute")
    if kind == "bar":
        period = year or found.latest_period()
        if period not in found.periods:
            raise DataError(
                f"{identifier} has no value for {period}; it has {', '.join(found.periods)}"
            )
        svg = bar_svg(found, str(period), lang, highlight=codes[0] if codes else None)
    else:
        svg = series_svg(found, lang, codes=list(codes) or None)
    drawn = svg.encode("utf-8") if suffix == ".svg" else svg_to_png(svg)
    _write_replacing(out, drawn)
    click.echo(f"{out}: {kind} chart of {identifier}")


def _write_replacing(out: Path, content: bytes) -> None:
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name ending in .svg or .png")
    replace_file(out, content)


@indicators_group.command("check")
@click.option("--indicator", "identifier", metavar="ID", help="Only this indicator's cube.")
@store_option
@base_uri_option
def check_command(identifier: str | None, store: str | None, base_uri: str | None) -> None:
    """Check the published cubes against the statistics profile and the W3C RDF Data Cube
    integrity constraints IC-1 … IC-21 (after the normalisation the Recommendation requires).

    Exit codes: 0 every cube passes, 1 a cube breaks a constraint, 2 usage error.
    """
    import pyoxigraph as ox

    from demoi.errors import ValidationFailed
    from demoi.indicators import cube

    settings = command_settings(store=store, base_uri=base_uri)
    base = settings.base_uri
    chosen = _definitions(settings, identifier, drafts=False)
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    failed = []
    with opened_store(settings, create=False) as opened:
        for definition in chosen:
            graph = cube.cube_graph(base, definition.identifier)
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in opened.quads(graph)]
            if not triples:
                click.echo(f"{definition.identifier}: not computed yet")
                continue
            try:
                cube.check(triples, graph, definition)
            except ValidationFailed as error:
                failed.append(definition.identifier)
                click.echo(f"{definition.identifier}: {error.message}\n{error.report}")
                continue
            click.echo(f"{definition.identifier}: passes IC-1 … IC-21 and the statistics profile")
    if failed:
        raise DataError(f"{len(failed)} cube(s) break a constraint: {', '.join(failed)}")
