"""Privacy policies: which columns of a source hold personal data and how each is treated before
the mapping runs (law 4727/2020, art. 60 §6).

A policy lives next to its mapping, ``mappings/<area>/<mapping-name>.privacy.toml``; an operator
may give another with ``demoi lift --privacy-policy FILE``. It is TOML, one ``[[column]]`` entry
per treated column::

    # Personal-data policy of the mapping diavgeia-decisions
    [[column]]
    table = "items"                  # the reader's table; default "source"
    name = "beneficiary_person"      # the column (the mapping's field name)
    treatment = "pseudonymise"
    reason = { el = "Φυσικό πρόσωπο: …", en = "A natural person: …" }

    [[column]]
    name = "birth_date"
    treatment = "generalise"
    to = "year"
    reason = { el = "…", en = "…" }

Keys of an entry:

* ``name`` (required): the column, as the mapping names it.
* ``table``: the table of the source's reader; ``"source"`` (the main table) when left out.
* ``treatment`` (required), one of:

  - ``drop``: every cell becomes empty; the column stays, since the mapping refers to it and
    morph-kgc skips empty values;
  - ``pseudonymise``: every cell becomes its keyed pseudonym (HMAC-SHA256 with the
    ``pseudonymisation_secret`` setting, ``ps-`` and 16 letters), the same for the same
    identifier however written, so joins across tables and runs still work;
  - ``redact``: in free text, every identifier the detector finds becomes its pseudonym;
  - ``generalise`` with ``to``: ``"month"`` or ``"year"`` for dates (``2024-07``, ``2024``);
    ``"band"`` for ages in whole years, with ``width`` (years, default 10) and ``open_from``
    (default 90: ages from 90 on are ``90+``); ``"grid"`` for positions in decimal degrees (a
    WKT ``POINT(lon lat)`` cell, or a latitude or longitude cell), with ``cell`` (degrees,
    default 0.01): each becomes the centre of its grid cell;
  - ``suppress``: counts from 1 to k-1 become empty (k is the ``suppression_threshold``
    setting);
  - ``not-personal``: the cells stay as they are, and the personal-data check does not report
    the ``kinds`` of identifier listed (values of ``demoi.privacy.detect.Kind``: ``"afm"``,
    ``"adt"``…; required) in that column: a meter number that reads as an identity card
    number, say. Other kinds found there still count. Only a mapping's own policy (reviewed
    with the standards) may declare it: the gate refuses it in a policy given with
    ``--privacy-policy``, where it would be a way around the guard.

* ``reason`` (required): why, in Greek and English (``{ el = "…", en = "…" }``); it is shown in
  the anonymisation statement of the dataset's catalogue record.

A column has one entry at most. Anything else (an unknown key or treatment, a missing reason,
``to`` on another treatment, a kind that does not exist, a column the source does not have) is a
UsageError naming the file, the line and the entry, e.g. ``[[column]] #3
(items.beneficiary_person)``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from demoi.errors import DataError, Location, UsageError
from demoi.privacy import treatments
from demoi.privacy.detect import LABELS, Kind

if TYPE_CHECKING:
    from demoi.lifting.tabular import Table

MAIN_TABLE = "source"  # demoi.lifting.sources.MAIN_TABLE; not imported, to keep this light

DROP = "drop"
PSEUDONYMISE = "pseudonymise"
REDACT = "redact"
GENERALISE = "generalise"
SUPPRESS = "suppress"
NOT_PERSONAL = "not-personal"
#: The treatments, in the order the anonymisation statement lists them.
TREATMENTS = (DROP, PSEUDONYMISE, REDACT, GENERALISE, SUPPRESS, NOT_PERSONAL)
#: Treatments that need the pseudonymisation key.
KEYED = frozenset({PSEUDONYMISE, REDACT})

GENERALISE_TO = ("month", "year", "band", "grid")
DEFAULT_BAND_WIDTH = 10
DEFAULT_OPEN_FROM = 90
DEFAULT_CELL = Decimal("0.01")
#: Degrees; a grid coarser than this says no more than the region, and is surely a typing error.
MAX_CELL = Decimal(10)

_ENTRY_KEYS = frozenset(
    {"table", "name", "treatment", "reason", "to", "width", "open_from", "cell", "kinds"}
)
_OPTIONS_OF = {
    "band": frozenset({"width", "open_from"}),
    "grid": frozenset({"cell"}),
    "month": frozenset(),
    "year": frozenset(),
}
_LANGUAGES = ("el", "en")
_COLUMN_HEADER = re.compile(r"""^[ \t]*\[\[[ \t]*(?:column|"column"|'column')[ \t]*\]\]""", re.M)


@dataclass(frozen=True)
class ColumnRule:
    """One ``[[column]]`` entry: the treatment of ``table``.``column``, why, and its options
    (``to``, ``width``, ``open_from``, ``cell``, filled with their defaults)."""

    table: str
    column: str
    treatment: str
    reason: dict[str, str] = field(hash=False)
    options: Mapping[str, Any] = field(hash=False)
    #: For ``not-personal``, the kinds the check does not report in the column; empty otherwise.
    kinds: frozenset[Kind] = frozenset()
    #: The entry's number in its file (1-based) and the line of its ``[[column]]``, for messages.
    entry: int = field(default=0, compare=False)
    line: int | None = field(default=None, compare=False)

    @property
    def described(self) -> str:
        return f"[[column]] #{self.entry} ({self.table}.{self.column})"


@dataclass(frozen=True)
class Policy:
    file: Path | None
    rules: tuple[ColumnRule, ...]
    #: SHA-256 of the file's bytes.
    sha256: str = ""

    @property
    def digest(self) -> str:
        """SHA-256 of the policy file's bytes ("" without a file), for provenance."""
        return self.sha256

    def apply(self, tables: dict[str, Table], *, secret: str, k: int) -> dict[str, Table]:
        """The tables with every rule's treatment applied: new Table objects for the tables
        treated, the others as they were; ``tables`` is not changed. A UsageError when a rule
        names a table or column the source does not have or a key is needed and not set, a
        DataError naming table, row and column when a cell cannot be treated."""
        self._check_columns(tables)
        if any(rule.treatment in KEYED for rule in self.rules):
            treatments.require_secret(secret)
        if k < 1:
            raise UsageError(f"the suppression threshold k must be 1 or more, not {k}")
        treated = dict(tables)
        for name in dict.fromkeys(rule.table for rule in self.rules):
            rules = [rule for rule in self.rules if rule.table == name]
            treated[name] = self._treat_table(name, tables[name], rules, secret, k)
        return treated

    def not_personal(self) -> dict[tuple[str, str], frozenset[Kind]]:
        """The kinds of identifier the check does not report, by (table, column)."""
        return {
            (rule.table, rule.column): rule.kinds
            for rule in self.rules
            if rule.treatment == NOT_PERSONAL
        }

    def statement(self, *, k: int | None = None) -> dict[str, str]:
        """Which anonymisation was applied, in Greek and English, for the catalogue record:
        each treated column with its treatment and reason. ``k`` (the suppression threshold)
        makes the statement of suppression exact."""
        rules = sorted(self.rules, key=lambda rule: TREATMENTS.index(rule.treatment))
        applied = [rule for rule in rules if rule.treatment != NOT_PERSONAL]
        declared = [rule for rule in rules if rule.treatment == NOT_PERSONAL]
        statement = {}
        for language in _LANGUAGES:
            parts = [_rule_statement(rule, language, k) for rule in applied + declared]
            if not applied:
                parts.insert(0, NOTHING_APPLIED[language])
            statement[language] = "; ".join(parts) + "."
        return statement

    def _check_columns(self, tables: Mapping[str, Table]) -> None:
        for rule in self.rules:
            table = tables.get(rule.table)
            if table is None:
                raise self._error(
                    rule,
                    f"the source has no table {rule.table!r}; its tables: "
                    + ", ".join(sorted(tables)),
                )
            if rule.column not in table.columns:
                raise self._error(
                    rule,
                    f"the table {rule.table} has no column {rule.column!r}; its columns: "
                    + ", ".join(table.columns),
                )

    def _error(self, rule: ColumnRule, message: str) -> UsageError:
        where = Location(str(self.file), rule.line) if self.file else None
        return UsageError(f"{rule.described}: {message}", location=where)

    def _treat_table(
        self, name: str, table: Table, rules: list[ColumnRule], secret: str, k: int
    ) -> Table:
        rows = [list(row) for row in table.rows]
        for rule in rules:
            if rule.treatment == NOT_PERSONAL:
                continue
            position = table.columns.index(rule.column)
            cells = [row[position] for row in table.rows]
            treated = self._treat_cells(name, table, rule, cells, secret, k)
            for row, value in zip(rows, treated, strict=True):
                row[position] = value
        return dataclasses.replace(table, rows=rows)

    def _treat_cells(
        self, name: str, table: Table, rule: ColumnRule, cells: list[str], secret: str, k: int
    ) -> list[str]:
        treat = cell_treatment(rule, secret=secret, k=k)
        try:
            return list(map(treat, cells))
        except treatments.CellError:
            pass
        # Only on failure are the cells walked one by one, to name the row.
        for number, value in enumerate(cells):
            try:
                treat(value)
            except treatments.CellError as error:
                raise self._cell_error(name, table, rule, number, error) from None
        raise AssertionError("a cell failed the treatment, and none fails it again")

    def _cell_error(
        self, name: str, table: Table, rule: ColumnRule, number: int, error: Exception
    ) -> DataError:
        line = table.lines[number] if number < len(table.lines) else 0
        row = "" if line else f"row {number + 1} of the table, "
        policy = f" ({self.file}, {rule.described})" if self.file else f" ({rule.described})"
        return DataError(
            f"table {name}, {row}cannot {rule.treatment} the cell: {error}; the privacy "
            f"policy{policy} asks for it",
            location=Location(
                table.file or None, line or None, column=rule.column, sheet=table.sheet
            ),
        )


