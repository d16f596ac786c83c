"""One change between two versions of the standards, and how it reads in Greek and English."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from demoi.vocab.versions import Level

#: What changed, in each language: the kind of term or shape.
WHAT = {
    "class": ("class", "κλάση"),
    "property": ("property", "ιδιότητα"),
    "concept": ("concept", "έννοια"),
    "concept scheme": ("concept scheme", "σχήμα εννοιών"),
    "resource": ("resource", "πόρος"),
    "vocabulary": ("vocabulary", "λεξιλόγιο"),
    "profile": ("SHACL profile", "προφίλ SHACL"),
    "node shape": ("node shape", "σχήμα κόμβου"),
    "property shape": ("property shape", "σχήμα ιδιότητας"),
    "SPARQL constraint": ("SPARQL constraint", "περιορισμός SPARQL"),
}
#: The change itself, ``<entity>-<action>``: its action in each language.
ACTION = {
    "added": ("Added", "Προσθήκη"),
    "removed": ("Removed", "Αφαίρεση"),
    "renamed": ("Renamed", "Μετονομασία"),
    "deprecated": ("Deprecated", "Απόσυρση (owl:deprecated)"),
    "changed": ("Changed", "Αλλαγή"),
    "tightened": ("Tightened", "Αυστηρότερος κανόνας"),
    "loosened": ("Loosened", "Χαλαρότερος κανόνας"),
}
#: Why a change is classified as it is, where the old → new alone does not say it.
NOTES = {
    "cannot-compare": (
        "the new value cannot be compared with the old one, so it counts as tightened",
        "η νέα τιμή δεν συγκρίνεται με την παλιά, οπότε θεωρείται αυστηρότερη",
    ),
    "too-complex": (
        "blank nodes nested too deep or in a cycle are too complex to compare, so it counts as"
        " breaking",
        "κενοί κόμβοι φωλιασμένοι πολύ βαθιά ή σε κύκλο δεν συγκρίνονται, οπότε θεωρείται"
        " ασύμβατη αλλαγή",
    ),
    "not-blocking": (
        "severity Warning or Info: data is still published",
        "σοβαρότητα Warning ή Info: τα δεδομένα δημοσιεύονται κανονικά",
    ),
    "existing-target": (
        "a new sh:Violation rule for data that already exists",
        "νέος κανόνας sh:Violation για δεδομένα που ήδη υπάρχουν",
    ),
    "new-target": (
        "its target is new too, so no existing data is affected",
        "ο στόχος του είναι επίσης νέος, άρα δεν επηρεάζει υπάρχοντα δεδομένα",
    ),
}
LEVEL_TITLE = {
    Level.BREAKING: ("Breaking changes", "Ασύμβατες αλλαγές"),
    Level.MINOR: ("Compatible additions", "Συμβατές προσθήκες"),
    Level.PATCH: ("Corrections to text", "Διορθώσεις κειμένων"),
}
_ENGLISH, _GREEK = 0, 1
_TAGGED = re.compile(r'"@[a-zA-Z-]+$')


@dataclass(frozen=True)
class Change:
    level: Level
    entity: str  # term, shape or ontology
    action: str  # a key of ACTION
    what: str  # a key of WHAT
    subject: str
    name: str
    files: tuple[str, ...]
    predicate: str | None = None
    predicate_name: str | None = None
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    #: The replacing term of a rename or a deprecation, shown.
    replacement: str | None = None
    note: str | None = None

    @property
    def kind(self) -> str:
        return f"{self.entity}-{self.action}"

    def sort_key(self) -> tuple[int, str, str, str]:
        return (
            -self.level,
            self.files[0] if self.files else "",
            self.subject,
            self.predicate or "",
        )

    def text(self, lang: str) -> str:
        """One sentence in ``en`` or ``el``, with the names in backticks (Markdown code)."""
        index = _GREEK if lang == "el" else _ENGLISH
        sentence = f"{ACTION[self.action][index]}: {WHAT[self.what][index]} {_code(self.name)}"
        if self.action == "renamed" and self.replacement:
            sentence += f" → {_code(self.replacement)}"
        elif self.replacement:
            sentence += (", replaced by ", ", αντικαθίσταται από ")[index] + _code(self.replacement)
        if self.predicate_name:
            sentence += f"; {clean(self.predicate_name)} {self._detail(index)}"
        if self.note:
            sentence += f" ({NOTES[self.note][index]})"
        return sentence

    @property
    def where(self) -> str:
        """The files, for a report line or a changelog bullet."""
        return file_list(self.files)

    def _detail(self, index: int) -> str:
        old, new = _in_language(self.old, self.new, ("@en", "@el")[index])
        gone = [value for value in old if value not in new]
        came = [value for value in new if value not in old]
        if len(gone) == 1 and len(came) == 1:
            return f"{_code(gone[0])} → {_code(came[0])}"
        parts = []
        if gone:
            word = ("removed", "αφαιρέθηκε" if len(gone) == 1 else "αφαιρέθηκαν")[index]
            parts.append(f"{word} " + ", ".join(map(_code, gone)))
        if came:
            word = ("added", "προστέθηκε" if len(came) == 1 else "προστέθηκαν")[index]
            parts.append(f"{word} " + ", ".join(map(_code, came)))
        return "; ".join(parts)

    def as_json(self) -> dict[str, object]:
        return {
            "level": self.level.label,
            "kind": self.kind,
            "what": self.what,
            "subject": self.subject,
            "name": self.name,
            "predicate": self.predicate,
            "predicate_name": self.predicate_name,
            "old": list(self.old),
            "new": list(self.new),
            "files": list(self.files),
            "note": self.note,
            "text": {"el": self.text("el"), "en": self.text("en")},
        }


_SHOWN = 80


def _in_language(
    old: tuple[str, ...], new: tuple[str, ...], tag: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The values a reader of one language needs: of a bilingual label, the label in their
    language, unless only the other language's changed."""

    def kept(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v for v in values if v.endswith(tag) or not _TAGGED.search(v))

    if not any(_TAGGED.search(value) for value in old + new):
        return old, new
    narrowed = kept(old), kept(new)
    return narrowed if set(narrowed[0]) != set(narrowed[1]) else (old, new)


