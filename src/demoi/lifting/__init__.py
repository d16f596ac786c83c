"""Lifting: a municipal export, through its mapping, to RDF (not yet published)."""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import DataError, Location, UsageError
from demoi.iris import STANDARDS_BASE, dataset_graph, minted_prefix
from demoi.lifting.mappings import Mapping, available_mappings, get_mapping
from demoi.lifting.morph import materialize
from demoi.lifting.tabular import read_table
from demoi.municipalities import Municipality, get_municipality

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
) -> Lifted:
    """Read ``source`` as ``mapping`` expects and run the mapping; nothing is published."""
    found = get_municipality(municipality)
    mapping.check_parameters(parameters)
    if mapping.source_format != "csv":
        raise UsageError(
            f"the mapping {mapping.name} reads {mapping.source_format}, not yet supported"
        )
    table = read_table(source, mapping.columns, delimiter=mapping.delimiter, encoding=encoding)
    table.check_unique(mapping.key, str(source))
    if not table.rows:
        # Publishing it would replace the municipality's graph with nothing.
        raise DataError(
            "the export has a header but no rows; nothing was published",
            location=Location(str(source)),
        )
    used = {name: parameters[name] for name in mapping.parameters}
    constants = {"municipality": found.code, **used}
    clean = dataclasses.replace(
        table,
        columns=table.columns + list(constants),
        rows=[row + list(constants.values()) for row in table.rows],
    )
    with tempfile.TemporaryDirectory(prefix="demoi-lift-") as folder:
        csv_path = Path(folder) / "source.csv"
        csv_path.write_bytes(clean.to_csv())
        ntriples = materialize(mapping.yarrrml, csv_path, {"id": minted_prefix(base_uri)})
    period = parameters.get(mapping.period) if mapping.period else None
    return Lifted(
        mapping=mapping,
        municipality=found,
        graph=dataset_graph(base_uri, found.code, mapping.dataset, period),
        ntriples=ntriples,
        source=source,
        # The hash of the very bytes that were lifted, not of a second read of the file.
        sha256=table.sha256,
        encoding=table.encoding,
        rows=len(table.rows),
        parameters=used,
    )
