"""``demoi vocab docs``: the standards' documentation site."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("docs")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
    help="Folder to write the site into: created, or replaced if an earlier run wrote it.",
)
@click.option(
    "--standards",
    "standards",
    type=click.Path(path_type=Path, exists=True, file_okay=False, dir_okay=True),
    help="Root of another standards tree (with ontologies/ and shapes/); default: demoi's own.",
)
def docs_command(out: Path, standards: Path | None) -> None:
    """Write the bilingual documentation site of the standards into --out.

    One page per vocabulary (overview, class diagram, classes, properties, concepts, reused
    terms, the SHACL shapes as readable rules, examples), one per code list, an index and the
    changelog, in el/ and en/ with a bilingual index.html on top. The pages load nothing from
    the network and link to each other relatively, so the folder works from file:// too.

    Exit codes: 0 the site was written; 1 a standards file is wrong: it does not parse, is
    not UTF-8, holds an RDF 1.2 triple term, or an example's expected.json is not a JSON
    object (the file, and where known the line and column, are named); 2 usage: --standards
    has no ontologies/ folder, or --out is a file, a symbolic link, . or .., the current
    folder, a folder holding other files, or a place that cannot be written. Nothing is
    written unless the exit code is 0.
    """
    from demoi.resources import standards_root
    from demoi.vocab.docs_pages import write_site
    from demoi.vocab.site import build_site

    site = build_site(standards or standards_root())
    pages = write_site(site, out)
    click.echo(f"{pages} pages written to {out} (open {out / 'index.html'})")
