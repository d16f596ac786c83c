"""The gate: nothing personal reaches a published graph (law 4727/2020, art. 60 §6).

Every way data enters the store passes here: a lift (its tables, after the mapping's privacy
policy has treated them, and the RDF the mapping made), ``demoi load``, Graph Store uploads and
SPARQL updates. Whatever the scanner (``demoi.privacy.scan``) still finds, and every cell of a
column a reader declares personal that the policy does not treat, refuses the write with
``PersonalDataFound`` (exit 1, HTTP 422), naming where, and nothing is written.

The one way past it is an operator's override of one dataset's graph, ``demoi privacy allow
GRAPH --reason TEXT``: recorded in the provenance graph (who, when, why), shown by ``demoi privacy
overrides``, withdrawn by ``demoi privacy revoke``, and named in the provenance of every write it
lets through. It cannot be granted over HTTP: a write token is not an operator.
"""

from __future__ import annotations

import dataclasses
import getpass
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from demoi.errors import DataError, UsageError
from demoi.iris import STANDARDS_BASE, is_reserved, minted_prefix, provenance_graph
from demoi.privacy.detect import Kind, mask
from demoi.privacy.policy import EMPTY_POLICY, NOT_PERSONAL, Policy, read_policy
from demoi.privacy.scan import (
    Finding,
    StoreContext,
    Where,
    candidates,
    counts,
    excused_identities,
    scan_quads,
    scan_rdf_bytes,
    scan_tables,
)

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping
    from demoi.lifting.sources import SourceData
    from demoi.store import Store

#: The default graph's name in the written graphs of an update (demoi.server.auth.DEFAULT).
DEFAULT = "DEFAULT"
#: The main table of a source (demoi.lifting.sources.MAIN_TABLE; not imported: see lifting).
MAIN_TABLE = "source"
PRIVACY_SPEC = "https://www.kodiko.gr/nomothesia/document/651064/nomos-4727-2020#60"
PRIV = STANDARDS_BASE + "def/privacy#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
OVERRIDE = ox.NamedNode(PRIV + "PersonalDataOverride")
OVERRIDES = ox.NamedNode(PRIV + "overrides")
#: The predicates of an override's record (besides its type).
RECORD_PREDICATES = frozenset(
    {
        OVERRIDES,
        RDFS_COMMENT,
        ox.NamedNode(PROV + "wasAssociatedWith"),
        ox.NamedNode(PROV + "startedAtTime"),
        ox.NamedNode(PROV + "endedAtTime"),
    }
)
#: How many findings an error message lists; the JSON details and the scan command list all.
LISTED = 20


class PersonalDataFound(DataError):
    """Personal data that no policy treats: the write is refused and nothing is changed."""

    code = "personal-data"

    def __init__(self, what: str, findings: Sequence[Finding], *, language: str = "el"):
        self.findings = list(findings)
        lines = [finding.line(language) for finding in self.findings[:LISTED]]
        more = len(self.findings) - len(lines)
        text = REFUSAL[language if language in REFUSAL else "en"]
        if more:
            lines.append(text["more"].format(more=more))
        lead = text["lead"].format(
            what=what, count=len(self.findings), counts=counts_text(self.findings)
        )
        super().__init__(lead + "\n  " + "\n  ".join(lines), spec=PRIVACY_SPEC)

    def details(self) -> list[dict[str, object]]:
        return [finding.as_json() for finding in self.findings]


REFUSAL = {
    "el": {
        "lead": "{what}: {count} προσωπικά αναγνωριστικά που καμία πολιτική προσωπικών δεδομένων "
        "δεν χειρίζεται ({counts}); δεν δημοσιεύθηκε τίποτα. Χειριστείτε τα στην πολιτική "
        "προσωπικών δεδομένων της αντιστοίχισης (docs/privacy.md) ή αφαιρέστε τα από τα "
        "δεδομένα:",
        "more": "… και {more} ακόμη (τα δείχνει όλα το demoi privacy scan)",
    },
    "en": {
        "lead": "{what}: {count} personal identifier(s) that no privacy policy treats "
        "({counts}); nothing was published. Treat them in the mapping's privacy policy "
        "(docs/privacy.md), or remove them from the data:",
        "more": "… {more} more (demoi privacy scan lists them all)",
    },
}


