"""JSON sources with the place of each value: a document parsed once by :mod:`json`, and the
line each value starts on, by its JSON path (keys and indices), so that a reader of JSON points
an error at its line and names the value by its path (``Location.field``,
``decisions[3].ada``) as the text readers name a column. Not a reader itself (no ``read``).

``json`` gives values but no positions; :class:`Lines` walks the same text once more and only
records where each value starts. It runs only when an error or a row needs a line.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from demoi.errors import DataError, Location

Path = tuple[str | int, ...]

_SCALAR = re.compile(r"-?[0-9][0-9.eE+\-]*|true|false|null")
_SPACE = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def diavgeia_text(data: bytes, file: str) -> str:
    """A saved Diavgeia API response as text: the API answers in UTF-8 (a BOM is allowed)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError(
            f"not UTF-8 (byte {data[error.start]:#04x}); the Diavgeia API answers in UTF-8: save "
            "the response as it came",
            location=Location(file, line),
        ) from None


def dotted(path: Path) -> str:
    """``("decisions", 3, "ada")`` -> ``decisions[3].ada``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class JsonText:
    """One JSON document of a file: its value, and where in the file each of its values is."""

    file: str
    text: str
    data: Any
    #: Where the document starts in ``text`` (a file may hold several, one after the other).
    start: int = 0
    _lines: Lines | None = field(default=None, init=False, repr=False)
    _paths: dict[int, Path] | None = field(default=None, init=False, repr=False)

    def line(self, path: Path) -> int | None:
        """The line of the value at ``path``, or of its nearest ancestor that is there."""
        if self._lines is None:
            self._lines = Lines(self.text, self.start)
        return self._lines.of(path)

    def path_of(self, node: object) -> Path | None:
        """The path of an object or array of ``data`` (found by identity), or None."""
        if self._paths is None:
            self._paths = dict(_containers(self.data))
        return self._paths.get(id(node))

    def line_of(self, node: object, member: str | int | None = None) -> int | None:
        """The line of ``node``'s ``member`` (a key of an object, an index of an array), or of
        ``node`` itself when it has no such member or none is asked for."""
        path = self.path_of(node)
        if path is None:
            return None
        return self.line(path if member is None else (*path, member))

    def location(self, path: Path) -> Location:
        return Location(self.file, self.line(path), field=dotted(path))


def parse_json(text: str, file: str, *, advice: str = "", exact: bool = False) -> JsonText:
    """The one JSON document of ``text``; numbers as exact decimals with ``exact``. Not JSON:
    a DataError at the line and column (character) where the parser stopped, ending with
    ``advice`` on what to do."""
    try:
        data = _decoder(exact).decode(text)
    except json.JSONDecodeError as error:
        raise invalid_json(error, file, advice) from None
    except RecursionError:
        raise too_deep(file) from None
    return JsonText(file, text, data)


def parse_documents(text: str, file: str, *, advice: str = "") -> list[JsonText]:
    """Every JSON document of ``text``, one after the other (saved API responses appended to
    one file); a DataError if there is none."""
    decoder = _decoder(exact=False)
    documents = []
    position = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    while position < len(text):
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise invalid_json(error, file, advice) from None
        except RecursionError:
            raise too_deep(file) from None
        documents.append(JsonText(file, text, value, position))
        position = _SPACE.match(text, end).end()  # type: ignore[union-attr]
    if not documents:
        raise DataError("the file is empty", location=Location(file))
    return documents


def invalid_json(error: json.JSONDecodeError, file: str, advice: str = "") -> DataError:
    """«not valid JSON: unterminated string starting here; <advice>» at the error's line and
    column (Python writes «… starting at»: the location says where)."""
    problem = error.msg.removesuffix(" at")
    problem = problem[:1].lower() + problem[1:] + (" here" if problem != error.msg else "")
    return DataError(
        f"not valid JSON: {problem}" + (f"; {advice}" if advice else ""),
        location=Location(file, error.lineno, error.colno),
    )


def too_deep(file: str) -> DataError:
    """The json module gives up (RecursionError) on arrays and objects nested about a thousand
    deep; no export nests so, so the file is refused rather than the interpreter's limit
    raised."""
    return DataError(
        "not a JSON document demoi reads: its arrays and objects are nested too deeply",
        location=Location(file),
    )


def _decoder(exact: bool) -> json.JSONDecoder:
    return json.JSONDecoder(parse_float=Decimal) if exact else json.JSONDecoder()


def _containers(data: object) -> Iterator[tuple[int, Path]]:
    """(identity, path) of every object and array of ``data``."""
    stack: list[tuple[object, Path]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            yield id(value), path
            stack.extend((member, (*path, key)) for key, member in value.items())
        elif isinstance(value, list):
            yield id(value), path
            stack.extend((member, (*path, index)) for index, member in enumerate(value))


class Lines:
    """The line (1-based) each value of a JSON text starts on, by path; the value read is the
    one at ``start``."""

    def __init__(self, text: str, start: int = 0) -> None:
        self._text = text
        self._breaks = [match.start() for match in re.finditer("\n", text)]
        self._lines: dict[Path, int] = {}
        try:
            self._value(start, ())
        except (IndexError, ValueError, RecursionError):
            # The text was parsed by json already; a scanner slip, or nesting deeper than this
            # recursive walk goes, only loses positions.
            pass

    def of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self._lines:
                return self._lines[path[:end]]
        return None

    def _line(self, position: int) -> int:
        return bisect.bisect_right(self._breaks, position - 1) + 1

    def _skip(self, position: int) -> int:
        match = _SPACE.match(self._text, position)
        assert match is not None
        return match.end()

    def _value(self, position: int, path: Path) -> int:
        position = self._skip(position)
        self._lines[path] = self._line(position)
        char = self._text[position]
        if char == "{":
            return self._object(position + 1, path)
        if char == "[":
            return self._array(position + 1, path)
        match = (_STRING if char == '"' else _SCALAR).match(self._text, position)
        if match is None:
            raise ValueError(position)
        return match.end()

    def _object(self, position: int, path: Path) -> int:
        position = self._skip(position)
        if self._text[position] == "}":
            return position + 1
        while True:
            match = _STRING.match(self._text, self._skip(position))
            if match is None:
                raise ValueError(position)
            key, position = json.loads(match.group()), match.end()
            position = self._skip(position) + 1  # the colon
            position = self._skip(self._value(position, (*path, key)))
            if self._text[position] == "}":
                return position + 1
            position += 1  # the comma

    def _array(self, position: int, path: Path) -> int:
        position = self._skip(position)
        if self._text[position] == "]":
            return position + 1
        index = 0
        while True:
            position = self._skip(self._value(position, (*path, index)))
            index += 1
            if self._text[position] == "]":
                return position + 1
            position += 1  # the comma
