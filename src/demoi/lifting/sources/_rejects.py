"""``--skip-invalid-rows``: a row (a record, a unit, a decision) with a bad value is recorded
in the lift's rejects and left out, or, without the option, stops the read. Not a reader
itself (no ``read``)."""

from __future__ import annotations

from demoi.errors import DataError
from demoi.lifting.tabular import Reject


def record_or_raise(error: DataError, cells: list[str], rejects: list[Reject] | None) -> None:
    """With ``rejects`` (--skip-invalid-rows) the row is recorded there, as ``cells``, and the
    caller leaves it out; without, ``error`` stops the read."""
    if rejects is None:
        raise error
    assert error.location is not None  # readers place every row error
    rejects.append(Reject(error.location, cells, error.message))
