"""``demoi privacy``: the personal-data guard on the command line (law 4727/2020, art. 60 §6).

``demoi privacy scan SOURCE`` or ``--graph IRI`` lists every personal identifier found, masked,
with where it is; exit 0 when nothing is found, 1 when something is, 2 for a usage error or a
file that cannot be read (``cli.py`` maps demoi's errors to these codes).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from demoi.command_options import command_settings, opened_store, store_option
from demoi.errors import DataError, UnreadableInput, UsageError
from demoi.privacy.detect import LABELS, Kind
from demoi.privacy.scan import (
    Finding,
    counts,
    file_kinds,
    masked_iri,
    masked_name,
    scan_graph,
    scan_path,
)
from demoi.settings import Settings

LANGUAGES = ("el", "en")

SUMMARY = {
    "el": {
        "clean": "Δεν βρέθηκαν δεδομένα προσωπικού χαρακτήρα στο {source}.",
        "found": "{source}: {total} εύρημα(τα) δεδομένων προσωπικού χαρακτήρα: {kinds}.",
    },
    "en": {
        "clean": "No personal data found in {source}.",
        "found": "{source}: {total} finding(s) of personal data: {kinds}.",
    },
}


@click.group("privacy")
def privacy() -> None:
    """Personal data (law 4727/2020, art. 60 §6): find it in sources and graphs."""


@privacy.command("scan")
@click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--graph", "graph", metavar="IRI", help="Scan this graph of the store instead.")
@click.option(
    "--syntax",
    type=click.Choice(file_kinds(), case_sensitive=False),
    help="What SOURCE is, when its extension does not say.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output: one line per finding and a summary, or JSON.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of the labels.")
@store_option
def scan(
    source: Path | None,
    graph: str | None,
    syntax: str | None,
    output_format: str,
    lang: str | None,
    store: str | None,
) -> None:
    """Find personal data (ΑΦΜ, ΑΜΚΑ, ΑΔΤ, Personal Number, IBAN, phone numbers, e-mail
    addresses, vehicle plates, names of natural persons) in SOURCE, a file (CSV/TSV/TXT, XLSX,
    JSON, RDF, a zip of them, SQLite), or in a graph of the store. Identifiers of legal
    entities are not personal data and are not listed. Nothing found is shown unmasked.

    Exit codes: 0 nothing found, 1 personal data found, 2 usage error or unreadable input.
    """
    settings = command_settings(store=store)
    language = lang or settings["default_language"]
    if (source is None) == (graph is None):
        raise UsageError("give either a SOURCE file or --graph IRI")
    if source is not None:
        findings = _scan_file(source, syntax)
        name = masked_name(str(source))
    else:
        assert graph is not None
        if syntax:
            raise UsageError("--syntax goes with a SOURCE file, not with --graph")
        findings = _scan_store_graph(settings, graph)
        name = masked_iri(graph)
    if output_format == "json":
        click.echo(json.dumps(as_json(name, findings), ensure_ascii=False, indent=2))
    else:
        click.echo(as_text(name, findings, language))
    raise SystemExit(1 if findings else 0)


def _scan_file(source: Path, syntax: str | None) -> list[Finding]:
    try:
        return scan_path(source, syntax=syntax)
    except DataError as error:
        # A file that cannot be read is a usage error here (2): 1 says personal data was found.
        raise UnreadableInput(error.message, location=error.location, spec=error.spec) from None


def _scan_store_graph(settings: Settings, graph: str) -> list[Finding]:
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    with opened_store(settings, create=False) as store:
        if graph not in {info.iri for info in store.graphs()}:
            raise UsageError(f"there is no graph {graph}")
        return scan_graph(store, graph)


def as_text(source: str, findings: list[Finding], language: str) -> str:
    lines = [finding.line(language) for finding in findings]
    words = SUMMARY[language]
    if not findings:
        lines.append(words["clean"].format(source=source))
    else:
        kinds = ", ".join(
            f"{LABELS[Kind(kind)][language]} {count}" for kind, count in counts(findings).items()
        )
        lines.append(words["found"].format(source=source, total=len(findings), kinds=kinds))
    return "\n".join(lines)


def as_json(source: str, findings: list[Finding]) -> dict[str, object]:
    return {
        "source": source,
        "findings": [finding.as_json() for finding in findings],
        "counts": counts(findings),
    }
