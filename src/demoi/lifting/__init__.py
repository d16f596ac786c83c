"""Lifting: a municipal export, through its mapping, to RDF (not yet published)."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.iris import MAPPING_PLANS, minted_prefix
from demoi.lifting.mappings import Mapping, available_mappings, get_mapping
from demoi.lifting.morph import materialize
from demoi.lifting.sources import (
    MAIN_TABLE,
    DatabaseSource,
    ReadOptions,
    read_source,
    source_from,
)
from demoi.lifting.tabular import Reject, Table
from demoi.municipalities import Municipality, get_municipality

if TYPE_CHECKING:
    from demoi.privacy.gate import GuardOptions, Treated

__all__ = [
    "DatabaseSource",
    "Lifted",
    "Mapping",
    "available_mappings",
    "get_mapping",
    "lift",
    "source_from",
]


@dataclass(frozen=True)
class Lifted:
    mapping: Mapping
    municipality: Municipality
    graph: str
    ntriples: bytes
    #: A file, or a database (named without its password).
    source: Path | DatabaseSource
    sha256: str
    encoding: str
    #: The rows of every table given to the mapping, added up (see ``table_rows``).
    rows: int
    parameters: dict[str, str]
    #: The rows of each table given to the mapping: one entry for a source of one table.
    table_rows: dict[str, int] = dataclasses.field(default_factory=dict)
    #: The workbook sheet and the dataset id the lift was told to use, if any.
    sheet: str | None = None
    dataset: str | None = None
    #: What the personal-data guard did: the policy applied, for the catalogue and provenance.
    treated: Treated | None = None

    def rows_text(self) -> str:
        """``28 rows``; for a source of several tables ``42 rows: stops 30, routes 12``, since
        the sum alone overstates what a multi-table source holds."""
        text = f"{self.rows} rows"
        if len(self.table_rows) > 1:
            text += ": " + ", ".join(f"{name} {n}" for name, n in self.table_rows.items())
        return text

    @property
    def plan(self) -> str:
        """The mapping's IRI, recorded as the prov:Plan of the publication."""
        return f"{MAPPING_PLANS}{self.mapping.name}"


def lift(
    source: Path | DatabaseSource,
    mapping: Mapping,
    *,
    municipality: str,
    parameters: dict[str, str],
    base_uri: str,
    encoding: str | None = None,
    sheet: str | None = None,
    rejects: list[Reject] | None = None,
    dataset: str | None = None,
    progress: Callable[[int], None] | None = None,
    guard: GuardOptions | None = None,
) -> Lifted:
    """Read ``source`` as ``mapping`` expects and run the mapping; nothing is published.

    With ``rejects``, rows with a bad cell are left out and recorded there. The personal-data
    guard treats the tables by the mapping's privacy policy (or ``guard.policy``) and refuses
    what is still personal, before the mapping runs and again on the RDF it made.
    """
    found = get_municipality(municipality)
    mapping.check_parameters(parameters)
    used = {name: parameters[name] for name in mapping.parameters}
    constants = {"municipality": found.code, **used}
    options = ReadOptions(encoding, sheet, rejects, progress, constants=dict(constants))
    data = read_source(source, mapping, options)
    _check_keys(data.tables, mapping, str(source))
    if not data.rows:
        # Publishing it would replace the municipality's graph with nothing.
        raise DataError(
            "the source has no rows to lift; nothing was published",
            location=Location(str(source)),
        )
    # Imported here: the guard reads tables (demoi.lifting.tabular), so importing it at the top
    # would make the two packages import each other.
    from demoi.privacy.gate import GuardOptions, guard_lifted_rdf, guard_tables

    guard = guard or GuardOptions()
    data, treated = guard_tables(data, mapping, source=str(source), options=guard)
    _check_column_names(data.tables, mapping)
    with tempfile.TemporaryDirectory(prefix="demoi-lift-") as folder:
        files = {}
        for name, table in data.tables.items():
            files[name] = Path(folder) / f"{name}.csv"
            files[name].write_bytes(_with_constants(table, constants).to_csv())
        ntriples = materialize(mapping.yarrrml, files, {"id": minted_prefix(base_uri)})
    guard_lifted_rdf(ntriples, str(source), guard, treated)
    return Lifted(
        mapping=mapping,
        municipality=found,
        graph=mapping.graph(base_uri, found.code, parameters, dataset),
        ntriples=ntriples,
        source=source,
        # The hash of the very bytes that were lifted, not of a second read of the file.
        sha256=data.sha256,
        encoding=data.encoding,
        rows=data.rows,
        parameters=used,
        table_rows=data.table_rows,
        sheet=sheet,
        dataset=dataset,
        treated=treated,
    )


def _check_keys(tables: dict[str, Table], mapping: Mapping, source: str) -> None:
    """Every table the descriptor gives a key: the main table's ``key`` and ``[source.keys]``."""
    for name, key in mapping.table_keys.items():
        table = tables.get(name)
        if table is None:
            # A reader may leave out a table the source does not have (a feed without a
            # timetable); with no rows there is nothing to repeat.
            continue
        try:
            table.check_unique(key, source, table=None if name == MAIN_TABLE else name)
        except RuntimeError as error:
            raise RuntimeError(f"mapping {mapping.name}: {error}") from None


#: Columns morph-kgc uses for its own work: a table column of that name is silently overwritten
#: (a mapping's titles came out as subject IRIs until its column was renamed).
MORPH_RESERVED_COLUMNS = frozenset({"subject"})


def _check_column_names(tables: dict[str, Table], mapping: Mapping) -> None:
    for name, table in tables.items():
        clash = MORPH_RESERVED_COLUMNS.intersection(table.columns)
        if clash:
            # A defect of the mapping or its reader, not of the user's data.
            raise RuntimeError(
                f"mapping {mapping.name}: table {name!r} has a column named "
                f"{sorted(clash)[0]!r}, which morph-kgc overwrites; rename it"
            )


def _with_constants(table: Table, constants: dict[str, str]) -> Table:
    """Every table gets the municipality and the parameters as columns, so a mapping can use
    them like any cell."""
    return dataclasses.replace(
        table,
        columns=table.columns + list(constants),
        rows=[row + list(constants.values()) for row in table.rows],
    )
