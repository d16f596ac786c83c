"""Computing and publishing the catalogue's indicators, for ``demoi indicators compute`` and
the demo: approved indicators are computed and published; the cubes of drafts and withdrawn
indicators are removed (a draft is never stored)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from demoi.indicators import cube
from demoi.indicators.compute import compute, read_inputs
from demoi.indicators.definitions import Definition
from demoi.indicators.results import merged_with_published
from demoi.store import Store


def publish_indicators(
    store: Store,
    base: str,
    definitions: Iterable[Definition],
    *,
    year: str | None = None,
    complete: bool = False,
) -> Iterator[str]:
    """Publish each approved indicator (one line each); remove the cube of a draft or a
    withdrawn one. With
    ``complete`` (``definitions`` is the whole catalogue), also remove the cube of an
    indicator whose definition is gone: deleting its file instead of withdrawing it must not
    leave its values published for ever."""
    inputs = None
    chosen = list(definitions)
    if complete:
        yield from _orphans_removed(store, base, {d.identifier for d in chosen})
    for definition in chosen:
        if not definition.is_public:
            # A withdrawn indicator, or one put back to draft: nothing of it stays public.
            if cube.withdraw(store, base, definition.identifier):
                yield f"{definition.identifier}: {definition.status}, its values removed"
            continue
        # Read once for the run: publishing a cube adds a graph no formula reads.
        inputs = inputs or read_inputs(store, base)
        computed = compute(store, base, definition, year=year, inputs=inputs)
        if year is not None:
            computed = merged_with_published(store, base, computed, year)
        label = f"demoi indicators compute: {definition.identifier}"
        triples = cube.publish(store, base, computed, label=label)
        yield (
            f"{definition.identifier}: {len(computed.values)} value(s), "
            f"{len(computed.gaps)} note(s) on missing values, {triples} triples in "
            f"{cube.cube_graph(base, definition.identifier)}"
        )


def _orphans_removed(store: Store, base: str, known: set[str]) -> Iterator[str]:
    prefix = cube.cube_graph(base, "")
    for info in store.graphs():
        identifier = info.iri.removeprefix(prefix)
        if info.iri.startswith(prefix) and identifier not in known:
            if cube.withdraw(store, base, identifier):
                yield f"{identifier}: no definition any more, its values removed"
