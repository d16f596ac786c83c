"""``ontologies/CHANGELOG.md``: the releases of the standards, newest first.

Each entry is::

    ## X.Y.Z — YYYY-MM-DD
    <!-- released from git revision <40-hex sha> -->

    ### Ελληνικά
    - …

    ### English
    - …

The revision is the commit whose ontologies/ and shapes/ were released: the next release diffs
against it. The docs site renders the file, so the format is fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import DataError, Location, UsageError
from demoi.vocab.changes import Change
from demoi.vocab.diff import Diff
from demoi.vocab.versions import Level, Version

CHANGELOG = Path("ontologies") / "CHANGELOG.md"
_ENTRY = re.compile(
    r"^## (?P<version>\S+) — (?P<date>\d{4}-\d{2}-\d{2})\n"
    r"<!-- released from git revision (?P<revision>[0-9a-f]{40}) -->$",
    re.MULTILINE | re.ASCII,
)
_BREAKING = {"el": "**Ασύμβατη αλλαγή** — ", "en": "**Breaking** — "}


@dataclass(frozen=True)
class Release:
    version: Version
    date: str
    revision: str


def releases(path: Path) -> list[Release]:
    """The entries of the changelog, newest first. An entry whose version is not one (written by
    hand: ``01.0.0``) is skipped, so one bad heading does not stop every later diff; ``latest``
    refuses it when it is the newest."""
    return [found for found in _entries(path) if isinstance(found, Release)]


def latest(path: Path) -> Release:
    """The newest release: what the next one is compared with."""
    found = _entries(path)
    if not found:
        raise DataError(
            "the changelog has no release entry '## X.Y.Z — YYYY-MM-DD' followed by "
            "'<!-- released from git revision <sha> -->' / το αρχείο αλλαγών δεν έχει καμία έκδοση",
            location=Location(str(path)),
        )
    if isinstance(found[0], DataError):
        raise found[0]
    return found[0]


def _entries(path: Path) -> list[Release | DataError]:
    """Each entry in file order: the release, or why its heading is not one (with its line)."""
    text = _read(path)
    found: list[Release | DataError] = []
    for match in _ENTRY.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        try:
            version = Version.parse(match["version"])
        except UsageError as error:  # a bad version in the file is bad data, not a bad option
            found.append(DataError(error.message, location=Location(str(path), line)))
            continue
        found.append(Release(version, match["date"], match["revision"]))
    return found


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 at byte {error.start}"
    raise DataError(
        f"cannot read the changelog: {reason} / δεν διαβάζεται το αρχείο αλλαγών",
        location=Location(str(path)),
    )


def entry(diff: Diff, version: Version, date: str, revision: str | None) -> str:
    """The changelog entry of a release, in Greek then English."""
    lines = [f"## {version} — {date}"]
    if revision:
        lines.append(f"<!-- released from git revision {revision} -->")
    for lang, title in (("el", "Ελληνικά"), ("en", "English")):
        lines += ["", f"### {title}"]
        lines += [_bullet(change, lang) for change in diff.changes]
    return "\n".join(lines) + "\n"


def _bullet(change: Change, lang: str) -> str:
    lead = _BREAKING[lang] if change.level is Level.BREAKING else ""
    return f"- {lead}{change.text(lang)} ({change.where})"


def prepended(text: str, new_entry: str) -> str:
    """The changelog with the entry added above the newest one (after the title and intro)."""
    first = re.search(r"^## ", text, re.MULTILINE)
    if first is None:
        return text.rstrip("\n") + "\n\n" + new_entry
    return text[: first.start()] + new_entry + "\n" + text[first.start() :]
