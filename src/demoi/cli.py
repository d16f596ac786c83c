"""The ``demoi`` command. The only place that turns errors into messages and exit codes.

Exit codes: 0 success; 1 data error (bad syntax, bad number, SHACL violations);
2 usage error (bad option, unknown name, unreadable file, store in use); 3 internal error.
"""

from __future__ import annotations

import dataclasses
import errno
import logging
import os
import re
import socket
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from demoi import __version__
from demoi.codelists.command import codelist_group
from demoi.command_options import (
    base_uri_option,
    command_settings,
    opened_store,
    setting_help,
    store_option,
)
from demoi.dcat.hvd_command import hvd_command
from demoi.errors import (
    DemoiError,
    Location,
    QuerySyntaxError,
    UsageError,
    ValidationFailed,
)
from demoi.formats import rdf_format_for
from demoi.guide_command import guide as guide_command
from demoi.harvest.command import harvest as harvest_group
from demoi.indicators.command import indicators_group
from demoi.inventory_command import inventory as inventory_command
from demoi.iris import iri_problem, is_reserved
from demoi.privacy.command import privacy as privacy_group
from demoi.settings import SETTINGS, Settings
from demoi.vocab.command import vocab_group

if TYPE_CHECKING:
    from flask import Flask

    from demoi.lifting.sources import DatabaseSource
    from demoi.lifting.tabular import Reject

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERNAL = 3
# Above this size `demoi load` streams into a staging graph instead of parsing in memory
# (benchmarks/README.md: a lower memory peak, not a faster load).
BULK_THRESHOLD = 64 * 1024 * 1024
QUERY_FORMAT_NAMES = ("json", "xml", "csv", "tsv", "ttl", "nt", "nq", "trig", "jsonld", "rdf")


# The shared options, under the names this module has always used.
_setting_help = setting_help
_settings = command_settings
_open = opened_store


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


