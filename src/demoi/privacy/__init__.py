"""The personal-data guard (law 4727/2020, art. 60 §6): personal data never reach a published
graph. Every lift passes its tables through ``guard_personal_data`` before the mapping runs.

The guard's rules (which columns of which sources hold personal data, and how they are removed,
generalised or aggregated) are the privacy issue's to write; until then it returns the tables
unchanged, and the readers themselves leave out what is plainly personal (e.g. the Diavgeia
reader keeps only legal entities as counterparties).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping
    from demoi.lifting.sources import SourceData


def guard_personal_data(data: SourceData, mapping: Mapping) -> SourceData:
    return data