def counts_text(findings: Iterable[Finding]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts(findings).items())


# ---------------------------------------------------------------------------------------------
# Lifting: the policy, then the scan


@dataclass(frozen=True)
class Treated:
    """What the guard did to a lift, for its catalogue record and provenance. Plain values only:
    a lift may be sent between processes (the demo lifts in parallel)."""

    #: The policy's statement of the anonymisation applied, {"el": …, "en": …}.
    policy_statement: dict[str, str]
    #: Whether the source held personal data (declared by its reader or treated by the policy).
    personal: bool
    #: The operator's override that let findings through, if any.
    override: Override | None = None
    #: Identities the policy declares not personal, for the scan of the lifted RDF.
    excused: frozenset[tuple[Kind, str]] = frozenset()
    #: SHA-256 of the policy file applied ("" for none), for the provenance record.
    policy_sha256: str = ""

    def statement(self) -> dict[str, str]:
        if self.override is None:
            return dict(self.policy_statement)
        reason = self.override.reason
        el, en = self.policy_statement["el"], self.policy_statement["en"]
        return {
            "el": f"{el} Παράκαμψη του ελέγχου από διαχειριστή: {reason}",
            "en": f"{en} The guard was overridden by an operator: {reason}",
        }


@dataclass(frozen=True)
class GuardOptions:
    """How a lift is guarded: the policy (None: the one beside the mapping, or none), the
    pseudonymisation key and k from the settings, and the operator's override of its graph."""

    policy: Policy | None = None
    secret: str = ""
    k: int = 5
    override: Override | None = None
    language: str = "el"


def policy_of(mapping: Mapping, options: GuardOptions) -> Policy:
    own = read_policy(mapping.privacy) if mapping.privacy is not None else EMPTY_POLICY
    if options.policy is None:
        return own
    declared = [rule for rule in options.policy.rules if rule.treatment == NOT_PERSONAL]
    if declared:
        # Found in review: an operator's own policy declaring a column not personal published
        # what the guard found there, with no record: a way around the guard.
        rule = declared[0]
        raise UsageError(
            f"{options.policy.file}: {rule.table}.{rule.column} is declared not-personal; only "
            "the mapping's own policy, reviewed with the standards, may declare look-alikes. To "
            "publish what the guard finds, an operator overrides it for the dataset on the "
            "record: demoi privacy allow GRAPH --reason TEXT"
        )
    # The mapping's own look-alike declarations stay (found in re-review: without the units'
    # uids, the documented pseudonymising policy was refused on real Diavgeia data).
    treated = {(rule.table, rule.column) for rule in options.policy.rules}
    kept = tuple(
        rule
        for rule in own.rules
        if rule.treatment == NOT_PERSONAL and (rule.table, rule.column) not in treated
    )
    return dataclasses.replace(options.policy, rules=options.policy.rules + kept)


def guard_tables(
    data: SourceData, mapping: Mapping, *, source: str, options: GuardOptions
) -> tuple[SourceData, Treated]:
    """Apply the policy to the source's tables, then refuse what is still personal."""
    policy = policy_of(mapping, options)
    _check_statement(policy, options.k)
    tables = policy.apply(data.tables, secret=options.secret, k=options.k)
    headers = {column.name: column.headers for column in mapping.columns}
    findings = scan_tables(
        tables, source=source, not_personal=policy.not_personal(), headers=headers
    )
    findings += _untreated_personal_columns(data, policy, source, findings)
    personal = bool(data.personal) or bool(treated_columns(policy))
    refuse_findings(source, findings, options.override, language=options.language)
    excused = excused_identities(tables, policy.not_personal())
    treated = Treated(
        policy.statement(k=options.k), personal, options.override, excused, policy.digest
    )
    return dataclasses.replace(data, tables=tables), treated


