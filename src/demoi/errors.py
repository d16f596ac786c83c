"""The errors demoi raises. Libraries raise them; only ``cli.py`` turns them into exit codes.

Exit codes (documented in docs/cli.md; cli.py maps these errors to them):

* 0 — success
* 1 — data error: the input is readable but wrong (syntax error, bad number, SHACL violation)
* 2 — usage error: bad option, unknown mapping or municipality, unreadable file, store in use
* 3 — internal error: anything else, a bug (cli.py)
* 130 — interrupted with Ctrl-C (cli.py)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where in a file something went wrong; line and column are 1-based."""

    file: str | None = None
    line: int | None = None
    column: int | str | None = None
    #: The sheet of a workbook; ``line`` is then its row number.
    sheet: str | None = None
    #: The JSON path of the value in a JSON source (``results[3].amount``): a place in the
    #: document's tree, which a JSON source has instead of columns.
    field: str | None = None

    def __str__(self) -> str:
        parts = [self.file] if self.file else []
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.line is not None and self.sheet is not None:
            parts.append(f"row {self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ", ".join(parts) or "<input>"


class DemoiError(Exception):
    """Base class: a problem the user can fix. ``str()`` is the message shown to them."""

    exit_code = 1
    #: A short machine-readable name, used in JSON error bodies.
    code = "error"

    def __init__(self, message: str, *, location: Location | None = None, spec: str | None = None):
        self.message = message
        self.location = location
        #: A link to the specification clause the check enforces, when there is one.
        self.spec = spec
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        return f"{text} (see {self.spec})" if self.spec else text


class DataError(DemoiError):
    """The input was read but is not acceptable."""

    exit_code = 1
    code = "data-error"


class RdfSyntaxError(DataError):
    code = "syntax-error"


class QuerySyntaxError(DataError):
    code = "query-syntax-error"


class ValidationFailed(DataError):
    """The data does not conform to the SHACL profile; ``report`` is the text report."""

    code = "validation-failed"

    def __init__(self, message: str, *, report: str, results: int):
        self.report = report
        self.results = results
        super().__init__(message)


class QueryTimeout(DemoiError):
    exit_code = 1
    code = "query-timeout"


class ValidationTimeout(DemoiError):
    """A validation asked over the web ran past ``validation_timeout`` and was stopped."""

    exit_code = 1
    code = "validation-timeout"


class Busy(DemoiError):
    """Too much is under way to take this on now; the same request may succeed later."""

    exit_code = 1
    code = "busy"


class UsageError(DemoiError):
    """The command was called wrongly, or a file or name it refers to does not exist."""

    exit_code = 2
    code = "usage-error"


class UnreadableInput(UsageError):
    """A file to validate is not RDF in the syntax it claims: ``demoi validate`` exits 2 for it,
    keeping 1 for data that was read and does not conform."""

    code = "unreadable-input"


class ConfigError(UsageError):
    code = "config-error"


class StoreBusy(UsageError):
    code = "store-busy"