def cell_treatment(rule: ColumnRule, *, secret: str | None, k: int) -> Callable[[str], str]:
    """The function that treats one cell of ``rule``'s column."""
    if rule.treatment == DROP:
        return treatments.drop
    if rule.treatment == PSEUDONYMISE:
        return treatments.pseudonymiser(secret)
    if rule.treatment == REDACT:
        return treatments.redactor(secret)
    if rule.treatment == SUPPRESS:
        return partial(treatments.suppress_count, k=k)
    if rule.treatment == GENERALISE:
        to = rule.options["to"]
        if to == "band":
            width, open_from = rule.options["width"], rule.options["open_from"]
            return partial(treatments.age_band, width=width, open_from=open_from)
        if to == "grid":
            return partial(treatments.grid_cell, cell=rule.options["cell"])
        return partial(treatments.generalise_date, to=to)
    return treatments.keep


# --- the statement -------------------------------------------------------------------------

NOTHING_APPLIED = {
    "el": "Δεν εφαρμόστηκε ανωνυμοποίηση: ο έλεγχος δεν βρήκε προσωπικά δεδομένα",
    "en": "No anonymisation was applied: the check found no personal data",
}
_TREATMENT_LABELS = {
    DROP: {"el": "Διαγραφή", "en": "Removed"},
    PSEUDONYMISE: {
        "el": "Ψευδωνυμοποίηση με κλειδί (HMAC-SHA256)",
        "en": "Keyed pseudonymisation (HMAC-SHA256)",
    },
    REDACT: {
        "el": "Αντικατάσταση των αναγνωριστικών του κειμένου με ψευδώνυμα (HMAC-SHA256)",
        "en": "Identifiers in the text replaced by keyed pseudonyms (HMAC-SHA256)",
    },
    NOT_PERSONAL: {"el": "Δεν είναι προσωπικά δεδομένα", "en": "Not personal data"},
}
_GENERALISE_LABELS = {
    "month": {"el": "Γενίκευση ημερομηνίας σε μήνα", "en": "Dates generalised to the month"},
    "year": {"el": "Γενίκευση ημερομηνίας σε έτος", "en": "Dates generalised to the year"},
    "band": {
        "el": "Γενίκευση ηλικίας σε κλάσεις {width} ετών, από {open_from} και πάνω μία κλάση",
        "en": "Ages generalised to {width}-year bands, {open_from} and over as one band",
    },
    "grid": {
        "el": "Γενίκευση θέσης στο κέντρο κελιού πλέγματος {cell}°",
        "en": "Positions generalised to the centre of a {cell}° grid cell",
    },
}


