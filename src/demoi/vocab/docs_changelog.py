"""``ontologies/CHANGELOG.md`` read for the documentation site: ``## X.Y.Z — YYYY-MM-DD``
entries, each with a ``### Ελληνικά`` and a ``### English`` list of changes.

Hand-written because uv.lock holds no Markdown library, and the file is the small subset
``demoi vocab release`` writes (demoi.vocab.changelog): headings, bullets (continued on
indented lines), inline ``code`` and ``**bold**``, and HTML comments on lines of their own
(``<!-- released from git revision … -->``), which are dropped. A ``<!--`` inside a bullet is
text: a label or value quoted in a change must not hide the changes after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from demoi.errors import DataError, Location

RELEASE = re.compile(r"^##\s+(?P<version>\S+)\s*(?:[—–-]\s*(?P<date>.+))?$")
SECTIONS = {"ελληνικά": "el", "english": "en"}


@dataclass
class Release:
    version: str
    date: str
    #: The bullets of each language, as HTML.
    changes: dict[str, list[Markup]] = field(default_factory=lambda: {"el": [], "en": []})

    def changes_in(self, language: str) -> list[Markup]:
        """The changes in ``language``; an entry that has only the other one shows it."""
        other = "en" if language == "el" else "el"
        return self.changes[language] or self.changes[other]


@dataclass
class Changelog:
    releases: list[Release]


def inline(text: str) -> Markup:
    """Escape the text, then turn `code` spans and **bold** into HTML."""
    escaped = str(escape(text))
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return Markup(re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped))


def parse_changelog(text: str) -> Changelog:
    releases: list[Release] = []
    language: str | None = None
    bullet: list[str] | None = None
    for line in _without_comment_lines(text.splitlines()):
        heading = RELEASE.match(line.strip()) if line.startswith("## ") else None
        if heading:
            releases.append(Release(heading["version"], (heading["date"] or "").strip()))
            language, bullet = None, None
        elif line.startswith("### ") and releases:
            language, bullet = SECTIONS.get(line[4:].strip().lower()), None
        elif releases and language and line.lstrip().startswith(("- ", "* ")):
            bullet = [line.lstrip()[2:].strip()]
            releases[-1].changes[language].append(inline(bullet[0]))
        elif releases and language and bullet is not None and line.startswith((" ", "\t")):
            bullet.append(line.strip())
            releases[-1].changes[language][-1] = inline(" ".join(bullet))
        elif not line.strip():
            bullet = None
    return Changelog(releases)


def _without_comment_lines(lines: list[str]) -> Iterator[str]:
    """The lines, less whole-line comments and comment blocks (a line starting ``<!--`` up to
    the line ending ``-->``)."""
    in_comment = False
    for line in lines:
        stripped = line.strip()
        if in_comment:
            in_comment = not stripped.endswith("-->")
            continue
        if not stripped.startswith("<!--"):
            yield line
        elif "-->" not in stripped[4:]:
            in_comment = True
        elif not stripped.endswith("-->"):
            yield line  # a comment followed by text: not a comment line, shown as it is


def read_changelog(root: Path) -> Changelog | None:
    """None when the standards have no CHANGELOG.md yet (no release was made).

    Raises DataError, naming the line, when the file is not UTF-8."""
    path = root / "ontologies" / "CHANGELOG.md"
    if not path.is_file():
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"not UTF-8 at byte {error.start} / δεν είναι UTF-8",
            location=Location("ontologies/CHANGELOG.md", data.count(b"\n", 0, error.start) + 1),
        ) from None
    return parse_changelog(text)