def _check_statement(policy: Policy, k: int) -> None:
    """The policy's reasons are published in the catalogue: none may name a person."""
    for language, text in policy.statement(k=k).items():
        if candidates(text):
            raise UsageError(
                f"{policy.file}: a reason ({language}) holds a personal identifier, and the "
                "reasons are published in the catalogue; say why without naming anyone"
            )


def guard_lifted_rdf(ntriples: bytes, source: str, options: GuardOptions, treated: Treated) -> None:
    """The RDF a mapping made, scanned again: a mapping could join cells into an identifier."""
    try:
        findings = scan_rdf_bytes(
            ntriples,
            ox.RdfFormat.N_TRIPLES,
            file=f"{source} (lifted RDF)",
            excused=treated.excused,
        )
    except DataError:
        # RDF that does not parse is never published: validation refuses it next, naming the
        # source value that made it (an IRI with a space).
        return
    refuse_findings(f"{source} (lifted RDF)", findings, options.override, language=options.language)


def _untreated_personal_columns(
    data: SourceData,
    policy: Policy,
    source: str,
    found: Sequence[Finding],
) -> list[Finding]:
    """Every non-empty cell of a column its reader declares personal that the policy leaves as
    it is, whether or not the scanner recognises it (a mistyped ΑΦΜ is still a person's)."""
    treated = treated_columns(policy)
    # A source of one table names no table in its findings (scan.Where).
    seen = {(f.where.table or MAIN_TABLE, f.where.row, f.where.column) for f in found}
    findings = []
    for (table_name, column), kind_name in sorted(data.personal.items()):
        table = data.tables.get(table_name)
        if table is None or column not in table.columns or (table_name, column) in treated:
            continue
        position = table.columns.index(column)
        kind = Kind(kind_name)
        for index, row in enumerate(table.rows):
            cell = row[position]
            number = table.lines[index] if index < len(table.lines) else index + 1
            if cell and (table_name, number, column) not in seen:
                where = Where(file=source, table=table_name, row=number, column=column)
                findings.append(Finding(kind, where, mask(kind, cell)))
    return findings


def treated_columns(policy: Policy) -> set[tuple[str, str]]:
    """The (table, column) pairs the policy changes: every rule but a not-personal one."""
    return {(rule.table, rule.column) for rule in policy.rules if rule.treatment != NOT_PERSONAL}


# ---------------------------------------------------------------------------------------------
# RDF: load, the Graph Store, SPARQL Update, and the lifted graph itself


def refuse_findings(
    what: str, findings: Sequence[Finding], override: Override | None, *, language: str = "el"
) -> None:
    if findings and override is None:
        raise PersonalDataFound(what, findings, language=language)


# ---------------------------------------------------------------------------------------------
# Overrides: an operator's explicit, recorded decision for one dataset's graph


@dataclass(frozen=True)
class Override:
    graph: str
    reason: str
    by: str
    at: str
    iri: str = ""


def allow(store: Store, base: str, graph: str, *, reason: str, by: str | None = None) -> Override:
    """Record that the operator lets personal data into ``graph``; replaces an earlier one."""
    reason = " ".join(reason.split())
    if len(reason) < 10:
        raise UsageError(
            "--reason must say why this dataset may hold personal data (at least 10 characters): "
            "it is recorded and shown with the dataset's provenance"
        )
    if is_reserved(graph):
        raise UsageError(f"{graph} is kept by demoi itself; nothing may be written there")
    if candidates(reason):
        # The reason is published with the provenance and the catalogue record.
        raise UsageError("--reason holds a personal identifier; say why without naming anyone")
    who = by or _operator()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    node = ox.NamedNode(f"{minted_prefix(base)}privacy-override/{uuid.uuid4()}")
    prov = ox.NamedNode(provenance_graph(base))
    target = ox.NamedNode(graph)
    statements = [
        (node, RDF_TYPE, OVERRIDE),
        (node, RDF_TYPE, ox.NamedNode(PROV + "Activity")),
        (node, OVERRIDES, target),
        (node, RDFS_LABEL, ox.Literal(f"demoi privacy allow {graph}")),
        (node, RDFS_COMMENT, ox.Literal(reason)),
        (node, ox.NamedNode(PROV + "wasAssociatedWith"), ox.Literal(who)),
        (node, ox.NamedNode(PROV + "startedAtTime"), ox.Literal(now, datatype=XSD_DATETIME)),
    ]
    inserted = " ".join(f"{s} {p} {o} ." for s, p, o in statements)
    store.update(
        _withdrawn(base, graph, who, now) + f" ; INSERT DATA {{ GRAPH {prov} {{ {inserted} }} }}"
    )
    return Override(graph, reason, who, now, node.value)


