"""Where a value sits in a JSON text: the line of each value, by its path (keys and indices),
so that a reader of JSON sources can point an error at its line as the text readers do. Not a
reader itself (no ``read``).

``json`` gives values but no positions; this scanner walks the same text once more and only
records where each value starts. It runs only when an error needs a line.
"""

from __future__ import annotations

import bisect
import json
import re

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


class Lines:
    """The line (1-based) each value of a JSON text starts on, by path."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks = [match.start() for match in re.finditer("\n", text)]
        self._lines: dict[Path, int] = {}
        try:
            self._value(0, ())
        except (IndexError, ValueError):
            pass  # the text was parsed by json already; a scanner slip only loses positions

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
