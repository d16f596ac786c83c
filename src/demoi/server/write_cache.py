"""Answers kept until the next write to the store.

The home page, the inventory, the catalogue and the HVD report aggregate the whole store: up to
a second each over thousands of graphs, for pages everyone opens. A store that counts its writes
(``version``) lets them be computed once per write: the server process alone opens the store, so
nothing changes it behind the count. A store without a count is asked every time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import current_app

from demoi.server import app_store

T = TypeVar("T")


def until_next_write(name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for ``key`` since the store's last write. ``name`` keeps
    one page's answers apart from another's; ``key`` tells apart the answers of one page
    (a municipality, a language, a setting)."""
    store = app_store(current_app)
    version = getattr(store, "version", None)
    if version is None:
        return compute()
    stamp = (id(store), version)
    held: tuple[object, dict[Hashable, T]] | None = current_app.extensions.get(name)
    if held is None or held[0] != stamp:
        held = (stamp, {})
        current_app.extensions[name] = held
    answers = held[1]
    if key not in answers:
        answers[key] = compute()
    return answers[key]