def _rule_statement(rule: ColumnRule, language: str, k: int | None) -> str:
    label = _treatment_label(rule, language, k)
    # The statement ends each part itself: a reason written as a sentence loses its full stop.
    return f"{label}: {rule.table}.{rule.column} — {rule.reason[language].rstrip('.')}"


def _treatment_label(rule: ColumnRule, language: str, k: int | None) -> str:
    if rule.treatment == GENERALISE:
        options = dict(rule.options)
        if language == "el" and "cell" in options:
            options["cell"] = str(options["cell"]).replace(".", ",")  # the Greek decimal comma
        return _GENERALISE_LABELS[rule.options["to"]][language].format(**options)
    if rule.treatment == SUPPRESS:
        if k is None:
            return {
                "el": "Απόκρυψη μικρών πληθών (κάτω από το κατώφλι k)",
                "en": "Small counts suppressed (below the threshold k)",
            }[language]
        return {
            "el": f"Απόκρυψη μικρών πληθών (κάτω από k = {k})",
            "en": f"Small counts suppressed (below k = {k})",
        }[language]
    if rule.treatment == NOT_PERSONAL and rule.kinds != frozenset(Kind):
        kinds = ", ".join(LABELS[kind][language] for kind in sorted(rule.kinds))
        return f"{_TREATMENT_LABELS[NOT_PERSONAL][language]} ({kinds})"
    return _TREATMENT_LABELS[rule.treatment][language]