def revoke(store: Store, base: str, graph: str, *, by: str | None = None) -> bool:
    """Withdraw the override of ``graph``; False when there was none."""
    if graph not in overrides(store, base):
        return False
    who = by or _operator()
    store.update(_withdrawn(base, graph, who, datetime.now(UTC).isoformat(timespec="seconds")))
    return True


def _withdrawn(base: str, graph: str, who: str, now: str) -> str:
    """The update that ends the override of ``graph``: its record stays, as an ended activity."""
    prov = ox.NamedNode(provenance_graph(base))
    target = ox.NamedNode(graph)
    ended = ox.NamedNode(PROV + "endedAtTime")
    by = ox.NamedNode(PRIV + "revokedBy")
    return (
        f"INSERT {{ GRAPH {prov} {{ ?override {ended} {ox.Literal(now, datatype=XSD_DATETIME)} ; "
        f"{by} {ox.Literal(who)} }} }} WHERE {{ GRAPH {prov} {{ ?override a {OVERRIDE} ; "
        f"{OVERRIDES} {target} FILTER NOT EXISTS {{ ?override {ended} ?end }} }} }}"
    )


def overrides(store: Store, base: str) -> dict[str, Override]:
    """The overrides in force, by graph."""
    found = {}
    for override, graph, reason, by, at in store.query(overrides_query(base)).rows:
        if isinstance(override, ox.NamedNode) and isinstance(graph, ox.NamedNode):
            found[graph.value] = Override(
                graph.value, _text(reason), _text(by), _text(at), override.value
            )
    return found


def overrides_query(base: str, *, ended_too: bool = False) -> str:
    """The whole records of overrides in this base's provenance graph: in force, or ever."""
    prov = ox.NamedNode(provenance_graph(base))
    in_force = "" if ended_too else f"FILTER NOT EXISTS {{ ?override <{PROV}endedAtTime> ?end }}"
    return f"""
        SELECT ?override ?graph ?reason ?by ?at WHERE {{ GRAPH {prov} {{
          ?override a {OVERRIDE} ; {OVERRIDES} ?graph ; {RDFS_COMMENT} ?reason ;
            <{PROV}wasAssociatedWith> ?by ; <{PROV}startedAtTime> ?at .
          {in_force}
        }} }}"""


def _text(term: object) -> str:
    return term.value if isinstance(term, ox.Literal) else ""


def override_for(store: Store | None, base: str, graph: str) -> Override | None:
    if store is None:
        return None
    return overrides(store, base).get(graph)


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # No login name (a container without a passwd entry): the record still says when.
        return "unknown operator"


# ---------------------------------------------------------------------------------------------
# Writes over HTTP: the Graph Store and SPARQL Update


def guard_graph_write(
    store: Store,
    base: str,
    graph: str | None,
    triples: Iterable[ox.Triple],
    *,
    merge: bool,
    language: str = "el",
) -> None:
    """Refuse a Graph Store body with personal data. A merge (POST) is scanned with what the
    graph already holds, so an entity described there keeps its identifiers legal."""
    name: ox.NamedNode | ox.DefaultGraph = (
        ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    )
    quads = [ox.Quad(t.subject, t.predicate, t.object, name) for t in triples]
    override = override_for(store, base, graph) if graph is not None else None
    context = StoreContext(store, exclude=graph)
    if merge and graph is not None:
        # What the graph holds is context, but only what the body adds counts (what an
        # override let in before must not stop a clean POST).
        held = list(store.quads(graph))
        findings = _new_findings(scan_quads(quads + held, context=context), held, context)
    else:
        findings = scan_quads(quads, context=context)
    refuse_findings("the request body", findings, override, language=language)


