"""Publishing: validate, then swap into the store atomically, with provenance.

Nothing reaches the store unless it conforms to its area's SHACL profile (violations refuse the
publication; warnings are reported). The swap and its PROV-O record are one transaction.
"""

from __future__ import annotations

import hashlib
import shlex
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from demoi import catalogue, provenance
from demoi.errors import ValidationFailed
from demoi.lifting import Lifted
from demoi.store import Store
from demoi.validation import Report, validate_ntriples


@dataclass(frozen=True)
class Published:
    graph: str
    triples: int
    report: Report


def check_lifted(lifted: Lifted, language: str = "el") -> Report:
    """Validate lifted data against its area's profile; raise ValidationFailed on violations."""
    report = validate_ntriples(lifted.ntriples, lifted.mapping.area, language, str(lifted.source))
    if not report.conforms:
        raise ValidationFailed(
            f"{lifted.source}: {len(report.violations)} violation(s) of the {lifted.mapping.area} "
            "profile; nothing was published",
            report=report.text(),
            results=len(report.violations),
        )
    return report


def publish_lifted(
    store: Store, lifted: Lifted, *, base_uri: str, language: str = "el"
) -> Published:
    started = datetime.now(UTC)
    report = check_lifted(lifted, language)
    triples = lifted.ntriples.count(b"\n")
    record = provenance.publication(
        base_uri,
        lifted.graph,
        label=lift_command(lifted),
        source=provenance.Source(lifted.source.name, lifted.sha256),
        started=started,
        plan=lifted.plan,
        plan_version=lifted.mapping.version,
        outcome=provenance.Outcome(triples, report.conforms, len(report.warnings)),
    )
    # The dataset's catalogue record changes in the same transaction as the data it describes.
    catalogue_record = catalogue.dataset_record(base_uri, lifted, triples=triples)
    stored = store.replace_graph(
        lifted.graph,
        lifted.ntriples,
        ox.RdfFormat.N_TRIPLES,
        provenance_update=record + catalogue_record,
        source_name=str(lifted.source),
    )
    return Published(lifted.graph, stored, report)


def lift_command(lifted: Lifted) -> str:
    """The `demoi lift` command that made ``lifted``, as the provenance record's label: every
    option that changes the graph (the sheet and the dataset too), so it can be run again."""
    options = [
        f"demoi lift {lifted.source.name} --mapping {lifted.mapping.name}",
        f"--municipality {lifted.municipality.code}",
        *(f"--{name} {value}" for name, value in sorted(lifted.parameters.items())),
    ]
    if lifted.sheet is not None:
        options.append(f"--sheet {shlex.quote(lifted.sheet)}")
    if lifted.dataset is not None:
        options.append(f"--dataset {lifted.dataset}")
    return " ".join(options)


def load_file(
    store: Store,
    path: Path,
    graph: str,
    rdf_format: ox.RdfFormat,
    *,
    base_uri: str,
    bulk: bool = False,
) -> int:
    """Replace ``graph`` with the RDF file at ``path``; relative IRIs resolve against ``graph``.

    No profile check: any RDF may be loaded (vocabularies, code lists, test data).
    """
    started = datetime.now(UTC)
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    record = provenance.publication(
        base_uri,
        graph,
        label=f"demoi load {path.name}",
        source=provenance.Source(path.name, digest.hexdigest()),
        started=started,
    )
    return store.replace_graph(
        graph, path, rdf_format, base_iri=graph, bulk=bulk, provenance_update=record
    )