# --- reading a policy file -----------------------------------------------------------------

EMPTY_POLICY = Policy(None, ())


def read_policy(path: Path) -> Policy:
    """The policy in the TOML file ``path`` (see the module's documentation for its form)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read the privacy policy ({error.strerror})") from None
    try:
        text = data.decode("utf-8")
        spec = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise UsageError(
            f"the privacy policy is not UTF-8 text ({error.reason})", location=Location(str(path))
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(
            f"the privacy policy is not valid TOML: {error}", location=Location(str(path))
        ) from None
    unknown = sorted(set(spec) - {"column"})
    if unknown:
        raise UsageError(
            f"unknown key(s) {', '.join(unknown)} in the privacy policy; it holds only "
            "[[column]] entries",
            location=Location(str(path)),
        )
    entries = spec.get("column", [])
    if not isinstance(entries, list):
        raise UsageError(
            "column must be a list of [[column]] entries", location=Location(str(path))
        )
    lines = _entry_lines(text, len(entries))
    rules = tuple(
        _rule(entry, number, Location(str(path), line), line)
        for number, (entry, line) in enumerate(zip(entries, lines, strict=True), start=1)
    )
    _check_one_entry_per_column(rules, path)
    return Policy(path, rules, hashlib.sha256(data).hexdigest())


def _entry_lines(text: str, count: int) -> list[int | None]:
    """The line of each ``[[column]]`` header; tomllib gives no positions, and a policy written
    another way (an inline array) has none to give."""
    lines = [text.count("\n", 0, match.start()) + 1 for match in _COLUMN_HEADER.finditer(text)]
    return list(lines) if len(lines) == count else [None] * count


def _check_one_entry_per_column(rules: tuple[ColumnRule, ...], path: Path) -> None:
    seen: dict[tuple[str, str], ColumnRule] = {}
    for rule in rules:
        earlier = seen.setdefault((rule.table, rule.column), rule)
        if earlier is not rule:
            raise UsageError(
                f"{rule.described}: the column already has an entry, [[column]] "
                f"#{earlier.entry}; a column has one treatment",
                location=Location(str(path), rule.line),
            )


def _rule(entry: object, number: int, where: Location, line: int | None) -> ColumnRule:
    if not isinstance(entry, dict):
        raise UsageError(f"[[column]] #{number} is not a table of keys", location=where)
    table = entry.get("table", MAIN_TABLE)
    name = entry.get("name")
    described = f"[[column]] #{number}"
    if isinstance(table, str) and isinstance(name, str):
        described += f" ({table}.{name})"

    def fail(message: str) -> UsageError:
        return UsageError(f"{described}: {message}", location=where)

    if name is None:
        raise fail("name, the column's name, is missing")
    if not isinstance(name, str) or not name:
        raise fail(f"name must be the column's name as text, not {name!r}")
    if not isinstance(table, str) or not table:
        raise fail("table must be the name of one of the source's tables")
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise fail(
            f"unknown key(s) {', '.join(unknown)}; an entry has: " + ", ".join(sorted(_ENTRY_KEYS))
        )
    treatment = entry.get("treatment")
    if treatment not in TREATMENTS:
        raise fail(f"unknown treatment {treatment!r}; one of: " + ", ".join(TREATMENTS))
    return ColumnRule(
        table=table,
        column=name,
        treatment=treatment,
        reason=_reason(entry.get("reason"), fail),
        options=MappingProxyType(_options(entry, treatment, fail)),
        kinds=_kinds(entry, treatment, fail),
        entry=number,
        line=line,
    )


def _reason(reason: object, fail: Callable[[str], UsageError]) -> dict[str, str]:
    if reason is None:
        raise fail('reason is required, in Greek and English: reason = { el = "…", en = "…" }')
    if not isinstance(reason, dict) or set(reason) != set(_LANGUAGES):
        raise fail(
            'reason must be given in Greek and English, and only in them: reason = { el = "…", '
            'en = "…" }'
        )
    if not all(isinstance(text, str) and text.strip() for text in reason.values()):
        raise fail("reason.el and reason.en must be non-empty text")
    return {language: " ".join(reason[language].split()) for language in _LANGUAGES}


def _options(
    entry: dict[str, Any], treatment: str, fail: Callable[[str], UsageError]
) -> dict[str, Any]:
    given = set(entry) & {"to", "width", "open_from", "cell"}
    if treatment != GENERALISE:
        if given:
            raise fail(f'{", ".join(sorted(given))}: only for treatment = "generalise"')
        return {}
    to = entry.get("to")
    if to not in GENERALISE_TO:
        raise fail(
            f'to = {to!r}: generalise needs to = "month" or "year" (dates), "band" '
            '(ages) or "grid" (positions)'
        )
    misplaced = sorted(given - {"to"} - _OPTIONS_OF[to])
    if misplaced:
        raise fail(f"{', '.join(misplaced)}: not an option of to = {to!r}")
    if to == "band":
        return _band_options(entry, fail)
    if to == "grid":
        return {"to": to, "cell": _cell_option(entry.get("cell", DEFAULT_CELL), fail)}
    return {"to": to}


def _band_options(entry: dict[str, Any], fail: Callable[[str], UsageError]) -> dict[str, Any]:
    width = entry.get("width", DEFAULT_BAND_WIDTH)
    open_from = entry.get("open_from", DEFAULT_OPEN_FROM)
    for key, value in (("width", width), ("open_from", open_from)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise fail(f"{key} must be a whole number of years, 1 or more, not {value!r}")
    if open_from % width:
        # Otherwise the band below the open one would hold ages that belong to the open one.
        raise fail(f"open_from ({open_from}) must be a multiple of width ({width})")
    return {"to": "band", "width": width, "open_from": open_from}


def _cell_option(cell: object, fail: Callable[[str], UsageError]) -> Decimal:
    if isinstance(cell, bool) or not isinstance(cell, int | float | Decimal):
        raise fail(f"cell must be a number of degrees such as 0.01, not {cell!r}")
    # str() first: the TOML float 0.01 is to be the decimal 0.01, not its binary neighbour.
    degrees = Decimal(str(cell))
    if not 0 < degrees <= MAX_CELL:
        raise fail(f"cell must be more than 0 and at most {MAX_CELL} degrees, not {cell!r}")
    return degrees


def _kinds(
    entry: dict[str, Any], treatment: str, fail: Callable[[str], UsageError]
) -> frozenset[Kind]:
    if "kinds" in entry and treatment != NOT_PERSONAL:
        raise fail('kinds: only for treatment = "not-personal"')
    if treatment != NOT_PERSONAL:
        return frozenset()
    # Found in review: without kinds, not-personal let every kind through, a "keep".
    if "kinds" not in entry:
        raise fail(
            "kinds: a not-personal column names the kinds of identifier it holds look-alikes "
            'of, such as kinds = ["adt"]; other kinds found there still count'
        )
    kinds = entry["kinds"]
    if not isinstance(kinds, list) or not kinds:
        raise fail('kinds must be a list of kinds of identifier, such as ["adt"]')
    known = {kind.value: kind for kind in Kind}
    unknown = [kind for kind in kinds if not isinstance(kind, str) or kind not in known]
    if unknown:
        raise fail(
            f"unknown kind(s) {', '.join(map(repr, unknown))}; the kinds: " + ", ".join(known)
        )
    return frozenset(known[kind] for kind in kinds)
