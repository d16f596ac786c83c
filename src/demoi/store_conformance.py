"""Conformance of what is published: `demoi validate --store` validates every published graph
against its area's profile and keeps the results in the store, for the matrix municipality ×
area at /conformance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from demoi.store import Store


@dataclass(frozen=True)
class Cell:
    """One municipality × area of the matrix."""

    municipality: str  # ELSTAT code
    area: str
    graphs: int
    conforming: int  # graphs without violations
    violations: int
    warnings: int
    checked: datetime | None


@dataclass
class StoreCheck:
    cells: list[Cell]
    validated: int  # graphs validated this run
    unchanged: int  # graphs skipped: unchanged since their last check

    @property
    def conforms(self) -> bool:
        return all(cell.violations == 0 for cell in self.cells)


def validate_store(
    store: Store,
    *,
    base: str,
    municipality: str | None = None,
    area: str | None = None,
    force: bool = False,
) -> StoreCheck:
    raise NotImplementedError
