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

import os
import tempfile
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

    Exit codes: 0 written, 2 usage error (unknown municipality, no store, store in use).
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
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        _write_atomically(folder / name, text)
    click.echo(f"{len(files)} files written in {folder}", err=True)


def _write_atomically(path: Path, text: str) -> None:
    """A reader (or a web server publishing the folder) sees the old file or the new one,
    never half of one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as written:
            written.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
