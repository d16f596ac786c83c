"""``demoi vocab context``."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("context")
@click.option(
    "--area",
    metavar="AREA",
    help="One functional area (finance, places, …), or demoi for all of them. "
    "Default: demoi without --out, every area and demoi with --out.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <area>.jsonld files into this folder instead of printing one context.",
)
@click.option(
    "--standards",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder holding ontologies/ to build from (default: demoi's standards).",
)
def context_command(area: str | None, out: Path | None, standards: Path | None) -> None:
    """Build the JSON-LD contexts of the vocabularies: one per area, one for all (demoi).

    Each names the terms of ontologies/<area>.ttl and common.ttl by their local names, with
    the value types their ranges give; clashing names are prefix-qualified (fin:municipality).
    A vocabulary of no area (privacy) gets a context of its own and is in demoi's. A local
    name JSON-LD cannot take as a term (@context, a#b/c) is left to its compact IRI.
    The server serves the same files at /context/<area>.jsonld. Without --out, prints the
    context of --area (default: demoi) to standard output.

    Exit codes: 0 done, 1 a vocabulary does not parse (file, line and column named),
    2 usage error (an unknown area, listing the known ones; --out is not a folder;
    --standards has no ontologies/common.ttl).
    """
    from demoi.vocab.contexts import ALL_AREAS, build_context, read_standards, write_contexts

    read = read_standards(standards)
    if out is None:
        click.echo(build_context(read, area or ALL_AREAS).text(), nl=False)
        return
    names = [area] if area else [*read.names, ALL_AREAS]
    contexts = {name: build_context(read, name) for name in names}
    written = write_contexts(contexts, out)
    click.echo(
        f"{len(written)} πλαίσια JSON-LD γράφτηκαν στο {out} / "
        f"{len(written)} JSON-LD contexts written to {out}",
        err=True,
    )
