"""Stores: the interface and its backends."""

from __future__ import annotations

from pathlib import Path

from demoi.settings import DEFAULT_MAX_CONCURRENT_QUERIES
from demoi.store.base import Dataset, GraphInfo, QueryResult, Store
from demoi.store.oxigraph import OxigraphStore

__all__ = ["Dataset", "GraphInfo", "OxigraphStore", "QueryResult", "Store", "open_store"]


def open_store(
    path: Path,
    *,
    backend: str = "oxigraph",
    create: bool = True,
    max_concurrent_queries: int = DEFAULT_MAX_CONCURRENT_QUERIES,
) -> Store:
    """Open the store at ``path``; ``create=False`` refuses to create an empty one (for reads)."""
    if backend == "oxigraph":
        return OxigraphStore(path, create=create, max_concurrent_queries=max_concurrent_queries)
    raise ValueError(f"unknown store backend {backend!r}")
