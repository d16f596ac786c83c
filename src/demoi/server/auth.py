"""Who may write: bearer tokens on SPARQL updates, the graphs an update writes, the audit log.

Which graphs an update writes is read with rdflib's SPARQL 1.1 update parser (the grammar's own
operations and graph IRIs), not with patterns over the text, so prefixed names, comments and
strings cannot hide a graph.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pyoxigraph as ox
from flask import Request
from pyparsing import ParseException
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef

from demoi import tokens
from demoi.catalogue import RESERVED_DATASETS, record_removed
from demoi.errors import DemoiError, QuerySyntaxError, UsageError
from demoi.iris import is_reserved
from demoi.privacy import gate
from demoi.query_guard import tokens as query_tokens
from demoi.server.errors import Forbidden
from demoi.store import Store
from demoi.store.sparql_text import join_operations

UPDATE_SPEC = "https://www.w3.org/TR/sparql11-protocol/#update-operation"
DEFAULT = "DEFAULT"
#: Stands for graphs an update writes that cannot be named before it runs (DROP ALL, GRAPH ?g).
UNBOUNDED = "*"
T = TypeVar("T")
#: Relative IRIs times bases that check_resolution compares (each a parse, a few µs).
MAX_RESOLUTIONS = 100_000
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# Writes are serialised so that the before/after snapshots of the audit log see one update only.
_writes = threading.Lock()


class Unauthorized(DemoiError):
    code = "unauthorized"


def bearer_token(request: Request, tokens_path: Path, action: str = "an update") -> tokens.Token:
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise Unauthorized(f"{action} needs a write token: Authorization: Bearer <token>")
    token = tokens.verify(tokens_path, secret.strip())
    if token is None:
        raise Unauthorized("the token is unknown or revoked")
    return token


def parse_update(update: str, base_iri: str | None = None) -> list[Any]:
    """The operations of ``update`` (rdflib's algebra), relative IRIs resolved on ``base_iri``."""
    try:
        # Oxigraph ends a comment at a carriage return, rdflib only at a line feed: unless
        # rdflib sees line feeds, "# …\r INSERT …" is a comment to it and an operation to the
        # store. Same length, so columns in its messages stay right.
        parsed = parseUpdate(update.replace("\r\n", " \n").replace("\r", "\n"))
        if base_iri and parsed.request:
            # rdflib sets a base passed to it on every operation, dropping the BASE an earlier
            # operation declared, which Oxigraph keeps for the operations after it. Declared
            # ahead of the first operation's own, the endpoint's base carries over as theirs do.
            parsed.prologue[0].insert(0, CompValue("Base", iri=URIRef(base_iri)))
        return list(translateUpdate(parsed).algebra)
    except ParseException as error:
        raise QuerySyntaxError(
            f"line {error.lineno}, column {error.col}: {error.msg}", spec=UPDATE_SPEC
        ) from None
    except RecursionError:
        # rdflib's parser recurses a few dozen Python frames a bracket, so it gives up long
        # before the query guard's MAX_NESTING; Oxigraph would run it, but the graphs it
        # writes could not be read.
        raise QuerySyntaxError(
            "the update is nested too deep for demoi to read which graphs it writes; "
            "write it with fewer nested brackets or groups",
            spec=UPDATE_SPEC,
        ) from None


def written_graphs(update: str, base_iri: str | None = None) -> set[str]:
    """The graphs ``update`` may write: IRIs, ``DEFAULT``, or ``UNBOUNDED``.

    ``base_iri`` must be the one the store resolves the update's relative IRIs on, or a
    relative ``GRAPH <x>`` would be checked as one graph and written as another."""
    check_resolution(update, base_iri)
    operations = parse_update(update, base_iri)
    graphs: set[str] = set()
    for operation in operations:
        graphs |= _graphs_of(operation.name, operation)
    return graphs


def check_resolution(update: str, base_iri: str | None) -> None:
    """Refuse a relative IRI that rdflib and Oxigraph resolve to different IRIs.

    rdflib resolves with urllib's urljoin, which drops empty path segments and reads ``;``
    parameters; Oxigraph follows RFC 3986. ``<graph/7101//../4401/x>`` would be checked as
    graph/4401/x and written into graph/7101/4401/x. Oxigraph's own resolution is the oracle
    (through its Turtle parser, whose IRI rules are SPARQL's); both readings of ``\\u``
    escapes are checked, as the outbound guard does."""
    for reading in {update, _CODEPOINT.sub(_codepoint, update)}:
        stream = list(query_tokens(reading))
        # Each BASE is resolved on the one before (Oxigraph); rdflib takes it as written.
        current = base_iri or ""
        bases = {current} if current else set()
        for index, token in enumerate(stream):
            if token.kind == "word" and token.text.upper() == "BASE" and index + 1 < len(stream):
                declared = stream[index + 1]
                if declared.kind == "iri":
                    current = _resolved(current, declared.text[1:-1]) or declared.text[1:-1]
                    bases |= {current, declared.text[1:-1]}
        relative = {
            token.text[1:-1]
            for token in stream
            if token.kind == "iri" and not urlsplit(token.text[1:-1]).scheme
        }
        if len(relative) * len(bases) > MAX_RESOLUTIONS:
            raise UsageError(
                f"the update has {len(relative)} relative IRIs and {len(bases)} bases; demoi "
                f"checks at most {MAX_RESOLUTIONS} resolutions: write the IRIs in full",
                spec=UPDATE_SPEC,
            )
        for iri in relative:
            for base in bases:
                resolved = _resolved(base, iri)
                if resolved is not None and resolved != str(URIRef(iri, base=base)):
                    raise UsageError(
                        f"the relative IRI <{iri}> is ambiguous (empty path segments or "
                        "parameters resolve differently from one reader to another); write "
                        "the IRI in full",
                        spec=UPDATE_SPEC,
                    )


def _codepoint(match: re.Match[str]) -> str:
    return chr(int(match.group(1) or match.group(2), 16))


def _resolved(base: str, iri: str) -> str | None:
    """``iri`` resolved on ``base`` as Oxigraph resolves it; None when it cannot."""
    try:
        quads = ox.parse(
            f"<{iri}> <{base}> <{base}> .".encode(), ox.RdfFormat.TURTLE, base_iri=base
        )
        subject = next(iter(quads)).subject
    except (SyntaxError, ValueError, StopIteration):
        return None
    return subject.value if isinstance(subject, ox.NamedNode) else None


def _graphs_of(name: str, operation: Any) -> set[str]:
    if name in ("InsertData", "DeleteData", "DeleteWhere"):
        return _quad_graphs(operation, None)
    if name == "Modify":
        with_graph = _field(operation, "withClause")
        graphs: set[str] = set()
        for clause in (_field(operation, "delete"), _field(operation, "insert")):
            if clause is not None:
                graphs |= _quad_graphs(clause, with_graph)
        return graphs
    if name in ("Load", "Clear", "Drop", "Create"):
        return {_graph_name(_field(operation, "graphiri"))}
    if name in ("Add", "Copy"):
        return {_graph_name(operation["graph"][1])}
    if name == "Move":  # the source is emptied as well
        return {_graph_name(graph) for graph in operation["graph"]}
    return {UNBOUNDED}  # an operation this code does not know: assume the worst


def _field(component: Any, name: str) -> Any:
    # rdflib's CompValue.get returns the key itself for a missing field, not None.
    return component[name] if name in component else None


def _quad_graphs(clause: Any, with_graph: URIRef | None) -> set[str]:
    graphs = {_graph_name(graph) for graph in _field(clause, "quads") or {}}
    if _field(clause, "triples"):
        graphs.add(_graph_name(with_graph))
    return graphs


def _graph_name(graph: object) -> str:
    if graph is None or graph == "DEFAULT":
        return DEFAULT
    if isinstance(graph, URIRef) and urlsplit(graph).scheme:
        return str(graph)
    return UNBOUNDED  # ALL, NAMED, a variable


def check_scope(token: tokens.Token, graphs: Iterable[str], base: str) -> None:
    graphs = sorted(graphs)
    for graph in graphs:
        if is_reserved(graph):
            # Found in review: an admin token could forge the conformance reports and the
            # provenance by a SPARQL update (the Graph Store already refused it). They record
            # what demoi did; nobody writes them by hand.
            raise Forbidden(f"<{graph}> is kept by demoi itself (provenance or conformance)")
        if re.search(r"/graph/[0-9]{4}/catalogue$", graph):
            # Found in review: an admin token replaced a municipality's catalogue graph, and
            # its records and terms were gone. Records follow the publications (demoi lift);
            # terms and contact points are the operator's (demoi catalog terms|contact).
            raise Forbidden(
                f"<{graph}> is kept by demoi from the publications; publish with demoi lift"
            )
    if token.is_admin:
        return
    prefix = f"{base}graph/{token.scope}/"
    for graph in graphs:
        if graph == UNBOUNDED:
            raise Forbidden(
                f"token {token.id} writes only graphs of municipality {token.scope}; this update "
                "writes graphs it does not name (ALL, NAMED, or a variable)"
            )
        if graph == DEFAULT:
            raise Forbidden(
                f"token {token.id} writes only graphs of municipality {token.scope}; this update "
                "writes the default graph (name a graph with GRAPH <iri> or WITH <iri>)"
            )
        if not graph.startswith(prefix) or is_reserved(graph):
            raise Forbidden(f"token {token.id} writes only graphs under {prefix}, not <{graph}>")
        if graph.removeprefix(prefix).split("/")[0] in RESERVED_DATASETS:
            # The catalogue records follow the publications (demoi lift); written by hand
            # they would describe data that is not there.
            raise Forbidden(
                f"<{graph}> is kept by demoi from the publications; publish with demoi lift"
            )


def run_update(
    store: Store,
    update: str,
    token: tokens.Token,
    graphs: set[str],
    *,
    tokens_path: Path,
    allowed_hosts: tuple[str, ...],
    base_iri: str | None = None,
    base: str = "",
    language: str = "el",
) -> dict[str, dict[str, int]]:
    """Run the update and log it; return triples added and removed per graph. ``base_iri``
    must be the one ``graphs`` were read with (written_graphs).

    The personal-data guard refuses an update that writes personal data (demoi.privacy.gate):
    what its own text writes before it runs; what it computes from the store's data after, in
    which case the graphs it wrote are put back as they were, under the same lock."""
    allowed = gate.overrides(store, base)
    gate.guard_update_constants(update, base_iri, language, allowed, store)
    with _writes:
        unbounded = UNBOUNDED in graphs
        if unbounded:
            # An admin's ALL, NAMED or GRAPH ?g: every graph is kept, so that what the update
            # did to demoi's own graphs or with personal data can be taken back.
            graphs = _every_graph(store)
        before = _snapshot(store, graphs)
        store.update(update, allowed_hosts=allowed_hosts, base_iri=base_iri)
        # GRAPH ?g may also make graphs that did not exist (BIND(IRI(…) AS ?g)).
        after = _snapshot(store, graphs | _every_graph(store, limit=None) if unbounded else graphs)
        written = {
            graph: (_quads(before.get(graph)), quads)
            for graph, quads in after.items()
            if isinstance(quads, set) and quads != before.get(graph, set())
        }
        refusal = _refusal(store, base, written, language)
        if refusal is not None:
            _take_back(store, written)
            tokens.append_audit(
                tokens_path,
                {
                    "token": token.id,
                    "scope": token.scope,
                    "refused": refusal.code,
                    "graphs": sorted(written),
                },  # fmt: skip
            )
            raise refusal
        _forget_emptied(store, written)
        changes = _changes(before, after)
        if unbounded:  # every graph was kept; the log names those that changed
            changes = {graph: n for graph, n in changes.items() if n["added"] or n["removed"]}
        entry: dict[str, object] = {"token": token.id, "scope": token.scope, "graphs": changes}
        overridden = sorted(allowed[graph].iri for graph in written if graph in allowed)
        if overridden:
            # A write the personal-data guard let through on an operator's override names it.
            entry["overrides"] = overridden
        tokens.append_audit(tokens_path, entry)
    return changes


def _forget_emptied(store: Store, written: dict[str, tuple[set[ox.Quad], set[ox.Quad]]]) -> None:
    """A graph an update emptied (DROP, CLEAR, DELETE of everything) is no longer published:
    its catalogue record goes too, as with demoi drop and a Graph Store DELETE, so that the
    catalogue, the inventory and the conformance matrix do not list it (found in review)."""
    emptied = [graph for graph, (_, quads) in written.items() if not quads]
    removals = join_operations(*(record_removed(graph) for graph in sorted(emptied)))
    if removals:
        store.update(removals)


def _quads(snapshot: set[ox.Quad] | int | None) -> set[ox.Quad]:
    return snapshot if isinstance(snapshot, set) else set()


def _refusal(
    store: Store,
    base: str,
    written: dict[str, tuple[set[ox.Quad], set[ox.Quad]]],
    language: str,
) -> DemoiError | None:
    """Why the update must be taken back, if it must: it touched demoi's own graphs (found in
    review: GRAPH ?g forged an override of the personal-data guard, DROP ALL erased the
    records), or it computed personal data from the store's."""
    touched = sorted(graph for graph in written if is_reserved(graph))
    if touched:
        return Forbidden(f"<{touched[0]}> is kept by demoi itself (provenance or conformance)")
    try:
        gate.guard_written_graphs(store, base, written, language)
    except gate.PersonalDataFound as found:
        return found
    return None


def _take_back(store: Store, written: dict[str, tuple[set[ox.Quad], set[ox.Quad]]]) -> None:
    added = [quad for old, new in written.values() for quad in new - old]
    removed = [quad for old, new in written.values() for quad in old - new]
    store.revert(added, removed)


def audited_write(
    store: Store,
    write: Callable[[], T],
    token: tokens.Token,
    graphs: set[str],
    *,
    tokens_path: Path,
    operation: str,
) -> tuple[T, dict[str, dict[str, int]]]:
    """Run ``write`` (a Graph Store write) and log it like an update; return its result and
    the triples added and removed per graph."""
    with _writes:
        before = _snapshot(store, graphs)
        result = write()
        changes = _changes(before, _snapshot(store, graphs))
        tokens.append_audit(
            tokens_path,
            {"token": token.id, "scope": token.scope, "operation": operation, "graphs": changes},
        )
    return result, changes


#: Most quads an update that does not name its graphs may find in the store: each is kept in
#: memory to put back what the update must not do (an admin's DROP ALL on a test store).
MAX_UNBOUNDED_QUADS = 200_000


def _every_graph(store: Store, *, limit: int | None = MAX_UNBOUNDED_QUADS) -> set[str]:
    infos = store.graphs()
    if limit is not None and sum(info.triples for info in infos) > limit:
        raise Forbidden(
            f"this update writes graphs it does not name (ALL, NAMED, or a variable) in a store "
            f"of more than {limit:,} triples; name each graph it writes (GRAPH <iri>, "
            "DROP GRAPH <iri>)"
        )
    return {info.iri for info in infos} | {DEFAULT}


def _snapshot(store: Store, graphs: set[str]) -> dict[str, set[ox.Quad] | int]:
    """The quads of each graph the update writes, the default graph's too, so that the log has
    exact counts and a refused update can be put back. (Updates writing graphs they do not
    name are refused before they run: check_scope.)"""
    snapshot: dict[str, set[ox.Quad] | int] = {
        graph: set(store.quads(graph)) for graph in graphs if graph != DEFAULT
    }
    if DEFAULT in graphs:
        snapshot[DEFAULT] = {
            quad for quad in store.quads() if isinstance(quad.graph_name, ox.DefaultGraph)
        }
    return snapshot


def _changes(
    before: dict[str, set[ox.Quad] | int], after: dict[str, set[ox.Quad] | int]
) -> dict[str, dict[str, int]]:
    changes: dict[str, dict[str, int]] = {}
    for graph in sorted(before.keys() | after.keys()):
        old, new = before.get(graph, 0), after.get(graph, 0)
        if isinstance(old, set) and isinstance(new, set):
            added, removed = len(new - old), len(old - new)
        else:
            delta = _size(new) - _size(old)
            added, removed = max(delta, 0), max(-delta, 0)
        if added or removed or graph in before and isinstance(old, set):
            changes[graph] = {"added": added, "removed": removed}
    return changes


def _size(value: set[ox.Quad] | int) -> int:
    return len(value) if isinstance(value, set) else value
