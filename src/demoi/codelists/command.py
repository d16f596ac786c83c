"""``demoi codelist import`` and ``demoi codelist export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from demoi.atomic_write import replace_file
from demoi.errors import UsageError

DELIMITERS = (",", ";")


@click.group("codelist")
def codelist_group() -> None:
    """Code lists as CSV for editors who work in a spreadsheet."""


@codelist_group.command("import")
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--scheme",
    metavar="NAME|IRI",
    help="The code list: its name (waste-stream) or its IRI. Default with --update: the file's.",
)
@click.option(
    "--update",
    "update",
    metavar="FILE.ttl",
    type=click.Path(path_type=Path, dir_okay=False),
    help="An existing code list: keep what the CSV does not carry (the list's title, "
    "definition and source, the concepts' altLabel, exactMatch, comments of the header...).",
)
@click.option("--title-el", help="The list's title in Greek (skos:prefLabel and dcterms:title).")
@click.option("--title-en", help="The list's title in English.")
@click.option("--definition-el", help="What the list holds, in Greek (skos:definition).")
@click.option("--definition-en", help="What the list holds, in English.")
@click.option("--source", help="Where the codes come from (dcterms:source).")
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="The CSV's encoding: utf-8 (with or without BOM), windows-1253, iso-8859-7...",
)
@click.option(
    "--delimiter",
    type=click.Choice(DELIMITERS),
    help="The CSV's delimiter. Default: read off the header line.",
)
@click.option(
    "--out",
    metavar="FILE.ttl",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the Turtle here (whole or not at all) instead of to stdout.",
)
def import_command(
    csv_file: Path,
    scheme: str | None,
    update: Path | None,
    title_el: str | None,
    title_en: str | None,
    definition_el: str | None,
    definition_en: str | None,
    source: str | None,
    encoding: str,
    delimiter: str | None,
    out: Path | None,
) -> None:
    """Turn a CSV of codes into a SKOS code list in Turtle.

    Columns, named by the header: code, label_el, label_en, definition_el, definition_en
    (required), parent, note_el, note_en (optional). A concept is
    https://w3id.org/demoi/code/<scheme>/<code>, the code percent-encoded if needed.
    A new list needs --title-el, --title-en, --definition-el and --definition-en; with
    --update they are kept from the file, and the definition columns may be left out.

    Exit codes: 0 written, 1 the CSV is wrong (every problem listed with its file, line
    and column; nothing written), 2 usage error (no such file, a bad option or scheme name).
    """
    from demoi.codelists import code_list, spreadsheet

    text = code_list.SchemeText(
        title={k: v for k, v in (("el", title_el), ("en", title_en)) if v},
        definition={k: v for k, v in (("el", definition_el), ("en", definition_en)) if v},
        source=source,
    )
    iri = code_list.scheme_iri(scheme) if scheme is not None else None
    existing = code_list.existing_list(update, iri) if update is not None else None
    if existing is None:
        if iri is None:
            raise UsageError(spreadsheet.both("λείπει το --scheme", "missing --scheme"))
        if missing := code_list.missing_scheme_text(text):
            raise UsageError(
                spreadsheet.both("ένας νέος κατάλογος χρειάζεται", "a new code list needs")
                + " "
                + ", ".join(missing)
            )
    iri = existing.scheme if existing is not None else iri
    assert iri is not None
    required = (
        spreadsheet.ALWAYS_REQUIRED
        if existing
        else (*spreadsheet.ALWAYS_REQUIRED, *spreadsheet.DEFINITIONS)
    )
    table = spreadsheet.read_table(
        _read(csv_file), str(csv_file), encoding=encoding, delimiter=delimiter, required=required
    )
    triples = code_list.code_list_triples(table, iri, text, existing)
    header = existing.header if existing else code_list.new_header(iri, text, csv_file.name)
    prefixes = existing.prefixes if existing else {}
    comments = existing.comments if existing else {}
    turtle = code_list.turtle(triples, header, prefixes, iri, comments).encode("utf-8")
    if out is None:
        sys.stdout.buffer.write(turtle)
        return
    replace_file(out, turtle)
    click.echo(f"{out}: {len(table.rows)} codes / κωδικοί, {iri}", err=True)


@codelist_group.command("export")
@click.argument("code_list_name", metavar="SCHEME-NAME|FILE")
@click.option("--scheme", metavar="NAME|IRI", help="Which list of a FILE that holds several.")
@click.option(
    "--delimiter",
    type=click.Choice(DELIMITERS),
    default=",",
    show_default=True,
    help="';' opens by double click in Excel set to Greek.",
)
@click.option(
    "--out",
    metavar="FILE.csv",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the CSV here (whole or not at all) instead of to stdout.",
)
def export_command(
    code_list_name: str, scheme: str | None, delimiter: str, out: Path | None
) -> None:
    """Write a code list as CSV (UTF-8 with BOM) for a spreadsheet: the columns import reads.

    SCHEME-NAME|FILE is an installed list (waste-stream, or its IRI) or a Turtle file. Rows
    come parents first, then their children; a parent outside the list is written as its IRI.
    A cell that a spreadsheet would run as a formula starts with ' (import removes it).

    Exit codes: 0 written, 1 the list does not fit a CSV (e.g. two parents; named), 2 usage
    error (no such list or file, not a demoi list).
    """
    from demoi.codelists import code_list, spreadsheet
    from demoi.resources import standards_root

    wanted = code_list.scheme_iri(scheme) if scheme is not None else None
    path = Path(code_list_name)
    if not (path.suffix == ".ttl" or path.is_file()):
        wanted = code_list.scheme_iri(code_list_name)
        path = code_list.installed_file(wanted, standards_root() / "ontologies" / "codelists")
    iri, rows = code_list.code_list_rows(path, wanted)
    data = spreadsheet.write_table(rows, delimiter=delimiter)
    if out is None:
        sys.stdout.buffer.write(data)
        return
    replace_file(out, data)
    click.echo(f"{out}: {len(rows)} codes / κωδικοί, {iri}", err=True)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror}") from None
