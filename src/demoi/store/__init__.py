"""Stores: the interface and its backends."""

from __future__ import annotations

from pathlib import Path

from demoi.settings import DEFAULT_MAX_CONCURRENT_QUERIES
from demoi.store.base import Dataset, GraphInfo, QueryResult, Store
from demoi.store.oxigraph import DEFAULT_QUERY_WORKERS, OxigraphStore
from demoi.store.workers import WorkerAnswer

__all__ = [
    "Dataset",
    "GraphInfo",
    "OxigraphStore",
    "QueryResult",
    "Store",
    "WorkerAnswer",
    "open_store",
]


def open_store(
    path: Path,
    *,
    backend: str = "oxigraph",
    create: bool = True,
    max_concurrent_queries: int = DEFAULT_MAX_CONCURRENT_QUERIES,
    query_workers: int = DEFAULT_QUERY_WORKERS,
    serve_from_memory: bool = False,
) -> Store:
    """Open the store at ``path``; ``create=False`` refuses to create an empty one (for reads).
    ``query_workers`` processes answer ``query_in_worker`` (started on first use)."""
    if backend == "oxigraph":
        return OxigraphStore(
            path,
            create=create,
            max_concurrent_queries=max_concurrent_queries,
            query_workers=query_workers,
            serve_from_memory=serve_from_memory,
        )
    raise ValueError(f"unknown store backend {backend!r}")
