"""Lifting: a municipal export, through its mapping, to RDF (not yet published)."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import DataError, Location
from demoi.iris import STANDARDS_BASE, dataset_graph, minted_prefix
from demoi.lifting.mappings import Mapping, available_mappings, get_mapping
from demoi.lifting.morph import materialize
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, read_source
from demoi.lifting.tabular import Reject, Table
from demoi.municipalities import Municipality, get_municipality
from demoi.privacy import guard_personal_data

__all__ = ["Lifted", "Mapping", "available_mappings", "get_mapping", "lift"]


@dataclass(frozen=True)
class Lifted:
    mapping: Mapping
    municipality: Municipality
    graph: str
    ntriples: bytes
    source: Path
    sha256: str
    encoding: str
    rows: int
    parameters: dict[str, str]

    @property
    def plan(self) -> str:
        """The mapping's IRI, recorded as the prov:Plan of the publication."""
        return f"{STANDARDS_BASE}mapping/{self.mapping.name}"


def lift(
    source: Path,
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
) -> Lifted:
    """Read ``source`` as ``mapping`` expects and run the mapping; nothing is published.

    With ``rejects``, rows with a bad cell are left out and recorded there.
    """
    found = get_municipality(municipality)
    mapping.check_parameters(parameters)
    used = {name: parameters[name] for name in mapping.parameters}
    constants = {"municipality": found.code, **used}
    options = ReadOptions(encoding, sheet, rejects, progress, constants=dict(constants))
    data = read_source(source, mapping, options)
    main = data.tables.get(MAIN_TABLE)
    if main is not None:
        main.check_unique(mapping.key, str(source))
    if not data.rows:
        # Publishing it would replace the municipality's graph with nothing.
        raise DataError(
            "the source has no rows to lift; nothing was published",
            location=Location(str(source)),
        )
    data = guard_personal_data(data, mapping)
    _check_column_names(data.tables, mapping)
    with tempfile.TemporaryDirectory(prefix="demoi-lift-") as folder:
        files = {}
        for name, table in data.tables.items():
            files[name] = Path(folder) / f"{name}.csv"
            files[name].write_bytes(_with_constants(table, constants).to_csv())
        ntriples = materialize(mapping.yarrrml, files, {"id": minted_prefix(base_uri)})
    period = parameters.get(mapping.period) if mapping.period else None
    return Lifted(
        mapping=mapping,
        municipality=found,
        graph=dataset_graph(base_uri, found.code, dataset or mapping.dataset, period),
        ntriples=ntriples,
        source=source,
        # The hash of the very bytes that were lifted, not of a second read of the file.
        sha256=data.sha256,
        encoding=data.encoding,
        rows=data.rows,
        parameters=used,
    )


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
