"""Publishing: validate, then swap into the store atomically, with provenance.

Nothing reaches the store unless it conforms to its area's SHACL profile (violations refuse the
publication; warnings are reported). The swap and its PROV-O record are one transaction.
"""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from demoi import catalogue, provenance
from demoi.errors import UsageError, ValidationFailed
from demoi.input_guard import check_rdf_source
from demoi.iris import MAPPING_PLANS, provenance_graph
from demoi.lifting import Lifted
from demoi.lifting.mappings import available_mappings
from demoi.privacy.gate import override_for, refuse_findings
from demoi.privacy.scan import StoreContext, masked_text, scan_quads
from demoi.store import Store
from demoi.store.oxigraph import rdf_syntax_error
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


def check_dataset_id(store: Store, base_uri: str, lifted: Lifted) -> None:
    """A dataset id names one dataset: of one functional area (budget lines published as
    ``decisions`` made one catalogue dataset of two areas, which no profile accepts) and of
    one kind of data (revenue published as ``budget-expense`` replaced a year of expenditure).
    The periods of a dataset, and mappings of one kind (the generic and Athens' budget), share
    it."""
    code = lifted.municipality.code
    dataset = lifted.graph.removeprefix(f"{base_uri}graph/{code}/").split("/")[0]
    graph_prefix = f"{base_uri}graph/{code}/{dataset}"
    query = f"""
PREFIX dcterms: <{catalogue.DCTERMS}>
PREFIX demoi: <{catalogue.DEMOI}>
SELECT DISTINCT ?area WHERE {{
  GRAPH <{catalogue.catalogue_graph(base_uri, code)}> {{
    ?record dcterms:relation ?graph ; demoi:functionalArea ?area }}
  FILTER(STR(?graph) = {ox.Literal(graph_prefix)}
         || STRSTARTS(STR(?graph), {ox.Literal(graph_prefix + "/")}))
}}"""
    areas = {row[0].value for row in store.query(query).rows if isinstance(row[0], ox.NamedNode)}
    mine = f"https://w3id.org/demoi/code/functional-area/{lifted.mapping.area}"
    others = sorted(area.rsplit("/", 1)[-1] for area in areas - {mine})
    if others:
        raise UsageError(
            f"municipality {code} already publishes a dataset {dataset!r} in the area "
            f"{others[0]}; a {lifted.mapping.area} dataset needs an id of its own (--dataset)"
        )
    kinds = _lifted_kinds(store, base_uri, graph_prefix) - {lifted.mapping.dataset}
    if kinds:
        # The re-review: revenue lifted as --dataset budget-expense replaced a year of
        # expenditure under the expenditure title. Mappings of one kind (the generic and
        # Athens' budget) may share a dataset; mappings of another kind may not.
        raise UsageError(
            f"municipality {code} publishes {dataset!r} from {sorted(kinds)[0]} data; "
            f"{lifted.mapping.name} makes {lifted.mapping.dataset} data: give it an id of its "
            "own (--dataset)"
        )


def _lifted_kinds(store: Store, base_uri: str, graph_prefix: str) -> set[str]:
    """The kinds of data (their mappings' dataset ids) the graphs of a dataset were lifted
    from, by the provenance of their current versions."""
    query = f"""
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?plan WHERE {{
  GRAPH <{provenance_graph(base_uri)}> {{
    ?graph prov:wasGeneratedBy/prov:qualifiedAssociation/prov:hadPlan ?plan }}
  FILTER(STR(?graph) = {ox.Literal(graph_prefix)}
         || STRSTARTS(STR(?graph), {ox.Literal(graph_prefix + "/")}))
}}"""
    mappings = available_mappings()
    plans = (row[0].value for row in store.query(query).rows if isinstance(row[0], ox.NamedNode))
    names = (plan.removeprefix(MAPPING_PLANS) for plan in plans if plan.startswith(MAPPING_PLANS))
    return {mappings[name].dataset for name in names if name in mappings}


def publish_lifted(
    store: Store, lifted: Lifted, *, base_uri: str, language: str = "el"
) -> Published:
    started = datetime.now(UTC)
    if lifted.treated is None:
        # Every Lifted comes from lift(), which guards it; one built otherwise is a defect.
        raise RuntimeError(f"{lifted.source}: not passed through the personal-data guard")
    check_dataset_id(store, base_uri, lifted)
    report = check_lifted(lifted, language)
    triples = lifted.ntriples.count(b"\n")
    record = provenance.publication(
        base_uri,
        lifted.graph,
        label=masked_text(lift_command(lifted)),
        source=provenance.Source(masked_text(lifted.source.name), lifted.sha256),
        started=started,
        plan=lifted.plan,
        plan_version=lifted.mapping.version,
        outcome=provenance.Outcome(triples, report.conforms, len(report.warnings)),
        override=_override_iri(lifted),
        privacy_policy=lifted.treated.policy_sha256 or None,
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


def _override_iri(lifted: Lifted) -> str | None:
    treated = lifted.treated
    return treated.override.iri if treated and treated.override else None


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
    language: str = "el",
) -> int:
    """Replace ``graph`` with the RDF file at ``path``; relative IRIs resolve against ``graph``.

    No profile check: any RDF may be loaded (vocabularies, code lists, test data). The
    personal-data guard reads it first and refuses it if it holds personal identifiers, unless
    the operator has overridden the guard for ``graph`` (demoi.privacy.gate).
    """
    started = datetime.now(UTC)
    override = override_for(store, base_uri, graph)
    check_rdf_source(path, rdf_format, str(path))
    quads = ox.parse(path=path, format=rdf_format, base_iri=graph)
    context = StoreContext(store, exclude=graph)  # the content being replaced vouches for nothing
    findings = scan_quads(_located(quads, path, rdf_format), context=context)
    refuse_findings(str(path), findings, override, language=language)
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    record = provenance.publication(
        base_uri,
        graph,
        label=f"demoi load {masked_text(path.name)}",
        source=provenance.Source(masked_text(path.name), digest.hexdigest()),
        started=started,
        override=override.iri if override else None,
    )
    return store.replace_graph(
        graph, path, rdf_format, base_iri=graph, bulk=bulk, provenance_update=record
    )


def _located(quads: Iterator[ox.Quad], path: Path, rdf_format: ox.RdfFormat) -> Iterator[ox.Quad]:
    """The file's quads; a syntax error names the file, line and column, as the load's would."""
    try:
        yield from quads
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, str(path), rdf_format) from None