def _new_findings(
    findings: list[Finding], held: list[ox.Quad], context: StoreContext
) -> list[Finding]:
    known = set(scan_quads(held, context=context))
    return [finding for finding in findings if finding not in known]


def guard_update_constants(
    update: str,
    base_iri: str | None,
    language: str = "el",
    allowed: dict[str, Override] | None = None,
    store: Store | None = None,
) -> None:
    """Refuse an update whose own text writes personal data, before it touches the store: it
    runs first on an empty in-memory store, where INSERT DATA and templates filled from
    constants make exactly the triples they would make in the store. (What an update computes
    from the store's data is checked after it runs: ``guard_written_graphs``.)"""
    scratch = ox.Store()
    try:
        scratch.update(update, base_iri=base_iri)
    except (SyntaxError, ValueError, OSError, RuntimeError):
        # The store itself then refuses the update (with the position of its fault), or the
        # update needs graphs the empty store lacks (DROP GRAPH <g>): it writes nothing there.
        return
    by_graph: dict[str, list[ox.Quad]] = {}
    for quad in scratch:
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else DEFAULT
        by_graph.setdefault(name, []).append(quad)
    context = StoreContext(store) if store is not None else None
    findings: list[Finding] = []
    for graph, quads in by_graph.items():
        # Compared unmasked (found in re-review: two graphs whose IRIs mask alike were one).
        if graph not in (allowed or {}):
            findings += scan_quads(quads, context=context)
    refuse_findings("the update", findings, None, language=language)


def guard_written_graphs(
    store: Store,
    base: str,
    written: dict[str, tuple[set[ox.Quad], set[ox.Quad]]],
    language: str = "el",
) -> None:
    """Refuse what an update added to the graphs it wrote (graph -> its quads before and
    after); the caller takes the update back. Only what it added counts: found in re-review, a
    graph holding what an override let in could not even have a triple deleted."""
    allowed = overrides(store, base)
    context = StoreContext(store, exclude=[graph for graph in written if graph != DEFAULT])
    findings: list[Finding] = []
    for graph, (old, new) in written.items():
        if graph in allowed or not new - old:
            continue
        # The graph's earlier content is context; only the findings it did not have count.
        findings += _new_findings(scan_quads(new, context=context), list(old), context)
    refuse_findings("the update", findings, None, language=language)


# ---------------------------------------------------------------------------------------------
# Restoring a dump


def guard_dump(path: Path, base: str, *, language: str = "el") -> None:
    """Refuse a dump (N-Quads) that holds personal data outside the graphs this base's
    provenance graph, in the dump, records a whole override of (in force or since revoked: what
    was published under one is restored as it was). Read twice, streaming: dumps are whole
    stores."""
    overridden = _overridden_in_dump(path, base)
    quads = (
        quad
        for quad in _dump_quads(path)
        if not (isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value in overridden)
    )
    refuse_findings(str(path), scan_quads(quads, file=str(path)), None, language=language)


def _overridden_in_dump(path: Path, base: str) -> set[str]:
    """Found in re-review: any graph named …/graph/provenance and half a record were enough."""
    provenance = provenance_graph(base)
    records = ox.Store()
    records.extend(
        quad
        for quad in _dump_quads(path)
        if isinstance(quad.graph_name, ox.NamedNode)
        and quad.graph_name.value == provenance
        and (quad.predicate in RECORD_PREDICATES or quad.object == OVERRIDE)
    )
    solutions = records.query(overrides_query(base, ended_too=True))
    assert isinstance(solutions, ox.QuerySolutions)
    return {row["graph"].value for row in solutions}


def _dump_quads(path: Path) -> Iterator[ox.Quad]:
    from demoi.store.oxigraph import rdf_syntax_error

    try:
        yield from ox.parse(path=path, format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, str(path), ox.RdfFormat.N_QUADS) from None
