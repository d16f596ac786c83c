"""Seeded generators of realistic municipal source files for the demo graph.

Each generator writes, for one municipality, the file a municipal system would export for one
mapping (same encoding, delimiter, number and date formats, headers, sheets as the samples in
examples/), so the demo is lifted through exactly the pipeline `demoi lift` runs. Generators are
deterministic: the same (seed, municipality, generator) always gives the same bytes.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from demoi.municipalities import Municipality


@dataclass(frozen=True)
class GeneratedSource:
    """One source file for one municipality and how `demoi lift` is run on it."""

    filename: str  # e.g. "4401-2024-expense.cp1253.csv"; unique within a municipality
    content: bytes
    mapping: str
    parameters: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    dataset: str | None = None


#: (municipality, its random generator, scale) -> the sources; scale 1 is the size the
#: national demo uses (about a million triples over all 332 municipalities), rows grow with it.
Generator = Callable[[Municipality, random.Random, float], list[GeneratedSource]]

#: Generators by name (usually the mapping name), in the order the demo runs them.
GENERATORS: dict[str, Generator] = {}

#: The modules whose import registers generators (one per group of areas).
GENERATOR_MODULES = (
    "demoi.demo.generate_administration",  # finance, decisions, procurement, organisation,
    # statistics, catalogue
    "demoi.demo.generate_territory",  # places, environment, mobility, utilities, culture, services
)


def generator(name: str) -> Callable[[Generator], Generator]:
    """Register a generator under ``name``."""

    def register(function: Generator) -> Generator:
        if name in GENERATORS:
            raise RuntimeError(f"two demo generators are named {name!r}")
        GENERATORS[name] = function
        return function

    return register


def rng_for(seed: int, municipality: str, name: str) -> random.Random:
    """The random generator of one (seed, municipality, generator): independent of the order in
    which municipalities or generators run, and of PYTHONHASHSEED (str seeds are hashed with
    SHA-512)."""
    return random.Random(f"{seed}:{municipality}:{name}")


#: The population of an average municipality (10.4 million residents / 332), the size at which
#: a generator writes its base number of rows.
AVERAGE_POPULATION = 31_500


def size_factor(municipality: Municipality) -> float:
    """How much bigger than an average municipality the generated files are: sub-linear in the
    population (Athens, 20 times the average population, gets about 6 times the rows; a
    municipality of 1,000 residents about a seventh), since a big city does not publish twenty
    times as many kinds of things, only more of them."""
    return float((municipality.population / AVERAGE_POPULATION) ** 0.6)


def row_count(base: float, municipality: Municipality, scale: float, *, least: int = 1) -> int:
    """The number of rows of a generated table: ``base`` rows for an average municipality at
    scale 1, grown by the municipality's size and the scale."""
    return max(least, round(base * scale * size_factor(municipality)))