class DemoiGroup(click.Group):
    """Maps demoi's errors to messages and exit codes, and hides tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationFailed as error:
            _echo_err(error.report)
            _echo_err(f"error: {error}")
            ctx.exit(error.exit_code)
        except DemoiError as error:
            _echo_err(f"error: {error}")
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            _echo_err("interrupted")
            ctx.exit(130)
        except BrokenPipeError:
            # The reader stopped reading (`demoi query ... | head`): not an error of ours.
            # Python would complain again when flushing stdout at exit; point it at devnull.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except Exception as error:  # a bug: say so plainly, keep the traceback for --debug
            if ctx.find_root().params.get("debug"):
                traceback.print_exc()
            _echo_err(
                f"internal error: {type(error).__name__}: {error}\n"
                "This is a bug in demoi; run again with --debug for the traceback and report it."
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=DemoiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="demoi")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def cli(debug: bool) -> None:
    """demoi — linked open data for Greek municipalities and regions (OTA).

    Lift municipal exports into standard RDF, validate them against the SHACL profiles,
    publish them into the store and serve them over SPARQL.

    Exit codes: 0 success, 1 data error, 2 usage error, 3 internal error.
    Settings come from DEMOI_* environment variables (see `demoi settings`).
    """


@cli.command("settings")
@click.option("--markdown", is_flag=True, help="Print the settings table of docs/settings.md.")
@store_option
def settings_command(markdown: bool, store: str | None) -> None:
    """Show every setting: name, current value, where it came from, and what it does."""
    if markdown:
        from demoi.settings import markdown_table

        click.echo(markdown_table(), nl=False)
        return
    settings = _settings(store=store)
    for resolved in settings.resolved():
        setting = resolved.setting
        value = resolved.value
        if setting.secret:
            value = "(set)" if value else ""
        elif isinstance(value, tuple):
            value = ",".join(value)
        elif isinstance(value, bool):
            value = str(value).lower()
        click.echo(f"{setting.env_var}={value}\t[{resolved.source}]\t{setting.help}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--graph", "graph", required=True, help="IRI of the graph to replace with FILE.")
@click.option(
    "--format",
    "format_name",
    help="RDF syntax (ttl, nt, nq, trig, jsonld, rdf, owl); by default from the file extension.",
)
@click.option(
    "--bulk/--no-bulk",
    default=None,
    help="Stream the file through a staging graph: a third less peak memory, just as atomic, "
    "not faster; the default for files over 64 MB.",
)
@base_uri_option
@store_option
def load(
    file: Path,
    graph: str,
    format_name: str | None,
    bulk: bool | None,
    base_uri: str | None,
    store: str | None,
) -> None:
    """Replace the content of a graph with an RDF file, atomically."""
    from demoi.publishing import load_file

    settings = _settings(store=store, base_uri=base_uri)
    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    rdf_format = rdf_format_for(str(file), format_name)
    _check_iri(graph)
    if is_reserved(graph):
        raise UsageError(
            f"{graph} is kept by demoi itself (staging, provenance or conformance); "
            "choose another graph"
        )
    _refuse_catalogue_graph(graph, "load into")
    if bulk is None:
        bulk = file.stat().st_size > BULK_THRESHOLD
    with _open(settings, create=True) as opened:
        count = load_file(opened, file, graph, rdf_format, base_uri=settings.base_uri, bulk=bulk)
    click.echo(f"{graph}: {count} triples")


def _refuse_catalogue_graph(graph: str, action: str) -> None:
    """A municipality's catalogue graph holds the records of its publications and the terms
    and contact point it set: written or dropped by hand they would describe data that is not
    there (found in review: a drop lost a municipality's terms). `demoi lift` and `demoi drop`
    of a dataset keep it; `demoi catalog terms|contact` edit it."""
    if re.search(r"/graph/[0-9]{4}/catalogue$", graph):
        raise UsageError(
            f"cannot {action} {graph}: demoi keeps each municipality's catalogue graph from its "
            "publications (demoi lift, demoi drop of a dataset, demoi catalog terms|contact)"
        )


def _check_iri(iri: str) -> None:
    problem = iri_problem(iri)
    if problem:
        raise UsageError(f"{iri!r} is not an IRI: {problem}")


@cli.command()
@store_option
def graphs(store: str | None) -> None:
    """List the named graphs with their triple counts."""
    settings = _settings(store=store)
    with _open(settings, create=False) as opened:
        for info in opened.graphs():
            click.echo(f"{info.triples}\t{info.iri}")


@cli.command()
@click.argument("graph")
@base_uri_option
@store_option
def drop(graph: str, base_uri: str | None, store: str | None) -> None:
    """Remove a graph (recorded in the provenance graph)."""
    from demoi import catalogue, provenance
    from demoi.store.sparql_text import join_operations

    settings = _settings(store=store, base_uri=base_uri)
    _check_iri(graph)
    _refuse_catalogue_graph(graph, "drop")
    with _open(settings, create=False) as opened:
        record = join_operations(
            provenance.invalidation(settings.base_uri, graph, label=f"demoi drop {graph}").sparql(),
            catalogue.record_removed(graph),
        )
        if not opened.drop(graph, provenance_update=record):
            raise UsageError(f"there is no graph {graph}")
    click.echo(f"dropped {graph}")


@cli.command()
@click.argument("query")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(QUERY_FORMAT_NAMES),
    help="Output format; default json for SELECT/ASK, ttl for CONSTRUCT/DESCRIBE.",
)
@store_option
def query(query: str, format_name: str | None, store: str | None) -> None:
    """Run a SPARQL query: QUERY is the text, or @FILE to read it from a file."""
    from demoi.formats import FORMATS_BY_NAME, CannotWrite, formats_for, result_bytes

    settings = _settings(store=store)
    text = _query_text(query)
    with _open(settings, create=False) as opened:
        try:
            result = opened.query(
                text,
                timeout=settings["query_timeout"],
                max_rows=settings["max_result_rows"],
                union_default_graph=settings["union_default_graph"],
                allowed_hosts=settings["allowed_hosts"],
            )
        except QuerySyntaxError as error:
            if not query.startswith("@"):
                raise
            where = dataclasses.replace(error.location or Location(), file=query[1:])
            raise QuerySyntaxError(error.message, location=where, spec=error.spec) from None
    fmt = FORMATS_BY_NAME[format_name] if format_name else formats_for(result.kind)[0]
    if result.kind not in fmt.kinds:
        usable = ", ".join(f.name for f in formats_for(result.kind))
        raise UsageError(f"a {result.kind} result cannot be written as {fmt.name}; use {usable}")
    # Written in full before any byte goes out, so a result the format cannot carry is a
    # clean usage error rather than half a document.
    try:
        body = result_bytes(result, fmt)
    except CannotWrite as error:
        raise UsageError(str(error)) from None
    sys.stdout.buffer.write(body)
    sys.stdout.buffer.flush()
    if result.truncated:
        _echo_err(
            f"warning: the result was cut to {settings['max_result_rows']} rows "
            "(DEMOI_MAX_RESULT_ROWS)"
        )


def _query_text(argument: str) -> str:
    if not argument.startswith("@"):
        return argument
    path = Path(argument[1:])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the query ({error})") from None


@cli.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@store_option
def dump(target: Path, store: str | None) -> None:
    """Write the whole store as N-Quads."""
    settings = _settings(store=store)
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    with _open(settings, create=False) as opened:
        try:
            count = opened.dump(target)
        except OSError as error:
            raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    click.echo(f"{target}: {count} quads")


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@base_uri_option
@store_option
def restore(source: Path, base_uri: str | None, store: str | None) -> None:
    """Replace the whole store with an N-Quads dump, atomically.

    The personal-data guard reads the dump first: personal data may be only in the graphs that
    the dump's provenance (under the base IRI) records an operator's override of."""
    import pyoxigraph as ox

    from demoi.input_guard import check_rdf_source
    from demoi.privacy.gate import guard_dump

    settings = _settings(store=store, base_uri=base_uri)
    if not source.is_file():
        raise UsageError(f"{source}: no such file")
    check_rdf_source(source, ox.RdfFormat.N_QUADS, str(source))
    # The personal-data guard reads the dump first: only the graphs its own provenance records
    # as overridden may hold personal data.
    guard_dump(source, settings.base_uri, language=settings["default_language"])
    with _open(settings, create=True) as opened:
        count = opened.restore(source)
    click.echo(f"restored {count} quads from {source}")


@cli.command("mappings")
@click.option("--lang", type=click.Choice(["el", "en"]), help="Language of the descriptions.")
def mappings_command(lang: str | None) -> None:
    """List the mappings: name, area, source format, description."""
    from demoi.lifting import available_mappings

    language = lang or _settings()["default_language"]
    for mapping in available_mappings().values():
        click.echo(
            f"{mapping.name}\t{mapping.area}\t{mapping.source_format}\t{mapping.description[language]}"
        )


@cli.command()
@click.argument("source")
@click.option(
    "--mapping", "mapping_name", required=True, help="Mapping name (see `demoi mappings`)."
)
@click.option("--municipality", required=True, help="ELSTAT 2021 code, e.g. 4401 for Kalamata.")
@click.option("--year", help="Fiscal or reference year, for mappings that need one.")
@click.option(
    "--encoding", help="Source encoding; detected when omitted (UTF-16/UTF-8/cp1253/ISO-8859-7)."
)
@click.option("--sheet", help="Sheet of a workbook source; the mapping's or the first by default.")
@click.option("--dataset", help="Dataset id in the graph IRI; the mapping's by default.")
@click.option(
    "--dry-run", is_flag=True, help="Lift and validate, print the N-Triples, publish nothing."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --dry-run: write the N-Triples to this file instead of printing them.",
)
@click.option(
    "--skip-invalid-rows",
    is_flag=True,
    help="Leave out rows with a bad cell, writing them and why to SOURCE.rejects.csv.",
)
@click.option(
    "--privacy-policy",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Personal-data policy to apply instead of the one beside the mapping (docs/privacy.md).",
)
@click.option("--lang", type=click.Choice(["el", "en"]), help="Language of validation messages.")
@base_uri_option
@store_option
def lift(
    source: str,
    mapping_name: str,
    municipality: str,
    year: str | None,
    encoding: str | None,
    sheet: str | None,
    dataset: str | None,
    dry_run: bool,
    out: Path | None,
    skip_invalid_rows: bool,
    privacy_policy: Path | None,
    lang: str | None,
    base_uri: str | None,
    store: str | None,
) -> None:
    """Lift a municipal export with a mapping, validate it, and publish it atomically.

    SOURCE is the export's file; for an SQL mapping it may also be a database URL,
    postgresql://USER:PASSWORD@HOST:PORT/DATABASE (the password is never shown or recorded).
    """
    from demoi.lifting import get_mapping, source_from
    from demoi.lifting import lift as lift_source
    from demoi.lifting.tabular import PROGRESS_EVERY
    from demoi.publishing import check_lifted, publish_lifted

    settings = _settings(store=store, base_uri=base_uri)
    language = lang or settings["default_language"]
    if out is not None and not dry_run:
        raise UsageError("--out writes the RDF of a --dry-run; add --dry-run")
    if dataset is not None:
        _check_dataset_id(dataset)
    mapping = get_mapping(mapping_name)
    resolved = source_from(source, mapping)
    if isinstance(resolved, Path) and not resolved.is_file():
        raise UsageError(f"{resolved}: no such file")
    parameters = {"year": year} if year else {}
    rejects: list[Reject] | None = [] if skip_invalid_rows else None
    guard = _lift_guard(settings, mapping, municipality, parameters, dataset, privacy_policy)
    guard = dataclasses.replace(guard, language=language)
    started = time.monotonic()
    reporter = _progress_reporter(started)
    lifted = lift_source(
        resolved,
        mapping,
        municipality=municipality,
        parameters=parameters,
        base_uri=settings.base_uri,
        encoding=encoding,
        sheet=sheet,
        rejects=rejects,
        dataset=dataset,
        progress=reporter,
        guard=guard,
    )
    if reporter is not None and lifted.rows >= PROGRESS_EVERY:
        click.echo("", err=True)  # end the progress line
    if rejects:
        written = _write_rejects(resolved, rejects)
        _echo_err(f"{len(rejects)} row(s) left out, with why, in {written}")
    if dry_run:
        if out is None:
            sys.stdout.buffer.write(lifted.ntriples)
        else:
            _write_atomically(out, lifted.ntriples)
            triples = lifted.ntriples.count(b"\n")
            click.echo(f"{out}: {triples} triples from {lifted.rows_text()}")
        _echo_err(check_lifted(lifted, language).text())
        return
    with _open(settings, create=True) as opened:
        published = publish_lifted(opened, lifted, base_uri=settings.base_uri, language=language)
    for warning in published.report.warnings:
        _echo_err(warning.line())
    seconds = max(time.monotonic() - started, 1e-6)
    click.echo(
        f"{published.graph}: {published.triples} triples from {lifted.rows_text()} "
        f"({lifted.encoding}), {len(published.report.warnings)} warning(s)"
    )
    _echo_err(
        f"{seconds:.1f} s: {lifted.rows / seconds:,.0f} rows/s, "
        f"{published.triples / seconds:,.0f} triples/s"
    )


def _lift_guard(
    settings: Settings,
    mapping: Any,
    municipality: str,
    parameters: dict[str, str],
    dataset: str | None,
    policy_file: Path | None,
) -> Any:
    """The personal-data guard of a lift: the policy, the key and k from the settings, and the
    operator's override of the graph the lift would replace, if the store has one."""
    from demoi.municipalities import get_municipality
    from demoi.privacy.gate import GuardOptions
    from demoi.privacy.policy import read_policy

    if policy_file is not None and not policy_file.is_file():
        raise UsageError(f"{policy_file}: no such file")
    code = get_municipality(municipality).code
    graph = mapping.graph(settings.base_uri, code, parameters, dataset)
    override = _override_of(settings, graph)
    if override is not None:
        _echo_err(
            f"warning: the personal-data guard is overridden for {graph} by {override.by} on "
            f"{override.at}: {override.reason}"
        )
    return GuardOptions(
        policy=read_policy(policy_file) if policy_file is not None else None,
        secret=settings["pseudonymisation_secret"],
        k=settings["suppression_threshold"],
        override=override,
    )


def _override_of(settings: Settings, graph: str) -> Any:
    from demoi.privacy.gate import override_for

    if not settings.store_path.exists():
        return None
    with _open(settings, create=False) as opened:
        return override_for(opened, settings.base_uri, graph)


VALIDATE_FORMATS = ("text", "json", "html", "ttl", "junit")


@cli.command()
@click.argument("data", nargs=-1)
@click.option(
    "--profile",
    metavar="NAME",
    help="What to validate against: an area (finance, decisions, …), catalogue, dcat-ap, hvd, "
    "cpsv-ap or all (the default, unless --shapes is given). See `demoi validate --profiles`.",
)
@click.option(
    "--shapes",
    "shapes_file",
    metavar="FILE|URL",
    help="A SHACL file of your own, or its http(s) URL on a host of DEMOI_ALLOWED_HOSTS, run on "
    "the data alone (with --profile, both are run).",
)
@click.option(
    "--format",
    "report_format",
    type=click.Choice(VALIDATE_FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--syntax",
    metavar="EXT",
    help="RDF syntax of the data (ttl, nt, nq, trig, jsonld, rdf); by default from each file's "
    "extension. Needed for - (standard input).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option("--lang", type=click.Choice(["el", "en"]), help="Language of the report.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option(
    "--store",
    "store",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[PATH]",
    help="Validate what the store publishes (the store of DEMOI_STORE, or PATH) and write the "
    "conformance matrix; takes no DATA.",
)
@click.option(
    "--municipality", metavar="CODE", help="With --store: only this municipality (ELSTAT code)."
)
@click.option("--area", metavar="AREA", help="With --store: only this functional area.")
@click.option("--force", is_flag=True, help="With --store: validate unchanged graphs again.")
@click.option("--profiles", "list_profiles", is_flag=True, help="List the profiles and exit.")
@base_uri_option
def validate(
    data: tuple[str, ...],
    profile: str | None,
    shapes_file: str | None,
    report_format: str,
    syntax: str | None,
    out: Path | None,
    lang: str | None,
    strict: bool,
    store: str | None,
    municipality: str | None,
    area: str | None,
    force: bool,
    list_profiles: bool,
    base_uri: str | None,
) -> None:
    """Validate RDF files against the SHACL profiles, or everything the store publishes.

    DATA are RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML), validated together
    as one graph; - reads standard input. Two passes: the shapes with the data alone, then the
    range and code-list shapes with the code lists as background knowledge.

    Exit codes: 0 conforms, 1 violations (warnings too with --strict), 2 usage error or
    unreadable input.
    """
    # rdflib logs a warning with a traceback for every ill-typed literal it reads ("x" as an
    # xsd:integer), which is what validation is there to report (sh:datatype), not a failure.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    settings = _settings(store=store or None, base_uri=base_uri)
    language = lang or settings["default_language"]
    if list_profiles:
        click.echo(_profiles_text(settings, language))
        return
    if store is not None:
        ignored = [
            name
            for name, given in (
                ("--profile", profile),
                ("--shapes", shapes_file),
                ("--syntax", syntax),
                ("--strict", strict),
            )
            if given
        ]
        if ignored:
            # Each graph is checked against its own area's profile, and the matrix counts
            # violations; these options would be silently ignored.
            raise UsageError(f"{', '.join(ignored)} go with DATA files, not with --store")
        _validate_store(settings, data, municipality, area, force, report_format, out, language)
        return
    if municipality or area or force:
        raise UsageError("--municipality, --area and --force go with --store")
    outcome = _validate_files(settings, data, profile, shapes_file, syntax, strict)
    from demoi.validation_report import render

    report = render(outcome, report_format, language)
    if out is None:
        sys.stdout.buffer.write(report)
    else:
        _write_atomically(out, report)
        counts = ", ".join(f"{n} {severity.lower()}(s)" for severity, n in outcome.counts.items())
        _echo_err(f"{out}: {'conforms' if outcome.conforms else 'does not conform'} ({counts})")
    sys.stdout.flush()
    raise SystemExit(outcome.exit_code)


def _validate_files(
    settings: Settings,
    data: tuple[str, ...],
    profile: str | None,
    shapes_file: str | None,
    syntax: str | None,
    strict: bool,
) -> Any:
    from demoi import conformance, profiles

    if not data:
        raise UsageError("give the RDF files to validate (or --store)")
    if data.count("-") > 1:
        # The second read of standard input is empty: it would pass as an empty file.
        raise UsageError("standard input (-) can be read only once; give - once")
    sources = [
        conformance.Source(name, sys.stdin.buffer.read(), syntax)
        if name == "-"
        else conformance.Source(name, None, syntax)
        for name in data
    ]
    chosen = []
    notes: list[Any] = []
    if profile or not shapes_file:
        chosen.extend(profiles.load(profile or "all", eu_shapes_dir=settings["eu_shapes_dir"]))
    if shapes_file:
        try:
            custom, notes = conformance.read_shapes(
                conformance.Source(shapes_file), allowed_hosts=settings["allowed_hosts"]
            )
        except DemoiError as error:
            # Shapes that cannot be used are unreadable input (2); 1 means the data has
            # violations.
            raise UsageError(error.message, location=error.location, spec=error.spec) from None
        chosen.append(custom)
    return conformance.check(sources, chosen, strict=strict, notes=notes)


def _profiles_text(settings: Settings, language: str) -> str:
    from demoi import profiles, validation

    lines = []
    for name in profiles.area_names():
        lines.append(f"{name:14} {profiles.load(name)[0].title(language)}")
    for name, eu in profiles.EU_PROFILES.items():
        ready = "" if settings["eu_shapes_dir"] else "  (needs DEMOI_EU_SHAPES_DIR)"
        lines.append(f"{name:14} {validation.in_language(eu.titles, language)}{ready}")
    every = "κάθε προφίλ του demoi" if language == "el" else "every demoi profile"
    lines.append(f"{'all':14} {every}")
    return "\n".join(lines)


def _validate_store(
    settings: Settings,
    data: tuple[str, ...],
    municipality: str | None,
    area: str | None,
    force: bool,
    report_format: str,
    out: Path | None,
    language: str,
) -> None:
    from demoi.municipalities import get_municipality
    from demoi.profiles import area_names
    from demoi.store_conformance import validate_store

    if data:
        raise UsageError("--store validates the store: give no DATA with it")
    if municipality:
        get_municipality(municipality)
    if area and area not in area_names():
        raise UsageError(f"unknown area {area!r}; choose one of {', '.join(area_names())}")
    if report_format not in ("text", "json"):
        raise UsageError("--store writes the matrix as text or json")
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    with _open(settings, create=False) as opened:
        checked = validate_store(
            opened,
            base=settings.base_uri,
            municipality=municipality,
            area=area,
            force=force,
            progress=_echo_err if sys.stderr.isatty() else None,
        )
    text = _matrix_json(checked) if report_format == "json" else _matrix_text(checked, language)
    if out is None:
        click.echo(text, nl=False)
    else:
        _write_atomically(out, text.encode())
    raise SystemExit(0 if checked.conforms else 1)


MATRIX_HEADINGS = {
    "el": ("Δήμος", "Τομέας", "Γράφοι", "Συμμορφώνονται", "Παραβάσεις", "Προειδοποιήσεις",
           "Έλεγχος"),
    "en": ("Municipality", "Area", "Graphs", "Conform", "Violations", "Warnings", "Checked"),
}  # fmt: skip


def _matrix_rows(checked: Any, language: str) -> list[tuple[str, ...]]:
    from demoi.municipalities import municipalities

    known = municipalities()
    return [
        (
            f"{cell.municipality} {known[cell.municipality].label(language)}"
            if cell.municipality in known
            else cell.municipality,
            cell.area,
            str(cell.graphs),
            str(cell.conforming),
            str(cell.violations),
            str(cell.warnings),
            cell.checked.isoformat(timespec="seconds") if cell.checked else "",
        )
        for cell in checked.cells
    ]


def _matrix_text(checked: Any, language: str) -> str:
    rows = [MATRIX_HEADINGS[language], *_matrix_rows(checked, language)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    summary = (
        f"{checked.validated} γράφοι ελέγχθηκαν, {checked.unchanged} αμετάβλητοι παραλείφθηκαν"
        if language == "el"
        else f"{checked.validated} graphs validated, {checked.unchanged} unchanged skipped"
    )
    return "\n".join([*lines, summary, *_unrecorded_lines(checked, language)]) + "\n"


def _unrecorded_lines(checked: Any, language: str) -> list[str]:
    if not checked.unrecorded:
        return []
    heading = (
        f"{len(checked.unrecorded)} γράφοι χωρίς εγγραφή στον κατάλογο δεν ελέγχθηκαν "
        "(δεν είναι γνωστός ο τομέας τους· δημοσιεύστε τους με demoi lift):"
        if language == "el"
        else f"{len(checked.unrecorded)} graphs without a catalogue record were not validated "
        "(their area is not known; publish them with demoi lift):"
    )
    return [heading, *(f"  {graph}" for graph in checked.unrecorded)]


def _matrix_json(checked: Any) -> str:
    import json

    body = {
        "conforms": checked.conforms,
        "validated": checked.validated,
        "unchanged": checked.unchanged,
        "removed": checked.removed,
        "unrecorded": checked.unrecorded,
        "cells": [cell.as_json() for cell in checked.cells],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


@cli.command()
@click.option("--host", help=_setting_help("host"))
@click.option("--port", type=int, help=_setting_help("port"))
@click.option("--threads", type=int, help=_setting_help("threads"))
@click.option(
    "--dev",
    is_flag=True,
    help="Flask's development server instead of waitress: restarts when the code changes "
    "(never its debugger, which runs code sent to it). Not for production.",
)
@base_uri_option
@store_option
def serve(
    host: str | None,
    port: int | None,
    threads: int | None,
    dev: bool,
    base_uri: str | None,
    store: str | None,
) -> None:
    """Serve the store: SPARQL endpoint at /sparql.

    Runs waitress with --threads threads in this one process, which alone opens the store,
    until stopped by Ctrl-C or SIGTERM; --port 0 takes a free port, and the line printed says
    where it listens. See docs/serving.md.
    """
    settings = _settings(store=store, host=host, port=port, threads=threads, base_uri=base_uri)
    if dev:
        _serve_dev(settings)
    else:
        _serve_waitress(settings)


def _become_server() -> None:
    """Once the port is taken: the process is a server from here on."""
    import signal

    # Servers log their own warnings and faults (the app logs internal errors); commands do not.
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # rdflib logs a warning with a traceback for every ill-typed literal it reads; in an upload
    # to /api/validate they are what validation reports, and a client could flood the log.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    # SIGTERM (kill, systemd, docker stop) stops the server as Ctrl-C does: the servers end
    # their loop on KeyboardInterrupt, and the store is then closed and its lock released.
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def _serving_line(settings: Settings, port: int) -> str:
    host = settings["host"]
    shown = f"[{host}]" if ":" in host else host
    return (
        f"demoi serving {settings.store_path} on http://{shown}:{port}/ "
        "(SPARQL: /sparql); Ctrl-C stops"
    )


def _access_log(app: Callable[..., Any]) -> Callable[..., Any]:
    """One log line per request, as the development server writes: waitress writes none, and
    the WSGI logger it suggests (paste's TransLogger) would be a dependency for a dozen lines."""
    log = logging.getLogger("demoi.access")

    def logged(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        started = time.monotonic()
        status: list[str] = []

        def recording(status_line: str, headers: Any, exc_info: Any = None) -> Any:
            status.append(status_line.split(" ", 1)[0])
            return start_response(status_line, headers, exc_info)

        try:
            return app(environ, recording)
        finally:
            query = environ.get("QUERY_STRING")
            log.info(
                '%s "%s %s%s %s" %s %.0f ms',
                environ.get("REMOTE_ADDR", "-"),
                environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO"),
                f"?{query}" if query else "",
                environ.get("SERVER_PROTOCOL"),
                status[0] if status else "-",
                (time.monotonic() - started) * 1000,
            )

    return logged


def _app_config(settings: Settings, port: int) -> dict[str, Any]:
    config = {setting.name.upper(): settings[setting.name] for setting in SETTINGS}
    config["PORT"] = port  # with --port 0, minted IRIs use the port really taken
    return config


def _serve_waitress(settings: Settings) -> None:
    """waitress, not gunicorn: gunicorn's workers are processes, and RocksDB lets one process
    open the store for writing, so a second worker could not open it at all. waitress serves
    from threads of this process, which share the one open store (and the query workers that
    the store runs for /sparql, demoi.store.workers)."""
    from waitress import create_server

    from demoi.server import app_store, create_app

    # Bound before the app opens the store, so --port 0 can name its port in minted IRIs.
    listener = _listener(settings["host"], settings["port"])
    port = listener.getsockname()[1]
    _become_server()
    try:
        app = create_app(_app_config(settings, port))
    except BaseException:
        listener.close()
        raise
    try:
        from demoi.server import validation_worker

        validation_worker.start()  # reads and compiles the profiles now, not on a first upload
        _warm_standards_docs(app)
        server = create_server(_access_log(app), sockets=[listener], threads=settings["threads"])
        click.echo(_serving_line(settings, port))
        logging.getLogger("demoi.serve").info("waitress, %d threads", settings["threads"])
        server.run()  # returns on KeyboardInterrupt (Ctrl-C, SIGTERM), its threads finished
        server.close()
    finally:
        app_store(app).close()


def _warm_standards_docs(app: Flask) -> None:
    """Builds the standards' documentation site (3-4 s) in the background, so that the first
    browser to follow a term's IRI does not wait for it; a request that comes sooner waits
    for this build rather than starting its own (standards_docs.served_site's lock)."""
    import threading

    from demoi.server.standards_docs import served_site

    threading.Thread(
        target=served_site, args=(app,), name="standards-docs-warm", daemon=True
    ).start()


def _serve_dev(settings: Settings) -> None:
    """Werkzeug's reloader runs the server in a child process that it restarts when a file
    changes; only that child may open the store, since RocksDB lets one process hold it."""
    from werkzeug.serving import is_running_from_reloader, run_simple

    from demoi.server import app_store, create_app

    if not is_running_from_reloader():
        with _listener(settings["host"], settings["port"]) as probe:
            port = probe.getsockname()[1]  # --port 0: a free port, taken again just below
        _become_server()
        click.echo(_serving_line(settings, port))
        logging.getLogger("demoi.serve").info("development server, restarting on code changes")
        run_simple(settings["host"], port, _watcher_only, use_reloader=True)
        return
    # The child serves on the socket the watching process bound (WERKZEUG_SERVER_FD); with
    # --port 0 only that socket knows the port.
    with socket.socket(fileno=os.dup(int(os.environ["WERKZEUG_SERVER_FD"]))) as inherited:
        port = inherited.getsockname()[1]
    _become_server()
    app = create_app(_app_config(settings, port))
    try:
        run_simple(
            settings["host"],
            port,
            app,
            use_reloader=True,
            use_debugger=False,
            threaded=True,
        )
    finally:
        app_store(app).close()


def _watcher_only(environ: Any, start_response: Any) -> Any:
    """The reloader's watching process serves nothing: its child answers every request."""
    raise RuntimeError("the reloader's watching process does not serve requests")


@cli.command()
@click.option(
    "--municipalities",
    "municipality_list",
    default="4401,7101,0701,4501",
    show_default=True,
    help="ELSTAT codes separated by commas, or all (every municipality).",
)
@click.option(
    "--scale",
    type=float,
    default=1.0,
    show_default=True,
    help="Multiplies the rows of the generated sources (1: about a million triples for all).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the generators.")
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the generated source files here, one folder per municipality.",
)
@base_uri_option
@store_option
def demo(
    municipality_list: str,
    scale: float,
    seed: int,
    sources: Path | None,
    base_uri: str | None,
    store: str | None,
) -> None:
    """Build the demo graph: the standards, then real, sample and generated sources of the chosen
    municipalities, each lifted and published as `demoi lift` does."""
    from demoi.demo import DemoOptions, build_demo, parse_municipalities

    if not scale > 0:
        raise UsageError(f"--scale {scale}: give a number greater than 0")
    settings = _settings(store=store, base_uri=base_uri)
    indicators = str(settings["indicators_dir"])
    chosen = DemoOptions(
        parse_municipalities(municipality_list),
        scale,
        seed,
        sources,
        indicators=Path(indicators) if indicators else None,
    )
    with _open(settings, create=True) as opened:
        for line in build_demo(opened, base_uri=settings.base_uri, options=chosen):
            click.echo(line)


def _progress_reporter(started: float) -> Callable[[int], None] | None:
    """Rows read so far and the rate, rewritten in place on a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None

    def report(rows: int) -> None:
        rate = rows / max(time.monotonic() - started, 1e-6)
        click.echo(f"\rread {rows:,} rows ({rate:,.0f} rows/s)", err=True, nl=False)

    return report


def _check_dataset_id(dataset: str) -> None:
    from demoi.catalogue import RESERVED_DATASETS

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", dataset):
        raise UsageError(f"--dataset {dataset!r}: use lower-case letters, digits and '-'")
    if dataset in RESERVED_DATASETS:
        raise UsageError(f"--dataset {dataset!r} names demoi's own graph; choose another id")


def _write_rejects(source: Path | DatabaseSource, rejects: list[Reject]) -> Path:
    """SOURCE.rejects.csv: where each left-out row was, why, and its cells as read; for a
    database, DATABASE.rejects.csv in the current folder."""
    import csv
    import io

    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["where", "reason", "cells"])
    for reject in rejects:
        writer.writerow([str(reject.location), reject.reason, *reject.cells])
    if isinstance(source, Path):
        target = source.with_name(source.name + ".rejects.csv")
    else:
        target = Path(source.database + ".rejects.csv")
    _write_atomically(target, text.getvalue().encode("utf-8"))
    return target


def _write_atomically(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror}") from None


def _listener(host: str, port: int) -> socket.socket:
    """The listening socket, or a usage error before the store is opened (werkzeug's
    make_server would print its own message and sys.exit(1) on a busy port)."""
    try:
        return socket.create_server((host, port))
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        hint = (
            "; is another server running there? Choose another --port"
            if error.errno == errno.EADDRINUSE
            else ""
        )
        raise UsageError(f"cannot listen on {host}:{port} ({reason}){hint}") from None


@cli.group("token")
def token_group() -> None:
    """Write tokens for SPARQL updates (setting DEMOI_TOKENS names their file).

    A municipality's token writes only that municipality's graphs; an admin token writes any.
    """


def _tokens_path() -> Path:
    path = _settings()["tokens"]
    if not path:
        raise UsageError("no tokens file: set DEMOI_TOKENS to its path (see `demoi settings`)")
    return Path(path)


@token_group.command("create")
@click.option("--municipality", help="ELSTAT 2021 code of the municipality it writes for.")
@click.option("--admin", is_flag=True, help="A token that writes any graph.")
def token_create(municipality: str | None, admin: bool) -> None:
    """Create a token; print its secret once, on its own line (stdout)."""
    from demoi import tokens

    if admin == (municipality is not None):
        raise UsageError("give exactly one of --municipality CODE and --admin")
    token, secret = tokens.create(_tokens_path(), tokens.ADMIN if admin else str(municipality))
    click.echo(secret)
    _echo_err(f"token {token.id} for {token.scope}; the secret above is not shown again")


@token_group.command("list")
def token_list() -> None:
    """List the tokens: id, scope, created, revoked (never the secrets)."""
    from demoi import tokens

    for token in tokens.list_tokens(_tokens_path()):
        click.echo(f"{token.id}\t{token.scope}\t{token.created}\t{token.revoked or '-'}")


@token_group.command("revoke")
@click.argument("token_id", metavar="ID")
def token_revoke(token_id: str) -> None:
    """Revoke a token: from now on it writes nothing."""
    from demoi import tokens

    token = tokens.revoke(_tokens_path(), token_id)
    _echo_err(f"token {token.id} revoked at {token.revoked}")


cli.add_command(privacy_group)
cli.add_command(harvest_group)
cli.add_command(guide_command)


@cli.group("catalog", invoke_without_command=True)
@click.option(
    "--municipality", metavar="CODE", help="A municipality's catalogue; the platform's without."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["ttl", "jsonld", "rdf", "nt"]),
    default="ttl",
    show_default=True,
    help="Turtle, JSON-LD, RDF/XML or N-Triples.",
)
@click.option(
    "--page", type=click.IntRange(min=1), help="One page of datasets (from 1), with Hydra links."
)
@click.option(
    "--page-size", type=click.IntRange(1, 1000), help=_setting_help("catalogue_page_size")
)
@click.option("--modified-since", metavar="DATE", help="Only datasets modified since DATE.")
@store_option
@base_uri_option
@click.pass_context
def catalog_group(
    ctx: click.Context,
    municipality: str | None,
    output_format: str,
    page: int | None,
    page_size: int | None,
    modified_since: str | None,
    store: str | None,
    base_uri: str | None,
) -> None:
    """The open-data catalogue (DCAT-AP 3.0.1, HVD 3.0.0) generated from the store."""
    if ctx.invoked_subcommand is not None:
        given = [
            param.opts[0]
            for param in ctx.command.params
            if ctx.params.get(str(param.name)) not in (None, param.default)
        ]
        if given:
            # Found in review: `demoi catalog --store X hvd` read another store, silently.
            raise UsageError(
                f"put {', '.join(given)} after the subcommand: "
                f"demoi catalog {ctx.invoked_subcommand} {given[0]} …"
            )
        return
    if page_size is not None and page is None:
        raise UsageError("--page-size goes with --page")
    from demoi.dcat.export import Platform
    from demoi.dcat.model import read_catalogues
    from demoi.dcat.paging import catalogue_triples, serialise
    from demoi.municipalities import get_municipality

    if municipality is not None:
        get_municipality(municipality)
    settings = _settings(store=store, base_uri=base_uri)
    platform = Platform(settings.base_uri, settings["operator_name"], settings["operator_email"])
    with _open(settings, create=False) as opened:
        catalogues = read_catalogues(opened, settings.base_uri, municipality)
    triples = catalogue_triples(
        catalogues,
        platform=platform,
        code=municipality,
        number=page,
        size=page_size or settings["catalogue_page_size"],
        since=modified_since,
    )
    click.echo(serialise(triples, output_format).decode("utf-8"), nl=False)


catalog_group.add_command(hvd_command)


@catalog_group.command("terms")
@click.argument("municipality", metavar="CODE")
@click.argument("dataset")
@click.option(
    "--distribution",
    type=click.Choice(["ttl", "nt", "jsonld", "csv", "sparql"]),
    help="Set the terms of this distribution only (charging is per distribution).",
)
@click.option("--licence", metavar="NOTATION", help="EU licence notation, e.g. CC_BY_4_0, CC0.")
@click.option(
    "--charging", metavar="CATEGORY", help="free, marginal-cost, revenue-generating-body, ..."
)
@click.option("--basis-el", help="The charge's published basis (decision, ΑΔΑ), in Greek.")
@click.option("--basis-en", help="The charge's published basis, in English.")
@store_option
@base_uri_option
def catalog_terms(
    municipality: str,
    dataset: str,
    distribution: str | None,
    licence: str | None,
    charging: str | None,
    basis_el: str | None,
    basis_en: str | None,
    store: str | None,
    base_uri: str | None,
) -> None:
    """Set the licence and charging category of a published dataset (law 4727/2020,
    articles 66 and 64)."""
    from demoi.dcat.terms import set_terms

    basis = {lang: text for lang, text in (("el", basis_el), ("en", basis_en)) if text}
    settings = _settings(store=store, base_uri=base_uri)
    with _open(settings, create=False) as opened:
        target = set_terms(
            opened,
            settings.base_uri,
            municipality,
            dataset,
            distribution=distribution,
            licence=licence,
            charging=charging,
            basis=basis,
        )
    _echo_err(f"terms set for <{target}>")


@catalog_group.command("contact")
@click.argument("municipality", metavar="CODE")
@click.option("--name-el", required=True, help="The contact point's name in Greek.")
@click.option("--name-en", required=True, help="The contact point's name in English.")
@click.option("--email", help="A role address, e.g. opendata@kalamata.gr (not a person's).")
@click.option("--url", help="A contact page.")
@store_option
@base_uri_option
def catalog_contact(
    municipality: str,
    name_el: str,
    name_en: str,
    email: str | None,
    url: str | None,
    store: str | None,
    base_uri: str | None,
) -> None:
    """Set the contact point of a municipality's datasets (dcat:contactPoint)."""
    from demoi.dcat.terms import set_contact

    settings = _settings(store=store, base_uri=base_uri)
    with _open(settings, create=False) as opened:
        iri = set_contact(
            opened,
            settings.base_uri,
            municipality,
            name={"el": name_el, "en": name_en},
            email=email,
            url=url,
        )
    _echo_err(f"contact point <{iri}> set")


cli.add_command(inventory_command)
cli.add_command(indicators_group)
cli.add_command(vocab_group)
cli.add_command(codelist_group)


@privacy_group.command("allow")
@click.argument("graph")
@click.option("--reason", required=True, help="Why this dataset may hold personal data (recorded).")
@base_uri_option
@store_option
def privacy_allow(graph: str, reason: str, base_uri: str | None, store: str | None) -> None:
    """Let personal data into one dataset's graph: an operator's decision, recorded with who,
    when and why in the provenance graph, and named by every write it lets through."""
    from demoi.privacy.gate import allow

    settings = _settings(store=store, base_uri=base_uri)
    _check_iri(graph)
    with _open(settings, create=True) as opened:
        override = allow(opened, settings.base_uri, graph, reason=reason)
        known = {info.iri for info in opened.graphs()}
    if graph not in known:
        # Found in review: a mistyped graph made an override that silently did nothing.
        _echo_err(f"warning: {graph} is not a graph of the store yet (a typing mistake?)")
    _echo_err(
        f"the personal-data guard is overridden for {graph} by {override.by} at {override.at}: "
        f"{override.reason} (demoi privacy revoke {graph} withdraws it)"
    )


@privacy_group.command("revoke")
@click.argument("graph")
@base_uri_option
@store_option
def privacy_revoke(graph: str, base_uri: str | None, store: str | None) -> None:
    """Withdraw the override of a graph: the guard checks its writes again."""
    from demoi.privacy.gate import revoke

    settings = _settings(store=store, base_uri=base_uri)
    with _open(settings, create=False) as opened:
        if not revoke(opened, settings.base_uri, graph):
            raise UsageError(f"{graph}: no override of the personal-data guard is in force")
    _echo_err(f"the personal-data guard checks {graph} again")


@privacy_group.command("overrides")
@base_uri_option
@store_option
def privacy_overrides(base_uri: str | None, store: str | None) -> None:
    """List the overrides in force: graph, who, when, why."""
    from demoi.privacy.gate import overrides

    settings = _settings(store=store, base_uri=base_uri)
    with _open(settings, create=False) as opened:
        found = overrides(opened, settings.base_uri)
    for override in sorted(found.values(), key=lambda override: override.graph):
        click.echo(f"{override.graph}\t{override.by}\t{override.at}\t{override.reason}")


def main() -> None:
    cli(prog_name="demoi")