#: Unicode categories that are not seen but act: controls (ESC retitles a terminal, BEL rings),
#: format characters (U+202E reverses the text after it, U+200B hides inside a name), surrogates.
_UNSEEN = frozenset({"Cc", "Cf", "Cs"})
#: Markdown (CommonMark §2.4) and HTML specials, escaped outside a code span with a backslash.
_COMMENT = re.compile(r"<!--|-->")
_MARKUP = re.compile(r"([\\`*_\[\]<>&!|~#{}])")


def clean(value: str, *, code: bool = False) -> str:
    """Every value from the standards (names, literals, file paths) passes here before it reaches
    a report, an error or CHANGELOG.md, so that no file can forge a changelog entry (a newline
    and ``## 9.9.9``), put markup or script on the docs site, or retitle a terminal.

    Whitespace, newlines included, becomes one space, so a value stays on its line; unseen
    characters are shown as ``\\uXXXX``; inside a code span (``code``) a backtick becomes ``'``, as
    a span cannot hold one, elsewhere Markdown and HTML specials are backslash-escaped."""
    flat = " ".join(value.split())
    shown = "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) in _UNSEEN else char for char in flat
    )
    shown = shown.replace("`", "'") if code else _MARKUP.sub(r"\\\1", shown)
    # Even in a code span: the docs site drops <!-- … --> wherever it is, headings between too.
    return _COMMENT.sub(lambda found: found[0].replace("--", "- -"), shown)


def json_text(document: object) -> str:
    """JSON for tools, Greek kept readable, with the unseen characters of ``clean`` as
    ``\\uXXXX`` escapes (in surrogate pairs beyond U+FFFF, as JSON wants): the values stay exact,
    and printed on a terminal they cannot act on it."""

    def escaped(char: str) -> str:
        return json.dumps(char, ensure_ascii=True)[1:-1]

    # json.dumps escapes every control character in a string: a raw newline is the indent's.
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return "".join(
        escaped(char) if char != "\n" and unicodedata.category(char) in _UNSEEN else char
        for char in text
    )


def file_list(files: Iterable[str]) -> str:
    return ", ".join(clean(name) for name in files)


def _code(value: str) -> str:
    """A value as Markdown code, shortened: a SPARQL query or a long list is not read in a line."""
    flat = clean(value, code=True)
    if len(flat) > _SHOWN:
        flat = flat[: _SHOWN - 1] + "…"
    return f"`{flat}`"
