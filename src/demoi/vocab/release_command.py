"""``demoi vocab diff`` and ``demoi vocab release``."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

_REPOSITORY_HELP = (
    "The git repository whose revisions OLD and NEW may name (and whose CHANGELOG gives the "
    "previous version when OLD is one). Default: the checkout demoi runs from."
)


def _repository(option: Path | None) -> Path:
    from demoi.resources import standards_root

    return option or standards_root()


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--repository",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=_REPOSITORY_HELP,
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for tools.",
)
@click.option(
    "--changelog",
    is_flag=True,
    help="Print only the CHANGELOG entry (Greek and English) these changes make.",
)
@click.option(
    "--previous",
    metavar="X.Y.Z",
    help="The version OLD was released as. Default, when OLD is a git revision: the CHANGELOG "
    "entry of its commit, else the newest entry; for a file or folder, none.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "el"]),
    default="en",
    show_default=True,
    help="The language of the text report.",
)
def diff_command(
    old: str,
    new: str,
    repository: Path | None,
    output_format: str,
    changelog: bool,
    previous: str | None,
    lang: str,
) -> None:
    """Compare two versions of the standards and say what breaks.

    OLD and NEW are each a file, a folder (a standards root with ontologies/ and shapes/, or any
    folder of Turtle files), WORKTREE (the repository's working tree), or a git revision of the
    repository (HEAD~3, a sha, a tag). Terms and shapes are matched by IRI. Each change is
    breaking, minor or patch; the report names the bump and the next version.

    Exit codes: 0 no breaking change; 1 breaking changes found; 2 usage error (unknown
    revision, bad option) or a file that does not parse (named with its line).
    """
    from demoi.vocab.changelog import entry
    from demoi.vocab.changes import json_text
    from demoi.vocab.diff import compare
    from demoi.vocab.release import previous_release
    from demoi.vocab.trees import read_side
    from demoi.vocab.versions import Version

    root = _repository(repository)
    old_tree, new_tree = read_side(old, root), read_side(new, root)
    diff = compare(old_tree, new_tree)
    version = Version.parse(previous) if previous else previous_release(root, old_tree)
    if changelog:
        if version is None:
            raise click.UsageError(
                "--changelog needs --previous X.Y.Z when OLD is not a git revision of a"
                " repository with a CHANGELOG / το --changelog χρειάζεται --previous X.Y.Z όταν το"
                " OLD δεν είναι αναθεώρηση git αποθετηρίου με CHANGELOG"
            )
        today = datetime.date.today().isoformat()
        click.echo(entry(diff, version.bumped(diff.level), today, new_tree.commit), nl=False)
    elif output_format == "json":
        click.echo(json_text(diff.as_json(version)))
    else:
        click.echo("\n".join(diff.lines(lang, version)))
    if diff.breaking:
        click.get_current_context().exit(1)


@click.command("release")
@click.argument("version")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write the release to. Default: dist/standards/VERSION in the repository.",
)
@click.option(
    "--repository",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The git repository to release. Default: the checkout demoi runs from.",
)
def release_command(version: str, out: Path | None, repository: Path | None) -> None:
    """Release the standards as VERSION (MAJOR.MINOR.PATCH).

    Compares ontologies/ and shapes/ with the revision of the newest entry of
    ontologies/CHANGELOG.md, and refuses a VERSION whose bump is smaller than the changes call
    for (a larger one, such as 1.0.0 after 0.x, is allowed). Writes a copy of ontologies/ and
    shapes/ with the version metadata in every Turtle file, and adds the release's entry (Greek
    and English) to ontologies/CHANGELOG.md and the copy. Nothing is written when it refuses.

    Exit codes: 0 released; 1 refused (VERSION's bump is smaller than the changes call for,
    VERSION does not follow the previous release, nothing changed, uncommitted changes in
    ontologies/ or shapes/, a broken CHANGELOG); 2 usage error (bad VERSION, --out not empty, a
    symbolic link or inside ontologies/ or shapes/, unknown revision, a file that does not
    parse).
    """
    from demoi.vocab.release import plan, write
    from demoi.vocab.versions import bump_between

    root = _repository(repository)
    checked = plan(root, version, out, datetime.date.today().isoformat())
    written = write(checked)
    count, released, out = len(written), checked.version, checked.out
    previous = checked.previous.version
    bump = bump_between(previous, released)
    click.echo(f"{count} files released as {released} in {out} ({bump} after {previous})")
    click.echo(f"{count} αρχεία εκδόθηκαν ως {released} στο {out} ({bump} μετά την {previous})")
    click.echo(f"{root / 'ontologies' / 'CHANGELOG.md'}: entry {released} added / νέα εγγραφή")
