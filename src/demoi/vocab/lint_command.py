"""``demoi vocab lint``."""

from __future__ import annotations

from pathlib import Path

import click

LANGUAGES = ("el", "en")
SUMMARY = {
    "el": ("{n} {findings} σε {files} {file_word}", "κανένα εύρημα σε {files} {file_word}"),
    "en": ("{n} {findings} in {files} {file_word}", "no findings in {files} {file_word}"),
}
WORDS = {
    "el": {"finding": ("εύρημα", "ευρήματα"), "file": ("αρχείο", "αρχεία")},
    "en": {"finding": ("finding", "findings"), "file": ("file", "files")},
}


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="el",
    show_default=True,
    help="Language of the rules' titles and of the summary.",
)
def lint_command(paths: tuple[Path, ...], lang: str) -> None:
    """Check vocabularies, code lists, shapes and mappings against the editors' rules.

    Runs the SPARQL checks of ontologies/checks/*-violation.rq and the SHACL style shapes
    (labels and definitions in el and en, naming, bilingual sh:message, shapes that target
    declared classes). One line per finding: FILE:LINE:COLUMN: RULE: TERM: DETAILS, then the
    title of each rule that found something.

    Without PATHS, lints demoi's standards. A PATH that holds ontologies/, shapes/ or
    mappings/ is linted as a standards tree of its own; other files and folders are linted
    with demoi's standards around them (so a new shape may use the vocabularies' terms).

    Exit codes: 0 no findings, 1 findings (or a file does not parse: file, line and column
    named), 2 usage error (no such path, a file outside ontologies/, shapes/ or mappings/).
    """
    from demoi.vocab.lint import lint, rule_titles

    result = lint(list(paths))
    for finding in result.findings:
        click.echo(finding.text())
    if result.findings:
        click.echo("")
        for name, title in rule_titles(result, lang):
            click.echo(f"{name}: {title}")
    some, none = SUMMARY[lang]
    summary = some if result.findings else none
    words = WORDS[lang]
    click.echo(
        summary.format(
            n=len(result.findings),
            findings=words["finding"][len(result.findings) != 1],
            files=result.files,
            file_word=words["file"][result.files != 1],
        ),
        err=True,
    )
    if result.findings:
        raise click.exceptions.Exit(1)
