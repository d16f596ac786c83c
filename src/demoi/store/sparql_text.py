"""SPARQL Update text built from pyoxigraph terms (``str()`` of a term is its N-Triples form)."""

from __future__ import annotations

from collections.abc import Iterable

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
