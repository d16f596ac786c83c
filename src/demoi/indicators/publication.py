"""Computing and publishing the catalogue's indicators, for ``demoi indicators compute`` and
the demo: approved indicators are computed and published, withdrawn ones removed, drafts left."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from demoi.indicators import cube
from demoi.indicators.compute import compute, read_inputs
from demoi.indicators.definitions import Definition
from demoi.indicators.results import merged_with_published
from demoi.store import Store


def publish_indicators(
    store: Store, base: str, definitions: Iterable[Definition], *, year: str | None = None
) -> Iterator[str]:
    """Publish each approved indicator (one line each); remove a withdrawn one's cube."""
    inputs = None
    for definition in definitions:
        if definition.status == "withdrawn":
            if cube.withdraw(store, base, definition.identifier):
                yield f"{definition.identifier}: withdrawn, its values removed"
            continue
        if not definition.is_public:
            continue
        # Read once for the run: publishing a cube adds a graph no formula reads.
        inputs = inputs or read_inputs(store, base)
        computed = compute(store, base, definition, year=year, inputs=inputs)
        if year is not None:
            computed = merged_with_published(store, base, computed, year)
        label = f"demoi indicators compute --indicator {definition.identifier}"
        triples = cube.publish(store, base, computed, label=label)
        yield (
            f"{definition.identifier}: {len(computed.values)} value(s), "
            f"{len(computed.gaps)} note(s) on missing values, {triples} triples in "
            f"{cube.cube_graph(base, definition.identifier)}"
        )
