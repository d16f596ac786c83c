"""SPARQL Update text built from pyoxigraph terms (``str()`` of a term is its N-Triples form)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """An INSERT DATA operation for ``quads``, or "" when there are none."""
    lines = [
        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"
        if isinstance(q.graph_name, ox.NamedNode)
        else f"{q.subject} {q.predicate} {q.object} ."
        for q in quads
    ]
    return "INSERT DATA {\n" + "\n".join(lines) + "\n}" if lines else ""


def join_operations(*operations: str) -> str:
    """One update request of several operations (Oxigraph runs it as one transaction)."""
    return " ;\n".join(operation for operation in operations if operation)


@dataclass(frozen=True)
class Change:
    """A bookkeeping update (a provenance record, a catalogue record) as what it deletes, graph
    patterns each removed by ``DELETE WHERE``, and the quads it inserts.

    Kept apart rather than as SPARQL text so that a store can, when none of the patterns
    matches (a dataset's first publication), add the quads in the same transaction as the data
    itself without going through a SPARQL update, which costs Oxigraph twice the time and memory
    of adding the quads (benchmarks/README.md).
    """

    removed: tuple[str, ...] = ()
    added: tuple[ox.Quad, ...] = ()

    def __add__(self, other: Change) -> Change:
        return Change(self.removed + other.removed, self.added + other.added)

    def sparql(self) -> str:
        """The update as SPARQL: every ``DELETE WHERE``, then one ``INSERT DATA``."""
        deletes = (f"DELETE WHERE {{ {pattern} }}" for pattern in self.removed)
        return join_operations(*deletes, insert_data(self.added))
