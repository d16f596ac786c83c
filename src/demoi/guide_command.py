"""``demoi guide``: a municipality's Guide (art. 67 of law 4727/2020, demoi.guide) as Markdown on
standard output, or written with ``--out DIR`` as the files a municipality posts:

- ``DIR/<code>/guide.html`` and ``guide.md``: Greek first, English below, in one document (one
  file to post on Diavgeia, whose official language is Greek, that foreign re-users can read);
- ``guide-el.html``, ``guide-el.md``, ``guide-en.html``, ``guide-en.md``: one language each,
  for a site that has a page per language.

It reads the store, so it needs the store to itself: while `demoi serve` holds it, ask the
server (``/guide/<code>``) instead.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import click

from demoi.command_options import base_uri_option, command_settings, opened_store, store_option
from demoi.errors import UsageError

LANGUAGES = ("el", "en")


@click.command("guide")
@click.option(
    "--municipality", "code", required=True, metavar="CODE", help="ELSTAT code, e.g. 4401."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/<code>/guide.html, guide.md and one file per language there.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Only this language on standard output (both by default, Greek first).",
)
@store_option
@base_uri_option
def guide(
    code: str, out: Path | None, lang: str | None, store: str | None, base_uri: str | None
) -> None:
    """A municipality's Guide (Οδηγός, art. 67 of law 4727/2020): its datasets by functional
    area, the standards they follow, how to reach them, licences and charges, high-value
    datasets, conformance and contact. Markdown on standard output, or HTML and Markdown files
    with --out.

    Exit codes: 0 written, 2 usage error (unknown municipality, no store, store in use, a
    folder that cannot be written).
    """
    from demoi.guide import as_html, as_markdown, guides
    from demoi.municipalities import municipalities

    if code not in municipalities():
        raise UsageError(f"unknown municipality {code!r}: give its ELSTAT code, e.g. 4401")
    settings = command_settings(store=store, base_uri=base_uri)
    if not settings.store_path.exists():
        raise UsageError(f"{settings.store_path}: no store there")
    with opened_store(settings, create=False) as opened:
        el, en = guides(opened, settings.base_uri, code, LANGUAGES)
    if out is None:
        chosen = {"el": [el], "en": [en]}.get(lang or "", [el, en])
        click.echo(as_markdown(*chosen), nl=False)
        return
    folder = out / code
    files = {
        "guide.html": as_html(el, en),
        "guide.md": as_markdown(el, en),
        "guide-el.html": as_html(el),
        "guide-el.md": as_markdown(el),
        "guide-en.html": as_html(en),
        "guide-en.md": as_markdown(en),
    }
    try:
        _write_all(folder, files)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"cannot write the Guide in {folder}: {reason}") from None
    click.echo(f"{len(files)} files written in {folder}", err=True)


def _write_all(folder: Path, files: dict[str, str]) -> None:
    """Every file written in full beside its target first, then each renamed into place: a
    failure (a full disk, a folder that cannot be written) leaves the old files as they were
    and no temporary one behind. A web server publishing the folder sees an old file or a new
    one, never half of one."""
    created = _make_folders(folder)
    staged: dict[Path, Path] = {}
    try:
        for name, text in files.items():
            staged[folder / name] = _staged(folder / name, text)
        for target, temporary in staged.items():
            os.replace(temporary, target)
    except BaseException:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        for made in created:
            with contextlib.suppress(OSError):  # left when a file did get renamed into it
                made.rmdir()
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, innermost first, so that a
    failed write can remove them again."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _staged(path: Path, text: str) -> Path:
    """``text`` in a new temporary file beside ``path``, with the mode any new file gets
    (0o666 less the umask) so that a web server running as another user can read it.
    tempfile.mkstemp would make it 0o600, and reading the umask to chmod afterwards means
    setting it, for every thread of the process; os.open lets the kernel apply it."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as written:
            written.write(text)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
